import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { freshSchema, dropSchema, TEST_DATABASE_URL } from './support/test-app.js';

describe('reglament simulate', () => {
  it('completes a refused licence reissue at a public service centre on a fresh SQLite file, audit verified', async () => {
    const { code, out } = await runCli(
      'simulate',
      'medical-activity-licence',
      '--variant',
      'reissue',
      '--channel',
      'state-corporation',
      '--outcome',
      'refused',
      '--json',
    );
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report).toMatchObject({
      service: 'medical-activity-licence',
      variant: 'reissue',
      channel: 'state-corporation',
      status: 'refused',
      auditVerified: true,
    });
    expect(report.result.number).toMatch(/^(REF|RTC|RJN|ARR)-/);
    expect(report.steps[0]).toMatchObject({ id: 'centre-register', actor: 'centre-worker' });
    expect(report.historyEntries).toBeGreaterThan(report.steps.length);
  }, 60_000);

  it('runs on PostgreSQL with --database-url', async () => {
    const schema = freshSchema('sim');
    try {
      process.env.DATABASE_SCHEMA = schema;
      const { code, out } = await runCli('simulate', 'specialist-certificate', '--database-url', TEST_DATABASE_URL, '--json');
      expect(code).toBe(0);
      expect(JSON.parse(out)).toMatchObject({ status: 'satisfied', result: { kind: 'certificate' }, auditVerified: true });
    } finally {
      delete process.env.DATABASE_SCHEMA;
      await dropSchema(schema);
    }
  }, 60_000);

  it('says which variants exist when asked for another', async () => {
    const { code, err } = await runCli('simulate', 'medical-activity-licence', '--variant', 'renewal', '--lang', 'en');
    expect(code).toBe(2);
    expect(err).toContain('No such variant: renewal (known: issue, reissue, duplicate)');
  });
});
