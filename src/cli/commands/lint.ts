import { loadCatalogue } from '../../catalogue/load-catalogue.js';
import { lintRegulation, type LintFinding } from '../../core/regulation/lint-regulation.js';
import type { TLanguage, TRegulation } from '../../core/regulation/schema.js';
import type { CliIo } from '../cli-io.js';
import { findRegulation } from '../find-regulation.js';

export const lintHelp = `reglament lint [id|file.yaml] [--lang kk|ru|en] [--json] [--quiet]

Checks definitions (the whole catalogue when none is named) for what a legal analyst wants to
know: unreachable or dead-end procedures, actors not in the roles list, outcomes leading
nowhere, п. 5 and п. 8 disagreeing, a declared total term differing from the procedures' sum,
editions effective before their act was registered.
Exit code 1 when an error-level finding exists; warnings are findings about the act itself.
  --quiet  leave out info-level findings`;

/** Lints one definition or the catalogue. */
export function runLint(io: CliIo, opts: { id: string | undefined; lang: TLanguage; json: boolean; quiet: boolean }): number {
  const catalogue = opts.id ? undefined : loadCatalogue();
  const regulations: TRegulation[] = catalogue ? catalogue.regulations : [findRegulation(opts.id)];
  const keep = (f: LintFinding) => !opts.quiet || f.severity !== 'info';
  const report = regulations.map((r) => ({ id: r.id, findings: lintRegulation(r).filter(keep) }));
  const broken = catalogue?.broken ?? [];
  const errors = report.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0) + broken.length;
  if (opts.json) {
    io.out(JSON.stringify({ regulations: report, broken }, null, 2));
  } else {
    for (const b of broken) io.out(`${b.file}\n${b.problems.map((p) => `  error  ${p.path}: ${p.message}`).join('\n')}`);
    for (const r of report) {
      io.out(r.findings.length === 0 ? `${r.id}: clean` : `${r.id}:`);
      for (const f of r.findings) io.out(`  ${f.severity.padEnd(7)} ${f.code}  [${f.where}]  ${f.message[opts.lang]}`);
    }
  }
  return errors > 0 ? 1 : 0;
}
