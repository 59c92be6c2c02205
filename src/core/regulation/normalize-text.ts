/** Collapses every run of whitespace (line breaks of the PDF-extracted seeds included) to one space. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
