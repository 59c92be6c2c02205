import type { HandbookFlow, HandbookGraph, HandbookNode } from './handbook-graph.js';

/** A rectangle in diagram coordinates (y grows downwards, as in BPMN DI). */
export interface Bounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A point of an edge. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Where everything of a handbook graph is drawn: the diagram interchange. */
export interface HandbookLayout {
  readonly shapes: ReadonlyMap<string, Bounds>;
  readonly labels: ReadonlyMap<string, Bounds>;
  readonly edges: ReadonlyMap<string, readonly Point[]>;
}

const SIZE: Record<HandbookNode['type'], { width: number; height: number }> = {
  task: { width: 130, height: 80 },
  exclusiveGateway: { width: 50, height: 50 },
  eventBasedGateway: { width: 50, height: 50 },
  startEvent: { width: 36, height: 36 },
  messageStartEvent: { width: 36, height: 36 },
  endEvent: { width: 36, height: 36 },
  messageEndEvent: { width: 36, height: 36 },
  messageCatchEvent: { width: 36, height: 36 },
  messageThrowEvent: { width: 36, height: 36 },
};
const isGateway = (n: HandbookNode) => n.type === 'exclusiveGateway' || n.type === 'eventBasedGateway';
const HEADER = 30; // the vertical title band of a pool, and of a lane
const COLUMN = 180;
const ROW = 120;
const POOL_GAP = 40;

/**
 * Lays a handbook out as swimlanes: pools stacked, lanes as horizontal bands, nodes left to right in
 * columns by their longest distance from a start (message flows count, so a receiving pool starts
 * to the right of the sender), several nodes of one lane and column one under the other. Edges are
 * orthogonal. (bpmn-auto-layout lays out only the first process of a collaboration and draws no
 * pools or lanes, so the handbook computes its own interchange.)
 */
export function layoutHandbook(graph: HandbookGraph): HandbookLayout {
  const column = columnsOf(graph);
  const lastColumn = Math.max(0, ...column.values());
  const width = 2 * HEADER + (lastColumn + 1) * COLUMN + 20;
  const shapes = new Map<string, Bounds>();
  const labels = new Map<string, Bounds>();
  let top = 0;
  for (const pool of graph.pools) {
    const poolTop = top;
    for (const lane of pool.lanes) {
      const inLane = graph.nodes.filter((n) => n.laneId === lane.id);
      const perColumn = new Map<number, HandbookNode[]>();
      for (const n of inLane) perColumn.set(column.get(n.id) ?? 0, [...(perColumn.get(column.get(n.id) ?? 0) ?? []), n]);
      const rows = Math.max(1, ...[...perColumn.values()].map((c) => c.length));
      const height = rows * ROW;
      for (const [col, cell] of perColumn) {
        cell.forEach((n, row) => {
          const size = SIZE[n.type];
          const cx = 2 * HEADER + col * COLUMN + COLUMN / 2;
          const cy = top + row * ROW + ROW / 2;
          const b = { x: cx - size.width / 2, y: cy - size.height / 2, ...size };
          shapes.set(n.id, b);
          const labelWidth = isGateway(n) ? 60 : 120;
          if (n.type !== 'task') labels.set(n.id, { x: cx - labelWidth / 2, y: b.y + b.height + 4, width: labelWidth, height: 30 });
        });
      }
      shapes.set(lane.id, { x: HEADER, y: top, width: width - HEADER, height });
      top += height;
    }
    // A pool where no role acts is drawn as an empty band.
    if (pool.lanes.length === 0) top += ROW / 2;
    shapes.set(pool.id, { x: 0, y: poolTop, width, height: top - poolTop });
    top += POOL_GAP;
  }
  const edges = new Map<string, Point[]>();
  const obstacles = graph.nodes.map((n) => ({ id: n.id, box: shapes.get(n.id)! }));
  for (const f of graph.flows) {
    const s = shapes.get(f.source)!;
    const t = shapes.get(f.target)!;
    const others = obstacles.filter((o) => o.id !== f.source && o.id !== f.target).map((o) => o.box);
    const fromGateway = isGateway(graph.nodes.find((n) => n.id === f.source)!);
    // A second flow between the same two nodes (two outcomes, one next step) takes the corridor, not the same line.
    const twin = graph.flows.some((g) => g !== f && g.source === f.source && g.target === f.target && edges.has(g.id));
    const points = sequencePoints(
      s,
      t,
      fromGateway,
      twin ? [...others, { x: s.x + s.width + 1, y: mid(t).y - 1, width: Math.max(1, t.x - s.x - s.width - 2), height: 2 }] : others,
    );
    edges.set(f.id, points);
    // The name sits just above the first horizontal run of the edge.
    if (f.name) {
      const i = points.findIndex((p, k) => k > 0 && p.y === points[k - 1]!.y);
      const a = points[Math.max(0, i - 1)]!;
      // Clear of the gateway's own label when the edge left it downwards.
      const clearOfGateway = fromGateway && points[0]!.x === points[1]!.x ? 34 : 4;
      labels.set(f.id, { x: Math.min(a.x, points[Math.max(1, i)]!.x) + clearOfGateway, y: a.y - 26, width: 120, height: 24 });
    }
  }
  for (const f of graph.messageFlows) edges.set(f.id, messagePoints(shapes.get(f.source)!, shapes.get(f.target)!));
  return { shapes, labels, edges };
}

/** Longest distance from a start, over sequence and message flows; a flow that closes a cycle is ignored. */
function columnsOf(graph: HandbookGraph): Map<string, number> {
  const all: HandbookFlow[] = [...graph.flows, ...graph.messageFlows];
  const out = new Map<string, string[]>();
  for (const f of all) out.set(f.source, [...(out.get(f.source) ?? []), f.target]);
  const order: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const back = new Set<string>();
  const visit = (id: string) => {
    state.set(id, 'open');
    for (const next of out.get(id) ?? []) {
      if (state.get(next) === 'open') back.add(`${id}>${next}`);
      else if (!state.has(next)) visit(next);
    }
    state.set(id, 'done');
    order.push(id);
  };
  for (const n of graph.nodes) if (!state.has(n.id)) visit(n.id);
  const column = new Map<string, number>(graph.nodes.map((n) => [n.id, 0]));
  for (const id of order.reverse()) {
    for (const next of out.get(id) ?? []) {
      if (!back.has(`${id}>${next}`)) column.set(next, Math.max(column.get(next)!, column.get(id)! + 1));
    }
  }
  return column;
}

const mid = (b: Bounds): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** Whether a horizontal or vertical segment runs through any of the boxes. */
function blocked(a: Point, b: Point, boxes: readonly Bounds[]): boolean {
  const [x1, x2] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
  const [y1, y2] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
  return boxes.some((o) => x1 < o.x + o.width && x2 > o.x && y1 < o.y + o.height && y2 > o.y);
}

const clear = (points: readonly Point[], boxes: readonly Bounds[]) => points.every((p, i) => i === 0 || !blocked(points[i - 1]!, p, boxes));

/**
 * An orthogonal route from one node to another that passes no other node: straight or with one
 * turn in the gap after the source's column; when that would run through a node, along the
 * corridor under the target's row, entering it from below.
 */
function sequencePoints(s: Bounds, t: Bounds, fromGateway: boolean, others: readonly Bounds[]): Point[] {
  const sc = mid(s);
  const tc = mid(t);
  const right = s.x + s.width;
  if (t.x >= right) {
    const candidates: Point[][] = [];
    if (sc.y === tc.y)
      candidates.push([
        { x: right, y: sc.y },
        { x: t.x, y: tc.y },
      ]);
    // A gateway's branches leave from its top or bottom corner.
    if (fromGateway && sc.y !== tc.y)
      candidates.push([
        { x: sc.x, y: tc.y < sc.y ? s.y : s.y + s.height },
        { x: sc.x, y: tc.y },
        { x: t.x, y: tc.y },
      ]);
    const turn = right + Math.min(20, (t.x - right) / 2);
    if (sc.y !== tc.y)
      candidates.push([
        { x: right, y: sc.y },
        { x: turn, y: sc.y },
        { x: turn, y: tc.y },
        { x: t.x, y: tc.y },
      ]);
    const corridor = tc.y + ROW / 2 - 4;
    const start = fromGateway ? { x: sc.x, y: s.y + s.height } : { x: right, y: sc.y };
    const below = fromGateway ? [start, { x: sc.x, y: corridor }] : [start, { x: turn, y: sc.y }, { x: turn, y: corridor }];
    candidates.push([...below, { x: tc.x, y: corridor }, { x: tc.x, y: t.y + t.height }]);
    return candidates.find((c) => clear(c, others)) ?? candidates[candidates.length - 1]!;
  }
  // Backwards: under both nodes.
  const under = Math.max(s.y + s.height, t.y + t.height) + 15;
  return [
    { x: sc.x, y: s.y + s.height },
    { x: sc.x, y: under },
    { x: tc.x, y: under },
    { x: tc.x, y: t.y + t.height },
  ];
}

function messagePoints(s: Bounds, t: Bounds): Point[] {
  const sc = mid(s);
  const tc = mid(t);
  const down = tc.y > sc.y;
  const from = { x: sc.x, y: down ? s.y + s.height : s.y };
  const to = { x: tc.x, y: down ? t.y : t.y + t.height };
  if (from.x === to.x) return [from, to];
  // Straight across the gap, turning just before the receiving event.
  const turnY = down ? to.y - 15 : to.y + 15;
  return [from, { x: from.x, y: turnY }, { x: to.x, y: turnY }, to];
}
