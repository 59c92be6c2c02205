import { appliesTo, firstApplicableFrom, plannedPath } from './planned-path.js';
import { termWords } from './term-words.js';
import { LEADING_ROLE_KINDS, type TChannel, type TProcedure, type TRegulation, type TTerm, type TText } from './schema.js';

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
  (r.variants.length ? r.variants.map((v) => v.id) : [undefined]).flatMap((variant) => r.channels.map((channel) => ({ variant, channel })));
const scopeName = (s: Scope) => [s.variant, s.channel].filter(Boolean).join('/');

/** Sums terms of one unit; undefined when units are mixed or a term is unknown. */
export function sumTerms(terms: readonly (TTerm | null)[]): TTerm | undefined {
  if (terms.length === 0 || terms.some((t) => t === null)) return undefined;
  const unit = terms[0]!.unit;
  // «Within the working day» has no count to add.
  if (unit === 'within_working_day' || terms.some((t) => t!.unit !== unit)) return undefined;
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
  for (let changed = true; changed;) {
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
  if (r.paperCopy && !roleIds.has(r.paperCopy.certifiedBy)) {
    add(
      'paper-copy-certifier-unknown',
      'error',
      'paperCopy',
      `The paper copy is certified by "${r.paperCopy.certifiedBy}", which is not a role of the regulation.`,
      `Бумажную копию заверяет "${r.paperCopy.certifiedBy}", но такой роли в регламенте нет.`,
      `Қағаз көшірмені "${r.paperCopy.certifiedBy}" растайды, бірақ регламентте ондай рөл жоқ.`,
    );
  }
  const procIds = new Set(r.procedures.map((p) => p.id));
  const variantIds = new Set(r.variants.map((v) => v.id));
  const resultKinds = new Set(r.results.map((x) => x.kind));

  for (const [label, ids] of [
    ['procedure', r.procedures.map((p) => p.id)],
    ['role', r.roles.map((x) => x.id)],
    ['variant', r.variants.map((v) => v.id)],
  ] as const) {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id))
        add(
          'duplicate-id',
          'error',
          id,
          `The ${label} id "${id}" is used twice.`,
          `Идентификатор "${id}" использован дважды.`,
          `"${id}" идентификаторы екі рет қолданылған.`,
        );
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
      if (!variantIds.has(v))
        add(
          'unknown-variant',
          'error',
          item.where,
          `Refers to variant "${v}", which the regulation does not declare.`,
          `Ссылается на вариант "${v}", которого нет в регламенте.`,
          `Регламентте жоқ "${v}" нұсқасына сілтеме жасайды.`,
        );
    }
    for (const c of item.channels ?? []) {
      if (!r.channels.includes(c as TChannel))
        add(
          'unknown-channel',
          'error',
          item.where,
          `Refers to channel "${c}", which the regulation does not offer.`,
          `Ссылается на канал "${c}", которого нет в регламенте.`,
          `Регламентте жоқ "${c}" арнасына сілтеме жасайды.`,
        );
    }
  }

  const usedRoles = new Set<string>();
  const leading = (id: string) => {
    const kind = r.roles.find((x) => x.id === id)?.kind;
    return kind !== undefined && LEADING_ROLE_KINDS.has(kind);
  };
  for (const p of r.procedures) {
    const agreeing = [...(p.agreement?.by ?? []), ...(p.outcomes ?? []).flatMap((o) => o.agreement?.by ?? [])];
    const meeting = p.meeting ? [p.meeting.body, p.meeting.recordedBy] : [];
    for (const actor of [p.actor, ...(p.participants ?? []), ...(p.assigner ? [p.assigner] : []), ...(p.signers ?? []), ...agreeing, ...meeting]) {
      usedRoles.add(actor);
      if (!roleIds.has(actor))
        add(
          'unknown-actor',
          'error',
          p.id,
          `The actor "${actor}" is not in the roles list (п. 7).`,
          `Исполнитель "${actor}" не указан в перечне (п. 7).`,
          `"${actor}" орындаушысы тізбеде (7-т.) жоқ.`,
        );
    }
    for (const o of p.outcomes ?? []) {
      if (o.next !== 'end' && !procIds.has(o.next))
        add(
          'outcome-leads-nowhere',
          'error',
          `${p.id} → ${o.id}`,
          `The outcome "${o.id}" leads to "${o.next}", which is not a procedure.`,
          `Исход "${o.id}" ведёт к "${o.next}", такой процедуры нет.`,
          `"${o.id}" нәтижесі жоқ "${o.next}" рәсіміне апарады.`,
        );
      if (o.decides && !resultKinds.has(o.decides))
        add(
          'unknown-result',
          'error',
          `${p.id} → ${o.id}`,
          `The outcome decides "${o.decides}", which is not among the results (п. 3).`,
          `Исход определяет результат "${o.decides}", которого нет среди результатов (п. 3).`,
          `Нәтиже "${o.decides}" нәтижелер тізімінде (3-т.) жоқ.`,
        );
    }
    const signs = p.kinds.includes('sign');
    if (p.signers && !signs)
      add(
        'signers-without-signing',
        'error',
        p.id,
        `"${p.id}" names signers but is not a signing procedure.`,
        `Для "${p.id}" указаны подписывающие, но процедура не подписывается.`,
        `"${p.id}" рәсіміне қол қоюшылар көрсетілген, бірақ ол қол қою рәсімі емес.`,
      );
    if (signs && p.agreement)
      add(
        'agreement-on-signing',
        'error',
        p.id,
        `"${p.id}" is completed by signing; its agreement would never be asked for.`,
        `"${p.id}" завершается подписанием; согласование на ней никогда не запрашивается.`,
        `"${p.id}" қол қоюмен аяқталады; келісу сұралмайды.`,
      );
    for (const signer of signs ? (p.signers ?? [p.actor]) : []) {
      if (roleIds.has(signer) && !leading(signer)) {
        add(
          'signer-not-leading',
          'warning',
          p.id,
          `"${signer}" signs "${p.id}" but is not a head, department or branch head, or chair.`,
          `"${signer}" подписывает "${p.id}", но не является руководителем или председателем.`,
          `"${signer}" "${p.id}" рәсіміне қол қояды, бірақ басшы не төраға емес.`,
        );
      }
    }
    if (p.meeting) {
      const { body } = p.meeting;
      if (roleIds.has(body) && r.roles.find((x) => x.id === body)?.kind !== 'collective-body') {
        add(
          'meeting-not-of-a-body',
          'error',
          p.id,
          `"${p.id}" is decided at a meeting of "${body}", which is not a collective body.`,
          `"${p.id}" решается на заседании "${body}", но это не коллегиальный орган.`,
          `"${p.id}" рәсімі "${body}" отырысында шешіледі, бірақ ол алқалы орган емес.`,
        );
      }
      if (!p.outcomes && !p.meeting.decisions) {
        add(
          'meeting-without-decisions',
          'error',
          p.id,
          `The meeting at "${p.id}" has nothing to decide: give the procedure outcomes or the meeting decisions.`,
          `Заседанию на "${p.id}" нечего решать: укажите исходы процедуры или решения заседания.`,
          `"${p.id}" отырысында шешетін ештеңе жоқ: рәсімнің нәтижелерін не отырыстың шешімдерін көрсетіңіз.`,
        );
      }
      if (p.outcomes && p.meeting.decisions) {
        add(
          'meeting-decisions-twice',
          'error',
          p.id,
          `"${p.id}" gives both outcomes and meeting decisions; the meeting decides its outcomes.`,
          `Для "${p.id}" указаны и исходы, и решения заседания; заседание решает исходы.`,
          `"${p.id}" рәсіміне нәтижелер де, отырыс шешімдері де көрсетілген; отырыс нәтижелерді шешеді.`,
        );
      }
    }
    if (p.term === null)
      add(
        'term-unknown',
        'info',
        p.id,
        `No term is known for this procedure (${p.termSource}); dues from here on cannot be planned.`,
        `Срок процедуры неизвестен (${p.termSource}); дальнейшие сроки не планируются.`,
        `Рәсімнің мерзімі белгісіз (${p.termSource}); одан кейінгі мерзімдер жоспарланбайды.`,
      );
  }
  for (const role of r.roles.filter((x) => !x.listed && usedRoles.has(x.id))) {
    add(
      'actor-not-listed',
      'warning',
      role.id,
      `The procedures name "${role.id}" (${role.source}), but the act's list of participating staff (п. 7) does not.`,
      `Процедуры называют "${role.id}" (${role.source}), но перечень работников (п. 7) его не содержит.`,
      `Рәсімдер "${role.id}" (${role.source}) атайды, бірақ қызметкерлер тізбесінде (7-т.) ол жоқ.`,
    );
  }
  for (const role of r.roles) {
    if (!usedRoles.has(role.id))
      add(
        'role-unused',
        'info',
        role.id,
        `The role "${role.id}" (${role.source}) acts in no procedure.`,
        `Роль "${role.id}" (${role.source}) не участвует ни в одной процедуре.`,
        `"${role.id}" рөлі (${role.source}) ешбір рәсімге қатыспайды.`,
      );
  }
  for (const s of r.sequence) {
    for (const c of s.covers)
      if (!procIds.has(c))
        add(
          'sequence-unknown-procedure',
          'error',
          s.clause,
          `п. 8 item covers "${c}", which is not a procedure.`,
          `Пункт 8 охватывает "${c}", такой процедуры нет.`,
          `8-т. тармақшасы жоқ "${c}" рәсімін қамтиды.`,
        );
  }

  // Two results of one kind for one variant: which title a case gets would be a guess.
  for (const variant of r.variants.length ? r.variants.map((v) => v.id) : [undefined]) {
    const kinds = r.results.filter((x) => !x.variants || (variant !== undefined && x.variants.includes(variant))).map((x) => x.kind);
    for (const kind of new Set(kinds.filter((k, i) => kinds.indexOf(k) !== i))) {
      add(
        'results-overlap',
        'warning',
        variant ?? kind,
        `Two results of kind "${kind}" apply to ${variant ?? 'every case'}.`,
        `Два результата вида "${kind}" относятся к ${variant ?? 'каждому делу'}.`,
        `"${kind}" түріндегі екі нәтиже ${variant ?? 'әр іске'} қатысты.`,
      );
    }
  }

  // A procedure of the provider that one channel's path has and another's lacks (reception and hand-over aside, which differ by channel).
  const channelSpecific = (p: TProcedure) => p.kinds.every((k) => k === 'receive' || k === 'transfer' || k === 'deliver');
  const ofProvider = (p: TProcedure) => r.roles.find((x) => x.id === p.actor)?.organisation !== 'state-corporation';
  for (const variant of r.variants.length ? r.variants.map((v) => v.id) : [undefined]) {
    const byChannel = r.channels.map((channel) => ({ channel, reached: reachable(r, { variant, channel }).reached }));
    for (const { channel, reached } of byChannel) {
      for (const other of byChannel.filter((b) => b.channel !== channel)) {
        for (const p of other.reached) {
          if (!reached.has(p) && ofProvider(p) && !channelSpecific(p)) {
            add(
              'channel-lacks-procedure',
              'warning',
              `${p.id} (${[variant, channel].filter(Boolean).join('/')})`,
              `The ${channel} path lacks "${p.id}" (${p.clause}), which the ${other.channel} path has.`,
              `На пути ${channel} нет процедуры "${p.id}" (${p.clause}), которая есть на пути ${other.channel}.`,
              `${channel} жолында ${other.channel} жолындағы "${p.id}" (${p.clause}) рәсімі жоқ.`,
            );
          }
        }
      }
    }
  }

  // Reachability and ends, per variant and channel.
  const reachedAnywhere = new Set<TProcedure>();
  for (const s of scopes(r)) {
    const { reached, endReachable } = reachable(r, s);
    if (reached.size === 0)
      add(
        'empty-path',
        'error',
        scopeName(s),
        `No procedure applies to ${scopeName(s)}.`,
        `Для ${scopeName(s)} нет ни одной процедуры.`,
        `${scopeName(s)} үшін бірде-бір рәсім жоқ.`,
      );
    for (const p of reached) {
      reachedAnywhere.add(p);
      if (!endReachable.get(p))
        add(
          'dead-end',
          'error',
          `${p.id} (${scopeName(s)})`,
          `From "${p.id}" the case can never end: every way out loops back.`,
          `Из "${p.id}" дело не может завершиться: все исходы ведут по кругу.`,
          `"${p.id}" рәсімінен іс аяқталмайды.`,
        );
    }
  }
  for (const p of r.procedures) {
    if (!reachedAnywhere.has(p))
      add(
        'unreachable',
        'warning',
        p.id,
        `No variant or channel ever reaches "${p.id}".`,
        `Ни один вариант или канал не доходит до "${p.id}".`,
        `Ешбір нұсқа не арна "${p.id}" рәсіміне жетпейді.`,
      );
  }

  // п. 5 against п. 8, and the declared total against the sum of the procedures.
  for (const s of r.sequence) {
    const covered = r.procedures.filter((p) => s.covers.includes(p.id));
    const sum = sumTerms(covered.map((p) => p.term));
    if (sum && (sum.unit !== s.term.unit || sum.value !== s.term.value)) {
      add(
        'sequence-term-differs',
        'warning',
        s.clause,
        `п. 8 gives ${termWords(s.term).en}, but the п. 5 procedures it covers (${s.covers.join(', ')}) add up to ${termWords(sum).en}.`,
        `п. 8 устанавливает ${termWords(s.term).ru}, а охватываемые процедуры п. 5 (${s.covers.join(', ')}) в сумме дают ${termWords(sum).ru}.`,
        `8-т. мерзімі ${termWords(s.term).kk}, ал 5-т. рәсімдерінің (${s.covers.join(', ')}) жиыны ${termWords(sum).kk}.`,
      );
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
        if (n === 0)
          add(
            'sequence-omits-procedure',
            'warning',
            `${p.id} (${scopeName(sc)})`,
            `п. 8 has no item for the п. 5 procedure "${p.id}" (${p.clause}).`,
            `В п. 8 нет пункта для процедуры п. 5 "${p.id}" (${p.clause}).`,
            `8-т. 5-т. "${p.id}" рәсімін (${p.clause}) қамтымайды.`,
          );
        if (n > 1)
          add(
            'sequence-repeats-procedure',
            'warning',
            `${p.id} (${scopeName(sc)})`,
            `${n} items of п. 8 cover the same п. 5 procedure "${p.id}" (${p.clause}).`,
            `${n} пункта п. 8 охватывают одну процедуру п. 5 "${p.id}" (${p.clause}).`,
            `8-т. ${n} тармақшасы 5-т. бір "${p.id}" рәсімін қамтиды.`,
          );
      }
    }
  }
  for (const total of r.totalTerms) {
    if (!total.term) continue;
    for (const sc of scopes(r).filter((x) => appliesTo(total, x.variant, x.channel))) {
      const sum = sumTerms(plannedPath(r, sc.variant, sc.channel).map((p) => p.term));
      if (sum && (sum.unit !== total.term.unit || sum.value !== total.term.value)) {
        add(
          'total-term-differs',
          'warning',
          scopeName(sc),
          `The declared total term is ${termWords(total.term).en}, but the procedures add up to ${termWords(sum).en}.`,
          `Заявленный общий срок ${termWords(total.term).ru}, а процедуры в сумме дают ${termWords(sum).ru}.`,
          `Жалпы мерзім ${termWords(total.term).kk}, ал рәсімдер жиыны ${termWords(sum).kk}.`,
        );
      }
    }
  }

  // Editions against their acts.
  const approved = r.legalBasis.approvingAct;
  for (const e of r.editions) {
    const registered = e.act.registration?.date ?? (e.act.number === approved.number && e.act.date === approved.date ? approved.registration?.date : undefined);
    if (registered && e.effective < registered)
      add(
        'edition-before-registration',
        'error',
        e.id,
        `Edition ${e.id} takes effect on ${e.effective}, before its act was registered (${registered}).`,
        `Редакция ${e.id} вступает в силу ${e.effective}, до государственной регистрации акта (${registered}).`,
        `${e.id} редакциясы акт тіркелгенге (${registered}) дейін, ${e.effective} күшіне енеді.`,
      );
    if (e.effective < e.act.date)
      add(
        'edition-before-act',
        'error',
        e.id,
        `Edition ${e.id} takes effect on ${e.effective}, before its act was signed (${e.act.date}).`,
        `Редакция ${e.id} вступает в силу ${e.effective}, до подписания акта (${e.act.date}).`,
        `${e.id} редакциясы акт қабылданғанға (${e.act.date}) дейін күшіне енеді.`,
      );
  }
  for (let i = 1; i < r.editions.length; i++) {
    if (r.editions[i]!.effective < r.editions[i - 1]!.effective)
      add(
        'editions-out-of-order',
        'error',
        r.editions[i]!.id,
        'Editions must be listed in the order they took effect.',
        'Редакции должны идти в порядке вступления в силу.',
        'Редакциялар күшіне ену ретімен берілуі тиіс.',
      );
  }
  if (r.repeal)
    add(
      'repealed',
      'info',
      'repeal',
      `${r.repeal.notice.en} (effective ${r.repeal.effective}).`,
      `${r.repeal.notice.ru} (с ${r.repeal.effective}).`,
      `${r.repeal.notice.kk} (${r.repeal.effective}).`,
    );
  if (r.documents.status === 'unknown')
    add(
      'documents-unknown',
      'info',
      'documents',
      `The documents checklist (${r.documents.source.ref ?? 'the Standard'}) is not known: reception cannot check completeness against it.`,
      `Перечень документов (${r.documents.source.ref ?? 'Стандарт'}) неизвестен.`,
      `Құжаттар тізбесі (${r.documents.source.ref ?? 'Стандарт'}) белгісіз.`,
    );
  if (r.refusalGrounds.status === 'unknown')
    add(
      'refusal-grounds-unknown',
      'info',
      'refusalGrounds',
      `The grounds for refusal (${r.refusalGrounds.source.ref ?? 'the Standard'}) are not known.`,
      `Основания для отказа (${r.refusalGrounds.source.ref ?? 'Стандарт'}) неизвестны.`,
      `Бас тарту негіздері (${r.refusalGrounds.source.ref ?? 'Стандарт'}) белгісіз.`,
    );
  return out;
}
