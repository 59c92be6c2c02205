import { authorityKeyIdOf, subjectKeyIdOf } from '../certificate/describe-certificate.js';
import type { X509 } from '../certificate/parse-certificates.js';
import { sameBytes } from '../der-or-pem.js';
import { isAnchor, type TrustStore } from './trust-store.js';

const MAX_DEPTH = 8;

/** True when `issuer` may have issued `child`: names chain, and key identifiers agree when both are present. */
export function mayHaveIssued(issuer: X509, child: X509): boolean {
  if (!issuer.cert.subject.isEqual(child.cert.issuer)) return false;
  const aki = authorityKeyIdOf(child.cert);
  const ski = subjectKeyIdOf(issuer.cert);
  return !aki || !ski || aki === ski;
}

/**
 * Finds a path from the certificate up to a trust anchor through the given intermediates (e.g. the
 * certificates a CMS carries): [leaf, …, anchor], or undefined when no anchor is reachable by names.
 * Among several candidates, `prefer` (e.g. "its signature verifies") decides the order.
 */
export function buildChain(
  leaf: X509,
  trust: TrustStore,
  intermediates: readonly X509[],
  prefer: (issuer: X509, child: X509) => boolean = () => true,
): X509[] | undefined {
  if (isAnchor(trust, leaf)) return [leaf];
  const pool = [...trust.anchors, ...intermediates.filter((c) => !isAnchor(trust, c))];
  const walk = (path: X509[]): X509[] | undefined => {
    const last = path[path.length - 1]!;
    if (path.length > MAX_DEPTH) return undefined;
    const candidates = pool
      .filter((c) => mayHaveIssued(c, last) && !path.some((p) => sameBytes(p.der, c.der)))
      .sort((a, b) => Number(prefer(b, last)) - Number(prefer(a, last)));
    for (const candidate of candidates) {
      if (isAnchor(trust, candidate)) return [...path, candidate];
      const found = walk([...path, candidate]);
      if (found) return found;
    }
    return undefined;
  };
  return walk([leaf]);
}
