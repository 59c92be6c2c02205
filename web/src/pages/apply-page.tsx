import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../api/api-client.js';
import type { CaseState, Me, Regulation, StandardItem } from '../api/api-types.js';
import { useRegulation, useServiceOffices } from '../api/queries.js';
import { signWithDemoKey, signWithNcaLayer, useSignatureMode, type NcaLayerStorage } from '../api/signature.js';
import { KeyStorePicker } from '../components/key-store-picker.js';
import { useMe } from '../api/use-me.js';
import { DocumentUpload, type UploadSlot } from '../components/document-upload.js';
import { ErrorMessage, Loading } from '../components/error-message.js';
import { SourceNote } from '../components/regulation-texts.js';
import { useLang } from '../i18n/use-lang.js';
import { queryKeys } from '../api/query-keys.js';

/** Variants whose application is about a result already issued, so it names that result's number. */
const ABOUT_ISSUED_RESULT = new Set(['reissue', 'duplicate']);

/** The documents the Standard lists for this variant and the portal. */
function listedDocuments(regulation: Regulation, variant: string | undefined): StandardItem[] {
  return regulation.documents.items.filter(
    (d) => (!d.variants || (variant !== undefined && d.variants.includes(variant))) && (!d.channels || d.channels.includes('portal')),
  );
}

interface Draft {
  variant: string;
  office: string;
  as: 'individual' | 'legal-entity';
  baseNumber: string;
  uploads: Record<string, readonly UploadSlot[]>;
}

const OTHER = 'other';

/** The application form, generated from the regulation: variant, office, who applies, documents; then a review step and the submission. */
export function ApplyPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const regulation = useRegulation(id);
  const offices = useServiceOffices(id);
  if (regulation.isPending || offices.isPending || me.isPending) return <Loading />;
  if (!regulation.data || !offices.data || !me.data) return <ErrorMessage error={regulation.error ?? offices.error ?? me.error} />;
  if (me.data.user.kind !== 'applicant') return <p className="notice">{t('apply.staffOnly')}</p>;
  if (!regulation.data.channels.includes('portal')) return <p className="notice">{t('service.notOnPortal')}</p>;
  return <ApplicationForm regulation={regulation.data} offices={offices.data.providerOffices} me={me.data} />;
}

function ApplicationForm({ regulation, offices, me }: { regulation: Regulation; offices: readonly { id: string; title: Regulation['title'] }[]; me: Me }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const [stage, setStage] = useState<'form' | 'review'>('form');
  const [problems, setProblems] = useState<string[]>([]);
  const [draft, setDraft] = useState<Draft>({
    variant: regulation.variants[0]?.id ?? '',
    office: offices.length === 1 ? offices[0]!.id : '',
    as: !regulation.applicants.includes('individual') && me.user.bin ? 'legal-entity' : 'individual',
    baseNumber: '',
    uploads: {},
  });
  const canChooseAs = Boolean(me.user.bin) && regulation.applicants.includes('individual') && regulation.applicants.includes('legal-entity');
  const documents = listedDocuments(regulation, draft.variant || undefined);
  const slotsOf = (key: string) => draft.uploads[key] ?? [];
  const allSlots = Object.values(draft.uploads).flat();
  const uploaded = allSlots.flatMap((s) => (s.attachment ? [s.attachment] : []));

  const validate = (): string[] => {
    const found: string[] = [];
    if (regulation.variants.length > 0 && !draft.variant) found.push(t('apply.needVariant'));
    if (!draft.office) found.push(t('apply.needOffice'));
    if (ABOUT_ISSUED_RESULT.has(draft.variant) && !draft.baseNumber.trim()) found.push(t('apply.needBaseNumber'));
    for (const d of documents) if (!slotsOf(d.id).some((s) => s.attachment)) found.push(t('apply.needDocument', { name: pick(d.text) }));
    if (documents.length === 0 && uploaded.length === 0) found.push(t('apply.needAnyDocument'));
    if (allSlots.some((s) => !s.attachment && !s.error)) found.push(t('apply.uploading'));
    if (allSlots.some((s) => s.error)) found.push(t('apply.failedUploads'));
    return found;
  };

  // The body the statement is made from and then submitted, unchanged, with the signature over that statement.
  const application = {
    service: regulation.id,
    channel: 'portal',
    ...(draft.variant ? { variant: draft.variant } : {}),
    providerOfficeId: draft.office,
    ...(canChooseAs ? { as: draft.as } : {}),
    ...(ABOUT_ISSUED_RESULT.has(draft.variant) ? { baseNumber: draft.baseNumber.trim() } : {}),
    attachments: uploaded.map((a) => a.id),
  };
  const mode = useSignatureMode();
  const [storage, setStorage] = useState<NcaLayerStorage>('PKCS12');
  const statement = useQuery({
    queryKey: queryKeys.statement(application),
    queryFn: () => api<{ statement: string; base64: string }>('/api/applications/statement', { body: application }),
    enabled: stage === 'review',
    staleTime: Infinity,
  });
  const submit = useMutation({
    mutationFn: async (how: 'signed' | 'unsigned') => {
      let signature: string | undefined;
      if (how === 'signed') {
        const base64 = statement.data!.base64;
        signature = mode.data?.demo ? await signWithDemoKey(base64, 'signing') : await signWithNcaLayer(base64, 'signing', storage, mode.data?.ncalayerUrl);
      }
      return api<CaseState>('/api/applications', { idempotencyKey, body: { ...application, ...(signature ? { signature } : {}) } });
    },
    onSuccess: (state) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.cabinet });
      navigate(`/cases/${state.id}`, { state: { submitted: true } });
    },
  });

  const setUploads = (key: string) => (update: (s: readonly UploadSlot[]) => readonly UploadSlot[]) =>
    setDraft((d) => ({ ...d, uploads: { ...d.uploads, [key]: update(d.uploads[key] ?? []) } }));
  const officeTitle = pick(offices.find((o) => o.id === draft.office)?.title);
  const variantTitle = pick(regulation.variants.find((v) => v.id === draft.variant)?.title);

  return (
    <section>
      <p>
        <Link to={`/services/${regulation.id}`}>{t('apply.back')}</Link>
      </p>
      <h1 data-title={t('apply.pageTitle', { service: pick(regulation.title) })}>{pick(regulation.title)}</h1>
      <ol className="stages" aria-label={t('apply.stages')}>
        <li aria-current={stage === 'form' ? 'step' : undefined}>{t('apply.stageForm')}</li>
        <li aria-current={stage === 'review' ? 'step' : undefined}>{t('apply.stageReview')}</li>
      </ol>

      {stage === 'form' ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const found = validate();
            setProblems(found);
            if (found.length === 0) setStage('review');
          }}
        >
          <fieldset>
            <legend>{t('apply.applicant')}</legend>
            <p className="hint">{t('apply.prefilled')}</p>
            <dl className="facts">
              <dt>{t('apply.name')}</dt>
              <dd>{me.user.name}</dd>
              {me.user.iin && (
                <>
                  <dt>{t('apply.iin')}</dt>
                  <dd>{me.user.iin}</dd>
                </>
              )}
              {me.user.bin && (
                <>
                  <dt>{t('apply.bin')}</dt>
                  <dd>{me.user.bin}</dd>
                </>
              )}
            </dl>
            {canChooseAs && (
              <div className="field" role="radiogroup" aria-label={t('apply.as')}>
                <span className="label">{t('apply.as')}</span>
                {(['individual', 'legal-entity'] as const).map((as) => (
                  <label key={as} className="choice">
                    <input type="radio" name="as" value={as} checked={draft.as === as} onChange={() => setDraft((d) => ({ ...d, as }))} />
                    {t(`applicantKind.${as}`)}
                  </label>
                ))}
              </div>
            )}
          </fieldset>

          <fieldset>
            <legend>{t('apply.request')}</legend>
            {regulation.variants.length > 0 && (
              <div className="field">
                <label htmlFor="variant">{t('apply.variant')}</label>
                <select id="variant" value={draft.variant} onChange={(e) => setDraft((d) => ({ ...d, variant: e.target.value }))}>
                  {regulation.variants.map((v) => (
                    <option key={v.id} value={v.id}>
                      {pick(v.title)}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {ABOUT_ISSUED_RESULT.has(draft.variant) && (
              <div className="field">
                <label htmlFor="base-number">{t('apply.baseNumber')}</label>
                <input id="base-number" value={draft.baseNumber} onChange={(e) => setDraft((d) => ({ ...d, baseNumber: e.target.value }))} />
              </div>
            )}
            <div className="field">
              <label htmlFor="office">{t('apply.office')}</label>
              <select
                id="office"
                value={draft.office}
                onChange={(e) => setDraft((d) => ({ ...d, office: e.target.value }))}
                aria-invalid={problems.length > 0 && !draft.office}
              >
                <option value="">{t('apply.chooseOffice')}</option>
                {offices.map((o) => (
                  <option key={o.id} value={o.id}>
                    {pick(o.title)}
                  </option>
                ))}
              </select>
            </div>
          </fieldset>

          <fieldset>
            <legend>{t('apply.documents')}</legend>
            {regulation.documents.status !== 'known' && (
              <p className="unknown">
                {t(regulation.documents.status === 'unknown' ? 'apply.documentsUnknown' : 'service.documentsPartly')}{' '}
                <SourceNote source={regulation.documents.source} />
              </p>
            )}
            {documents.map((d) => (
              <DocumentUpload key={d.id} label={pick(d.text)} slots={slotsOf(d.id)} onChange={setUploads(d.id)} />
            ))}
            <DocumentUpload
              label={documents.length > 0 ? t('apply.otherDocuments') : t('apply.documentsAny')}
              hint={t('upload.hint')}
              slots={slotsOf(OTHER)}
              onChange={setUploads(OTHER)}
            />
          </fieldset>

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
          <button type="submit" className="primary">
            {t('apply.toReview')}
          </button>
        </form>
      ) : (
        <div>
          <h2>{t('apply.reviewTitle')}</h2>
          <dl className="facts">
            <dt>{t('apply.service')}</dt>
            <dd>{pick(regulation.title)}</dd>
            {variantTitle && (
              <>
                <dt>{t('apply.variant')}</dt>
                <dd>{variantTitle}</dd>
              </>
            )}
            {ABOUT_ISSUED_RESULT.has(draft.variant) && (
              <>
                <dt>{t('apply.baseNumber')}</dt>
                <dd>{draft.baseNumber}</dd>
              </>
            )}
            <dt>{t('apply.applicant')}</dt>
            <dd>
              {me.user.name} ({t(`applicantKind.${draft.as}`)})
            </dd>
            <dt>{t('apply.office')}</dt>
            <dd>{officeTitle}</dd>
            <dt>{t('apply.documents')}</dt>
            <dd>
              <ul className="plain" data-testid="review-documents">
                {uploaded.map((a) => (
                  <li key={a.id}>{a.fileName}</li>
                ))}
              </ul>
            </dd>
          </dl>
          <section className="panel" aria-labelledby="sign-heading">
            <h3 id="sign-heading">{t('sign.title')}</h3>
            <p>{t('sign.statementLead')}</p>
            {statement.isPending ? (
              <Loading />
            ) : (
              <pre className="statement" data-testid="statement">
                {statement.data?.statement}
              </pre>
            )}
            <KeyStorePicker demo={mode.data?.demo ?? false} storage={storage} onChange={setStorage} />
          </section>
          {submit.isPending && (
            <p role="status" aria-live="polite">
              {t('sign.working')}
            </p>
          )}
          <ErrorMessage error={statement.error ?? submit.error} />
          <div className="actions">
            <button type="button" onClick={() => setStage('form')}>
              {t('apply.edit')}
            </button>
            <button type="button" className="primary" disabled={!statement.data || submit.isPending} onClick={() => submit.mutate('signed')}>
              {t(mode.data?.demo ? 'sign.demoSubmit' : 'sign.ncalayerSubmit')}
            </button>
            {mode.data?.portalSignature !== 'required' && (
              <button type="button" disabled={submit.isPending} onClick={() => submit.mutate('unsigned')}>
                {t('sign.submitUnsigned')}
              </button>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
