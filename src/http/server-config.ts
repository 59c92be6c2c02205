import { join } from 'node:path';

/** The server's configuration, read from the environment in this one place. */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** SQLite file under DATA_DIR unless DATABASE_URL names PostgreSQL. */
  readonly database: { readonly postgresUrl: string; readonly schema?: string } | { readonly sqliteFile: string };
  /** The e-government gateway; when absent, the bundled simulator is started beside the server (demo). */
  readonly gateway: { readonly url: string; readonly senderId: string; readonly password: string } | undefined;
  /** How often overdue timers are checked. */
  readonly timerIntervalMs: number;
  /** How many due timers one check claims at most. */
  readonly timerBatch: number;
  readonly acceptTestIdentities: boolean;
  /** Create the demo accounts on an empty database. */
  readonly seedDemo: boolean;
  readonly logger: boolean;
}

/** Reads the configuration; bad values are reported, not guessed. */
export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const dataDir = env.DATA_DIR ?? './data';
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    database: env.DATABASE_URL ? { postgresUrl: env.DATABASE_URL, ...(env.DATABASE_SCHEMA ? { schema: env.DATABASE_SCHEMA } : {}) } : { sqliteFile: join(dataDir, 'reglament.db') },
    gateway: env.GATEWAY_URL ? { url: env.GATEWAY_URL, senderId: env.GATEWAY_SENDER ?? 'reglament', password: env.GATEWAY_PASSWORD ?? '' } : undefined,
    timerIntervalMs: Number(env.TIMER_INTERVAL_MS ?? 30_000),
    timerBatch: Number(env.TIMER_BATCH ?? 100),
    acceptTestIdentities: env.ACCEPT_TEST_IDENTITIES === '1',
    seedDemo: env.SEED_DEMO !== '0',
    logger: env.LOG !== '0',
  };
}
