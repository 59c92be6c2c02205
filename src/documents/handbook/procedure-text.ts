import type { TLanguage, TRegulation, TText } from '../../core/regulation/schema.js';
import { inVariant } from './handbook-graph.js';
import { CHANNEL_NAMES, KIND_WORDS, shortTerm } from './handbook-labels.js';

type Words = Record<
  'procedures' | 'sequence' | 'actor' | 'participants' | 'term' | 'channels' | 'outcomes' | 'end' | 'decides' | 'covers' | 'variant' | 'generated' | 'none',
  TText
>;

const WORDS: Words = {
  procedures: { kk: 'Рәсімдер (5-тармақ)', ru: 'Процедуры (пункт 5)', en: 'Procedures (п. 5)' },
  sequence: {
    kk: 'Құрылымдық бөлімшелер арасындағы рәсімдердің реттілігі (8-тармақ)',
    ru: 'Последовательность процедур между подразделениями (пункт 8)',
    en: 'Sequence between units (п. 8)',
  },
  actor: { kk: 'Орындаушы', ru: 'Исполнитель', en: 'Actor' },
  participants: { kk: 'Қатысады', ru: 'Участвуют', en: 'With' },
  term: { kk: 'Мерзімі', ru: 'Срок', en: 'Term' },
  channels: { kk: 'Арналар', ru: 'Каналы', en: 'Channels' },
  outcomes: { kk: 'Нәтижелері', ru: 'Исходы', en: 'Outcomes' },
  end: { kk: 'аяқталады', ru: 'завершение', en: 'end' },
  decides: { kk: 'нәтиже', ru: 'результат', en: 'result' },
  covers: { kk: '5-тармақтың рәсімдері', ru: 'процедуры пункта 5', en: 'п. 5 procedures' },
  variant: { kk: 'Нұсқасы', ru: 'Вариант', en: 'Variant' },
  generated: {
    kk: 'Регламенттің анықтамасынан жасалды; қазақ тіліндегі мәтіндер актіден сөзбе-сөз алынған.',
    ru: 'Создано из определения регламента; тексты на казахском языке дословно из акта, на русском — перевод.',
    en: 'Generated from the regulation’s definition; the Kazakh texts are verbatim from the act, the others are translations.',
  },
  none: { kk: 'Регламентте 8-тармақ жоқ.', ru: 'В регламенте нет пункта 8.', en: 'The regulation has no п. 8.' },
};

/**
 * The procedure text of a regulation (п. 5 and п. 8) in Markdown, from its definition, so that an
 * analyst can read it against the act: each procedure with its clause, actor, term and the act's
 * words, where each outcome leads; then п. 8 with the п. 5 procedures each item covers.
 */
export function procedureText(regulation: TRegulation, variant: string | undefined, lang: TLanguage): string {
  const w = (key: keyof Words) => WORDS[key][lang];
  const role = (id: string) => regulation.roles.find((r) => r.id === id)?.title[lang] ?? id;
  const procedures = regulation.procedures.filter((p) => inVariant(regulation, p, variant));
  const clauseOf = (id: string) => regulation.procedures.find((p) => p.id === id)?.clause ?? id;
  const resultTitle = (kind: string) => regulation.results.find((r) => r.kind === kind)?.title[lang] ?? kind;
  const lines: string[] = [`# ${regulation.title[lang]}`, ''];
  const v = variant === undefined ? undefined : regulation.variants.find((x) => x.id === variant);
  if (v) lines.push(`${w('variant')}: **${v.title[lang]}**`, '');
  lines.push(`_${w('generated')}_`, '', `## ${w('procedures')}`, '');
  for (const p of procedures) {
    lines.push(`### ${p.clause} — ${p.kinds.map((k) => KIND_WORDS[k][lang]).join(', ')}`, '');
    lines.push(`- ${w('actor')}: ${role(p.actor)}`);
    if (p.participants?.length) lines.push(`- ${w('participants')}: ${p.participants.map(role).join('; ')}`);
    lines.push(`- ${w('term')}: ${shortTerm(p.term, lang)} («${p.termSource}»)`);
    if (p.channels) lines.push(`- ${w('channels')}: ${p.channels.map((c) => CHANNEL_NAMES[c][lang]).join(', ')}`);
    if (p.outcomes && p.outcomes.length > 0) {
      const out = p.outcomes.map(
        (o) => `${o.label[lang]} → ${o.next === 'end' ? w('end') : clauseOf(o.next)}${o.decides ? ` (${w('decides')}: ${resultTitle(o.decides)})` : ''}`,
      );
      lines.push(`- ${w('outcomes')}: ${out.join('; ')}`);
    }
    lines.push('', `> ${p.action[lang]}`, '');
  }
  lines.push(`## ${w('sequence')}`, '');
  const sequence = regulation.sequence.filter((s) => !s.variants || variant === undefined || s.variants.includes(variant));
  if (sequence.length === 0) lines.push(w('none'), '');
  for (const s of sequence) {
    lines.push(`- **${s.clause}** ${s.text[lang]} — ${shortTerm(s.term, lang)}; ${w('covers')}: ${s.covers.map(clauseOf).join(', ')}`);
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
