import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingForm } from '../api/api-types.js';
import { uploadAttachment } from '../api/upload-attachment.js';
import { localDay } from '../format/kazakhstan-time.js';
import { useLang } from '../i18n/use-lang.js';
import { signWithDemoKey, signWithNcaLayer, useSignatureMode, type NcaLayerStorage } from '../api/signature.js';
import { bytesToBase64 } from '../format/base64.js';
import { useErrorText } from './error-message.js';
import { KeyStorePicker } from './key-store-picker.js';

type Vote = 'for' | 'against' | 'abstain';

/** The record-meeting action body (src/http/request-bodies.ts). */
export interface MeetingAction {
  type: 'record-meeting';
  procedureId: string;
  meeting: { heldOn: string; present: string[]; votes: { member: string; vote: Vote }[]; decision: string; minutes: string; minutesSignature?: string };
  grounds?: string[];
}

const VOTING = new Set(['chair', 'deputy-chair', 'member']);

/**
 * The keeper of the minutes records a meeting: the day, who was present, each present member's
 * vote, the decision, and the signed minutes (a PDF, uploaded as part of the record), which the
 * keeper also signs with their own key (NCALayer, or the demo key in a demonstration). The server
 * checks all of it against the body as the directory holds it.
 */
export function MeetingRecordForm({
  form,
  pending,
  onSubmit,
  onInvalid,
}: {
  form: MeetingForm;
  pending: boolean;
  onSubmit: (action: MeetingAction) => void;
  onInvalid: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const errorText = useErrorText();
  const [heldOn, setHeldOn] = useState(localDay(Date.now()));
  const [present, setPresent] = useState<Record<string, boolean>>(() => Object.fromEntries(form.body.members.map((m) => [m.id, true])));
  const [votes, setVotes] = useState<Record<string, Vote>>(() => Object.fromEntries(form.body.members.map((m) => [m.id, 'for' as Vote])));
  const [decision, setDecision] = useState(form.decisions[0]?.id ?? '');
  const [grounds, setGrounds] = useState('');
  const [minutes, setMinutes] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const mode = useSignatureMode();
  const [storage, setStorage] = useState<NcaLayerStorage>('PKCS12');
  const refuses = form.decisions.find((d) => d.id === decision)?.refuses ?? false;
  const rulesUnknown = form.body.rules.quorum.share === null || form.body.rules.majority.rule === null;

  const submit = async () => {
    onInvalid(null);
    if (!minutes) return onInvalid(t('meeting.needMinutes'));
    if (refuses && !grounds.trim()) return onInvalid(t('meeting.needGrounds'));
    setUploading(true);
    try {
      const uploaded = await uploadAttachment(minutes, () => undefined);
      const base64 = bytesToBase64(new Uint8Array(await minutes.arrayBuffer()));
      const minutesSignature = mode.data?.demo
        ? await signWithDemoKey(base64, 'signing')
        : await signWithNcaLayer(base64, 'signing', storage, mode.data?.ncalayerUrl);
      const attending = form.body.members.filter((m) => present[m.id]);
      onSubmit({
        type: 'record-meeting',
        procedureId: form.procedureId,
        meeting: {
          heldOn,
          present: attending.map((m) => m.id),
          votes: attending.filter((m) => VOTING.has(m.position)).map((m) => ({ member: m.id, vote: votes[m.id] ?? 'for' })),
          decision,
          minutes: uploaded.id,
          minutesSignature,
        },
        ...(refuses ? { grounds: [grounds.trim()] } : {}),
      });
    } catch (error) {
      onInvalid(errorText(error));
    } finally {
      setUploading(false);
    }
  };

  return (
    <form
      className="action"
      aria-labelledby="meeting-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id="meeting-heading">{t('meeting.title', { body: pick(form.body.title) })}</h3>
      {rulesUnknown && <p className="unknown">{t('meeting.rulesUnknown')}</p>}
      <div className="field">
        <label htmlFor="meeting-held-on">{t('meeting.heldOn')}</label>
        <input id="meeting-held-on" type="date" value={heldOn} max={localDay(Date.now())} onChange={(e) => setHeldOn(e.target.value)} />
      </div>
      <fieldset>
        <legend>{t('meeting.members')}</legend>
        {form.body.members.map((m) => (
          <div key={m.id} className="choice-row">
            <label className="choice">
              <input type="checkbox" checked={present[m.id] ?? false} onChange={(e) => setPresent({ ...present, [m.id]: e.target.checked })} />
              {m.name} — {t(`meeting.position.${m.position}`)}
            </label>
            {VOTING.has(m.position) && present[m.id] && (
              <select
                aria-label={t('meeting.voteOf', { name: m.name })}
                value={votes[m.id]}
                onChange={(e) => setVotes({ ...votes, [m.id]: e.target.value as Vote })}
              >
                <option value="for">{t('meeting.vote.for')}</option>
                <option value="against">{t('meeting.vote.against')}</option>
                <option value="abstain">{t('meeting.vote.abstain')}</option>
              </select>
            )}
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('meeting.decision')}</legend>
        {form.decisions.map((d) => (
          <label key={d.id} className="choice">
            <input type="radio" name="meeting-decision" value={d.id} checked={decision === d.id} onChange={() => setDecision(d.id)} />
            {pick(d.label)}
          </label>
        ))}
      </fieldset>
      {refuses && (
        <div className="field">
          <label htmlFor="meeting-grounds">{t('meeting.grounds')}</label>
          <textarea id="meeting-grounds" rows={3} value={grounds} onChange={(e) => setGrounds(e.target.value)} />
        </div>
      )}
      <div className="field">
        <label htmlFor="meeting-minutes">{t('meeting.minutes')}</label>
        <input id="meeting-minutes" type="file" accept="application/pdf" onChange={(e) => setMinutes(e.target.files?.[0] ?? null)} />
      </div>
      <KeyStorePicker demo={mode.data?.demo ?? false} storage={storage} onChange={setStorage} id="minutes-storage" />
      <button type="submit" className="primary" disabled={pending || uploading}>
        {t('meeting.record')}
      </button>
    </form>
  );
}
