// A signer over a private key held by this process, read from a PKCS#12 container: RSA PKCS#1 v1.5 with
// SHA-256, ECDSA P-256 with SHA-256 (node:crypto), and GOST 34.310-2004 / 34.10-2015 (pure TypeScript).

import { sign as nodeSign } from 'node:crypto';
import { signGost } from '../gost/gost-algorithms.js';
import { GOST_2004, GOST_2015_512, gostProfileOf } from '../gost/gost-profiles.js';
import { readPkcs12, type SigningKey } from '../pkcs12/read-pkcs12.js';
import { SignerError } from './signer-error.js';
import type { RawSignature, SignatureAlgorithms, Signer, SignRawOptions } from './signer.js';

/** OIDs of the RSA and ECDSA algorithms this signer uses. */
export const NODE_SIGNATURE_OIDS = {
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

function algorithmsOf(key: SigningKey): SignatureAlgorithms {
  if (key.algorithm === 'gost') {
    const profile = gostProfileOf(key.key.algorithmOid);
    if (profile !== GOST_2004 && profile !== GOST_2015_512) throw new SignerError('unsupported-key', key.key.algorithmOid);
    return { signatureAlgorithmOid: profile.signatureOid, digestAlgorithmOid: profile.digestOid };
  }
  if (key.algorithm === 'rsa') return { signatureAlgorithmOid: NODE_SIGNATURE_OIDS.sha256WithRsa, digestAlgorithmOid: NODE_SIGNATURE_OIDS.sha256 };
  // SHA-256 belongs with P-256; other curves would need their own digest and NCA does not issue them.
  const curve = key.key.asymmetricKeyDetails?.namedCurve;
  if (curve !== 'prime256v1') throw new SignerError('unsupported-key', `curve ${curve}`);
  return { signatureAlgorithmOid: NODE_SIGNATURE_OIDS.ecdsaWithSha256, digestAlgorithmOid: NODE_SIGNATURE_OIDS.sha256 };
}

/** Signs with a key in this process's memory. */
export class LocalPkcs12Signer implements Signer {
  private readonly chosen: SignatureAlgorithms;

  /** A signer over a key and its certificates (the key's own certificate first). */
  constructor(
    private readonly key: SigningKey,
    private readonly certificates: readonly Uint8Array[],
  ) {
    this.chosen = algorithmsOf(key);
  }

  /** Opens a PKCS#12 container; throws Pkcs12Error (wrong password, damaged file) or SignerError. */
  static fromPkcs12(der: Uint8Array, password: string): LocalPkcs12Signer {
    const { key, certificates } = readPkcs12(der, password);
    return new LocalPkcs12Signer(key, certificates);
  }

  async certificateChain(): Promise<Uint8Array[]> {
    return this.certificates.map((c) => c.slice());
  }

  async algorithms(): Promise<SignatureAlgorithms> {
    return this.chosen;
  }

  async signRaw(data: Uint8Array, options: SignRawOptions = {}): Promise<RawSignature> {
    const key = this.key;
    if (key.algorithm === 'gost') return signGost(key.key, data);
    const signature = nodeSign('sha256', data, key.algorithm === 'ecdsa' ? { key: key.key, dsaEncoding: options.ecdsaEncoding ?? 'der' } : key.key);
    return { ...this.chosen, signature: new Uint8Array(signature) };
  }
}
