import { createHash } from 'node:crypto';
import { gostDigestOf } from '../gost/gost-algorithms.js';
import { DIGEST_OIDS } from '../oids.js';

/** The digest of data under a digest-algorithm OID (SHA-2 via node:crypto, GOST via the GOST module); undefined if unknown. */
export function digestWith(oid: string, data: Uint8Array): Uint8Array | undefined {
  const name = DIGEST_OIDS[oid];
  if (name) return new Uint8Array(createHash(name).update(data).digest());
  try {
    return gostDigestOf(oid)?.(data);
  } catch {
    return undefined;
  }
}
