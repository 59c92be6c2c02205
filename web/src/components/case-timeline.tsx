import { useTranslation } from 'react-i18next';
import type { CaseView, Regulation } from '../api/api-types.js';
import { formatInstant } from '../format/kazakhstan-time.js';
import { useLang } from '../i18n/use-lang.js';
import { TermText, useRoleTitle } from './regulation-texts.js';
import { ScrollRegion } from './scroll-region.js';

/** Planned against actual: each step's planned due, when it really started and was done, and where the case is now. */
export function CaseTimeline({ view, regulation }: { view: CaseView; regulation: Regulation | undefined }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const roleTitle = useRoleTitle();
  const current = view.case.step?.procedureId;
  const plannedIds = new Set(view.planned.steps.map((s) => s.id));
  const rows = [
    ...view.planned.steps.map((p) => ({ id: p.id, clause: p.clause, actor: p.actor, term: p.term, plannedDue: p.due as number | null })),
    // Steps the case took off the planned path (a refusal branch, say).
    ...view.actual
      .filter((a) => !plannedIds.has(a.procedureId))
      .map((a) => {
        const procedure = regulation?.procedures.find((p) => p.id === a.procedureId);
        return { id: a.procedureId, clause: procedure?.clause ?? a.procedureId, actor: a.role, term: procedure?.term ?? null, plannedDue: null };
      }),
  ];
  const outcomeLabel = (procedureId: string, outcome: string | null) => {
    if (!outcome) return '';
    const label = regulation?.procedures.find((p) => p.id === procedureId)?.outcomes?.find((o) => o.id === outcome)?.label;
    return label
      ? pick(label)
      : t(`outcome.${outcome === 'refused' || outcome === 'withdrawn' || outcome === 'done' || outcome === 'signed' ? outcome : 'other'}`, { id: outcome });
  };

  return (
    <ScrollRegion>
      <table className="timeline">
        <caption className="visually-hidden">{t('timeline.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('timeline.clause')}</th>
            <th scope="col">{t('timeline.actor')}</th>
            <th scope="col">{t('timeline.term')}</th>
            <th scope="col">{t('timeline.plannedDue')}</th>
            <th scope="col">{t('timeline.started')}</th>
            <th scope="col">{t('timeline.actualDue')}</th>
            <th scope="col">{t('timeline.completed')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const actual = view.actual.find((a) => a.procedureId === row.id);
            const isCurrent = row.id === current && view.case.step !== null;
            const late = actual?.completedAt != null && actual.due !== null && actual.completedAt > actual.due;
            return (
              <tr key={row.id} className={isCurrent ? 'current' : actual?.completedAt ? 'done' : ''} aria-current={isCurrent ? 'step' : undefined}>
                <td>
                  {row.clause}
                  {isCurrent && <span className="badge now">{t('timeline.now')}</span>}
                </td>
                <td>{roleTitle(regulation, row.actor)}</td>
                <td>
                  <TermText term={row.term} />
                </td>
                <td>{formatInstant(row.plannedDue, lang)}</td>
                <td>{actual ? formatInstant(actual.startedAt, lang) : '—'}</td>
                <td>{actual ? formatInstant(actual.due, lang) : '—'}</td>
                <td className={late ? 'late' : undefined}>
                  {actual?.completedAt
                    ? `${formatInstant(actual.completedAt, lang)} · ${outcomeLabel(row.id, actual.outcome)}${late ? ` · ${t('timeline.late')}` : ''}`
                    : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
