import { describeCertificate } from '../certificate/describe-certificate.js';
import { parseCrl } from './crl.js';
import { ocspRequestFor } from './ocsp-cert-id.js';
import type { RevocationEvidence, RevocationQuery, RevocationSource } from './revocation-source.js';

/** Settings of the online source. */
export interface OnlineRevocationOptions {
  /** How long one download or OCSP exchange may take (default 5 s). */
  readonly timeoutMs?: number;
  /** The clock, for the CRL cache (default: the machine's). */
  readonly now?: () => Date;
  /** The HTTP client (default: global fetch). */
  readonly fetch?: typeof fetch;
  /** Ask OCSP responders (default true) and download CRLs (default true). */
  readonly ocsp?: boolean;
  readonly crl?: boolean;
  /** How many distribution points' CRLs are kept at once (default 64). */
  readonly maxCachedCrls?: number;
}

/**
 * Fetches revocation evidence where the certificate says it is: CRLs (full and delta) from its CRL
 * distribution points, kept until their nextUpdate, and an OCSP answer POSTed to the responder in its
 * AIA. A responder or CDP that fails or times out simply gives no evidence.
 */
export function onlineRevocationSource(options: OnlineRevocationOptions = {}): RevocationSource & { readonly cachedCrls: () => number } {
  const timeoutMs = options.timeoutMs ?? 5000;
  const now = options.now ?? (() => new Date());
  const httpFetch = options.fetch ?? fetch;
  // Keyed by the CDP addresses of certificates that chained to a trusted CA: a handful in practice,
  // bounded all the same so no run of certificates can grow it without end (oldest dropped first).
  const crlCache = new Map<string, { der: Uint8Array; nextUpdate?: Date }>();
  const maxCachedCrls = options.maxCachedCrls ?? 64;

  async function download(url: string, init?: RequestInit): Promise<Uint8Array | undefined> {
    try {
      const response = await httpFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok) return undefined;
      return new Uint8Array(await response.arrayBuffer());
    } catch {
      return undefined;
    }
  }

  async function crlAt(url: string): Promise<Uint8Array | undefined> {
    const cached = crlCache.get(url);
    if (cached && cached.nextUpdate && now() < cached.nextUpdate) return cached.der;
    const der = await download(url);
    if (!der) return cached?.der;
    try {
      const { nextUpdate } = parseCrl(der);
      crlCache.delete(url);
      if (crlCache.size >= maxCachedCrls) crlCache.delete(crlCache.keys().next().value!);
      crlCache.set(url, nextUpdate ? { der, nextUpdate } : { der });
    } catch {
      return undefined;
    }
    return der;
  }

  return {
    online: true,
    cachedCrls: () => crlCache.size,
    async evidenceFor(query: RevocationQuery): Promise<RevocationEvidence> {
      const summary = describeCertificate(query.certificate);
      const crls: Uint8Array[] = [];
      const ocspResponses: Uint8Array[] = [];
      if (options.ocsp !== false) {
        const body = ocspRequestFor(query.certificate, query.issuer, query.nonce);
        for (const url of summary.ocspUrls) {
          const der = await download(url, {
            method: 'POST',
            headers: { 'content-type': 'application/ocsp-request', accept: 'application/ocsp-response' },
            body: Buffer.from(body),
          });
          if (der) ocspResponses.push(der);
        }
      }
      if (options.crl !== false) {
        for (const url of [...summary.crlUrls, ...summary.deltaCrlUrls]) {
          const der = await crlAt(url);
          if (der) crls.push(der);
        }
      }
      return { crls, ocspResponses };
    },
  };
}
