#!/usr/bin/env node
// Verifies an exported case file of reglament without the system: plain Node.js (18 or newer), no
// dependencies. Usage: node verify.mjs [DIR | FILE.zip]   (default: the folder this script is in)
// It checks (1) every file against the SHA-256 in manifest.json, (2) the hash chain of the case
// history, (3) the documents against the hashes the history and attachments.json recorded, and
// (4) the daily anchors: their own chain, and that the anchor's list of chain heads holds this
// case's entry with the same hash. Exit code 0 when everything holds, 1 otherwise, 2 on bad use.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const GENESIS = '0'.repeat(64);
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** JSON with sorted keys: the same text the system hashed. */
function canonicalJson(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The files of a folder, by path relative to it with forward slashes. */
function readFolder(root) {
  const files = new Map();
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(root, path).split(sep).join('/'), readFileSync(path));
    }
  };
  walk(root);
  return files;
}

/** The files of a zip archive (stored or deflated entries), read from its central directory. */
function readZip(file) {
  const zip = readFileSync(file);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip archive');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('damaged zip central directory');
    const method = zip.readUInt16LE(at + 10);
    const packedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const packed = zip.subarray(dataAt, dataAt + packedSize);
    if (!name.endsWith('/')) files.set(name, method === 8 ? inflateRawSync(packed, { maxOutputLength: size }) : Buffer.from(packed));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

/** Runs every check; returns the failures (empty when the case file is intact) and what was checked. */
export function verifyCaseFile(files) {
  const failures = [];
  const notes = [];
  const json = (path) => {
    const bytes = files.get(path);
    if (!bytes) throw new Error(`${path} is missing`);
    return JSON.parse(bytes.toString('utf8'));
  };
  let manifest;
  try {
    manifest = json('manifest.json');
  } catch (e) {
    return { failures: [`manifest.json: ${e.message}`], notes };
  }
  notes.push(`case ${manifest.caseId}, exported ${manifest.exportedAt}; manifest.json SHA-256 ${sha256(files.get('manifest.json'))}`);

  // (1) every file as the manifest lists it, and nothing unlisted
  const listed = new Set(['manifest.json']);
  for (const entry of manifest.files) {
    listed.add(entry.path);
    const bytes = files.get(entry.path);
    if (!bytes) failures.push(`${entry.path}: listed in the manifest but missing`);
    else if (bytes.length !== entry.size || sha256(bytes) !== entry.sha256)
      failures.push(`${entry.path}: its SHA-256 differs from the manifest's (the file was altered)`);
  }
  for (const path of files.keys()) if (!listed.has(path)) failures.push(`${path}: not listed in the manifest (added after export)`);

  // (2) the hash chain of the history
  let history = [];
  try {
    history = json('history.json');
    let prev = GENESIS;
    for (let i = 0; i < history.length; i++) {
      const e = history[i];
      const expected = createHash('sha256')
        .update(`${prev}\n${manifest.caseId}\n${e.seq}\n${canonicalJson(e.event)}`)
        .digest('hex');
      if (e.seq !== i + 1) failures.push(`history.json: entry ${i + 1} is missing or out of order`);
      else if (e.prevHash !== prev) failures.push(`history.json: entry ${e.seq} does not link to the entry before it`);
      else if (expected !== e.hash) failures.push(`history.json: entry ${e.seq} (${e.event?.type}) does not match its hash (its content was altered)`);
      else {
        prev = e.hash;
        continue;
      }
      break;
    }
    notes.push(`history: ${history.length} entries`);
  } catch (e) {
    failures.push(`history.json: ${e.message}`);
  }

  // (3) the documents against the hashes recorded with them
  try {
    for (const a of json('attachments.json')) {
      const bytes = files.get(a.path);
      if (!bytes) failures.push(`${a.path}: document missing`);
      else if (sha256(bytes) !== a.sha256) failures.push(`${a.path}: document differs from the SHA-256 recorded when it was uploaded`);
    }
  } catch (e) {
    failures.push(`attachments.json: ${e.message}`);
  }

  // (4) the anchors
  try {
    const anchors = json('anchors.json');
    let prev = GENESIS;
    for (const a of anchors) {
      const own = createHash('sha256').update(`${a.prevHash}\n${a.day}\n${a.cutoff}\n${a.cases}\n${a.headsHash}`).digest('hex');
      if (a.prevHash !== prev) failures.push(`anchors.json: the anchor of ${a.day} does not link to the one before it`);
      else if (own !== a.hash) failures.push(`anchors.json: the anchor of ${a.day} does not match its hash`);
      prev = a.hash;
    }
    const covering = anchors[anchors.length - 1];
    if (!covering) notes.push('anchors: none yet covers this case (it is newer than the last daily anchor)');
    else {
      const heads = json('anchor-heads.json');
      const lines = [...heads].sort((x, y) => (x.caseId < y.caseId ? -1 : x.caseId > y.caseId ? 1 : 0)).map((h) => `${h.caseId} ${h.seq} ${h.hash}\n`);
      if (heads.length !== covering.cases || sha256(lines.join('')) !== covering.headsHash)
        failures.push(`anchor-heads.json: the chain heads do not give the anchor of ${covering.day}`);
      const head = heads.find((h) => h.caseId === manifest.caseId);
      const entry = head && history.find((e) => e.seq === head.seq);
      if (!head) failures.push(`anchor-heads.json: the anchor of ${covering.day} holds no head of this case`);
      else if (!entry || entry.hash !== head.hash) failures.push(`history.json: entry ${head.seq} differs from what the anchor of ${covering.day} recorded`);
      else notes.push(`anchor of ${covering.day} (${covering.hash}) covers entries 1–${head.seq} of ${history.length}`);
    }
  } catch (e) {
    failures.push(`anchors: ${e.message}`);
  }
  return { failures, notes };
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const target = process.argv[2] ?? dirname(fileURLToPath(import.meta.url));
  let files;
  try {
    files = target.endsWith('.zip') ? readZip(target) : readFolder(target);
  } catch (e) {
    console.error(`cannot read ${target}: ${e.message}`);
    process.exit(2);
  }
  const { failures, notes } = verifyCaseFile(files);
  for (const n of notes) console.log(n);
  for (const f of failures) console.log(`FAILED ${f}`);
  console.log(failures.length === 0 ? 'VERIFIED: the case file is intact' : `NOT VERIFIED: ${failures.length} problem(s)`);
  process.exit(failures.length === 0 ? 0 : 1);
}
