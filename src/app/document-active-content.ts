import { constants, inflateSync } from 'node:zlib';

/** Why a document is refused for what it carries, beyond its type. */
export type ActiveContentFinding =
  | { readonly kind: 'pdf-active-content'; readonly name: string }
  | { readonly kind: 'pdf-expands-too-far' }
  | { readonly kind: 'xml-document-type' };

/**
 * PDF names that run or carry something when the document is opened: scripts, launching
 * programs, embedded files, forms that send data out, rich media. A scan or a signed statement
 * needs none of them, and the staff who open applicants' documents should never meet them.
 */
const ACTIVE_PDF_NAMES = new Set(['JavaScript', 'JS', 'Launch', 'EmbeddedFile', 'EmbeddedFiles', 'RichMedia', 'XFA', 'SubmitForm', 'ImportData']);

/** How far the compressed non-image parts of one PDF may expand while they are searched. */
export const MAX_PDF_INFLATED_BYTES = 64 * 1024 * 1024;

const NAME = /\/((?:[A-Za-z0-9_.+-]|#[0-9A-Fa-f]{2})+)/g;
const STREAM = /stream\r?\n/g;

/** The decoded PDF names in a text: `/J#61vaScript` is `/JavaScript`. */
function activeNameIn(text: string): string | undefined {
  for (const match of text.matchAll(NAME)) {
    const name = match[1]!.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (ACTIVE_PDF_NAMES.has(name)) return name;
  }
  return undefined;
}

/**
 * Searches a PDF for active content: in its plain objects, and in its Flate-compressed streams
 * other than images (object streams hide dictionaries there). Inflation is bounded, so a
 * compression bomb is refused instead of filling memory.
 */
export function pdfActiveContent(body: Buffer): ActiveContentFinding | undefined {
  const text = body.toString('latin1');
  const plain = activeNameIn(text);
  if (plain) return { kind: 'pdf-active-content', name: plain };
  let budget = MAX_PDF_INFLATED_BYTES;
  for (const match of text.matchAll(STREAM)) {
    const start = match.index + match[0].length;
    const dictionary = text.slice(Math.max(0, text.lastIndexOf('<<', match.index)), match.index);
    if (!/\/FlateDecode\b/.test(dictionary) || /\/Subtype\s*\/Image\b/.test(dictionary)) continue;
    const end = text.indexOf('endstream', start);
    const compressed = body.subarray(start, end < 0 ? body.length : end);
    let inflated: Buffer;
    try {
      inflated = inflateSync(compressed, { maxOutputLength: budget + 1, finishFlush: constants.Z_SYNC_FLUSH /* a truncated stream still yields what it holds */ });
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return { kind: 'pdf-expands-too-far' };
      continue; // A damaged stream is the viewer's problem, not a hiding place: it does not decode.
    }
    if (inflated.length > budget) return { kind: 'pdf-expands-too-far' };
    budget -= inflated.length;
    const hidden = activeNameIn(inflated.toString('latin1'));
    if (hidden) return { kind: 'pdf-active-content', name: hidden };
  }
  return undefined;
}

/** XML with a document type can declare entities that expand without end (a "billion laughs"); signed XML never needs one. */
export function xmlActiveContent(body: Buffer): ActiveContentFinding | undefined {
  return /<!(DOCTYPE|ENTITY)/i.test(body.toString('utf8')) ? { kind: 'xml-document-type' } : undefined;
}
