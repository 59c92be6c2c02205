import { termWords } from '../../core/regulation/term-words.js';
import type { TLanguage } from '../../core/regulation/schema.js';
import type { CliIo } from '../cli-io.js';
import { table } from '../cli-io.js';
import { findRegulation } from '../find-regulation.js';

export const showHelp = `reglament show <id|file.yaml> [--lang kk|ru|en] [--json]

One regulation as a readable procedure table: who does what, within which term, from which clause.
  --lang   language of the texts (default kk, the language of the act)
  --json   print the validated definition as JSON`;

const HEAD: Record<TLanguage, string[]> = {
  kk: ['т.', 'рәсім', 'орындаушы', 'мерзім', 'нұсқа/арна', 'әрекет'],
  ru: ['п.', 'процедура', 'исполнитель', 'срок', 'вариант/канал', 'действие'],
  en: ['clause', 'procedure', 'actor', 'term', 'variant/channel', 'action'],
};
const UNKNOWN: Record<TLanguage, string> = { kk: 'белгісіз', ru: 'неизвестен', en: 'unknown' };

/** Prints one regulation's procedures. */
export function runShow(io: CliIo, opts: { id: string | undefined; lang: TLanguage; json: boolean }): number {
  const r = findRegulation(opts.id);
  if (opts.json) {
    io.out(JSON.stringify(r, null, 2));
    return 0;
  }
  const l = opts.lang;
  const roles = new Map(r.roles.map((x) => [x.id, x.title[l]]));
  io.out(`${r.title[l]}  (${r.id})`);
  io.out(`${r.provider.title[l]}`);
  if (r.repeal) io.out(`! ${r.repeal.notice[l]}`);
  const rows = r.procedures.map((p) => [
    p.clause,
    p.id,
    roles.get(p.actor) ?? p.actor,
    p.term ? termWords(p.term)[l] : UNKNOWN[l],
    [...(p.variants ?? []), ...(p.channels ?? [])].join(',') || '*',
    p.action[l].length > 90 ? `${p.action[l].slice(0, 89)}…` : p.action[l],
  ]);
  io.out(table([HEAD[l], ...rows]));
  return 0;
}
