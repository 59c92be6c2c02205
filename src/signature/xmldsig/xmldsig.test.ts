import { createHash, sign as nodeSign, webcrypto } from 'node:crypto';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import * as xmldsigjs from 'xmldsigjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { trustStoreOf } from '../chain/trust-store.js';
import { AS_OF_2021, ncaBytes, ncaCert } from '../nca-fixtures.test-support.js';
import { offlineRevocationSource } from '../revocation/offline-revocation-source.js';
import { LocalPkcs12Signer } from '../signer/local-pkcs12-signer.js';
import { buildTestPki, TEST_PEOPLE, type TestIdentity, type TestPki } from '../test-pki/build-test-pki.js';
import { canonicalize } from './canonicalize-xml.js';
import { createXmlDsig } from './create-xmldsig.js';
import { verifyXmlDsig } from './verify-xmldsig.js';
import { childNamed, DS_NS, parseXml, XmlParseError } from './xml-document.js';

let pki: TestPki;
beforeAll(async () => {
  pki = await buildTestPki({ now: new Date('2026-03-01T06:00:00Z') });
});

const signerOf = (i: TestIdentity) => new LocalPkcs12Signer({ algorithm: i.algorithm, key: i.keyObject }, [i.certificate.der, pki.issuingCa.certificate.der]);
const options = () => ({
  at: pki.now,
  trust: trustStoreOf([pki.root.certificate]),
  revocation: offlineRevocationSource({ crls: [pki.crl, pki.deltaCrl], ocspResponses: [] }),
});
const failing = (checks: { name: string; ok: boolean }[]) => checks.filter((c) => !c.ok).map((c) => c.name);

/** A machine-readable result document, as the application signs it. */
const RESULT = `<?xml version="1.0" encoding="UTF-8"?>
<result xmlns="urn:reglament:result:1" id="result-1">
  <service>specialist-certificate</service>
  <decision>issued</decision>
  <applicant iin="${TEST_PEOPLE.individual.iin}">СЕЙТҚАЛИ АСҚАР</applicant>
</result>
`;

describe('createXmlDsig and verifyXmlDsig with the test PKI', () => {
  it.each(['individualSigning', 'headSigning'] as const)("signs as %s in NCALayer's layout and verifies every check", async (name) => {
    const signed = await createXmlDsig(RESULT, signerOf(pki[name]));
    expect(signed.startsWith(RESULT.slice(0, RESULT.indexOf('</result>')))).toBe(true);
    expect(signed).toMatch(/<ds:Reference URI="">\n<ds:Transforms>\n<ds:Transform Algorithm="http:\/\/www.w3.org\/2000\/09\/xmldsig#enveloped-signature"\/>/);
    expect(signed).toContain(pki[name].algorithm === 'rsa' ? 'xmldsig-more#rsa-sha256' : 'xmldsig-more#ecdsa-sha256');
    const report = await verifyXmlDsig(signed, options());
    expect(report.format).toBe('xml-dsig');
    expect(report.signers).toHaveLength(1);
    expect(report.signers[0]!.checks.map((c) => c.name)).toEqual(['integrity', 'chain', 'validity', 'revocation', 'key-usage']);
    expect(failing(report.signers[0]!.checks)).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.signers[0]!.references).toEqual(['']);
    expect(report.signers[0]!.signedAtSource).toBe('none');
  });

  it('signs one element by Id with exclusive canonicalization', async () => {
    const signed = await createXmlDsig(RESULT, signerOf(pki.headSigning), { canonicalization: 'exclusive', referenceId: 'result-1' });
    expect(signed).toContain('<ds:Reference URI="#result-1">');
    expect(signed).toContain('xml-exc-c14n#');
    const report = await verifyXmlDsig(signed, { ...options(), expected: { bin: TEST_PEOPLE.organisation.bin } });
    expect(report.valid).toBe(true);
    expect(report.signers[0]!.references).toEqual(['#result-1']);
  });

  it('refuses a document changed after signing: integrity fails with "changed after it was signed"', async () => {
    const signed = await createXmlDsig(RESULT, signerOf(pki.individualSigning));
    const report = await verifyXmlDsig(signed.replace('<decision>issued</decision>', '<decision>refused</decision>'), options());
    expect(report.valid).toBe(false);
    expect(failing(report.signers[0]!.checks)).toEqual(['integrity']);
    expect(report.signers[0]!.checks[0]).toMatchObject({ reason: { ru: 'Документ изменён после подписания' } });
    // An attribute counts as much as text.
    const attribute = await verifyXmlDsig(signed.replace(`iin="${TEST_PEOPLE.individual.iin}"`, 'iin="000000000000"'), options());
    expect(failing(attribute.signers[0]!.checks)).toEqual(['integrity']);
  });

  it('refuses an altered reference digest as a broken signature', async () => {
    const signed = await createXmlDsig(RESULT, signerOf(pki.individualSigning));
    const otherDigest = createHash('sha256').update('something else').digest('base64');
    const altered = signed.replace(/<ds:DigestValue>[^<]+<\/ds:DigestValue>/, `<ds:DigestValue>${otherDigest}</ds:DigestValue>`);
    const report = await verifyXmlDsig(altered, options());
    expect(failing(report.signers[0]!.checks)).toEqual(['integrity']);
    expect(report.signers[0]!.checks[0]).toMatchObject({ reason: { en: "The signature is invalid: it was not made with this certificate's key" } });
  });

  it("refuses a signature whose signed reference digest is not the document's (signed over something else)", async () => {
    // The signer signs a SignedInfo carrying a wrong digest: the signature verifies, the reference does not.
    const signed = await createXmlDsig(RESULT, signerOf(pki.individualSigning));
    const document = parseXml(
      signed.replace(/<ds:DigestValue>[^<]+<\/ds:DigestValue>/, `<ds:DigestValue>${createHash('sha256').update('other').digest('base64')}</ds:DigestValue>`),
    );
    const signedInfo = childNamed(document.documentElement!.getElementsByTagNameNS(DS_NS, 'Signature')[0]!, DS_NS, 'SignedInfo')!;
    const value = nodeSign('sha256', canonicalize(signedInfo, { exclusive: false, withComments: false }), pki.individualSigning.keyObject).toString('base64');
    const resigned = new XMLSerializer()
      .serializeToString(document)
      .replace(/<ds:SignatureValue>[^<]+<\/ds:SignatureValue>/, `<ds:SignatureValue>${value}</ds:SignatureValue>`);
    const report = await verifyXmlDsig(resigned, options());
    expect(failing(report.signers[0]!.checks)).toEqual(['integrity']);
    expect(report.signers[0]!.checks[0]).toMatchObject({ reason: { en: 'The document was changed after it was signed' } });
  });

  it('refuses a signer other than the applicant (IIN) or the organisation (BIN)', async () => {
    const signed = await createXmlDsig(RESULT, signerOf(pki.headSigning));
    const byIin = await verifyXmlDsig(signed, { ...options(), expected: { iin: TEST_PEOPLE.individual.iin } });
    expect(failing(byIin.signers[0]!.checks)).toEqual(['identity-match']);
    expect(byIin.signers[0]!.checks.at(-1)).toMatchObject({
      reason: { en: `The signer's IIN is ${TEST_PEOPLE.head.iin}, expected ${TEST_PEOPLE.individual.iin}` },
    });
    const byBin = await verifyXmlDsig(signed, { ...options(), expected: { bin: '990000000000' } });
    expect(failing(byBin.signers[0]!.checks)).toEqual(['identity-match']);
    expect((await verifyXmlDsig(signed, { ...options(), expected: { iin: TEST_PEOPLE.head.iin, bin: TEST_PEOPLE.organisation.bin } })).valid).toBe(true);
  });

  it('refuses the expired, revoked, on-hold, untrusted and authentication-only keys with the check that fails', async () => {
    const verdict = async (signer: LocalPkcs12Signer) => failing((await verifyXmlDsig(await createXmlDsig(RESULT, signer), options())).signers[0]!.checks);
    expect(await verdict(signerOf(pki.expired))).toEqual(['validity']);
    expect(await verdict(signerOf(pki.revoked))).toEqual(['revocation']);
    expect(await verdict(signerOf(pki.employeeSigning))).toEqual(['revocation']);
    expect(await verdict(signerOf(pki.individualAuthentication))).toEqual(['key-usage']);
    expect(await verdict(new LocalPkcs12Signer({ algorithm: 'ecdsa', key: pki.untrusted.keyObject }, [pki.untrusted.certificate.der]))).toEqual([
      'chain',
      'revocation',
    ]);
  });

  it('co-signs: the second signature covers the first, and each signer gets its own report', async () => {
    const once = await createXmlDsig(RESULT, signerOf(pki.individualSigning));
    const twice = await createXmlDsig(once, signerOf(pki.headSigning));
    const report = await verifyXmlDsig(twice, options());
    expect(report.signers.map((s) => s.subject.iin)).toEqual([TEST_PEOPLE.individual.iin, TEST_PEOPLE.head.iin]);
    expect(report.valid).toBe(true);
    const withRevoked = await verifyXmlDsig(await createXmlDsig(once, signerOf(pki.revoked)), options());
    expect(withRevoked.signers.map((s) => failing(s.checks))).toEqual([[], ['revocation']]);
    expect(withRevoked.valid).toBe(false);
    const tampered = await verifyXmlDsig(twice.replace('specialist-certificate', 'other-service'), options());
    expect(tampered.signers.map((s) => failing(s.checks))).toEqual([['integrity'], ['integrity']]);
  });

  it('keeps the document byte for byte, carriage returns included', async () => {
    const xml = '<a>line&#13;\nnext <b c="x&#9;y"/><!-- note --></a>';
    const signed = await createXmlDsig(xml, signerOf(pki.headSigning));
    expect(signed.startsWith('<a>line&#13;\nnext <b c="x&#9;y"/><!-- note --><ds:Signature')).toBe(true);
    expect((await verifyXmlDsig(signed, options())).valid).toBe(true);
    const empty = await createXmlDsig('<a x="1"/>', signerOf(pki.headSigning));
    expect(empty).toMatch(/^<a x="1"><ds:Signature[\s\S]*<\/ds:Signature><\/a>$/);
    expect((await verifyXmlDsig(empty, options())).valid).toBe(true);
  });

  it('leaves comments outside the signed data, as same-document references do (XML-DSig §4.3.3.3)', async () => {
    const signed = await createXmlDsig(RESULT, signerOf(pki.headSigning));
    expect((await verifyXmlDsig(signed.replace('<service>', '<!-- added --><service>'), options())).valid).toBe(true);
  });

  it('refuses ambiguous, missing and foreign references', async () => {
    const signed = await createXmlDsig(RESULT, signerOf(pki.headSigning), { referenceId: 'result-1' });
    // A second element with the same Id (the shape of a signature-wrapping attack).
    const wrapped = signed.replace('<service>', '<service id="result-1">');
    expect((await verifyXmlDsig(wrapped, options())).signers[0]!.checks[0]).toMatchObject({
      ok: false,
      reason: { en: 'The signed part (#result-1) occurs more than once in the document' },
    });
    const missing = signed.replace(' id="result-1"', '');
    expect((await verifyXmlDsig(missing, options())).signers[0]!.checks[0]).toMatchObject({ ok: false, name: 'integrity' });
    await expect(createXmlDsig(RESULT, signerOf(pki.headSigning), { referenceId: 'nowhere' })).rejects.toThrow('Id nowhere');
  });

  it('reports a document without signatures as not valid, and refuses what is not XML', async () => {
    const report = await verifyXmlDsig(RESULT, options());
    expect(report).toMatchObject({ valid: false, signers: [] });
    await expect(verifyXmlDsig('<result><unclosed></result>', options())).rejects.toThrow(XmlParseError);
  });

  it('refuses a signature without a certificate or with an unknown algorithm', async () => {
    const signed = await createXmlDsig(RESULT, signerOf(pki.headSigning));
    const noCertificate = signed.replace(/<ds:KeyInfo>[\s\S]*<\/ds:KeyInfo>/, '');
    expect((await verifyXmlDsig(noCertificate, options())).signers[0]!.checks).toEqual([
      { name: 'integrity', ok: false, reason: expect.objectContaining({ en: "The signer's certificate was not found" }) },
    ]);
    const unknown = signed.replace('xmldsig-more#ecdsa-sha256', 'xmldsig-more#ecdsa-ripemd160');
    expect((await verifyXmlDsig(unknown, options())).signers[0]!.checks[0]).toMatchObject({
      ok: false,
      reason: { en: 'Unsupported algorithm: http://www.w3.org/2001/04/xmldsig-more#ecdsa-ripemd160' },
    });
  });
});

describe('interoperability with another XML-DSig implementation (xmldsigjs)', () => {
  beforeAll(() => {
    // xmldsigjs reads XML through the global DOM classes and signs with WebCrypto.
    Object.assign(globalThis, { DOMParser, XMLSerializer });
    xmldsigjs.Application.setEngine('NodeJS', webcrypto as unknown as Crypto);
  });

  it.each(['individualSigning', 'headSigning'] as const)('accepts an enveloped signature xmldsigjs made with the %s key', async (name) => {
    const identity = pki[name];
    const document = xmldsigjs.Parse(RESULT);
    const signedXml = new xmldsigjs.SignedXml();
    const algorithm = identity.algorithm === 'rsa' ? { name: 'RSASSA-PKCS1-v1_5' } : { name: 'ECDSA', hash: 'SHA-256' };
    await signedXml.Sign(algorithm, identity.privateKey, document, {
      x509: [Buffer.from(identity.certificate.der).toString('base64'), Buffer.from(pki.issuingCa.certificate.der).toString('base64')],
      references: [{ hash: 'SHA-256', transforms: ['enveloped', 'c14n'] }],
    });
    document.documentElement.appendChild(signedXml.GetXml()!);
    const xml = new XMLSerializer().serializeToString(document as never);
    const report = await verifyXmlDsig(xml, options());
    expect(failing(report.signers[0]!.checks)).toEqual([]);
    expect(report.signers[0]!.subject.iin).toBe(name === 'individualSigning' ? TEST_PEOPLE.individual.iin : TEST_PEOPLE.head.iin);
  });

  it.each(['individualSigning', 'headSigning'] as const)('makes signatures xmldsigjs accepts (%s key), and that it refuses tampered', async (name) => {
    // xmldsigjs imports every KeyInfo certificate with the signature's algorithm, which fails on a CA
    // certificate of another key type; KeyInfo is not signed, so the CA certificate is left out for it.
    const verifiesThere = async (xml: string) => {
      const document = xmldsigjs.Parse(xml.replace(/(<\/ds:X509Certificate>)\n<ds:X509Certificate>[^<]*<\/ds:X509Certificate>/, '$1'));
      const signedXml = new xmldsigjs.SignedXml(document);
      signedXml.LoadXml(document.getElementsByTagNameNS(DS_NS, 'Signature')[0]!);
      return signedXml.Verify();
    };
    const signed = await createXmlDsig(RESULT, signerOf(pki[name]));
    expect(signed.match(/<ds:X509Certificate>/g)).toHaveLength(2);
    expect(await verifiesThere(signed)).toBe(true);
    await expect(verifiesThere(signed.replace('issued', 'refused'))).rejects.toThrow('Invalid digest');
  });
});

describe("the XML signature NCA's Kalkan made with the RSA test key", () => {
  const trust = trustStoreOf([ncaCert('ca/nca_rsa_test.crt')]);
  const revocation = offlineRevocationSource({ crls: [ncaBytes('crl/nca_rsa_test.crl')], ocspResponses: [] });

  it('verifies as of 2021-06-01, while the key was in force', async () => {
    const report = await verifyXmlDsig(ncaBytes('xml/kalkan_rsa.xml'), { at: AS_OF_2021, trust, revocation, expected: { iin: '123456789011' } });
    expect(report.signers[0]!.checks.map((c) => [c.name, c.ok])).toEqual([
      ['integrity', true],
      ['chain', true],
      ['validity', true],
      ['revocation', true],
      ['key-usage', true],
      ['identity-match', true],
    ]);
    expect(report.signers[0]!.subject).toMatchObject({ iin: '123456789011', commonName: 'ТЕСТОВ ТЕСТ' });
  });

  it('is refused as of 2022-06-01 (expired 18.01.2022), for another IIN, and when its content changes', async () => {
    const expired = await verifyXmlDsig(ncaBytes('xml/kalkan_rsa.xml'), { at: new Date('2022-06-01T00:00:00Z'), trust, revocation });
    expect(failing(expired.signers[0]!.checks)).toEqual(['validity']);
    expect(expired.signers[0]!.checks[2]!.reason?.ru).toBe('Срок действия сертификата истёк 18.01.2022');
    const otherIin = await verifyXmlDsig(ncaBytes('xml/kalkan_rsa.xml'), { at: AS_OF_2021, trust, revocation, expected: { iin: '123456789012' } });
    expect(failing(otherIin.signers[0]!.checks)).toEqual(['identity-match']);
    const tampered = Buffer.from(ncaBytes('xml/kalkan_rsa.xml')).toString('utf8').replace('<b>test</b>', '<b>tost</b>');
    expect(failing((await verifyXmlDsig(tampered, { at: AS_OF_2021, trust, revocation })).signers[0]!.checks)).toEqual(['integrity']);
  });
});
