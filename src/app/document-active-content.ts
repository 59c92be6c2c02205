import { walkPdf } from './pdf-object-walk.js';
import { xmlText } from './xml-encoding.js';

/** Why a document is refused for what it carries, beyond its type. */
export type ActiveContentFinding =
  | { readonly kind: 'pdf-active-content'; readonly name: string }
  | { readonly kind: 'pdf-expands-too-far' }
  | { readonly kind: 'pdf-encrypted' }
  | { readonly kind: 'pdf-unreadable' }
  | { readonly kind: 'xml-document-type' }
  | { readonly kind: 'xml-encoding' };

/**
 * PDF names that run or carry something when the document is opened: scripts, launching
 * programs, embedded files, forms that send data out, rich media, and go-to actions into another
 * file (GoToR, GoToE), which a reader follows to a `\\host\share` path and so hands the host the
 * staff member's Windows credentials. A scan or a signed statement needs none of them, and the staff
 * who open applicants' documents should never meet them.
 */
export const ACTIVE_PDF_NAMES: ReadonlySet<string> = new Set([
  'JavaScript',
  'JS',
  'Launch',
  'EmbeddedFile',
  'EmbeddedFiles',
  'RichMedia',
  'XFA',
  'SubmitForm',
  'ImportData',
  'GoToR',
  'GoToE',
]);

/** How far the compressed parts of one PDF may expand, all streams together, images included. */
export const MAX_PDF_INFLATED_BYTES = 64 * 1024 * 1024;

/**
 * The policy for an uploaded PDF. Matching patterns in its raw bytes is not enough (an object
 * stream, a predictor, an "image" label or encryption hide them), so the file is parsed:
 * - every indirect object is read, wherever a reader could find one, and so is every object in an
 *   object stream (a stream with /Type /ObjStm, or with /N and /First whatever else it says);
 * - every stream is decoded through its filters and predictors under one budget of inflated bytes
 *   for the whole file (Flate with a hard output limit); an image label does not exempt a stream
 *   from the budget, only its pixels from being read as objects;
 * - any active-content name anywhere (with `#xx` escapes decoded) refuses the file;
 * - an encrypted file is refused outright: an applicant's scan has no reason to be encrypted, and
 *   its contents cannot be checked;
 * - a file whose streams do not decode, or that cannot be read within bounds, is refused.
 * The libraries at hand do not fit: pdf-lib neither decrypts nor applies predictors, decodes object
 * streams without a limit and reads only upper-case escapes; pdf.js decrypts but offers no walk
 * over raw objects and decodes without a limit either.
 */
export async function pdfActiveContent(body: Buffer): Promise<ActiveContentFinding | undefined> {
  const walk = await walkPdf(body, (name) => ACTIVE_PDF_NAMES.has(name), MAX_PDF_INFLATED_BYTES);
  switch (walk.kind) {
    case 'clean':
      return undefined;
    case 'name-refused':
      return { kind: 'pdf-active-content', name: walk.name };
    case 'encrypted':
      return { kind: 'pdf-encrypted' };
    case 'expands-too-far':
      return { kind: 'pdf-expands-too-far' };
    case 'unreadable':
      return { kind: 'pdf-unreadable' };
  }
}

/**
 * XML with a document type can declare entities that expand without end (a "billion laughs");
 * signed XML never needs one. The text is read in the encoding it is in, so UTF-16 does not hide
 * a declaration, and an encoding that cannot be read safely is refused.
 */
export function xmlActiveContent(body: Buffer): ActiveContentFinding | undefined {
  const text = xmlText(body);
  if (text === undefined) return { kind: 'xml-encoding' };
  return /<!(DOCTYPE|ENTITY)/i.test(text) ? { kind: 'xml-document-type' } : undefined;
}
