import { sameBytes } from '../der-or-pem.js';
import type { X509 } from '../certificate/parse-certificates.js';

/**
 * The certificates we trust as anchors. An issuing CA may be an anchor on its own (as OpenSSL's
 * -partial_chain allows): NCA publishes its issuing CAs and the roots above them separately.
 */
export interface TrustStore {
  readonly anchors: readonly X509[];
}

/** A trust store of these certificates. */
export function trustStoreOf(anchors: readonly X509[]): TrustStore {
  return { anchors };
}

/** True when the certificate is one of the anchors (same DER). */
export function isAnchor(store: TrustStore, x: X509): boolean {
  return store.anchors.some((a) => sameBytes(a.der, x.der));
}
