/** An ISO 8601 date or instant with a four-digit year; a date alone is its midnight UTC. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * The instant a person wrote, or undefined. Expanded years (+275760-…) and years before 1000 are
 * refused: every calendar, formatter and database column downstream assumes four digits.
 */
export function parseIsoInstant(text: string): number | undefined {
  if (!ISO_INSTANT.test(text) || !isCalendarDay(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) || at < Date.UTC(1000, 0, 1) ? undefined : at;
}

/** Whether the written date exists: `Date.parse` reads 2026-02-30 as 2 March rather than refuse it. */
function isCalendarDay(text: string): boolean {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
