import type { ChallengeStore } from '../app/ports/challenge-store.js';
import type { SqlDatabase } from './sql-database.js';

/** Challenges in the database, so any server process can check one another process issued. */
export function sqlChallengeStore(db: SqlDatabase): ChallengeStore {
  return {
    async issue(challengeHash, at, expiresAt) {
      // Expired challenges are of no use to anyone: clear them as new ones are made.
      await db.run('DELETE FROM login_challenges WHERE expires_at < ?', [at]);
      await db.run('INSERT INTO login_challenges (challenge_hash, created_at, expires_at) VALUES (?, ?, ?)', [challengeHash, at, expiresAt]);
    },
    async consume(challengeHash, now) {
      // One UPDATE decides: two processes racing for one challenge cannot both change the row.
      return (
        (await db.run('UPDATE login_challenges SET used_at = ? WHERE challenge_hash = ? AND used_at IS NULL AND expires_at > ?', [now, challengeHash, now])) ===
        1
      );
    },
  };
}
