/** Twelve digits standing alone: the shape of an IIN or a BIN. */
const IDENTIFIER = /(?<!\d)\d{8}(\d{4})(?!\d)/g;

/** Masks every IIN/BIN in a text to its last four digits, as the public registry shows them. */
export function maskIdentifiers(text: string): string {
  return text.replace(IDENTIFIER, '********$1');
}
