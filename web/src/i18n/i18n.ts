import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { kk } from './kk.js';
import { ru } from './ru.js';
import type { Lang } from '../api/api-types.js';

/** The languages of the product, Kazakh first (the default). */
export const LANGS: readonly Lang[] = ['kk', 'ru', 'en'];

const STORAGE_KEY = 'reglament.lang';

function storedLang(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return (LANGS as readonly string[]).includes(stored ?? '') ? (stored as Lang) : 'kk';
  } catch {
    return 'kk';
  }
}

/** The one i18next instance: flat keys ("nav.catalogue"), so the three files compare key by key. */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { kk: { translation: kk }, ru: { translation: ru }, en: { translation: en } },
  lng: storedLang(),
  fallbackLng: false,
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Switches the language, remembers it across visits and tells assistive technology the page's language. */
export function setLang(lang: Lang) {
  void i18n.changeLanguage(lang);
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // A browser that refuses storage still switches for this visit.
  }
  document.documentElement.lang = lang;
}
