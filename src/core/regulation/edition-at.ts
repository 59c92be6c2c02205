import type { TEdition, TRegulation } from './schema.js';

/** The edition in force on a date (YYYY-MM-DD), if any, and whether the regulation was repealed by then. */
export function editionAt(regulation: TRegulation, date: string): { edition?: TEdition; repealed: boolean } {
  const inForce = regulation.editions.filter((e) => e.effective <= date).at(-1);
  const repealed = regulation.repeal !== undefined && regulation.repeal.effective <= date;
  return inForce ? { edition: inForce, repealed } : { repealed };
}
