import type { ModdleElement } from 'bpmn-moddle';

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const FONT = 'font-family="\'DejaVu Sans\', Verdana, Arial, sans-serif"';
const INK = '#1f2d3d';
const TASK = '#1f4e79';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const n = (v: number) => String(Math.round(v * 10) / 10);

/**
 * Draws a BPMN diagram as SVG from its diagram interchange alone: pools and lanes with their titles
 * on the left band, tasks, exclusive and event-based gateways, start, intermediate and end events
 * (message ones with an envelope), sequence flows and dashed message flows, and the labels where
 * the interchange puts them. Text is wrapped by an estimate of the glyph width, as SVG has no line
 * breaking.
 */
export function renderBpmnSvg(definitions: ModdleElement): string {
  const plane: ModdleElement = definitions.diagrams[0].plane;
  const items: ModdleElement[] = plane.planeElement ?? [];
  const shapes = items.filter((i) => i.$type === 'bpmndi:BPMNShape');
  const edges = items.filter((i) => i.$type === 'bpmndi:BPMNEdge');
  const boxes: Box[] = [...shapes.map((s) => s.bounds as Box), ...items.flatMap((i) => (i.label?.bounds ? [i.label.bounds as Box] : []))];
  const points = edges.flatMap((e) => e.waypoint as { x: number; y: number }[]);
  const minX = Math.min(...boxes.map((b) => b.x), ...points.map((p) => p.x)) - 10;
  const minY = Math.min(...boxes.map((b) => b.y), ...points.map((p) => p.y)) - 10;
  const maxX = Math.max(...boxes.map((b) => b.x + b.width), ...points.map((p) => p.x)) + 10;
  const maxY = Math.max(...boxes.map((b) => b.y + b.height), ...points.map((p) => p.y)) + 10;
  const out: string[] = [];
  const typeOf = (s: ModdleElement) => s.bpmnElement?.$type as string;
  const order = ['bpmn:Participant', 'bpmn:Lane'];
  for (const s of shapes.filter((x) => typeOf(x) === order[0]))
    out.push(container(s.bounds, s.bpmnElement.name ?? '', { band: 30, size: 11, lines: 2, bold: true }));
  for (const s of shapes.filter((x) => typeOf(x) === order[1]))
    out.push(container(s.bounds, s.bpmnElement.name ?? '', { band: 44, size: 8, lines: 4, bold: false }));
  for (const e of edges) out.push(edge(e));
  for (const s of shapes.filter((x) => !order.includes(typeOf(x)))) out.push(node(s));
  const title = definitions.name ? `<title>${esc(definitions.name)}</title>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${n(minX)} ${n(minY)} ${n(maxX - minX)} ${n(maxY - minY)}" width="${n(maxX - minX)}" height="${n(maxY - minY)}" ${FONT}>${title}
<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0L10,5L0,10z" fill="${INK}"/></marker><marker id="open-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0L10,5L0,10z" fill="#fff" stroke="${INK}"/></marker><marker id="dot" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="6" markerHeight="6"><circle cx="5" cy="5" r="4" fill="#fff" stroke="${INK}"/></marker></defs>
<rect x="${n(minX)}" y="${n(minY)}" width="${n(maxX - minX)}" height="${n(maxY - minY)}" fill="#fff"/>
${out.join('\n')}
</svg>
`;
}

/** A pool or lane: its frame, the title band on the left, the title turned upright in it. */
function container(b: Box, name: string, style: { band: number; size: number; lines: number; bold: boolean }): string {
  const { band, size, bold } = style;
  let lines = wrap(name, b.height - 8, size);
  if (lines.length > style.lines) lines = [...lines.slice(0, style.lines - 1), `${lines[style.lines - 1]!.slice(0, -1)}…`];
  const cx = b.x + band / 2;
  const cy = b.y + b.height / 2;
  const text = lines
    .map((line, i) => `<tspan x="${n(cx)}" dy="${i === 0 ? n(-((lines.length - 1) * size * 1.15) / 2 + size * 0.35) : n(size * 1.15)}">${esc(line)}</tspan>`)
    .join('');
  return `<g><rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.width)}" height="${n(b.height)}" fill="${bold ? '#f7f9fb' : 'none'}" stroke="${INK}" stroke-width="${bold ? 1.5 : 0.8}"/><line x1="${n(b.x + band)}" y1="${n(b.y)}" x2="${n(b.x + band)}" y2="${n(b.y + b.height)}" stroke="${INK}" stroke-width="0.8"/><text transform="rotate(-90 ${n(cx)} ${n(cy)})" x="${n(cx)}" y="${n(cy)}" text-anchor="middle" font-size="${size}"${bold ? ' font-weight="bold"' : ''} fill="${INK}">${text}</text></g>`;
}

function node(shape: ModdleElement): string {
  const b = shape.bounds as Box;
  const el = shape.bpmnElement as ModdleElement;
  const cx = b.x + b.width / 2;
  const cy = b.y + b.height / 2;
  const message = (el.eventDefinitions ?? []).some((d: ModdleElement) => d.$type === 'bpmn:MessageEventDefinition');
  const label = (box: Box | undefined) =>
    el.name ? textBlock(el.name, box ?? { x: b.x - 40, y: b.y + b.height + 4, width: b.width + 80, height: 30 }, 8.5, 'top') : '';
  switch (el.$type) {
    case 'bpmn:Task':
      return `<g><rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.width)}" height="${n(b.height)}" rx="9" fill="#eef4fa" stroke="${TASK}" stroke-width="1.4"/>${textBlock(el.name ?? '', { x: b.x + 5, y: b.y + 4, width: b.width - 10, height: b.height - 8 }, 9, 'middle')}</g>`;
    case 'bpmn:ExclusiveGateway': {
      const d = `M${n(cx)},${n(b.y)}L${n(b.x + b.width)},${n(cy)}L${n(cx)},${n(b.y + b.height)}L${n(b.x)},${n(cy)}Z`;
      const m = b.width * 0.16;
      const marker = `<path d="M${n(cx - m)},${n(cy - m)}L${n(cx + m)},${n(cy + m)}M${n(cx + m)},${n(cy - m)}L${n(cx - m)},${n(cy + m)}" stroke="${INK}" stroke-width="2.5"/>`;
      return `<g><path d="${d}" fill="#fffbe6" stroke="${INK}" stroke-width="1.4"/>${marker}${label(shape.label?.bounds)}</g>`;
    }
    case 'bpmn:EventBasedGateway': {
      const d = `M${n(cx)},${n(b.y)}L${n(b.x + b.width)},${n(cy)}L${n(cx)},${n(b.y + b.height)}L${n(b.x)},${n(cy)}Z`;
      const r = b.width * 0.2;
      const pentagon = [0, 1, 2, 3, 4].map((i) => {
        const a = -Math.PI / 2 + (i * 2 * Math.PI) / 5;
        return `${n(cx + r * 0.62 * Math.cos(a))},${n(cy + r * 0.62 * Math.sin(a))}`;
      });
      const marker = `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="none" stroke="${INK}" stroke-width="1"/><circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r * 0.85)}" fill="none" stroke="${INK}" stroke-width="1"/><polygon points="${pentagon.join(' ')}" fill="none" stroke="${INK}" stroke-width="1"/>`;
      return `<g><path d="${d}" fill="#fffbe6" stroke="${INK}" stroke-width="1.4"/>${marker}${label(shape.label?.bounds)}</g>`;
    }
    case 'bpmn:IntermediateCatchEvent':
    case 'bpmn:IntermediateThrowEvent': {
      // Two thin rings; the envelope is filled when the event throws.
      const throwing = el.$type === 'bpmn:IntermediateThrowEvent';
      const r = b.width / 2;
      const rings = `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="#fff" stroke="${INK}" stroke-width="1.2"/><circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r - 3)}" fill="none" stroke="${INK}" stroke-width="1.2"/>`;
      return `<g>${rings}${message ? envelope(cx, cy, r * 0.85, throwing) : ''}${label(shape.label?.bounds)}</g>`;
    }
    case 'bpmn:StartEvent':
    case 'bpmn:EndEvent': {
      const end = el.$type === 'bpmn:EndEvent';
      const r = b.width / 2;
      const circle = `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="${end ? '#fdecea' : '#eaf7ee'}" stroke="${INK}" stroke-width="${end ? 3.5 : 1.4}"/>`;
      return `<g>${circle}${message ? envelope(cx, cy, r, end) : ''}${label(shape.label?.bounds)}</g>`;
    }
    default:
      return `<g><rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.width)}" height="${n(b.height)}" fill="none" stroke="${INK}"/>${label(shape.label?.bounds)}</g>`;
  }
}

/** The envelope of a message event: outlined when it catches, filled when it throws. */
function envelope(cx: number, cy: number, r: number, filled: boolean): string {
  const w = r * 1.1;
  const h = r * 0.75;
  const x = cx - w / 2;
  const y = cy - h / 2;
  return `<path d="M${n(x)},${n(y)}h${n(w)}v${n(h)}h${n(-w)}z M${n(x)},${n(y)}L${n(cx)},${n(cy + h * 0.1)}L${n(x + w)},${n(y)}" fill="${filled ? INK : '#fff'}" stroke="${filled ? '#fff' : INK}" stroke-width="1"/>`;
}

function edge(e: ModdleElement): string {
  const pts = (e.waypoint as { x: number; y: number }[]).map((p) => `${n(p.x)},${n(p.y)}`).join(' ');
  const message = e.bpmnElement?.$type === 'bpmn:MessageFlow';
  const line = message
    ? `<polyline points="${pts}" fill="none" stroke="${INK}" stroke-width="1" stroke-dasharray="6 4" marker-start="url(#dot)" marker-end="url(#open-arrow)"/>`
    : `<polyline points="${pts}" fill="none" stroke="${INK}" stroke-width="1.2" marker-end="url(#arrow)"/>`;
  const name: string | undefined = e.bpmnElement?.name;
  const label = name && e.label?.bounds ? textBlock(name, { ...(e.label.bounds as Box), height: 40 }, 8, 'top', 'start') : '';
  return `<g>${line}${label}</g>`;
}

/** Lines of text inside a box, centred (or from the left), cut with an ellipsis when they overflow. */
function textBlock(text: string, box: Box, size: number, valign: 'top' | 'middle', anchor: 'middle' | 'start' = 'middle'): string {
  const lead = size * 1.2;
  const max = Math.max(1, Math.floor(box.height / lead));
  let lines = wrap(text, box.width, size);
  if (lines.length > max) lines = [...lines.slice(0, max - 1), `${lines[max - 1]!.slice(0, -1)}…`];
  const x = anchor === 'middle' ? box.x + box.width / 2 : box.x;
  const top = valign === 'middle' ? box.y + (box.height - lines.length * lead) / 2 : box.y;
  const spans = lines.map((line, i) => `<tspan x="${n(x)}" y="${n(top + (i + 0.8) * lead)}">${esc(line)}</tspan>`).join('');
  return `<text font-size="${size}" text-anchor="${anchor}" fill="${INK}">${spans}</text>`;
}

/** Breaks a text at spaces into lines of about a width, by an average glyph width. */
function wrap(text: string, width: number, size: number): string[] {
  const perLine = Math.max(4, Math.floor(width / (size * 0.62)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!line) line = word;
    else if (line.length + 1 + word.length <= perLine) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
    while (line.length > perLine) {
      lines.push(line.slice(0, perLine));
      line = line.slice(perLine);
    }
  }
  if (line) lines.push(line);
  return lines;
}
