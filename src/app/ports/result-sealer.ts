import type { CaseEvent } from '../../core/engine/case-events.js';
import type { CaseState } from '../../core/engine/case-model.js';

/** The event that issues a result. */
export type ResultIssued = Extract<CaseEvent, { type: 'result-issued' }>;

/**
 * Builds and signs result documents. `documentAfter` gives the document of a case as it would stand
 * after `pending` (its canonical JSON: the bytes the signing posts sign). `seal` runs before the
 * issuing event is written: it joins the signatures the signers made over that document into one
 * CMS carrying it, or — where no person signed electronically — signs it with the provider's
 * organisation key when one is configured; undefined when there is neither.
 */
export interface ResultSealer {
  documentAfter(state: CaseState, pending: readonly CaseEvent[]): Promise<{ readonly json: string; readonly document: unknown }>;
  /** `pending` are the events of this command, `issued` among them: the history before them is in the store. */
  seal(state: CaseState, issued: ResultIssued, pending: readonly CaseEvent[]): Promise<string | undefined>;
}
