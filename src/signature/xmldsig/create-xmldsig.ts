// Enveloped XML signatures over the Signer port, laid out as NCALayer's signXml (Kalkan) writes them: a
// ds:Signature appended to the document element, one Reference (the whole document, or one element by
// Id) with the enveloped-signature and C14N transforms, and the signer's certificate in KeyInfo (with the
// CA certificates the signer holds, so that a verifier trusting only the root can build the chain).

import { XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import type { Signer } from '../signer/signer.js';
import { sameBytes } from '../der-or-pem.js';
import { SIGNATURE_OIDS } from '../oids.js';
import { canonicalize } from './canonicalize-xml.js';
import { C14N_URIS, canonicalizationOf, digestUriOf, ENVELOPED_SIGNATURE_URI, signatureUriOf } from './xmldsig-algorithms.js';
import { digestReference } from './xmldsig-reference.js';
import { childNamed, childrenNamed, DS_NS, elementsWithId, parseXml, XMLNS_NS } from './xml-document.js';

/** How to sign. */
export interface CreateXmlDsigOptions {
  /** C14N of SignedInfo and of the signed data: inclusive as Kalkan writes it (the default), or exclusive. */
  readonly canonicalization?: 'inclusive' | 'exclusive';
  /** Sign only the element with this Id (URI="#…"); by default the whole document (URI=""). */
  readonly referenceId?: string;
}

/** Base64 in lines of 76 characters, as XML signers write it. */
function base64Lines(bytes: Uint8Array): string {
  return `\n${Buffer.from(bytes)
    .toString('base64')
    .replace(/(.{76})/g, '$1\n')
    .replace(/\n$/, '')}\n`;
}

/** Appends a ds: element (after a line break, as Kalkan lays them out) and returns it. */
function append(document: Document, parent: Element, localName: string, attributes: Record<string, string> = {}, text?: string): Element {
  const element = document.createElementNS(DS_NS, `ds:${localName}`);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== undefined) element.appendChild(document.createTextNode(text));
  parent.appendChild(document.createTextNode('\n'));
  parent.appendChild(element);
  return element;
}

/** Closes an element's content with a line break before its end tag. */
function close(document: Document, element: Element): void {
  element.appendChild(document.createTextNode('\n'));
}

/**
 * Signs an XML document with an enveloped XML-DSig signature and returns the signed document's text.
 * A document that already has signatures is co-signed: the new signature covers them too.
 * Throws when the XML is not well-formed, the Id is not exactly one element's, or the signer's algorithm
 * has no XML-DSig URI.
 */
export async function createXmlDsig(xml: string, signer: Signer, options: CreateXmlDsigOptions = {}): Promise<string> {
  const document = parseXml(xml);
  const root = document.documentElement;
  if (!root) throw new Error('the XML has no document element');
  if (options.referenceId !== undefined && elementsWithId(document, options.referenceId).length !== 1) {
    throw new Error(`no single element has the Id ${options.referenceId}`);
  }
  const chain = await signer.certificateChain();
  if (chain.length === 0) throw new Error('the signer has no certificate');
  const algorithms = await signer.algorithms();
  const signatureUri = signatureUriOf(algorithms.signatureAlgorithmOid);
  const digestUri = digestUriOf(algorithms.digestAlgorithmOid);
  if (!signatureUri || !digestUri) throw new Error(`no XML-DSig URI for ${algorithms.signatureAlgorithmOid} / ${algorithms.digestAlgorithmOid}`);
  const exclusive = options.canonicalization === 'exclusive';
  const c14nUri = exclusive ? C14N_URIS.exclusive : C14N_URIS.inclusive;

  const signature = document.createElementNS(DS_NS, 'ds:Signature');
  signature.setAttributeNS(XMLNS_NS, 'xmlns:ds', DS_NS);
  const signedInfo = append(document, signature, 'SignedInfo');
  append(document, signedInfo, 'CanonicalizationMethod', { Algorithm: c14nUri });
  append(document, signedInfo, 'SignatureMethod', { Algorithm: signatureUri });
  const reference = append(document, signedInfo, 'Reference', { URI: options.referenceId !== undefined ? `#${options.referenceId}` : '' });
  const transforms = append(document, reference, 'Transforms');
  append(document, transforms, 'Transform', { Algorithm: ENVELOPED_SIGNATURE_URI });
  append(document, transforms, 'Transform', { Algorithm: exclusive ? C14N_URIS.exclusiveWithComments : C14N_URIS.inclusiveWithComments });
  close(document, transforms);
  append(document, reference, 'DigestMethod', { Algorithm: digestUri });
  const digestValue = append(document, reference, 'DigestValue');
  close(document, reference);
  close(document, signedInfo);
  const signatureValue = append(document, signature, 'SignatureValue');
  const keyInfo = append(document, signature, 'KeyInfo');
  const x509Data = append(document, keyInfo, 'X509Data');
  for (const certificate of chain) append(document, x509Data, 'X509Certificate', {}, base64Lines(certificate));
  close(document, x509Data);
  close(document, keyInfo);
  close(document, signature);
  root.appendChild(signature);

  const digest = digestReference(document, signature, reference);
  if (!digest.ok) throw new Error(digest.reason.en);
  digestValue.appendChild(document.createTextNode(Buffer.from(digest.digest).toString('base64')));
  const signedBytes = canonicalize(signedInfo, canonicalizationOf(c14nUri)!);
  const ecdsa = SIGNATURE_OIDS[algorithms.signatureAlgorithmOid]?.key === 'ecdsa';
  const raw = await signer.signRaw(signedBytes, ecdsa ? { ecdsaEncoding: 'ieee-p1363' } : {});
  if (raw.signatureAlgorithmOid !== algorithms.signatureAlgorithmOid)
    throw new Error(`the signer signed with ${raw.signatureAlgorithmOid}, not ${algorithms.signatureAlgorithmOid}`);
  signatureValue.appendChild(document.createTextNode(base64Lines(raw.signature)));
  const signed = insertBeforeEndTag(xml.replace(/^\uFEFF/, ''), root.nodeName, new XMLSerializer().serializeToString(signature));
  if (!readsBackAsSigned(signed, digest.digest, signedBytes, c14nUri)) throw new Error('the signed XML does not read back as it was signed');
  return signed;
}

/**
 * The document text with the signature inserted as the document element's last child. The rest of the
 * text is kept byte for byte (re-serialising the DOM would lose e.g. carriage returns written as &#13;).
 */
function insertBeforeEndTag(xml: string, rootName: string, signature: string): string {
  let end = xml.length;
  // Skip what may follow the document element: white space, comments and processing instructions.
  for (;;) {
    const trimmed = xml.slice(0, end).trimEnd();
    end = trimmed.length;
    if (trimmed.endsWith('-->')) end = trimmed.lastIndexOf('<!--');
    else if (trimmed.endsWith('?>')) end = trimmed.lastIndexOf('<?');
    else break;
    if (end < 0) throw new Error('unexpected end of the XML document');
  }
  const head = xml.slice(0, end);
  const closing = new RegExp(`</${rootName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*>$`).exec(head);
  if (closing) return `${head.slice(0, closing.index)}${signature}${head.slice(closing.index)}${xml.slice(end)}`;
  if (head.endsWith('/>')) return `${head.slice(0, -2).trimEnd()}>${signature}</${rootName}>${xml.slice(end)}`;
  throw new Error('the end tag of the document element was not found');
}

/** Re-reads the signed text: true when it yields the digest and SignedInfo bytes that were signed. */
function readsBackAsSigned(signed: string, digest: Uint8Array, signedInfoBytes: Uint8Array, c14nUri: string): boolean {
  const document = parseXml(signed);
  const signature = childrenNamed(document.documentElement!, DS_NS, 'Signature').at(-1);
  const signedInfo = signature ? childNamed(signature, DS_NS, 'SignedInfo') : undefined;
  const reference = signedInfo ? childNamed(signedInfo, DS_NS, 'Reference') : undefined;
  if (!signature || !signedInfo || !reference) return false;
  const again = digestReference(document, signature, reference);
  return again.ok && sameBytes(again.digest, digest) && sameBytes(canonicalize(signedInfo, canonicalizationOf(c14nUri)!), signedInfoBytes);
}
