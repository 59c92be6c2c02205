import type { ActingFor, CaseEvent } from '../engine/case-events.js';
import { signersOf } from '../engine/duties.js';
import type { TRegulation, TText } from '../regulation/schema.js';

/** A post that signs a document, in the order it signs. */
export interface Signatory {
  readonly role: string;
  readonly position: TText;
  readonly electronic: boolean;
}

/** How a case's final document is signed, as its history says: its date, its signatories, and the signatures made on the signing step. */
export interface DocumentSigning {
  /** The instant the document is dated (epoch ms). */
  readonly instant: number;
  readonly signatories: readonly Signatory[];
  /** The signing procedure, when a procedure of kind `sign` decided the document. */
  readonly procedureId: string | undefined;
  /** Each signature on that step, in order: who, in which role, and their CMS when they signed electronically. */
  readonly signatures: readonly DocumentSignature[];
}

/** One signature made on the signing step. */
export interface DocumentSignature {
  readonly by: string;
  readonly role: string;
  readonly at: number;
  /** The signer's detached CMS over the document, when they signed electronically. */
  readonly signature: string | undefined;
  readonly acting?: ActingFor;
}

type StepCompleted = Extract<CaseEvent, { type: 'step-completed' }>;

/**
 * Reads the signing of the document a case ends with. When a signing procedure decided it, the
 * document is dated when that procedure began — the draft every signer signs must not change
 * between the first signature and the last — and names that procedure's signers; otherwise it is
 * dated `issuedAt` and names whoever completed the last step. The signatures are all electronic or
 * none: the first signature on the step decides (the application refuses a mix).
 */
export function documentSigning(history: readonly CaseEvent[], regulation: TRegulation, issuedAt: number): DocumentSigning {
  const procedureOf = (id: string) => regulation.procedures.find((p) => p.id === id);
  const titleOf = (role: string | undefined): TText => {
    const found = regulation.roles.find((r) => r.id === role)?.title;
    return found ?? { kk: role ?? '—', ru: role ?? '—', en: role ?? '—' };
  };
  const completedAt = history.flatMap((e, i) => (e.type === 'step-completed' ? [i] : []));
  const signingIndex = [...completedAt].reverse().find((i) => procedureOf((history[i] as StepCompleted).procedureId)?.kinds.includes('sign'));
  if (signingIndex === undefined) {
    const last = completedAt.length > 0 ? (history[completedAt[completedAt.length - 1]!] as StepCompleted) : undefined;
    const role = last ? (last.role ?? procedureOf(last.procedureId)?.actor) : undefined;
    const signatories = last && role ? [{ role, position: titleOf(role), electronic: false }] : [];
    return { instant: issuedAt, signatories, procedureId: undefined, signatures: [] };
  }
  const signing = history[signingIndex] as StepCompleted;
  const before = completedAt.filter((i) => i < signingIndex);
  const startIndex = before.length > 0 ? before[before.length - 1]! : -1;
  const start = startIndex >= 0 ? history[startIndex]! : history.find((e) => e.type === 'submitted');
  const instant = start?.type === 'submitted' ? start.receipt : (start?.at ?? issuedAt);
  const made = history
    .slice(startIndex + 1, signingIndex)
    .filter((e): e is Extract<CaseEvent, { type: 'signed' }> => e.type === 'signed' && e.procedureId === signing.procedureId);
  const signatures = [...made.map((e) => signatureOf(e, e.role)), signatureOf(signing, signing.role ?? procedureOf(signing.procedureId)?.actor ?? '')];
  const electronic = signatures[0]!.signature !== undefined;
  const roles = signersOf(procedureOf(signing.procedureId)!);
  return {
    instant,
    signatories: roles.map((role) => ({ role, position: titleOf(role), electronic })),
    procedureId: signing.procedureId,
    signatures,
  };
}

function signatureOf(e: { by: string; at: number; signature?: string; acting?: ActingFor }, role: string): DocumentSignature {
  return { by: e.by, role, at: e.at, signature: e.signature, ...(e.acting ? { acting: e.acting } : {}) };
}
