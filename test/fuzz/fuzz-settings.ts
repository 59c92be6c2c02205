import type fc from 'fast-check';

/**
 * How much fuzzing a run does. CI runs a fixed seed and a bounded number of cases per property, so
 * a failure reproduces; `FUZZ_RUNS=<n>` (and optionally `FUZZ_SEED`) turns it into a long run.
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_260_408);

/** The number of cases of one property: the CI count unless FUZZ_RUNS asks for more. */
export function fuzzRuns(ciRuns: number): number {
  const asked = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(asked) && asked > 0 ? asked : ciRuns;
}

/** fast-check parameters: fixed seed, bounded runs, and a time limit per case so a hang fails instead of stalling. */
export function fuzzParameters<T>(ciRuns: number, caseTimeoutMs = 10_000): fc.Parameters<T> {
  return { seed: FUZZ_SEED, numRuns: fuzzRuns(ciRuns), timeout: caseTimeoutMs, endOnFailure: true };
}

const tally = new Map<string, number>();

/** Counts one tried case under a heading, for the summary each suite prints. */
export function countCase(heading: string): void {
  tally.set(heading, (tally.get(heading) ?? 0) + 1);
}

/** The cases tried so far under headings that start with a prefix, and their total. */
export function fuzzSummary(prefix = ''): string {
  const entries = [...tally.entries()].filter(([k]) => k.startsWith(prefix));
  const total = entries.reduce((a, [, n]) => a + n, 0);
  return `${entries.map(([k, n]) => `${k.slice(prefix.length)}: ${n}`).join(', ')}; total ${total} cases (seed ${FUZZ_SEED})`;
}

/** A test's time limit: CI's bound, or an hour per property in a long run. */
export const FUZZ_TEST_TIMEOUT_MS = process.env.FUZZ_RUNS ? 3_600_000 : 60_000;
