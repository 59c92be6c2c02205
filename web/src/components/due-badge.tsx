import { useTranslation } from 'react-i18next';
import { dueClass, formatInstant } from '../format/kazakhstan-time.js';
import { useLang } from '../i18n/use-lang.js';

/** A due date with its urgency in words and colour (never colour alone). */
export function DueBadge({ due, now }: { due: number | null; now: number }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const klass = dueClass(due, now);
  return <span className={`due due-${klass}`}>{due === null ? t('due.none') : `${formatInstant(due, lang)} · ${t(`due.${klass}`)}`}</span>;
}
