/** Tuesday 2 December 2025, 10:00 in Astana (UTC+5): a working day's morning, neither a weekend nor a holiday. */
export const WORKING_MORNING = Date.UTC(2025, 11, 2, 5, 0);

/** WORKING_MORNING as the office's calendar day, for forms that ask for a date. */
export const WORKING_MORNING_DAY = '2025-12-02';

/**
 * A server clock that starts on a working day's morning and runs on with real time. A test that
 * walks a case through its steps in a few seconds needs the office open: on the wall clock, a run
 * in the evening would see an application received only the next working morning, and a meeting
 * dated today refused as held before its procedure began.
 */
export function workingMorningClock(start = WORKING_MORNING): () => number {
  const started = Date.now();
  return () => start + (Date.now() - started);
}
