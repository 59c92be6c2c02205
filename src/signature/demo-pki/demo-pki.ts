import '../test-pki/reflect-metadata-shim.js';
import { createPrivateKey, KeyObject, webcrypto } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { subjectOf } from '../certificate/describe-certificate.js';
import { parseCertificate, type X509 } from '../certificate/parse-certificates.js';
import { arrayBufferOf } from '../der-or-pem.js';
import { trustStoreOf, type TrustStore } from '../chain/trust-store.js';
import type { RevocationSource } from '../revocation/revocation-source.js';
import { LocalPkcs12Signer } from '../signer/local-pkcs12-signer.js';
import { createTestOcspResponse } from '../test-pki/create-test-ocsp-response.js';
import { generateGostKey, gostPublicKeyInfoOf, type GostPrivateKey } from '../gost/gost-algorithms.js';
import {
  AUTHENTICATION,
  caName,
  certifyPublicKeyInfo,
  CLIENT_AUTH,
  EMAIL_PROTECTION,
  issueTestCertificate,
  personName,
  SIGNING,
  TIME_STAMPING,
  users,
  type TestIdentity,
} from '../test-pki/build-test-pki.js';

// The demonstration PKI of `npm start` and the tests: a CA standing in for NCA RK, a result-signing
// certificate for each provider organisation and signing/authentication certificates for the demo
// applicants. Keys are made on first use and kept in the data directory, never in the repository;
// nothing here is trusted outside a demonstration.

const crypto = webcrypto as unknown as Crypto;
x509.cryptoProvider.set(crypto);
// RSA-2048 with SHA-256, as NCA RK issues its RSA certificates (it issues GOST ones too; it never issues ECDSA).
const RSA: RsaHashedImportParams = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const VALIDITY = [new Date('2024-01-01T00:00:00Z'), new Date('2045-01-01T00:00:00Z')] as const;

/** A demo applicant or organisation a certificate is made for. */
export interface DemoHolder {
  /** File-safe name, e.g. a login or an organisation id. */
  readonly id: string;
  /** Full name: surname, given name, patronymic (individuals), or the organisation's name. */
  readonly name: string;
  readonly iin?: string;
  readonly bin?: string;
  readonly organisation?: string;
  /** A member of staff of the organisation (an employee's key), not its first head or representative. */
  readonly employee?: true;
  /** When its certificates are in force, if not the demonstration's usual years (tests make expired ones). */
  readonly validity?: readonly [Date, Date];
}

/** The demo PKI as loaded: the anchor, and identities by holder id and purpose. */
export interface DemoPki {
  readonly ca: TestIdentity;
  readonly trust: TrustStore;
  /** Always-fresh CRLs of the demo CA (nothing is revoked in the demonstration). */
  readonly revocation: RevocationSource;
  /** The signing identity of a holder (an organisation's result seal, an applicant's or a member of staff's signing key). */
  signing(id: string): TestIdentity | undefined;
  /** The authentication identity of an applicant or a member of staff (log-in by signature). */
  authentication(id: string): TestIdentity | undefined;
  /** A signer over one of its identities, with the demo CA's certificate in the chain. */
  signerOf(identity: TestIdentity): LocalPkcs12Signer;
  /** A person's GOST 34.10-2015 (512) signing key and certificate, which NCA issues beside the RSA one. */
  signingGost(id: string): DemoGostIdentity | undefined;
  /** A signer over a GOST identity, with the demo CA's certificate in the chain. */
  gostSignerOf(identity: DemoGostIdentity): LocalPkcs12Signer;
  /** The key of the bundled time-stamp authority (RFC 3161), certified by the demo CA for time-stamping only. */
  readonly tsa: TestIdentity;
  /**
   * Revokes a certificate from `at` on: the demo CA's CRL lists it from the next answer. Nothing in
   * the demonstration revokes by itself; tests use this to show a signature made before outlives it.
   */
  revoke(identity: TestIdentity, at: Date): void;
}

/** A GOST key of the demo PKI and its certificate (WebCrypto has no GOST: the key is a scalar of this module's GOST code). */
export interface DemoGostIdentity {
  readonly certificate: X509;
  readonly key: GostPrivateKey;
}

interface Material {
  certificate: X509;
  keys: CryptoKeyPair;
}

/** Only RSA material is kept: an older demonstration's ECDSA keys are made again. */
const isRsa = (certificate: X509) => certificate.cert.subjectPublicKeyInfo.algorithm.algorithmId === RSA_ENCRYPTION;

async function loadMaterial(dir: string, name: string): Promise<Material | undefined> {
  const certFile = join(dir, `${name}.pem`);
  const keyFile = join(dir, `${name}.key.pem`);
  if (!existsSync(certFile) || !existsSync(keyFile)) return undefined;
  const cert = new x509.X509Certificate(readFileSync(certFile, 'utf8'));
  const certificate = parseCertificate(new Uint8Array(cert.rawData));
  if (!isRsa(certificate)) return undefined;
  const privateKey = await crypto.subtle.importKey(
    'pkcs8',
    createPrivateKey(readFileSync(keyFile, 'utf8')).export({ format: 'der', type: 'pkcs8' }),
    RSA,
    true,
    ['sign'],
  );
  const publicKey = await cert.publicKey.export(RSA, ['verify'], crypto);
  return { certificate, keys: { privateKey, publicKey } };
}

function saveMaterial(dir: string, name: string, material: Material): void {
  writeFileSync(join(dir, `${name}.pem`), new x509.X509Certificate(arrayBufferOf(material.certificate.der)).toString('pem'));
  writeFileSync(join(dir, `${name}.key.pem`), KeyObject.from(material.keys.privateKey).export({ format: 'pem', type: 'pkcs8' }) as string, { mode: 0o600 });
}

async function loadGost(dir: string, name: string): Promise<DemoGostIdentity | undefined> {
  const certFile = join(dir, `${name}.pem`);
  const keyFile = join(dir, `${name}.key.json`);
  if (!existsSync(certFile) || !existsSync(keyFile)) return undefined;
  const key = JSON.parse(readFileSync(keyFile, 'utf8')) as { algorithmOid: string; curveOid: string; d: string };
  const certificate = parseCertificate(new Uint8Array(new x509.X509Certificate(readFileSync(certFile, 'utf8')).rawData));
  return { certificate, key: { algorithmOid: key.algorithmOid, curveOid: key.curveOid, d: BigInt(`0x${key.d}`) } };
}

function saveGost(dir: string, name: string, identity: DemoGostIdentity): void {
  writeFileSync(join(dir, `${name}.pem`), new x509.X509Certificate(arrayBufferOf(identity.certificate.der)).toString('pem'));
  const key = { algorithmOid: identity.key.algorithmOid, curveOid: identity.key.curveOid, d: identity.key.d.toString(16) };
  writeFileSync(join(dir, `${name}.key.json`), JSON.stringify(key), { mode: 0o600 });
}

const identityOf = (m: Material): TestIdentity => ({
  certificate: m.certificate,
  privateKey: m.keys.privateKey,
  keyObject: KeyObject.from(m.keys.privateKey),
  algorithm: 'rsa',
});

async function newDemoCa(dir: string): Promise<Material> {
  const validity = [new Date('2024-01-01T00:00:00Z'), new Date('2050-01-01T00:00:00Z')] as const;
  // A new CA makes every certificate under the old one void: they are made again under it.
  for (const file of readdirSync(dir)) if (file.endsWith('.pem')) rmSync(join(dir, file));
  const made = await issueTestCertificate({ subject: caName('REGLAMENT DEMO CA (NOT NCA RK)'), algorithm: 'rsa', validity, ca: true });
  const material = { certificate: made.identity.certificate, keys: made.keys };
  saveMaterial(dir, 'ca', material);
  return material;
}

/** Splits "Surname Given Patronymic" as NCA's subject fields want it. */
function personOf(holder: DemoHolder) {
  const [surname = holder.name, givenName = '', ...rest] = holder.name.toUpperCase().split(/\s+/);
  return { iin: holder.iin ?? '', surname, givenName, patronymic: rest.join(' ') };
}

/**
 * Loads the demo PKI from `dir`, making what is missing: the CA on first use, then a signing
 * certificate for every organisation and a signing and an authentication certificate for every applicant.
 */
export async function openDemoPki(dir: string, holders: DemoHolders): Promise<DemoPki> {
  mkdirSync(dir, { recursive: true });
  // Several server processes may share the data directory: one makes what is missing, the others wait and load it.
  const release = await lockDirectory(join(dir, '.lock'));
  try {
    return await openLocked(dir, holders);
  } finally {
    release();
  }
}

/** Takes a lock made of a directory (mkdir is atomic); a lock older than a minute is taken as left by a dead process. */
async function lockDirectory(path: string): Promise<() => void> {
  for (;;) {
    try {
      mkdirSync(path);
      return () => rmSync(path, { recursive: true, force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const age = Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 60_000) rmSync(path, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** Who gets demo certificates: organisations (their seal), applicants, and members of staff (their own signing and authentication keys). */
export interface DemoHolders {
  readonly organisations: readonly DemoHolder[];
  readonly applicants: readonly DemoHolder[];
  readonly staff?: readonly DemoHolder[];
}

async function openLocked(dir: string, holders: DemoHolders): Promise<DemoPki> {
  const ca = (await loadMaterial(dir, 'ca')) ?? (await newDemoCa(dir));
  const issuer = { identity: identityOf(ca), keys: ca.keys };
  const loadOrIssue = async (
    name: string,
    subject: x509.JsonName,
    keyUsage: number,
    eku: string[],
    policy: string,
    bin?: string,
    validity: readonly [Date, Date] = VALIDITY,
  ) => {
    const existing = await loadMaterial(dir, name);
    // A certificate made before its holder had a BIN (or with another one) is made again: the BIN is what binds a seal to its organisation.
    if (existing && (bin === undefined || subjectOf(existing.certificate.cert.subject).bin === bin)) return identityOf(existing);
    const made = await issueTestCertificate({ subject, algorithm: 'rsa', validity, issuer, keyUsage, extendedKeyUsage: eku, policies: [policy] });
    const material = { certificate: made.identity.certificate, keys: made.keys };
    saveMaterial(dir, name, material);
    return identityOf(material);
  };

  // Made side by side: RSA keys take a while each, and a demonstration needs a hundred of them on first start.
  const signing = new Map<string, TestIdentity>();
  const authentication = new Map<string, TestIdentity>();
  const organisations = holders.organisations.map(async (org) => {
    const subject: x509.JsonName = [
      { '2.5.4.3': [org.name] },
      { '2.5.4.6': ['KZ'] },
      { '2.5.4.10': [org.name] },
      ...(org.bin ? [{ '2.5.4.11': [`BIN${org.bin}`] }] : []),
    ];
    signing.set(
      org.id,
      await loadOrIssue(`org-${org.id}`, subject, SIGNING, [EMAIL_PROTECTION, ...users('organisation', 'may-sign')], '1.2.398.3.3.2.1', org.bin),
    );
  });
  const people = [...holders.applicants, ...(holders.staff ?? [])].map(async (a) => {
    const entity = a.bin && a.organisation ? { bin: a.bin, name: a.organisation } : undefined;
    const kind = entity ? users('organisation', a.employee ? 'employee' : 'first-head') : users('individual');
    const subject = personName(personOf(a), entity);
    const [sign, auth] = await Promise.all([
      loadOrIssue(`${a.id}-sign`, subject, SIGNING, [EMAIL_PROTECTION, ...kind], entity ? '1.2.398.3.3.2.1' : '1.2.398.3.3.2.3', undefined, a.validity),
      loadOrIssue(`${a.id}-auth`, subject, AUTHENTICATION, [CLIENT_AUTH, ...kind], entity ? '1.2.398.3.3.2.2' : '1.2.398.3.3.2.4', undefined, a.validity),
    ]);
    signing.set(a.id, sign);
    authentication.set(a.id, auth);
  });
  // GOST 34.10-2015 (512) signing keys beside the RSA ones, as NCA issues both.
  const gost = new Map<string, DemoGostIdentity>();
  const gostPeople = [...holders.applicants, ...(holders.staff ?? [])].map(async (a) => {
    const name = `${a.id}-sign-gost`;
    const existing = await loadGost(dir, name);
    if (existing) return void gost.set(a.id, existing);
    const entity = a.bin && a.organisation ? { bin: a.bin, name: a.organisation } : undefined;
    const kind = entity ? users('organisation', a.employee ? 'employee' : 'first-head') : users('individual');
    const key = generateGostKey('2015-512');
    const certificate = await certifyPublicKeyInfo(
      {
        subject: personName(personOf(a), entity),
        validity: a.validity ?? VALIDITY,
        issuer,
        keyUsage: SIGNING,
        extendedKeyUsage: [EMAIL_PROTECTION, ...kind],
        policies: [entity ? '1.2.398.3.3.2.1' : '1.2.398.3.3.2.3'],
      },
      gostPublicKeyInfoOf(key),
    );
    saveGost(dir, name, { certificate, key });
    gost.set(a.id, { certificate, key });
  });
  await Promise.all([...organisations, ...people, ...gostPeople]);

  const tsa =
    (await loadMaterial(dir, 'tsa').then((m) => m && identityOf(m))) ??
    (await (async () => {
      const made = await issueTestCertificate({
        subject: caName('REGLAMENT DEMO TSA (NOT NCA RK)'),
        algorithm: 'rsa',
        validity: VALIDITY,
        issuer,
        keyUsage: SIGNING,
        extendedKeyUsage: [TIME_STAMPING],
        criticalExtendedKeyUsage: true,
      });
      const material = { certificate: made.identity.certificate, keys: made.keys };
      saveMaterial(dir, 'tsa', material);
      return identityOf(material);
    })());
  const revoked: { serial: string; at: Date }[] = [];
  const crls = demoRevocationSource(ca, revoked);
  return {
    ca: identityOf(ca),
    trust: trustStoreOf([ca.certificate]),
    revocation: crls.source,
    tsa,
    revoke: (identity, at) => {
      revoked.push({ serial: Buffer.from(identity.certificate.cert.serialNumber.valueBlock.valueHexView).toString('hex'), at });
      crls.invalidate();
    },
    signing: (id) => signing.get(id),
    authentication: (id) => authentication.get(id),
    signerOf: (identity) => new LocalPkcs12Signer({ algorithm: identity.algorithm, key: identity.keyObject }, [identity.certificate.der, ca.certificate.der]),
    signingGost: (id) => gost.get(id),
    gostSignerOf: (identity) => new LocalPkcs12Signer({ algorithm: 'gost', key: identity.key }, [identity.certificate.der, ca.certificate.der]),
  };
}

/**
 * The demo CA's revocation services, in process: a CRL, re-issued every hour or when a certificate is
 * revoked, and an OCSP answer for the certificate asked about, signed by the CA itself (RFC 6960),
 * carrying the nonce when the query has one.
 */
function demoRevocationSource(ca: Material, revoked: readonly { serial: string; at: Date }[]): { source: RevocationSource; invalidate: () => void } {
  let cached: { crl: Uint8Array; until: number } | undefined;
  const issuerName = new x509.X509Certificate(arrayBufferOf(ca.certificate.der)).subjectName;
  const source: RevocationSource = {
    online: false,
    async evidenceFor(query) {
      const now = Date.now();
      if (!cached || cached.until <= now) {
        const crl = await x509.X509CrlGenerator.create({
          issuer: issuerName,
          thisUpdate: new Date(now - 60_000),
          nextUpdate: new Date(now + 86_400_000),
          signingKey: ca.keys.privateKey,
          signingAlgorithm: RSA,
          entries: revoked.map((r) => ({ serialNumber: r.serial, revocationDate: r.at, reason: x509.X509CrlReason.keyCompromise })),
        });
        cached = { crl: new Uint8Array(crl.rawData), until: now + 3_600_000 };
      }
      const serial = Buffer.from(query.certificate.cert.serialNumber.valueBlock.valueHexView).toString('hex');
      const entry = revoked.find((r) => r.serial === serial);
      const ocsp = await createTestOcspResponse({
        identity: identityOf(ca),
        issuer: identityOf(ca),
        certificate: { serialNumber: new Uint8Array(query.certificate.cert.serialNumber.valueBlock.valueHexView) },
        status: entry ? { status: 'revoked', revokedAt: entry.at, reasonCode: 1 } : { status: 'good' },
        now: new Date(now),
        ...(query.nonce ? { nonce: query.nonce } : {}),
      });
      return { crls: [cached.crl], ocspResponses: [ocsp] };
    },
  };
  return { source, invalidate: () => void (cached = undefined) };
}
