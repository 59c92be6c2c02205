import { useTranslation } from 'react-i18next';
import type { Lang, Text } from '../api/api-types.js';

/** The current language and a picker for texts the API gives in all three (titles, actions, labels). */
export function useLang() {
  const { i18n } = useTranslation();
  const lang = (['kk', 'ru', 'en'].includes(i18n.language) ? i18n.language : 'kk') as Lang;
  return { lang, pick: (text: Text | undefined | null) => (text ? text[lang] : '') };
}
