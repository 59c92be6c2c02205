import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalogue } from '../../catalogue/load-catalogue.js';
import type { TLanguage, TRegulation } from '../../core/regulation/schema.js';
import { handbookOf } from '../../documents/handbook/handbook-of.js';
import { procedureText } from '../../documents/handbook/procedure-text.js';
import { CliFailure, type CliIo } from '../cli-io.js';
import { findRegulation } from '../find-regulation.js';

export const handbookHelp = `reglament handbook <id|file.yaml|all> [--variant V] --out DIR [--text] [--lang kk|ru|en] [--json]

Writes the business-process handbook of a regulation, generated from its definition:
DIR/<id>[-<variant>].bpmn (BPMN 2.0 with diagram interchange; any BPMN tool opens it) and .svg.
Without --variant a regulation with variants gets one handbook per variant; "all" does every
service of the catalogue and writes DIR/README.md, an index of them.
  --text   also write the procedure text (п. 5 and п. 8) in Kazakh and Russian: <name>.kk.md, <name>.ru.md
  --lang   language of the names in the diagrams (default kk, the language of the act)
  --json   print the files written`;

/** One handbook written: the service, the variant and the files. */
interface Written {
  readonly service: string;
  readonly variant: string | null;
  readonly title: string;
  readonly files: string[];
}

/** Writes handbooks; resolves to the exit code. */
export async function runHandbook(
  io: CliIo,
  opts: { id: string | undefined; variant?: string; out?: string; text: boolean; lang: TLanguage; json: boolean },
): Promise<number> {
  if (!opts.out) {
    throw new CliFailure({ kk: 'Қалтаны көрсетіңіз: --out DIR', ru: 'Укажите папку: --out DIR', en: 'Give the folder: --out DIR' });
  }
  const all = opts.id === 'all';
  const regulations: TRegulation[] = all ? loadCatalogue().regulations : [findRegulation(opts.id)];
  if (all && opts.variant !== undefined) {
    throw new CliFailure({ kk: '"all" үшін --variant берілмейді.', ru: 'Для "all" --variant не указывается.', en: '--variant does not go with "all".' });
  }
  mkdirSync(opts.out, { recursive: true });
  const written: Written[] = [];
  for (const regulation of regulations) {
    const variants = opts.variant !== undefined ? [opts.variant] : regulation.variants.length > 0 ? regulation.variants.map((v) => v.id) : [undefined];
    for (const variant of variants) {
      const handbook = await handbookOf(regulation, variant, opts.lang);
      if (!handbook.ok) throw new CliFailure(handbook.error);
      const name = variant ? `${regulation.id}-${variant}` : regulation.id;
      const files = [`${name}.bpmn`, `${name}.svg`];
      writeFileSync(join(opts.out, files[0]!), handbook.value.bpmnXml);
      writeFileSync(join(opts.out, files[1]!), handbook.value.svg);
      if (opts.text) {
        for (const lang of ['kk', 'ru'] as const) {
          const file = `${name}.${lang}.md`;
          writeFileSync(join(opts.out, file), procedureText(regulation, variant, lang));
          files.push(file);
        }
      }
      const variantTitle = variant ? regulation.variants.find((v) => v.id === variant)?.title[opts.lang] : undefined;
      written.push({
        service: regulation.id,
        variant: variant ?? null,
        title: variantTitle ? `${regulation.title[opts.lang]} — ${variantTitle}` : regulation.title[opts.lang],
        files,
      });
    }
  }
  if (all) writeFileSync(join(opts.out, 'README.md'), indexOf(written, opts.text));
  if (opts.json) io.out(JSON.stringify({ out: opts.out, handbooks: written }, null, 2));
  else for (const w of written) io.out(w.files.map((f) => join(opts.out!, f)).join('\n'));
  return 0;
}

/** The index of a folder of handbooks, with each drawing shown. */
function indexOf(written: readonly Written[], text: boolean): string {
  const lines = [
    '# Business-process handbooks',
    '',
    'Generated from the regulation definitions in `src/catalogue/regulations/` by',
    `\`reglament handbook all --out docs/handbook${text ? ' --text' : ''}\`; do not edit by hand. Each service has a BPMN 2.0`,
    'file (with diagram interchange: pools per organisation, a lane per role, a task per procedure',
    'of п. 5 with its clause and term, gateways for the decisions, an end event per result) and its',
    'SVG drawing' + (text ? ', and the procedure text of п. 5 and п. 8 in Kazakh and Russian to read against the act.' : '.'),
    '',
  ];
  for (const w of written) {
    const base = w.files[0]!.replace(/\.bpmn$/, '');
    const extra = text ? ` · [kk](${base}.kk.md) · [ru](${base}.ru.md)` : '';
    lines.push(
      `## ${w.title}`,
      '',
      `\`${w.service}\`${w.variant ? ` (${w.variant})` : ''} — [BPMN](${base}.bpmn) · [SVG](${base}.svg)${extra}`,
      '',
      `![${w.service}${w.variant ? ` ${w.variant}` : ''}](${base}.svg)`,
      '',
    );
  }
  return lines.join('\n');
}
