import { parse as parseYaml, YAMLParseError } from 'yaml';
import { err, ok, type Result } from '../result.js';
import { ZRegulation, type TRegulation } from './schema.js';

/** A place in a definition that does not fit the format, with a message for the analyst. */
export interface DefinitionProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * The largest definition text read: five times the largest regulation of the catalogue. The YAML
 * parser slows down sharply on documents with tens of thousands of entries, so a hostile file is
 * refused by its size before it is parsed.
 */
export const MAX_DEFINITION_CHARS = 256 * 1024;
/** The most lines a definition text may have (the largest of the catalogue has under 800). */
export const MAX_DEFINITION_LINES = 5000;

/** Parses a regulation definition from YAML text and validates it against the schema. */
export function parseRegulation(yamlText: string): Result<TRegulation, DefinitionProblem[]> {
  let lines = 1;
  for (let i = yamlText.indexOf('\n'); i >= 0 && lines <= MAX_DEFINITION_LINES; i = yamlText.indexOf('\n', i + 1)) lines++;
  if (yamlText.length > MAX_DEFINITION_CHARS || lines > MAX_DEFINITION_LINES) {
    return err([{ path: '', message: `the definition is larger than ${MAX_DEFINITION_CHARS} characters or ${MAX_DEFINITION_LINES} lines` }]);
  }
  let data: unknown;
  try {
    data = parseYaml(yamlText, { prettyErrors: true, logLevel: 'error' });
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const line = e.linePos?.[0];
      return err([{ path: line ? `line ${line.line}:${line.col}` : '', message: e.message }]);
    }
    // The parser also throws plain errors: an alias with no anchor, an alias bomb. Bad text, not a bug.
    if (e instanceof Error) return err([{ path: '', message: e.message }]);
    throw e;
  }
  const parsed = ZRegulation.safeParse(data);
  if (!parsed.success) {
    return err(
      parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      })),
    );
  }
  return ok(parsed.data);
}
