import './reflect-metadata-shim.js';
import { KeyObject, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import * as asn1js from 'asn1js';
import { parseCertificate, type X509 } from '../certificate/parse-certificates.js';
import { arrayBufferOf } from '../der-or-pem.js';
import { EXTENSION_OIDS, keyUserOid, OCSP_OIDS, type KeyUser } from '../oids.js';
import { createTestOcspResponse } from './create-test-ocsp-response.js';

// A small PKI shaped like NCA RK's, made fresh in memory for tests and demos: names are fixed, keys
// are new on every run and never written to the repository. The people and organisation are the
// fictional demo ones of src/catalogue/directory/demo-users.yaml.

const crypto = webcrypto as unknown as Crypto;
x509.cryptoProvider.set(crypto);

const RSA: RsaHashedKeyGenParams = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
const EC: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };
const EC_SIGNING: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };

/** The base URL the certificates name for CRLs and OCSP when none is given: a closed port, so nothing answers. */
export const DEFAULT_TEST_PKI_BASE_URL = 'http://127.0.0.1:9/test-pki';

/** A certificate with its private key. */
export interface TestIdentity {
  readonly certificate: X509;
  readonly privateKey: CryptoKey;
  /** The same key as node:crypto sees it (for signing with node:crypto). */
  readonly keyObject: KeyObject;
  readonly algorithm: 'rsa' | 'ecdsa';
}

/** The whole test PKI. */
export interface TestPki {
  /** The instant the CRLs and OCSP responses speak for; verify "as of" it. */
  readonly now: Date;
  readonly root: TestIdentity;
  readonly issuingCa: TestIdentity;
  readonly ocspResponder: TestIdentity;
  /** An individual (IIN) with a signing key and an authentication key, as NCA issues them in pairs. */
  readonly individualSigning: TestIdentity;
  readonly individualAuthentication: TestIdentity;
  /** A legal entity's first head and an employee who may sign (OU=BIN…, O=…). */
  readonly headSigning: TestIdentity;
  readonly employeeSigning: TestIdentity;
  readonly expired: TestIdentity;
  readonly revoked: TestIdentity;
  /** The instant `revoked` was revoked. */
  readonly revokedAt: Date;
  readonly untrustedCa: TestIdentity;
  readonly untrusted: TestIdentity;
  /** The full CRL of the issuing CA (lists `revoked`) and a delta CRL on top of it (lists `employeeSigning` on hold). */
  readonly crl: Uint8Array;
  readonly deltaCrl: Uint8Array;
  /** OCSP responses: good for the individual's signing key, revoked for `revoked`. */
  readonly ocspGood: Uint8Array;
  readonly ocspRevoked: Uint8Array;
  /** Where the certificates point for revocation. */
  readonly baseUrl: string;
}

/** Fictional people and organisation of the demo directory. */
export const TEST_PEOPLE = {
  individual: { iin: '850515310013', surname: 'СЕЙТҚАЛИ', givenName: 'АСҚАР', patronymic: 'НҰРЛАНҰЛЫ' },
  head: { iin: '771111310012', surname: 'АХМЕТОВ', givenName: 'ЕРЛАН', patronymic: 'БОЛАТҰЛЫ' },
  employee: { iin: '010203510015', surname: 'ТҰРСЫНОВ', givenName: 'НҰРСҰЛТАН', patronymic: 'ЕРЛАНҰЛЫ' },
  organisation: { bin: '090440010017', name: '«ШИПАГЕР» МЕДИЦИНАЛЫҚ ОРТАЛЫҒЫ ЖШС' },
} as const;

const VALIDITY = {
  root: [new Date('2020-01-01T00:00:00Z'), new Date('2050-01-01T00:00:00Z')],
  ca: [new Date('2020-01-01T00:00:00Z'), new Date('2045-01-01T00:00:00Z')],
  leaf: [new Date('2024-01-01T00:00:00Z'), new Date('2044-01-01T00:00:00Z')],
  expired: [new Date('2020-01-01T00:00:00Z'), new Date('2021-01-01T00:00:00Z')],
} as const;

type Person = { iin: string; surname: string; givenName: string; patronymic: string };

/** An NCA-style subject: CN, SURNAME, SERIALNUMBER=IIN…, C, [O, OU=BIN…], G. */
export function personName(p: Person, organisation?: { bin: string; name: string }): x509.JsonName {
  return [
    { '2.5.4.3': [`${p.surname} ${p.givenName}`] },
    { '2.5.4.4': [p.surname] },
    { '2.5.4.5': [`IIN${p.iin}`] },
    { '2.5.4.6': ['KZ'] },
    ...(organisation ? [{ '2.5.4.10': [organisation.name] }, { '2.5.4.11': [`BIN${organisation.bin}`] }] : []),
    { '2.5.4.42': [p.patronymic] },
  ];
}

export function caName(cn: string): x509.JsonName {
  return [{ '2.5.4.3': [cn] }, { '2.5.4.6': ['KZ'] }];
}

async function newKeys(algorithm: 'rsa' | 'ecdsa'): Promise<CryptoKeyPair> {
  return (await crypto.subtle.generateKey(algorithm === 'rsa' ? RSA : EC, true, ['sign', 'verify'])) as CryptoKeyPair;
}

function signingAlgorithmOf(key: CryptoKey): Algorithm | EcdsaParams {
  return key.algorithm.name === 'ECDSA' ? EC_SIGNING : { name: 'RSASSA-PKCS1-v1_5' };
}

let serialCounter = 0;
/** A unique positive serial (hex), unpredictable across runs as real CAs make them. */
function newSerial(): string {
  serialCounter += 1;
  const random = Buffer.from(crypto.getRandomValues(new Uint8Array(12))).toString('hex');
  return `4${random}${serialCounter.toString(16).padStart(4, '0')}`;
}

/** What a certificate is issued with. */
export interface Issue {
  subject: x509.JsonName;
  algorithm: 'rsa' | 'ecdsa';
  validity: readonly [Date, Date];
  issuer?: { identity: TestIdentity; keys: CryptoKeyPair };
  baseUrl?: string;
  ca?: boolean;
  keyUsage?: x509.KeyUsageFlags;
  extendedKeyUsage?: string[];
  /** Marks the extended key usage critical, as RFC 3161 §2.3 requires of a TSA's certificate. */
  criticalExtendedKeyUsage?: boolean;
  policies?: string[];
}

/** Issues one certificate (a CA's own when `issuer` is absent) with a fresh key. */
export async function issueTestCertificate(spec: Issue): Promise<{ identity: TestIdentity; keys: CryptoKeyPair }> {
  const keys = await newKeys(spec.algorithm);
  const certificate = await certifyKey(spec, keys.publicKey, spec.issuer?.keys.privateKey ?? keys.privateKey);
  const identity: TestIdentity = {
    certificate,
    privateKey: keys.privateKey,
    keyObject: KeyObject.from(keys.privateKey),
    algorithm: spec.algorithm,
  };
  return { identity, keys };
}

/**
 * Certifies a public key the caller holds the private half of — one WebCrypto has no algorithm for
 * (a GOST key), given as its SubjectPublicKeyInfo — under an issuer.
 */
export async function certifyPublicKeyInfo(spec: Omit<Issue, 'algorithm' | 'ca'> & { issuer: NonNullable<Issue['issuer']> }, spki: Uint8Array): Promise<X509> {
  return certifyKey({ ...spec, algorithm: 'rsa' }, new x509.PublicKey(arrayBufferOf(spki)), spec.issuer.keys.privateKey);
}

async function certifyKey(spec: Issue, publicKey: CryptoKey | x509.PublicKey, signingKey: CryptoKey): Promise<X509> {
  const extensions: x509.Extension[] = [
    await x509.SubjectKeyIdentifierExtension.create(publicKey),
    ...(spec.issuer ? [await x509.AuthorityKeyIdentifierExtension.create(spec.issuer.keys.publicKey)] : []),
  ];
  if (spec.ca) extensions.push(new x509.BasicConstraintsExtension(true, undefined, true));
  extensions.push(new x509.KeyUsagesExtension(spec.keyUsage ?? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true));
  if (spec.extendedKeyUsage) extensions.push(new x509.ExtendedKeyUsageExtension(spec.extendedKeyUsage, spec.criticalExtendedKeyUsage ?? false));
  if (spec.policies) extensions.push(new x509.CertificatePolicyExtension(spec.policies));
  if (spec.issuer && !spec.ca && spec.baseUrl) {
    extensions.push(new x509.CRLDistributionPointsExtension([`${spec.baseUrl}/ca.crl`]));
    // Freshest CRL (RFC 5280 §4.2.1.15) has the CDP syntax under its own OID: where NCA puts its delta CRL.
    extensions.push(new x509.Extension(EXTENSION_OIDS.freshestCrl, false, new x509.CRLDistributionPointsExtension([`${spec.baseUrl}/ca-delta.crl`]).value));
    extensions.push(new x509.AuthorityInfoAccessExtension({ ocsp: [`${spec.baseUrl}/ocsp`], caIssuers: [`${spec.baseUrl}/ca.cer`] }));
  }
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: newSerial(),
    subject: spec.subject,
    issuer: spec.issuer ? new x509.X509Certificate(arrayBufferOf(spec.issuer.identity.certificate.der)).subjectName : spec.subject,
    notBefore: spec.validity[0],
    notAfter: spec.validity[1],
    publicKey,
    signingKey,
    signingAlgorithm: signingAlgorithmOf(signingKey),
    extensions,
  });
  return parseCertificate(new Uint8Array(cert.rawData));
}

export const SIGNING = x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation;
export const AUTHENTICATION = x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment;
export const EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4';
export const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
export const TIME_STAMPING = '1.3.6.1.5.5.7.3.8';
export const users = (...u: KeyUser[]) => u.map(keyUserOid);

function integerDer(n: number): ArrayBuffer {
  return new asn1js.Integer({ value: n }).toBER();
}

/**
 * Builds the test PKI in memory. `now` (default: the clock) dates the CRLs and OCSP responses;
 * `baseUrl` is where the end-entity certificates say their CRL (`/ca.crl`) and OCSP responder (`/ocsp`) are.
 */
export async function buildTestPki(options: { now?: Date; baseUrl?: string } = {}): Promise<TestPki> {
  const now = options.now ?? new Date();
  const baseUrl = options.baseUrl ?? DEFAULT_TEST_PKI_BASE_URL;
  const root = await issueTestCertificate({ subject: caName('REGLAMENT TEST ROOT CA'), algorithm: 'ecdsa', validity: VALIDITY.root, ca: true });
  const ca = await issueTestCertificate({ subject: caName('REGLAMENT TEST ISSUING CA'), algorithm: 'ecdsa', validity: VALIDITY.ca, ca: true, issuer: root });
  const leaf = (
    subject: x509.JsonName,
    algorithm: 'rsa' | 'ecdsa',
    keyUsage: number,
    eku: string[],
    policies: string[],
    validity: readonly [Date, Date] = VALIDITY.leaf,
    issuer = ca,
  ) => issueTestCertificate({ subject, algorithm, validity, issuer, keyUsage, extendedKeyUsage: eku, policies, baseUrl });
  const { individual, head, employee, organisation } = TEST_PEOPLE;

  const individualSigning = await leaf(personName(individual), 'rsa', SIGNING, [EMAIL_PROTECTION, ...users('individual')], ['1.2.398.3.3.2.3']);
  const individualAuthentication = await leaf(personName(individual), 'ecdsa', AUTHENTICATION, [CLIENT_AUTH, ...users('individual')], ['1.2.398.3.3.2.4']);
  const headSigning = await leaf(
    personName(head, organisation),
    'ecdsa',
    SIGNING,
    [EMAIL_PROTECTION, ...users('organisation', 'first-head')],
    ['1.2.398.3.3.2.1'],
  );
  const employeeSigning = await leaf(
    personName(employee, organisation),
    'rsa',
    SIGNING,
    [EMAIL_PROTECTION, ...users('organisation', 'may-sign', 'employee')],
    ['1.2.398.3.3.2.1'],
  );
  const expired = await leaf(personName(individual), 'ecdsa', SIGNING, [EMAIL_PROTECTION, ...users('individual')], ['1.2.398.3.3.2.3'], VALIDITY.expired);
  const revoked = await leaf(personName(individual), 'ecdsa', SIGNING, [EMAIL_PROTECTION, ...users('individual')], ['1.2.398.3.3.2.3']);
  const ocspResponder = await issueTestCertificate({
    subject: caName('REGLAMENT TEST OCSP RESPONDER'),
    algorithm: 'ecdsa',
    validity: VALIDITY.ca,
    issuer: ca,
    keyUsage: x509.KeyUsageFlags.digitalSignature,
    extendedKeyUsage: [OCSP_OIDS.ocspSigning],
  });
  const untrustedCa = await issueTestCertificate({ subject: caName('UNKNOWN TEST CA'), algorithm: 'ecdsa', validity: VALIDITY.ca, ca: true });
  const untrusted = await leaf(
    personName(individual),
    'ecdsa',
    SIGNING,
    [EMAIL_PROTECTION, ...users('individual')],
    ['1.2.398.3.3.2.3'],
    VALIDITY.leaf,
    untrustedCa,
  );

  const revokedAt = new Date('2024-06-01T06:00:00Z');
  const serialOf = (i: TestIdentity) => Buffer.from(i.certificate.cert.serialNumber.valueBlock.valueHexView).toString('hex');
  const caName509 = new x509.X509Certificate(arrayBufferOf(ca.identity.certificate.der)).subjectName;
  const crl = await x509.X509CrlGenerator.create({
    issuer: caName509,
    thisUpdate: now,
    nextUpdate: new Date(now.getTime() + 7 * 86400_000),
    signingKey: ca.keys.privateKey,
    signingAlgorithm: EC_SIGNING,
    extensions: [new x509.Extension(EXTENSION_OIDS.crlNumber, false, integerDer(10)), await x509.AuthorityKeyIdentifierExtension.create(ca.keys.publicKey)],
    entries: [{ serialNumber: serialOf(revoked.identity), revocationDate: revokedAt, reason: x509.X509CrlReason.keyCompromise }],
  });
  const deltaCrl = await x509.X509CrlGenerator.create({
    issuer: caName509,
    thisUpdate: now,
    nextUpdate: new Date(now.getTime() + 86400_000),
    signingKey: ca.keys.privateKey,
    signingAlgorithm: EC_SIGNING,
    extensions: [
      new x509.Extension(EXTENSION_OIDS.crlNumber, false, integerDer(11)),
      new x509.Extension(EXTENSION_OIDS.deltaCrlIndicator, true, integerDer(10)),
    ],
    entries: [
      { serialNumber: serialOf(employeeSigning.identity), revocationDate: new Date(now.getTime() - 3600_000), reason: x509.X509CrlReason.certificateHold },
    ],
  });

  const responder = { identity: ocspResponder.identity, issuer: ca.identity };
  const ocspGood = await createTestOcspResponse({ ...responder, certificate: individualSigning.identity, status: { status: 'good' }, now });
  const ocspRevoked = await createTestOcspResponse({
    ...responder,
    certificate: revoked.identity,
    status: { status: 'revoked', revokedAt, reasonCode: 1 },
    now,
  });

  return {
    now,
    root: root.identity,
    issuingCa: ca.identity,
    ocspResponder: ocspResponder.identity,
    individualSigning: individualSigning.identity,
    individualAuthentication: individualAuthentication.identity,
    headSigning: headSigning.identity,
    employeeSigning: employeeSigning.identity,
    expired: expired.identity,
    revoked: revoked.identity,
    revokedAt,
    untrustedCa: untrustedCa.identity,
    untrusted: untrusted.identity,
    crl: new Uint8Array(crl.rawData),
    deltaCrl: new Uint8Array(deltaCrl.rawData),
    ocspGood,
    ocspRevoked,
    baseUrl,
  };
}
