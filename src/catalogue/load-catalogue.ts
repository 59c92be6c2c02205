import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseRegulation, type DefinitionProblem } from '../core/regulation/parse-regulation.js';
import type { TRegulation } from '../core/regulation/schema.js';
import { REGULATIONS_DIR } from './catalogue-paths.js';

/** A definition file that failed to parse, with its problems. */
export interface BrokenDefinition {
  readonly file: string;
  readonly problems: DefinitionProblem[];
}

/** The regulations of a catalogue folder, and the files that did not parse. */
export interface Catalogue {
  readonly regulations: TRegulation[];
  readonly broken: BrokenDefinition[];
}

/** Reads every `*.yaml` definition of a folder (the bundled catalogue by default). */
export function loadCatalogue(dir: string = REGULATIONS_DIR): Catalogue {
  const regulations: TRegulation[] = [];
  const broken: BrokenDefinition[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .sort()) {
    const file = join(dir, name);
    const parsed = parseRegulation(readFileSync(file, 'utf8'));
    if (parsed.ok) regulations.push(parsed.value);
    else broken.push({ file, problems: parsed.error });
  }
  return { regulations, broken };
}

/** Reads one definition file. */
export function loadRegulationFile(file: string): { regulation?: TRegulation; broken?: BrokenDefinition } {
  const parsed = parseRegulation(readFileSync(file, 'utf8'));
  return parsed.ok ? { regulation: parsed.value } : { broken: { file: basename(file), problems: parsed.error } };
}
