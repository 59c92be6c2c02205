import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { WEB_ROOT } from '../../../src/http/routes/web-routes.js';
import { startTestApp } from '../../support/test-app.js';

/** Builds the web application once if `npm run build` has not (a test run on its own). */
export async function ensureWebBuilt() {
  if (existsSync(`${WEB_ROOT}/index.html`)) return;
  const { build } = await import('vite');
  await build({ configFile: fileURLToPath(new URL('../../../web/vite.config.ts', import.meta.url)), logLevel: 'warn' });
}

/** The whole server (API and web application) on a fresh SQLite database with the demo data, listening on a free port. */
export async function startWebServer(options: Parameters<typeof startTestApp>[1] = {}) {
  await ensureWebBuilt();
  const t = await startTestApp('sqlite', options);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  const tokens = new Map<string, string>();
  /** A session token for a demo user, to drive a case through the API where the test is not about the page. */
  const tokenOf = async (login: string) => {
    if (!tokens.has(login)) {
      const res = await t.api.request('POST', '/api/auth/login', { body: { login, password: t.deps.directory.demoPassword } });
      if (res.status !== 200) throw new Error(`cannot sign in ${login}: ${JSON.stringify(res.json)}`);
      tokens.set(login, (res.json as { token: string }).token);
    }
    return tokens.get(login)!;
  };
  return { ...t, baseUrl: `http://127.0.0.1:${port}`, tokenOf, password: t.deps.directory.demoPassword };
}
export type WebServer = Awaited<ReturnType<typeof startWebServer>>;
