// Why a PKCS#12 container could not be opened, with what a person can read in each language.

import type { TText } from '../../core/regulation/schema.js';

/** Stable codes of PKCS#12 failures. */
export const PKCS12_ERROR_CODES = ['wrong-password', 'malformed-container', 'unsupported-algorithm', 'no-private-key'] as const;
export type Pkcs12ErrorCode = (typeof PKCS12_ERROR_CODES)[number];

const MESSAGES: Record<Pkcs12ErrorCode, TText> = {
  'wrong-password': {
    kk: 'Кілт сақтағышының құпиясөзі қате.',
    ru: 'Неверный пароль хранилища ключей.',
    en: 'The key store password is wrong.',
  },
  'malformed-container': {
    kk: 'Кілт сақтағышы бүлінген немесе PKCS#12 файлы емес.',
    ru: 'Хранилище ключей повреждено или не является файлом PKCS#12.',
    en: 'The key store is damaged or is not a PKCS#12 file.',
  },
  'unsupported-algorithm': {
    kk: 'Кілт сақтағышында қолдау көрсетілмейтін алгоритм қолданылған.',
    ru: 'В хранилище ключей использован неподдерживаемый алгоритм.',
    en: 'The key store uses an algorithm that is not supported.',
  },
  'no-private-key': {
    kk: 'Кілт сақтағышында жабық кілт жоқ.',
    ru: 'В хранилище ключей нет закрытого ключа.',
    en: 'The key store holds no private key.',
  },
};

/** A PKCS#12 container that cannot be opened; `detail` is for logs, `text` for people. */
export class Pkcs12Error extends Error {
  override readonly name = 'Pkcs12Error';
  readonly text: TText;

  constructor(
    readonly code: Pkcs12ErrorCode,
    readonly detail?: string,
  ) {
    super(MESSAGES[code].en + (detail ? ` (${detail})` : ''));
    this.text = MESSAGES[code];
  }
}
