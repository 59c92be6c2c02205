import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView, Regulation } from '../api/api-types.js';
import { useLang } from '../i18n/use-lang.js';
import { SourceNote } from './regulation-texts.js';

/**
 * The documents the Standard requires for this case's variant and channel, to tick off against
 * what the applicant attached while checking completeness. The ticks are the checker's own aid:
 * the decision itself is the step's outcome.
 */
export function DocumentsChecklist({ view, regulation }: { view: CaseView; regulation: Regulation }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const [ticked, setTicked] = useState<readonly string[]>([]);
  const { variant, channel } = view.case;
  const required = regulation.documents.items.filter(
    (d) => (!d.variants || (variant !== undefined && d.variants.includes(variant))) && (!d.channels || d.channels.includes(channel)),
  );
  const missing = required.filter((d) => !ticked.includes(d.id)).length;
  return (
    <fieldset className="checklist" data-testid="documents-checklist">
      <legend>{t('case.checklist')}</legend>
      {required.length > 0 && <p className="hint">{t('case.checklistHint')}</p>}
      {required.map((d) => (
        <label key={d.id} className="choice">
          <input
            type="checkbox"
            checked={ticked.includes(d.id)}
            onChange={(e) => setTicked((x) => (e.target.checked ? [...x, d.id] : x.filter((id) => id !== d.id)))}
          />
          {pick(d.text)} <SourceNote source={d.source} />
        </label>
      ))}
      {required.length > 0 && (
        <p className={missing > 0 ? 'unknown' : 'ok'} aria-live="polite">
          {t('case.checklistMissing', { count: missing })}
        </p>
      )}
      {regulation.documents.status !== 'known' && (
        <p className="unknown">
          {t(regulation.documents.status === 'unknown' ? 'service.documentsUnknown' : 'service.documentsPartly')}{' '}
          <SourceNote source={regulation.documents.source} />
        </p>
      )}
    </fieldset>
  );
}
