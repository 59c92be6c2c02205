import { err, type Result } from '../core/result.js';
import { buildRefusalDocument } from './build-refusal-document.js';
import { buildResultDocument } from './build-result-document.js';
import type { CaseDocumentInput } from './case-document-input.js';
import { DOCUMENT_PROBLEMS, type DocumentProblem } from './document-problem.js';
import type { ResultDocument } from '../core/documents/result-document.js';

/** The document a closed case ended with: its result when positive, its refusal otherwise. */
export function buildCaseDocument(input: CaseDocumentInput): Result<ResultDocument, DocumentProblem> {
  const result = input.state.result;
  if (!result) return err(DOCUMENT_PROBLEMS.noResult);
  return result.positive ? buildResultDocument(input) : buildRefusalDocument(input);
}
