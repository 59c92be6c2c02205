import type { ResultDocument } from '../core/documents/result-document.js';

/**
 * The canonical JSON of a document: keys sorted by code unit at every level, no whitespace,
 * strings in Unicode NFC. Two equal documents give the same bytes, so a signature over them
 * verifies wherever the document is rebuilt (the sorting is that of RFC 8785; the documents hold
 * only strings, booleans, integers and null, for which JSON.stringify already writes RFC 8785).
 */
export function canonicalDocumentJson(doc: ResultDocument): string {
  return canonicalJson(doc);
}

/** The canonical JSON of any plain JSON value (used for the document and its parts). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'string') return JSON.stringify(value.normalize('NFC'));
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`canonical JSON holds integers only, not ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k.normalize('NFC'))}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new Error(`canonical JSON cannot hold a ${typeof value}`);
}
