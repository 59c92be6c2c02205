// Why a signature could not be made, with what a person can read in each language.

import type { TText } from '../../core/regulation/schema.js';

/** Stable codes of signing failures. */
export const SIGNER_ERROR_CODES = ['signer-unavailable', 'signer-timeout', 'signer-refused', 'signer-bad-response', 'unsupported-key'] as const;
export type SignerErrorCode = (typeof SIGNER_ERROR_CODES)[number];

const MESSAGES: Record<SignerErrorCode, TText> = {
  'signer-unavailable': {
    kk: 'Қол қою қызметі қолжетімсіз. Кейінірек қайталап көріңіз.',
    ru: 'Сервис подписи недоступен. Повторите попытку позже.',
    en: 'The signing service is unavailable. Try again later.',
  },
  'signer-timeout': {
    kk: 'Қол қою қызметі уақытында жауап бермеді.',
    ru: 'Сервис подписи не ответил вовремя.',
    en: 'The signing service did not answer in time.',
  },
  'signer-refused': {
    kk: 'Қол қою қызметі сұранысты қабылдамады (кілтті немесе құпиясөзді тексеріңіз).',
    ru: 'Сервис подписи отклонил запрос (проверьте ключ и пароль).',
    en: 'The signing service refused the request (check the key and its password).',
  },
  'signer-bad-response': {
    kk: 'Қол қою қызметі түсініксіз жауап қайтарды.',
    ru: 'Сервис подписи вернул непонятный ответ.',
    en: 'The signing service returned an answer that cannot be read.',
  },
  'unsupported-key': {
    kk: 'Бұл кілт түрімен қол қоюға болмайды.',
    ru: 'Подпись ключом этого типа не поддерживается.',
    en: 'Signing with this kind of key is not supported.',
  },
};

/** A signature that could not be made; `detail` is for logs, `text` for people. */
export class SignerError extends Error {
  override readonly name = 'SignerError';
  readonly text: TText;

  constructor(
    readonly code: SignerErrorCode,
    readonly detail?: string,
  ) {
    super(MESSAGES[code].en + (detail ? ` (${detail})` : ''));
    this.text = MESSAGES[code];
  }
}
