/** What the applicant signs on the portal: the application as lodged, in one canonical text. */
export interface StatementFields {
  readonly service: string;
  readonly variant?: string | undefined;
  /** The applicant's IIN, or the BIN of the legal entity they apply for. */
  readonly applicant: string;
  readonly attachments?: readonly string[] | undefined;
  readonly baseNumber?: string | undefined;
}

/**
 * The statement as canonical JSON (fixed key order, attachments sorted), so the portal and the
 * server produce the same bytes: the client signs exactly this text, detached.
 */
export function applicationStatement(fields: StatementFields): string {
  return JSON.stringify({
    statement: 'reglament-application/1',
    service: fields.service,
    variant: fields.variant ?? null,
    applicant: fields.applicant,
    attachments: [...(fields.attachments ?? [])].sort(),
    baseNumber: fields.baseNumber ?? null,
  });
}
