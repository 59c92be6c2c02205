import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresDatabase } from './postgres/postgres-database.js';
import type { SqlDatabase } from './sql-database.js';
import { openSqliteDatabase } from './sqlite/sqlite-database.js';

const TEST_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `t_placeholders_${process.pid}_${Date.now()}`;
const DATABASES: [string, () => Promise<SqlDatabase>][] = [
  ['sqlite', async () => openSqliteDatabase(join(mkdtempSync(join(tmpdir(), 'reglament-sql-')), 'p.db'))],
  ['postgres', () => openPostgresDatabase(TEST_DATABASE_URL, schema)],
];

describe.each(DATABASES)('statements with a question mark that is text, on %s', (name, open) => {
  let db: SqlDatabase | undefined;
  afterAll(async () => {
    if (name === 'postgres') await db?.run(`DROP SCHEMA ${schema} CASCADE`);
    await db?.close();
  });

  it('bind only the real placeholders: the same answer on both databases', async () => {
    db = await open();
    const rows = await db.all<{ q: string; p: string }>(`SELECT 'why?' AS q, ? AS p -- is this a placeholder?\n`, ['value']);
    expect(rows).toEqual([{ q: 'why?', p: 'value' }]);
  });
});
