import type { TText } from '../../core/regulation/schema.js';

// Reasons particular to XML signatures; the common ones (content changed, bad signature, unsupported
// algorithm, missing certificate) are in ../reasons.ts.

const t = (kk: string, ru: string, en: string): TText => ({ kk, ru, en });

export const XMLDSIG_REASONS = {
  malformed: (detail: string) =>
    t(`Қолтаңбаның құрылымы бұзылған: ${detail}`, `Структура подписи нарушена: ${detail}`, `The signature is malformed: ${detail}`),
  referenceMissing: (uri: string) =>
    t(`Қол қойылған бөлік (${uri}) құжатта табылмады`, `Подписанная часть (${uri}) не найдена в документе`, `The signed part (${uri}) is not in the document`),
  referenceAmbiguous: (uri: string) =>
    t(
      `Қол қойылған бөлік (${uri}) құжатта бірнеше рет кездеседі`,
      `Подписанная часть (${uri}) встречается в документе несколько раз`,
      `The signed part (${uri}) occurs more than once in the document`,
    ),
  unsupportedReference: (uri: string) =>
    t(`Қолдау көрсетілмейтін сілтеме: ${uri}`, `Неподдерживаемая ссылка на подписанные данные: ${uri}`, `Unsupported reference to the signed data: ${uri}`),
} as const;
