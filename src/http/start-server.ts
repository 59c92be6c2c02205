import { runDueTimers } from '../app/run-due-timers.js';
import { seedDemoData } from '../app/seed-demo-data.js';
import { loadClockSet } from '../catalogue/load-clock.js';
import { anchorPendingDay } from '../evidence/anchor-day.js';
import { sqlAnchorStore } from '../evidence/anchor-store.js';
import { buildServer } from './build-server.js';
import { readServerConfig } from './server-config.js';
import { readWebSecurity } from './web-security.js';
import { newServerMetrics } from './server-metrics.js';
import { wireApp } from '../compose/wire-app.js';

/**
 * `npm start`: the REST API on the configured database (SQLite under DATA_DIR by default), the
 * demo accounts seeded on an empty database, the gateway simulator when no gateway is
 * configured, the overdue timers checked every TIMER_INTERVAL_MS, and yesterday's audit anchor
 * made shortly after midnight.
 */
export async function startServer(env: NodeJS.ProcessEnv = process.env) {
  const config = readServerConfig(env);
  const wired = await wireApp({
    database: config.database,
    gateway: config.gateway,
    acceptTestIdentities: config.acceptTestIdentities,
    signatures: config.signatures,
  });
  const { deps } = wired;
  const seeded = config.seedDemo ? await seedDemoData(deps) : 0;
  const metrics = newServerMetrics(deps.now());
  // The demo keys sign for anyone only in an explicit demonstration, whatever PKI stands in for NCA.
  const demoPki = config.demo ? wired.signatures?.demo : undefined;
  const app = await buildServer(deps, {
    logger: config.logger && { level: config.logLevel },
    metrics,
    rateLimits: config.rateLimits,
    trustProxy: config.trustProxy,
    demoPki,
    security: readWebSecurity(env),
    metricsToken: config.metricsToken,
    ncalayerUrl: config.ncalayerUrl,
  });
  if (config.demo) {
    app.log.warn(
      demoPki
        ? "DEMO MODE: POST /api/signature/demo-sign signs with the demo applicants' and staff's keys for anyone, without a password. Never expose this server to real users; unset DEMO and drop --demo in production."
        : 'DEMO MODE was asked for, but no demo PKI is in use (TRUST_DIR is set or DEMO_PKI=0): POST /api/signature/demo-sign is off.',
    );
  } else if (wired.signatures?.demo) {
    app.log.warn('The demo PKI stands in for NCA RK (TRUST_DIR is unset): signatures are checked against demonstration certificates only.');
  }
  if (wired.signatures && !wired.signatures.tsaUrl) {
    app.log.warn('No TSA_URL: signatures are kept without a trusted time-stamp, and cannot be shown valid once their certificates expire or are revoked.');
  } else if (wired.signatures?.demo && !env.TSA_URL) {
    app.log.warn(`The bundled demonstration TSA (${wired.signatures.tsaUrl}) time-stamps signatures in place of NCA RK's TSP service.`);
  }
  const anchors = sqlAnchorStore(deps.stores.db);
  const zone = loadClockSet().clocks.get('provider-office')!.zone;

  // One timer run at a time; shutdown waits for the one under way, so no claimed timer is left half done.
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = running.then(async () => {
      metrics.timerRuns++;
      try {
        metrics.timersFired += (await runDueTimers(deps, config.timerBatch)).length;
        if (await anchorPendingDay(anchors, zone, deps.now())) metrics.anchorsMade++;
      } catch (e) {
        metrics.timerFailures++;
        app.log.error(e, 'timer run failed');
      }
    });
  };
  const timer = setInterval(tick, config.timerIntervalMs);
  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { seeded, gatewaySimulator: wired.simulatorUrl, database: deps.stores.db.dialect },
    `reglament listening on ${address}; API docs at ${address}/docs`,
  );

  let stopping: Promise<void> | undefined;
  /**
   * Graceful shutdown: /ready turns 503 so the proxy stops sending, the listener closes, requests
   * in flight run to their answer (their commands commit or roll back whole), the timer run under
   * way finishes, and only then the database is closed.
   */
  const stop = () =>
    (stopping ??= (async () => {
      metrics.draining = true;
      clearInterval(timer);
      app.log.info('shutting down: finishing requests in flight');
      // Connections that turn idle once their last answer is sent are closed too, not left to their keep-alive timeout.
      const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
      try {
        await app.close();
      } finally {
        clearInterval(sweep);
      }
      await running;
      await wired.close();
      app.log.info('stopped');
    })());
  return { app, address, deps, metrics, stop, shutdownTimeoutMs: config.shutdownTimeoutMs };
}
