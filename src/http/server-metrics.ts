/** Counters this process keeps for /metrics. */
export interface ServerMetrics {
  readonly requests: Record<string, number>;
  timersFired: number;
}

/** Fresh counters. */
export function newServerMetrics(): ServerMetrics {
  return { requests: { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 }, timersFired: 0 };
}
