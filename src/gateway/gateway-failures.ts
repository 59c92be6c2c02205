import type { GatewayFailure } from '../app/ports/egov-gateway.js';
import type { IdentifierError } from '../core/identity/identifier-error.js';

// The transport failures of the gateway adapter, worded for the official who reads them in
// the back office: what happened and whether trying later may help.

const seconds = (ms: number): string => String(Math.round(ms / 100) / 10);

/** The gateway did not answer in time on any attempt. */
export function timeoutFailure(timeoutMs: number, attempts: number): GatewayFailure {
  const s = seconds(timeoutMs);
  return {
    code: 'timeout',
    message: {
      kk: `«Электрондық үкімет» шлюзі ${s} с ішінде жауап бермеді (әрекет саны: ${attempts}). Кейінірек қайталап көріңіз.`,
      ru: `Шлюз «электронного правительства» не ответил за ${s} с (попыток: ${attempts}). Повторите позже.`,
      en: `The e-government gateway did not answer within ${s} s (attempts: ${attempts}). Try again later.`,
    },
  };
}

/** The gateway could not be reached or answered that it is out of service, on every attempt. */
export function unavailableFailure(cause: string, attempts: number): GatewayFailure {
  return {
    code: 'unavailable',
    message: {
      kk: `«Электрондық үкімет» шлюзі қолжетімсіз (${cause}; әрекет саны: ${attempts}). Кейінірек қайталап көріңіз.`,
      ru: `Шлюз «электронного правительства» недоступен (${cause}; попыток: ${attempts}). Повторите позже.`,
      en: `The e-government gateway is unavailable (${cause}; attempts: ${attempts}). Try again later.`,
    },
  };
}

/** The gateway answered something we cannot use: a SOAP fault or an unreadable message. */
export function protocolFailure(detail: string): GatewayFailure {
  return {
    code: 'protocol',
    message: {
      kk: `«Электрондық үкімет» шлюзінің жауабын өңдеу мүмкін болмады: ${detail}`,
      ru: `Ответ шлюза «электронного правительства» не удалось обработать: ${detail}`,
      en: `The e-government gateway's answer could not be used: ${detail}`,
    },
  };
}

/** The identifier was refused before any request (or by the registry itself). */
export function invalidIdentifierFailure(error: IdentifierError): GatewayFailure {
  return { code: 'invalid-identifier', message: error.message };
}

/** The registry refused the identifier although it passed our own checks. */
export function identifierRefusedFailure(kind: 'person' | 'legal-entity', identifier: string): GatewayFailure {
  const id = kind === 'person' ? { kk: 'ЖСН', ru: 'ИИН', en: 'IIN' } : { kk: 'БСН', ru: 'БИН', en: 'BIN' };
  return {
    code: 'invalid-identifier',
    message: {
      kk: `Мемлекеттік дерекқор ${id.kk} ${identifier} нөмірін жарамсыз деп таныды.`,
      ru: `Государственная база данных признала ${id.ru} ${identifier} недействительным.`,
      en: `The state database refused ${id.en} ${identifier} as not valid.`,
    },
  };
}
