import { createHash } from 'node:crypto';
import { GENESIS_HASH } from '../store/audit-chain.js';

/** The head of one case's chain at an instant: its last entry then, and that entry's hash. */
export interface ChainHead {
  readonly caseId: string;
  readonly seq: number;
  readonly hash: string;
}

/**
 * A daily anchor: one hash over the heads of every case chain as of a day's end, itself chained to
 * the anchor before it. Rewriting any history before the day's end, even with every hash of that
 * case recomputed, changes the heads and so breaks the anchor and every later one.
 */
export interface AuditAnchor {
  /** The local date (Kazakhstan time) whose end the anchor records. */
  readonly day: string;
  /** The instant the day ended: entries strictly before it are covered. */
  readonly cutoff: number;
  readonly cases: number;
  readonly headsHash: string;
  readonly prevHash: string;
  readonly hash: string;
  readonly createdAt: number;
}

/** The hash over chain heads: one line "caseId seq hash" per case, in case id order. */
export function headsHash(heads: readonly ChainHead[]): string {
  const lines = [...heads].sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0)).map((h) => `${h.caseId} ${h.seq} ${h.hash}\n`);
  return createHash('sha256').update(lines.join('')).digest('hex');
}

/** An anchor's own hash: it covers the previous anchor's hash, the day, the cutoff and the heads. */
export function anchorHash(prevHash: string, day: string, cutoff: number, cases: number, heads: string): string {
  return createHash('sha256').update(`${prevHash}\n${day}\n${cutoff}\n${cases}\n${heads}`).digest('hex');
}

/** Builds the anchor of a day on top of the last one (or the genesis hash). */
export function newAnchor(previous: AuditAnchor | undefined, day: string, cutoff: number, heads: readonly ChainHead[], createdAt: number): AuditAnchor {
  const prevHash = previous?.hash ?? GENESIS_HASH;
  const hh = headsHash(heads);
  return { day, cutoff, cases: heads.length, headsHash: hh, prevHash, hash: anchorHash(prevHash, day, cutoff, heads.length, hh), createdAt };
}

/** What checking the anchors found: all intact, or the first anchor that is not, and why. */
export type AnchorVerdict = { readonly ok: true; readonly anchors: number } | { readonly ok: false; readonly day: string; readonly reason: string };

/**
 * Checks the chain of anchors and, through `headsAt`, that the histories as stored now still have
 * the heads each anchor recorded.
 */
export async function verifyAnchors(anchors: readonly AuditAnchor[], headsAt: (cutoff: number) => Promise<ChainHead[]>): Promise<AnchorVerdict> {
  let prev = GENESIS_HASH;
  for (const a of anchors) {
    if (a.prevHash !== prev) return { ok: false, day: a.day, reason: 'does not link to the anchor before it' };
    if (anchorHash(a.prevHash, a.day, a.cutoff, a.cases, a.headsHash) !== a.hash)
      return { ok: false, day: a.day, reason: 'its content does not match its hash' };
    const heads = await headsAt(a.cutoff);
    if (heads.length !== a.cases || headsHash(heads) !== a.headsHash)
      return { ok: false, day: a.day, reason: 'the case histories before its cutoff are not those it recorded' };
    prev = a.hash;
  }
  return { ok: true, anchors: anchors.length };
}
