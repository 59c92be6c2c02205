import { writeFileSync } from 'node:fs';
import { loadClockSet } from '../../catalogue/load-clock.js';
import { loadDirectory } from '../../catalogue/load-directory.js';
import { CHANNELS, type TChannel, type TLanguage } from '../../core/regulation/schema.js';
import { buildCaseDocument } from '../../documents/build-case-document.js';
import { buildReceiptDocument } from '../../documents/build-receipt-document.js';
import { canonicalDocumentJson } from '../../documents/canonical-document-json.js';
import { renderDocumentPdf } from '../../documents/pdf/render-document-pdf.js';
import { sampleApplicant } from '../../documents/sample/sample-applicant.js';
import { sampleCase, type SampleKind } from '../../documents/sample/sample-case.js';
import { loadSimulatorSeed } from '../../gateway/simulator/simulator-seed.js';
import { CliFailure, type CliIo } from '../cli-io.js';
import { findRegulation } from '../find-regulation.js';
import { parseIsoInstant } from '../../core/clock/iso-instant.js';

export const sampleDocumentHelp = `reglament sample-document <id> [--variant V] [--channel C] --kind result|refusal|receipt --out FILE.pdf
                          [--lang kk|ru|en] [--both] [--base-url URL] [--submitted ISO] [--json]

Renders a document of a demonstration case: the case runs through the real engine with the demo
staff of the directory, and the PDF is marked on every page as a sample of no legal force.
  --kind      result: the result of the planned path; refusal: the refusal letter
              (the Fund's rejection notice for service 6, the receipt refusing acceptance at a
              centre for service 10 with --channel state-corporation); receipt: the receipt of
              the documents accepted
  --lang      language of the document (default kk); --both prints Kazakh then Russian
  --base-url  the public address the QR code's verification URL starts with (default http://localhost:3000)
  --json      also print the machine-readable document (canonical JSON)`;

const KINDS: readonly SampleKind[] = ['result', 'refusal', 'receipt'];

/** Renders a sample document to a PDF file; resolves to the exit code. */
export async function runSampleDocument(
  io: CliIo,
  opts: {
    id: string | undefined;
    variant?: string;
    channel?: string;
    kind?: string;
    out?: string;
    lang: TLanguage;
    both: boolean;
    baseUrl?: string;
    submitted?: string;
    json: boolean;
  },
): Promise<number> {
  const regulation = findRegulation(opts.id);
  if (!opts.kind || !(KINDS as readonly string[]).includes(opts.kind)) {
    throw new CliFailure({
      kk: 'Құжат түрін көрсетіңіз: --kind result|refusal|receipt',
      ru: 'Укажите вид документа: --kind result|refusal|receipt',
      en: 'Give the kind of document: --kind result|refusal|receipt',
    });
  }
  if (!opts.out) throw new CliFailure({ kk: 'Файлды көрсетіңіз: --out FILE.pdf', ru: 'Укажите файл: --out FILE.pdf', en: 'Give the file: --out FILE.pdf' });
  if (opts.channel !== undefined && !(CHANNELS as readonly string[]).includes(opts.channel)) {
    throw new CliFailure({ kk: `Белгісіз арна: ${opts.channel}`, ru: `Неизвестный канал: ${opts.channel}`, en: `Unknown channel: ${opts.channel}` });
  }
  const submittedAt = parseIsoInstant(opts.submitted ?? '2026-03-16T10:00:00+05:00');
  if (submittedAt === undefined) {
    throw new CliFailure({ kk: `Уақыт дұрыс емес: ${opts.submitted}`, ru: `Неверное время: ${opts.submitted}`, en: `Not a time: ${opts.submitted}` });
  }
  const directory = loadDirectory();
  const clocks = loadClockSet();
  const applicant = sampleApplicant(regulation, directory, loadSimulatorSeed().legalEntities);
  if (!applicant) throw new CliFailure({ kk: 'Демо өтініш беруші жоқ.', ru: 'Нет демонстрационного заявителя.', en: 'No demo applicant fits this service.' });
  const kind = opts.kind as SampleKind;
  const sample = sampleCase({
    regulation,
    directory,
    clockFor: clocks.clockFor,
    kind,
    variant: opts.variant,
    channel: opts.channel as TChannel | undefined,
    applicant,
    submittedAt,
  });
  if (!sample.ok) throw new CliFailure(sample.error);
  const input = {
    ...sample.value,
    regulation,
    directory,
    zone: clocks.clockFor('provider').zone,
    baseUrl: opts.baseUrl ?? 'http://localhost:3000',
    sample: true,
  };
  const doc = kind === 'receipt' ? buildReceiptDocument(input) : buildCaseDocument(input);
  if (!doc.ok) throw new CliFailure(doc.error.message);
  writeFileSync(opts.out, await renderDocumentPdf(doc.value, opts.both ? 'kk+ru' : opts.lang));
  if (opts.json) io.out(JSON.stringify({ out: opts.out, document: JSON.parse(canonicalDocumentJson(doc.value)) }, null, 2));
  else io.out(`${opts.out}: ${doc.value.title[opts.lang]} № ${doc.value.number}`);
  return 0;
}
