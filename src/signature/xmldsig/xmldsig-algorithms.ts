// The algorithm URIs of XML-DSig as NCALayer (Kalkan) and other signers write them, mapped to the OIDs the
// rest of src/signature/ verifies and signs with. Sources: RFC 3275, RFC 6931 (xmldsig-more), Exclusive
// C14N 1.0, and the URIs NCA's Kalkan library writes for its GOST algorithms.

import { GOST_OIDS } from '../gost/gost-oids.js';

/** Canonicalization methods (for SignedInfo and as reference transforms). */
export const C14N_URIS = {
  inclusive: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  inclusiveWithComments: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
  exclusive: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  exclusiveWithComments: 'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
} as const;

/** The enveloped-signature transform. */
export const ENVELOPED_SIGNATURE_URI = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

/** What a canonicalization URI asks for. */
export function canonicalizationOf(uri: string): { exclusive: boolean; withComments: boolean } | undefined {
  switch (uri) {
    case C14N_URIS.inclusive:
      return { exclusive: false, withComments: false };
    case C14N_URIS.inclusiveWithComments:
      return { exclusive: false, withComments: true };
    case C14N_URIS.exclusive:
      return { exclusive: true, withComments: false };
    case C14N_URIS.exclusiveWithComments:
      return { exclusive: true, withComments: true };
    default:
      return undefined;
  }
}

/** Digest methods → digest OIDs. */
export const DIGEST_URIS: Readonly<Record<string, string>> = {
  'http://www.w3.org/2000/09/xmldsig#sha1': '1.3.14.3.2.26',
  'http://www.w3.org/2001/04/xmlenc#sha256': '2.16.840.1.101.3.4.2.1',
  'http://www.w3.org/2001/04/xmldsig-more#sha384': '2.16.840.1.101.3.4.2.2',
  'http://www.w3.org/2001/04/xmlenc#sha512': '2.16.840.1.101.3.4.2.3',
  // GOST 34.311-95, as Kalkan names it; "gostr3411" is the name CryptoPro's signers use for the same
  // 2004-generation digest slot and is read as the NCA digest (a foreign GOST R 34.11-94 value then simply fails).
  'http://www.w3.org/2001/04/xmldsig-more#gost34311': GOST_OIDS.digest34311,
  'http://www.w3.org/2001/04/xmldsig-more#gostr3411': GOST_OIDS.digest34311,
  'urn:ietf:params:xml:ns:pkigovkz:xmlsec:algorithms:gostr34112015-512': GOST_OIDS.digest34112015x512,
};

/** Signature methods → signature OIDs (ECDSA values are r‖s in XML-DSig, RFC 4050). */
export const SIGNATURE_URIS: Readonly<Record<string, string>> = {
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': '1.2.840.113549.1.1.5',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': '1.2.840.113549.1.1.11',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384': '1.2.840.113549.1.1.12',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': '1.2.840.113549.1.1.13',
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256': '1.2.840.10045.4.3.2',
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384': '1.2.840.10045.4.3.3',
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512': '1.2.840.10045.4.3.4',
  'http://www.w3.org/2001/04/xmldsig-more#gost34310-gost34311': GOST_OIDS.signature2004,
  'http://www.w3.org/2001/04/xmldsig-more#gostr34102001-gostr3411': GOST_OIDS.signature2004,
  'urn:ietf:params:xml:ns:pkigovkz:xmlsec:algorithms:gostr34102015-gostr34112015-512': GOST_OIDS.signature2015x512,
};

/** The URIs a signature is written with, by the signer's OIDs (the first URI of each OID above, as Kalkan writes them). */
export function signatureUriOf(signatureOid: string): string | undefined {
  return Object.entries(SIGNATURE_URIS).find(([, oid]) => oid === signatureOid)?.[0];
}

/** The digest URI of a digest OID. */
export function digestUriOf(digestOid: string): string | undefined {
  return Object.entries(DIGEST_URIS).find(([, oid]) => oid === digestOid)?.[0];
}
