import { useTranslation } from 'react-i18next';
import type { CaseView } from '../api/api-types.js';
import { formatInstant } from '../format/kazakhstan-time.js';
import { useLang } from '../i18n/use-lang.js';

const KNOWN_EVENTS = new Set([
  'submitted',
  'step-completed',
  'signed',
  'step-proposed',
  'agreed',
  'agreement-declined',
  'meeting-recorded',
  'consignment-received',
  'paper-copy-certified',
  'review-ended',
  'assigned',
  'refused',
  'suspended',
  'resumed',
  'withdrawn',
  'escalated',
  'result-issued',
]);

type HistoryEvent = CaseView['history'][number]['event'];

/** A meeting's day, decision and count, as its record gives them. */
function MeetingLine({ event }: { event: Extract<HistoryEvent, { type: 'meeting-recorded' }> }) {
  const { t } = useTranslation();
  return <span className="muted"> — {t('history.meeting', { ...event.tally, heldOn: event.meeting.heldOn, decision: event.meeting.decision })}</span>;
}

/** A step that handed the case to a courier: whom, under which manifest. */
function ConsignmentLine({ event }: { event: Extract<HistoryEvent, { type: 'step-completed' }> }) {
  const { t } = useTranslation();
  if (!event.consignment) return null;
  return <span className="muted"> — {t('history.consignment', { courier: event.consignment.courier, number: event.consignment.number })}</span>;
}

/** The one detail an entry is shown with: the step, the number, the person named or the reason, whichever it has. */
function detailOf(e: HistoryEvent): string {
  if ('procedureId' in e && typeof e.procedureId === 'string') return e.procedureId;
  if ('number' in e && typeof e.number === 'string') return e.number;
  if ('assignee' in e && typeof e.assignee === 'string') return e.assignee;
  if ('reason' in e && typeof e.reason === 'string') return e.reason;
  return '';
}

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
          const detail = detailOf(e);
          return (
            <li key={h.seq}>
              <time>{formatInstant(e.at, lang)}</time> — {t(KNOWN_EVENTS.has(e.type) ? `event.${e.type}` : 'event.other', { type: e.type })}
              {detail ? ` (${detail})` : ''}
              {'by' in e && e.by ? ` · ${e.by}` : ''}
              {e.type === 'meeting-recorded' && <MeetingLine event={e} />}
              {e.type === 'step-completed' && <ConsignmentLine event={e} />}
            </li>
          );
        })}
      </ol>
    </>
  );
}
