import { err, ok, type Result } from '../core/result.js';
import type { AppDeps } from './app-deps.js';
import { NOT_FOUND, type AppError } from './app-error.js';
import type { AttachmentInfo } from './ports/attachment-store.js';
import { maySeeCase, type Principal } from './principal.js';

/** A document to send back: what it is, and its bytes. */
export interface AttachmentDownload {
  readonly info: AttachmentInfo;
  readonly body: Buffer;
}

/**
 * A document for its uploader, or for anyone who may see the case it joined. To everyone else it
 * is not found, as if it did not exist, so its id reveals nothing.
 */
export async function downloadAttachment(deps: AppDeps, principal: Principal, id: string): Promise<Result<AttachmentDownload, AppError>> {
  const info = await deps.stores.attachments.info(id);
  const state = info?.caseId ? await deps.stores.cases.load(info.caseId) : undefined;
  if (!info || (info.ownerId !== principal.user.id && !(state && maySeeCase(principal, state)))) return err(NOT_FOUND);
  const body = await deps.stores.attachments.body(info.id);
  return body ? ok({ info, body }) : err(NOT_FOUND);
}
