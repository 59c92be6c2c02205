import type { CaseEvent } from '../../core/engine/case-events.js';
import type { CaseState } from '../../core/engine/case-model.js';

/** The event that issues a result. */
export type ResultIssued = Extract<CaseEvent, { type: 'result-issued' }>;

/**
 * Signs a result as it is issued: builds the result document (or the motivated refusal) of the case
 * as it stands after the issuing event and returns it signed by the provider's authorised key
 * (base64 CMS with the document's canonical JSON inside). It runs before the event is written, so
 * a result is never issued unsigned when a sealer is configured.
 */
export interface ResultSealer {
  /** `pending` are the events of this command, `issued` among them: the history before them is in the store. */
  seal(state: CaseState, issued: ResultIssued, pending: readonly CaseEvent[]): Promise<string>;
}
