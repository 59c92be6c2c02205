import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { regulationJsonSchema } from '../src/cli/commands/schema.js';

const run = runCli;

describe('reglament timeline', () => {
  it('prints the JSON of worked example 1 exactly', async () => {
    const { code, out } = await run('timeline', 'specialist-certificate', '--submitted', '2026-03-20T17:00:00+05:00', '--json');
    expect(code).toBe(0);
    const t = JSON.parse(out);
    expect(Object.keys(t)).toEqual(['service', 'variant', 'channel', 'submitted', 'receipt', 'steps', 'due']);
    expect(t).toMatchObject({
      service: 'specialist-certificate',
      variant: null,
      channel: 'portal',
      receipt: '2026-03-20T17:00:00+05:00',
      due: '2026-04-01T18:30:00+05:00',
    });
    expect(t.steps.map((s: { due: string }) => s.due)).toEqual([
      '2026-03-26T18:30:00+05:00',
      '2026-03-30T18:30:00+05:00',
      '2026-03-31T18:30:00+05:00',
      '2026-04-01T18:30:00+05:00',
    ]);
    expect(Object.keys(t.steps[0])).toEqual(['id', 'actor', 'term', 'start', 'due']);
  });

  it('explains each due with --explain', async () => {
    const { out } = await run('timeline', 'specialist-certificate', '--submitted', '2026-03-20T17:00:00+05:00', '--json', '--explain', '--lang', 'ru');
    const t = JSON.parse(out);
    expect(t.steps[0].explanation.skipped.map((s: { date: string }) => s.date)).toContain('2026-03-24');
    expect(t.steps[0].explanation.rule).toContain('не учитывается');
  });

  it('refuses an instant without an offset, in the language asked for', async () => {
    const { code, err } = await run('timeline', 'specialist-certificate', '--submitted', '2026-03-20T17:00', '--lang', 'ru');
    expect(code).toBe(2);
    expect(err).toContain('со смещением');
  });

  it('asks for a variant where the service has them, naming them', async () => {
    const { code, err } = await run('timeline', 'organ-tissue-import-export-licence', '--submitted', '2026-05-06T16:00:00+05:00', '--lang', 'en');
    expect(code).toBe(2);
    expect(err).toContain('organs, tissues-blood');
  });

  it('says the leadership signs the licence within the working day (п. 5.5)), in the language asked', async () => {
    const { code, out } = await run(
      'timeline',
      'medical-activity-licence',
      '--variant',
      'issue',
      '--channel',
      'office',
      '--submitted',
      '2026-05-06T10:00:00+05:00',
      '--lang',
      'kk',
    );
    expect(code).toBe(0);
    const row = out.split('\n').find((line) => line.startsWith('leadership-sign '));
    expect(row).toContain('жұмыс күні ішінде');
    expect(out).not.toContain('within_working_day');
    const json = JSON.parse(
      (await run('timeline', 'medical-activity-licence', '--variant', 'issue', '--channel', 'office', '--submitted', '2026-05-06T10:00:00+05:00', '--json'))
        .out,
    );
    expect(json.steps.find((s: { id: string }) => s.id === 'leadership-sign').term).toEqual({ value: 1, unit: 'within_working_day' });
  });

  it('refuses a date that does not exist', async () => {
    const { code, err } = await run('timeline', 'specialist-certificate', '--submitted', '2026-02-30T10:00:00+05:00', '--lang', 'en');
    expect(code).toBe(2);
    expect(err).toContain('--submitted');
  });

  it('rejects a channel the service does not offer', async () => {
    const { code, err } = await run('timeline', 'specialist-certificate', '--channel', 'office', '--submitted', '2026-03-20T17:00:00+05:00', '--lang', 'en');
    expect(code).toBe(2);
    expect(err).toContain('portal');
  });
});

describe('the other commands', () => {
  it('lists the ten services', async () => {
    const { out } = await run('services', '--json');
    expect(JSON.parse(out)).toHaveLength(10);
  });

  it('shows a procedure table in Russian', async () => {
    const { code, out } = await run('show', 'specialist-certificate', '--lang', 'ru');
    expect(code).toBe(0);
    expect(out).toContain('ответственный исполнитель');
    expect(out).toContain('п. 5.2)');
  });

  it('prints the 2026 calendar with its days off and counts', async () => {
    const { out } = await run('calendar', '2026', '--json');
    const c = JSON.parse(out);
    expect(c.daysOff.map((d: { date: string }) => d.date)).toEqual(expect.arrayContaining(['2026-03-24', '2026-03-25', '2026-05-11', '2026-05-27']));
    expect(c.workingDaysPerMonth.reduce((a: number, b: number) => a + b, 0)).toBe(c.workingDays);
    expect(c.workingDaysPerMonth[2]).toBe(18); // March 2026: 22 weekdays less 9, 23, 24 and 25 March
  });

  it('lints the catalogue with exit 0 and a broken file with exit 1', async () => {
    expect((await run('lint', '--quiet')).code).toBe(0);
    const bad = await run('lint', 'test/fixtures/broken-regulation.yaml', '--lang', 'en');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('procedures');
  });

  it('answers an unknown command and a bad option clearly', async () => {
    expect((await run('frobnicate')).code).toBe(2);
    const r = await run('services', '--colour');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--colour');
  });

  it('has --help on every command', async () => {
    for (const c of ['services', 'show', 'timeline', 'calendar', 'lint', 'schema', 'audit']) {
      const { code, out } = await run(c, '--help');
      expect(code).toBe(0);
      expect(out).toContain(`reglament ${c}`);
    }
  });

  it('keeps the committed JSON Schema in step with the zod schema', () => {
    expect(JSON.parse(readFileSync('schema/regulation.schema.json', 'utf8'))).toEqual(regulationJsonSchema());
  });
});

describe('the installed binary', () => {
  it('runs as npx reglament would, from the built package', () => {
    const out = execFileSync(
      process.execPath,
      ['bin/reglament.js', 'timeline', 'gobmp-osms-provider-database', '--submitted', '2026-03-06T18:20:00+05:00', '--json'],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(out).steps[0].due).toBe('2026-03-10T09:05:00+05:00');
  });

  it('exits non-zero on bad input', () => {
    const r = spawnSync(process.execPath, ['bin/reglament.js', 'calendar', 'soon'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('2026');
  });
});
