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

/** A meeting's day, decision and count, as its record gives them. */
function MeetingLine({ event }: { event: CaseView['history'][number]['event'] }) {
  const { t } = useTranslation();
  const meeting = event.meeting as { heldOn: string; decision: string } | undefined;
  const tally = event.tally as { for: number; against: number; abstain: number; present: number; votingMembers: number } | undefined;
  if (!meeting || !tally) return null;
  return <span className="muted"> — {t('history.meeting', { ...tally, heldOn: meeting.heldOn, decision: meeting.decision })}</span>;
}

/** A step that handed the case to a courier: whom, under which manifest. */
function ConsignmentLine({ event }: { event: CaseView['history'][number]['event'] }) {
  const { t } = useTranslation();
  const consignment = event.consignment as { courier: string; number: string } | undefined;
  if (!consignment) return null;
  return <span className="muted"> — {t('history.consignment', { courier: consignment.courier, number: consignment.number })}</span>;
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
          const detail =
            typeof e.procedureId === 'string'
              ? e.procedureId
              : typeof e.number === 'string'
                ? e.number
                : typeof e.assignee === 'string'
                  ? e.assignee
                  : typeof e.reason === 'string'
                    ? e.reason
                    : '';
          return (
            <li key={h.seq}>
              <time>{formatInstant(e.at, lang)}</time> — {t(KNOWN_EVENTS.has(e.type) ? `event.${e.type}` : 'event.other', { type: e.type })}
              {detail ? ` (${detail})` : ''}
              {e.by ? ` · ${e.by}` : ''}
              {e.type === 'meeting-recorded' && <MeetingLine event={e} />}
              {e.type === 'step-completed' && <ConsignmentLine event={e} />}
            </li>
          );
        })}
      </ol>
    </>
  );
}
