import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** The PostgreSQL the bench runs on: the machine's (as in the tests), or DATABASE_URL. */
export const BENCH_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Schemas and SQLite folders of one run: unique to this process, all removed at the end. */
export class BenchPlaces {
  private readonly schemas: string[] = [];
  private readonly folders: string[] = [];

  /** A fresh schema name, `bench_<pid>_<purpose>`, dropped by `cleanUp`. */
  schema(purpose: string): string {
    const name = `bench_${process.pid}_${purpose}`;
    this.schemas.push(name);
    return name;
  }

  /** A fresh SQLite file in a temporary folder, removed by `cleanUp`. */
  sqliteFile(purpose: string): string {
    const folder = mkdtempSync(join(tmpdir(), `reglament-bench-${purpose}-`));
    this.folders.push(folder);
    return join(folder, 'bench.db');
  }

  /** Drops every schema and folder made. */
  async cleanUp(): Promise<void> {
    const client = new pg.Client({ connectionString: BENCH_DATABASE_URL });
    await client.connect();
    try {
      for (const s of this.schemas) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    } finally {
      await client.end();
    }
    for (const f of this.folders) rmSync(f, { recursive: true, force: true });
  }
}

/** The server's version and settings that decide commit cost, for the record. */
export async function postgresFacts(): Promise<{ version: string; synchronousCommit: string; fsync: string; walSync: string }> {
  const client = new pg.Client({ connectionString: BENCH_DATABASE_URL });
  await client.connect();
  try {
    const one = async (sql: string) => String(Object.values((await client.query(sql)).rows[0] as object)[0]);
    return {
      version: await one('SHOW server_version'),
      synchronousCommit: await one('SHOW synchronous_commit'),
      fsync: await one('SHOW fsync'),
      walSync: await one('SHOW wal_sync_method'),
    };
  } finally {
    await client.end();
  }
}
