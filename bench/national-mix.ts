import type { TChannel } from '../src/core/regulation/schema.js';

/** One service's part of a national year: the kind of application replayed and its share. */
export interface MixEntry {
  readonly service: string;
  readonly variant: string | undefined;
  readonly channel: TChannel;
  /** Share of all applications in a year, in per mille (the ten add up to 1000). Estimates: see bench/README.md. */
  readonly perMille: number;
}

/** The ten services in the proportions bench/README.md states and justifies. */
export const NATIONAL_MIX: readonly MixEntry[] = [
  { service: 'specialist-certificate', variant: undefined, channel: 'portal', perMille: 550 },
  { service: 'qualification-category', variant: undefined, channel: 'portal', perMille: 250 },
  { service: 'medical-activity-licence', variant: 'issue', channel: 'portal', perMille: 100 },
  { service: 'gobmp-osms-provider-database', variant: undefined, channel: 'office', perMille: 40 },
  { service: 'medical-organization-accreditation', variant: 'initial', channel: 'office', perMille: 30 },
  { service: 'foreign-specialist-clinical-practice', variant: undefined, channel: 'state-corporation', perMille: 10 },
  { service: 'clinical-research-permit', variant: undefined, channel: 'office', perMille: 8 },
  { service: 'hsc-sample-import-export-conclusion', variant: 'stem-cells-issue', channel: 'portal', perMille: 6 },
  { service: 'organ-tissue-import-export-licence', variant: 'tissues-blood', channel: 'portal', perMille: 4 },
  { service: 'assessment-entity-accreditation', variant: undefined, channel: 'office', perMille: 2 },
];

/**
 * How many of `total` applications each service gets: its share, by largest remainder, and at
 * least one each so that a small sample still runs every service.
 */
export function allocate(total: number): number[] {
  const exact = NATIONAL_MIX.map((m) => (m.perMille * total) / 1000);
  const counts = exact.map((x) => Math.max(1, Math.floor(x)));
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest);
  for (let k = 0; counts.reduce((a, b) => a + b, 0) < total; k++) counts[order[k % order.length]!.i]!++;
  return counts;
}
