import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { loadCatalogue } from '../src/catalogue/load-catalogue.js';

const dir = mkdtempSync(join(tmpdir(), 'reglament-handbook-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = promisify(execFile);

describe('reglament handbook', () => {
  it('writes <id>.bpmn and <id>.svg, and the procedure texts with --text', async () => {
    const out = join(dir, 'one');
    const { code, out: printed } = await runCli('handbook', 'specialist-certificate', '--out', out, '--text');
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'specialist-certificate.bpmn',
      'specialist-certificate.kk.md',
      'specialist-certificate.ru.md',
      'specialist-certificate.svg',
    ]);
    expect(printed).toContain(join(out, 'specialist-certificate.svg'));
    expect(readFileSync(join(out, 'specialist-certificate.bpmn'), 'utf8')).toContain('<bpmn:collaboration id="Collaboration_specialist-certificate"');
  });

  it('writes one handbook per variant, or the one asked for', async () => {
    const out = join(dir, 'variants');
    expect((await runCli('handbook', 'medical-activity-licence', '--out', out)).code).toBe(0);
    expect(
      readdirSync(out)
        .filter((f) => f.endsWith('.bpmn'))
        .sort(),
    ).toEqual(['medical-activity-licence-duplicate.bpmn', 'medical-activity-licence-issue.bpmn', 'medical-activity-licence-reissue.bpmn']);
    const one = join(dir, 'variant');
    const { code, out: json } = await runCli('handbook', 'medical-activity-licence', '--variant', 'reissue', '--out', one, '--json', '--lang', 'ru');
    expect(code).toBe(0);
    expect(JSON.parse(json).handbooks).toEqual([
      {
        service: 'medical-activity-licence',
        variant: 'reissue',
        title: expect.stringContaining('переоформление'),
        files: ['medical-activity-licence-reissue.bpmn', 'medical-activity-licence-reissue.svg'],
      },
    ]);
    // --lang names the diagram's elements: the Russian title of the service.
    expect(readFileSync(join(one, 'medical-activity-licence-reissue.bpmn'), 'utf8')).toContain(
      'name="Выдача лицензии, переоформление, выдача дубликатов лицензии на медицинскую деятельность"',
    );
  });

  it('"all" writes every service and an index', async () => {
    const out = join(dir, 'all');
    expect((await runCli('handbook', 'all', '--out', out)).code).toBe(0);
    // One handbook per service and variant of the catalogue.
    const expected = loadCatalogue().regulations.reduce((n, r) => n + Math.max(1, r.variants.length), 0);
    expect(readdirSync(out).filter((f) => f.endsWith('.svg'))).toHaveLength(expected);
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain('![specialist-certificate](specialist-certificate.svg)');
  });

  it('refuses in the asked language: no folder, an unknown variant', async () => {
    const noOut = await runCli('handbook', 'specialist-certificate');
    expect(noOut).toMatchObject({ code: 2, err: 'Қалтаны көрсетіңіз: --out DIR\n' });
    const bad = await runCli('handbook', 'medical-activity-licence', '--variant', 'renewal', '--out', join(dir, 'bad'), '--lang', 'en');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Unknown variant: renewal');
  });
});

describe('reglament sample-document', () => {
  it('renders a sample result PDF, marked as a sample, and prints its data with --json', async () => {
    const file = join(dir, 'certificate.pdf');
    const { code, out } = await runCli(
      'sample-document',
      'specialist-certificate',
      '--kind',
      'result',
      '--out',
      file,
      '--json',
      '--base-url',
      'https://verify.test',
    );
    expect(code).toBe(0);
    const printed = JSON.parse(out);
    expect(printed.document).toMatchObject({ kind: 'certificate', sample: true, verificationUrl: `https://verify.test/verify/${printed.document.number}` });
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    expect(stdout).toContain('ҮЛГІ — демонстрациялық деректер, заңды күші жоқ');
    expect(stdout).toContain(printed.document.number);
  });

  it('renders the refusal and the receipt, in Russian or in both languages', async () => {
    const refusal = join(dir, 'refusal.pdf');
    expect((await runCli('sample-document', 'gobmp-osms-provider-database', '--kind', 'refusal', '--out', refusal, '--lang', 'ru')).code).toBe(0);
    expect((await run('pdftotext', ['-enc', 'UTF-8', refusal, '-'])).stdout).toContain('Основания отказа');
    const receipt = join(dir, 'receipt.pdf');
    expect((await runCli('sample-document', 'foreign-specialist-clinical-practice', '--kind', 'receipt', '--out', receipt, '--both')).code).toBe(0);
    const text = (await run('pdftotext', ['-enc', 'UTF-8', receipt, '-'])).stdout;
    expect(text).toContain('Құжаттарды қабылдау туралы қолхат');
    expect(text).toContain('Расписка о приёме документов');
  });

  it('refuses a missing kind, a missing file and a variant the service lacks', async () => {
    expect(await runCli('sample-document', 'specialist-certificate', '--out', join(dir, 'x.pdf'), '--lang', 'en')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--kind result|refusal|receipt'),
    });
    expect(await runCli('sample-document', 'specialist-certificate', '--kind', 'result')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--out FILE.pdf'),
    });
    const bad = await runCli(
      'sample-document',
      'medical-activity-licence',
      '--kind',
      'result',
      '--variant',
      'renewal',
      '--out',
      join(dir, 'y.pdf'),
      '--lang',
      'ru',
    );
    expect(bad.code).toBe(2);
    expect(existsSync(join(dir, 'y.pdf'))).toBe(false);
  });
});
