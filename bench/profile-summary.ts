import { readFileSync } from 'node:fs';

// Prints the functions with the most self time in a V8 .cpuprofile, and the share of each
// top-level area (product core, store, app, http, node_modules, node internals, idle/GC).
interface Node {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly hitCount?: number;
}
const profile = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { nodes: Node[] };
const total = profile.nodes.reduce((a, n) => a + (n.hitCount ?? 0), 0);
const byFunction = new Map<string, number>();
const byArea = new Map<string, number>();
for (const n of profile.nodes) {
  const hits = n.hitCount ?? 0;
  const url = n.callFrame.url;
  const where = url.replace(/^.*\/(dist-bench|node_modules)\//, '$1/');
  const key = `${n.callFrame.functionName || '(anonymous)'} ${where}:${n.callFrame.lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
  const area = url.includes('node_modules/')
    ? `node_modules/${url.split('node_modules/')[1]!.split('/')[0]}`
    : url.includes('/src/')
      ? `src/${url.split('/src/')[1]!.split('/')[0]}`
      : url.startsWith('node:')
        ? 'node internals'
        : n.callFrame.functionName.startsWith('(')
          ? n.callFrame.functionName
          : 'other';
  byArea.set(area, (byArea.get(area) ?? 0) + hits);
}
const pct = (h: number) => `${((100 * h) / total).toFixed(1)}%`.padStart(6);
console.log('by area');
for (const [a, h] of [...byArea].sort((x, y) => y[1] - x[1]).slice(0, 12)) console.log(`${pct(h)}  ${a}`);
console.log('\nby function (self time)');
for (const [f, h] of [...byFunction].sort((x, y) => y[1] - x[1]).slice(0, 20)) console.log(`${pct(h)}  ${f}`);
