import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toPem } from '../der-or-pem.js';
import { buildTestPki, type TestIdentity, type TestPki } from './build-test-pki.js';

/** Where each part of a written test PKI lies. */
export interface WrittenTestPki {
  readonly dir: string;
  /** A directory holding only the trusted root: pass it as --trust. */
  readonly trustDir: string;
  readonly crl: string;
  readonly deltaCrl: string;
  readonly ocspGood: string;
  readonly ocspRevoked: string;
  /** name → { cert: PEM path, key: PKCS#8 PEM path } */
  readonly identities: Record<string, { cert: string; key: string }>;
}

const IDENTITIES = [
  'root',
  'issuingCa',
  'ocspResponder',
  'individualSigning',
  'individualAuthentication',
  'headSigning',
  'employeeSigning',
  'expired',
  'revoked',
  'untrustedCa',
  'untrusted',
] as const;

/** Writes a test PKI into a new temporary directory (PEM certificates, PKCS#8 keys, DER CRLs and OCSP responses). */
export async function writeTestPki(pki?: TestPki): Promise<{ pki: TestPki; files: WrittenTestPki }> {
  const built = pki ?? (await buildTestPki());
  const dir = mkdtempSync(join(tmpdir(), 'reglament-test-pki-'));
  const trustDir = join(dir, 'trust');
  mkdirSync(trustDir);
  const identities: Record<string, { cert: string; key: string }> = {};
  for (const name of IDENTITIES) {
    const identity = built[name] as TestIdentity;
    const cert = join(dir, `${name}.pem`);
    const key = join(dir, `${name}.key.pem`);
    writeFileSync(cert, toPem('CERTIFICATE', identity.certificate.der));
    writeFileSync(key, identity.keyObject.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    identities[name] = { cert, key };
  }
  writeFileSync(join(trustDir, 'root.pem'), toPem('CERTIFICATE', built.root.certificate.der));
  const write = (name: string, der: Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, der);
    return path;
  };
  return {
    pki: built,
    files: {
      dir,
      trustDir,
      crl: write('issuing-ca.crl', built.crl),
      deltaCrl: write('issuing-ca-delta.crl', built.deltaCrl),
      ocspGood: write('ocsp-individual-signing-good.der', built.ocspGood),
      ocspRevoked: write('ocsp-revoked.der', built.ocspRevoked),
      identities,
    },
  };
}
