import { loadCatalogue } from '../../catalogue/load-catalogue.js';
import type { CliIo } from '../cli-io.js';
import { table } from '../cli-io.js';

export const servicesHelp = `reglament services [--json]

The catalogue, one line per service: id, Kazakh title, channels, variants.
  --json   print a JSON array instead`;

/** Lists the catalogue. */
export function runServices(io: CliIo, opts: { json: boolean }): number {
  const rows = loadCatalogue().regulations.map((r) => ({
    id: r.id,
    title: r.title.kk,
    channels: r.channels,
    variants: r.variants.map((v) => v.id),
    repealed: r.repeal?.effective ?? null,
  }));
  if (opts.json) {
    io.out(JSON.stringify(rows, null, 2));
    return 0;
  }
  io.out(
    table([
      ['id', 'title (kk)', 'channels', 'variants'],
      ...rows.map((r) => [r.id, r.title.length > 70 ? `${r.title.slice(0, 69)}…` : r.title, r.channels.join(','), r.variants.join(',') || '-']),
    ]),
  );
  return 0;
}
