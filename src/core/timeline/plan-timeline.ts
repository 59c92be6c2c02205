import { addTerm, type DueComputation } from '../clock/add-term.js';
import { dueOf } from '../clock/due-of.js';
import { yearOf } from '../clock/local-date.js';
import type { OfficeClock } from '../clock/office-clock.js';
import { receiptOf, type Receipt } from '../clock/receipt.js';
import { plannedPath } from '../regulation/planned-path.js';
import type { TChannel, TRegulation, TRole, TTerm } from '../regulation/schema.js';

/** The office clock whose schedule a role works on. */
export type ClockFor = (organisation: TRole['organisation']) => OfficeClock;

/** The office clock a role of a regulation works on (the provider's when the role is unknown). */
export function clockOfRole(regulation: TRegulation, clockFor: ClockFor, roleId: string): OfficeClock {
  return clockFor(regulation.roles.find((r) => r.id === roleId)?.organisation ?? 'provider');
}

/** One planned step: who, how long, from when, until when (null once an unknown term is reached). */
export interface PlannedStep {
  readonly id: string;
  readonly actor: string;
  readonly clause: string;
  readonly term: TTerm | null;
  readonly start: number | null;
  readonly due: number | null;
  readonly computation?: DueComputation;
  /** Why there is no due, when there is none. */
  readonly unknownBecause?: string;
}

/** The schedule a regulation promises for one application. */
export interface PlannedTimeline {
  readonly service: string;
  readonly variant: string | undefined;
  readonly channel: TChannel;
  readonly submitted: number;
  readonly receipt: Receipt;
  /** The office the application is received at. */
  readonly receivingOffice: OfficeClock;
  readonly steps: readonly PlannedStep[];
  readonly due: number | null;
  /**
   * Years the plan runs through that the working calendar has no data for: their holidays and
   * transfers are unknown, so dues there count weekends only and are estimates.
   */
  readonly calendarMissingYears: readonly number[];
}

/**
 * Plans a timeline: the first procedure starts at receipt; each next one starts at the previous
 * one's due; the result is due at the last due. Each step runs on its actor's office clock.
 */
export function planTimeline(
  regulation: TRegulation,
  input: { variant: string | undefined; channel: TChannel; submitted: number },
  clockFor: ClockFor,
  /** Explain every due in words (the CLI's --explain); the engine and the API need only the dues. */
  options: { readonly explain?: boolean } = {},
): PlannedTimeline {
  const clockOfActor = (actor: string) => clockOfRole(regulation, clockFor, actor);
  const path = plannedPath(regulation, input.variant, input.channel);
  const receivingOffice = clockOfActor(path[0]?.actor ?? '');
  const receipt = receiptOf(receivingOffice, input.submitted);

  const steps: PlannedStep[] = [];
  let cursor: number | null = receipt.receipt;
  let unknownBecause: string | undefined;
  for (const procedure of path) {
    const base = { id: procedure.id, actor: procedure.actor, clause: procedure.clause, term: procedure.term };
    if (cursor === null || procedure.term === null) {
      unknownBecause ??= `${procedure.id}: ${procedure.termSource}`;
      steps.push({ ...base, start: cursor, due: null, unknownBecause });
      cursor = null;
      continue;
    }
    const clock = clockOfActor(procedure.actor);
    if (options.explain) {
      const computation = addTerm(clock, cursor, procedure.term);
      steps.push({ ...base, start: cursor, due: computation.due, computation });
      cursor = computation.due;
    } else {
      const due = dueOf(clock, cursor, procedure.term);
      steps.push({ ...base, start: cursor, due });
      cursor = due;
    }
  }
  const lastDue = steps.reduce<number>((last, step) => (step.due !== null && step.due > last ? step.due : last), receipt.receipt);
  return {
    service: regulation.id,
    ...input,
    receipt,
    receivingOffice,
    steps,
    due: cursor,
    calendarMissingYears: yearsWithoutCalendar(receivingOffice, receipt.receipt, lastDue),
  };
}

function yearsWithoutCalendar(clock: OfficeClock, from: number, to: number): number[] {
  const yearAt = (instant: number) => yearOf(clock.zone.local(instant).day);
  const missing: number[] = [];
  for (let year = yearAt(from); year <= yearAt(to); year++) if (!clock.calendar.coverage(year).inData) missing.push(year);
  return missing;
}
