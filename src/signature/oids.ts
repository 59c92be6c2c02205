// Object identifiers the signature code reads, with the names a person sees. Sources: RFC 5280,
// RFC 5652, RFC 5035, RFC 6960, and NCA RK's certificate policy (pki.gov.kz) for the 1.2.398 arc.

/** Subject attribute types as NCA puts them into certificates. */
export const NAME_OIDS = {
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  country: '2.5.4.6',
  locality: '2.5.4.7',
  state: '2.5.4.8',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  givenName: '2.5.4.42',
  email: '1.2.840.113549.1.9.1',
} as const;

/** Certificate extensions. */
export const EXTENSION_OIDS = {
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  crlNumber: '2.5.29.20',
  crlReason: '2.5.29.21',
  deltaCrlIndicator: '2.5.29.27',
  issuingDistributionPoint: '2.5.29.28',
  crlDistributionPoints: '2.5.29.31',
  certificatePolicies: '2.5.29.32',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  freshestCrl: '2.5.29.46',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
} as const;

/** AIA access methods. */
export const ACCESS_METHOD_OIDS = { ocsp: '1.3.6.1.5.5.7.48.1', caIssuers: '1.3.6.1.5.5.7.48.2' } as const;

/** OCSP. */
export const OCSP_OIDS = {
  basicResponse: '1.3.6.1.5.5.7.48.1.1',
  nonce: '1.3.6.1.5.5.7.48.1.2',
  extendedRevoke: '1.3.6.1.5.5.7.48.1.9',
  ocspSigning: '1.3.6.1.5.5.7.3.9',
} as const;

/** NCA RK "key user" extended key usages: who the holder acts as. */
export const KEY_USER_OIDS = {
  '1.2.398.3.3.4.1.1': 'individual',
  '1.2.398.3.3.4.1.2': 'organisation',
  '1.2.398.3.3.4.1.2.1': 'first-head',
  '1.2.398.3.3.4.1.2.2': 'may-sign',
  '1.2.398.3.3.4.1.2.3': 'may-sign-financial',
  '1.2.398.3.3.4.1.2.4': 'hr',
  '1.2.398.3.3.4.1.2.5': 'employee',
} as const;
export type KeyUser = (typeof KEY_USER_OIDS)[keyof typeof KEY_USER_OIDS];

/** The OID of a key-user name (inverse of KEY_USER_OIDS). */
export function keyUserOid(user: KeyUser): string {
  return Object.entries(KEY_USER_OIDS).find(([, name]) => name === user)![0];
}

/** Standard extended key usages NCA certificates carry besides the key-user ones. */
export const STANDARD_EKU_NAMES: Record<string, string> = {
  '1.3.6.1.5.5.7.3.2': 'client-auth',
  '1.3.6.1.5.5.7.3.4': 'email-protection',
  '1.3.6.1.5.5.7.3.8': 'time-stamping',
  '1.3.6.1.5.5.7.3.9': 'ocsp-signing',
};

/** NCA RK certificate policies (the CA's policy and the end-entity certificate kinds). */
export const POLICY_NAMES: Record<string, string> = {
  '1.2.398.3.3.1.1': 'nca-ca',
  '1.2.398.3.3.2': 'nca-ca-2022',
  '1.2.398.3.3.2.1': 'legal-entity-signing',
  '1.2.398.3.3.2.2': 'legal-entity-authentication',
  '1.2.398.3.3.2.3': 'individual-signing',
  '1.2.398.3.3.2.4': 'individual-authentication',
};

/** Digest algorithms by OID, with node:crypto's name where node has one. */
export const DIGEST_OIDS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** The OID of a node:crypto digest name. */
export function digestOidOf(name: string): string {
  const found = Object.entries(DIGEST_OIDS).find(([, n]) => n === name);
  if (!found) throw new Error(`no OID for digest ${name}`);
  return found[0];
}

/** RSA and ECDSA signature algorithms: the key type and the digest they fix. */
export const SIGNATURE_OIDS: Record<string, { key: 'rsa' | 'ecdsa'; digest: string }> = {
  '1.2.840.113549.1.1.5': { key: 'rsa', digest: 'sha1' },
  '1.2.840.113549.1.1.11': { key: 'rsa', digest: 'sha256' },
  '1.2.840.113549.1.1.12': { key: 'rsa', digest: 'sha384' },
  '1.2.840.113549.1.1.13': { key: 'rsa', digest: 'sha512' },
  '1.2.840.10045.4.1': { key: 'ecdsa', digest: 'sha1' },
  '1.2.840.10045.4.3.2': { key: 'ecdsa', digest: 'sha256' },
  '1.2.840.10045.4.3.3': { key: 'ecdsa', digest: 'sha384' },
  '1.2.840.10045.4.3.4': { key: 'ecdsa', digest: 'sha512' },
};

/** Public-key algorithms (SubjectPublicKeyInfo), named for people. */
export const KEY_ALGORITHM_NAMES: Record<string, string> = {
  '1.2.840.113549.1.1.1': 'RSA',
  '1.2.840.10045.2.1': 'ECDSA',
  '1.2.398.3.10.1.1.1.1': 'GOST 34.310-2004',
  '1.2.398.3.10.1.1.2.1': 'GOST 34.10-2015 (256)',
  '1.2.398.3.10.1.1.2.2': 'GOST 34.10-2015 (512)',
};

/** Public-key algorithm OIDs of RSA and EC keys. */
export const RSA_KEY_OID = '1.2.840.113549.1.1.1';
export const EC_KEY_OID = '1.2.840.10045.2.1';

/** CMS content types and attributes. */
export const CMS_OIDS = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  /** id-ri-ocsp-response (RFC 5940): an OCSP response among a SignedData's RevocationInfoChoices. */
  ocspRevocationInfo: '1.3.6.1.5.5.7.16.2',
} as const;
