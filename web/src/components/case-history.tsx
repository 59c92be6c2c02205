import { useTranslation } from 'react-i18next';
import type { CaseView } from '../api/api-types.js';
import { formatInstant } from '../format/kazakhstan-time.js';
import { useLang } from '../i18n/use-lang.js';

const KNOWN_EVENTS = new Set(['submitted', 'step-completed', 'assigned', 'refused', 'suspended', 'resumed', 'withdrawn', 'escalated', 'result-issued']);

/** The case file's entries, oldest first, and whether its hash chain holds. */
export function CaseHistory({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  return (
    <>
      <p className={view.historyVerified ? 'ok' : 'message-error'}>{t(view.historyVerified ? 'history.verified' : 'history.broken')}</p>
      <ol className="history">
        {view.history.map((h) => {
          const e = h.event;
          const detail = typeof e.procedureId === 'string' ? e.procedureId : typeof e.number === 'string' ? e.number : typeof e.assignee === 'string' ? e.assignee : typeof e.reason === 'string' ? e.reason : '';
          return (
            <li key={h.seq}>
              <time>{formatInstant(e.at, lang)}</time> — {t(KNOWN_EVENTS.has(e.type) ? `event.${e.type}` : 'event.other', { type: e.type })}
              {detail ? ` (${detail})` : ''}
              {e.by ? ` · ${e.by}` : ''}
            </li>
          );
        })}
      </ol>
    </>
  );
}
