import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/app/seed-demo-data.js';
import { submitApplication } from '../../src/app/submit-application.js';
import { anchorDay } from '../../src/evidence/anchor-day.js';
import { sqlAnchorStore } from '../../src/evidence/anchor-store.js';
import { verifyAnchors } from '../../src/evidence/audit-anchor.js';
import { loadClockSet } from '../../src/catalogue/load-clock.js';
import { wireApp, type Wired } from '../../src/compose/wire-app.js';
import { verifyChain } from '../../src/store/audit-chain.js';
import { openStores, type OpenedStores } from '../../src/store/open-stores.js';
import { runCli } from '../run-cli.js';
import { dropSchema, freshSchema, TEST_DATABASE_URL } from '../support/test-app.js';

const zone = loadClockSet().clocks.get('provider-office')!.zone;
const DAY = '2024-10-08';

/** Submits applications of the demo applicant, one per tick of the clock. */
async function fill(wired: Wired, count: number) {
  const askar = { user: (await wired.deps.stores.identity.userById('doctor.askar'))!, posts: [] };
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const submitted = await submitApplication(wired.deps, askar, {
      service: 'specialist-certificate',
      channel: 'portal',
      providerOfficeId: 'committee-astana',
    });
    if (!submitted.ok) throw new Error(submitted.error.message.en);
    ids.push(submitted.value.id);
  }
  return ids;
}

/** Every chain and every anchor of a database, verified. */
async function verifyAll(stores: OpenedStores) {
  const ids = await stores.cases.caseIds();
  const broken = [];
  for (const id of ids) if (!verifyChain(await stores.cases.history(id)).ok) broken.push(id);
  const anchors = sqlAnchorStore(stores.db);
  return { cases: ids.length, broken, anchors: await verifyAnchors(await anchors.all(), anchors.headsAt) };
}

describe('backup and restore of the embedded database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reglament-backup-'));
  const file = join(dir, 'live.db');
  let wired: Wired;
  let now = Date.parse(`${DAY}T10:00:00+05:00`);

  beforeAll(async () => {
    wired = await wireApp({ database: { sqliteFile: file }, now: () => (now += 1000) });
    await seedDemoData(wired.deps);
    await fill(wired, 5);
    expect((await anchorDay(sqlAnchorStore(wired.deps.stores.db), zone, DAY, Date.parse('2024-10-10T00:00:00+05:00'))).ok).toBe(true);
    // Later entries come after the anchored day, as they do in life.
    now = Date.parse('2024-10-10T12:00:00+05:00');
  }, 60_000);
  afterAll(async () => wired?.close());

  it('backs up while the server writes, restores into a new place, and verifies every chain and anchor', async () => {
    // Writes go on during the backup: the copy is one consistent state, whichever it catches.
    const writing = fill(wired, 10);
    const backup = await runCli('backup', '--out', join(dir, 'copy.db'), '--database', file, '--json');
    await writing;
    expect(backup.code, backup.err).toBe(0);
    const report = JSON.parse(backup.out) as { cases: number; historyEntries: number; sha256: string };
    expect(report.cases).toBeGreaterThanOrEqual(5);
    expect(report.historyEntries).toBe(report.cases);

    const target = join(dir, 'restored', 'reglament.db');
    const restored = await runCli('restore', join(dir, 'copy.db'), '--database', target, '--json');
    expect(restored.code, restored.out + restored.err).toBe(0);
    expect(JSON.parse(restored.out)).toEqual({ target, cases: report.cases, brokenChains: 0, anchorsIntact: true });
    const audit = await runCli('audit', 'verify', '--database', target);
    expect(audit.code).toBe(0);
    expect(audit.out).toContain(`${report.cases} case(s), 0 broken`);
    expect(audit.out).toContain('1 daily anchor(s) intact');

    const again = await runCli('restore', join(dir, 'copy.db'), '--database', target, '--lang', 'en');
    expect(again.code).toBe(2);
    expect(again.err).toContain('The target database exists');
  });

  it('refuses to leave a restore whose chains do not verify', async () => {
    const forged = join(dir, 'forged.db');
    copyFileSync(join(dir, 'copy.db'), forged);
    const db = new Database(forged);
    db.prepare("UPDATE case_events SET body = json_set(body, '$.channel', 'office') WHERE seq = 1 AND case_id = (SELECT MIN(case_id) FROM case_events)").run();
    db.close();
    const target = join(dir, 'forged-restore.db');
    const restored = await runCli('restore', forged, '--database', target, '--json');
    expect(restored.code).toBe(1);
    expect(JSON.parse(restored.out)).toMatchObject({ brokenChains: 1 });
    expect(existsSync(target)).toBe(false);
  });
});

describe('backup and restore of PostgreSQL with pg_dump and pg_restore (docs/deployment.md)', () => {
  const schema = freshSchema('bak');
  const restoredDatabase = `reglament_restore_${process.pid}_${Date.now()}`;
  const admin = () => new pg.Client({ connectionString: TEST_DATABASE_URL });

  afterAll(async () => {
    await dropSchema(schema);
    const client = admin();
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${restoredDatabase}`);
    await client.end();
  });

  it('restores a dump into a new database where every chain and anchor verifies', async () => {
    let now = Date.parse(`${DAY}T10:00:00+05:00`);
    const wired = await wireApp({ database: { postgresUrl: TEST_DATABASE_URL, schema }, now: () => (now += 1000) });
    try {
      await seedDemoData(wired.deps);
      await fill(wired, 4);
      expect((await anchorDay(sqlAnchorStore(wired.deps.stores.db), zone, DAY, Date.parse('2024-10-10T00:00:00+05:00'))).ok).toBe(true);
    } finally {
      await wired.close();
    }
    const dump = join(mkdtempSync(join(tmpdir(), 'reglament-pgdump-')), 'reglament.dump');
    execFileSync('pg_dump', ['--format=custom', `--schema=${schema}`, `--file=${dump}`, TEST_DATABASE_URL]);
    const client = admin();
    await client.connect();
    await client.query(`CREATE DATABASE ${restoredDatabase}`);
    await client.end();
    const restoredUrl = TEST_DATABASE_URL.replace(/\/[^/]*$/, `/${restoredDatabase}`);
    execFileSync('pg_restore', ['--no-owner', `--dbname=${restoredUrl}`, dump]);

    const stores = await openStores({ postgresUrl: restoredUrl, schema });
    try {
      expect(await verifyAll(stores)).toEqual({ cases: 4, broken: [], anchors: { ok: true, anchors: 1 } });
    } finally {
      await stores.close();
    }
  });
});
