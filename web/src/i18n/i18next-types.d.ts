import 'i18next';
import type { Messages } from './kk.js';

// t() accepts only keys the translations have: a misspelt or removed key is a type error, not a bare key on the page.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
    keySeparator: false;
    nsSeparator: false;
    returnNull: false;
  }
}
