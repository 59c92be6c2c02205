// The bench is compiled with the product's sources into dist-bench/, where the loaders look for
// the bundled data two levels above their own files (dist-bench/src/...): link it there.
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = join(root, 'dist-bench');
const data = ['src/catalogue/regulations', 'src/catalogue/calendar', 'src/catalogue/directory', 'seeds', 'src/gateway/simulator/simulator-seed.yaml'];
for (const path of data) {
  const link = join(out, path);
  mkdirSync(dirname(link), { recursive: true });
  rmSync(link, { recursive: true, force: true });
  symlinkSync(relative(dirname(link), join(root, path)), link);
}
