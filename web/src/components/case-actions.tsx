import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api-client.js';
import type { CaseState, CaseView, Me, Procedure, Regulation, User } from '../api/api-types.js';
import { useLang } from '../i18n/use-lang.js';
import { ErrorMessage } from './error-message.js';

/** The action body the API takes (src/http/request-bodies.ts, ZActionBody). */
type Action =
  | { type: 'complete-step' | 'register' | 'sign' | 'deliver'; procedureId: string; outcome?: string }
  | { type: 'assign'; assignee: string }
  | { type: 'refuse'; grounds: string[] }
  | { type: 'suspend'; reason: string }
  | { type: 'resume' }
  | { type: 'withdraw' };

/** The command that completes a procedure, by the kinds of act it is (the engine accepts a named command only on its kind). */
export function completingCommand(procedure: Procedure): 'register' | 'sign' | 'deliver' | 'complete-step' {
  if (procedure.kinds.includes('register') || procedure.kinds.includes('receive')) return 'register';
  if (procedure.kinds.includes('sign')) return 'sign';
  if (procedure.kinds.includes('deliver')) return 'deliver';
  return 'complete-step';
}

/** What the signed-in member of staff may do at the case's current step, as the regulation and their posts say. */
export function allowedActions(view: CaseView, regulation: Regulation, me: Me) {
  const state = view.case;
  const step = state.step;
  const procedure = step ? regulation.procedures.find((p) => p.id === step.procedureId) : undefined;
  const none = { procedure, complete: false, assign: false, refuse: false, suspend: false, resume: false, assignedElsewhere: false };
  if (!step || !procedure || me.user.kind !== 'staff' || ['satisfied', 'refused', 'withdrawn'].includes(state.status)) return none;
  const officeId = step.officeId ?? state.officeId;
  const myRoles = new Set(me.posts.filter((p) => p.officeId === officeId).map((p) => p.role));
  const named = [procedure.actor, ...(procedure.participants ?? [])];
  const isActor = myRoles.has(procedure.actor);
  const assignedElsewhere = procedure.actor === 'executor' && state.assignee !== undefined && state.assignee !== me.user.id;
  const participates = named.some((r) => myRoles.has(r));
  const suspended = state.status === 'suspended';
  return {
    procedure,
    complete: !suspended && isActor && !assignedElsewhere,
    assign: !suspended && named.some((r) => r !== 'executor' && myRoles.has(r)),
    refuse: !suspended && participates && !(isActor && assignedElsewhere),
    suspend: !suspended && participates,
    resume: suspended && participates,
    assignedElsewhere: isActor && assignedElsewhere,
  };
}

/** The drafted refusal in Kazakh and Russian, from the grounds checked, citing where each ground comes from. */
function draftRefusal(regulation: Regulation, checked: readonly string[], lang: 'kk' | 'ru'): string {
  const intro = lang === 'kk' ? 'Мемлекеттік қызмет көрсетуден бас тарту негіздері:' : 'Основания для отказа в оказании государственной услуги:';
  const lines = regulation.refusalGrounds.items.filter((g) => checked.includes(g.id)).map((g) => `— ${g.text[lang]}${g.source.ref ? ` (${g.source.ref})` : ''}`);
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
    queryKey: ['executors', view.case.officeId],
    queryFn: () => api<User[]>(`/api/offices/${encodeURIComponent(view.case.officeId)}/executors`),
    enabled: allowed.assign,
  });
  const act = useMutation({
    mutationFn: ({ action }: { action: Action; doneText: string }) => api<CaseState>(`/api/cases/${encodeURIComponent(view.case.id)}/actions`, { body: action, idempotencyKey: `${attemptKey}:${action.type}` }),
    onSuccess: (_state, { doneText }) => {
      onDone(doneText);
      setInvalid(null);
      void queryClient.invalidateQueries({ queryKey: ['case', view.case.id] });
      void queryClient.invalidateQueries({ queryKey: ['inbox'] });
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
  if (!procedure) return null;
  const command = completingCommand(procedure);
  const outcomes = procedure.outcomes ?? [];
  const nothing = !allowed.complete && !allowed.assign && !allowed.refuse && !allowed.suspend && !allowed.resume;

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
      {nothing && !allowed.assignedElsewhere && <p>{t('actions.none')}</p>}

      {allowed.complete && (
        <form
          className="action"
          onSubmit={(e) => {
            e.preventDefault();
            run({ type: command, procedureId: procedure.id, ...(outcomes.length > 1 ? { outcome } : {}) }, t('actions.completed'));
          }}
        >
          {outcomes.length > 1 && (
            <fieldset>
              <legend>{t('actions.outcome')}</legend>
              {outcomes.map((o) => (
                <label key={o.id} className="choice">
                  <input type="radio" name="outcome" value={o.id} checked={outcome === o.id} onChange={() => setOutcome(o.id)} />
                  {pick(o.label)}
                </label>
              ))}
            </fieldset>
          )}
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
