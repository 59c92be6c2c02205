import type { TText } from '../core/regulation/schema.js';

const t = (kk: string, ru: string, en: string): TText => ({ kk, ru, en });

/** The words printed on documents, in the three languages. */
export const LABELS = {
  number: t('Нөмірі', 'Номер', 'Number'),
  caseNumber: t('Өтініштің (істің) нөмірі', 'Номер заявления (дела)', 'Application (case) number'),
  issuedTo: t('Кімге берілді', 'Кому выдан', 'Issued to'),
  identifier: t('ЖСН / БСН', 'ИИН / БИН', 'IIN / BIN'),
  service: t('Мемлекеттік көрсетілетін қызмет', 'Государственная услуга', 'State service'),
  variant: t('Түрі', 'Вид', 'Kind'),
  legalBasis: t('Құқықтық негізі', 'Правовое основание', 'Legal basis'),
  provider: t('Көрсетілетін қызметті беруші', 'Услугодатель', 'Provider'),
  office: t('Бөлімше', 'Подразделение', 'Office'),
  issuedAt: t('Берілген күні', 'Дата выдачи', 'Date of issue'),
  baseNumber: t('Бастапқы құжаттың нөмірі', 'Номер исходного документа', 'Number of the original document'),
  decision: t('Шешім', 'Решение', 'Decision'),
  application: t('Өтініш', 'Заявление', 'Application'),
  receivedAt: t('Қабылданған уақыты (заң бойынша)', 'Принято (юридически)', 'Received (in law)'),
  submittedAt: t('Берілген уақыты', 'Подано', 'Submitted'),
  dueAt: t('Нәтиже берілетін мерзім', 'Срок выдачи результата', 'Result due by'),
  channel: t('Жүгіну арнасы', 'Канал обращения', 'Channel'),
  acceptedBy: t('Қабылдаған', 'Принял', 'Accepted by'),
  grounds: t('Бас тарту негіздері', 'Основания отказа', 'Grounds for refusal'),
  acting: t('м.а.', 'и.о.', 'Acting'),
  actingFor: t('Алмастырады:', 'Замещает:', 'Acting for'),
  groundSource: t('Құқықтық көзі', 'Правовой источник', 'Legal source'),
  appeal: t('Шағымдану тәртібі', 'Порядок обжалования', 'How to appeal'),
  files: t('Қабылданған құжаттар', 'Принятые документы', 'Documents accepted'),
  noFiles: t('жоқ', 'нет', 'none'),
  signer: t('Қол қойған', 'Подписал', 'Signed by'),
  signedElectronically: t('ЭЦҚ-мен қол қойылған', 'Подписано ЭЦП', 'Signed with an electronic digital signature'),
  signedByHand: t('қолы', 'подпись', 'signature'),
  verify: t('Құжаттың түпнұсқалығын тексеру', 'Проверка подлинности документа', 'Verify this document'),
  dataHash: t('Құжат деректерінің SHA-256 (JSON)', 'SHA-256 данных документа (JSON)', 'SHA-256 of the document data (JSON)'),
  unknown: t('анықталмаған', 'не установлено', 'not established'),
  notKnownDue: t('белгісіз: Стандарттың мерзімі анықталмаған', 'неизвестно: срок Стандарта не установлен', 'unknown: the Standard’s term is not established'),
  sample: t(
    'ҮЛГІ — демонстрациялық деректер, заңды күші жоқ',
    'ОБРАЗЕЦ — демонстрационные данные, юридической силы не имеет',
    'SAMPLE — demonstration data, of no legal force',
  ),
  sampleMark: t('ҮЛГІ', 'ОБРАЗЕЦ', 'SAMPLE'),
  page: t('бет', 'стр.', 'page'),
} as const;

/** Marks printed on a licence that was re-registered or duplicated, or on an annex. */
export const MARKS = {
  reissued: t('ҚАЙТА РЕСІМДЕЛДІ', 'ПЕРЕОФОРМЛЕНО', 'RE-REGISTERED'),
  duplicate: t('ТЕЛНҰСҚА', 'ДУБЛИКАТ', 'DUPLICATE'),
  annex: t('ЛИЦЕНЗИЯҒА ҚОСЫМША', 'ПРИЛОЖЕНИЕ К ЛИЦЕНЗИИ', 'ANNEX TO THE LICENCE'),
} as const;

/** Channels in words. */
export const CHANNEL_TITLES = {
  portal: t('«Электрондық үкімет» веб-порталы', 'веб-портал «электронного правительства»', 'the e-government portal'),
  office: t('көрсетілетін қызметті берушінің кеңсесі', 'канцелярия услугодателя', "the provider's office"),
  'state-corporation': t('Мемлекеттік корпорация', 'Государственная корпорация', 'the State Corporation'),
} as const;
