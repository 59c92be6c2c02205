// PKCS#8 PrivateKeyInfo to SigningKey: RSA and EC through node:crypto, GOST through the pure-TypeScript module.
// NCA writes a GOST private key as an INTEGER holding the scalar d inside the privateKey OCTET STRING.

import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import { gostPublicKeyInfoOf, isGostAlgorithm, type GostPrivateKey } from '../gost/gost-algorithms.js';
import { parseGostPublicKeyInfo } from '../gost/gost-public-key-info.js';
import { children, octetContent, oid, parseDer } from './der-reading.js';
import { Pkcs12Error } from './pkcs12-error.js';
import type { SigningKey } from './signing-key.js';

/** Decodes a DER PrivateKeyInfo. */
export function decodePrivateKeyInfo(der: Uint8Array): SigningKey {
  let info: asn1js.AsnType[];
  try {
    info = children(parseDer(der, 'PrivateKeyInfo'), 'PrivateKeyInfo');
  } catch {
    // Decrypted bytes that are not a PrivateKeyInfo: the key-encryption key was wrong.
    throw new Pkcs12Error('wrong-password', 'the decrypted key does not parse');
  }
  const [, algorithm, privateKey] = info;
  const [algorithmOidNode, parameters] = children(algorithm, 'private key algorithm');
  const algorithmOid = oid(algorithmOidNode, 'private key algorithm');
  if (isGostAlgorithm(algorithmOid)) return { algorithm: 'gost', key: decodeGostKey(algorithmOid, parameters, octetContent(privateKey, 'private key')) };
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
  } catch (error) {
    throw new Pkcs12Error('unsupported-algorithm', `${algorithmOid}: ${(error as Error).message}`);
  }
  if (key.asymmetricKeyType === 'rsa') return { algorithm: 'rsa', key };
  if (key.asymmetricKeyType === 'ec') return { algorithm: 'ecdsa', key };
  throw new Pkcs12Error('unsupported-algorithm', key.asymmetricKeyType ?? algorithmOid);
}

function decodeGostKey(algorithmOid: string, parameters: asn1js.AsnType | undefined, privateKey: Uint8Array): GostPrivateKey {
  if (!(parameters instanceof asn1js.Sequence)) throw new Pkcs12Error('malformed-container', 'GOST key parameters');
  const curveOid = oid(parameters.valueBlock.value[0], 'GOST curve');
  const inner = parseDer(privateKey, 'GOST private key');
  let d: bigint;
  if (inner instanceof asn1js.Integer) {
    d = BigInt(inner.toBigInt());
  } else if (inner instanceof asn1js.OctetString) {
    // The RFC 4491 / CryptoPro form: the scalar as little-endian bytes.
    d = BigInt('0x' + (Buffer.from(inner.valueBlock.valueHexView).reverse().toString('hex') || '0'));
  } else {
    throw new Pkcs12Error('malformed-container', 'GOST private key form');
  }
  const key = { algorithmOid, curveOid, d };
  try {
    gostPublicKeyInfoOf(key);
  } catch (error) {
    throw new Pkcs12Error('malformed-container', (error as Error).message);
  }
  return key;
}

function subjectPublicKeyInfoOf(certificate: Uint8Array): Uint8Array | undefined {
  const cert = asn1js.fromBER(certificate).result;
  if (!(cert instanceof asn1js.Sequence)) return undefined;
  const tbs = cert.valueBlock.value[0];
  if (!(tbs instanceof asn1js.Sequence)) return undefined;
  const fields = tbs.valueBlock.value;
  const offset = fields[0]?.idBlock.tagClass === 3 ? 1 : 0;
  const spki = fields[offset + 5];
  return spki ? new Uint8Array(spki.toBER()) : undefined;
}

/** Whether a DER certificate carries the public key of `key`. */
export function certificateMatchesKey(certificate: Uint8Array, key: SigningKey): boolean {
  const spki = subjectPublicKeyInfoOf(certificate);
  if (!spki) return false;
  if (key.algorithm === 'gost') {
    const theirs = parseGostPublicKeyInfo(spki);
    const ours = parseGostPublicKeyInfo(gostPublicKeyInfoOf(key.key));
    return theirs !== undefined && ours !== undefined && theirs.curve === ours.curve && theirs.point.x === ours.point.x && theirs.point.y === ours.point.y;
  }
  try {
    const theirs = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
    return theirs.equals(createPublicKey(key.key));
  } catch {
    return false;
  }
}
