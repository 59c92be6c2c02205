import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../api/api-client.js';
import type { CaseState } from '../api/api-types.js';
import { caseQuery, useRegulation, useServiceOffices, useServices } from '../api/queries.js';
import { capabilitiesOf, useMe } from '../api/use-me.js';
import { DocumentUpload, type UploadSlot } from '../components/document-upload.js';
import { ErrorMessage, InfoMessage, Loading } from '../components/error-message.js';
import { SourceNote } from '../components/regulation-texts.js';
import { ResultDocuments } from '../components/result-documents.js';
import { useLang } from '../i18n/use-lang.js';
import { completingCommand } from '../../../src/core/engine/completing-command.js';
import { CourierDesk } from '../components/courier-desk.js';
import { queryKeys } from '../api/query-keys.js';

const TWELVE_DIGITS = /^\d{12}$/;

/**
 * The State Corporation counter: an operator receives an applicant's package. The applicant's
 * identity is checked against the state databases (through the gateway) when the application is
 * lodged; a refusal comes back in the operator's language.
 */
export function CounterPage() {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const me = useMe();
  const can = capabilitiesOf(me.data);
  const services = useServices();
  const queryClient = useQueryClient();
  const [service, setService] = useState('');
  const regulation = useRegulation(service || undefined);
  const offices = useServiceOffices(service || undefined);
  const [variant, setVariant] = useState('');
  const [office, setOffice] = useState('');
  const [identifierKind, setIdentifierKind] = useState<'iin' | 'bin'>('iin');
  const [identifier, setIdentifier] = useState('');
  const [checked, setChecked] = useState<string[]>([]);
  const [slots, setSlots] = useState<readonly UploadSlot[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [received, setReceived] = useState<(CaseState & { refusedAtReception?: boolean }) | null>(null);
  const offered = (services.data ?? []).filter((s) => s.channels.includes('state-corporation'));
  const r = regulation.data;
  const variantId = variant || r?.variants[0]?.id;
  const documents = useMemo(
    () =>
      (r?.documents.items ?? []).filter(
        (d) => (!d.variants || (variantId !== undefined && d.variants.includes(variantId))) && (!d.channels || d.channels.includes('state-corporation')),
      ),
    [r, variantId],
  );
  const providerOffices = offices.data?.providerOffices ?? [];
  // The centre's reception step whose outcome is the receipt refusing an incomplete package, where the regulation has one.
  const refusalAtReception = useMemo(() => {
    for (const p of r?.procedures ?? []) {
      if (p.channels && !p.channels.includes('state-corporation')) continue;
      const outcome = p.outcomes?.find((o) => o.decides === 'acceptance-refusal-receipt');
      if (outcome) return { type: completingCommand(p), procedureId: p.id, outcome: outcome.id };
    }
    return undefined;
  }, [r]);

  const lodge = () =>
    api<CaseState>('/api/applications', {
      idempotencyKey: key,
      body: {
        service,
        channel: 'state-corporation',
        ...(variantId ? { variant: variantId } : {}),
        ...(office ? { providerOfficeId: office } : {}),
        applicant: { [identifierKind]: identifier.trim() },
        attachments: slots.flatMap((s) => (s.attachment ? [s.attachment.id] : [])),
      },
    });
  const receive = useMutation({
    mutationFn: lodge,
    onSuccess: (state) => {
      setReceived(state);
      void queryClient.invalidateQueries({ queryKey: queryKeys.inbox });
    },
  });

  // An incomplete package is lodged and at once refused at reception, as the Standard has the centre do: the applicant leaves with the refusal receipt.
  const refuse = useMutation({
    mutationFn: async () => {
      const state = await lodge();
      if (!refusalAtReception || state.step?.procedureId !== refusalAtReception.procedureId) return state;
      await api(`/api/cases/${encodeURIComponent(state.id)}/actions`, {
        body: refusalAtReception,
        idempotencyKey: `${key}:refuse`,
      });
      return { ...state, refusedAtReception: true };
    },
    onSuccess: (state) => {
      setReceived(state);
      void queryClient.invalidateQueries({ queryKey: queryKeys.inbox });
    },
  });
  // Refusal is offered while the checklist has gaps, or when the list is not known and the operator checks against the Standard themselves.
  const mayBeIncomplete = r !== undefined && (documents.some((d) => !checked.includes(d.id)) || r.documents.status !== 'known');
  const refuseIfIdentified = () => {
    const found: string[] = [];
    if (!TWELVE_DIGITS.test(identifier.trim())) found.push(t('counter.needIdentifier'));
    if (providerOffices.length > 1 && !office) found.push(t('apply.needOffice'));
    setProblems(found);
    if (found.length === 0) refuse.mutate();
  };
  const refusedView = useQuery({ ...caseQuery(received?.id ?? ''), enabled: received?.refusedAtReception === true });

  if (me.isPending) return <Loading />;
  if (!can.counter) return <p className="notice">{t('counter.operatorsOnly')}</p>;

  const startOver = () => {
    setReceived(null);
    setIdentifier('');
    setChecked([]);
    setSlots([]);
    setProblems([]);
    setKey(crypto.randomUUID());
    receive.reset();
    refuse.reset();
  };

  if (received) {
    return (
      <section>
        <h1>{t('counter.title')}</h1>
        <InfoMessage>{t(received.refusedAtReception ? 'counter.refused' : 'counter.received', { id: received.id })}</InfoMessage>
        <p className="actions">
          <a className="button primary" href={`/api/cases/${encodeURIComponent(received.id)}/receipt?lang=${lang}`} target="_blank" rel="noopener">
            {t('counter.printReceipt')}
          </a>
          <Link className="button" to={`/cases/${received.id}`}>
            {t('counter.openCase')}
          </Link>
          <button type="button" onClick={startOver}>
            {t('counter.next')}
          </button>
        </p>
        {refusedView.data && <ResultDocuments view={refusedView.data} />}
      </section>
    );
  }

  return (
    <section>
      <h1>{t('counter.title')}</h1>
      <p className="lead">{t('counter.lead')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const found: string[] = [];
          if (!service) found.push(t('counter.needService'));
          if (!TWELVE_DIGITS.test(identifier.trim())) found.push(t('counter.needIdentifier'));
          if (providerOffices.length > 1 && !office) found.push(t('apply.needOffice'));
          const missing = documents.filter((d) => !checked.includes(d.id));
          if (missing.length > 0) found.push(t('counter.incomplete', { names: missing.map((d) => pick(d.text)).join('; ') }));
          if (slots.some((s) => !s.attachment && !s.error)) found.push(t('apply.uploading'));
          setProblems(found);
          if (found.length === 0) receive.mutate();
        }}
      >
        <div className="field">
          <label htmlFor="counter-service">{t('counter.service')}</label>
          <select
            id="counter-service"
            value={service}
            onChange={(e) => {
              setService(e.target.value);
              setVariant('');
              setOffice('');
              setChecked([]);
            }}
          >
            <option value="">{t('counter.chooseService')}</option>
            {offered.map((s) => (
              <option key={s.id} value={s.id}>
                {pick(s.title)}
              </option>
            ))}
          </select>
        </div>
        {r && r.variants.length > 0 && (
          <div className="field">
            <label htmlFor="counter-variant">{t('apply.variant')}</label>
            <select id="counter-variant" value={variantId} onChange={(e) => setVariant(e.target.value)}>
              {r.variants.map((v) => (
                <option key={v.id} value={v.id}>
                  {pick(v.title)}
                </option>
              ))}
            </select>
          </div>
        )}
        {providerOffices.length > 1 && (
          <div className="field">
            <label htmlFor="counter-office">{t('apply.office')}</label>
            <select id="counter-office" value={office} onChange={(e) => setOffice(e.target.value)}>
              <option value="">{t('apply.chooseOffice')}</option>
              {providerOffices.map((o) => (
                <option key={o.id} value={o.id}>
                  {pick(o.title)}
                </option>
              ))}
            </select>
          </div>
        )}
        <fieldset>
          <legend>{t('counter.identity')}</legend>
          <div className="field" role="radiogroup" aria-label={t('counter.identifierKind')}>
            {(['iin', 'bin'] as const).map((k) => (
              <label key={k} className="choice">
                <input type="radio" name="identifier-kind" checked={identifierKind === k} onChange={() => setIdentifierKind(k)} />
                {t(`apply.${k}`)}
              </label>
            ))}
          </div>
          <div className="field">
            <label htmlFor="counter-identifier">{t(identifierKind === 'iin' ? 'apply.iin' : 'apply.bin')}</label>
            <input
              id="counter-identifier"
              inputMode="numeric"
              maxLength={12}
              value={identifier}
              onChange={(e) => setIdentifier(e.target.value.replace(/\D/g, ''))}
              aria-describedby="identity-hint"
            />
            <p className="hint" id="identity-hint">
              {t('counter.identityHint')}
            </p>
          </div>
        </fieldset>
        {r && (
          <fieldset>
            <legend>{t('counter.checklist')}</legend>
            {documents.map((d) => (
              <label key={d.id} className="choice">
                <input
                  type="checkbox"
                  checked={checked.includes(d.id)}
                  onChange={(e) => {
                    setChecked((c) => (e.target.checked ? [...c, d.id] : c.filter((x) => x !== d.id)));
                  }}
                />
                {pick(d.text)} <SourceNote source={d.source} />
              </label>
            ))}
            {r.documents.status !== 'known' && (
              <p className="unknown">
                {t(r.documents.status === 'unknown' ? 'service.documentsUnknown' : 'service.documentsPartly')} <SourceNote source={r.documents.source} />
              </p>
            )}
            <DocumentUpload label={t('counter.scans')} hint={t('upload.hint')} slots={slots} onChange={(update) => setSlots((s) => update(s))} />
          </fieldset>
        )}
        {problems.length > 0 && (
          <div className="message message-error" role="alert">
            <p>{t('apply.fix')}</p>
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        {refusalAtReception && mayBeIncomplete && (
          <div className="panel notice">
            <p>{t('counter.refuseHint')}</p>
            <button type="button" className="danger" disabled={refuse.isPending} onClick={refuseIfIdentified}>
              {t('counter.refuse')}
            </button>
          </div>
        )}
        <ErrorMessage error={receive.error ?? refuse.error} />
        <button type="submit" className="primary" disabled={receive.isPending}>
          {t('counter.receive')}
        </button>
      </form>
      <CourierDesk />
    </section>
  );
}
