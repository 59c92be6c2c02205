import type { TTerm, TText } from './schema.js';

/** A legal term in words, in each language («3 жұмыс күні», «3 раб. дн.», "3 working days"). */
export function termWords(term: TTerm): TText {
  const words = unitWords(term);
  if (term.after !== 'review') return words;
  return { kk: `қарап болған соң ${words.kk} ішінде`, ru: `${words.ru} после рассмотрения`, en: `${words.en} after the review` };
}

function unitWords(term: TTerm): TText {
  const n = term.value;
  switch (term.unit) {
    case 'minutes':
      return { kk: `${n} минут`, ru: `${n} мин.`, en: `${n} minutes` };
    case 'hours':
      return { kk: `${n} сағат`, ru: `${n} ч.`, en: `${n} hours` };
    case 'working_days':
      return { kk: `${n} жұмыс күні`, ru: `${n} раб. дн.`, en: `${n} working days` };
    case 'calendar_days':
      return { kk: `${n} күнтізбелік күн`, ru: `${n} кал. дн.`, en: `${n} calendar days` };
    case 'within_working_day':
      return { kk: 'жұмыс күні ішінде', ru: 'в течение рабочего дня', en: 'within the working day' };
  }
}
