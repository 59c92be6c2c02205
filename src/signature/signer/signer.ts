// The ports through which the application signs: a raw signature over bytes (for the CMS and XML-DSig
// builders, which wrap it themselves) and, for remote services that only produce whole CMS, a CMS signer.

/** The algorithms a signer signs with, as CMS and X.509 name them. */
export interface SignatureAlgorithms {
  readonly signatureAlgorithmOid: string;
  readonly digestAlgorithmOid: string;
}

/** A signature value with the algorithms that made it. */
export interface RawSignature extends SignatureAlgorithms {
  /** RSA: the PKCS#1 v1.5 value; ECDSA: DER or r‖s (see `ecdsaEncoding`); GOST: r‖s as NCA writes it. */
  readonly signature: Uint8Array;
}

/** Options of a raw signature. */
export interface SignRawOptions {
  /** ECDSA values are DER in CMS and X.509 (the default), r‖s ('ieee-p1363') in XML-DSig. */
  readonly ecdsaEncoding?: 'der' | 'ieee-p1363';
}

/** Signs bytes with one private key. */
export interface Signer {
  /** The signer's certificate first, then any CA certificates it holds (DER). */
  certificateChain(): Promise<Uint8Array[]>;
  /** The algorithms `signRaw` will use, known before signing (a CMS builder digests the content first). */
  algorithms(): Promise<SignatureAlgorithms>;
  /** Signs `data`, hashing it with the signer's digest. */
  signRaw(data: Uint8Array, options?: SignRawOptions): Promise<RawSignature>;
}

/** Options of a CMS signature. */
export interface SignCmsOptions {
  /** When true the CMS does not carry the signed data. */
  readonly detached: boolean;
}

/** Produces whole CMS SignedData (DER), as a remote signing service does. */
export interface CmsSigner {
  /** The signer's certificate first, then any CA certificates it sends (DER). */
  certificateChain(): Promise<Uint8Array[]>;
  signCms(data: Uint8Array, options: SignCmsOptions): Promise<Uint8Array>;
}
