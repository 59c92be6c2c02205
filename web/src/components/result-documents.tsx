import { useTranslation } from 'react-i18next';
import type { CaseView } from '../api/api-types.js';

/** Whether the case's result was issued as a signed document (the API serves its PDF and CMS only then). */
export function hasSealedResult(view: CaseView): boolean {
  return view.history.some((h) => h.event.type === 'result-issued' && typeof h.event.seal === 'string');
}

/** Links to a case's result: the PDF in Kazakh and in Russian, and the provider's signed original (.p7s). */
export function ResultDocuments({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  if (!view.case.result) return null;
  if (!hasSealedResult(view)) return <p className="muted">{t('result.unsigned')}</p>;
  const base = `/api/cases/${encodeURIComponent(view.case.id)}`;
  const number = view.case.result.number;
  return (
    <ul className="plain result-documents" data-testid="result-documents">
      <li>
        <a href={`${base}/result.pdf?lang=kk`} target="_blank" rel="noopener">
          {t('result.pdfKk')}
        </a>
      </li>
      <li>
        <a href={`${base}/result.pdf?lang=ru`} target="_blank" rel="noopener">
          {t('result.pdfRu')}
        </a>
      </li>
      <li>
        <a href={`${base}/result.p7s`} download={`${number}.p7s`}>
          {t('result.signed')}
        </a>{' '}
        <span className="hint">{t('result.signedHint')}</span>
      </li>
    </ul>
  );
}
