import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../catalogue/load-catalogue.js';
import { loadClockSet } from '../../catalogue/load-clock.js';
import { plannedPath } from '../regulation/planned-path.js';
import { planTimeline } from './plan-timeline.js';

const catalogue = loadCatalogue().regulations;
const { clockFor } = loadClockSet();

const EXPECTED_VARIANTS: Record<string, string[]> = {
  'specialist-certificate': [],
  'qualification-category': [],
  'medical-organization-accreditation': ['initial', 'reissue'],
  'organ-tissue-import-export-licence': ['organs', 'tissues-blood'],
  'hsc-sample-import-export-conclusion': ['stem-cells-issue', 'stem-cells-reissue', 'samples-issue', 'samples-reissue'],
  'gobmp-osms-provider-database': [],
  'clinical-research-permit': [],
  'foreign-specialist-clinical-practice': [],
  'assessment-entity-accreditation': [],
  'medical-activity-licence': ['issue', 'reissue', 'duplicate'],
};

const combos = catalogue.flatMap((r) =>
  (r.variants.length ? r.variants.map((v) => v.id) : [undefined]).flatMap((variant) => r.channels.map((channel) => ({ r, variant, channel }))),
);

describe('the catalogue', () => {
  it('holds the ten services with their variants', () => {
    expect(Object.fromEntries(catalogue.map((r) => [r.id, r.variants.map((v) => v.id)]))).toEqual(EXPECTED_VARIANTS);
  });

  it('gives every procedure a clause and a Kazakh action', () => {
    for (const r of catalogue) for (const p of r.procedures) expect(p.clause).toMatch(/п\. \d/);
  });

  it('has the State Corporation procedures on the State Corporation channel of foreign specialists', () => {
    const r = catalogue.find((x) => x.id === 'foreign-specialist-clinical-practice')!;
    const path = plannedPath(r, undefined, 'state-corporation');
    const sc = path.filter((p) => r.roles.find((x) => x.id === p.actor)?.organisation === 'state-corporation');
    expect(sc.map((p) => p.term)).toEqual([
      { value: 20, unit: 'minutes' },
      { value: 3, unit: 'hours' },
      { value: 3, unit: 'hours' },
      { value: 20, unit: 'minutes' },
    ]);
  });
});

describe('a planned timeline for every service, variant and channel', () => {
  it.each(combos.map((c) => [`${c.r.id} ${c.variant ?? ''} ${c.channel}`, c] as const))('%s', (_, { r, variant, channel }) => {
    const plan = planTimeline(r, { variant, channel, submitted: Date.parse('2026-03-20T17:00:00+05:00') }, clockFor);
    expect(plan.steps.length).toBeGreaterThan(0);
    let previous = plan.receipt.receipt;
    let unknown = false;
    for (const step of plan.steps) {
      if (step.term === null) unknown = true;
      if (unknown) {
        expect(step.due).toBeNull();
        continue;
      }
      expect(step.start).toBe(previous);
      expect(step.due!).toBeGreaterThan(step.start!);
      previous = step.due!;
    }
    expect(plan.due).toBe(unknown ? null : previous);
  });
});

describe('laws of planned timelines', () => {
  const known = combos.filter((c) => plannedPath(c.r, c.variant, c.channel).every((p) => p.term !== null));
  it('a later submission never gets an earlier result', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...known),
        fc.integer({ min: Date.parse('2015-09-01T00:00:00Z'), max: Date.parse('2027-09-01T00:00:00Z') }),
        fc.integer({ min: 0, max: 7 * 86_400_000 }),
        ({ r, variant, channel }, t, delta) => {
          const a = planTimeline(r, { variant, channel, submitted: t }, clockFor).due!;
          const b = planTimeline(r, { variant, channel, submitted: t + delta }, clockFor).due!;
          return b >= a;
        },
      ),
    );
  });
});
