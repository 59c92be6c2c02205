// Lets `npm start` and `npm test` work on a fresh clone: installs the locked dependencies
// (which also builds dist/ through `prepare`) when node_modules is missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('node_modules/.package-lock.json')) {
  console.error('reglament: installing dependencies (npm ci) ...');
  const run = spawnSync('npm', ['ci'], { stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(run.status ?? 1);
}
