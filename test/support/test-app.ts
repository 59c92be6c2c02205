import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { seedDemoData } from '../../src/app/seed-demo-data.js';
import { injectClient } from '../../src/http/api-client.js';
import { buildServer } from '../../src/http/build-server.js';
import { wireApp } from '../../src/compose/wire-app.js';
import { demoHolders, type SignatureSettings } from '../../src/compose/wire-signatures.js';
import { loadDirectory } from '../../src/catalogue/load-directory.js';
import { openDemoPki } from '../../src/signature/demo-pki/demo-pki.js';

/** The CI database: PostgreSQL on the machine (trust auth, database "test"), or DATABASE_URL. */
export const TEST_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Both databases the suite runs on: a fresh SQLite file, and a fresh schema on PostgreSQL. */
export const DATABASES = ['sqlite', 'postgres'] as const;
export type TestDatabase = (typeof DATABASES)[number];

/** A fresh PostgreSQL schema name for one test run. */
export const freshSchema = (tag: string) => `t_${tag}_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;

/** The whole server on a fresh database with the demo accounts, the gateway simulator, and an in-process client. */
export async function startTestApp(
  database: TestDatabase,
  options: {
    now?: () => number;
    portalSignature?: 'required' | 'optional';
    staffSignature?: 'required' | 'optional';
    /** Serve the demo signing route (default): off, the pages sign through NCALayer, at `ncalayerUrl`. */
    demoSigning?: boolean;
    ncalayerUrl?: string;
  } = {},
) {
  const schema = freshSchema('api');
  // The demo PKI stands in for NCA RK: results are sealed and portal signatures checked against it.
  const signatures: SignatureSettings = {
    trust: [],
    revocation: 'online',
    sealKey: undefined,
    demoPkiDir: await freshDemoPkiDir(),
    portalSignature: options.portalSignature ?? 'optional',
    // Most suites drive cases without signing; the person-signature suites ask for it.
    staffSignature: options.staffSignature ?? 'optional',
    publicUrl: 'https://reglament.test',
  };
  const wired = await wireApp({
    signatures,
    database:
      database === 'sqlite' ? { sqliteFile: join(mkdtempSync(join(tmpdir(), 'reglament-api-')), 'reglament.db') } : { postgresUrl: TEST_DATABASE_URL, schema },
    ...(options.now ? { now: options.now } : {}),
  });
  await seedDemoData(wired.deps);
  const app = await buildServer(wired.deps, {
    demoPki: options.demoSigning === false ? undefined : wired.signatures?.demo,
    ...(options.ncalayerUrl ? { ncalayerUrl: options.ncalayerUrl } : {}),
  });
  return {
    deps: wired.deps,
    demoPki: wired.signatures!.demo!,
    /** Where the demo PKI keeps its CA: a test may issue more certificates under it (openDemoPki on this directory). */
    demoPkiDir: signatures.demoPkiDir!,
    /** The bundled demonstration TSA (RFC 3161 over HTTP). */
    tsaUrl: wired.signatures!.tsaUrl!,
    app,
    api: injectClient(app),
    close: async () => {
      await app.close();
      await wired.close();
      if (database === 'postgres') await dropSchema(schema);
    },
  };
}

/**
 * A demo PKI directory of its own for one test app, copied from one made once per machine and set
 * of demo holders: an RSA demo PKI takes seconds to make, a copy milliseconds. Each app gets its
 * own copy, so what a test issues or revokes stays with it.
 */
async function freshDemoPkiDir(): Promise<string> {
  const holders = demoHolders(loadDirectory());
  const template = join(tmpdir(), `reglament-demo-pki-${createHash('sha256').update(JSON.stringify(holders)).digest('hex').slice(0, 16)}`);
  await openDemoPki(template, holders);
  const dir = mkdtempSync(join(tmpdir(), 'reglament-pki-'));
  cpSync(template, dir, { recursive: true, filter: (source) => !source.endsWith('.lock') });
  return dir;
}

/** Drops a test schema. */
export async function dropSchema(schema: string) {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}
