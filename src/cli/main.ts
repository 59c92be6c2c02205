import { parseArgs } from 'node:util';
import { auditHelp, runAudit } from './commands/audit.js';
import { certInfoHelp, runCertInfo, SIGNATURE_COMMAND_OPTIONS, signatureOptionsOf } from './commands/cert-info.js';
import { runVerify, verifyHelp } from './commands/verify.js';
import { backupHelp, runBackup } from './commands/backup.js';
import { exportCaseHelp, runExportCase } from './commands/export-case.js';
import { restoreHelp, runRestore } from './commands/restore.js';
import { calendarHelp, runCalendar } from './commands/calendar.js';
import { gatewaySimHelp, runGatewaySim } from './commands/gateway-sim.js';
import { handbookHelp, runHandbook } from './commands/handbook.js';
import { lintHelp, runLint } from './commands/lint.js';
import { runSampleDocument, sampleDocumentHelp } from './commands/sample-document.js';
import { runSchema, schemaHelp } from './commands/schema.js';
import { runServices, servicesHelp } from './commands/services.js';
import { runShow, showHelp } from './commands/show.js';
import { runSimulate, simulateHelp } from './commands/simulate.js';
import { runTimeline, timelineHelp } from './commands/timeline.js';
import { CliFailure, languageOf, processIo, type CliIo } from './cli-io.js';
import { dutiesHelp, runDuties } from './commands/duties.js';

const HELP = `reglament — Kazakhstan's state-service regulations as code

Commands:
  services   the catalogue, one line per service
  duties     who does what: performer, who names the executor, agrees, signs (Markdown)
  show       one regulation as a procedure table
  timeline   the planned timeline of an application, with --explain
  calendar   the working calendar of a year
  lint       check definitions for inconsistencies
  schema     the JSON Schema of the definition format
  audit      verify the hash chains of case files and the daily anchors; anchor a day
  export-case  a self-contained case file with an offline verifier
  backup     copy the SQLite database while the server runs
  restore    restore a backup and verify every audit chain
  simulate   run one whole case through the engine, the API and a database
  gateway-sim  run the e-government gateway simulator (fictional demo data)
  handbook   the business-process handbook of a regulation: BPMN 2.0 and SVG
  sample-document  a result, refusal or receipt PDF of a demonstration case
  cert-info  a certificate's holder, key usage and checks at an instant
  verify     verify a signed document (CMS or XML-DSig), signer by signer

Run "reglament <command> --help" for its options. Every command takes --json and --lang kk|ru|en.`;

const COMMANDS: Record<string, { help: string; options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> }> = {
  services: { help: servicesHelp, options: {} },
  duties: { help: dutiesHelp, options: {} },
  show: { help: showHelp, options: {} },
  timeline: {
    help: timelineHelp,
    options: { submitted: { type: 'string' }, variant: { type: 'string' }, channel: { type: 'string' }, explain: { type: 'boolean' } },
  },
  calendar: { help: calendarHelp, options: { file: { type: 'string' } } },
  lint: { help: lintHelp, options: { quiet: { type: 'boolean' } } },
  schema: { help: schemaHelp, options: { out: { type: 'string' } } },
  audit: { help: auditHelp, options: { case: { type: 'string' }, database: { type: 'string' }, date: { type: 'string' } } },
  'export-case': { help: exportCaseHelp, options: { out: { type: 'string' }, database: { type: 'string' } } },
  backup: { help: backupHelp, options: { out: { type: 'string' }, database: { type: 'string' } } },
  restore: { help: restoreHelp, options: { database: { type: 'string' } } },
  simulate: {
    help: simulateHelp,
    options: { variant: { type: 'string' }, channel: { type: 'string' }, outcome: { type: 'string' }, 'database-url': { type: 'string' } },
  },
  'gateway-sim': { help: gatewaySimHelp, options: { port: { type: 'string' }, host: { type: 'string' } } },
  handbook: { help: handbookHelp, options: { variant: { type: 'string' }, out: { type: 'string' }, text: { type: 'boolean' } } },
  'sample-document': {
    help: sampleDocumentHelp,
    options: {
      variant: { type: 'string' },
      channel: { type: 'string' },
      kind: { type: 'string' },
      out: { type: 'string' },
      both: { type: 'boolean' },
      'base-url': { type: 'string' },
      submitted: { type: 'string' },
    },
  },
  'cert-info': { help: certInfoHelp, options: SIGNATURE_COMMAND_OPTIONS['cert-info'] },
  verify: { help: verifyHelp, options: SIGNATURE_COMMAND_OPTIONS.verify },
};

/** Runs the CLI with arguments (without the node and script paths); resolves to the exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(HELP);
    return command ? 0 : 2;
  }
  const spec = COMMANDS[command];
  let lang = languageOf(undefined);
  try {
    if (!spec) {
      throw new CliFailure({
        kk: `Белгісіз команда: ${command}. Тізімі: reglament --help`,
        ru: `Неизвестная команда: ${command}. Список: reglament --help`,
        en: `Unknown command: ${command}. See: reglament --help`,
      });
    }
    let parsed;
    try {
      parsed = parseArgs({
        args: rest,
        allowPositionals: true,
        strict: true,
        options: { ...spec.options, json: { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      });
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new CliFailure({
        kk: `${why}\nАнықтама: reglament ${command} --help`,
        ru: `${why}\nСправка: reglament ${command} --help`,
        en: `${why}\nSee: reglament ${command} --help`,
      });
    }
    const v = parsed.values as Record<string, string | boolean | undefined>;
    lang = languageOf(v.lang as string | undefined);
    if (v.help) {
      io.out(spec.help);
      return 0;
    }
    const json = Boolean(v.json);
    const [first] = parsed.positionals;
    switch (command) {
      case 'services':
        return runServices(io, { json });
      case 'duties':
        return runDuties(io, { lang });
      case 'show':
        return runShow(io, { id: first, lang, json });
      case 'timeline':
        return runTimeline(io, {
          id: first,
          submitted: v.submitted as string | undefined,
          ...(v.variant !== undefined ? { variant: v.variant as string } : {}),
          ...(v.channel !== undefined ? { channel: v.channel as string } : {}),
          explain: Boolean(v.explain),
          json,
          lang,
        });
      case 'calendar':
        return runCalendar(io, { year: first, ...(v.file ? { file: v.file as string } : {}), lang, json });
      case 'lint':
        return runLint(io, { id: first, lang, json, quiet: Boolean(v.quiet) });
      case 'audit':
        return await runAudit(io, {
          action: first,
          ...(v.case !== undefined ? { caseId: v.case as string } : {}),
          ...(v.database !== undefined ? { database: v.database as string } : {}),
          ...(v.date !== undefined ? { date: v.date as string } : {}),
          json,
          lang,
        });
      case 'export-case':
        return await runExportCase(io, {
          caseId: first,
          out: v.out as string | undefined,
          ...(v.database !== undefined ? { database: v.database as string } : {}),
          json,
          lang,
        });
      case 'backup':
        return await runBackup(io, { out: v.out as string | undefined, ...(v.database !== undefined ? { database: v.database as string } : {}), json, lang });
      case 'restore':
        return await runRestore(io, { file: first, ...(v.database !== undefined ? { database: v.database as string } : {}), json, lang });
      case 'simulate':
        return await runSimulate(io, {
          id: first,
          ...(v.variant !== undefined ? { variant: v.variant as string } : {}),
          ...(v.channel !== undefined ? { channel: v.channel as string } : {}),
          ...(v.outcome !== undefined ? { outcome: v.outcome as string } : {}),
          ...(v['database-url'] !== undefined ? { databaseUrl: v['database-url'] as string } : {}),
          json,
          lang,
        });
      case 'gateway-sim':
        return await runGatewaySim(io, {
          ...(v.port !== undefined ? { port: v.port as string } : {}),
          ...(v.host !== undefined ? { host: v.host as string } : {}),
          json,
          lang,
        });
      case 'handbook':
        return await runHandbook(io, {
          id: first,
          ...(v.variant !== undefined ? { variant: v.variant as string } : {}),
          ...(v.out !== undefined ? { out: v.out as string } : {}),
          text: Boolean(v.text),
          lang,
          json,
        });
      case 'sample-document':
        return await runSampleDocument(io, {
          id: first,
          ...(v.variant !== undefined ? { variant: v.variant as string } : {}),
          ...(v.channel !== undefined ? { channel: v.channel as string } : {}),
          ...(v.kind !== undefined ? { kind: v.kind as string } : {}),
          ...(v.out !== undefined ? { out: v.out as string } : {}),
          ...(v['base-url'] !== undefined ? { baseUrl: v['base-url'] as string } : {}),
          ...(v.submitted !== undefined ? { submitted: v.submitted as string } : {}),
          both: Boolean(v.both),
          lang,
          json,
        });
      case 'cert-info':
        return await runCertInfo(io, { file: first, ...signatureOptionsOf(v), json, lang });
      case 'verify':
        return await runVerify(io, { file: first, ...signatureOptionsOf(v), json, lang });
      default:
        return runSchema(io, v.out ? { out: v.out as string } : {});
    }
  } catch (e) {
    if (e instanceof CliFailure) {
      io.err(e.message[lang]);
      return e.exitCode;
    }
    throw e;
  }
}
