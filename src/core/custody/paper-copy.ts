import type { CaseState } from '../engine/case-model.js';
import { rejection, type CaseRejection } from '../engine/case-rejection.js';

/** Why the paper copy of a case's result cannot be certified now, if it cannot. */
export function paperCopyRefusal(state: CaseState, certifier: string | undefined): CaseRejection | undefined {
  if (certifier === undefined || !state.resultOnPaper) {
    return rejection(
      'wrong-state',
      'Өтініш беруші нәтижені қағаз тасығышта сұраған жоқ.',
      'Заявитель не просил выдать результат на бумажном носителе.',
      'The applicant did not ask for the result on paper.',
    );
  }
  if (!state.result?.positive) {
    return rejection(
      'wrong-state',
      'Қағаз көшірме берілген нәтижеге ғана расталады.',
      'Бумажная копия заверяется только для выданного результата.',
      'A paper copy is certified only for a result that was issued.',
    );
  }
  if (state.paperCopy) {
    return rejection('wrong-state', 'Қағаз көшірме расталған.', 'Бумажная копия уже заверена.', 'The paper copy is already certified.');
  }
  return undefined;
}
