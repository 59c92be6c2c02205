import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { REGULATIONS_DIR } from '../../src/catalogue/catalogue-paths.js';
import { loadClockSet } from '../../src/catalogue/load-clock.js';
import { lintRegulation } from '../../src/core/regulation/lint-regulation.js';
import { parseRegulation } from '../../src/core/regulation/parse-regulation.js';
import { selectVariantAndChannel } from '../../src/core/regulation/planned-path.js';
import { planTimeline } from '../../src/core/timeline/plan-timeline.js';
import { countCase, FUZZ_TEST_TIMEOUT_MS, fuzzParameters, fuzzSummary } from './fuzz-settings.js';

vi.setConfig({ testTimeout: FUZZ_TEST_TIMEOUT_MS });

const SOURCES = [
  'specialist-certificate.yaml',
  'medical-organization-accreditation.yaml',
  'medical-activity-licence.yaml',
  'foreign-specialist-clinical-practice.yaml',
].map((f) => readFileSync(join(REGULATIONS_DIR, f), 'utf8'));
const { clockFor } = loadClockSet();
const SUBMITTED = Date.parse('2026-03-20T17:00:00+05:00');

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value inside a document, so a mutation can reach any field. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(value)) return here.concat(value.flatMap((v, i) => pathsOf(v, [...prefix, i])));
  if (value !== null && typeof value === 'object') return here.concat(Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k])));
  return here;
}

/** The document with the value at a path replaced (or removed when replacement is undefined). */
function withValueAt(doc: Json, path: (string | number)[], replacement: Json | undefined): Json {
  if (path.length === 0) return replacement ?? null;
  const copy = structuredClone(doc) as Record<string | number, Json>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (replacement === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = replacement;
  return copy;
}

/** What a valid definition must survive: lint and a planned timeline of every variant and channel, without a throw. */
function exercise(yamlText: string): void {
  const parsed = parseRegulation(yamlText);
  if (!parsed.ok) {
    expect(parsed.error.length).toBeGreaterThan(0);
    for (const p of parsed.error) expect(typeof p.message).toBe('string');
    return;
  }
  const regulation = parsed.value;
  expect(Array.isArray(lintRegulation(regulation))).toBe(true);
  for (const variant of regulation.variants.length > 0 ? regulation.variants.map((v) => v.id) : [undefined]) {
    for (const channel of regulation.channels) {
      const selection = selectVariantAndChannel(regulation, variant, channel);
      if (selection.ok) planTimeline(regulation, { ...selection.value, submitted: SUBMITTED }, clockFor);
    }
  }
}

describe('hostile regulation definitions', () => {
  afterAll(() => console.log(`[fuzz] regulation YAML: ${fuzzSummary('yaml ')}`));

  it('reports any text that is not a definition as problems, never as a crash', () => {
    const fragments = fc.constantFrom(
      'id: x\n',
      'procedures:\n  - ',
      '&a [*a]\n',
      '!!binary AAAA\n',
      '!!js/function "f"\n',
      '? [a]\n: b\n',
      'key: key: key\n',
      '%YAML 1.1\n---\n',
      '"\\u0000"\n',
      '\t- x\n',
      '<<: *undefined\n',
      '- &x a\n- *x\n',
    );
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.array(fragments, { maxLength: 20 }).map((f) => f.join('')),
    );
    fc.assert(
      fc.property(text, (yamlText) => {
        countCase('yaml arbitrary text');
        exercise(yamlText);
      }),
      fuzzParameters(200),
    );
  });

  it('survives any one field of a real definition replaced, removed or retyped', () => {
    const mutation = fc
      .constantFrom(...SOURCES.map((s) => parseYaml(s) as Json))
      .chain((doc) =>
        fc.tuple(
          fc.constant(doc),
          fc.constantFrom(...pathsOf(doc)),
          fc.option(fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>, { nil: undefined, freq: 3 }),
        ),
      );
    fc.assert(
      fc.property(mutation, ([doc, path, replacement]) => {
        countCase('yaml mutated definitions');
        exercise(stringify(withValueAt(doc, path, replacement)));
      }),
      fuzzParameters(60),
    );
  });

  it('survives byte-level damage to a real definition', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SOURCES), fc.nat(), fc.nat({ max: 40 }), fc.string({ maxLength: 10 }), (source, at, cut, insert) => {
        countCase('yaml damaged text');
        const i = at % source.length;
        exercise(source.slice(0, i) + insert + source.slice(i + cut));
      }),
      fuzzParameters(80),
    );
  });

  it('refuses resource-exhaustion documents quickly: alias bombs, deep nesting, huge scalars', () => {
    const laughs = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...Array.from(
        { length: 9 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(',')}]`,
      ),
    ].join('\n');
    for (const text of [
      laughs,
      `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
      `${'- '.repeat(5_000)}x`,
      `id: ${'x'.repeat(2_000_000)}`,
      `${Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i}`).join('\n')}`,
      `${'k: v\n'.repeat(30_000)}`,
    ]) {
      countCase('yaml exhaustion');
      const parsed = parseRegulation(text);
      expect(parsed.ok).toBe(false);
    }
  });
});
