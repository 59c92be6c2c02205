import type { TText } from '../core/regulation/schema.js';

// Why a registry number is not confirmed, in the three languages the verification page speaks.

const t = (kk: string, ru: string, en: string): TText => ({ kk, ru, en });

/** The registry's fields a verification compares, named for a reader. */
export const REGISTRY_FIELDS = {
  number: t('нөмірі', 'номер', 'number'),
  kind: t('құжат түрі', 'вид документа', 'kind of document'),
  service: t('қызметі', 'услуга', 'service'),
  variant: t('қызмет түрі', 'вариант услуги', 'variant of the service'),
  caseId: t('іс нөмірі', 'номер дела', 'case number'),
  officeId: t('кеңсесі', 'подразделение', 'office'),
  holderName: t('иесінің аты-жөні', 'имя владельца', "holder's name"),
  holderIdentifier: t('иесінің ЖСН/БСН-і', 'ИИН/БИН владельца', "holder's IIN/BIN"),
  issuedAt: t('берілген уақыты', 'время выдачи', 'time of issue'),
  baseNumber: t('негізгі құжаты', 'исходный документ', 'original document'),
  provider: t('берген ұйымы', 'выдавшая организация', 'issuing organisation'),
} as const;
export type RegistryField = keyof typeof REGISTRY_FIELDS;

export const REGISTRY_REASONS = {
  chainBroken: () => t('Іс тарихының тізбегі бұзылған', 'Цепочка истории дела нарушена', "The case history's hash chain is broken"),
  notInCaseFile: () =>
    t(
      'Іс тарихында бұл нөмірді берген жазба жоқ',
      'В истории дела нет записи о выдаче этого номера',
      'The case history holds no entry that issued this number',
    ),
  differsFromCaseFile: (field: RegistryField) =>
    t(
      `Тізілімдегі ${REGISTRY_FIELDS[field].kk} іс тарихындағыдан өзгеше`,
      `${capital(REGISTRY_FIELDS[field].ru)} в реестре не совпадает с историей дела`,
      `The registry's ${REGISTRY_FIELDS[field].en} differs from the case history`,
    ),
  differsFromSignedDocument: (field: RegistryField) =>
    t(
      `Тізілімдегі ${REGISTRY_FIELDS[field].kk} қол қойылған құжаттағыдан өзгеше`,
      `${capital(REGISTRY_FIELDS[field].ru)} в реестре не совпадает с подписанным документом`,
      `The registry's ${REGISTRY_FIELDS[field].en} differs from the signed document`,
    ),
  sealInvalid: () =>
    t(
      'Берушінің электрондық қолтаңбасы расталмады',
      'Электронная подпись услугодателя не подтверждена',
      "The provider's electronic signature is not confirmed",
    ),
  signerNotInCaseFile: () =>
    t(
      'Қолтаңбалардың бірі іс құжатында осы лауазымға қол қойған адамдікі емес немесе расталмады',
      'Одна из подписей не принадлежит тому, кто по материалам дела подписал за эту должность, или не подтверждена',
      'A signature is not that of the person the case file says signed for the post, or is not confirmed',
    ),
  providerUnknown: () =>
    t(
      'Нәтижені берген ұйымның БСН-і анықтамалықта жоқ: мөрді оған телу мүмкін емес',
      'БИН выдавшей организации не указан в справочнике: подпись нельзя отнести к ней',
      "The issuing organisation's BIN is not in the directory: the seal cannot be attributed to it",
    ),
  notAResultDocument: () =>
    t('Қолтаңбаның ішінде нәтиже құжаты жоқ', 'Внутри подписи нет документа результата', 'The signature does not hold a result document'),
} as const;

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
