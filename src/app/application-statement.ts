/** What the applicant signs on the portal: the application as lodged, in one canonical text. */
export interface StatementFields {
  readonly service: string;
  readonly variant?: string | undefined;
  readonly channel: string;
  /** The provider's office the application is lodged with. */
  readonly office?: string | undefined;
  /** The applicant's IIN, or the BIN of the legal entity they apply for. */
  readonly applicant: string;
  /** Each document handed in, by id with the SHA-256 of its bytes (null for an id the store does not hold: the submission refuses it). */
  readonly attachments?: readonly { readonly id: string; readonly sha256: string | null }[] | undefined;
  readonly baseNumber?: string | undefined;
  readonly resultOnPaper?: boolean | undefined;
}

/**
 * The statement as canonical JSON (fixed key order, attachments sorted by id), so the portal and the
 * server produce the same bytes: the client signs exactly this text, detached. It names what the
 * applicant claims — the service, where and how they apply, and the very bytes of each document —
 * so a signature cannot be carried over to another office, channel or file.
 */
export function applicationStatement(fields: StatementFields): string {
  return JSON.stringify({
    statement: 'reglament-application/2',
    service: fields.service,
    variant: fields.variant ?? null,
    channel: fields.channel,
    office: fields.office ?? null,
    applicant: fields.applicant,
    attachments: [...(fields.attachments ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((a) => ({ id: a.id, sha256: a.sha256 })),
    baseNumber: fields.baseNumber ?? null,
    resultOnPaper: fields.resultOnPaper === true,
  });
}
