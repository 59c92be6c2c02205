import { parseBin } from '../core/identity/bin.js';
import type { SqlValue } from './sql-database.js';

/** How many trailing digits of a holder's IIN/BIN the public sees (`********0013`). */
export const PUBLIC_IDENTIFIER_DIGITS = 4;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The condition a registry search text puts on an entry: part of its number or holder name (with
 * LIKE's wildcards escaped, so `%` and `_` are only themselves), or the holder's identifier — but
 * only as the public sees it: digits within the visible last four, or a whole BIN. No query can
 * test a hidden digit one at a time.
 *
 * A whole IIN never matches: an IIN is a birth date, a century-and-sex digit, a serial and a check
 * digit, so with the last four shown a visitor who knows someone's birthday has a few thousand
 * candidates to try, and an exact match would confirm the right one. A BIN is public (the national
 * register of legal entities publishes it) and cannot equal an IIN: its 5th digit, the entity type,
 * is 4–6, where an IIN has the tens of a day of the month.
 */
export function registryTextMatch(text: string): { sql: string; params: SqlValue[] } {
  const needle = text.trim().toLowerCase();
  const like = `%${escapeLike(needle)}%`;
  const parts = [`LOWER(number) LIKE ? ESCAPE '\\'`, `LOWER(holder_name) LIKE ? ESCAPE '\\'`];
  const params: SqlValue[] = [like, like];
  if (parseBin(needle).ok) {
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
