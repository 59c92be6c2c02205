import type { Post } from './case-store.js';
import type { IdentityStore, UserRecord } from './identity-store.js';
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
      (bin
        ? await db.all<UserRecord>(`SELECT ${USER} FROM users WHERE kind = 'applicant' AND bin = ? ORDER BY login LIMIT 1`, [bin])
        : await db.all<UserRecord>(`SELECT ${USER} FROM users WHERE kind = 'applicant' AND iin = ? ORDER BY login LIMIT 1`, [iin ?? '']))[0],
    usersWithPost: (post) =>
      db.all<UserRecord>(`SELECT ${USER} FROM users WHERE id IN (SELECT user_id FROM user_posts WHERE office_id = ? AND role = ?) ORDER BY login`, [post.officeId, post.role]),
    countUsers: async () => Number((await db.all<{ n: number }>('SELECT COUNT(*) AS n FROM users'))[0]?.n ?? 0),
    createSession: async (tokenHash, userId, at, expiresAt) =>
      void (await db.run('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [tokenHash, userId, at, expiresAt])),
    sessionUser: async (tokenHash, now) => (await db.all<{ user_id: string }>('SELECT user_id FROM sessions WHERE token_hash = ? AND expires_at > ?', [tokenHash, now]))[0]?.user_id,
    deleteSession: async (tokenHash) => void (await db.run('DELETE FROM sessions WHERE token_hash = ?', [tokenHash])),
    createApiToken: async (tokenHash, userId, name, at) =>
      void (await db.run('INSERT INTO api_tokens (token_hash, user_id, name, created_at) VALUES (?, ?, ?, ?)', [tokenHash, userId, name, at])),
    apiTokenUser: async (tokenHash) => (await db.all<{ user_id: string }>('SELECT user_id FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL', [tokenHash]))[0]?.user_id,
  };
}
