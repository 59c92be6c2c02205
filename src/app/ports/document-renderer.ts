import type { CaseEvent } from '../../core/engine/case-events.js';
import type { CaseState } from '../../core/engine/case-model.js';
import type { TLanguage } from '../../core/regulation/schema.js';
import type { CourierManifest } from './case-store.js';

/** The languages a document is printed in: Kazakh, Russian, or both on one document. */
export type PrintLanguage = 'kk' | 'ru' | 'kk+ru';

/** A person who signed a document for one of its signatory posts. */
export interface DocumentSigner {
  readonly role: string;
  readonly name: string;
  readonly acting?: { readonly for: string; readonly order: string };
}

/** Renders the documents people hold as PDF. */
export interface DocumentRenderer {
  /** A signed result document (its canonical JSON, parsed), with the people who signed it post by post, as the case file names them. */
  renderPdf(document: unknown, lang: PrintLanguage, signedBy?: readonly DocumentSigner[]): Promise<Uint8Array>;
  /** The receipt of an application (or the receipt refusing acceptance), from the case and its history; undefined when none can be made. */
  renderReceiptPdf(
    input: { readonly state: CaseState; readonly history: readonly CaseEvent[]; readonly files: readonly { fileName: string; size: number; sha256: string }[] },
    lang: PrintLanguage,
  ): Promise<Uint8Array | undefined>;
  /** A courier manifest as printed for the courier to carry and each side to sign; `people` names the members of staff by id. */
  renderManifestPdf(manifest: CourierManifest, people: ReadonlyMap<string, string>, lang: TLanguage): Promise<Uint8Array>;
}
