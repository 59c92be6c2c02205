import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../api/api-types.js';
import { uploadAttachment } from '../api/upload-attachment.js';
import { useErrorText } from './error-message.js';

/** One uploaded document of a form, or one on its way. */
export interface UploadSlot {
  readonly key: string;
  readonly fileName: string;
  readonly progress: number;
  readonly attachment?: Attachment;
  readonly error?: string;
}

/** A file picker that uploads each chosen file at once and shows its progress; the list of documents is the caller's. */
export function DocumentUpload({
  label,
  hint,
  slots,
  onChange,
  invalid,
}: {
  label: string;
  hint?: string;
  slots: readonly UploadSlot[];
  onChange: (update: (slots: readonly UploadSlot[]) => readonly UploadSlot[]) => void;
  invalid?: boolean;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const [picked, setPicked] = useState(0);

  const start = (file: File) => {
    const key = `${file.name}-${Date.now()}-${Math.random()}`;
    onChange((s) => [...s, { key, fileName: file.name, progress: 0 }]);
    const patch = (p: Partial<UploadSlot>) => onChange((s) => s.map((x) => (x.key === key ? { ...x, ...p } : x)));
    uploadAttachment(file, (progress) => patch({ progress }))
      .then((attachment) => patch({ attachment, progress: 1 }))
      .catch((e: unknown) => patch({ error: errorText(e) }));
  };

  return (
    <div className="field upload">
      <label htmlFor={inputId}>{label}</label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <input
        key={picked}
        id={inputId}
        type="file"
        multiple
        accept=".pdf,.jpg,.jpeg,.png,.p7s,.cms,.xml,application/pdf,image/jpeg,image/png,application/xml"
        aria-describedby={hint ? hintId : undefined}
        aria-invalid={invalid}
        onChange={(e) => {
          for (const file of Array.from(e.target.files ?? [])) start(file);
          setPicked((n) => n + 1);
        }}
      />
      {slots.length > 0 && (
        <ul className="uploads" aria-live="polite">
          {slots.map((s) => (
            <li key={s.key}>
              <span className="file-name">{s.fileName}</span>{' '}
              {s.error ? (
                <span className="message-error" role="alert">
                  {s.error}
                </span>
              ) : s.attachment ? (
                <span className="ok">{t('upload.done', { size: Math.max(1, Math.round(s.attachment.size / 1024)) })}</span>
              ) : (
                <progress max={1} value={s.progress} aria-label={t('upload.progress', { name: s.fileName })} />
              )}{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => onChange((all) => all.filter((x) => x.key !== s.key))}
                aria-label={t('upload.remove', { name: s.fileName })}
              >
                {t('upload.removeShort')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
