import { useTranslation } from 'react-i18next';
import type { Regulation, Source, Term } from '../api/api-types.js';
import { useLang } from '../i18n/use-lang.js';

/** A legal term in words ("2 working days"), or "not set" when the act gives none. */
export function TermText({ term }: { term: Term | null | undefined }) {
  const { t } = useTranslation();
  if (!term) return <span className="unknown">{t('term.none')}</span>;
  const words = t(`term.${term.unit}`, { value: term.value });
  return <>{term.after === 'review' ? t('term.afterReview', { term: words }) : words}</>;
}

/**
 * Where a fact comes from; an unknown one is said to be unknown, with the clause it lives in. The
 * catalogue writes its references in English, so they are marked as English inside a Kazakh or
 * Russian page (a screen reader then reads them with English rules, WCAG 3.1.2).
 */
export function SourceNote({ source }: { source: Source }) {
  const { t } = useTranslation();
  return (
    <span className={`source source-${source.status}`}>
      {t(`source.${source.status}`)}
      {source.ref ? (
        <>
          {' — '}
          <span lang="en">{source.ref}</span>
        </>
      ) : (
        ''
      )}
    </span>
  );
}

/** The title of a role of a regulation (the actor of a step), in the user's language. */
export function useRoleTitle() {
  const { pick } = useLang();
  return (regulation: Regulation | undefined, roleId: string | null | undefined) => {
    if (!roleId) return '—';
    const role = regulation?.roles.find((r) => r.id === roleId);
    return role ? pick(role.title) : roleId;
  };
}

/** A procedure named by its clause and actor ("п. 5.2) · responsible executor"). */
export function useStepName() {
  const roleTitle = useRoleTitle();
  return (regulation: Regulation | undefined, procedureId: string | null | undefined) => {
    if (!procedureId) return '—';
    const procedure = regulation?.procedures.find((p) => p.id === procedureId);
    return procedure ? `${procedure.clause} · ${roleTitle(regulation, procedure.actor)}` : procedureId;
  };
}
