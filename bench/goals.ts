/** The figures of one run, by the names the issue gives them. */
export type BenchFigures = Record<string, number | boolean>;

/** One goal of the issue, checked against the figures. */
export interface Goal {
  readonly figure: string;
  readonly text: string;
  readonly met: (value: number) => boolean;
}

/** The goals for this machine (2 cores, the database on the same machine). */
export const GOALS: readonly Goal[] = [
  { figure: 'pgTransitionsPerSec', text: '≥ 1,000/s', met: (v) => v >= 1000 },
  { figure: 'pgTransitionsP99Ms', text: '< 20 ms', met: (v) => v < 20 },
  { figure: 'pgTransitionsToFloor', text: '≥ 0.5', met: (v) => v >= 0.5 },
  { figure: 'sqliteTransitionsPerSec', text: '≥ 2,000/s', met: (v) => v >= 2000 },
  { figure: 'sqliteTransitionsToFloor', text: '≥ 0.5', met: (v) => v >= 0.5 },
  { figure: 'pgTransitionsToGraphileJobs', text: '≥ 0.5', met: (v) => v >= 0.5 },
  { figure: 'clockDuesPerSec', text: '≥ 1,000,000/s', met: (v) => v >= 1_000_000 },
  { figure: 'clockTimelinesPerSec', text: '≥ 100,000/s', met: (v) => v >= 100_000 },
  { figure: 'inboxP99Ms', text: '< 20 ms', met: (v) => v < 20 },
  { figure: 'registryLookupP99Ms', text: '< 5 ms', met: (v) => v < 5 },
  { figure: 'httpInboxReqPerSec', text: '≥ 3,000/s', met: (v) => v >= 3000 },
  { figure: 'serverPeakRssMb', text: '< 300 MB', met: (v) => v < 300 },
  { figure: 'nationalYearMinutes', text: '< 30 min', met: (v) => v < 30 },
];
