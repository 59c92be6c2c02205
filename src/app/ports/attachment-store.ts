/** A document uploaded by a person, before or after it joins a case. */
export interface AttachmentInfo {
  readonly id: string;
  readonly ownerId: string;
  readonly caseId: string | null;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  readonly createdAt: number;
}

/** Uploaded documents, kept in the database so a case file is complete in one place. */
export interface AttachmentStore {
  put(info: Omit<AttachmentInfo, 'caseId'>, body: Buffer): Promise<void>;
  info(id: string): Promise<AttachmentInfo | undefined>;
  body(id: string): Promise<Buffer | undefined>;
  ofCase(caseId: string): Promise<AttachmentInfo[]>;
}
