import { createHash } from 'node:crypto';
import * as chain from '../core/audit/hash-chain.js';
import type { CaseEvent } from '../core/engine/case-events.js';

export { GENESIS_HASH, canonicalJson, type ChainVerdict } from '../core/audit/hash-chain.js';

/** SHA-256 in hex, by node:crypto: the hash every chain of this deployment uses. */
export const sha256Hex: chain.Sha256Hex = (text) => createHash('sha256').update(text).digest('hex');

/** The hash of an entry, with SHA-256. */
export const entryHash = (prevHash: string, caseId: string, seq: number, event: CaseEvent) => chain.entryHash(sha256Hex, prevHash, caseId, seq, event);

/** Links events onto a chain that ends in `prevHash` at `lastSeq`, with SHA-256. */
export const chainEvents = (caseId: string, lastSeq: number, prevHash: string, events: readonly CaseEvent[]) =>
  chain.chainEvents(sha256Hex, caseId, lastSeq, prevHash, events);

/** Verifies a case's hash chain from its first entry, with SHA-256. */
export const verifyChain = (history: readonly chain.ChainEntry[]) => chain.verifyChain(sha256Hex, history);
