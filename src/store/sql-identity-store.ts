import type { Post } from '../app/ports/case-store.js';
import type { ActingAppointment, ApiTokenAuditEntry, ApiTokenRecord, IdentityStore, LoginAttempt, UserRecord } from '../app/ports/identity-store.js';
import type { SqlDatabase } from './sql-database.js';

const USER = 'id, login, name, kind, iin, bin';
const API_TOKEN = 'id, user_id AS "userId", name, created_at AS "createdAt", expires_at AS "expiresAt", last_used_at AS "lastUsedAt"';
const TOKEN_AUDIT = 'id, action, token_id AS "tokenId", token_name AS "tokenName", owner_id AS "ownerId", actor_id AS "actorId", at';
const APPOINTMENT =
  'id, acting_user_id AS "actingUserId", for_user_id AS "forUserId", office_id AS "officeId", role, starts_at AS "startsAt", ends_at AS "endsAt", order_ref AS "order", appointed_by AS "appointedBy", created_at AS "createdAt"';
const INSERT_TOKEN_AUDIT = 'INSERT INTO api_token_audit (id, action, token_id, token_name, owner_id, actor_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)';
const auditRow = (a: ApiTokenAuditEntry) => [a.id, a.action, a.tokenId, a.tokenName, a.ownerId, a.actorId, a.at];
/** Big integers come back as strings from PostgreSQL. */
const tokenOf = (r: ApiTokenRecord): ApiTokenRecord => ({
  ...r,
  createdAt: Number(r.createdAt),
  expiresAt: Number(r.expiresAt),
  lastUsedAt: r.lastUsedAt === null ? null : Number(r.lastUsedAt),
});

/** People and sessions on any SQL database. */
export function sqlIdentityStore(db: SqlDatabase): IdentityStore {
  return {
    createUser: (u, passwordHash, posts, at) =>
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO users (id, login, name, kind, iin, bin, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
          u.id,
          u.login,
          u.name,
          u.kind,
          u.iin,
          u.bin,
          passwordHash,
          at,
        ]);
        for (const p of posts) await tx.run('INSERT INTO user_posts (user_id, office_id, role) VALUES (?, ?, ?)', [u.id, p.officeId, p.role]);
      }),
    userByLogin: async (login) =>
      (await db.all<UserRecord & { passwordHash: string }>(`SELECT ${USER}, password_hash AS "passwordHash" FROM users WHERE login = ?`, [login]))[0],
    userById: async (id) => (await db.all<UserRecord>(`SELECT ${USER} FROM users WHERE id = ?`, [id]))[0],
    postsOf: (userId) => db.all<Post>('SELECT office_id AS "officeId", role FROM user_posts WHERE user_id = ? ORDER BY office_id, role', [userId]),
    applicantByIdentifier: async ({ iin, bin }) =>
      (iin === undefined
        ? await db.all<UserRecord>(`SELECT ${USER} FROM users WHERE kind = 'applicant' AND bin = ? ORDER BY login LIMIT 1`, [bin ?? ''])
        : bin === undefined
          ? await db.all<UserRecord>(`SELECT ${USER} FROM users WHERE kind = 'applicant' AND iin = ? AND bin IS NULL ORDER BY login LIMIT 1`, [iin])
          : await db.all<UserRecord>(`SELECT ${USER} FROM users WHERE kind = 'applicant' AND iin = ? AND bin = ? ORDER BY login LIMIT 1`, [iin, bin]))[0],
    staffByIin: async (iin) => (await db.all<UserRecord>(`SELECT ${USER} FROM users WHERE kind = 'staff' AND iin = ? ORDER BY login LIMIT 1`, [iin]))[0],
    usersWithPost: (post) =>
      db.all<UserRecord>(`SELECT ${USER} FROM users WHERE id IN (SELECT user_id FROM user_posts WHERE office_id = ? AND role = ?) ORDER BY login`, [
        post.officeId,
        post.role,
      ]),
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
    recordLoginAttempt: async (a) =>
      void (await db.run('INSERT INTO login_attempts (id, login, ip, at, outcome) VALUES (?, ?, ?, ?, ?)', [a.id, a.login, a.ip, a.at, a.outcome])),
    failedLoginsSince: async (who, since) => {
      // Each scope counts from its own last success: an owner signing in from B does not unlock the pair (account, A).
      const [where, params] =
        'login' in who ? (who.ip === undefined ? ['login = ?', [who.login]] : ['login = ? AND ip = ?', [who.login, who.ip]]) : ['ip = ?', [who.ip]];
      const rows = await db.all<{ n: number }>(
        `SELECT COUNT(*) AS n FROM login_attempts WHERE ${where} AND outcome = 'failed' AND at >= ?
           AND at > COALESCE((SELECT MAX(at) FROM login_attempts WHERE ${where} AND outcome = 'succeeded'), -1)`,
        [...params, since, ...params],
      );
      return Number(rows[0]?.n ?? 0);
    },
    loginAttemptsOf: (login) => db.all<LoginAttempt>('SELECT id, login, ip, at, outcome FROM login_attempts WHERE login = ? ORDER BY at DESC, id', [login]),
    createApiToken: (tokenHash, token, audit) =>
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO api_tokens (token_hash, id, user_id, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)', [
          tokenHash,
          token.id,
          token.userId,
          token.name,
          token.createdAt,
          token.expiresAt,
        ]);
        await tx.run(INSERT_TOKEN_AUDIT, auditRow(audit));
      }),
    apiTokenUser: async (tokenHash, now) =>
      (await db.all<{ user_id: string }>('SELECT user_id FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?', [tokenHash, now]))[0]
        ?.user_id,
    touchApiToken: async (tokenHash, at) =>
      void (await db.run('UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ? AND (last_used_at IS NULL OR last_used_at < ?)', [at, tokenHash, at])),
    liveApiTokensOf: async (userId, now) =>
      (
        await db.all<ApiTokenRecord>(
          `SELECT ${API_TOKEN} FROM api_tokens WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ? ORDER BY created_at DESC, id`,
          [userId, now],
        )
      ).map(tokenOf),
    revokeApiToken: (userId, tokenId, at, audit) =>
      db.transaction(async (tx) => {
        const changed = await tx.run('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL AND expires_at > ?', [
          at,
          tokenId,
          userId,
          at,
        ]);
        if (changed === 0) return false;
        await tx.run(INSERT_TOKEN_AUDIT, auditRow(audit));
        return true;
      }),
    apiTokenAuditOf: async (ownerId) =>
      (await db.all<ApiTokenAuditEntry>(`SELECT ${TOKEN_AUDIT} FROM api_token_audit WHERE owner_id = ? ORDER BY at DESC, id DESC`, [ownerId])).map((a) => ({
        ...a,
        at: Number(a.at),
      })),
    appointStandIn: async (a) =>
      void (await db.run(
        'INSERT INTO acting_appointments (id, acting_user_id, for_user_id, office_id, role, starts_at, ends_at, order_ref, appointed_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [a.id, a.actingUserId, a.forUserId, a.officeId, a.role, a.startsAt, a.endsAt, a.order, a.appointedBy, a.createdAt],
      )),
    actingPostsOf: async (userId, at) =>
      (
        await db.all<{ officeId: string; role: string; forUserId: string; orderRef: string }>(
          'SELECT office_id AS "officeId", role, for_user_id AS "forUserId", order_ref AS "orderRef" FROM acting_appointments WHERE acting_user_id = ? AND starts_at <= ? AND ends_at > ? ORDER BY office_id, role, starts_at',
          [userId, at, at],
        )
      ).map((r) => ({ officeId: r.officeId, role: r.role, acting: { for: r.forUserId, order: r.orderRef } })),
    standInsAt: async (officeId, now) =>
      (
        await db.all<ActingAppointment>(`SELECT ${APPOINTMENT} FROM acting_appointments WHERE office_id = ? AND ends_at > ? ORDER BY starts_at, id`, [
          officeId,
          now,
        ])
      ).map((a) => ({
        ...a,
        startsAt: Number(a.startsAt),
        endsAt: Number(a.endsAt),
        createdAt: Number(a.createdAt),
      })),
  };
}
