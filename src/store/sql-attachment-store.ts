import type { AttachmentInfo, AttachmentStore } from '../app/ports/attachment-store.js';
import type { SqlDatabase } from './sql-database.js';

const INFO = `id, owner_id AS "ownerId", case_id AS "caseId", file_name AS "fileName", media_type AS "mediaType", size, sha256, created_at AS "createdAt"`;

/** Attachments on any SQL database (BLOB on SQLite, BYTEA on PostgreSQL). */
export function sqlAttachmentStore(db: SqlDatabase): AttachmentStore {
  return {
    put: async (a, body) =>
      void (await db.run(
        'INSERT INTO attachments (id, owner_id, case_id, file_name, media_type, size, sha256, body, created_at) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?)',
        [a.id, a.ownerId, a.fileName, a.mediaType, a.size, a.sha256, body, a.createdAt],
      )),
    info: async (id) => (await db.all<AttachmentInfo>(`SELECT ${INFO} FROM attachments WHERE id = ?`, [id]))[0],
    body: async (id) => {
      const row = (await db.all<{ body: Uint8Array }>('SELECT body FROM attachments WHERE id = ?', [id]))[0];
      return row && Buffer.from(row.body);
    },
    ofCase: (caseId) => db.all<AttachmentInfo>(`SELECT ${INFO} FROM attachments WHERE case_id = ? ORDER BY created_at, id`, [caseId]),
  };
}
