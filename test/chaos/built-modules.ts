import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root: the first folder above this file that holds package.json (from test/chaos/ or its build). */
export const REPOSITORY_ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above the chaos harness');
    dir = up;
  }
  return dir;
})();

/**
 * The server's modules as built in dist/ (the code `bin/reglament-server.js` runs), typed by
 * their sources. The harness loads the catalogue and lodges applications with the very code the
 * server runs, and dist/ finds the bundled data where the server finds it.
 */
export async function builtModules() {
  const load = (path: string) => import(pathToFileURL(join(REPOSITORY_ROOT, 'dist', path)).href);
  return {
    catalogue: (await load('catalogue/load-catalogue.js')) as typeof import('../../src/catalogue/load-catalogue.js'),
    directory: (await load('catalogue/load-directory.js')) as typeof import('../../src/catalogue/load-directory.js'),
    stores: (await load('store/open-stores.js')) as typeof import('../../src/store/open-stores.js'),
    wiring: (await load('compose/wire-app.js')) as typeof import('../../src/compose/wire-app.js'),
    seed: (await load('app/seed-demo-data.js')) as typeof import('../../src/app/seed-demo-data.js'),
    submit: (await load('app/submit-application.js')) as typeof import('../../src/app/submit-application.js'),
  };
}
