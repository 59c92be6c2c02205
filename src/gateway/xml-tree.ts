import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { err, ok, type Result } from '../core/result.js';

/** An XML element with its namespace resolved; attributes other than xmlns are not kept. */
export interface XmlElement {
  /** Namespace URI, or null for an element in no namespace. */
  readonly ns: string | null;
  readonly local: string;
  readonly children: readonly XmlNode[];
}
/** An element or a piece of text. */
export type XmlNode = XmlElement | string;

/** Builds an element; text children are kept as given. */
export function el(ns: string | null, local: string, ...children: (XmlNode | undefined)[]): XmlElement {
  return { ns, local, children: children.filter((c): c is XmlNode => c !== undefined) };
}

/** Escapes text for an element's content or an attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/**
 * Writes an element. Namespaces listed in `prefixes` (prefix → URI) are declared once on the
 * root and written with their prefix; any other namespace change is declared as the default
 * namespace where it happens, so unqualified children of a prefixed element stay unqualified.
 */
export function serializeXml(root: XmlElement, prefixes: Readonly<Record<string, string>> = {}): string {
  const prefixOf = new Map(Object.entries(prefixes).map(([prefix, uri]) => [uri, prefix]));
  const declarations = Object.entries(prefixes)
    .map(([prefix, uri]) => ` xmlns:${prefix}="${escapeXml(uri)}"`)
    .join('');
  return write(root, null, prefixOf, declarations);
}

function write(element: XmlElement, defaultNs: string | null, prefixOf: ReadonlyMap<string, string>, declarations = ''): string {
  const prefix = element.ns === null ? undefined : prefixOf.get(element.ns);
  let name = element.local;
  let decl = declarations;
  let innerDefault = defaultNs;
  if (prefix !== undefined) name = `${prefix}:${element.local}`;
  else if (element.ns !== defaultNs) {
    decl += ` xmlns="${escapeXml(element.ns ?? '')}"`;
    innerDefault = element.ns;
  }
  if (element.children.length === 0) return `<${name}${decl}/>`;
  const inner = element.children.map((c) => (typeof c === 'string' ? escapeXml(c) : write(c, innerDefault, prefixOf))).join('');
  return `<${name}${decl}>${inner}</${name}>`;
}

/** The element children with this namespace and local name. */
export function childrenNamed(parent: XmlElement, ns: string | null, local: string): XmlElement[] {
  return parent.children.filter((c): c is XmlElement => typeof c !== 'string' && c.ns === ns && c.local === local);
}

/** The first element child with this namespace and local name. */
export function childNamed(parent: XmlElement, ns: string | null, local: string): XmlElement | undefined {
  return childrenNamed(parent, ns, local)[0];
}

/** The element's text content (its text children joined), trimmed. */
export function textOf(element: XmlElement): string {
  return element.children
    .filter((c): c is string => typeof c === 'string')
    .join('')
    .trim();
}

/** The trimmed text of the first child so named, or undefined when absent or empty. */
export function childText(parent: XmlElement, ns: string | null, local: string): string | undefined {
  const child = childNamed(parent, ns, local);
  const text = child ? textOf(child) : '';
  return text === '' ? undefined : text;
}

/** The element children of an element. */
export function elementChildren(parent: XmlElement): XmlElement[] {
  return parent.children.filter((c): c is XmlElement => typeof c !== 'string');
}

// Values stay strings (an IIN must not become a number) and character references are decoded.
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type RawNode = Record<string, unknown>;

/**
 * Parses a document into its root element, resolving namespace prefixes. Rejects malformed
 * XML and any DOCTYPE: SOAP forbids DTDs, and refusing them closes the entity-expansion door.
 */
export function parseXml(text: string): Result<XmlElement, string> {
  if (/<!DOCTYPE/i.test(text)) return err('a DOCTYPE is not allowed');
  const valid = XMLValidator.validate(text);
  if (valid !== true) return err(`malformed XML: ${valid.err.msg} (line ${valid.err.line})`);
  let raw: RawNode[];
  try {
    raw = parser.parse(text) as RawNode[];
  } catch (e) {
    return err(`malformed XML: ${e instanceof Error ? e.message : String(e)}`);
  }
  const roots = raw.filter((n) => !('#text' in n));
  if (roots.length !== 1) return err('expected exactly one root element');
  return convert(roots[0]!, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]));
}

function convert(node: RawNode, scope: ReadonlyMap<string, string>): Result<XmlElement, string> {
  const name = Object.keys(node).find((k) => k !== ':@')!;
  const attributes = (node[':@'] ?? {}) as Record<string, string>;
  const inScope = new Map(scope);
  for (const [attr, value] of Object.entries(attributes)) {
    if (attr === 'xmlns') inScope.set('', value);
    else if (attr.startsWith('xmlns:')) inScope.set(attr.slice(6), value);
  }
  const colon = name.indexOf(':');
  const prefix = colon >= 0 ? name.slice(0, colon) : '';
  const local = colon >= 0 ? name.slice(colon + 1) : name;
  const uri = inScope.get(prefix);
  if (prefix !== '' && uri === undefined) return err(`undeclared namespace prefix "${prefix}" on <${name}>`);
  const ns = uri === undefined || uri === '' ? null : uri;
  const children: XmlNode[] = [];
  for (const child of (node[name] ?? []) as RawNode[]) {
    if ('#text' in child) children.push(String(child['#text']));
    else {
      const converted = convert(child, inScope);
      if (!converted.ok) return converted;
      children.push(converted.value);
    }
  }
  // Whitespace between elements is layout, not content: drop it where elements are present.
  const hasElements = children.some((c) => typeof c !== 'string');
  return ok({ ns, local, children: hasElements ? children.filter((c) => typeof c !== 'string' || c.trim() !== '') : children });
}
