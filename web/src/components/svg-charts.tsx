import { useId } from 'react';

/**
 * Small charts drawn as SVG by hand: each is an image with a text summary for screen readers
 * (the pages show the same figures in a table next to it), and never tells anything by colour alone.
 */

/** One coloured part of a stacked bar or a legend. */
export interface Segment {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  readonly colour: string;
}

/** A legend: swatch and label for each series. */
export function Legend({ items }: { items: readonly { key: string; label: string; colour: string; line?: boolean }[] }) {
  return (
    <ul className="legend">
      {items.map((i) => (
        <li key={i.key}>
          <svg width="18" height="12" aria-hidden="true">
            {i.line ? <line x1="0" y1="6" x2="18" y2="6" stroke={i.colour} strokeWidth="3" /> : <rect width="18" height="12" fill={i.colour} />}
          </svg>
          {i.label}
        </li>
      ))}
    </ul>
  );
}

/** Horizontal bars, one per row, each stacked from its segments; the widest row spans the chart. */
export function StackedBars({
  rows,
  summary,
  format,
}: {
  rows: readonly { key: string; label: string; segments: readonly Segment[] }[];
  summary: string;
  format: (n: number) => string;
}) {
  const titleId = useId();
  const max = Math.max(1, ...rows.map((r) => r.segments.reduce((n, s) => n + s.value, 0)));
  const rowHeight = 28;
  const labelWidth = 260;
  const barWidth = 480;
  const height = rows.length * rowHeight + 4;
  return (
    <svg className="chart" viewBox={`0 0 ${labelWidth + barWidth + 60} ${height}`} role="img" aria-labelledby={titleId} data-chart="stacked-bars">
      <title id={titleId}>{summary}</title>
      {rows.map((row, i) => {
        let x = labelWidth;
        const total = row.segments.reduce((n, s) => n + s.value, 0);
        return (
          <g key={row.key} transform={`translate(0 ${i * rowHeight + 2})`}>
            <text x={labelWidth - 8} y={rowHeight / 2 + 4} textAnchor="end" className="chart-label">
              {row.label.length > 40 ? `${row.label.slice(0, 39)}…` : row.label}
            </text>
            {row.segments.map((s) => {
              const w = (s.value / max) * barWidth;
              const rect = (
                <rect key={s.key} x={x} y={4} width={w} height={rowHeight - 8} fill={s.colour} data-value={s.value}>
                  <title>{`${s.label}: ${format(s.value)}`}</title>
                </rect>
              );
              x += w;
              return rect;
            })}
            <text x={x + 6} y={rowHeight / 2 + 4} className="chart-value">
              {format(total)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** A series over time: stacked columns per bucket, with a line over them. */
export function ColumnsWithLine({
  points,
  columns,
  line,
  summary,
}: {
  points: readonly { key: string; label: string; values: Readonly<Record<string, number>> }[];
  columns: readonly { key: string; label: string; colour: string }[];
  line: { key: string; label: string; colour: string };
  summary: string;
}) {
  const titleId = useId();
  const width = 760;
  const height = 220;
  const left = 36;
  const bottom = 28;
  const plotW = width - left - 8;
  const plotH = height - bottom - 8;
  const stack = (p: (typeof points)[number]) => columns.reduce((n, c) => n + (p.values[c.key] ?? 0), 0);
  const max = Math.max(1, ...points.map(stack), ...points.map((p) => p.values[line.key] ?? 0));
  const step = plotW / Math.max(1, points.length);
  const y = (v: number) => 8 + plotH - (v / max) * plotH;
  const ticks = [0, Math.round(max / 2), max].filter((v, i, a) => a.indexOf(v) === i);
  // A few dates under the axis, not one per column.
  const labelEvery = Math.max(1, Math.ceil(points.length / 6));
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${left + i * step + step / 2},${y(p.values[line.key] ?? 0)}`).join(' ');
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId} data-chart="series">
      <title id={titleId}>{summary}</title>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={left} x2={width - 8} y1={y(v)} y2={y(v)} className="chart-grid" />
          <text x={left - 6} y={y(v) + 4} textAnchor="end" className="chart-label">
            {v}
          </text>
        </g>
      ))}
      {points.map((p, i) => {
        let top = y(0);
        return (
          <g key={p.key}>
            {columns.map((c) => {
              const v = p.values[c.key] ?? 0;
              if (v === 0) return null;
              const h = (v / max) * plotH;
              top -= h;
              return (
                <rect key={c.key} x={left + i * step + step * 0.15} y={top} width={step * 0.7} height={h} fill={c.colour} data-series={c.key} data-value={v}>
                  <title>{`${p.label} · ${c.label}: ${v}`}</title>
                </rect>
              );
            })}
            {i % labelEvery === 0 && (
              <text x={left + i * step + step / 2} y={height - 8} textAnchor="middle" className="chart-label">
                {p.label}
              </text>
            )}
          </g>
        );
      })}
      {points.length > 0 && <path d={path} fill="none" stroke={line.colour} strokeWidth="2.5" data-series={line.key} />}
      {points.map((p, i) => (
        <circle key={p.key} cx={left + i * step + step / 2} cy={y(p.values[line.key] ?? 0)} r="3" fill={line.colour}>
          <title>{`${p.label} · ${line.label}: ${p.values[line.key] ?? 0}`}</title>
        </circle>
      ))}
    </svg>
  );
}

/** A bar against a mark: a measured value next to the limit it should keep (a real duration against its term). */
export function BarsAgainstMark({
  rows,
  summary,
}: {
  rows: readonly { key: string; label: string; value: number; mark: number; text: string }[];
  summary: string;
}) {
  const titleId = useId();
  const max = Math.max(1, ...rows.flatMap((r) => [r.value, r.mark]));
  const rowHeight = 30;
  const labelWidth = 260;
  const barWidth = 440;
  const height = rows.length * rowHeight + 4;
  return (
    <svg className="chart" viewBox={`0 0 ${labelWidth + barWidth + 200} ${height}`} role="img" aria-labelledby={titleId} data-chart="against-mark">
      <title id={titleId}>{summary}</title>
      {rows.map((r, i) => {
        const over = r.value > r.mark;
        return (
          <g key={r.key} transform={`translate(0 ${i * rowHeight + 2})`}>
            <text x={labelWidth - 8} y={rowHeight / 2 + 4} textAnchor="end" className="chart-label">
              {r.label.length > 40 ? `${r.label.slice(0, 39)}…` : r.label}
            </text>
            <rect
              x={labelWidth}
              y={6}
              width={(r.value / max) * barWidth}
              height={rowHeight - 12}
              className={over ? 'chart-over' : 'chart-within'}
              data-over={over}
            >
              <title>{r.text}</title>
            </rect>
            <line x1={labelWidth + (r.mark / max) * barWidth} x2={labelWidth + (r.mark / max) * barWidth} y1={2} y2={rowHeight - 2} className="chart-mark" />
            <text x={labelWidth + barWidth + 8} y={rowHeight / 2 + 4} className="chart-value">
              {r.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The share of steps done in time, as a short bar with its percentage in text beside it. */
export function ShareMeter({ share, label }: { share: number | null; label: string }) {
  if (share === null) return <span className="muted">—</span>;
  return (
    <span className="meter">
      <svg width="80" height="10" aria-hidden="true">
        <rect width="80" height="10" className="meter-track" />
        <rect width={80 * share} height="10" className={share >= 0.9 ? 'meter-good' : share >= 0.7 ? 'meter-fair' : 'meter-poor'} />
      </svg>
      <span>{label}</span>
    </span>
  );
}
