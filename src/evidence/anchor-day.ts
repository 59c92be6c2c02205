import { formatLocalDate, parseLocalDate } from '../core/clock/local-date.js';
import type { TimeZone } from '../core/clock/time-zone.js';
import { err, ok, type Result } from '../core/result.js';
import { newAnchor, type AuditAnchor } from './audit-anchor.js';
import type { AnchorStore } from './anchor-store.js';

/** Why a day was not anchored. */
export type AnchorRefusal =
  | { readonly code: 'bad-date'; readonly day: string }
  | { readonly code: 'day-not-over'; readonly day: string; readonly cutoff: number }
  | { readonly code: 'already-anchored'; readonly day: string; readonly last: string };

/** The instant a local day ends in a zone: the start of the next day. */
export function dayCutoff(zone: TimeZone, day: string): number | undefined {
  const epochDay = parseLocalDate(day);
  return epochDay === undefined ? undefined : zone.instant(epochDay + 1, 0);
}

/** The local date before the one an instant falls on. */
export function previousDay(zone: TimeZone, instant: number): string {
  return formatLocalDate(zone.local(instant).day - 1);
}

/**
 * Anchors a day that is over: the heads of all case chains at its end, linked to the last anchor.
 * Days are anchored in order; a day at or before the last anchored one is refused.
 */
export async function anchorDay(store: AnchorStore, zone: TimeZone, day: string, now: number): Promise<Result<AuditAnchor, AnchorRefusal>> {
  const cutoff = dayCutoff(zone, day);
  if (cutoff === undefined) return err({ code: 'bad-date', day });
  if (cutoff > now) return err({ code: 'day-not-over', day, cutoff });
  const last = await store.last();
  if (last && last.cutoff >= cutoff) return err({ code: 'already-anchored', day, last: last.day });
  const anchor = newAnchor(last, day, cutoff, await store.headsAt(cutoff), now);
  // Another process may have anchored at the same moment: its anchor stands, ours is dropped.
  if (!(await store.insert(anchor))) return err({ code: 'already-anchored', day, last: (await store.last())?.day ?? day });
  return ok(anchor);
}

/** Commands that commit just after midnight are still in flight; the day is anchored once this has passed. */
export const ANCHOR_GRACE_MS = 10 * 60_000;

/** Anchors yesterday if that is due and not done: what the server does on its timer. */
export async function anchorPendingDay(store: AnchorStore, zone: TimeZone, now: number): Promise<AuditAnchor | undefined> {
  const day = previousDay(zone, now - ANCHOR_GRACE_MS);
  const last = await store.last();
  if (last && last.day >= day) return undefined;
  const anchored = await anchorDay(store, zone, day, now - ANCHOR_GRACE_MS);
  return anchored.ok ? anchored.value : undefined;
}
