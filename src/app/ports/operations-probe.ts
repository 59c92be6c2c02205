/** What the health, readiness and metrics endpoints ask of the database: whether it answers, its schema, its backlog. */
export interface OperationsProbe {
  /** Which database it is, for the operators' answers. */
  readonly dialect: 'sqlite' | 'postgres';
  /** Resolves when the database answers a trivial query; rejects when it does not. */
  ping(): Promise<void>;
  /** How many migrations the database has applied, and how many this build has. */
  migrations(): Promise<{ readonly applied: number; readonly expected: number }>;
  /** The cases by status, the open steps past due at `now`, and the timers due by `now` with the oldest of their dues. */
  backlog(now: number): Promise<{
    readonly casesByStatus: readonly { readonly status: string; readonly n: number }[];
    readonly overdueSteps: number;
    readonly dueTimers: number;
    readonly oldestDueTimer: number | null;
  }>;
}
