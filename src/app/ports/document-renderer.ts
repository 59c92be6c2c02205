/** Renders a signed result document (its canonical JSON, parsed) as the PDF people hold. */
export interface DocumentRenderer {
  /** `lang` is the applicant's choice: Kazakh, Russian, or both on one document. */
  renderPdf(document: unknown, lang: 'kk' | 'ru' | 'kk+ru'): Promise<Uint8Array>;
}
