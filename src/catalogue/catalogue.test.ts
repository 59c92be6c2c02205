import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeWhitespace } from '../core/regulation/normalize-text.js';
import { plannedPath } from '../core/regulation/planned-path.js';
import { NEGATIVE_RESULT_KINDS, type TChannel, type TProcedure, type TProcedureKind, type TRegulation } from '../core/regulation/schema.js';
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

/** Every variant × channel a regulation allows (variant undefined when it has none). */
function pathsOf(regulation: TRegulation): { variant: string | undefined; channel: TChannel; label: string }[] {
  const variants = regulation.variants.length > 0 ? regulation.variants.map((v) => v.id) : [undefined];
  return variants.flatMap((variant) => regulation.channels.map((channel) => ({ variant, channel, label: `${regulation.id} ${variant ?? '—'} × ${channel}` })));
}

/** The last procedure on a path whose planned outcome decides the result (-1 when none does). */
const decidingIndex = (path: TProcedure[]) => path.reduce((found, p, i) => (p.outcomes?.[0]?.decides !== undefined ? i : found), -1);

/** Whether the planned path ends in a result that gives the applicant what was asked for (as the engine decides it). */
function endsPositive(regulation: TRegulation, path: TProcedure[], variant: string | undefined): boolean {
  const decided = path[decidingIndex(path)]?.outcomes?.[0]?.decides;
  const ofVariant = regulation.results.filter((r) => !r.variants || (variant !== undefined && r.variants.includes(variant)));
  const kind = decided ?? ofVariant.find((r) => r.positive)?.kind;
  if (kind === undefined) return false;
  return regulation.results.find((r) => r.kind === kind)?.positive ?? !NEGATIVE_RESULT_KINDS.has(kind);
}

const passes = (path: TProcedure[], ...kinds: TProcedureKind[]) => path.some((p) => p.kinds.some((k) => kinds.includes(k)));

/**
 * Planned paths on which the seed names no reception or registration act. Not invented: the
 * seed's procedures for these paths simply start with the executor's review.
 */
// Paths with no reception or registration, by the act's own words: none. (Order 401 annex 3 п. 5.1
// speaks of the clerk registering a paper application, but п. 8.1 puts registration and naming the
// executor first on every channel, so the portal path registers too.)
const KNOWN_WITHOUT_RECEPTION: Record<string, string> = {};

/**
 * Planned paths ending in a positive result on which the seed names no signing act. Not invented:
 * the provider's signature is simply absent from the text for these paths.
 */
// None: the leadership's signature of п. 5.5) of Resolution 181 holds on the portal too (п. 9.7)–9.9)
// describe the portal's own processing, not another signer), so every positive path is signed.
const KNOWN_WITHOUT_SIGNATURE: Record<string, string> = {};

describe('the bundled catalogue', () => {
  it('parses every definition file', () => {
    expect(catalogue.broken).toEqual([]);
  });

  for (const regulation of catalogue.regulations) {
    describe(regulation.id, () => {
      it('quotes every Kazakh procedure text verbatim from a seed act', () => {
        // A clause the seed misprints is quoted as printed in printedAs, and read corrected in action.kk.
        const missing = regulation.procedures.filter((p) => !looseSeed.includes(loose(p.printedAs?.kk ?? p.action.kk))).map((p) => p.id);
        expect(missing).toEqual([]);
      });

      it('quotes every Kazakh п. 8 sequence text verbatim from a seed act', () => {
        const missing = regulation.sequence.filter((s) => !looseSeed.includes(loose(s.text.kk))).map((s) => s.clause);
        expect(missing).toEqual([]);
      });

      it('has a Kazakh title found in a seed act', () => {
        expect(looseSeed).toContain(loose(regulation.title.kk));
      });

      it('names each kind of act of a procedure once', () => {
        const repeated = regulation.procedures.filter((p) => new Set(p.kinds).size !== p.kinds.length).map((p) => p.id);
        expect(repeated).toEqual([]);
      });

      it('receives or registers the application on every variant and channel it allows', () => {
        const without = pathsOf(regulation)
          .filter(({ variant, channel }) => !passes(plannedPath(regulation, variant, channel), 'receive', 'register'))
          .map(({ label }) => label);
        expect(without).toEqual(Object.keys(KNOWN_WITHOUT_RECEPTION).filter((k) => k.startsWith(`${regulation.id} `)));
      });

      it('signs the result, once it is decided, on every planned path that ends in a positive result', () => {
        const positive = pathsOf(regulation)
          .map((p) => ({ ...p, path: plannedPath(regulation, p.variant, p.channel) }))
          .filter(({ path, variant }) => endsPositive(regulation, path, variant));
        expect(positive.length).toBeGreaterThan(0);
        // From the deciding procedure on: a refusal signed at an earlier completeness check does not count.
        const unsigned = positive.filter(({ path }) => !passes(path.slice(Math.max(0, decidingIndex(path))), 'sign')).map(({ label }) => label);
        expect(unsigned).toEqual(Object.keys(KNOWN_WITHOUT_SIGNATURE).filter((k) => k.startsWith(`${regulation.id} `)));
      });
    });
  }
});
