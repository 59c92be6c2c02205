import type { DocumentRenderer } from '../app/ports/document-renderer.js';
import { renderDocumentPdf } from './pdf/render-document-pdf.js';
import type { ResultDocument } from './result-document.js';

/** The PDF renderer over the documents this module builds (the signed JSON is a ResultDocument). */
export const pdfDocumentRenderer: DocumentRenderer = {
  renderPdf: (document, lang) => renderDocumentPdf(document as ResultDocument, lang),
};
