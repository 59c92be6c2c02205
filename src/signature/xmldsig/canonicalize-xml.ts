// Canonical XML 1.0 (W3C REC-xml-c14n-20010315) and Exclusive XML Canonicalization 1.0
// (REC-xml-exc-c14n-20020718) of the node-sets XML-DSig produces for enveloped signatures: a whole
// document or one element's subtree, less some excluded subtrees (the enveloped Signature), with or
// without comments. Written from the two recommendations over the @xmldom/xmldom DOM.

import type { Attr, Element, Node } from '@xmldom/xmldom';
import { ancestorElements, isElement, NODE, XMLNS_NS } from './xml-document.js';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Which canonicalization, and of what. */
export interface CanonicalizeOptions {
  /** Exclusive C14N renders only the namespaces an element visibly uses. */
  readonly exclusive: boolean;
  readonly withComments: boolean;
  /** Exclusive C14N's InclusiveNamespaces PrefixList ("#default" for the default namespace). */
  readonly inclusivePrefixes?: readonly string[];
  /** Subtrees left out of the node-set (the enveloped-signature transform). */
  readonly exclude?: readonly Node[];
}

/** A prefix ('' for the default namespace) → namespace URI ('' = no default namespace). */
type NamespaceContext = ReadonlyMap<string, string>;

/** The namespace declarations an element carries itself. */
function declarationsOf(element: Element): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < element.attributes.length; i++) {
    const a = element.attributes.item(i)!;
    if (a.namespaceURI !== XMLNS_NS) continue;
    out.set(a.prefix === 'xmlns' ? a.localName! : '', a.value);
  }
  return out;
}

/** The namespaces in scope at an element (its own declarations over its ancestors'), without `xml`. */
function inScopeNamespaces(element: Element): Map<string, string> {
  const scope = new Map<string, string>();
  for (const e of [element, ...ancestorElements(element)]) {
    for (const [prefix, uri] of declarationsOf(e)) if (!scope.has(prefix)) scope.set(prefix, uri);
  }
  scope.delete('xml');
  return scope;
}

/** The attributes proper (no namespace declarations). */
function plainAttributes(element: Element): Attr[] {
  const out: Attr[] = [];
  for (let i = 0; i < element.attributes.length; i++) {
    const a = element.attributes.item(i)!;
    if (a.namespaceURI !== XMLNS_NS) out.push(a);
  }
  return out;
}

/** Text escaping of §2.3: &, <, > and carriage returns. */
function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
}

/** Attribute-value escaping of §2.3: &, <, ", tab, line feed and carriage return. */
function escapeAttribute(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\t/g, '&#x9;').replace(/\n/g, '&#xA;').replace(/\r/g, '&#xD;');
}

/** Code-point order of strings (the recommendations sort by UCS code points, not UTF-16 units). */
function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** Attributes sort by namespace URI (none first), then local name. */
function compareAttributes(a: Attr, b: Attr): number {
  return compareCodePoints(a.namespaceURI ?? '', b.namespaceURI ?? '') || compareCodePoints(a.localName ?? a.name, b.localName ?? b.name);
}

/** Canonicalizes a document or an element subtree (the node-set's apex) to its canonical UTF-8 bytes. */
export function canonicalize(apex: Node, options: CanonicalizeOptions): Uint8Array {
  return new Uint8Array(Buffer.from(canonicalizeToString(apex, options), 'utf8'));
}

/** The canonical form as a string. */
export function canonicalizeToString(apex: Node, options: CanonicalizeOptions): string {
  const excluded = new Set(options.exclude ?? []);
  const inclusive = new Set((options.inclusivePrefixes ?? []).map((p) => (p === '#default' ? '' : p)));
  const out: string[] = [];

  /** The namespace declarations to render on an element, given what output ancestors have rendered. */
  function namespacesToRender(element: Element, rendered: NamespaceContext): [string, string][] {
    const scope = inScopeNamespaces(element);
    let candidates: string[];
    if (options.exclusive) {
      // Visibly utilized: the element's own prefix (the default one when it has none) and its
      // attributes' prefixes; plus the InclusiveNamespaces prefixes, treated as in inclusive C14N.
      const used = new Set<string>([element.prefix ?? '']);
      for (const a of plainAttributes(element)) if (a.prefix && a.prefix !== 'xml') used.add(a.prefix);
      for (const p of inclusive) if (scope.has(p)) used.add(p);
      candidates = [...used];
    } else {
      candidates = [...scope.keys()];
      if (!scope.has('')) candidates.push('');
    }
    const render: [string, string][] = [];
    for (const prefix of candidates) {
      const uri = scope.get(prefix) ?? '';
      const before = rendered.get(prefix) ?? '';
      // An empty default is rendered (xmlns="") only to undo a non-empty one an output ancestor rendered.
      if (uri === before) continue;
      if (prefix !== '' && uri === '') continue;
      render.push([prefix, uri]);
    }
    return render.sort((a, b) => compareCodePoints(a[0], b[0]));
  }

  /** xml:* attributes an apex element inherits from ancestors outside the node-set (inclusive C14N 1.0). */
  function inheritedXmlAttributes(element: Element): { name: string; value: string; localName: string }[] {
    const own = new Set(
      plainAttributes(element)
        .filter((a) => a.namespaceURI === XML_NS)
        .map((a) => a.localName),
    );
    const found = new Map<string, { name: string; value: string; localName: string }>();
    for (const ancestor of ancestorElements(element)) {
      for (const a of plainAttributes(ancestor)) {
        if (a.namespaceURI !== XML_NS || own.has(a.localName) || found.has(a.localName!)) continue;
        found.set(a.localName!, { name: a.name, value: a.value, localName: a.localName! });
      }
    }
    return [...found.values()];
  }

  function writeElement(element: Element, rendered: NamespaceContext, isApex: boolean): void {
    const declarations = namespacesToRender(element, rendered);
    const context = new Map(rendered);
    for (const [prefix, uri] of declarations) context.set(prefix, uri);
    const attributes: { name: string; value: string; ns: string; local: string }[] = plainAttributes(element)
      .sort(compareAttributes)
      .map((a) => ({ name: a.name, value: a.value, ns: a.namespaceURI ?? '', local: a.localName ?? a.name }));
    if (isApex && !options.exclusive) {
      for (const a of inheritedXmlAttributes(element)) attributes.push({ name: a.name, value: a.value, ns: XML_NS, local: a.localName });
      attributes.sort((a, b) => compareCodePoints(a.ns, b.ns) || compareCodePoints(a.local, b.local));
    }
    out.push('<', element.nodeName);
    for (const [prefix, uri] of declarations) out.push(prefix ? ` xmlns:${prefix}="${escapeAttribute(uri)}"` : ` xmlns="${escapeAttribute(uri)}"`);
    for (const a of attributes) out.push(` ${a.name}="${escapeAttribute(a.value)}"`);
    out.push('>');
    for (let child = element.firstChild; child; child = child.nextSibling) writeNode(child, context);
    out.push('</', element.nodeName, '>');
  }

  function writeNode(node: Node, rendered: NamespaceContext): void {
    if (excluded.has(node)) return;
    switch (node.nodeType) {
      case NODE.element:
        writeElement(node as Element, rendered, false);
        return;
      case NODE.text:
      case NODE.cdata:
        out.push(escapeText(node.nodeValue ?? ''));
        return;
      case NODE.comment:
        if (options.withComments) out.push(`<!--${node.nodeValue ?? ''}-->`);
        return;
      case NODE.processingInstruction:
        out.push(processingInstruction(node));
        return;
      default:
        return;
    }
  }

  if (apex.nodeType === NODE.document) {
    // Outside the document element only comments and PIs remain, each on its own line (§2.1); the XML
    // declaration (which the DOM keeps as a PI named "xml") and the DOCTYPE are not part of the data model.
    let seenRoot = false;
    for (let child = apex.firstChild; child; child = child.nextSibling) {
      if (excluded.has(child)) continue;
      if (isElement(child)) {
        writeElement(child, new Map(), true);
        seenRoot = true;
      } else if ((child.nodeType === NODE.comment && options.withComments) || (child.nodeType === NODE.processingInstruction && child.nodeName !== 'xml')) {
        const text = child.nodeType === NODE.comment ? `<!--${child.nodeValue ?? ''}-->` : processingInstruction(child);
        out.push(seenRoot ? `\n${text}` : `${text}\n`);
      }
    }
  } else if (isElement(apex)) {
    writeElement(apex, new Map(), true);
  } else {
    throw new Error('only a document or an element can be canonicalized');
  }
  return out.join('');
}

function processingInstruction(node: Node): string {
  const data = node.nodeValue ?? '';
  return data ? `<?${node.nodeName} ${data}?>` : `<?${node.nodeName}?>`;
}
