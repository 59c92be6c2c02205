// Decryption under the password-based schemes PKCS#12 containers use: the legacy PKCS#12 PBE schemes
// (RFC 7292 appendix C: SHA-1 with 3DES or RC2) and PBES2 (RFC 8018: PBKDF2 with AES or 3DES in CBC).

import { createDecipheriv, pbkdf2Sync } from 'node:crypto';
import * as asn1js from 'asn1js';
import { PKCS12_KEY_PURPOSE, pkcs12DeriveKey } from './pkcs12-key-derivation.js';
import { Pkcs12Error } from './pkcs12-error.js';
import { rc2CbcDecrypt } from './rc2-cipher.js';

/** Object identifiers of the encryption schemes. */
export const PBE_OIDS = {
  sha1And3KeyTripleDesCbc: '1.2.840.113549.1.12.1.3',
  sha1And2KeyTripleDesCbc: '1.2.840.113549.1.12.1.4',
  sha1And128BitRc2Cbc: '1.2.840.113549.1.12.1.5',
  sha1And40BitRc2Cbc: '1.2.840.113549.1.12.1.6',
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
} as const;

interface LegacyScheme {
  readonly keyLength: number;
  readonly decrypt: (key: Uint8Array, iv: Uint8Array, data: Uint8Array) => Uint8Array;
}

const tripleDes = (key: Uint8Array, iv: Uint8Array, data: Uint8Array) => nodeDecrypt('des-ede3-cbc', key, iv, data);

const LEGACY: Readonly<Record<string, LegacyScheme>> = {
  [PBE_OIDS.sha1And3KeyTripleDesCbc]: { keyLength: 24, decrypt: tripleDes },
  // Two-key 3DES: K1 ‖ K2 ‖ K1.
  [PBE_OIDS.sha1And2KeyTripleDesCbc]: { keyLength: 16, decrypt: (k, iv, d) => tripleDes(new Uint8Array([...k, ...k.subarray(0, 8)]), iv, d) },
  [PBE_OIDS.sha1And128BitRc2Cbc]: { keyLength: 16, decrypt: (k, iv, d) => stripPadding(rc2CbcDecrypt(k, 128, iv, d), 8) },
  [PBE_OIDS.sha1And40BitRc2Cbc]: { keyLength: 5, decrypt: (k, iv, d) => stripPadding(rc2CbcDecrypt(k, 40, iv, d), 8) },
};

const PRF_DIGESTS: Readonly<Record<string, string>> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.8': 'sha224',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};

const PBES2_CIPHERS: Readonly<Record<string, { name: string; keyLength: number }>> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyLength: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyLength: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyLength: 32 },
  '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyLength: 24 },
};

function nodeDecrypt(cipher: string, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  try {
    const decipher = createDecipheriv(cipher, key, iv);
    return new Uint8Array(Buffer.concat([decipher.update(data), decipher.final()]));
  } catch {
    // Bad padding after decryption: the key, hence the password, is wrong.
    throw new Pkcs12Error('wrong-password', `${cipher} decryption failed`);
  }
}

function stripPadding(data: Uint8Array, blockSize: number): Uint8Array {
  const pad = data[data.length - 1] ?? 0;
  if (pad < 1 || pad > blockSize || pad > data.length) throw new Pkcs12Error('wrong-password', 'bad padding');
  for (let i = data.length - pad; i < data.length; i++) if (data[i] !== pad) throw new Pkcs12Error('wrong-password', 'bad padding');
  return data.subarray(0, data.length - pad);
}

function oidOf(node: unknown): string {
  if (!(node instanceof asn1js.ObjectIdentifier)) throw new Pkcs12Error('malformed-container', 'expected an OID');
  return node.valueBlock.toString();
}

function octets(node: unknown): Uint8Array {
  if (!(node instanceof asn1js.OctetString)) throw new Pkcs12Error('malformed-container', 'expected an OCTET STRING');
  return new Uint8Array(node.valueBlock.valueHexView);
}

function integer(node: unknown): number {
  if (!(node instanceof asn1js.Integer)) throw new Pkcs12Error('malformed-container', 'expected an INTEGER');
  const value = node.valueBlock.valueDec;
  if (!Number.isSafeInteger(value) || value < 1 || value > 10_000_000) throw new Pkcs12Error('malformed-container', 'iteration count out of range');
  return value;
}

function sequence(node: unknown): asn1js.AsnType[] {
  if (!(node instanceof asn1js.Sequence)) throw new Pkcs12Error('malformed-container', 'expected a SEQUENCE');
  return node.valueBlock.value;
}

/** Decrypts `data` encrypted under the AlgorithmIdentifier `algorithm` with `password`. */
export function decryptWithPassword(algorithm: asn1js.Sequence, password: string, data: Uint8Array): Uint8Array {
  const [oidNode, parameters] = algorithm.valueBlock.value;
  const oid = oidOf(oidNode);
  const legacy = LEGACY[oid];
  if (legacy) {
    const [saltNode, iterationsNode] = sequence(parameters);
    const salt = octets(saltNode);
    const iterations = integer(iterationsNode);
    const key = pkcs12DeriveKey('sha1', password, salt, iterations, PKCS12_KEY_PURPOSE.encryptionKey, legacy.keyLength);
    const iv = pkcs12DeriveKey('sha1', password, salt, iterations, PKCS12_KEY_PURPOSE.iv, 8);
    return legacy.decrypt(key, iv, data);
  }
  if (oid === PBE_OIDS.pbes2) return decryptPbes2(sequence(parameters), password, data);
  throw new Pkcs12Error('unsupported-algorithm', oid);
}

function decryptPbes2(parameters: asn1js.AsnType[], password: string, data: Uint8Array): Uint8Array {
  const [kdf, scheme] = parameters.map(sequence) as [asn1js.AsnType[], asn1js.AsnType[]];
  if (!kdf || !scheme) throw new Pkcs12Error('malformed-container', 'PBES2 parameters');
  if (oidOf(kdf[0]) !== PBE_OIDS.pbkdf2) throw new Pkcs12Error('unsupported-algorithm', oidOf(kdf[0]));
  const kdfParameters = sequence(kdf[1]);
  const salt = octets(kdfParameters[0]);
  const iterations = integer(kdfParameters[1]);
  // keyLength is optional and the PRF defaults to HMAC-SHA1.
  let digest = 'sha1';
  for (const extra of kdfParameters.slice(2)) {
    if (extra instanceof asn1js.Sequence) {
      const prf = oidOf(extra.valueBlock.value[0]);
      const name = PRF_DIGESTS[prf];
      if (!name) throw new Pkcs12Error('unsupported-algorithm', prf);
      digest = name;
    }
  }
  const cipherOid = oidOf(scheme[0]);
  const cipher = PBES2_CIPHERS[cipherOid];
  if (!cipher) throw new Pkcs12Error('unsupported-algorithm', cipherOid);
  const iv = octets(scheme[1]);
  // PKCS#12 with PBES2 passes the password to PBKDF2 as UTF-8 (as OpenSSL writes it).
  const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, cipher.keyLength, digest);
  return nodeDecrypt(cipher.name, key, iv, data);
}
