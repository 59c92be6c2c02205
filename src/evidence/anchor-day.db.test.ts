import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadClockSet } from '../catalogue/load-clock.js';
import { GENESIS_HASH } from '../store/audit-chain.js';
import { openStores, type OpenedStores } from '../store/open-stores.js';
import { anchorDay, anchorPendingDay, dayCutoff } from './anchor-day.js';
import { sqlAnchorStore } from './anchor-store.js';
import { verifyAnchors } from './audit-anchor.js';

const TEST_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const zone = loadClockSet().clocks.get('provider-office')!.zone;
const at = (iso: string) => Date.parse(iso);

describe.each(['sqlite', 'postgres'] as const)('daily anchors on %s', (database) => {
  const schema = `t_anchor_${process.pid}_${Date.now()}`;
  let stores: OpenedStores;
  afterAll(async () => {
    await stores?.close();
    if (database === 'postgres') {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  });
  const entry = (caseId: string, seq: number, when: number, hash: string) =>
    stores.db.run('INSERT INTO case_events (case_id, seq, type, at, body, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      caseId,
      seq,
      'x',
      when,
      '{}',
      'p',
      hash,
    ]);

  it('ends a day at local midnight, anchors only finished days in order, and detects a changed head', async () => {
    stores = await openStores(
      database === 'sqlite' ? { sqliteFile: join(mkdtempSync(join(tmpdir(), 'reglament-anchor-')), 'a.db') } : { postgresUrl: TEST_DATABASE_URL, schema },
    );
    const store = sqlAnchorStore(stores.db);
    expect(dayCutoff(zone, '2024-10-08')).toBe(at('2024-10-09T00:00:00+05:00'));
    await entry('A', 1, at('2024-10-08T09:00:00+05:00'), 'a1');
    await entry('A', 2, at('2024-10-08T23:59:59+05:00'), 'a2');
    await entry('A', 3, at('2024-10-09T00:00:00+05:00'), 'a3');
    await entry('B', 1, at('2024-10-09T10:00:00+05:00'), 'b1');

    expect(await store.headsAt(at('2024-10-09T00:00:00+05:00'))).toEqual([{ caseId: 'A', seq: 2, hash: 'a2' }]);
    const early = await anchorDay(store, zone, '2024-10-09', at('2024-10-09T23:00:00+05:00'));
    expect(early).toMatchObject({ ok: false, error: { code: 'day-not-over' } });
    const first = await anchorDay(store, zone, '2024-10-08', at('2024-10-10T12:00:00+05:00'));
    expect(first).toMatchObject({ ok: true, value: { day: '2024-10-08', cases: 1, prevHash: GENESIS_HASH } });
    expect(await anchorDay(store, zone, '2024-10-07', at('2024-10-10T12:00:00+05:00'))).toMatchObject({
      ok: false,
      error: { code: 'already-anchored', last: '2024-10-08' },
    });
    // The server's timer anchors yesterday once the grace after midnight has passed, and only once.
    const pending = await anchorPendingDay(store, zone, at('2024-10-10T00:30:00+05:00'));
    expect(pending).toMatchObject({ day: '2024-10-09', cases: 2, prevHash: first.ok ? first.value.hash : '' });
    expect(await anchorPendingDay(store, zone, at('2024-10-10T00:40:00+05:00'))).toBeUndefined();

    expect(await verifyAnchors(await store.all(), store.headsAt)).toEqual({ ok: true, anchors: 2 });
    await stores.db.run("UPDATE case_events SET hash = 'forged' WHERE case_id = 'B'");
    expect(await verifyAnchors(await store.all(), store.headsAt)).toMatchObject({ ok: false, day: '2024-10-09' });
  });
});
