import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeWhitespace } from '../core/regulation/normalize-text.js';
import { SEEDS_DIR } from './catalogue-paths.js';
import { loadCatalogue } from './load-catalogue.js';

const seedText = normalizeWhitespace(
  readdirSync(SEEDS_DIR)
    .filter((n) => n.endsWith('.txt'))
    .map((n) => readFileSync(join(SEEDS_DIR, n), 'utf8'))
    .join('\n'),
);
// The seeds mix typographic quotes; compare modulo quote style and markdown emphasis only.
const loose = (s: string) => normalizeWhitespace(s.replace(/[«»"“”„*#]/gu, ''));
const looseSeed = loose(seedText);

const catalogue = loadCatalogue();

describe('the bundled catalogue', () => {
  it('parses every definition file', () => {
    expect(catalogue.broken).toEqual([]);
  });

  for (const regulation of catalogue.regulations) {
    describe(regulation.id, () => {
      it('quotes every Kazakh procedure text verbatim from a seed act', () => {
        const missing = regulation.procedures
          .filter((p) => !looseSeed.includes(loose(p.action.kk)))
          .map((p) => p.id);
        expect(missing).toEqual([]);
      });

      it('quotes every Kazakh п. 8 sequence text verbatim from a seed act', () => {
        const missing = regulation.sequence.filter((s) => !looseSeed.includes(loose(s.text.kk))).map((s) => s.clause);
        expect(missing).toEqual([]);
      });

      it('has a Kazakh title found in a seed act', () => {
        expect(looseSeed).toContain(loose(regulation.title.kk));
      });
    });
  }
});
