// Object identifiers of the GOST algorithms as Kazakhstan's NCA uses them (arc 1.2.398.3.10.1, found in
// the NCA test PKI's certificates, CRLs and time-stamp tokens), plus the Russian OIDs of the same curves
// and digests that a key's parameters may name instead.

/** The OIDs, by what they identify. */
export const GOST_OIDS = {
  /** Public key, GOST 34.310-2004 (256-bit). */
  publicKey2004: '1.2.398.3.10.1.1.1.1',
  /** Signature, GOST 34.310-2004 with GOST 34.311-95. */
  signature2004: '1.2.398.3.10.1.1.1.2',
  /** Curve of the 2004 keys (the CryptoPro-A curve). */
  curve2004A: '1.2.398.3.10.1.1.1.1.1',
  /** Digest, GOST 34.311-95. */
  digest34311: '1.2.398.3.10.1.3.1',
  /** Digest parameters of GOST 34.311-95 (its S-boxes), named in the 2004 keys' parameters. */
  digest34311Parameters: '1.2.398.3.10.1.3.1.1.0',
  /** Public key, GOST 34.10-2015 with 512-bit keys. */
  publicKey2015x512: '1.2.398.3.10.1.1.2.2',
  /** Signature, GOST 34.10-2015 (512) with GOST 34.11-2015 (512). */
  signature2015x512: '1.2.398.3.10.1.1.2.3.2',
  /** Curve of the 2015 512-bit keys (the TC26 512 paramSetA curve). */
  curve2015x512A: '1.2.398.3.10.1.1.2.2.1',
  /** Digest, GOST 34.11-2015 with a 512-bit result. */
  digest34112015x512: '1.2.398.3.10.1.3.3',
  /** Russian OIDs of the same curves and digests. */
  cryptoProA: '1.2.643.2.2.35.1',
  cryptoProXchA: '1.2.643.2.2.36.0',
  tc26x512A: '1.2.643.7.1.2.1.2.1',
  streebog256: '1.2.643.7.1.1.2.2',
  streebog512: '1.2.643.7.1.1.2.3',
  gostR341194: '1.2.643.2.2.9',
} as const;
