import { agreementOf, firstDutyOf, signersOf } from '../core/engine/duties.js';
import { completingCommand } from '../core/engine/completing-command.js';
import type { TLanguage, TRegulation } from '../core/regulation/schema.js';

/** The column headings of the table, per language. */
const HEAD: Record<TLanguage, readonly string[]> = {
  kk: ['тармақ', 'рәсім', 'орындайды', 'орындаушыны айқындайды', 'келіседі / бекітеді', 'қол қояды (ретімен)'],
  ru: ['пункт', 'процедура', 'выполняет', 'определяет исполнителя', 'согласует / утверждает', 'подписывает (по порядку)'],
  en: ['clause', 'procedure', 'performs', 'names the executor', 'agrees / approves', 'signs (in order)'],
};

const DRAFTS: Record<TLanguage, string> = { kk: 'жобасын дайындайды', ru: 'готовит проект', en: 'drafts' };
const AT_MEETING: Record<TLanguage, (keeper: string) => string> = {
  kk: (keeper) => `отырыста; хаттаманы жазады: ${keeper}`,
  ru: (keeper) => `на заседании; протокол ведёт: ${keeper}`,
  en: (keeper) => `at a meeting; the minutes: ${keeper}`,
};
const ACT: Record<'agree' | 'approve', Record<TLanguage, string>> = {
  agree: { kk: 'келіседі', ru: 'согласует', en: 'agrees' },
  approve: { kk: 'бекітеді', ru: 'утверждает', en: 'approves' },
};

/**
 * Who does what in a regulation, one row per procedure, read from its definition alone: who
 * performs (a commission or council at a meeting, with who keeps its minutes), who names the executor, who agrees or approves (and which outcome needs it), and who
 * signs in order. The README's tables are this output, and a test keeps them equal.
 */
export function dutiesTable(regulation: TRegulation, lang: TLanguage): string {
  const role = (id: string) => regulation.roles.find((r) => r.id === id)?.title[lang] ?? id;
  const rows = regulation.procedures.map((p) => {
    const agreements = [
      ...(p.agreement ? [{ on: '', a: p.agreement }] : []),
      ...(p.outcomes ?? []).flatMap((o) => (o.agreement ? [{ on: o.label[lang], a: agreementOf(p, o)! }] : [])),
    ];
    const agreed = agreements.map(({ on, a }) => `${a.by.map(role).join(' → ')} (${ACT[a.act][lang]}${on ? `: ${on}` : ''})`).join('; ');
    const signs = completingCommand(p) === 'sign' ? signersOf(p).map(role).join(' → ') : '';
    const performs = p.meeting
      ? `${role(p.meeting.body)} (${AT_MEETING[lang](role(p.meeting.recordedBy))})`
      : completingCommand(p) === 'sign' && firstDutyOf(p) !== p.actor
        ? `${role(p.actor)} (${DRAFTS[lang]})`
        : role(p.actor);
    return [p.clause, p.id, performs, p.assigner ? role(p.assigner) : '', agreed, signs];
  });
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replaceAll('|', '\\|') || '—').join(' | ')} |`;
  return [line(HEAD[lang]), `|${HEAD[lang].map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/** The tables of every regulation, each under its id, as the README carries them. */
export function dutiesTables(regulations: readonly TRegulation[], lang: TLanguage): string {
  return regulations.map((r) => `#### \`${r.id}\`\n\n${dutiesTable(r, lang)}`).join('\n\n');
}
