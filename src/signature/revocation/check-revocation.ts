import { randomBytes } from 'node:crypto';
import type { X509 } from '../certificate/parse-certificates.js';
import { REASONS, REVOCATION_REASONS } from '../reasons.js';
import { failed, passed, type SignatureCheck } from '../signature-check.js';
import { crlEntryFor, crlIssuedBy, parseCrl, serialHex, type Crl } from './crl.js';
import { nonceMatches, ocspStatusFor, parseOcspResponse, verifiedResponder } from './ocsp-response.js';
import type { RevocationSource } from './revocation-source.js';

/** The revocation status found at an instant and where it came from. */
export interface RevocationVerdict {
  readonly status: 'good' | 'revoked' | 'unknown';
  readonly source?: 'crl' | 'ocsp';
  readonly revokedAt?: Date;
  readonly reasonCode?: number;
  /** Good at the instant, but revoked after it (from evidence produced later): the signature stands, the certificate no longer does. */
  readonly revokedLater?: Date;
  readonly check: SignatureCheck;
}

/** How old a response without nextUpdate may be and still speak for the instant checked. */
const DEFAULT_MAX_AGE_MS = 3600_000;

/**
 * Whether evidence dated thisUpdate..nextUpdate speaks for the instant: evidence produced after the
 * instant does (a certificate revoked before the instant is still listed), earlier evidence only until
 * its nextUpdate, or for maxAge when it has none.
 */
export function coversInstant(thisUpdate: Date, nextUpdate: Date | undefined, at: Date, maxAgeMs = DEFAULT_MAX_AGE_MS): boolean {
  if (thisUpdate >= at) return true;
  return nextUpdate ? at <= nextUpdate : at.getTime() - thisUpdate.getTime() <= maxAgeMs;
}

function revokedVerdict(source: 'crl' | 'ocsp', revokedAt: Date, reasonCode: number | undefined): RevocationVerdict {
  return {
    status: 'revoked',
    source,
    revokedAt,
    ...(reasonCode !== undefined ? { reasonCode } : {}),
    check: failed('revocation', REASONS.revoked(revokedAt, reasonCode !== undefined ? REVOCATION_REASONS[reasonCode] : undefined)),
  };
}

/** What the CRLs (full, with their deltas) say about the serial at the instant. */
function fromCrls(crls: readonly Crl[], serial: string, at: Date): RevocationVerdict | undefined {
  const full = crls.filter((c) => c.baseCrlNumber === undefined);
  if (full.length === 0) return undefined;
  const deltas = crls.filter((c) => c.baseCrlNumber !== undefined && full.some((f) => f.crlNumber !== undefined && f.crlNumber >= c.baseCrlNumber!));
  // Newest first: a delta can take a certificate off hold (removeFromCRL, reason 8).
  let later: Date | undefined;
  for (const crl of [...deltas, ...full].sort((a, b) => b.thisUpdate.getTime() - a.thisUpdate.getTime())) {
    const entry = crlEntryFor(crl, serial);
    if (!entry) continue;
    if (entry.reasonCode === 8) break;
    if (entry.revokedAt <= at) return revokedVerdict('crl', entry.revokedAt, entry.reasonCode);
    later ??= entry.revokedAt;
  }
  return { status: 'good', source: 'crl', ...(later ? { revokedLater: later } : {}), check: passed('revocation') };
}

/**
 * Judges the evidence a source gives for a certificate at an instant. Only evidence signed by the
 * certificate's issuer (or its delegated OCSP responder) and current at the instant counts; a
 * revocation at or before the instant wins over any "good".
 */
export async function checkRevocation(
  certificate: X509,
  issuer: X509,
  at: Date,
  source: RevocationSource,
  options: { maxAgeMs?: number } = {},
): Promise<RevocationVerdict> {
  const nonce = source.online ? new Uint8Array(randomBytes(16)) : undefined;
  const evidence = await source.evidenceFor({ certificate, issuer, ...(nonce ? { nonce } : {}) });
  const serial = serialHex(certificate.cert.serialNumber.valueBlock.valueHexView);
  const verdicts: RevocationVerdict[] = [];

  for (const der of evidence.ocspResponses) {
    let response;
    try {
      response = parseOcspResponse(der);
    } catch {
      continue;
    }
    const status = ocspStatusFor(response, certificate, issuer);
    if (!status || !verifiedResponder(response, issuer)) continue;
    if (!coversInstant(status.thisUpdate, status.nextUpdate, at, options.maxAgeMs)) continue;
    if (nonce && !nonceMatches(response, nonce)) continue;
    if (status.status === 'revoked' && status.notIssued)
      verdicts.push({ status: 'unknown', source: 'ocsp', check: failed('revocation', REASONS.ocspUnknown()) });
    else if (status.status === 'revoked' && status.revokedAt! <= at) verdicts.push(revokedVerdict('ocsp', status.revokedAt!, status.reasonCode));
    else if (status.status === 'unknown') verdicts.push({ status: 'unknown', source: 'ocsp', check: failed('revocation', REASONS.ocspUnknown()) });
    else if (status.status === 'revoked') verdicts.push({ status: 'good', source: 'ocsp', revokedLater: status.revokedAt!, check: passed('revocation') });
    else verdicts.push({ status: 'good', source: 'ocsp', check: passed('revocation') });
  }

  const crls: Crl[] = [];
  for (const der of evidence.crls) {
    try {
      const crl = parseCrl(der);
      if (crlIssuedBy(crl, issuer) && coversInstant(crl.thisUpdate, crl.nextUpdate, at, options.maxAgeMs)) crls.push(crl);
    } catch {
      // Not a CRL: ignored like any evidence that does not speak for this certificate.
    }
  }
  const crlVerdict = fromCrls(crls, serial, at);
  if (crlVerdict) verdicts.push(crlVerdict);

  const revokedLater = verdicts.find((v) => v.revokedLater)?.revokedLater;
  const good = verdicts.find((v) => v.status === 'good');
  return (
    verdicts.find((v) => v.status === 'revoked') ??
    (good && revokedLater ? { ...good, revokedLater } : good) ??
    verdicts.find((v) => v.status === 'unknown') ?? { status: 'unknown', check: failed('revocation', REASONS.revocationUnknown()) }
  );
}
