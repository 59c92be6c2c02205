import type { AppDeps } from '../app/app-deps.js';
import type { CaseView } from '../app/view-case.js';
import type { TLanguage } from '../core/regulation/schema.js';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const LABELS = {
  title: { kk: 'Өтінішті қабылдау туралы қолхат', ru: 'Расписка о приёме заявления', en: 'Receipt of the application' },
  refusedTitle: {
    kk: 'Құжаттарды қабылдаудан бас тарту туралы қолхат',
    ru: 'Расписка об отказе в приёме документов',
    en: 'Receipt refusing acceptance of the documents',
  },
  number: { kk: 'Іс нөмірі', ru: 'Номер дела', en: 'Case number' },
  service: { kk: 'Қызмет', ru: 'Услуга', en: 'Service' },
  applicant: { kk: 'Өтініш беруші', ru: 'Заявитель', en: 'Applicant' },
  submitted: { kk: 'Берілген уақыты', ru: 'Подано', en: 'Submitted' },
  received: { kk: 'Қабылданған уақыты (заң бойынша)', ru: 'Принято (юридически)', en: 'Received (in law)' },
  due: { kk: 'Нәтиже берілетін мерзім', ru: 'Срок выдачи результата', en: 'Result due by' },
  documents: { kk: 'Қабылданған құжаттар', ru: 'Принятые документы', en: 'Documents accepted' },
  status: { kk: 'Мәртебесі', ru: 'Статус', en: 'Status' },
  none: { kk: 'жоқ', ru: 'нет', en: 'none' },
} as const;

/**
 * A printable receipt, as the State Corporation's operator or the office clerk hands it over:
 * the case number, the legal moment of receipt and the due of the result. When the package was
 * refused at reception it says so. (A signed PDF version belongs to the documents module.)
 */
export function renderReceipt(view: CaseView, deps: Pick<AppDeps, 'clockFor'>, lang: TLanguage): string {
  const c = view.case;
  const zone = deps.clockFor('provider').zone;
  const when = (ms: number | null) => (ms === null ? '—' : zone.format(ms));
  const refusedAtReception = c.result?.kind === 'acceptance-refusal-receipt';
  const row = (label: keyof typeof LABELS, value: string) => `<tr><th>${escape(LABELS[label][lang])}</th><td>${escape(value)}</td></tr>`;
  const docs =
    view.attachments.map((a) => `<li>${escape(a.fileName)} (${a.size} B, SHA-256 ${a.sha256.slice(0, 16)}…)</li>`).join('') || `<li>${LABELS.none[lang]}</li>`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escape(c.id)}</title>
<style>body{font-family:sans-serif;max-width:40em;margin:2em auto}th{text-align:left;padding-right:1em;vertical-align:top}</style></head><body>
<h1>${escape((refusedAtReception ? LABELS.refusedTitle : LABELS.title)[lang])}</h1>
<table>
${row('number', c.id)}
${row('service', view.serviceTitle[lang])}
${row('applicant', c.applicant ? `${c.applicant.name} (${c.applicant.identifier})` : c.applicantId)}
${row('submitted', when(view.history[0]?.event.at ?? null))}
${row('received', when(c.receipt))}
${row('due', when(c.overallDue))}
${row('status', view.statusTitle[lang])}
</table>
<h2>${escape(LABELS.documents[lang])}</h2><ul>${docs}</ul>
</body></html>`;
}
