// Opens a PKCS#12 (.p12/.pfx) container: checks its integrity MAC, decrypts its bags and returns the private
// key with the certificates, the key's own certificate first. NCA's containers use the legacy SHA-1/3DES
// and SHA-1/RC2-40 schemes; containers made by today's OpenSSL use PBES2 with AES and an SHA-256 MAC.

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import * as asn1js from 'asn1js';
import { children, explicitContent, octetContent, oid, parseDer } from './der-reading.js';
import { decryptWithPassword } from './password-based-decryption.js';
import { PKCS12_KEY_PURPOSE, pkcs12DeriveKey } from './pkcs12-key-derivation.js';
import { Pkcs12Error } from './pkcs12-error.js';
import { certificateMatchesKey, decodePrivateKeyInfo } from './private-key-info.js';
import type { SigningKey } from './signing-key.js';

export type { SigningKey } from './signing-key.js';
export { Pkcs12Error } from './pkcs12-error.js';

const OIDS = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  safeContentsBag: '1.2.840.113549.1.12.10.1.6',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  localKeyId: '1.2.840.113549.1.9.21',
} as const;

const MAC_DIGESTS: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

interface Bag {
  readonly kind: 'key' | 'certificate';
  readonly der: Uint8Array;
  readonly localKeyId?: string;
}

/** The private key and the certificates (DER, the key's own certificate first) of a PKCS#12 container. */
export function readPkcs12(der: Uint8Array, password: string): { key: SigningKey; certificates: Uint8Array[] } {
  const pfx = children(parseDer(der, 'the container'), 'PFX');
  const [, authSafe, macData] = pfx;
  const authSafeParts = children(authSafe, 'authSafe');
  if (oid(authSafeParts[0], 'authSafe type') !== OIDS.data) throw new Pkcs12Error('unsupported-algorithm', 'public-key integrity mode');
  const authenticatedSafe = octetContent(explicitContent(authSafeParts[1], 'authSafe content'), 'authSafe content');
  if (macData) checkMac(children(macData, 'MacData'), password, authenticatedSafe);

  const bags: Bag[] = [];
  for (const contentInfo of children(parseDer(authenticatedSafe, 'AuthenticatedSafe'), 'AuthenticatedSafe')) {
    const [typeNode, contentNode] = children(contentInfo, 'ContentInfo');
    const type = oid(typeNode, 'ContentInfo type');
    const content = explicitContent(contentNode, 'ContentInfo content');
    if (type === OIDS.data) collectBags(octetContent(content, 'SafeContents'), password, bags);
    else if (type === OIDS.encryptedData) collectBags(decryptEncryptedData(content, password), password, bags);
    else throw new Pkcs12Error('unsupported-algorithm', `content type ${type}`);
  }

  const keyBag = bags.find((b) => b.kind === 'key');
  if (!keyBag) throw new Pkcs12Error('no-private-key');
  const key = decodePrivateKeyInfo(keyBag.der);
  const certificates = bags.filter((b) => b.kind === 'certificate');
  // The key's own certificate: the one whose public key is the key's, else the one with the key's localKeyId.
  const own =
    certificates.find((c) => certificateMatchesKey(c.der, key)) ??
    (keyBag.localKeyId !== undefined ? certificates.find((c) => c.localKeyId === keyBag.localKeyId) : undefined);
  const ordered = own ? [own, ...certificates.filter((c) => c !== own)] : certificates;
  return { key, certificates: ordered.map((c) => c.der) };
}

function checkMac(macData: asn1js.AsnType[], password: string, content: Uint8Array): void {
  const [digestInfo, saltNode, iterationsNode] = macData;
  const [algorithm, expectedNode] = children(digestInfo, 'DigestInfo');
  const digestOid = oid(children(algorithm, 'MAC algorithm')[0], 'MAC digest');
  const digest = MAC_DIGESTS[digestOid];
  if (!digest) throw new Pkcs12Error('unsupported-algorithm', `MAC digest ${digestOid}`);
  const salt = octetContent(saltNode, 'MAC salt');
  const iterations = iterationsNode instanceof asn1js.Integer ? iterationsNode.valueBlock.valueDec : 1;
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > 10_000_000) throw new Pkcs12Error('malformed-container', 'MAC iterations');
  const expected = octetContent(expectedNode, 'MAC value');
  const length = createHash(digest).digest().length;
  const macKey = pkcs12DeriveKey(digest, password, salt, iterations, PKCS12_KEY_PURPOSE.macKey, length);
  const actual = createHmac(digest, macKey).update(content).digest();
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw new Pkcs12Error('wrong-password', 'MAC mismatch');
}

function decryptEncryptedData(content: asn1js.AsnType, password: string): Uint8Array {
  const [, encryptedContentInfo] = children(content, 'EncryptedData');
  const [, algorithm, encrypted] = children(encryptedContentInfo, 'EncryptedContentInfo');
  if (!(algorithm instanceof asn1js.Sequence)) throw new Pkcs12Error('malformed-container', 'content encryption algorithm');
  return decryptWithPassword(algorithm, password, octetContent(encrypted, 'encrypted content'));
}

function localKeyIdOf(attributes: asn1js.AsnType | undefined): string | undefined {
  if (!(attributes instanceof asn1js.Set)) return undefined;
  for (const attribute of attributes.valueBlock.value) {
    const [type, values] = children(attribute, 'attribute');
    if (oid(type, 'attribute type') === OIDS.localKeyId && values instanceof asn1js.Set) {
      return Buffer.from(octetContent(values.valueBlock.value[0], 'localKeyId')).toString('hex');
    }
  }
  return undefined;
}

function collectBags(safeContents: Uint8Array, password: string, bags: Bag[]): void {
  let parsed: asn1js.AsnType;
  try {
    parsed = parseDer(safeContents, 'SafeContents');
  } catch (error) {
    // Decrypted bytes that are not DER mean the decryption key was wrong (a container without a MAC).
    throw error instanceof Pkcs12Error ? new Pkcs12Error('wrong-password', 'SafeContents do not parse') : error;
  }
  for (const bag of children(parsed, 'SafeContents')) {
    const [typeNode, valueNode, attributes] = children(bag, 'SafeBag');
    const type = oid(typeNode, 'SafeBag type');
    const value = explicitContent(valueNode, 'SafeBag value');
    const localKeyId = localKeyIdOf(attributes);
    const withId = <T extends object>(b: T) => (localKeyId === undefined ? b : { ...b, localKeyId });
    if (type === OIDS.keyBag) {
      bags.push(withId({ kind: 'key' as const, der: new Uint8Array(value.toBER()) }));
    } else if (type === OIDS.shroudedKeyBag) {
      const [algorithm, encrypted] = children(value, 'EncryptedPrivateKeyInfo');
      if (!(algorithm instanceof asn1js.Sequence)) throw new Pkcs12Error('malformed-container', 'key encryption algorithm');
      bags.push(withId({ kind: 'key' as const, der: decryptWithPassword(algorithm, password, octetContent(encrypted, 'encrypted key')) }));
    } else if (type === OIDS.certBag) {
      const [certType, certValue] = children(value, 'CertBag');
      if (oid(certType, 'certificate type') !== OIDS.x509Certificate) continue;
      bags.push(withId({ kind: 'certificate' as const, der: octetContent(explicitContent(certValue, 'certificate'), 'certificate') }));
    } else if (type === OIDS.safeContentsBag) {
      collectBags(new Uint8Array(value.toBER()), password, bags);
    }
    // CRL bags and secret bags carry nothing a signer needs.
  }
}
