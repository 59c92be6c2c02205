/** Upper bounds (seconds) of the request latency histogram's buckets. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

/** One route's latency histogram: counts per bucket (cumulative when rendered), sum and count. */
interface Histogram {
  readonly buckets: number[];
  sum: number;
  count: number;
}

/** Counters and histograms this process keeps for /metrics, and its lifecycle. */
export interface ServerMetrics {
  /** Requests answered, by "method route status" (the route as declared, e.g. /api/cases/:id). */
  readonly requests: Map<string, number>;
  /** Latency per "method route". */
  readonly latency: Map<string, Histogram>;
  timersFired: number;
  timerRuns: number;
  timerFailures: number;
  anchorsMade: number;
  /** Set when shutdown begins: /ready answers 503 so a proxy stops sending new requests. */
  draining: boolean;
  readonly startedAt: number;
}

/** Fresh counters. */
export function newServerMetrics(now: number = Date.now()): ServerMetrics {
  return { requests: new Map(), latency: new Map(), timersFired: 0, timerRuns: 0, timerFailures: 0, anchorsMade: 0, draining: false, startedAt: now };
}

/** Records one answered request. Unknown addresses count under one route, so scanners cannot grow the label set. */
export function observeRequest(metrics: ServerMetrics, method: string, route: string | undefined, status: number, seconds: number): void {
  const where = `${method} ${route ?? '(unmatched)'}`;
  const key = `${where} ${status}`;
  metrics.requests.set(key, (metrics.requests.get(key) ?? 0) + 1);
  let h = metrics.latency.get(where);
  if (!h) metrics.latency.set(where, (h = { buckets: LATENCY_BUCKETS.map(() => 0), sum: 0, count: 0 }));
  const i = LATENCY_BUCKETS.findIndex((b) => seconds <= b);
  if (i >= 0) h.buckets[i]!++;
  h.sum += seconds;
  h.count++;
}

/** The figures read from the database at scrape time. */
export interface DatabaseFigures {
  readonly casesByStatus: readonly { status: string; n: number }[];
  readonly overdueSteps: number;
  /** Seconds the oldest due, unfired timer has waited (0 when none is due). */
  readonly timerLagSeconds: number;
  readonly dueTimers: number;
}

const label = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** The Prometheus text exposition format (version 0.0.4). */
export function renderMetrics(metrics: ServerMetrics, db: DatabaseFigures, now: number): string {
  const out: string[] = [];
  const family = (name: string, type: string, help: string) => out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
  family('reglament_http_requests_total', 'counter', 'HTTP requests answered, by method, route and status.');
  for (const [key, n] of [...metrics.requests].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [method, route, status] = key.split(' ');
    out.push(`reglament_http_requests_total{method="${label(method!)}",route="${label(route!)}",status="${status}"} ${n}`);
  }
  family('reglament_http_request_duration_seconds', 'histogram', 'Time from a request received to its answer sent, by method and route.');
  for (const [where, h] of [...metrics.latency].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [method, route] = where.split(' ');
    const labels = `method="${label(method!)}",route="${label(route!)}"`;
    let cumulative = 0;
    LATENCY_BUCKETS.forEach((b, i) => {
      cumulative += h.buckets[i]!;
      out.push(`reglament_http_request_duration_seconds_bucket{${labels},le="${b}"} ${cumulative}`);
    });
    out.push(`reglament_http_request_duration_seconds_bucket{${labels},le="+Inf"} ${h.count}`);
    out.push(`reglament_http_request_duration_seconds_sum{${labels}} ${h.sum}`);
    out.push(`reglament_http_request_duration_seconds_count{${labels}} ${h.count}`);
  }
  family('reglament_cases', 'gauge', 'Cases by applicant-facing status.');
  for (const r of db.casesByStatus) out.push(`reglament_cases{status="${label(r.status)}"} ${Number(r.n)}`);
  family('reglament_overdue_steps', 'gauge', 'Open steps past their due.');
  out.push(`reglament_overdue_steps ${db.overdueSteps}`);
  family('reglament_timers_due', 'gauge', 'Step timers due and not yet fired (by any process).');
  out.push(`reglament_timers_due ${db.dueTimers}`);
  family('reglament_timer_lag_seconds', 'gauge', 'How long the oldest due timer has waited to fire; grows when timers fall behind.');
  out.push(`reglament_timer_lag_seconds ${db.timerLagSeconds}`);
  family('reglament_timers_fired_total', 'counter', 'Escalations fired by this process.');
  out.push(`reglament_timers_fired_total ${metrics.timersFired}`);
  family('reglament_timer_runs_total', 'counter', 'Timer checks run by this process, and how many failed.');
  out.push(
    `reglament_timer_runs_total{result="ok"} ${metrics.timerRuns - metrics.timerFailures}`,
    `reglament_timer_runs_total{result="failed"} ${metrics.timerFailures}`,
  );
  family('reglament_audit_anchors_made_total', 'counter', 'Daily audit anchors made by this process.');
  out.push(`reglament_audit_anchors_made_total ${metrics.anchorsMade}`);
  family('reglament_process_uptime_seconds', 'gauge', 'Seconds since this process started serving.');
  out.push(`reglament_process_uptime_seconds ${Math.max(0, (now - metrics.startedAt) / 1000)}`);
  return `${out.join('\n')}\n`;
}
