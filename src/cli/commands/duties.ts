import { loadCatalogue } from '../../catalogue/load-catalogue.js';
import type { TLanguage } from '../../core/regulation/schema.js';
import { dutiesTables } from '../../documents/duties-table.js';
import type { CliIo } from '../cli-io.js';

export const dutiesHelp = `reglament duties [--lang kk|ru|en]

Who does what in every regulation, as Markdown tables read from the definitions: per procedure,
who performs it, who names the executor, who agrees or approves, and who signs, in order.`;

/** Prints the duties tables of the catalogue. */
export function runDuties(io: CliIo, opts: { lang: TLanguage }): number {
  io.out(dutiesTables(loadCatalogue().regulations, opts.lang));
  return 0;
}
