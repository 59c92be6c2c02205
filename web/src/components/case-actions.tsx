import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api-client.js';
import type { AllowedCommand, CaseState, CaseView, Me, PersonChoice, Regulation, User } from '../api/api-types.js';
import { useLang } from '../i18n/use-lang.js';
import { OutcomeChoice } from './outcome-choice.js';
import { ErrorMessage } from './error-message.js';
import { TermText } from './regulation-texts.js';
import { completingCommand } from '../../../src/core/engine/completing-command.js';
import { MeetingRecordForm, type MeetingAction } from './meeting-record-form.js';
import { SignDocumentForm, type SignAction } from './sign-document-form.js';
import { queryKeys } from '../api/query-keys.js';

/** The action body the API takes (src/http/request-bodies.ts, ZActionBody). */
type Action =
  | { type: 'complete-step' | 'register' | 'sign' | 'deliver'; procedureId: string; outcome?: string }
  | SignAction
  | { type: 'assign'; assignee: string }
  | { type: 'refuse'; grounds: string[] }
  | { type: 'agree'; procedureId: string; agreed: boolean; reason?: string }
  | { type: 'suspend'; reason: string }
  | { type: 'resume' }
  | { type: 'withdraw' }
  | { type: 'certify-paper-copy' }
  | { type: 'end-review'; procedureId: string }
  | MeetingAction;

/** What the signed-in member of staff may do at the case's current step: exactly what the server's engine allows them. */
export function allowedActions(view: CaseView, regulation: Regulation, me: Me) {
  const state = view.case;
  const step = state.step;
  const procedure = step ? regulation.procedures.find((p) => p.id === step.procedureId) : undefined;
  const has = (type: AllowedCommand['type']) => view.allowed.some((a) => a.type === type);
  const completing = view.allowed.find((a): a is Extract<AllowedCommand, { outcomes: readonly string[] }> => 'outcomes' in a);
  const assignedElsewhere =
    me.user.kind === 'staff' && procedure?.actor === 'executor' && state.assignee !== undefined && state.assignee !== me.user.id && !completing;
  return {
    procedure,
    complete: completing,
    agree: has('agree'),
    assign: has('assign'),
    refuse: has('refuse'),
    suspend: has('suspend'),
    resume: has('resume'),
    certifyPaperCopy: has('certify-paper-copy'),
    endReview: has('end-review'),
    assignedElsewhere,
  };
}

/** The drafted refusal in Kazakh and Russian, from the grounds checked, citing where each ground comes from. */
function draftRefusal(regulation: Regulation, checked: readonly string[], lang: 'kk' | 'ru'): string {
  const intro = lang === 'kk' ? 'Мемлекеттік қызмет көрсетуден бас тарту негіздері:' : 'Основания для отказа в оказании государственной услуги:';
  const lines = regulation.refusalGrounds.items
    .filter((g) => checked.includes(g.id))
    .map((g) => `— ${g.text[lang]}${g.source.ref ? ` (${g.source.ref})` : ''}`);
  return lines.length ? [intro, ...lines].join('\n') : '';
}

/** The action panel of the case page: complete the step with an outcome, assign, refuse, suspend, resume. */
export function CaseActions({ view, regulation, me, onDone }: { view: CaseView; regulation: Regulation; me: Me; onDone: (message: string | null) => void }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const queryClient = useQueryClient();
  const allowed = allowedActions(view, regulation, me);
  const procedure = allowed.procedure;
  const [outcome, setOutcome] = useState(procedure?.outcomes?.[0]?.id ?? '');
  const [assignee, setAssignee] = useState('');
  const [checkedGrounds, setCheckedGrounds] = useState<string[]>([]);
  const [groundsKk, setGroundsKk] = useState('');
  const [groundsRu, setGroundsRu] = useState('');
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  // One key per action shown: a double click never acts twice.
  const attemptKey = useMemo(() => `${view.case.id}:${view.case.version}:${crypto.randomUUID()}`, [view.case.id, view.case.version]);

  const executors = useQuery({
    queryKey: queryKeys.caseExecutors(view.case.id),
    queryFn: () => api<PersonChoice[]>(`/api/cases/${encodeURIComponent(view.case.id)}/executors`),
    enabled: allowed.assign,
  });
  const act = useMutation({
    mutationFn: ({ action }: { action: Action; doneText: string }) =>
      api<CaseState>(`/api/cases/${encodeURIComponent(view.case.id)}/actions`, { body: action, idempotencyKey: `${attemptKey}:${action.type}` }),
    onSuccess: (_state, { doneText }) => {
      onDone(doneText);
      setInvalid(null);
      void queryClient.invalidateQueries({ queryKey: queryKeys.case(view.case.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.inbox });
    },
  });
  const run = (action: Action, doneText: string) => {
    onDone(null);
    act.mutate({ action, doneText });
  };

  if (me.user.kind === 'applicant') {
    if (['satisfied', 'refused', 'withdrawn'].includes(view.case.status) || view.case.applicantId !== me.user.id) return null;
    return (
      <section className="panel" aria-labelledby="actions-heading">
        <h2 id="actions-heading">{t('actions.title')}</h2>
        <ErrorMessage error={act.error} />
        <details className="action">
          <summary>{t('actions.withdraw')}</summary>
          <p>{t('actions.withdrawWarning')}</p>
          <button type="button" className="danger" disabled={act.isPending} onClick={() => run({ type: 'withdraw' }, t('actions.withdrawn'))}>
            {t('actions.withdrawConfirm')}
          </button>
        </details>
      </section>
    );
  }
  // After the result is issued the one act left is the paper copy's certification, where it was asked for.
  if (allowed.certifyPaperCopy) {
    return (
      <section className="panel" aria-labelledby="actions-heading">
        <h2 id="actions-heading">{t('actions.title')}</h2>
        <p>{t('paperCopy.toCertify', { number: view.case.result?.number ?? '' })}</p>
        {regulation.paperCopy && (
          <p className="muted">
            {regulation.paperCopy.clause}: {pick(regulation.paperCopy.text)}
          </p>
        )}
        <ErrorMessage error={act.error} />
        <button type="button" className="primary" disabled={act.isPending} onClick={() => run({ type: 'certify-paper-copy' }, t('paperCopy.certified'))}>
          {t('paperCopy.certify')}
        </button>
      </section>
    );
  }
  if (!procedure) return null;
  const command = completingCommand(procedure);
  const outcomes = (procedure.outcomes ?? []).filter((o) => allowed.complete?.outcomes.includes(o.id));
  const nothing = !allowed.complete && !view.meeting && !allowed.agree && !allowed.assign && !allowed.refuse && !allowed.suspend && !allowed.resume;
  const roleTitle = (id: string) => pick(regulation.roles.find((r) => r.id === id)?.title ?? { kk: id, ru: id, en: id });
  const step = view.case.step;
  const signers = procedure.signers ?? [procedure.actor];
  const proposal = step?.proposal;

  return (
    <section className="panel" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('actions.title')}</h2>
      <p className="muted">
        {procedure.clause}: {pick(procedure.action)}
      </p>
      <ErrorMessage error={act.error} />
      {invalid && (
        <p className="message message-error" role="alert">
          {invalid}
        </p>
      )}
      {allowed.assignedElsewhere && <p className="notice">{t('actions.assignedElsewhere')}</p>}
      {command === 'sign' && signers.length > 1 && (
        <p className="muted">
          {t('actions.signers', { signers: signers.map(roleTitle).join(' → '), done: step?.signatures?.length ?? 0, total: signers.length })}
        </p>
      )}
      {proposal && (
        <div className="notice">
          <p>
            {t('actions.proposal', {
              outcome: pick(
                procedure.outcomes?.find((o) => o.id === proposal.outcome)?.label ?? { kk: proposal.outcome, ru: proposal.outcome, en: proposal.outcome },
              ),
            })}
          </p>
          {proposal.grounds?.map((g, i) => (
            <p key={i} className="muted">
              {g}
            </p>
          ))}
        </div>
      )}
      {allowed.agree && proposal && (
        <form
          className="action"
          onSubmit={(e) => {
            e.preventDefault();
            run({ type: 'agree', procedureId: procedure.id, agreed: true }, t('actions.agreed'));
          }}
        >
          <button type="submit" className="primary" disabled={act.isPending}>
            {t('actions.agree')}
          </button>
          <div className="field">
            <label htmlFor="decline-reason">{t('actions.declineReason')}</label>
            <textarea id="decline-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <button
            type="button"
            disabled={act.isPending}
            onClick={() => {
              if (!reason.trim()) return setInvalid(t('actions.needDeclineReason'));
              run({ type: 'agree', procedureId: procedure.id, agreed: false, reason: reason.trim() }, t('actions.declined'));
            }}
          >
            {t('actions.decline')}
          </button>
        </form>
      )}
      {nothing && !allowed.assignedElsewhere && <p>{t('actions.none')}</p>}

      {allowed.endReview && procedure.term && (
        <div className="action">
          <p>
            {t('actions.endReviewHint')} <TermText term={procedure.term} />
          </p>
          <button type="button" disabled={act.isPending} onClick={() => run({ type: 'end-review', procedureId: procedure.id }, t('actions.reviewEnded'))}>
            {t('actions.endReview')}
          </button>
        </div>
      )}

      {view.meeting && (
        <MeetingRecordForm form={view.meeting} pending={act.isPending} onSubmit={(action) => run(action, t('meeting.recorded'))} onInvalid={setInvalid} />
      )}

      {allowed.complete && command === 'sign' && (
        <SignDocumentForm
          key={`${view.case.id}:${view.case.version}`}
          caseId={view.case.id}
          procedure={procedure}
          outcomes={outcomes}
          signedSoFar={step?.signatures?.length ?? 0}
          pending={act.isPending}
          onSign={(action) => run(action, t('actions.completed'))}
        />
      )}

      {allowed.complete && command !== 'record-meeting' && command !== 'sign' && (
        <form
          className="action"
          onSubmit={(e) => {
            e.preventDefault();
            run(
              {
                type: command,
                procedureId: procedure.id,
                ...((procedure.outcomes?.length ?? 0) > 1 ? { outcome: outcomes.some((o) => o.id === outcome) ? outcome : outcomes[0]?.id } : {}),
              },
              t('actions.completed'),
            );
          }}
        >
          {outcomes.length > 1 && <OutcomeChoice outcomes={outcomes} chosen={outcome} onChoose={setOutcome} />}
          <button type="submit" className="primary" disabled={act.isPending}>
            {t(`actions.${command}`)}
          </button>
        </form>
      )}

      {allowed.assign && (
        <form
          className="action"
          onSubmit={(e) => {
            e.preventDefault();
            if (!assignee) return setInvalid(t('actions.needAssignee'));
            run({ type: 'assign', assignee }, t('actions.assigned'));
          }}
        >
          <div className="field">
            <label htmlFor="assignee">{t('actions.assignee')}</label>
            <select id="assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
              <option value="">{t('actions.chooseAssignee')}</option>
              {(executors.data ?? []).map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" disabled={act.isPending}>
            {t('actions.assign')}
          </button>
        </form>
      )}

      {allowed.refuse && (
        <details className="action">
          <summary>{t('actions.refuse')}</summary>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!groundsKk.trim() || !groundsRu.trim()) return setInvalid(t('actions.needGrounds'));
              run({ type: 'refuse', grounds: [groundsKk.trim(), groundsRu.trim()] }, t('actions.refused'));
            }}
          >
            {regulation.refusalGrounds.items.length > 0 ? (
              <fieldset>
                <legend>{t('actions.grounds')}</legend>
                {regulation.refusalGrounds.items.map((g) => (
                  <label key={g.id} className="choice">
                    <input
                      type="checkbox"
                      checked={checkedGrounds.includes(g.id)}
                      onChange={(e) => {
                        const next = e.target.checked ? [...checkedGrounds, g.id] : checkedGrounds.filter((x) => x !== g.id);
                        setCheckedGrounds(next);
                        setGroundsKk(draftRefusal(regulation, next, 'kk'));
                        setGroundsRu(draftRefusal(regulation, next, 'ru'));
                      }}
                    />
                    {pick(g.text)}
                  </label>
                ))}
              </fieldset>
            ) : (
              <p className="unknown">{t('actions.groundsUnknown', { ref: regulation.refusalGrounds.source.ref ?? '—' })}</p>
            )}
            <div className="field">
              <label htmlFor="grounds-kk">{t('actions.groundsKk')}</label>
              <textarea id="grounds-kk" lang="kk" rows={4} value={groundsKk} onChange={(e) => setGroundsKk(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="grounds-ru">{t('actions.groundsRu')}</label>
              <textarea id="grounds-ru" lang="ru" rows={4} value={groundsRu} onChange={(e) => setGroundsRu(e.target.value)} />
            </div>
            <button type="submit" className="danger" disabled={act.isPending}>
              {t('actions.refuseConfirm')}
            </button>
          </form>
        </details>
      )}

      {allowed.suspend && (
        <details className="action">
          <summary>{t('actions.suspend')}</summary>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!reason.trim()) return setInvalid(t('actions.needReason'));
              run({ type: 'suspend', reason: reason.trim() }, t('actions.suspended'));
            }}
          >
            <div className="field">
              <label htmlFor="suspend-reason">{t('actions.reason')}</label>
              <textarea id="suspend-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
            <button type="submit" disabled={act.isPending}>
              {t('actions.suspendConfirm')}
            </button>
          </form>
        </details>
      )}

      {allowed.resume && (
        <button type="button" className="primary" disabled={act.isPending} onClick={() => run({ type: 'resume' }, t('actions.resumed'))}>
          {t('actions.resume')}
        </button>
      )}
    </section>
  );
}
