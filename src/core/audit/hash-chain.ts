import type { CaseEvent } from '../engine/case-events.js';

/** SHA-256 of a text, as 64 hex digits: given by the caller, so the chain's logic stays free of I/O and of any crypto library. */
export type Sha256Hex = (text: string) => string;

/** One entry of a case's history as it is chained: its place, its event, and the hashes that link it. */
export interface ChainEntry {
  readonly caseId: string;
  readonly seq: number;
  readonly event: CaseEvent;
  readonly prevHash: string;
  readonly hash: string;
}

/** The hash before a case's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with sorted keys, so the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The hash of an entry: it covers the previous hash, so changing any entry breaks every later link. */
export function entryHash(sha256: Sha256Hex, prevHash: string, caseId: string, seq: number, event: CaseEvent): string {
  return sha256(`${prevHash}\n${caseId}\n${seq}\n${canonicalJson(event)}`);
}

/** Links events onto a chain that ends in `prevHash` at `lastSeq`. */
export function chainEvents(sha256: Sha256Hex, caseId: string, lastSeq: number, prevHash: string, events: readonly CaseEvent[]): ChainEntry[] {
  let prev = prevHash;
  return events.map((event, i) => {
    const seq = lastSeq + i + 1;
    const hash = entryHash(sha256, prev, caseId, seq, event);
    const stored = { caseId, seq, event, prevHash: prev, hash };
    prev = hash;
    return stored;
  });
}

/** Whether a history is untouched, or the first entry that was altered, removed or reordered. */
export type ChainVerdict = { readonly ok: true; readonly entries: number } | { readonly ok: false; readonly firstBrokenSeq: number; readonly reason: string };

/** Verifies a case's hash chain from its first entry. */
export function verifyChain(sha256: Sha256Hex, history: readonly ChainEntry[]): ChainVerdict {
  let prev = GENESIS_HASH;
  for (let i = 0; i < history.length; i++) {
    const e = history[i]!;
    if (e.seq !== i + 1) return { ok: false, firstBrokenSeq: i + 1, reason: `entry ${i + 1} is missing or out of order` };
    if (e.prevHash !== prev) return { ok: false, firstBrokenSeq: e.seq, reason: 'does not link to the entry before it' };
    if (entryHash(sha256, prev, e.caseId, e.seq, e.event) !== e.hash)
      return { ok: false, firstBrokenSeq: e.seq, reason: 'its content does not match its hash' };
    prev = e.hash;
  }
  return { ok: true, entries: history.length };
}
