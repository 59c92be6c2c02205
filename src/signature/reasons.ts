import type { TText } from '../core/regulation/schema.js';

// The messages a person reads when a signature or certificate is refused. Dates are shown on the
// Kazakhstan clock (UTC+5) as dd.mm.yyyy, the way NCA's own services print them.

const KZ_OFFSET_MS = 5 * 3600_000;

/** dd.mm.yyyy of an instant in Kazakhstan time. */
export function kzDate(instant: Date): string {
  const d = new Date(instant.getTime() + KZ_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}.${p(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
}

const t = (kk: string, ru: string, en: string): TText => ({ kk, ru, en });

/** Reasons by situation; each returns the three-language text. */
export const REASONS = {
  expired: (notAfter: Date) =>
    t(
      `Сертификаттың қолданылу мерзімі ${kzDate(notAfter)} өтіп кеткен`,
      `Срок действия сертификата истёк ${kzDate(notAfter)}`,
      `The certificate expired on ${kzDate(notAfter)}`,
    ),
  notYetValid: (notBefore: Date) =>
    t(
      `Сертификат ${kzDate(notBefore)} бастап қана жарамды`,
      `Сертификат действует только с ${kzDate(notBefore)}`,
      `The certificate is valid only from ${kzDate(notBefore)}`,
    ),
  issuerExpired: (name: string, notAfter: Date) =>
    t(
      `Куәландырушы орталықтың сертификаты (${name}) ${kzDate(notAfter)} өтіп кеткен`,
      `Срок действия сертификата удостоверяющего центра (${name}) истёк ${kzDate(notAfter)}`,
      `The certificate of the certification authority (${name}) expired on ${kzDate(notAfter)}`,
    ),
  issuerNotYetValid: (name: string, notBefore: Date) =>
    t(
      `Куәландырушы орталықтың сертификаты (${name}) ${kzDate(notBefore)} бастап қана жарамды`,
      `Сертификат удостоверяющего центра (${name}) действует только с ${kzDate(notBefore)}`,
      `The certificate of the certification authority (${name}) is valid only from ${kzDate(notBefore)}`,
    ),
  untrusted: (issuer: string) =>
    t(
      `Сертификатты сенімді куәландырушы орталық шығармаған (шығарушы: ${issuer})`,
      `Сертификат выдан не доверенным удостоверяющим центром (издатель: ${issuer})`,
      `The certificate was not issued by a trusted certification authority (issuer: ${issuer})`,
    ),
  badCertificateSignature: (subject: string) =>
    t(
      `Сертификаттың (${subject}) қолтаңбасы жарамсыз`,
      `Подпись сертификата (${subject}) недействительна`,
      `The signature on the certificate (${subject}) is invalid`,
    ),
  notACa: (subject: string) =>
    t(
      `${subject} сертификаты куәландырушы орталықтікі емес`,
      `Сертификат ${subject} не является сертификатом удостоверяющего центра`,
      `The certificate of ${subject} is not a certification authority's`,
    ),
  unsupportedAlgorithm: (oid: string) => t(`Қолдау көрсетілмейтін алгоритм: ${oid}`, `Неподдерживаемый алгоритм: ${oid}`, `Unsupported algorithm: ${oid}`),
  revoked: (at: Date, why: TText | undefined) =>
    t(
      `Сертификат ${kzDate(at)} кері қайтарылған${why ? ` (${why.kk})` : ''}`,
      `Сертификат отозван ${kzDate(at)}${why ? ` (${why.ru})` : ''}`,
      `The certificate was revoked on ${kzDate(at)}${why ? ` (${why.en})` : ''}`,
    ),
  revocationUnknown: () =>
    t(
      'Сертификаттың кері қайтарылмағанын тексеру мүмкін болмады: жарамды CRL немесе OCSP жауабы жоқ',
      'Не удалось проверить, что сертификат не отозван: нет действующего списка отзыва (CRL) или ответа OCSP',
      'Could not check that the certificate is not revoked: no current CRL or OCSP response',
    ),
  ocspUnknown: () => t('OCSP қызметі бұл сертификатты білмейді', 'Служба OCSP не знает этот сертификат', 'The OCSP responder does not know this certificate'),
  wrongKeyUsage: (expected: 'signing' | 'authentication') =>
    expected === 'signing'
      ? t(
          'Бұл кілт қол қоюға емес, аутентификацияға арналған',
          'Этот ключ предназначен для аутентификации, а не для подписи',
          'This key is for authentication, not for signing',
        )
      : t(
          'Бұл кілт аутентификацияға емес, қол қоюға арналған',
          'Этот ключ предназначен для подписи, а не для аутентификации',
          'This key is for signing, not for authentication',
        ),
  noKeyUsage: () =>
    t(
      'Сертификатта кілттің қолданылу мақсаты көрсетілмеген',
      'В сертификате не указано назначение ключа',
      'The certificate does not state what its key is for',
    ),
  iinMismatch: (expected: string, actual: string | undefined) =>
    t(
      `Қолтаңба иесінің ЖСН-і ${actual ?? 'жоқ'}, ал күтілгені ${expected}`,
      `ИИН владельца подписи ${actual ?? 'отсутствует'}, ожидался ${expected}`,
      `The signer's IIN is ${actual ?? 'absent'}, expected ${expected}`,
    ),
  binMismatch: (expected: string, actual: string | undefined) =>
    t(
      `Қолтаңба иесінің БСН-і ${actual ?? 'жоқ'}, ал күтілгені ${expected}`,
      `БИН организации владельца подписи ${actual ?? 'отсутствует'}, ожидался ${expected}`,
      `The signer's BIN is ${actual ?? 'absent'}, expected ${expected}`,
    ),
  expectedBinUnknown: () =>
    t(
      'Қолтаңба қай ұйымдікі болуы керегі белгісіз: күтілген БСН жоқ',
      'Неизвестно, чья подпись ожидается: не указан ожидаемый БИН',
      'It is not known whose signature is expected: no expected BIN',
    ),
  contentChanged: () => t('Қол қойылғаннан кейін құжат өзгертілген', 'Документ изменён после подписания', 'The document was changed after it was signed'),
  notTheExpectedDocument: () =>
    t(
      'Қолтаңбаның ішіндегі мәтін күтілген құжат емес: қол басқа мәтінге қойылған',
      'Подписан не тот документ: текст внутри подписи не совпадает с ожидаемым',
      'The signed content is not the document expected: the text inside the signature differs from it',
    ),
  badSignature: () =>
    t(
      'Қолтаңба жарамсыз: ол осы сертификаттың кілтімен жасалмаған',
      'Подпись недействительна: она не создана ключом этого сертификата',
      "The signature is invalid: it was not made with this certificate's key",
    ),
  noContent: () =>
    t(
      'Қол қойылған деректер жоқ: бөлек қолтаңбаға құжаттың өзі керек',
      'Нет подписанных данных: для отделённой подписи нужен сам документ',
      'No signed data: a detached signature needs the document itself',
    ),
  signerCertificateMissing: () => t('Қол қоюшының сертификаты табылмады', 'Сертификат подписавшего не найден', "The signer's certificate was not found"),
  badTimestamp: () => t('Уақыт белгісі жарамсыз', 'Метка времени недействительна', 'The time-stamp is invalid'),
  signingCertificateMismatch: () =>
    t(
      'Қолтаңбада көрсетілген сертификат қол қоюшының сертификатына сәйкес келмейді',
      'Сертификат, указанный в подписи, не совпадает с сертификатом подписавшего',
      "The certificate named in the signature is not the signer's certificate",
    ),
  noSignature: () => t('Файлда қолтаңба жоқ', 'В файле нет подписи', 'The file holds no signature'),
  tooManySigners: (max: number) =>
    t(
      `Қолтаңбада ${max}-ден көп қол қоюшы бар`,
      `В подписи больше подписавших, чем ${max}`,
      `The signature has more than ${max} signer${max === 1 ? '' : 's'}`,
    ),
} as const;

/** RFC 5280 CRL reason codes in the three languages. */
export const REVOCATION_REASONS: Record<number, TText> = {
  0: t('себебі көрсетілмеген', 'причина не указана', 'unspecified'),
  1: t('кілттің құпиялылығы бұзылған', 'компрометация ключа', 'key compromise'),
  2: t('куәландырушы орталықтың кілті бұзылған', 'компрометация ключа удостоверяющего центра', 'CA compromise'),
  3: t('иесінің деректері өзгерген', 'изменение данных владельца', 'affiliation changed'),
  4: t('жаңа сертификатпен ауыстырылған', 'заменён новым сертификатом', 'superseded'),
  5: t('пайдалану тоқтатылған', 'прекращение действия', 'cessation of operation'),
  6: t('әрекеті тоқтатыла тұрған', 'действие приостановлено', 'certificate on hold'),
  9: t('өкілеттігі алынған', 'полномочия отозваны', 'privilege withdrawn'),
  10: t('атрибут беру орталығының кілті бұзылған', 'компрометация ключа центра атрибутов', 'AA compromise'),
};
