import type { Post } from './case-store.js';
import type { IdentityStore, LoginAttempt, UserRecord } from './identity-store.js';
import type { SqlDatabase } from './sql-database.js';

const USER = 'id, login, name, kind, iin, bin';

/** People and sessions on any SQL database. */
export function sqlIdentityStore(db: SqlDatabase): IdentityStore {
  return {
    createUser: (u, passwordHash, posts, at) =>
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO users (id, login, name, kind, iin, bin, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [u.id, u.login, u.name, u.kind, u.iin, u.bin, passwordHash, at]);
        for (const p of posts) await tx.run('INSERT INTO user_posts (user_id, office_id, role) VALUES (?, ?, ?)', [u.id, p.officeId, p.role]);
      }),
    userByLogin: async (login) => (await db.all<UserRecord & { passwordHash: string }>(`SELECT ${USER}, password_hash AS "passwordHash" FROM users WHERE login = ?`, [login]))[0],
    userById: async (id) => (await db.all<UserRecord>(`SELECT ${USER} FROM users WHERE id = ?`, [id]))[0],
    postsOf: (userId) => db.all<Post>('SELECT office_id AS "officeId", role FROM user_posts WHERE user_id = ? ORDER BY office_id, role', [userId]),
    applicantByIdentifier: async ({ iin, bin }) =>
      (iin === undefined
        ? await db.all<UserRecord>(`SELECT ${USER} FROM users WHERE kind = 'applicant' AND bin = ? ORDER BY login LIMIT 1`, [bin ?? ''])
        : bin === undefined
          ? await db.all<UserRecord>(`SELECT ${USER} FROM users WHERE kind = 'applicant' AND iin = ? AND bin IS NULL ORDER BY login LIMIT 1`, [iin])
          : await db.all<UserRecord>(`SELECT ${USER} FROM users WHERE kind = 'applicant' AND iin = ? AND bin = ? ORDER BY login LIMIT 1`, [iin, bin]))[0],
    usersWithPost: (post) =>
      db.all<UserRecord>(`SELECT ${USER} FROM users WHERE id IN (SELECT user_id FROM user_posts WHERE office_id = ? AND role = ?) ORDER BY login`, [post.officeId, post.role]),
    countUsers: async () => Number((await db.all<{ n: number }>('SELECT COUNT(*) AS n FROM users'))[0]?.n ?? 0),
    createSession: async (tokenHash, userId, at, expiresAt) =>
      void (await db.run('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [tokenHash, userId, at, expiresAt])),
    sessionUser: async (tokenHash, now, idleSince = Number.NEGATIVE_INFINITY) =>
      (
        await db.all<{ user_id: string }>(
          `SELECT s.user_id FROM sessions s LEFT JOIN session_activity a ON a.token_hash = s.token_hash
           WHERE s.token_hash = ? AND s.expires_at > ? AND COALESCE(a.last_seen_at, s.created_at) > ?`,
          [tokenHash, now, Number.isFinite(idleSince) ? idleSince : -1],
        )
      )[0]?.user_id,
    touchSession: async (tokenHash, at) =>
      void (await db.run(
        'INSERT INTO session_activity (token_hash, last_seen_at) VALUES (?, ?) ON CONFLICT (token_hash) DO UPDATE SET last_seen_at = excluded.last_seen_at WHERE session_activity.last_seen_at < excluded.last_seen_at',
        [tokenHash, at],
      )),
    deleteSession: async (tokenHash) =>
      db.transaction(async (tx) => {
        await tx.run('DELETE FROM sessions WHERE token_hash = ?', [tokenHash]);
        await tx.run('DELETE FROM session_activity WHERE token_hash = ?', [tokenHash]);
      }),
    recordLoginAttempt: async (a) => void (await db.run('INSERT INTO login_attempts (id, login, ip, at, outcome) VALUES (?, ?, ?, ?, ?)', [a.id, a.login, a.ip, a.at, a.outcome])),
    failedLoginsSince: async (who, since) => {
      const rows =
        'login' in who
          ? await db.all<{ n: number }>(
              `SELECT COUNT(*) AS n FROM login_attempts WHERE login = ? AND outcome = 'failed' AND at >= ?
                 AND at > COALESCE((SELECT MAX(at) FROM login_attempts WHERE login = ? AND outcome = 'succeeded'), -1)`,
              [who.login, since, who.login],
            )
          : await db.all<{ n: number }>("SELECT COUNT(*) AS n FROM login_attempts WHERE ip = ? AND outcome = 'failed' AND at >= ?", [who.ip, since]);
      return Number(rows[0]?.n ?? 0);
    },
    loginAttemptsOf: (login) => db.all<LoginAttempt>('SELECT id, login, ip, at, outcome FROM login_attempts WHERE login = ? ORDER BY at DESC, id', [login]),
    createApiToken: async (tokenHash, userId, name, at) =>
      void (await db.run('INSERT INTO api_tokens (token_hash, user_id, name, created_at) VALUES (?, ?, ?, ?)', [tokenHash, userId, name, at])),
    apiTokenUser: async (tokenHash) => (await db.all<{ user_id: string }>('SELECT user_id FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL', [tokenHash]))[0]?.user_id,
  };
}
