import { useTranslation } from 'react-i18next';
import { LANGS, setLang } from '../i18n/i18n.js';
import { useLang } from '../i18n/use-lang.js';

const NAMES = { kk: 'Қазақша', ru: 'Русский', en: 'English' } as const;

/** Three buttons, each named in its own language so anyone finds theirs. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { lang } = useLang();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={l === lang} onClick={() => setLang(l)}>
          {NAMES[l]}
        </button>
      ))}
    </div>
  );
}
