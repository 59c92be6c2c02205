// Reading XML for signature work: strictly (any parse error refuses the document, so an undefined entity
// or a truncated file never becomes "some other document that happens to verify"), and small helpers over
// the @xmldom/xmldom DOM.

import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';

/** The XML-DSig namespace. */
export const DS_NS = 'http://www.w3.org/2000/09/xmldsig#';
/** The namespace of Exclusive C14N's InclusiveNamespaces element. */
export const EXC_C14N_NS = 'http://www.w3.org/2001/10/xml-exc-c14n#';
/** The namespace of namespace declarations. */
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** DOM node types used here. */
export const NODE = { element: 1, attribute: 2, text: 3, cdata: 4, processingInstruction: 7, comment: 8, document: 9, documentType: 10 } as const;

/** The text is not well-formed XML. */
export class XmlParseError extends Error {}

/** Parses XML text; throws XmlParseError on any error the parser reports (not only fatal ones). */
export function parseXml(text: string): Document {
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new XmlParseError(message);
    },
  });
  try {
    return parser.parseFromString(text.replace(/^\uFEFF/, ''), 'text/xml');
  } catch (e) {
    throw e instanceof XmlParseError ? e : new XmlParseError(e instanceof Error ? e.message : String(e));
  }
}

/** True for an element node. */
export function isElement(node: Node | null | undefined): node is Element {
  return node?.nodeType === NODE.element;
}

/** The element children of a node. */
export function childElements(node: Node): Element[] {
  const out: Element[] = [];
  for (let n = node.firstChild; n; n = n.nextSibling) if (isElement(n)) out.push(n);
  return out;
}

/** The element children in a namespace with a local name. */
export function childrenNamed(node: Node, ns: string, localName: string): Element[] {
  return childElements(node).filter((e) => e.namespaceURI === ns && e.localName === localName);
}

/** The first such child, if any. */
export function childNamed(node: Node, ns: string, localName: string): Element | undefined {
  return childrenNamed(node, ns, localName)[0];
}

/** Every descendant element (document order) in a namespace with a local name. */
export function descendantsNamed(node: Node, ns: string, localName: string): Element[] {
  const out: Element[] = [];
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (!isElement(c)) continue;
      if (c.namespaceURI === ns && c.localName === localName) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

/** The concatenated text of an element's text and CDATA children. */
export function textOf(element: Element): string {
  let s = '';
  for (let n = element.firstChild; n; n = n.nextSibling) if (n.nodeType === NODE.text || n.nodeType === NODE.cdata) s += n.nodeValue ?? '';
  return s;
}

/** Bytes of a base64 element value; whitespace (and the CRs Java signers write as &#13;) is ignored. */
export function base64Of(element: Element): Uint8Array | undefined {
  const compact = textOf(element).replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) return undefined;
  return new Uint8Array(Buffer.from(compact, 'base64'));
}

/** The ancestors of a node, nearest first (elements only). */
export function ancestorElements(node: Node): Element[] {
  const out: Element[] = [];
  for (let p = node.parentNode; p; p = p.parentNode) if (isElement(p)) out.push(p);
  return out;
}

/**
 * The elements carrying an ID attribute (`Id`, `ID` or `id`, unqualified) with this value. More than one
 * means the reference is ambiguous, which a verifier must refuse (signature-wrapping attacks rely on it).
 */
export function elementsWithId(document: Document, id: string): Element[] {
  const out: Element[] = [];
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (!isElement(c)) continue;
      if (['Id', 'ID', 'id'].some((name) => c.getAttributeNode(name)?.value === id)) out.push(c);
      walk(c);
    }
  };
  walk(document);
  return out;
}
