// The digest function for a digest-algorithm OID a signer names: SHA-2 through node:crypto, GOST through
// the GOST module.

import { createHash } from 'node:crypto';
import { gostDigestOf } from '../gost/gost-algorithms.js';

const NODE_DIGESTS: Readonly<Record<string, string>> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** The digest function, or undefined for an OID this code does not know. */
export function digestByOid(oid: string): ((data: Uint8Array) => Uint8Array) | undefined {
  const name = NODE_DIGESTS[oid];
  if (name) return (data) => new Uint8Array(createHash(name).update(data).digest());
  return gostDigestOf(oid);
}
