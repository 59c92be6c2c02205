import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../api/api-types.js';

/** A case's status as the applicant reads it. */
export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status}`}>{t(`status.${status}`)}</span>;
}
