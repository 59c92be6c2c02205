import { appliesTo, firstApplicableFrom, plannedPath } from './planned-path.js';
import type { TChannel, TProcedure, TRegulation, TTerm, TText } from './schema.js';

/** error: the definition cannot run as written; warning: the act disagrees with itself; info: worth knowing. */
export type LintSeverity = 'error' | 'warning' | 'info';

/** One thing a legal analyst would want to know about a definition. */
export interface LintFinding {
  readonly code: string;
  readonly severity: LintSeverity;
  /** Where: a procedure id, a clause, or a field. */
  readonly where: string;
  readonly message: TText;
}

type Scope = { variant: string | undefined; channel: TChannel };

const scopes = (r: TRegulation): Scope[] =>
  (r.variants.length ? r.variants.map((v) => v.id) : [undefined]).flatMap((variant) =>
    r.channels.map((channel) => ({ variant, channel })),
  );
const scopeName = (s: Scope) => [s.variant, s.channel].filter(Boolean).join('/');
const fmtTerm = (t: TTerm) => `${t.value} ${t.unit.replace('_', ' ')}`;

/** Sums terms of one unit; undefined when units are mixed or a term is unknown. */
export function sumTerms(terms: readonly (TTerm | null)[]): TTerm | undefined {
  if (terms.length === 0 || terms.some((t) => t === null)) return undefined;
  const unit = terms[0]!.unit;
  if (terms.some((t) => t!.unit !== unit)) return undefined;
  return { value: terms.reduce((s, t) => s + t!.value, 0), unit };
}

/** Every procedure reachable from the first one of a scope, over every outcome. */
function reachable(r: TRegulation, s: Scope): { reached: Set<TProcedure>; endReachable: Map<TProcedure, boolean> } {
  const successors = (p: TProcedure): (TProcedure | 'end')[] => {
    if (!p.outcomes) return [firstApplicableFrom(r, r.procedures.indexOf(p) + 1, s.variant, s.channel) ?? 'end'];
    return p.outcomes.map((o) => {
      if (o.next === 'end') return 'end';
      const i = r.procedures.findIndex((q) => q.id === o.next);
      return i < 0 ? 'end' : (firstApplicableFrom(r, i, s.variant, s.channel) ?? 'end');
    });
  };
  const reached = new Set<TProcedure>();
  const first = firstApplicableFrom(r, 0, s.variant, s.channel);
  const stack = first ? [first] : [];
  while (stack.length) {
    const p = stack.pop()!;
    if (reached.has(p)) continue;
    reached.add(p);
    for (const n of successors(p)) if (n !== 'end') stack.push(n);
  }
  // A procedure reaches the end if some successor is the end or reaches it (fixed point).
  const endReachable = new Map<TProcedure, boolean>([...reached].map((p) => [p, false]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of reached) {
      if (endReachable.get(p)) continue;
      if (successors(p).some((n) => n === 'end' || endReachable.get(n))) {
        endReachable.set(p, true);
        changed = true;
      }
    }
  }
  return { reached, endReachable };
}

/** Checks a definition for what a legal analyst would want to know. */
export function lintRegulation(r: TRegulation): LintFinding[] {
  const out: LintFinding[] = [];
  const add = (code: string, severity: LintSeverity, where: string, en: string, ru: string, kk: string) =>
    out.push({ code, severity, where, message: { kk, ru, en } });

  const roleIds = new Set(r.roles.map((x) => x.id));
  const procIds = new Set(r.procedures.map((p) => p.id));
  const variantIds = new Set(r.variants.map((v) => v.id));
  const resultKinds = new Set(r.results.map((x) => x.kind));

  for (const [label, ids] of [['procedure', r.procedures.map((p) => p.id)], ['role', r.roles.map((x) => x.id)], ['variant', r.variants.map((v) => v.id)]] as const) {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) add('duplicate-id', 'error', id, `The ${label} id "${id}" is used twice.`, `Идентификатор "${id}" использован дважды.`, `"${id}" идентификаторы екі рет қолданылған.`);
      seen.add(id);
    }
  }

  const scoped: { where: string; variants?: readonly string[] | undefined; channels?: readonly string[] | undefined }[] = [
    ...r.procedures.map((p) => ({ where: p.id, variants: p.variants, channels: p.channels })),
    ...r.sequence.map((s) => ({ where: s.clause, variants: s.variants, channels: s.channels })),
    ...r.results.map((x) => ({ where: `result ${x.kind}`, variants: x.variants })),
  ];
  for (const item of scoped) {
    for (const v of item.variants ?? []) {
      if (!variantIds.has(v)) add('unknown-variant', 'error', item.where, `Refers to variant "${v}", which the regulation does not declare.`, `Ссылается на вариант "${v}", которого нет в регламенте.`, `Регламентте жоқ "${v}" нұсқасына сілтеме жасайды.`);
    }
    for (const c of item.channels ?? []) {
      if (!r.channels.includes(c as TChannel)) add('unknown-channel', 'error', item.where, `Refers to channel "${c}", which the regulation does not offer.`, `Ссылается на канал "${c}", которого нет в регламенте.`, `Регламентте жоқ "${c}" арнасына сілтеме жасайды.`);
    }
  }

  const usedRoles = new Set<string>();
  for (const p of r.procedures) {
    for (const actor of [p.actor, ...(p.participants ?? [])]) {
      usedRoles.add(actor);
      if (!roleIds.has(actor)) add('unknown-actor', 'error', p.id, `The actor "${actor}" is not in the roles list (п. 7).`, `Исполнитель "${actor}" не указан в перечне (п. 7).`, `"${actor}" орындаушысы тізбеде (7-т.) жоқ.`);
    }
    for (const o of p.outcomes ?? []) {
      if (o.next !== 'end' && !procIds.has(o.next)) add('outcome-leads-nowhere', 'error', `${p.id} → ${o.id}`, `The outcome "${o.id}" leads to "${o.next}", which is not a procedure.`, `Исход "${o.id}" ведёт к "${o.next}", такой процедуры нет.`, `"${o.id}" нәтижесі жоқ "${o.next}" рәсіміне апарады.`);
      if (o.decides && !resultKinds.has(o.decides)) add('unknown-result', 'error', `${p.id} → ${o.id}`, `The outcome decides "${o.decides}", which is not among the results (п. 3).`, `Исход определяет результат "${o.decides}", которого нет среди результатов (п. 3).`, `Нәтиже "${o.decides}" нәтижелер тізімінде (3-т.) жоқ.`);
    }
    if (p.term === null) add('term-unknown', 'info', p.id, `No term is known for this procedure (${p.termSource}); dues from here on cannot be planned.`, `Срок процедуры неизвестен (${p.termSource}); дальнейшие сроки не планируются.`, `Рәсімнің мерзімі белгісіз (${p.termSource}); одан кейінгі мерзімдер жоспарланбайды.`);
  }
  for (const role of r.roles.filter((x) => !x.listed && usedRoles.has(x.id))) {
    add('actor-not-listed', 'warning', role.id, `The procedures name "${role.id}" (${role.source}), but the act's list of participating staff (п. 7) does not.`, `Процедуры называют "${role.id}" (${role.source}), но перечень работников (п. 7) его не содержит.`, `Рәсімдер "${role.id}" (${role.source}) атайды, бірақ қызметкерлер тізбесінде (7-т.) ол жоқ.`);
  }
  for (const role of r.roles) {
    if (!usedRoles.has(role.id)) add('role-unused', 'info', role.id, `The role "${role.id}" (${role.source}) acts in no procedure.`, `Роль "${role.id}" (${role.source}) не участвует ни в одной процедуре.`, `"${role.id}" рөлі (${role.source}) ешбір рәсімге қатыспайды.`);
  }
  for (const s of r.sequence) {
    for (const c of s.covers) if (!procIds.has(c)) add('sequence-unknown-procedure', 'error', s.clause, `п. 8 item covers "${c}", which is not a procedure.`, `Пункт 8 охватывает "${c}", такой процедуры нет.`, `8-т. тармақшасы жоқ "${c}" рәсімін қамтиды.`);
  }

  // Reachability and ends, per variant and channel.
  const reachedAnywhere = new Set<TProcedure>();
  for (const s of scopes(r)) {
    const { reached, endReachable } = reachable(r, s);
    if (reached.size === 0) add('empty-path', 'error', scopeName(s), `No procedure applies to ${scopeName(s)}.`, `Для ${scopeName(s)} нет ни одной процедуры.`, `${scopeName(s)} үшін бірде-бір рәсім жоқ.`);
    for (const p of reached) {
      reachedAnywhere.add(p);
      if (!endReachable.get(p)) add('dead-end', 'error', `${p.id} (${scopeName(s)})`, `From "${p.id}" the case can never end: every way out loops back.`, `Из "${p.id}" дело не может завершиться: все исходы ведут по кругу.`, `"${p.id}" рәсімінен іс аяқталмайды.`);
    }
  }
  for (const p of r.procedures) {
    if (!reachedAnywhere.has(p)) add('unreachable', 'warning', p.id, `No variant or channel ever reaches "${p.id}".`, `Ни один вариант или канал не доходит до "${p.id}".`, `Ешбір нұсқа не арна "${p.id}" рәсіміне жетпейді.`);
  }

  // п. 5 against п. 8, and the declared total against the sum of the procedures.
  for (const s of r.sequence) {
    const covered = r.procedures.filter((p) => s.covers.includes(p.id));
    const sum = sumTerms(covered.map((p) => p.term));
    if (sum && (sum.unit !== s.term.unit || sum.value !== s.term.value)) {
      add('sequence-term-differs', 'warning', s.clause, `п. 8 gives ${fmtTerm(s.term)}, but the п. 5 procedures it covers (${s.covers.join(', ')}) add up to ${fmtTerm(sum)}.`, `п. 8 устанавливает ${fmtTerm(s.term)}, а охватываемые процедуры п. 5 (${s.covers.join(', ')}) в сумме дают ${fmtTerm(sum)}.`, `8-т. мерзімі ${fmtTerm(s.term)}, ал 5-т. рәсімдерінің (${s.covers.join(', ')}) жиыны ${fmtTerm(sum)}.`);
    }
  }
  if (r.sequence.length) {
    for (const sc of scopes(r)) {
      const items = r.sequence.filter((s) => appliesTo(s, sc.variant, sc.channel));
      if (items.length === 0) continue;
      const coverCount = new Map<string, number>();
      for (const s of items) for (const c of s.covers) coverCount.set(c, (coverCount.get(c) ?? 0) + 1);
      // The State Corporation's own procedures (chapter 4) are outside п. 8, which orders the provider's units.
      const providerSteps = plannedPath(r, sc.variant, sc.channel).filter((p) => r.roles.find((x) => x.id === p.actor)?.organisation !== 'state-corporation');
      for (const p of providerSteps) {
        const n = coverCount.get(p.id) ?? 0;
        if (n === 0) add('sequence-omits-procedure', 'warning', `${p.id} (${scopeName(sc)})`, `п. 8 has no item for the п. 5 procedure "${p.id}" (${p.clause}).`, `В п. 8 нет пункта для процедуры п. 5 "${p.id}" (${p.clause}).`, `8-т. 5-т. "${p.id}" рәсімін (${p.clause}) қамтымайды.`);
        if (n > 1) add('sequence-repeats-procedure', 'warning', `${p.id} (${scopeName(sc)})`, `${n} items of п. 8 cover the same п. 5 procedure "${p.id}" (${p.clause}).`, `${n} пункта п. 8 охватывают одну процедуру п. 5 "${p.id}" (${p.clause}).`, `8-т. ${n} тармақшасы 5-т. бір "${p.id}" рәсімін қамтиды.`);
      }
    }
  }
  for (const total of r.totalTerms) {
    if (!total.term) continue;
    for (const sc of scopes(r).filter((x) => appliesTo(total, x.variant, x.channel))) {
      const sum = sumTerms(plannedPath(r, sc.variant, sc.channel).map((p) => p.term));
      if (sum && (sum.unit !== total.term.unit || sum.value !== total.term.value)) {
        add('total-term-differs', 'warning', scopeName(sc), `The declared total term is ${fmtTerm(total.term)}, but the procedures add up to ${fmtTerm(sum)}.`, `Заявленный общий срок ${fmtTerm(total.term)}, а процедуры в сумме дают ${fmtTerm(sum)}.`, `Жалпы мерзім ${fmtTerm(total.term)}, ал рәсімдер жиыны ${fmtTerm(sum)}.`);
      }
    }
  }

  // Editions against their acts.
  const approved = r.legalBasis.approvingAct;
  for (const e of r.editions) {
    const registered = e.act.registration?.date ?? (e.act.number === approved.number && e.act.date === approved.date ? approved.registration?.date : undefined);
    if (registered && e.effective < registered) add('edition-before-registration', 'error', e.id, `Edition ${e.id} takes effect on ${e.effective}, before its act was registered (${registered}).`, `Редакция ${e.id} вступает в силу ${e.effective}, до государственной регистрации акта (${registered}).`, `${e.id} редакциясы акт тіркелгенге (${registered}) дейін, ${e.effective} күшіне енеді.`);
    if (e.effective < e.act.date) add('edition-before-act', 'error', e.id, `Edition ${e.id} takes effect on ${e.effective}, before its act was signed (${e.act.date}).`, `Редакция ${e.id} вступает в силу ${e.effective}, до подписания акта (${e.act.date}).`, `${e.id} редакциясы акт қабылданғанға (${e.act.date}) дейін күшіне енеді.`);
  }
  for (let i = 1; i < r.editions.length; i++) {
    if (r.editions[i]!.effective < r.editions[i - 1]!.effective) add('editions-out-of-order', 'error', r.editions[i]!.id, 'Editions must be listed in the order they took effect.', 'Редакции должны идти в порядке вступления в силу.', 'Редакциялар күшіне ену ретімен берілуі тиіс.');
  }
  if (r.repeal) add('repealed', 'info', 'repeal', `${r.repeal.notice.en} (effective ${r.repeal.effective}).`, `${r.repeal.notice.ru} (с ${r.repeal.effective}).`, `${r.repeal.notice.kk} (${r.repeal.effective}).`);
  if (r.documents.status === 'unknown') add('documents-unknown', 'info', 'documents', `The documents checklist (${r.documents.source.ref ?? 'the Standard'}) is not known: reception cannot check completeness against it.`, `Перечень документов (${r.documents.source.ref ?? 'Стандарт'}) неизвестен.`, `Құжаттар тізбесі (${r.documents.source.ref ?? 'Стандарт'}) белгісіз.`);
  if (r.refusalGrounds.status === 'unknown') add('refusal-grounds-unknown', 'info', 'refusalGrounds', `The grounds for refusal (${r.refusalGrounds.source.ref ?? 'the Standard'}) are not known.`, `Основания для отказа (${r.refusalGrounds.source.ref ?? 'Стандарт'}) неизвестны.`, `Бас тарту негіздері (${r.refusalGrounds.source.ref ?? 'Стандарт'}) белгісіз.`);
  return out;
}
