import type { TChannel, TLanguage, TProcedureKind, TRole, TTerm, TText } from '../../core/regulation/schema.js';

const t = (kk: string, ru: string, en: string): TText => ({ kk, ru, en });

/** The short words a task label is made of: what the procedure does. */
export const KIND_WORDS: Record<TProcedureKind, TText> = {
  receive: t('қабылдау', 'приём', 'receive'),
  register: t('тіркеу', 'регистрация', 'register'),
  assign: t('қарар, орындаушы', 'резолюция, исполнитель', 'resolution, executor'),
  examine: t('қарау', 'рассмотрение', 'examine'),
  decide: t('шешім', 'решение', 'decide'),
  draft: t('ресімдеу', 'оформление', 'draft'),
  sign: t('қол қою', 'подписание', 'sign'),
  transfer: t('жолдау', 'передача', 'transfer'),
  deliver: t('беру', 'выдача', 'deliver'),
};

const UNIT_WORDS: Record<TTerm['unit'], TText> = {
  minutes: t('мин', 'мин', 'min'),
  hours: t('сағ', 'ч', 'h'),
  working_days: t('жұм. күн', 'раб. дн.', 'wd'),
  calendar_days: t('күнт. күн', 'кал. дн.', 'cd'),
  within_working_day: t('жұм. күні ішінде', 'в теч. раб. дня', 'same wd'),
};

/** A term in a few characters, or the words for "not given". */
export function shortTerm(term: TTerm | null, lang: TLanguage): string {
  if (!term) return t('мерзімі жоқ', 'срок не указан', 'no term')[lang];
  const words = term.unit === 'within_working_day' ? UNIT_WORDS[term.unit][lang] : `${term.value} ${UNIT_WORDS[term.unit][lang]}`;
  return term.after === 'review' ? t(`қараудан кейін ${words}`, `${words} после рассм.`, `${words} after review`)[lang] : words;
}

/** The start of an application through a channel. */
export const CHANNEL_START: Record<TChannel, TText> = {
  portal: t('Портал арқылы өтініш', 'Заявление через портал', 'Application on the portal'),
  office: t('Кеңсеге өтініш', 'Заявление в канцелярию', 'Application at the office'),
  'state-corporation': t('Мемлекеттік корпорацияға өтініш', 'Заявление в Госкорпорацию', 'Application at the State Corporation'),
};

/** Channel names on the branches of a channel gateway. */
export const CHANNEL_NAMES: Record<TChannel, TText> = {
  portal: t('портал', 'портал', 'portal'),
  office: t('кеңсе', 'канцелярия', 'office'),
  'state-corporation': t('Мемлекеттік корпорация', 'Госкорпорация', 'State Corporation'),
};

/** Words of the generated elements. */
export const HANDBOOK_WORDS = {
  channelGateway: t('Жүгіну арнасы?', 'Канал обращения?', 'Channel?'),
  resultGateway: t('Нәтиже?', 'Результат?', 'Result?'),
  receivedFrom: t('Қабылданды', 'Получено', 'Received'),
  passedTo: t('Жолданды', 'Передано', 'Passed on'),
  awaiting: t('Қайтуын күту', 'Ожидание возврата', 'Awaiting the return'),
  result: t('Нәтиже', 'Результат', 'Result'),
} as const;

/** Titles of the pools of organisations other than the provider. */
export const ORGANISATION_TITLES: Record<Exclude<TRole['organisation'], 'provider'>, TText> = {
  'state-corporation': t(
    '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы',
    'Государственная корпорация «Правительство для граждан»',
    'State Corporation "Government for Citizens"',
  ),
  ministry: t(
    'Қазақстан Республикасы Денсаулық сақтау министрлігі',
    'Министерство здравоохранения Республики Казахстан',
    'Ministry of Health of the Republic of Kazakhstan',
  ),
  'fund-head-office': t(
    '«Әлеуметтік медициналық сақтандыру қоры» КеАҚ (бас кеңсе)',
    'НАО «Фонд социального медицинского страхования» (головной офис)',
    'Social Health Insurance Fund (head office)',
  ),
};
