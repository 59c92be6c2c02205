import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { ZRegulation } from '../../core/regulation/schema.js';
import type { CliIo } from '../cli-io.js';

export const schemaHelp = `reglament schema [--out FILE]

Prints (or writes) the JSON Schema of the regulation definition format, for editors.`;

/** The JSON Schema generated from the zod schema. */
export function regulationJsonSchema(): object {
  return { $id: 'https://reglament.kz/schema/regulation.schema.json', ...z.toJSONSchema(ZRegulation, { io: 'input' }) };
}

/** Prints or writes the JSON Schema. */
export function runSchema(io: CliIo, opts: { out?: string }): number {
  const text = `${JSON.stringify(regulationJsonSchema(), null, 2)}\n`;
  if (opts.out) writeFileSync(opts.out, text);
  else io.out(text);
  return 0;
}
