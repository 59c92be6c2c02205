import { runDueTimers } from '../app/run-due-timers.js';
import { seedDemoData } from '../app/seed-demo-data.js';
import { buildServer } from './build-server.js';
import { readServerConfig } from './server-config.js';
import { newServerMetrics } from './server-metrics.js';
import { wireApp } from './wire-app.js';

/**
 * `npm start`: the REST API on the configured database (SQLite under DATA_DIR by default), the
 * demo accounts seeded on an empty database, the gateway simulator when no gateway is
 * configured, and the overdue timers checked every TIMER_INTERVAL_MS.
 */
export async function startServer(env: NodeJS.ProcessEnv = process.env) {
  const config = readServerConfig(env);
  const wired = await wireApp({ database: config.database, gateway: config.gateway, acceptTestIdentities: config.acceptTestIdentities });
  const { deps } = wired;
  const seeded = config.seedDemo ? await seedDemoData(deps) : 0;
  const metrics = newServerMetrics();
  const app = await buildServer(deps, { logger: config.logger, metrics });
  const timer = setInterval(() => {
    runDueTimers(deps, config.timerBatch)
      .then((fired) => void (metrics.timersFired += fired.length))
      .catch((e: unknown) => app.log.error(e, 'timer run failed'));
  }, config.timerIntervalMs);
  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info({ seeded, gatewaySimulator: wired.simulatorUrl, database: deps.stores.db.dialect }, `reglament listening on ${address}; API docs at ${address}/docs`);
  const stop = async () => {
    clearInterval(timer);
    await app.close();
    await wired.close();
  };
  return { app, address, deps, stop };
}
