import type * as pkijs from 'pkijs';
import { hex } from '../der-or-pem.js';
import { ACCESS_METHOD_OIDS, EXTENSION_OIDS, KEY_ALGORITHM_NAMES, KEY_USER_OIDS, NAME_OIDS, POLICY_NAMES, STANDARD_EKU_NAMES, type KeyUser } from '../oids.js';
import type { X509 } from './parse-certificates.js';

/** The subject as NCA encodes it: serialNumber "IIN…", OU "BIN…", and the name parts. */
export interface CertificateSubject {
  readonly iin?: string;
  readonly bin?: string;
  readonly commonName?: string;
  readonly surname?: string;
  readonly givenName?: string;
  readonly organization?: string;
  readonly country?: string;
  readonly email?: string;
}

/** What a key is for: NCA issues a signing key (digitalSignature + nonRepudiation) and an authentication key. */
export type KeyPurpose = 'signing' | 'authentication' | 'certificate-authority' | 'other';

/** What a person or a check needs to know about a certificate. */
export interface CertificateSummary {
  readonly serialNumber: string;
  readonly subject: CertificateSubject;
  readonly subjectName: string;
  readonly issuerName: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly keyUsage: KeyPurpose;
  readonly keyUsageBits: readonly string[];
  readonly keyUser: readonly KeyUser[];
  readonly extendedKeyUsage: readonly string[];
  readonly policies: readonly { oid: string; name?: string }[];
  readonly algorithm: string;
  readonly publicKeyAlgorithmOid: string;
  readonly signatureAlgorithmOid: string;
  readonly isCa: boolean;
  readonly crlUrls: readonly string[];
  readonly deltaCrlUrls: readonly string[];
  readonly ocspUrls: readonly string[];
  readonly subjectKeyId?: string;
  readonly authorityKeyId?: string;
}

const KEY_USAGE_BITS = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

/** The string value of one attribute type in a name, if present. */
function attribute(name: pkijs.RelativeDistinguishedNames, oid: string): string | undefined {
  const found = name.typesAndValues.find((tv) => tv.type === oid);
  const value = found?.value?.valueBlock?.value;
  return typeof value === 'string' ? value : undefined;
}

/** Every string value of one attribute type (OU may repeat). */
function attributes(name: pkijs.RelativeDistinguishedNames, oid: string): string[] {
  return name.typesAndValues
    .filter((tv) => tv.type === oid)
    .map((tv) => tv.value?.valueBlock?.value)
    .filter((v): v is string => typeof v === 'string');
}

/** The subject fields NCA uses. */
export function subjectOf(name: pkijs.RelativeDistinguishedNames): CertificateSubject {
  const serial = attribute(name, NAME_OIDS.serialNumber);
  const iin = serial?.startsWith('IIN') ? serial.slice(3) : undefined;
  const bin = attributes(name, NAME_OIDS.organizationalUnit)
    .find((ou) => ou.startsWith('BIN'))
    ?.slice(3);
  const fields: Record<string, string | undefined> = {
    iin,
    bin,
    commonName: attribute(name, NAME_OIDS.commonName),
    surname: attribute(name, NAME_OIDS.surname),
    givenName: attribute(name, NAME_OIDS.givenName),
    organization: attribute(name, NAME_OIDS.organization),
    country: attribute(name, NAME_OIDS.country),
    email: attribute(name, NAME_OIDS.email),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as CertificateSubject;
}

const SHORT_NAMES: Record<string, string> = {
  [NAME_OIDS.commonName]: 'CN',
  [NAME_OIDS.surname]: 'SURNAME',
  [NAME_OIDS.serialNumber]: 'SERIALNUMBER',
  [NAME_OIDS.country]: 'C',
  [NAME_OIDS.organization]: 'O',
  [NAME_OIDS.organizationalUnit]: 'OU',
  [NAME_OIDS.givenName]: 'G',
  [NAME_OIDS.email]: 'E',
  [NAME_OIDS.locality]: 'L',
  [NAME_OIDS.state]: 'S',
};

/** A one-line distinguished name, "CN=…, O=…". */
export function nameToString(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues.map((tv) => `${SHORT_NAMES[tv.type] ?? tv.type}=${String(tv.value?.valueBlock?.value ?? '')}`).join(', ');
}

/** The common name, or the whole name when it has none: the short way to name a certificate's holder. */
export function displayName(name: pkijs.RelativeDistinguishedNames): string {
  return attribute(name, NAME_OIDS.commonName) ?? nameToString(name);
}

/** An extension's parsed value, by OID. */
function extension<T>(cert: pkijs.Certificate, oid: string): T | undefined {
  return cert.extensions?.find((e) => e.extnID === oid)?.parsedValue as T | undefined;
}

/** The named key-usage bits set in the certificate. */
export function keyUsageBitsOf(cert: pkijs.Certificate): string[] {
  const bitString = extension<{ valueBlock: { valueHexView: Uint8Array; unusedBits: number } }>(cert, EXTENSION_OIDS.keyUsage);
  if (!bitString) return [];
  const bytes = bitString.valueBlock.valueHexView;
  return KEY_USAGE_BITS.filter((_, i) => ((bytes[i >> 3] ?? 0) & (0x80 >> (i & 7))) !== 0);
}

/** Signing (digitalSignature + nonRepudiation) vs authentication (digitalSignature/keyEncipherment without nonRepudiation). */
export function keyPurposeOf(bits: readonly string[], isCa: boolean): KeyPurpose {
  if (isCa && bits.includes('keyCertSign')) return 'certificate-authority';
  if (bits.includes('nonRepudiation')) return 'signing';
  if (bits.includes('digitalSignature') || bits.includes('keyEncipherment')) return 'authentication';
  return 'other';
}

/** The extended key usages (OIDs). */
function ekuOf(cert: pkijs.Certificate): string[] {
  return extension<pkijs.ExtKeyUsage>(cert, EXTENSION_OIDS.extKeyUsage)?.keyPurposes ?? [];
}

/** True when basicConstraints says CA. */
export function isCaCertificate(cert: pkijs.Certificate): boolean {
  return Boolean(extension<pkijs.BasicConstraints>(cert, EXTENSION_OIDS.basicConstraints)?.cA);
}

/** URIs in a distribution-points extension (CDP or freshest CRL). */
function distributionUris(cert: pkijs.Certificate, oid: string): string[] {
  const points = extension<pkijs.CRLDistributionPoints>(cert, oid)?.distributionPoints ?? [];
  return points
    .flatMap((p) => (Array.isArray(p.distributionPoint) ? p.distributionPoint : []))
    .filter((g) => g.type === 6)
    .map((g) => String(g.value));
}

/** OCSP responder URIs from AIA. */
function ocspUris(cert: pkijs.Certificate): string[] {
  const aia = extension<pkijs.InfoAccess>(cert, EXTENSION_OIDS.authorityInfoAccess);
  return (aia?.accessDescriptions ?? [])
    .filter((d) => d.accessMethod === ACCESS_METHOD_OIDS.ocsp && d.accessLocation.type === 6)
    .map((d) => String(d.accessLocation.value));
}

/** Subject key identifier, hex. */
export function subjectKeyIdOf(cert: pkijs.Certificate): string | undefined {
  const ski = extension<{ valueBlock: { valueHexView: Uint8Array } }>(cert, EXTENSION_OIDS.subjectKeyIdentifier);
  return ski ? hex(ski.valueBlock.valueHexView) : undefined;
}

/** Authority key identifier (keyIdentifier), hex. */
export function authorityKeyIdOf(cert: pkijs.Certificate): string | undefined {
  const aki = extension<pkijs.AuthorityKeyIdentifier>(cert, EXTENSION_OIDS.authorityKeyIdentifier);
  return aki?.keyIdentifier ? hex(aki.keyIdentifier.valueBlock.valueHexView) : undefined;
}

/** Summarises a certificate. */
export function describeCertificate(x: X509): CertificateSummary {
  const { cert } = x;
  const isCa = isCaCertificate(cert);
  const bits = keyUsageBitsOf(cert);
  const eku = ekuOf(cert);
  const keyOid = cert.subjectPublicKeyInfo.algorithm.algorithmId;
  const policies = (extension<pkijs.CertificatePolicies>(cert, EXTENSION_OIDS.certificatePolicies)?.certificatePolicies ?? []).map((p) => {
    const name = POLICY_NAMES[p.policyIdentifier];
    return name ? { oid: p.policyIdentifier, name } : { oid: p.policyIdentifier };
  });
  const ski = subjectKeyIdOf(cert);
  const aki = authorityKeyIdOf(cert);
  return {
    serialNumber: hex(cert.serialNumber.valueBlock.valueHexView).replace(/^(00)+(?=.)/, ''),
    subject: subjectOf(cert.subject),
    subjectName: nameToString(cert.subject),
    issuerName: nameToString(cert.issuer),
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
    keyUsage: keyPurposeOf(bits, isCa),
    keyUsageBits: bits,
    keyUser: eku.filter((oid): oid is keyof typeof KEY_USER_OIDS => oid in KEY_USER_OIDS).map((oid) => KEY_USER_OIDS[oid]),
    extendedKeyUsage: eku.map((oid) => STANDARD_EKU_NAMES[oid] ?? (KEY_USER_OIDS as Record<string, string>)[oid] ?? oid),
    policies,
    algorithm: KEY_ALGORITHM_NAMES[keyOid] ?? keyOid,
    publicKeyAlgorithmOid: keyOid,
    signatureAlgorithmOid: cert.signatureAlgorithm.algorithmId,
    isCa,
    crlUrls: distributionUris(cert, EXTENSION_OIDS.crlDistributionPoints),
    deltaCrlUrls: distributionUris(cert, EXTENSION_OIDS.freshestCrl),
    ocspUrls: ocspUris(cert),
    ...(ski ? { subjectKeyId: ski } : {}),
    ...(aki ? { authorityKeyId: aki } : {}),
  };
}
