import { useTranslation } from 'react-i18next';
import type { Text } from '../api/api-types.js';
import { useLang } from '../i18n/use-lang.js';

/** The outcomes a step may end with, as radio buttons: the person completing it chooses one. */
export function OutcomeChoice({
  outcomes,
  chosen,
  onChoose,
}: {
  outcomes: readonly { id: string; label: Text }[];
  chosen: string | undefined;
  onChoose: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { pick } = useLang();
  return (
    <fieldset>
      <legend>{t('actions.outcome')}</legend>
      {outcomes.map((o) => (
        <label key={o.id} className="choice">
          <input type="radio" name="outcome" value={o.id} checked={chosen === o.id} onChange={() => onChoose(o.id)} />
          {pick(o.label)}
        </label>
      ))}
    </fieldset>
  );
}
