// Which OIDs, digest, curves and sizes belong together in each GOST generation NCA issues keys for.

import { gost34311 } from './gost34311-hash.js';
import { CRYPTOPRO_A, TC26_512_A, type GostCurve } from './gost-curves.js';
import { GOST_OIDS } from './gost-oids.js';
import { streebog512 } from './streebog-hash.js';

/** One generation of GOST signatures. */
export interface GostProfile {
  readonly name: string;
  readonly publicKeyOid: string;
  readonly signatureOid: string;
  readonly digestOid: string;
  readonly digest: (data: Uint8Array) => Uint8Array;
  /** Curves by parameter-set OID; the first is the one new keys get. */
  readonly curves: ReadonlyMap<string, GostCurve>;
  /** Digest parameter OID written next to the curve in a key's parameters, if the generation has one. */
  readonly digestParametersOid?: string;
}

/** GOST 34.310-2004 with GOST 34.311-95 (256-bit keys). */
export const GOST_2004: GostProfile = {
  name: 'GOST 34.310-2004',
  publicKeyOid: GOST_OIDS.publicKey2004,
  signatureOid: GOST_OIDS.signature2004,
  digestOid: GOST_OIDS.digest34311,
  digest: (data) => gost34311(data),
  curves: new Map([
    [GOST_OIDS.curve2004A, CRYPTOPRO_A],
    [GOST_OIDS.cryptoProA, CRYPTOPRO_A],
    [GOST_OIDS.cryptoProXchA, CRYPTOPRO_A],
  ]),
  digestParametersOid: GOST_OIDS.digest34311Parameters,
};

/** GOST 34.10-2015 with GOST 34.11-2015, 512-bit keys. */
export const GOST_2015_512: GostProfile = {
  name: 'GOST 34.10-2015 (512)',
  publicKeyOid: GOST_OIDS.publicKey2015x512,
  signatureOid: GOST_OIDS.signature2015x512,
  digestOid: GOST_OIDS.digest34112015x512,
  digest: streebog512,
  curves: new Map([
    [GOST_OIDS.curve2015x512A, TC26_512_A],
    [GOST_OIDS.tc26x512A, TC26_512_A],
  ]),
  digestParametersOid: GOST_OIDS.digest34112015x512,
};

/** Every generation this implementation knows. */
export const GOST_PROFILES: readonly GostProfile[] = [GOST_2004, GOST_2015_512];

/** The generation a public-key OID or a signature OID belongs to. */
export function gostProfileOf(oid: string): GostProfile | undefined {
  return GOST_PROFILES.find((p) => p.publicKeyOid === oid || p.signatureOid === oid);
}
