import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStoreContract } from '../case-store.contract.js';
import { openSqliteCaseStore } from './sqlite-case-store.js';

runStoreContract('sqlite', async () => {
  const store = openSqliteCaseStore(join(mkdtempSync(join(tmpdir(), 'reglament-')), 'cases.db'));
  return {
    ...store,
    tamper: async (caseId, seq, body) => void store.db.prepare('UPDATE case_events SET body = ? WHERE case_id = ? AND seq = ?').run(body, caseId, seq),
  };
});
