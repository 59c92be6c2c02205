/** Latencies of one kind of operation, in milliseconds, and their percentiles. */
export class Latencies {
  private readonly samples: number[] = [];

  /** Records one operation's duration. */
  add(ms: number): void {
    this.samples.push(ms);
  }

  get count(): number {
    return this.samples.length;
  }

  /** The p-th percentile (0–100), nearest rank; NaN when nothing was recorded. */
  percentile(p: number): number {
    if (this.samples.length === 0) return Number.NaN;
    const sorted = [...this.samples].sort((a, b) => a - b);
    const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
    return sorted[rank - 1]!;
  }

  /** Times an operation and records it. */
  async time<T>(work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    const value = await work();
    this.add(performance.now() - start);
    return value;
  }
}

/** Runs `work` from `clients` concurrent callers until `total` calls have been made; resolves to the seconds it took. */
export async function runConcurrently(clients: number, total: number, work: (index: number) => Promise<void>): Promise<number> {
  let next = 0;
  const start = performance.now();
  const caller = async () => {
    for (let i = next++; i < total; i = next++) await work(i);
  };
  await Promise.all(Array.from({ length: Math.min(clients, total) }, caller));
  return (performance.now() - start) / 1000;
}

/** Rounds for display and JSON: three significant decimals are plenty for noisy figures. */
export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
