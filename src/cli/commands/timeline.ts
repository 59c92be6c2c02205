import { loadClockSet } from '../../catalogue/load-clock.js';
import type { DueComputation } from '../../core/clock/add-term.js';
import { editionAt } from '../../core/regulation/edition-at.js';
import { selectVariantAndChannel } from '../../core/regulation/planned-path.js';
import type { TLanguage } from '../../core/regulation/schema.js';
import { termWords } from '../../core/regulation/term-words.js';
import { parseIsoInstant } from '../../core/clock/iso-instant.js';
import { planTimeline } from '../../core/timeline/plan-timeline.js';
import { CliFailure, table, type CliIo } from '../cli-io.js';
import { findRegulation } from '../find-regulation.js';

export const timelineHelp = `reglament timeline <id|file.yaml> --submitted <ISO-8601 instant> [--variant V] [--channel C]
                   [--explain] [--json] [--lang kk|ru|en]

The planned timeline a regulation promises for an application submitted at an instant: the
receipt, each procedure's start and due on its office's schedule, and the result's due.
  --submitted  an instant with its offset, e.g. 2026-03-20T17:00:00+05:00
  --variant    required when the service has variants (see: reglament services)
  --channel    portal | office | state-corporation (default: the service's first channel)
  --explain    say why each due is what it is: the rule and the days skipped
  --json       print { service, variant, channel, submitted, receipt, steps: [{ id, actor,
               term, start, due }], due }`;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function explanation(c: DueComputation, lang: TLanguage) {
  return {
    rule: c.rule[lang],
    skipped: c.skipped.map((s) => ({ date: s.date, why: s.notes.map((n) => `${n.title[lang]} — ${n.source}`) })),
  };
}

/** Prints the planned timeline of one service, variant and channel. */
export function runTimeline(
  io: CliIo,
  opts: { id: string | undefined; submitted: string | undefined; variant?: string; channel?: string; explain: boolean; json: boolean; lang: TLanguage },
): number {
  const regulation = findRegulation(opts.id);
  if (!opts.submitted || !INSTANT.test(opts.submitted) || parseIsoInstant(opts.submitted) === undefined) {
    throw new CliFailure({
      kk: `--submitted мәні ығысуы бар ISO-8601 сәті болуы тиіс, мысалы 2026-03-20T17:00:00+05:00 (берілгені: ${opts.submitted ?? 'жоқ'}).`,
      ru: `--submitted должен быть моментом ISO-8601 со смещением, например 2026-03-20T17:00:00+05:00 (получено: ${opts.submitted ?? 'ничего'}).`,
      en: `--submitted must be an ISO-8601 instant with an offset, e.g. 2026-03-20T17:00:00+05:00 (got: ${opts.submitted ?? 'nothing'}).`,
    });
  }
  const selection = selectVariantAndChannel(regulation, opts.variant, opts.channel);
  if (!selection.ok) {
    const e = selection.error;
    const known = 'known' in e ? e.known.join(', ') : '';
    const what = e.code === 'unknown-channel' ? `--channel ${e.channel}` : e.code === 'unknown-variant' ? `--variant ${e.variant}` : '--variant';
    throw new CliFailure({
      kk: `${regulation.id}: ${what} жарамсыз немесе көрсетілмеген; мүмкін мәндер: ${known}.`,
      ru: `${regulation.id}: ${what} недопустим или не указан; допустимые значения: ${known}.`,
      en: `${regulation.id}: ${what} is not valid or missing; use one of: ${known}.`,
    });
  }
  const { clockFor } = loadClockSet();
  const plan = planTimeline(regulation, { ...selection.value, submitted: Date.parse(opts.submitted) }, clockFor, { explain: Boolean(opts.explain) });
  const fmt = (ms: number | null) => (ms === null ? null : plan.receivingOffice.zone.format(ms));
  const lang = opts.lang;
  const json = {
    service: plan.service,
    variant: plan.variant ?? null,
    channel: plan.channel,
    submitted: fmt(plan.submitted),
    receipt: fmt(plan.receipt.receipt),
    steps: plan.steps.map((s) => ({
      id: s.id,
      actor: s.actor,
      term: s.term,
      start: fmt(s.start),
      due: fmt(s.due),
      ...(opts.explain ? { explanation: s.computation ? explanation(s.computation, lang) : { rule: s.unknownBecause ?? '', skipped: [] } } : {}),
    })),
    due: fmt(plan.due),
    ...(opts.explain ? { receiptRule: plan.receipt.rule[lang] } : {}),
  };
  if (opts.json) {
    io.out(JSON.stringify(json, null, 2));
    return 0;
  }
  const date = (json.receipt ?? '').slice(0, 10);
  const { repealed } = editionAt(regulation, date);
  if (repealed && regulation.repeal) io.out(`! ${regulation.repeal.notice[lang]}`);
  io.out(`${regulation.title[lang]} — ${[json.variant, json.channel].filter(Boolean).join(', ')}`);
  io.out(`submitted ${json.submitted}  receipt ${json.receipt}`);
  if (opts.explain) io.out(`  ${json.receiptRule}`);
  const rows = json.steps.map((s) => [s.id, s.actor, s.term ? termWords(s.term)[lang] : '?', s.start ?? '?', s.due ?? '?']);
  io.out(table([['step', 'actor', 'term', 'start', 'due'], ...rows]));
  if (opts.explain) {
    for (const s of json.steps) {
      if (!s.explanation) continue;
      io.out(`${s.id}: ${s.explanation.rule}`);
      for (const k of s.explanation.skipped) io.out(`    ${k.date}: ${k.why.join('; ')}`);
    }
  }
  io.out(`result due ${json.due ?? '? (a term is unknown)'}`);
  return 0;
}
