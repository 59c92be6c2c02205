import pg from 'pg';
import { openSqliteDatabase } from '../src/store/sqlite/sqlite-database.js';
import { BENCH_DATABASE_URL, type BenchPlaces } from './bench-database.js';
import { runConcurrently } from './latency.js';

/** Durable single-row commits per second: alone, and from 16 concurrent clients. */
export interface CommitFloor {
  readonly serialPerSec: number;
  readonly concurrentPerSec: number;
}

const CLIENTS = 16;
const ROW = 'x'.repeat(100);

/**
 * The physical limit of PostgreSQL here: a bare table, one INSERT per transaction (autocommit:
 * one round trip, one WAL flush), with synchronous_commit on, from one connection and from 16.
 */
export async function postgresCommitFloor(places: BenchPlaces, rows: number): Promise<CommitFloor> {
  const schema = places.schema('floor');
  const pool = new pg.Pool({ connectionString: BENCH_DATABASE_URL, max: CLIENTS, options: `-c search_path=${schema} -c synchronous_commit=on` });
  try {
    await pool.query(`CREATE SCHEMA ${schema}`);
    await pool.query('CREATE TABLE floor (id BIGSERIAL PRIMARY KEY, body TEXT NOT NULL)');
    const insert = async () => void (await pool.query('INSERT INTO floor (body) VALUES ($1)', [ROW]));
    // Open every connection first, so the concurrent run does not pay for connecting.
    await Promise.all(Array.from({ length: CLIENTS }, () => pool.query('SELECT 1')));
    const serial = await runConcurrently(1, rows, insert);
    const concurrent = await runConcurrently(CLIENTS, rows, insert);
    return { serialPerSec: rows / serial, concurrentPerSec: rows / concurrent };
  } finally {
    await pool.end();
  }
}

/**
 * The same on SQLite as the product opens it (WAL, synchronous = FULL) and through its one
 * connection and write queue: "16 clients" are 16 concurrent async callers of that queue, which
 * is how 16 requests reach the embedded database.
 */
export async function sqliteCommitFloor(places: BenchPlaces, rows: number): Promise<CommitFloor> {
  const db = openSqliteDatabase(places.sqliteFile('floor'));
  try {
    await db.run('CREATE TABLE floor (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const insert = async () => void (await db.transaction((tx) => tx.run('INSERT INTO floor (body) VALUES (?)', [ROW])));
    const serial = await runConcurrently(1, rows, insert);
    const concurrent = await runConcurrently(CLIENTS, rows, insert);
    return { serialPerSec: rows / serial, concurrentPerSec: rows / concurrent };
  } finally {
    await db.close();
  }
}
