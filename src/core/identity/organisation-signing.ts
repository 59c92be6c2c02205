import type { TText } from '../regulation/schema.js';

/**
 * The key-user roles NCA RK writes into an organisation's certificate (the extended key usages
 * 1.2.398.3.3.4.1.2.x): who holds the key for the organisation and in what capacity.
 */
export const ORGANISATION_KEY_USERS = ['first-head', 'may-sign', 'may-sign-financial', 'hr', 'employee'] as const;
export type OrganisationKeyUser = (typeof ORGANISATION_KEY_USERS)[number];

/**
 * Who signs an application for a legal entity when a service's definition says nothing: the
 * first head, or a person the organisation gave the right of signature. An employee's or a
 * personnel officer's key identifies its holder but does not bind the organisation.
 */
export const DEFAULT_ORGANISATION_SIGNERS: readonly OrganisationKeyUser[] = ['first-head', 'may-sign'];

const LABELS: Record<OrganisationKeyUser, TText> = {
  'first-head': { kk: 'бірінші басшы', ru: 'первый руководитель', en: 'first head' },
  'may-sign': { kk: 'қол қою құқығы бар тұлға', ru: 'лицо с правом подписи', en: 'person with the right of signature' },
  'may-sign-financial': {
    kk: 'қаржы құжаттарына қол қою құқығы бар тұлға',
    ru: 'лицо с правом подписи финансовых документов',
    en: 'person who may sign financial documents',
  },
  hr: { kk: 'кадр қызметінің қызметкері', ru: 'сотрудник отдела кадров', en: 'personnel officer' },
  employee: { kk: 'қызметкер', ru: 'сотрудник', en: 'employee' },
};

/**
 * Whether a certificate's key-user roles let its holder sign for the organisation; when not, why,
 * naming the roles that may (the text the applicant reads).
 */
export function organisationSigningRefusal(keyUsers: readonly string[], allowed: readonly OrganisationKeyUser[]): TText | undefined {
  if (allowed.some((role) => keyUsers.includes(role))) return undefined;
  const list = (lang: keyof TText) => allowed.map((role) => LABELS[role][lang]).join(', ');
  return {
    kk: `сертификат ұйымның атынан қол қоюға құқық бермейді; қол қоятындар: ${list('kk')}`,
    ru: `сертификат не даёт права подписи от имени организации; подписывают: ${list('ru')}`,
    en: `the certificate does not give the right to sign for the organisation; who signs: ${list('en')}`,
  };
}
