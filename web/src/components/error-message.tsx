import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.js';
import { SignatureFailure } from '../api/signature.js';

/** The message of a failure: the API's own (already in the user's language), else a translated fallback. */
export function useErrorText() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof SignatureFailure) {
      if (error.reason === 'ncalayer-unavailable') return t('error.ncalayerUnavailable');
      if (error.reason === 'cancelled') return t('error.signCancelled');
      return t('error.signFailed', { detail: error.message });
    }
    if (error instanceof ApiError) {
      if (error.status === 0) return t('error.network');
      // Fastify's own refusals (size, rate) come with English text: translate them by code.
      if (error.code === 'attachment-too-large') return t('error.tooLarge');
      if (error.code === 'rate-limited') return t('error.rateLimited');
      if (error.code.startsWith('http-')) return t('error.unexpected', { status: error.status });
      return error.message;
    }
    return t('error.unexpected', { status: '—' });
  };
}

/** A failure, announced to screen readers as it appears. */
export function ErrorMessage({ error }: { error: unknown }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <p className="message message-error" role="alert">
      {text(error)}
    </p>
  );
}

/** A success or information message, read out politely. */
export function InfoMessage({ children }: { children: React.ReactNode }) {
  return (
    <p className="message message-info" role="status" aria-live="polite">
      {children}
    </p>
  );
}

/** A waiting indicator. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      {t('common.loading')}
    </p>
  );
}
