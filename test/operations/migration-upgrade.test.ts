import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { chainEvents, GENESIS_HASH, verifyChain } from '../../src/store/audit-chain.js';
import { openStores, type OpenedStores } from '../../src/store/open-stores.js';
import { POSTGRES_MIGRATIONS } from '../../src/store/postgres/postgres-migrations.js';
import { SQLITE_MIGRATIONS } from '../../src/store/sqlite/sqlite-migrations.js';
import { dropSchema, freshSchema, TEST_DATABASE_URL } from '../support/test-app.js';

/** A history written by the version of the product that had only migrations 1 and 2. */
const OLD_EVENTS = chainEvents('OLD-1', 0, GENESIS_HASH, [
  { type: 'withdrawn', at: Date.parse('2025-01-15T10:00:00+05:00'), by: 'doctor.askar' } as never,
  { type: 'withdrawn', at: Date.parse('2025-01-15T11:00:00+05:00'), by: 'doctor.askar' } as never,
]);
const OLD_ROWS = OLD_EVENTS.map((e) => [e.caseId, e.seq, e.event.type, e.event.at, JSON.stringify(e.event), e.prevHash, e.hash] as const);
const INSERT_EVENT = 'INSERT INTO case_events (case_id, seq, type, at, body, prev_hash, hash) VALUES ';
/** An API token issued by that version: no id, no expiry. */
const OLD_TOKEN_CREATED = Date.parse('2025-01-10T10:00:00+05:00');
const OLD_TOKEN = ['a'.repeat(64), 'doctor.askar', 'old integration', OLD_TOKEN_CREATED] as const;
const INSERT_TOKEN = 'INSERT INTO api_tokens (token_hash, user_id, name, created_at) VALUES ';

/** After an upgrade: every migration recorded once, the old history intact, the new tables usable. */
async function expectUpgraded(stores: OpenedStores, expected: number) {
  const versions = (await stores.db.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((r) => Number(r.version));
  expect(versions).toEqual(Array.from({ length: expected }, (_, i) => i + 1));
  expect(verifyChain(await stores.cases.history('OLD-1'))).toEqual({ ok: true, entries: 2 });
  expect(await stores.db.all('SELECT day FROM audit_anchors')).toEqual([]);
  // The old token got an id and expires 90 days after it was made.
  const DAY = 24 * 60 * 60 * 1000;
  expect(await stores.identity.apiTokenUser(OLD_TOKEN[0], OLD_TOKEN_CREATED + 90 * DAY - 1)).toBe('doctor.askar');
  expect(await stores.identity.apiTokenUser(OLD_TOKEN[0], OLD_TOKEN_CREATED + 90 * DAY)).toBeUndefined();
  expect((await stores.identity.liveApiTokensOf('doctor.askar', OLD_TOKEN_CREATED)).map((t) => [t.id.startsWith('tok_'), t.name, t.expiresAt])).toEqual([
    [true, 'old integration', OLD_TOKEN_CREATED + 90 * DAY],
  ]);
}

describe('upgrading a database made with migrations 1 and 2 only', () => {
  const schema = freshSchema('upg');
  const fresh = freshSchema('new');
  afterAll(async () => {
    await dropSchema(schema);
    await dropSchema(fresh);
  });

  it('on PostgreSQL: several processes starting at once on an empty schema create it once', async () => {
    const all = await Promise.all(Array.from({ length: 4 }, () => openStores({ postgresUrl: TEST_DATABASE_URL, schema: fresh })));
    try {
      const versions = await all[0]!.db.all<{ version: number }>('SELECT version FROM schema_migrations');
      expect(versions).toHaveLength(POSTGRES_MIGRATIONS.length);
    } finally {
      for (const stores of all) await stores.close();
    }
  });

  it('on SQLite: applies the later migrations once and keeps the history', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'reglament-upgrade-')), 'old.db');
    const old = new Database(file);
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY)');
    SQLITE_MIGRATIONS.slice(0, 2).forEach((sql, i) => {
      old.exec(sql);
      old.prepare('INSERT INTO schema_migrations (version) VALUES (?)').run(i + 1);
    });
    for (const row of OLD_ROWS) old.prepare(`${INSERT_EVENT}(?, ?, ?, ?, ?, ?, ?)`).run(...row);
    old.prepare(`${INSERT_TOKEN}(?, ?, ?, ?)`).run(...OLD_TOKEN);
    old.close();

    for (let opening = 0; opening < 2; opening++) {
      const stores = await openStores({ sqliteFile: file });
      try {
        await expectUpgraded(stores, SQLITE_MIGRATIONS.length);
      } finally {
        await stores.close();
      }
    }
  });

  it('on PostgreSQL: two processes starting together upgrade it once, under the advisory lock', async () => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA ${schema}`);
      await client.query(`SET search_path = ${schema}`);
      await client.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY)');
      for (const [i, sql] of POSTGRES_MIGRATIONS.slice(0, 2).entries()) {
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [i + 1]);
      }
      for (const row of OLD_ROWS) await client.query(`${INSERT_EVENT}($1, $2, $3, $4, $5, $6, $7)`, [...row]);
      await client.query(`${INSERT_TOKEN}($1, $2, $3, $4)`, [...OLD_TOKEN]);
    } finally {
      await client.end();
    }
    const both = await Promise.all([openStores({ postgresUrl: TEST_DATABASE_URL, schema }), openStores({ postgresUrl: TEST_DATABASE_URL, schema })]);
    try {
      for (const stores of both) await expectUpgraded(stores, POSTGRES_MIGRATIONS.length);
    } finally {
      for (const stores of both) await stores.close();
    }
  });
});
