import { loadCatalogue } from '../src/catalogue/load-catalogue.js';
import { loadClockSet } from '../src/catalogue/load-clock.js';
import { addTerm } from '../src/core/clock/add-term.js';
import { dueOf } from '../src/core/clock/due-of.js';
import { plannedPath } from '../src/core/regulation/planned-path.js';
import { planTimeline } from '../src/core/timeline/plan-timeline.js';

/** The legal clock's speed in one process. */
export interface ClockSpeed {
  /** Working-day dues as the engine computes them (`dueOf`: the arithmetic alone). */
  readonly duesPerSec: number;
  /** The same dues with their explanation in three languages (`addTerm`, what `timeline --explain` shows). */
  readonly explainedDuesPerSec: number;
  /** Planned timelines of the 11-step accreditation. */
  readonly timelinesPerSec: number;
  readonly timelineSteps: number;
}

const START = Date.UTC(2024, 2, 1, 4); // 1 March 2024, 09:00 in Astana
const SPAN = 2 * 365 * 86_400_000;
// Keeps the results alive so the loops cannot be optimised away.
let sink = 0;

function perSecond(iterations: number, body: (i: number) => number): number {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) sink += body(i);
  return iterations / ((performance.now() - start) / 1000);
}

/** Dues and timelines over instants spread across two years and terms of 1–45 working days. */
export function clockSpeed(iterations: { dues: number; timelines: number }): ClockSpeed {
  const clocks = loadClockSet();
  const clock = clocks.clockFor('provider');
  const accreditation = loadCatalogue().regulations.find((r) => r.id === 'medical-organization-accreditation')!;
  const at = (i: number) => START + ((i * 7_919_993_137) % SPAN);
  const termOf = (i: number) => ({ value: 1 + (i % 45), unit: 'working_days' as const });
  // Warm the JIT on every path before timing.
  perSecond(20_000, (i) => dueOf(clock, at(i), termOf(i)));
  const duesPerSec = perSecond(iterations.dues, (i) => dueOf(clock, at(i), termOf(i)));
  perSecond(20_000, (i) => addTerm(clock, at(i), termOf(i)).due);
  const explainedDuesPerSec = perSecond(Math.ceil(iterations.dues / 10), (i) => addTerm(clock, at(i), termOf(i)).due);
  const input = (i: number) => ({ variant: 'initial', channel: 'office' as const, submitted: at(i) });
  perSecond(2_000, (i) => planTimeline(accreditation, input(i), clocks.clockFor).due ?? 0);
  const timelinesPerSec = perSecond(iterations.timelines, (i) => planTimeline(accreditation, input(i), clocks.clockFor).due ?? 0);
  if (Number.isNaN(sink)) throw new Error('unreachable');
  return { duesPerSec, explainedDuesPerSec, timelinesPerSec, timelineSteps: plannedPath(accreditation, 'initial', 'office').length };
}
