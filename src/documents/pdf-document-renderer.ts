import type { DocumentRenderer } from '../app/ports/document-renderer.js';
import type { TimeZone } from '../core/clock/time-zone.js';
import type { TDirectory } from '../core/directory/directory-schema.js';
import type { TRegulation } from '../core/regulation/schema.js';
import { buildReceiptDocument, receiptSignedBy } from './build-receipt-document.js';
import { renderDocumentPdf } from './pdf/render-document-pdf.js';
import { renderManifestPdf } from './pdf/render-manifest-pdf.js';
import type { ResultDocument } from '../core/documents/result-document.js';

/** The PDF renderer over the documents this module builds (a signed result's JSON is a ResultDocument). */
export function pdfDocumentRenderer(sources: {
  regulations: readonly TRegulation[];
  directory: TDirectory;
  zone: TimeZone;
  publicUrl: string;
}): DocumentRenderer {
  return {
    renderPdf: (document, lang, signedBy) => renderDocumentPdf(document as ResultDocument, lang, signedBy),
    async renderReceiptPdf(input, lang) {
      const regulation = sources.regulations.find((r) => r.id === input.state.service);
      if (!regulation) return undefined;
      const documentInput = { ...input, regulation, directory: sources.directory, zone: sources.zone, baseUrl: sources.publicUrl };
      const built = buildReceiptDocument(documentInput);
      return built.ok ? renderDocumentPdf(built.value, lang, receiptSignedBy(documentInput, built.value)) : undefined;
    },
    renderManifestPdf: (manifest, people, lang) =>
      renderManifestPdf(
        manifest,
        {
          office: (id) => sources.directory.offices.find((o) => o.id === id)?.title,
          service: (id) => sources.regulations.find((r) => r.id === id)?.title,
          person: (id) => people.get(id),
        },
        sources.zone,
        lang,
      ),
  };
}
