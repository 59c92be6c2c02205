/**
 * Makes a signature the application accepted provable after its certificate expires or is revoked:
 * a trusted time-stamp over each signature in it, and the revocation evidence of that moment kept
 * with it. Takes and gives a base64 CMS.
 */
export interface SignatureStamper {
  stamp(cms: string): Promise<string>;
}
