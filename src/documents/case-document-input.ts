import type { TimeZone } from '../core/clock/time-zone.js';
import type { TDirectory } from '../core/directory/directory-schema.js';
import type { CaseEvent } from '../core/engine/case-events.js';
import type { CaseState } from '../core/engine/case-model.js';
import type { TRegulation } from '../core/regulation/schema.js';
import type { TListedFile } from '../core/documents/result-document.js';

/**
 * What a document of a case is built from: the case as the engine left it, its history, its
 * regulation, the organisation directory, the provider's zone (for dates) and the public address
 * of the verification page. The application has all of it when it shows a case.
 */
export interface CaseDocumentInput {
  readonly state: CaseState;
  /** The case's events in order (the store's history, without the chain fields). */
  readonly history: readonly CaseEvent[];
  readonly regulation: TRegulation;
  readonly directory: Pick<TDirectory, 'organisations' | 'offices' | 'demoUsers'>;
  /** The zone the provider's office keeps time in: dates print as its wall clock. */
  readonly zone: TimeZone;
  /** Where the public verification page lives, e.g. https://reglament.example.kz (no trailing slash needed). */
  readonly baseUrl: string;
  /** A staff member's full name by user id; demo accounts are found in the directory without it. */
  readonly personName?: (userId: string) => string | undefined;
  /** The documents handed in with the application, for a receipt. */
  readonly files?: readonly TListedFile[];
  /** Marks the document as made-up demonstration data. */
  readonly sample?: boolean;
}

/** The public verification address of a registry number. */
export function verificationUrl(baseUrl: string, number: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/verify/${encodeURIComponent(number)}`;
}
