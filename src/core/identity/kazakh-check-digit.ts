// The first pass weighs the digits 1..11; when it lands on 10 (which is not a digit) the
// second pass shifts the weights to 3..11,1,2. A body on which both passes land on 10 is
// never issued, so it has no check digit at all.
const FIRST_PASS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_PASS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

/** True when the text is exactly `length` ASCII digits (no signs, spaces or other scripts' digits). */
export function isAsciiDigits(text: string, length: number): boolean {
  return text.length === length && /^[0-9]+$/.test(text);
}

/**
 * The check digit of an IIN or BIN body (its first 11 digits), or null when the body can have
 * none. Both identifiers share the algorithm of the national identification number registers.
 */
export function kazakhCheckDigit(body: string): number | null {
  if (!isAsciiDigits(body, 11)) throw new Error(`kazakhCheckDigit: expected 11 digits, got "${body}"`);
  const digits = [...body].map(Number);
  const weighted = (weights: readonly number[]): number => digits.reduce((sum, d, i) => sum + d * weights[i]!, 0) % 11;
  const first = weighted(FIRST_PASS);
  if (first !== 10) return first;
  const second = weighted(SECOND_PASS);
  return second === 10 ? null : second;
}
