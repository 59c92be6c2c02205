import type { TText } from '../../core/regulation/schema.js';
import type { Result } from '../../core/result.js';

/** A person as the State database "Individuals" (ГБД ФЛ / ЖТ МДҚ) gives them. */
export interface PersonRecord {
  readonly iin: string;
  readonly lastName: string;
  readonly firstName: string;
  readonly middleName?: string;
  /** YYYY-MM-DD */
  readonly birthDate: string;
}

/**
 * A legal entity as the State database "Legal entities" (ГБД ЮЛ / ЗТ МДҚ) gives it. Its name
 * is in the two languages that database keeps; there is no official English name.
 */
export interface LegalEntityRecord {
  readonly bin: string;
  readonly name: { readonly kk: string; readonly ru: string };
  /** Date of state registration, YYYY-MM-DD. */
  readonly registeredAt: string;
  readonly headIin?: string;
  readonly headName?: string;
  readonly address?: string;
}

/** Why the gateway gave no record; the codes are stable. */
export const GATEWAY_FAILURE_CODES = ['not-found', 'not-confirmed', 'invalid-identifier', 'unavailable', 'timeout', 'protocol'] as const;
export type GatewayFailureCode = (typeof GATEWAY_FAILURE_CODES)[number];

/** An expected failure of a gateway request, with a reason a person can read. */
export interface GatewayFailure {
  readonly code: GatewayFailureCode;
  readonly message: TText;
}

/**
 * The e-government gateway (ЭҮШ / ШЭП) as the use cases need it: fetch the applicant's data
 * from the state information systems (Order No. 401, each regulation's п. 9: the provider
 * "receives the data ... from the relevant state information systems through the
 * e-government gateway"). Implementations never throw for an expected failure.
 */
export interface EgovGateway {
  /** The person with this IIN, from the State database "Individuals". */
  person(iin: string): Promise<Result<PersonRecord, GatewayFailure>>;
  /** The legal entity with this BIN, from the State database "Legal entities". */
  legalEntity(bin: string): Promise<Result<LegalEntityRecord, GatewayFailure>>;
}

/** Whose data was asked for: a person by IIN or a legal entity by BIN. */
export type GatewaySubject = { readonly kind: 'person'; readonly iin: string } | { readonly kind: 'legal-entity'; readonly bin: string };

// The two refusals below follow the wording of Order No. 401, annexes 4 and 5 (seed
// 000_02e1cfaf63a2d43c.txt), п. 10: on the portal, 7) 4-процесс «ЗТ МДҚ-да көрсетілетін
// қызметті алушы деректерінің расталмауына байланысты, сұратылған қызметтен бас тарту туралы
// хабарлама қалыптастыру»; at the provider, 7) 5-процесс «ЗТ МДҚ-да көрсетілетін қызметті
// алушы деректерінің болмауына байланысты деректерді алудың мүмкін еместігі туралы хабарлама
// қалыптастыру». The acts name only the legal-entity database (ЗТ МДҚ, «"Заңды тұлғалар"
// мемлекеттік дерекқоры»); for individuals we put the individuals' database in its place.
const DATABASE = {
  person: {
    kk: '«Жеке тұлғалар» мемлекеттік дерекқорында',
    ru: 'в государственной базе данных «Физические лица» (ГБД ФЛ)',
    en: 'in the State database "Individuals"',
    id: { kk: 'ЖСН', ru: 'ИИН', en: 'IIN' },
  },
  'legal-entity': {
    kk: 'ЗТ МДҚ-да',
    ru: 'в государственной базе данных «Юридические лица» (ГБД ЮЛ)',
    en: 'in the State database "Legal entities"',
    id: { kk: 'БСН', ru: 'БИН', en: 'BIN' },
  },
} as const;

const numberOf = (subject: GatewaySubject): string => (subject.kind === 'person' ? subject.iin : subject.bin);

/** The refusal when the state database holds no record of the applicant. */
export function notFoundFailure(subject: GatewaySubject): GatewayFailure {
  const db = DATABASE[subject.kind];
  const n = numberOf(subject);
  return {
    code: 'not-found',
    message: {
      kk: `${db.kk} көрсетілетін қызметті алушы деректерінің болмауына байланысты деректерді алу мүмкін емес (${db.id.kk} ${n}).`,
      ru: `Получение данных невозможно в связи с отсутствием данных услугополучателя ${db.ru} (${db.id.ru} ${n}).`,
      en: `The data cannot be obtained: there is no record of the applicant ${db.en} (${db.id.en} ${n}).`,
    },
  };
}

/** The refusal when the state database does not confirm the applicant's data. */
export function notConfirmedFailure(subject: GatewaySubject): GatewayFailure {
  const db = DATABASE[subject.kind];
  const n = numberOf(subject);
  return {
    code: 'not-confirmed',
    message: {
      kk: `${db.kk} көрсетілетін қызметті алушы деректерінің расталмауына байланысты сұратылған қызметтен бас тартылады (${db.id.kk} ${n}).`,
      ru: `В запрашиваемой услуге отказано в связи с неподтверждением данных услугополучателя ${db.ru} (${db.id.ru} ${n}).`,
      en: `The requested service is refused: the applicant's data are not confirmed ${db.en} (${db.id.en} ${n}).`,
    },
  };
}
