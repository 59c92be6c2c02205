import { readSignatureSettings } from './signature-settings.js';
import type { SignatureSettings } from '../compose/wire-signatures.js';
import { join } from 'node:path';

/** The server's configuration, read from the environment in this one place. */
export interface ServerConfig {
  /** Trust anchors, revocation, the result-signing key, the portal's signature rule (signature-settings.ts). */
  readonly signatures: SignatureSettings;
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
  /** pino level: fatal, error, warn, info, debug, trace. */
  readonly logLevel: string;
  /** How long a graceful shutdown may take before the process exits anyway. */
  readonly shutdownTimeoutMs: number;
  /** Requests per minute per client address and per signed-in person (0 = no limit). */
  readonly rateLimits: { readonly perIpPerMinute: number; readonly perUserPerMinute: number };
  /** Behind a reverse proxy: trust its X-Forwarded-For (true, or the proxy's addresses). */
  readonly trustProxy: boolean | string;
  /**
   * A demonstration (DEMO=1, or `--demo`, which `npm start` passes): the demo PKI's keys sign in
   * the browser's place through POST /api/signature/demo-sign, for anyone. Never in production.
   */
  readonly demo: boolean;
  /** The bearer token Prometheus scrapes /metrics with; without it /metrics answers 404. */
  readonly metricsToken: string | undefined;
  /** Where the pages find NCALayer when not at wss://127.0.0.1:13579 (a simulator, in development). */
  readonly ncalayerUrl: string | undefined;
}

/** A whole number from the environment, or the default; anything else is an error. */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got ${raw}`);
  return n;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'];

/** LOG_LEVEL, info by default. */
function logLevelOf(raw: string | undefined): string {
  if (raw === undefined || raw === '') return 'info';
  if (!LOG_LEVELS.includes(raw)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${raw}`);
  return raw;
}

/** METRICS_TOKEN: long enough not to be guessed. */
/** NCALAYER_URL: a ws:// or wss:// address on this computer (loopback), or unset. */
function ncalayerUrlOf(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url || !['ws:', 'wss:'].includes(url.protocol) || !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new Error(`NCALAYER_URL must be a ws:// or wss:// address on this computer (127.0.0.1), got ${raw}`);
  }
  return raw.replace(/\/+$/, '');
}

function metricsTokenOf(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw.trim().length < 16) throw new Error('METRICS_TOKEN must be at least 16 characters');
  return raw.trim();
}

/** Reads the configuration; bad values are reported, not guessed. */
export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const dataDir = env.DATA_DIR ?? './data';
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    signatures: readSignatureSettings(env, dataDir, port),
    database: env.DATABASE_URL
      ? { postgresUrl: env.DATABASE_URL, ...(env.DATABASE_SCHEMA ? { schema: env.DATABASE_SCHEMA } : {}) }
      : { sqliteFile: join(dataDir, 'reglament.db') },
    gateway: env.GATEWAY_URL ? { url: env.GATEWAY_URL, senderId: env.GATEWAY_SENDER ?? 'reglament', password: env.GATEWAY_PASSWORD ?? '' } : undefined,
    timerIntervalMs: wholeNumber(env, 'TIMER_INTERVAL_MS', 30_000),
    timerBatch: wholeNumber(env, 'TIMER_BATCH', 100),
    acceptTestIdentities: env.ACCEPT_TEST_IDENTITIES === '1',
    seedDemo: env.SEED_DEMO !== '0',
    logger: env.LOG !== '0',
    logLevel: logLevelOf(env.LOG_LEVEL),
    shutdownTimeoutMs: wholeNumber(env, 'SHUTDOWN_TIMEOUT_MS', 30_000),
    rateLimits: { perIpPerMinute: wholeNumber(env, 'RATE_LIMIT_IP_PER_MINUTE', 3000), perUserPerMinute: wholeNumber(env, 'RATE_LIMIT_USER_PER_MINUTE', 300) },
    demo: env.DEMO === '1',
    metricsToken: metricsTokenOf(env.METRICS_TOKEN),
    ncalayerUrl: ncalayerUrlOf(env.NCALAYER_URL),
    trustProxy: env.TRUST_PROXY === undefined || env.TRUST_PROXY === '' || env.TRUST_PROXY === '0' ? false : env.TRUST_PROXY === '1' ? true : env.TRUST_PROXY,
  };
}
