import { parse as parseYaml, YAMLParseError } from 'yaml';
import { err, ok, type Result } from '../result.js';
import { ZRegulation, type TRegulation } from './schema.js';

/** A place in a definition that does not fit the format, with a message for the analyst. */
export interface DefinitionProblem {
  readonly path: string;
  readonly message: string;
}

/** Parses a regulation definition from YAML text and validates it against the schema. */
export function parseRegulation(yamlText: string): Result<TRegulation, DefinitionProblem[]> {
  let data: unknown;
  try {
    data = parseYaml(yamlText, { prettyErrors: true });
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const line = e.linePos?.[0];
      return err([{ path: line ? `line ${line.line}:${line.col}` : '', message: e.message }]);
    }
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
