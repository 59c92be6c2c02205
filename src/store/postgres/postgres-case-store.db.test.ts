import { runStoreContract } from '../case-store.contract.js';
import { openPostgresCaseStore } from './postgres-case-store.js';

/** The CI database: PostgreSQL on the machine (trust auth, database "test"), or DATABASE_URL. */
export const TEST_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

runStoreContract('postgres', async () => {
  // A schema per run keeps runs apart on the shared database.
  const schema = `t_${process.pid}_${Date.now()}`;
  const store = await openPostgresCaseStore(TEST_DATABASE_URL, schema);
  return {
    ...store,
    close: async () => {
      await store.pool.query(`DROP SCHEMA ${schema} CASCADE`);
      await store.close();
    },
    tamper: async (caseId, seq, body) => void (await store.pool.query('UPDATE case_events SET body = $1 WHERE case_id = $2 AND seq = $3', [body, caseId, seq])),
  };
});
