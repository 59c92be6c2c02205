import { describe, expect, it } from 'vitest';
import { canonicalizeToString } from './canonicalize-xml.js';
import { parseXml, XmlParseError } from './xml-document.js';

// Examples of the W3C Canonical XML 1.0 (§3) and Exclusive C14N (§2.2) recommendations. The parser used
// here does not apply DTD attribute defaults or ID types, so the examples that depend on a DTD are given
// without it (their attributes are then CDATA).

const inclusive = { exclusive: false, withComments: false };

describe('Canonical XML 1.0', () => {
  it('drops the XML declaration and DOCTYPE and puts PIs and comments outside the document element on their own lines (§3.1)', () => {
    const input =
      '<?xml version="1.0"?>\n\n<?xml-stylesheet   href="doc.xsl"\n   type="text/xsl"   ?>\n\n<!DOCTYPE doc SYSTEM "doc.dtd">\n\n<doc>Hello, world!<!-- Comment 1 --></doc>\n\n<?pi-without-data     ?>\n\n<!-- Comment 2 -->\n\n<!-- Comment 3 -->\n';
    const document = parseXml(input);
    expect(canonicalizeToString(document, inclusive)).toBe(
      '<?xml-stylesheet href="doc.xsl"\n   type="text/xsl"   ?>\n<doc>Hello, world!</doc>\n<?pi-without-data?>',
    );
    expect(canonicalizeToString(document, { exclusive: false, withComments: true })).toBe(
      '<?xml-stylesheet href="doc.xsl"\n   type="text/xsl"   ?>\n<doc>Hello, world!<!-- Comment 1 --></doc>\n<?pi-without-data?>\n<!-- Comment 2 -->\n<!-- Comment 3 -->',
    );
  });

  it('writes empty elements as start-end pairs, sorts namespaces and attributes, and drops superfluous declarations (§3.3)', () => {
    const input = `<doc>
   <e1   />
   <e2   ></e2>
   <e3   name = "elem3"   id="elem3"   />
   <e4   name="elem4"   id="elem4"   ></e4>
   <e5 a:attr="out" b:attr="sorted" attr2="all" attr="I'm"
      xmlns:b="http://www.ietf.org"
      xmlns:a="http://www.w3.org"
      xmlns="http://example.org"/>
   <e6 xmlns="" xmlns:a="http://www.w3.org">
      <e7 xmlns="http://www.ietf.org">
         <e8 xmlns="" xmlns:a="http://www.w3.org">
            <e9 xmlns="" xmlns:a="http://www.ietf.org"/>
         </e8>
      </e7>
   </e6>
</doc>`;
    expect(canonicalizeToString(parseXml(input), inclusive)).toBe(`<doc>
   <e1></e1>
   <e2></e2>
   <e3 id="elem3" name="elem3"></e3>
   <e4 id="elem4" name="elem4"></e4>
   <e5 xmlns="http://example.org" xmlns:a="http://www.w3.org" xmlns:b="http://www.ietf.org" attr="I'm" attr2="all" b:attr="sorted" a:attr="out"></e5>
   <e6 xmlns:a="http://www.w3.org">
      <e7 xmlns="http://www.ietf.org">
         <e8 xmlns="">
            <e9 xmlns:a="http://www.ietf.org"></e9>
         </e8>
      </e7>
   </e6>
</doc>`);
  });

  it('escapes and normalises characters in text and attributes (§3.4)', () => {
    const input = `<doc>
   <text>First line&#x0d;&#10;Second line</text>
   <value>&#x32;</value>
   <compute><![CDATA[value>"0" && value<"10" ?"valid":"error"]]></compute>
   <compute expr='value>"0" &amp;&amp; value&lt;"10" ?"valid":"error"'>valid</compute>
   <norm attr=' &apos;   &#x20;&#13;&#xa;&#9;   &apos; '/>
</doc>`;
    expect(canonicalizeToString(parseXml(input), inclusive)).toBe(`<doc>
   <text>First line&#xD;
Second line</text>
   <value>2</value>
   <compute>value&gt;"0" &amp;&amp; value&lt;"10" ?"valid":"error"</compute>
   <compute expr="value>&quot;0&quot; &amp;&amp; value&lt;&quot;10&quot; ?&quot;valid&quot;:&quot;error&quot;">valid</compute>
   <norm attr=" '    &#xD;&#xA;&#x9;   ' "></norm>
</doc>`);
  });

  it('leaves out an excluded subtree (the enveloped-signature transform) but keeps the text around it', () => {
    const document = parseXml('<a><b>x</b>\n<s:Signature xmlns:s="urn:s"><s:v>1</s:v></s:Signature>\n</a>');
    const signature = document.documentElement!.getElementsByTagName('s:Signature')[0]!;
    expect(canonicalizeToString(document, { ...inclusive, exclude: [signature] })).toBe('<a><b>x</b>\n\n</a>');
  });

  it('refuses XML with undefined entities instead of reading them as text', () => {
    expect(() => parseXml('<a>&undefined;</a>')).toThrow(XmlParseError);
    expect(() => parseXml('<a><b></a>')).toThrow(XmlParseError);
  });
});

describe('an element subtree: inclusive vs exclusive (Exclusive C14N §2.2)', () => {
  const document = parseXml(`<n0:local xmlns:n0="foo:bar" xmlns:n3="ftp://example.org" xml:space="preserve">
  <n1:elem2 xmlns:n1="http://example.net" xml:lang="en">
    <n3:stuff xmlns:n3="ftp://example.org"/>
  </n1:elem2>
</n0:local>`);
  const elem2 = document.documentElement!.getElementsByTagName('n1:elem2')[0]!;

  it('inclusive: the apex carries every namespace in scope and the inherited xml: attributes', () => {
    expect(canonicalizeToString(elem2, inclusive))
      .toBe(`<n1:elem2 xmlns:n0="foo:bar" xmlns:n1="http://example.net" xmlns:n3="ftp://example.org" xml:lang="en" xml:space="preserve">
    <n3:stuff></n3:stuff>
  </n1:elem2>`);
  });

  it('exclusive: only the namespaces each element visibly uses, where first used', () => {
    expect(canonicalizeToString(elem2, { exclusive: true, withComments: false })).toBe(`<n1:elem2 xmlns:n1="http://example.net" xml:lang="en">
    <n3:stuff xmlns:n3="ftp://example.org"></n3:stuff>
  </n1:elem2>`);
  });

  it('exclusive with an InclusiveNamespaces prefix list renders those prefixes on the apex', () => {
    expect(canonicalizeToString(elem2, { exclusive: true, withComments: false, inclusivePrefixes: ['n0'] }))
      .toBe(`<n1:elem2 xmlns:n0="foo:bar" xmlns:n1="http://example.net" xml:lang="en">
    <n3:stuff xmlns:n3="ftp://example.org"></n3:stuff>
  </n1:elem2>`);
  });

  it('exclusive: an unprefixed element below a default namespace undoes it with xmlns=""', () => {
    const d = parseXml('<r xmlns="urn:r"><x xmlns=""><y/></x></r>');
    expect(canonicalizeToString(d, { exclusive: true, withComments: false })).toBe('<r xmlns="urn:r"><x xmlns=""><y></y></x></r>');
  });
});
