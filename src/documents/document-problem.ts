import type { TText } from '../core/regulation/schema.js';

/** Stable codes of a document that cannot be built from a case. */
export const DOCUMENT_PROBLEM_CODES = ['no-result', 'not-a-positive-result', 'not-a-refusal', 'wrong-service', 'no-receipt'] as const;
export type DocumentProblemCode = (typeof DOCUMENT_PROBLEM_CODES)[number];

/** Why a document could not be built, in words a person can read. */
export interface DocumentProblem {
  readonly code: DocumentProblemCode;
  readonly message: TText;
}

const problem = (code: DocumentProblemCode, kk: string, ru: string, en: string): DocumentProblem => ({ code, message: { kk, ru, en } });

/** The problems, one per code. */
export const DOCUMENT_PROBLEMS = {
  noResult: problem('no-result', 'Іс бойынша нәтиже әлі берілген жоқ.', 'Результат по делу ещё не выдан.', 'No result has been issued on this case yet.'),
  notPositive: problem(
    'not-a-positive-result',
    'Іс бас тартумен аяқталды: нәтиже құжаты жоқ, бас тарту хатын сұраңыз.',
    'Дело завершено отказом: документа-результата нет, запросите письмо об отказе.',
    'The case ended in a refusal: there is no result document; ask for the refusal letter.',
  ),
  notRefusal: problem('not-a-refusal', 'Іс бойынша бас тарту жоқ.', 'По делу нет отказа.', 'The case was not refused.'),
  wrongService: problem(
    'wrong-service',
    'Іс басқа мемлекеттік көрсетілетін қызметке жатады.',
    'Дело относится к другой государственной услуге.',
    'The case belongs to another state service.',
  ),
  noReceipt: problem(
    'no-receipt',
    'Бұл іс бойынша қолхат берілмейді: өтініш қабылдаудан бас тартылды.',
    'Расписка о приёме по делу не выдаётся: в приёме заявления отказано.',
    'No receipt of acceptance for this case: the application was not accepted.',
  ),
} as const;
