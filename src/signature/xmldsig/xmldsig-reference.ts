// One ds:Reference of an enveloped signature: which part of the document it points at, what its
// transforms make of it, and its digest. Used by verification and creation alike, so both compute the
// same bytes.

import type { Document, Element, Node } from '@xmldom/xmldom';
import type { TText } from '../../core/regulation/schema.js';
import { digestWith } from '../cms/digest.js';
import { REASONS } from '../reasons.js';
import { canonicalize } from './canonicalize-xml.js';
import { canonicalizationOf, DIGEST_URIS, ENVELOPED_SIGNATURE_URI } from './xmldsig-algorithms.js';
import { XMLDSIG_REASONS } from './xmldsig-reasons.js';
import { childNamed, childrenNamed, DS_NS, elementsWithId, EXC_C14N_NS } from './xml-document.js';

/** The outcome of computing a reference's digest. */
export type ReferenceDigest = { ok: true; uri: string; digestOid: string; digest: Uint8Array } | { ok: false; uri: string; reason: TText };

/** The InclusiveNamespaces PrefixList of a c14n method or transform element, if any. */
export function inclusivePrefixesOf(method: Element): string[] {
  const list = childNamed(method, EXC_C14N_NS, 'InclusiveNamespaces')?.getAttribute('PrefixList') ?? '';
  return list.split(/\s+/).filter(Boolean);
}

/** The node a same-document URI names: "" the document, "#id" the one element with that ID. */
function dereference(document: Document, uri: string): { node: Node } | { reason: TText } {
  if (uri === '') return { node: document };
  if (!/^#[^#()\s]+$/.test(uri)) return { reason: XMLDSIG_REASONS.unsupportedReference(uri) };
  const found = elementsWithId(document, uri.slice(1));
  if (found.length === 0) return { reason: XMLDSIG_REASONS.referenceMissing(uri) };
  if (found.length > 1) return { reason: XMLDSIG_REASONS.referenceAmbiguous(uri) };
  return { node: found[0]! };
}

/**
 * The digest of what a Reference covers. Same-document references yield node-sets without comments
 * (XML-DSig §4.3.3.3), so a "#WithComments" transform still sees none; the enveloped-signature transform
 * removes the Signature element the reference belongs to; the node-set becomes octets by the c14n
 * transform given, or by inclusive C14N when none is. `laterSignatures` are left out as well: NCALayer
 * co-signs by appending a signature over the document with the earlier ones in it, so an earlier one was
 * made before the later ones existed.
 */
export function digestReference(document: Document, signature: Element, reference: Element, laterSignatures: readonly Element[] = []): ReferenceDigest {
  const transforms = childNamed(reference, DS_NS, 'Transforms');
  const transformList = transforms ? childrenNamed(transforms, DS_NS, 'Transform') : [];
  // Without a URI "the application is expected to know the object" (§4.3.3.1): for an enveloped
  // signature that is the document it sits in.
  const enveloped = transformList.some((t) => t.getAttribute('Algorithm') === ENVELOPED_SIGNATURE_URI);
  const uri = reference.getAttribute('URI') ?? (enveloped ? '' : null);
  if (uri === null) return { ok: false, uri: '', reason: XMLDSIG_REASONS.unsupportedReference('(no URI)') };
  const target = dereference(document, uri);
  if ('reason' in target) return { ok: false, uri, reason: target.reason };
  const digestUri = childNamed(reference, DS_NS, 'DigestMethod')?.getAttribute('Algorithm') ?? '';
  const digestOid = DIGEST_URIS[digestUri];
  if (!digestOid) return { ok: false, uri, reason: REASONS.unsupportedAlgorithm(digestUri || '(no DigestMethod)') };

  const exclude: Node[] = [...laterSignatures];
  let octets: Uint8Array | undefined;
  for (const transform of transformList) {
    const algorithm = transform.getAttribute('Algorithm') ?? '';
    const c14n = canonicalizationOf(algorithm);
    if (octets) return { ok: false, uri, reason: REASONS.unsupportedAlgorithm(`${algorithm} (after canonicalization)`) };
    if (algorithm === ENVELOPED_SIGNATURE_URI) exclude.push(signature);
    else if (c14n)
      octets = canonicalize(target.node, { exclusive: c14n.exclusive, withComments: false, inclusivePrefixes: inclusivePrefixesOf(transform), exclude });
    else return { ok: false, uri, reason: REASONS.unsupportedAlgorithm(algorithm || '(no Algorithm)') };
  }
  octets ??= canonicalize(target.node, { exclusive: false, withComments: false, exclude });
  const digest = digestWith(digestOid, octets);
  if (!digest) return { ok: false, uri, reason: REASONS.unsupportedAlgorithm(digestUri) };
  return { ok: true, uri, digestOid, digest };
}
