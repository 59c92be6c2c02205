import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { OpenedStores } from '../store/open-stores.js';
import type { AnchorStore } from './anchor-store.js';
import type { ArchiveFile } from './zip-archive.js';

/** The format of an exported case file, named in its manifest. */
export const CASE_FILE_FORMAT = 'reglament-case-file/1';

/** The offline verifier, copied into every case file (plain Node.js, no dependencies). */
export const VERIFIER_SOURCE = new URL('../../src/evidence/verifier/verify-case-file.mjs', import.meta.url);

/** One line of the manifest: a file of the case file and its SHA-256. */
export interface ManifestEntry {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const jsonFile = (path: string, value: unknown): ArchiveFile => ({ path, bytes: Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8') });
/** A file name safe on every file system, keeping letters of any script. */
const safeName = (name: string) => name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 100) || 'document';

const README = `Case file exported from reglament / reglament жүйесінен алынған іс / Дело, выгруженное из reglament

en: Check it without the system: install Node.js 18 or newer and run  node verify.mjs  in this folder
    (or  node verify.mjs FILE.zip ). It checks every file against manifest.json, the hash chain of
    the history, the documents against their recorded hashes, and the daily anchor that covers the
    case. Compare the manifest's SHA-256 it prints with the one sent with the case file.
kk: Жүйесіз тексеру: Node.js 18 не жаңасын орнатып, осы қалтада  node verify.mjs  іске қосыңыз.
    Ол әр файлды manifest.json бойынша, тарихтың хэш тізбегін, құжаттардың хэштерін және істі
    қамтитын күндік якорьді тексереді.
ru: Проверка без системы: установите Node.js 18 или новее и запустите в этой папке  node verify.mjs .
    Проверяются все файлы по manifest.json, хэш-цепочка истории, хэши документов и суточный якорь,
    покрывающий дело.
`;

/**
 * Everything a court or an appeal body needs to check a case without the system: the case as it
 * stands, its history with the hash of every entry, the documents and signatures, the daily anchor
 * that covers it with the chain heads it was computed over, the verifier, and a manifest with the
 * SHA-256 of every file. Undefined when there is no such case.
 */
export async function buildCaseFile(
  stores: OpenedStores,
  anchors: AnchorStore,
  caseId: string,
  exportedAt: number,
): Promise<{ files: ArchiveFile[]; manifest: ArchiveFile } | undefined> {
  const history = await stores.cases.history(caseId);
  const state = await stores.cases.load(caseId);
  if (history.length === 0 || !state) return undefined;

  const files: ArchiveFile[] = [
    jsonFile('case.json', state),
    jsonFile(
      'history.json',
      history.map((e) => ({ seq: e.seq, at: new Date(e.event.at).toISOString(), type: e.event.type, event: e.event, prevHash: e.prevHash, hash: e.hash })),
    ),
  ];

  const attachments = [];
  for (const info of await stores.attachments.ofCase(caseId)) {
    const body = await stores.attachments.body(info.id);
    if (!body) continue;
    const folder = info.mediaType === 'application/pkcs7-signature' ? 'signatures' : 'attachments';
    const path = `${folder}/${info.id}-${safeName(info.fileName)}`;
    files.push({ path, bytes: body });
    attachments.push({
      path,
      id: info.id,
      fileName: info.fileName,
      mediaType: info.mediaType,
      size: info.size,
      sha256: info.sha256,
      uploadedAt: new Date(info.createdAt).toISOString(),
    });
  }
  files.push(jsonFile('attachments.json', attachments));
  // Signatures carried in the history itself (the applicant's signed statement, a signed result).
  const signed = history.flatMap((e) => {
    const ev = e.event as { signed?: unknown; signature?: unknown };
    return ev.signed !== undefined || ev.signature !== undefined
      ? [
          {
            seq: e.seq,
            type: e.event.type,
            ...(ev.signed !== undefined ? { signed: ev.signed } : {}),
            ...(ev.signature !== undefined ? { signature: ev.signature } : {}),
          },
        ]
      : [];
  });
  files.push(jsonFile('signatures/in-history.json', signed));

  // The anchors up to the last one covering any of this case's entries, and that anchor's heads.
  const all = await anchors.all();
  const firstAt = history[0]!.event.at;
  const covering = all.filter((a) => a.cutoff > firstAt);
  const chain = covering.length > 0 ? all.slice(0, all.indexOf(covering[covering.length - 1]!) + 1) : [];
  files.push(jsonFile('anchors.json', chain));
  if (chain.length > 0) files.push(jsonFile('anchor-heads.json', await anchors.headsAt(chain[chain.length - 1]!.cutoff)));

  files.push({ path: 'verify.mjs', bytes: readFileSync(VERIFIER_SOURCE) }, { path: 'README.txt', bytes: Buffer.from(README, 'utf8') });
  const entries: ManifestEntry[] = files.map((f) => ({ path: f.path, size: f.bytes.length, sha256: sha256(f.bytes) }));
  const manifest = jsonFile('manifest.json', { format: CASE_FILE_FORMAT, caseId, exportedAt: new Date(exportedAt).toISOString(), files: entries });
  return { files, manifest };
}
