import { useMutation, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api-client.js';
import type { Procedure, ResultDocument, ResultDraft } from '../api/api-types.js';
import { queryKeys } from '../api/query-keys.js';
import { signWithDemoKey, signWithNcaLayer, useSignatureMode, type NcaLayerStorage } from '../api/signature.js';
import { useLang } from '../i18n/use-lang.js';
import { OutcomeChoice } from './outcome-choice.js';
import { ErrorMessage, Loading } from './error-message.js';
import { KeyStorePicker } from './key-store-picker.js';

/** The sign action with the signer's own signature: a detached CMS over the draft's bytes. */
export interface SignAction {
  readonly type: 'sign';
  readonly procedureId: string;
  readonly outcome?: string;
  readonly signature: string;
}

/**
 * A signing step: the document as it will be issued, shown as the signer signs it, and signed with
 * their own key — through NCALayer, or the demo key in a demonstration. The first signer chooses
 * the outcome where the step has several; the later ones sign the document the first one signed.
 */
export function SignDocumentForm({
  caseId,
  procedure,
  outcomes,
  signedSoFar,
  pending,
  onSign,
}: {
  caseId: string;
  procedure: Procedure;
  outcomes: readonly { id: string; label: { kk: string; ru: string; en: string } }[];
  signedSoFar: number;
  pending: boolean;
  onSign: (action: SignAction) => void;
}) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const mode = useSignatureMode();
  const [storage, setStorage] = useState<NcaLayerStorage>('PKCS12');
  const choosing = signedSoFar === 0 && outcomes.length > 1;
  const [outcome, setOutcome] = useState(outcomes[0]?.id);
  const asked = choosing ? outcome : undefined;
  const draft = useQuery({
    queryKey: queryKeys.resultDraft(caseId, asked),
    queryFn: () => api<ResultDraft>(`/api/cases/${encodeURIComponent(caseId)}/result-draft${asked ? `?outcome=${encodeURIComponent(asked)}` : ''}`),
  });
  const sign = useMutation({
    mutationFn: async (base64: string) =>
      mode.data?.demo ? signWithDemoKey(base64, 'signing') : signWithNcaLayer(base64, 'signing', storage, mode.data?.ncalayerUrl),
    onSuccess: (signature) => {
      const chosen = draft.data?.outcome;
      onSign({ type: 'sign', procedureId: procedure.id, ...((procedure.outcomes?.length ?? 0) > 1 && chosen ? { outcome: chosen } : {}), signature });
    },
  });
  const document = draft.data?.document as ResultDocument | undefined;

  return (
    <form
      className="action"
      onSubmit={(e) => {
        e.preventDefault();
        if (draft.data) sign.mutate(draft.data.base64);
      }}
    >
      {choosing && <OutcomeChoice outcomes={outcomes} chosen={outcome} onChoose={setOutcome} />}
      <section className="document-draft" aria-labelledby="draft-heading">
        <h3 id="draft-heading">{t('signDocument.title')}</h3>
        {draft.isPending && <Loading />}
        <ErrorMessage error={draft.error} />
        {document && (
          <>
            <p>
              <strong>{pick(document.title)}</strong> № {document.number}
            </p>
            <dl className="facts">
              {document.fields.map((f) => (
                <Fragment key={f.id}>
                  <dt>{pick(f.label)}</dt>
                  <dd>{pick(f.value)}</dd>
                </Fragment>
              ))}
              {document.grounds.map((g, i) => (
                <Fragment key={`ground-${i}`}>
                  <dt>{t('signDocument.ground')}</dt>
                  <dd>{pick(g.text)}</dd>
                </Fragment>
              ))}
            </dl>
            <p className="muted">{t('signDocument.signatories', { posts: document.signatories.map((s) => pick(s.position)).join(' → ') })}</p>
          </>
        )}
      </section>
      <KeyStorePicker demo={mode.data?.demo ?? false} storage={storage} onChange={setStorage} />
      <ErrorMessage error={sign.error} />
      {sign.isPending && (
        <p role="status" aria-live="polite">
          {t('sign.working')}
        </p>
      )}
      <button type="submit" className="primary" disabled={!draft.data || pending || sign.isPending}>
        {t('actions.sign')}
      </button>
    </form>
  );
}
