// Verification of enveloped XML signatures as NCALayer's signXml and Kalkan write them: every
// ds:Signature in the document, each with its own per-signer report and the same certificate checks as
// a CMS signer (check-certificate.ts).

import type { Document, Element } from '@xmldom/xmldom';
import { subjectOf } from '../certificate/describe-certificate.js';
import { parseCertificate, spkiOf, type X509 } from '../certificate/parse-certificates.js';
import { checkCertificate } from '../check-certificate.js';
import { sameBytes } from '../der-or-pem.js';
import { SIGNATURE_OIDS } from '../oids.js';
import { REASONS } from '../reasons.js';
import { allPassed, failed, passed, type SignatureCheck } from '../signature-check.js';
import type { SignedDocumentReport, SignerReport, VerifyOptions } from '../signed-document-report.js';
import { verifySignatureValue } from '../verify-signature-value.js';
import { canonicalize } from './canonicalize-xml.js';
import { canonicalizationOf, SIGNATURE_URIS } from './xmldsig-algorithms.js';
import { XMLDSIG_REASONS } from './xmldsig-reasons.js';
import { digestReference, inclusivePrefixesOf } from './xmldsig-reference.js';
import { base64Of, childNamed, childrenNamed, descendantsNamed, DS_NS, parseXml } from './xml-document.js';

/** An XML signer's report: the common one, plus the references its signature covers ("" = the whole document). */
export interface XmlSignerReport extends SignerReport {
  readonly references: readonly string[];
}

/** The verdict on an XML document's signatures. */
export interface XmlDsigReport extends SignedDocumentReport {
  readonly format: 'xml-dsig';
  readonly signers: XmlSignerReport[];
}

/** What one ds:Signature element says about itself, before its certificate is checked. */
interface SignatureVerdict {
  readonly certificate?: X509;
  readonly certificates: X509[];
  readonly integrity: SignatureCheck;
  readonly references: string[];
}

/** The certificates in KeyInfo/X509Data, as written (unparseable ones are skipped). */
function keyInfoCertificates(signature: Element): X509[] {
  const keyInfo = childNamed(signature, DS_NS, 'KeyInfo');
  if (!keyInfo) return [];
  const out: X509[] = [];
  for (const data of childrenNamed(keyInfo, DS_NS, 'X509Data')) {
    for (const element of childrenNamed(data, DS_NS, 'X509Certificate')) {
      const der = base64Of(element);
      if (!der) continue;
      try {
        out.push(parseCertificate(der));
      } catch {
        // Not a certificate: as if absent.
      }
    }
  }
  return out;
}

/** The certificate issued to the signer: one that issued none of the others (KeyInfo may carry the chain). */
function likelySigner(certificates: readonly X509[]): X509 | undefined {
  return certificates.find((c) => !certificates.some((o) => o !== c && o.cert.issuer.isEqual(c.cert.subject))) ?? certificates[0];
}

/**
 * Checks one signature's SignedInfo signature and its references. A reference's digest is taken over the
 * document without the signatures after this one (NCALayer's co-signing: each signer signs what the
 * previous ones signed plus their signatures) and, failing that, over the document as XML-DSig strictly
 * defines it (without this signature only).
 */
function verifySignatureElement(document: Document, signature: Element, laterSignatures: readonly Element[]): SignatureVerdict {
  const certificates = keyInfoCertificates(signature);
  const signedInfo = childNamed(signature, DS_NS, 'SignedInfo');
  const references = signedInfo ? childrenNamed(signedInfo, DS_NS, 'Reference') : [];
  const base = { certificates, references: references.map((r) => r.getAttribute('URI') ?? '') };
  const malformed = (what: string): SignatureVerdict => ({
    ...base,
    ...withSigner(likelySigner(certificates)),
    integrity: failed('integrity', XMLDSIG_REASONS.malformed(what)),
  });
  if (!signedInfo) return malformed('ds:SignedInfo');
  if (references.length === 0) return malformed('ds:Reference');
  const c14nMethod = childNamed(signedInfo, DS_NS, 'CanonicalizationMethod');
  const c14nUri = c14nMethod?.getAttribute('Algorithm') ?? '';
  const c14n = canonicalizationOf(c14nUri);
  const signatureUri = childNamed(signedInfo, DS_NS, 'SignatureMethod')?.getAttribute('Algorithm') ?? '';
  const signatureOid = SIGNATURE_URIS[signatureUri];
  const valueElement = childNamed(signature, DS_NS, 'SignatureValue');
  const value = valueElement ? base64Of(valueElement) : undefined;
  if (!value) return malformed('ds:SignatureValue');
  if (certificates.length === 0) return { ...base, integrity: failed('integrity', REASONS.signerCertificateMissing()) };
  const fallback = withSigner(likelySigner(certificates));
  if (!c14n || !c14nMethod)
    return { ...base, ...fallback, integrity: failed('integrity', REASONS.unsupportedAlgorithm(c14nUri || '(no CanonicalizationMethod)')) };
  if (!signatureOid) return { ...base, ...fallback, integrity: failed('integrity', REASONS.unsupportedAlgorithm(signatureUri || '(no SignatureMethod)')) };

  // The signature over the canonical SignedInfo first: a changed DigestValue is a broken signature, not
  // a changed document.
  const signedBytes = canonicalize(signedInfo, { ...c14n, inclusivePrefixes: inclusivePrefixesOf(c14nMethod) });
  const ecdsa = SIGNATURE_OIDS[signatureOid]?.key === 'ecdsa';
  let unsupported = false;
  const signer = certificates.find((c) => {
    const ok = verifySignatureValue({
      algorithmOid: signatureOid,
      spki: spkiOf(c),
      data: signedBytes,
      signature: value,
      ...(ecdsa ? { ecdsaEncoding: 'ieee-p1363' as const } : {}),
    });
    if (ok === undefined) unsupported = true;
    return ok === true;
  });
  if (!signer)
    return { ...base, ...fallback, integrity: failed('integrity', unsupported ? REASONS.unsupportedAlgorithm(signatureUri) : REASONS.badSignature()) };

  for (const reference of references) {
    const digestElement = childNamed(reference, DS_NS, 'DigestValue');
    const expected = digestElement ? base64Of(digestElement) : undefined;
    if (!expected) return { ...base, certificate: signer, integrity: failed('integrity', XMLDSIG_REASONS.malformed('ds:DigestValue')) };
    const views = laterSignatures.length > 0 ? [laterSignatures, []] : [[]];
    let matched = false;
    for (const later of views) {
      const computed = digestReference(document, signature, reference, later);
      if (!computed.ok) return { ...base, certificate: signer, integrity: failed('integrity', computed.reason) };
      if (sameBytes(expected, computed.digest)) {
        matched = true;
        break;
      }
    }
    if (!matched) return { ...base, certificate: signer, integrity: failed('integrity', REASONS.contentChanged()) };
  }
  return { ...base, certificate: signer, integrity: passed('integrity') };
}

function withSigner(certificate: X509 | undefined): { certificate?: X509 } {
  return certificate ? { certificate } : {};
}

/**
 * Verifies every XML-DSig signature in a document. XML-DSig carries no signing time, so certificates are
 * judged at `options.at` and `signedAt` is absent. A document without signatures is not valid.
 * Throws XmlParseError when the text is not well-formed XML.
 */
export async function verifyXmlDsig(xml: string | Uint8Array, options: VerifyOptions): Promise<XmlDsigReport> {
  const document = parseXml(typeof xml === 'string' ? xml : Buffer.from(xml).toString('utf8'));
  const signers: XmlSignerReport[] = [];
  const signatures = descendantsNamed(document, DS_NS, 'Signature');
  for (const [index, signature] of signatures.entries()) {
    const own = verifySignatureElement(document, signature, signatures.slice(index + 1));
    if (!own.certificate) {
      signers.push({ subject: {}, signedAtSource: 'none', checks: [own.integrity], references: own.references });
      continue;
    }
    const verdict = await checkCertificate(own.certificate, {
      at: options.at,
      trust: options.trust,
      intermediates: own.certificates.filter((c) => c !== own.certificate),
      purpose: options.purpose ?? 'signing',
      ...(options.revocation ? { revocation: options.revocation } : {}),
      ...(options.expected ? { expected: options.expected } : {}),
    });
    signers.push({
      subject: subjectOf(own.certificate.cert.subject),
      certificate: verdict.summary,
      signedAtSource: 'none',
      checks: [own.integrity, ...verdict.checks],
      references: own.references,
    });
  }
  return { valid: signers.length > 0 && signers.every((s) => allPassed(s.checks)), format: 'xml-dsig', signers };
}
