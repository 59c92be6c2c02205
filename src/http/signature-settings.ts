import { join } from 'node:path';
import type { SignatureSettings } from '../compose/wire-signatures.js';

const list = (raw: string | undefined) =>
  (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The signature part of the configuration. TRUST_DIR names NCA RK's CA certificates (files or
 * directories, comma-separated); without it the demo PKI under DATA_DIR/demo-pki stands in for NCA.
 */
export function readSignatureSettings(env: NodeJS.ProcessEnv, dataDir: string, port: number): SignatureSettings {
  const portal = env.PORTAL_SIGNATURE ?? 'required';
  if (portal !== 'required' && portal !== 'optional') throw new Error(`PORTAL_SIGNATURE must be "required" or "optional", got ${portal}`);
  const staff = env.STAFF_SIGNATURE ?? 'required';
  if (staff !== 'required' && staff !== 'optional') throw new Error(`STAFF_SIGNATURE must be "required" or "optional", got ${staff}`);
  const revocation = env.REVOCATION ?? 'online';
  if (revocation !== 'online' && revocation !== 'files') throw new Error(`REVOCATION must be "online" or "files", got ${revocation}`);
  if (env.SEAL_KEY_FILE && env.SEAL_KEY_PASSWORD === undefined) throw new Error('SEAL_KEY_FILE needs SEAL_KEY_PASSWORD');
  return {
    trust: list(env.TRUST_DIR),
    revocation: revocation === 'online' ? 'online' : { crls: list(env.CRL_FILES), ocspResponses: list(env.OCSP_FILES) },
    sealKey: env.SEAL_KEY_FILE ? { file: env.SEAL_KEY_FILE, password: env.SEAL_KEY_PASSWORD ?? '' } : undefined,
    demoPkiDir: env.DEMO_PKI === '0' ? undefined : (env.DEMO_PKI_DIR ?? join(dataDir, 'demo-pki')),
    portalSignature: portal,
    staffSignature: staff,
    tsaUrl: env.TSA_URL || undefined,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
  };
}
