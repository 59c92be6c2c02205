import { verifyCms } from '../cms/verify-cms.js';
import { REASONS } from '../reasons.js';
import type { SignedDocumentReport, VerifyOptions } from '../signed-document-report.js';
import { failed } from '../signature-check.js';

/**
 * Verifies a base64 CMS as the application receives it from a client or from its own history: a
 * malformed one is an invalid signature with a reason, never an exception.
 */
export async function verifyBase64Cms(base64: string, options: VerifyOptions & { data?: Uint8Array }): Promise<SignedDocumentReport> {
  const der = new Uint8Array(Buffer.from(base64, 'base64'));
  try {
    return await verifyCms(der, options);
  } catch {
    return { valid: false, format: 'cms', signers: [{ subject: {}, signedAtSource: 'none', checks: [failed('integrity', REASONS.noSignature())] }] };
  }
}
