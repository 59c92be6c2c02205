import type { Lang } from '../api/api-types.js';

/** Kazakhstan moved to one zone, UTC+5, on 1 March 2024 (00:00 local, UTC+6 before); the API's instants are epoch ms. */
const UNIFIED_ZONE_FROM = Date.UTC(2024, 1, 29, 18, 0);
const HOUR = 3_600_000;

/** The offset of Astana's wall clock at an instant; fixed here so the page never depends on the browser's zone data. */
export const offsetAt = (ms: number) => (ms >= UNIFIED_ZONE_FROM ? 5 : 6) * HOUR;

const LOCALES: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

/** Date and time on Astana's wall clock, in the user's language. */
export function formatInstant(ms: number | null | undefined, lang: Lang): string {
  if (ms === null || ms === undefined) return '—';
  return new Intl.DateTimeFormat(LOCALES[lang], {
    timeZone: 'UTC',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(ms + offsetAt(ms)));
}

/** The calendar day on Astana's wall clock, as YYYY-MM-DD. */
export function localDay(ms: number): string {
  return new Date(ms + offsetAt(ms)).toISOString().slice(0, 10);
}

/** How urgent a due is, as a desk sorts its work. */
export type DueClass = 'overdue' | 'today' | 'week' | 'later' | 'none';

/** Classifies a due against now: past it, on today's date, within seven days, later, or no due at all. */
export function dueClass(due: number | null, now: number): DueClass {
  if (due === null) return 'none';
  if (due < now) return 'overdue';
  if (localDay(due) === localDay(now)) return 'today';
  if (due - now <= 7 * 24 * HOUR) return 'week';
  return 'later';
}
