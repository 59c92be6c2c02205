import { readFileSync } from 'node:fs';
import { derObjects } from '../der-or-pem.js';
import type { RevocationEvidence, RevocationSource } from './revocation-source.js';

/** Evidence held in memory (e.g. CRLs and OCSP responses a signature carries or a user supplies). */
export function offlineRevocationSource(evidence: RevocationEvidence): RevocationSource {
  return { online: false, evidenceFor: async () => evidence };
}

/** Evidence read from files: CRLs (DER or PEM) and OCSP responses (DER or base64). */
export function fileRevocationSource(files: { crls?: readonly string[]; ocspResponses?: readonly string[] }): RevocationSource {
  const read = (paths: readonly string[] = []) => paths.flatMap((p) => derObjects(new Uint8Array(readFileSync(p))));
  return offlineRevocationSource({ crls: read(files.crls), ocspResponses: read(files.ocspResponses) });
}
