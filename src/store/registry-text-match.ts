import type { SqlValue } from './sql-database.js';

/** How many trailing digits of a holder's IIN/BIN the public sees (`********0013`). */
export const PUBLIC_IDENTIFIER_DIGITS = 4;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The condition a registry search text puts on an entry: part of its number or holder name (with
 * LIKE's wildcards escaped, so `%` and `_` are only themselves), or the holder's identifier — but
 * only as the public sees it: a whole IIN/BIN equal to it, or digits within the visible last four.
 * No query can test a hidden digit one at a time.
 */
export function registryTextMatch(text: string): { sql: string; params: SqlValue[] } {
  const needle = text.trim().toLowerCase();
  const like = `%${escapeLike(needle)}%`;
  const parts = [`LOWER(number) LIKE ? ESCAPE '\\'`, `LOWER(holder_name) LIKE ? ESCAPE '\\'`];
  const params: SqlValue[] = [like, like];
  if (/^\d{12}$/.test(needle)) {
    parts.push('holder_identifier = ?');
    params.push(needle);
  }
  // The masked form as shown, or the digits of it: they may stand anywhere within the last four.
  const visible = needle.replace(/^\*+/, '');
  if (/^\d+$/.test(visible) && visible.length <= PUBLIC_IDENTIFIER_DIGITS) {
    for (let after = 0; after <= PUBLIC_IDENTIFIER_DIGITS - visible.length; after++) {
      parts.push('holder_identifier LIKE ?');
      params.push(`%${visible}${'_'.repeat(after)}`);
    }
  }
  return { sql: `(${parts.join(' OR ')})`, params };
}
