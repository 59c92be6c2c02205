import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every source file of the product (tests excluded): what the server and the commands run. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|js|mjs)$/.test(name) && !/\.test\.ts$|test-support\.ts$/.test(name) ? [path] : [];
  });
}

describe('the configuration reference', () => {
  it('describes every environment variable the code reads', () => {
    const read = new Set<string>();
    for (const file of [...sources('src'), ...sources('bin')]) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\benv(?:\.([A-Z][A-Z0-9_]+)|\[['"]([A-Z][A-Z0-9_]+)['"]\])|\(env, '([A-Z][A-Z0-9_]+)'/g)) read.add(m[1] ?? m[2] ?? m[3]!);
    }
    expect(read.size).toBeGreaterThan(20);
    const doc = readFileSync('docs/configuration.md', 'utf8');
    const missing = [...read].filter((name) => !doc.includes(`\`${name}\``)).sort();
    expect(missing).toEqual([]);
  });
});
