/** How big each part of the suite runs. */
export interface BenchSizes {
  readonly floorRows: number;
  readonly engineCases: { readonly serial: number; readonly concurrent: number };
  readonly graphileJobs: number;
  readonly clock: { readonly dues: number; readonly timelines: number };
  readonly scaleCases: number;
  readonly queryRounds: number;
  readonly httpSeconds: number;
  readonly yearApplications: number;
}

/** The command line: `--quick`, `--json`, and `--scale N` / `--year N` to size the two long parts. */
export interface BenchOptions {
  readonly quick: boolean;
  readonly json: boolean;
  readonly sizes: BenchSizes;
}

const QUICK: BenchSizes = {
  floorRows: 1000,
  engineCases: { serial: 20, concurrent: 80 },
  graphileJobs: 2000,
  clock: { dues: 200_000, timelines: 5_000 },
  scaleCases: 100_000,
  queryRounds: 3,
  httpSeconds: 5,
  yearApplications: 100,
};

const FULL: BenchSizes = {
  floorRows: 5000,
  engineCases: { serial: 60, concurrent: 400 },
  graphileJobs: 10_000,
  clock: { dues: 500_000, timelines: 20_000 },
  scaleCases: 1_000_000,
  queryRounds: 10,
  httpSeconds: 15,
  yearApplications: 1000,
};

/** Reads the flags; an unknown flag or a bad number is an error, not ignored. */
export function parseBenchOptions(args: readonly string[]): BenchOptions {
  const quick = args.includes('--quick');
  let sizes = quick ? QUICK : FULL;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--quick' || a === '--json') continue;
    if (a === '--scale' || a === '--year') {
      const n = Number(args[++i]);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${a} needs a positive whole number`);
      sizes = a === '--scale' ? { ...sizes, scaleCases: n } : { ...sizes, yearApplications: n };
      continue;
    }
    throw new Error(`unknown option ${a} (known: --quick, --json, --scale N, --year N)`);
  }
  return { quick, json: args.includes('--json'), sizes };
}
