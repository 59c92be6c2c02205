import { useInfiniteQuery, useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../api/api-client.js';
import type { CaseSummary, Inbox, Me, OfficeCases, PersonChoice, Regulation, User } from '../api/api-types.js';
import { useRegulations, useServices } from '../api/queries.js';
import { capabilitiesOf, useMe } from '../api/use-me.js';
import { DueBadge } from '../components/due-badge.js';
import { ErrorMessage, InfoMessage, Loading, useErrorText } from '../components/error-message.js';
import { useStepName } from '../components/regulation-texts.js';
import { StatusBadge } from '../components/status-badge.js';
import { dueClass, type DueClass } from '../format/kazakhstan-time.js';
import { useLang } from '../i18n/use-lang.js';
import { CourierDesk } from '../components/courier-desk.js';
import { queryKeys } from '../api/query-keys.js';

/** How many rows one request of the inbox or the department's list brings. */
const PAGE = 200;

/** The rows with each case once, in their first place. */
const uniqueById = <T extends { readonly id: string }>(rows: readonly T[]): T[] => [...new Map(rows.map((r) => [r.id, r] as const)).values()];

/** Whether the person can register this case straight from the list: its step is a registration (or reception) they hold the role for. */
function registrable(task: CaseSummary, regulation: Regulation | undefined, me: Me): boolean {
  const procedure = regulation?.procedures.find((p) => p.id === task.step);
  if (!procedure || !(procedure.kinds.includes('register') || procedure.kinds.includes('receive'))) return false;
  return me.posts.some((p) => p.role === task.stepRole && p.officeId === task.stepOffice);
}

/** The executor filter's value for cases nobody is assigned to. */
const UNASSIGNED = '-';

/** The names of the executors of the offices the person works in, by user id. */
function useExecutorNames(me: Me | null | undefined): ReadonlyMap<string, string> {
  const offices = [...new Set((me?.posts ?? []).map((p) => p.officeId))];
  const results = useQueries({
    queries: offices.map((office) => ({
      queryKey: queryKeys.officeExecutors(office),
      queryFn: () => api<PersonChoice[]>(`/api/offices/${encodeURIComponent(office)}/executors`),
      enabled: me?.user.kind === 'staff',
      staleTime: Infinity,
    })),
  });
  const names = new Map<string, string>();
  for (const r of results) for (const u of r.data ?? []) names.set(u.id, u.name);
  return names;
}

const byDue = (a: CaseSummary, b: CaseSummary) => (a.stepDue ?? Number.MAX_SAFE_INTEGER) - (b.stepDue ?? Number.MAX_SAFE_INTEGER);

/** The back office's inbox: my tasks (and, for a head, the whole department), sorted and coloured by due, with filters and bulk registration. */
export function InboxPage() {
  const { t } = useTranslation();
  const { pick } = useLang();
  const me = useMe();
  const can = capabilitiesOf(me.data);
  const [scope, setScope] = useState<'mine' | 'department'>('mine');
  const [service, setService] = useState('');
  const [step, setStep] = useState('');
  const [urgency, setUrgency] = useState<'' | DueClass>('');
  const [executor, setExecutor] = useState('');
  const executorNames = useExecutorNames(me.data);
  const [selected, setSelected] = useState<string[]>([]);
  const [bulkReport, setBulkReport] = useState<{ done: number; failed: string[] } | null>(null);
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  // Pages of PAGE rows, the next one on request: a busy office's desk never loads thousands of cases at once.
  const inbox = useInfiniteQuery({
    queryKey: queryKeys.inbox,
    queryFn: ({ pageParam }) => api<Inbox>(`/api/inbox?limit=${PAGE}&offset=${pageParam}`),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.tasks.length === last.limit ? last.offset + last.limit : undefined),
    enabled: can.staff,
    refetchInterval: 60_000,
  });
  const department = useInfiniteQuery({
    queryKey: queryKeys.officeCases,
    queryFn: ({ pageParam }) => api<OfficeCases>(`/api/office/cases?limit=${PAGE}&offset=${pageParam}`),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.cases.length === last.limit ? last.offset + last.limit : undefined),
    enabled: can.head && scope === 'department',
  });
  const firstInboxPage = inbox.data?.pages[0];
  const services = useServices();
  // A refetch reads the pages again at the same offsets: a case that moved between them may come twice, and is shown once.
  const rows = uniqueById(scope === 'mine' ? (inbox.data?.pages.flatMap((p) => p.tasks) ?? []) : (department.data?.pages.flatMap((p) => p.cases) ?? []));
  const listing = scope === 'mine' ? inbox : department;
  const regulations = useRegulations(rows.map((r) => r.service));
  const stepName = useStepName();

  const register = useMutation({
    mutationFn: async (ids: readonly string[]) => {
      const failed: string[] = [];
      let done = 0;
      // One after another: a desk's forty registrations should not fight each other for the database.
      for (const id of ids) {
        const task = rows.find((r) => r.id === id);
        try {
          await api(`/api/cases/${encodeURIComponent(id)}/actions`, {
            body: { type: 'register', procedureId: task?.step },
            idempotencyKey: `register:${id}:${task?.step}`,
          });
          done += 1;
        } catch (e) {
          failed.push(`${id}: ${errorText(e)}`);
        }
      }
      return { done, failed };
    },
    onSuccess: (report) => {
      setBulkReport(report);
      setSelected([]);
      void queryClient.invalidateQueries({ queryKey: queryKeys.inbox });
    },
  });

  if (!me.data) return <Loading />;
  if (!can.staff) return <p className="notice">{t('inbox.staffOnly')}</p>;
  const now = firstInboxPage?.now ?? Date.now();
  const shown = rows
    .filter(
      (r) =>
        (!service || r.service === service) &&
        (!step || r.step === step) &&
        (!urgency || dueClass(r.stepDue, now) === urgency) &&
        (!executor || (executor === UNASSIGNED ? r.assignee === null : r.assignee === executor)),
    )
    .sort(byDue);
  const canRegister = (r: CaseSummary) => scope === 'mine' && registrable(r, regulations.get(r.service), me.data!);
  const serviceTitle = (id: string) => pick(services.data?.find((s) => s.id === id)?.title) || id;
  const executorName = (id: string) => executorNames.get(id) ?? id;
  const executorsOffered = [...new Set(rows.flatMap((r) => (r.assignee ? [r.assignee] : [])))].sort((a, b) => executorName(a).localeCompare(executorName(b)));
  const stepsOffered = [...new Set(rows.map((r) => r.step).filter((s): s is string => s !== null))];

  return (
    <section>
      <h1>{t('inbox.title')}</h1>
      {can.head && (
        <div className="tabs" role="group" aria-label={t('inbox.scope')}>
          <button type="button" aria-pressed={scope === 'mine'} onClick={() => setScope('mine')}>
            {t('inbox.mine')}
          </button>
          <button type="button" aria-pressed={scope === 'department'} onClick={() => setScope('department')}>
            {t('inbox.department')}
          </button>
        </div>
      )}

      {(firstInboxPage?.notifications.length ?? 0) > 0 && (
        <section className="panel notice" aria-labelledby="notices-heading">
          <h2 id="notices-heading">{t('inbox.notices')}</h2>
          <ul>
            {firstInboxPage!.notifications.map((n) => (
              <li key={n.id}>
                <Link to={`/cases/${n.caseId}`}>{n.caseId}</Link>:{' '}
                {n.kind === 'paper-copy' ? t('inbox.paperCopyNotice') : t('inbox.overdueNotice', { step: n.procedureId ?? '—' })}
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="filters">
        <div className="field">
          <label htmlFor="filter-service">{t('inbox.service')}</label>
          <select id="filter-service" value={service} onChange={(e) => setService(e.target.value)}>
            <option value="">{t('inbox.all')}</option>
            {[...new Set(rows.map((r) => r.service))].map((s) => (
              <option key={s} value={s}>
                {serviceTitle(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-step">{t('inbox.step')}</label>
          <select id="filter-step" value={step} onChange={(e) => setStep(e.target.value)}>
            <option value="">{t('inbox.all')}</option>
            {stepsOffered.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-executor">{t('inbox.executor')}</label>
          <select id="filter-executor" value={executor} onChange={(e) => setExecutor(e.target.value)}>
            <option value="">{t('inbox.all')}</option>
            <option value={UNASSIGNED}>{t('inbox.unassigned')}</option>
            {executorsOffered.map((id) => (
              <option key={id} value={id}>
                {executorName(id)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-due">{t('inbox.due')}</label>
          <select id="filter-due" value={urgency} onChange={(e) => setUrgency(e.target.value as DueClass | '')}>
            <option value="">{t('inbox.all')}</option>
            {(['overdue', 'today', 'week', 'later'] as const).map((d) => (
              <option key={d} value={d}>
                {t(`due.${d}`)}
              </option>
            ))}
          </select>
        </div>
      </div>

      {bulkReport && (
        <InfoMessage>
          {t('inbox.registered', { count: bulkReport.done })}
          {bulkReport.failed.length > 0 && ` ${t('inbox.notRegistered')} ${bulkReport.failed.join('; ')}`}
        </InfoMessage>
      )}
      <ErrorMessage error={inbox.error ?? department.error} />
      {(inbox.isPending || (scope === 'department' && department.isPending)) && <Loading />}

      {shown.some(canRegister) && (
        <div className="actions">
          <button type="button" className="primary" disabled={selected.length === 0 || register.isPending} onClick={() => register.mutate(selected)}>
            {t('inbox.registerSelected', { count: selected.length })}
          </button>
        </div>
      )}

      {shown.length === 0 ? (
        <p>{t('inbox.empty')}</p>
      ) : (
        <table className="responsive inbox" data-testid="inbox">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t('inbox.select')}</span>
              </th>
              <th scope="col">{t('inbox.case')}</th>
              <th scope="col">{t('inbox.service')}</th>
              <th scope="col">{t('inbox.step')}</th>
              <th scope="col">{t('inbox.status')}</th>
              <th scope="col">{t('inbox.due')}</th>
              <th scope="col">{t('inbox.assignee')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id} className={`row-${dueClass(r.stepDue, now)}`}>
                <td>
                  {canRegister(r) && (
                    <input
                      type="checkbox"
                      aria-label={t('inbox.selectCase', { id: r.id })}
                      checked={selected.includes(r.id)}
                      onChange={(e) => setSelected((s) => (e.target.checked ? [...s, r.id] : s.filter((x) => x !== r.id)))}
                    />
                  )}
                </td>
                <td data-label={t('inbox.case')}>
                  <Link to={`/cases/${r.id}`}>{r.id}</Link>
                </td>
                <td data-label={t('inbox.service')}>{serviceTitle(r.service)}</td>
                <td data-label={t('inbox.step')}>{stepName(regulations.get(r.service), r.step)}</td>
                <td data-label={t('inbox.status')}>
                  <StatusBadge status={r.status} />
                </td>
                <td data-label={t('inbox.due')}>
                  <DueBadge due={r.stepDue} now={now} />
                </td>
                <td data-label={t('inbox.assignee')}>{r.assignee ? executorName(r.assignee) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {listing.hasNextPage && (
        <p>
          <button type="button" onClick={() => void listing.fetchNextPage()} disabled={listing.isFetchingNextPage}>
            {t('inbox.more', { count: rows.length })}
          </button>
        </p>
      )}
      <CourierDesk />
    </section>
  );
}
