import { createPublicKey, verify } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ncaFixture, subjectPublicKeyInfoOf } from '../../../test/support/nca-fixtures.js';
import { verifyGost } from '../gost/gost-algorithms.js';
import { readPkcs12 } from '../pkcs12/read-pkcs12.js';
import { digestByOid } from './digest-by-oid.js';
import { NcanodeSigner } from './ncanode-signer.js';
import { startNcanodeSimulator, type NcanodeSimulator } from './ncanode-simulator.js';
import { SignerError } from './signer-error.js';

const KEYS = {
  gost2015: { der: ncaFixture('keys/individual_valid_2015.p12'), password: 'Aa123456' },
  gost2004: { der: ncaFixture('keys/ceo_sign_revoked_2004.p12'), password: 'Qwerty12' },
  rsa: { der: ncaFixture('keys/individual_valid_sign_2004.p12'), password: 'Qwerty12' },
} as const;

const document = new TextEncoder().encode('Шешім / Решение / Decision No. 17');

interface OpenedCms {
  readonly content?: Uint8Array;
  readonly certificates: Uint8Array[];
  readonly signatureValid: boolean;
  readonly digestMatches: boolean;
}

/** Takes the CMS apart and checks its one signature over the signed attributes. */
function openCms(cms: Uint8Array, data: Uint8Array): OpenedCms {
  const contentInfo = new pkijs.ContentInfo({ schema: asn1js.fromBER(cms).result });
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  const certificates = (signedData.certificates ?? []).map((c) => new Uint8Array((c as pkijs.Certificate).toSchema().toBER()));
  const signerInfo = signedData.signerInfos[0]!;
  const attributes = signerInfo.signedAttrs!;
  const signedBytes = new Uint8Array(attributes.toSchema().toBER());
  signedBytes[0] = 0x31;
  const messageDigest = attributes.attributes.find((a) => a.type === '1.2.840.113549.1.9.4')!.values[0] as asn1js.OctetString;
  const digest = digestByOid(signerInfo.digestAlgorithm.algorithmId)!;
  const spki = subjectPublicKeyInfoOf(certificates[0]!);
  const signature = new Uint8Array(signerInfo.signature.valueBlock.valueHexView);
  const gost = verifyGost(signerInfo.signatureAlgorithm.algorithmId, spki, signedBytes, signature);
  const signatureValid = gost ?? verify('sha256', signedBytes, createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' }), signature);
  const eContent = signedData.encapContentInfo.eContent;
  expect(eContent?.idBlock.isConstructed ?? false).toBe(false);
  return {
    ...(eContent ? { content: new Uint8Array(eContent.valueBlock.valueHexView) } : {}),
    certificates,
    signatureValid,
    digestMatches: Buffer.from(messageDigest.valueBlock.valueHexView).equals(Buffer.from(digest(data))),
  };
}

let simulator: NcanodeSimulator;
beforeAll(async () => {
  simulator = await startNcanodeSimulator();
});
afterAll(async () => {
  await simulator.close();
});

describe('the NCANode signer against the simulator', () => {
  for (const [name, key] of Object.entries(KEYS)) {
    it(`gets an attached CMS signed with the ${name} key whose signature and digest check out`, async () => {
      const signer = new NcanodeSigner({ baseUrl: simulator.url, key: key.der, password: key.password });
      const opened = openCms(await signer.signCms(document, { detached: false }), document);
      expect(opened.content).toEqual(document);
      expect(opened.signatureValid).toBe(true);
      expect(opened.digestMatches).toBe(true);
      expect(opened.certificates[0]).toEqual(readPkcs12(key.der, key.password).certificates[0]);
    });
  }

  it('gets a detached CMS that does not carry the data', async () => {
    const signer = new NcanodeSigner({ baseUrl: `${simulator.url}/`, key: KEYS.gost2004.der, password: KEYS.gost2004.password });
    const opened = openCms(await signer.signCms(document, { detached: true }), document);
    expect(opened.content).toBeUndefined();
    expect(opened.signatureValid).toBe(true);
    expect(opened.digestMatches).toBe(true);
  });

  it('learns the certificate chain from a signature, once', async () => {
    const signer = new NcanodeSigner({ baseUrl: simulator.url, key: KEYS.gost2015.der, password: KEYS.gost2015.password });
    const before = simulator.requestCount();
    const chain = await signer.certificateChain();
    await signer.certificateChain();
    expect(chain).toEqual(readPkcs12(KEYS.gost2015.der, KEYS.gost2015.password).certificates);
    expect(simulator.requestCount() - before).toBe(1);
  });

  it('reports a wrong password as a refusal, in three languages', async () => {
    const signer = new NcanodeSigner({ baseUrl: simulator.url, key: KEYS.rsa.der, password: 'wrong' });
    const failure = await signer.signCms(document, { detached: false }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SignerError);
    expect((failure as SignerError).code).toBe('signer-refused');
    expect((failure as SignerError).detail).toMatch(/password/);
    expect((failure as SignerError).text.kk).toMatch(/құпиясөз/);
    expect((failure as SignerError).text.ru).toMatch(/пароль/);
    expect((failure as SignerError).text.en).toMatch(/password/);
  });

  it('reports a request the server cannot fulfil (a time-stamp from the simulator) as a refusal', async () => {
    const signer = new NcanodeSigner({ baseUrl: simulator.url, key: KEYS.rsa.der, password: KEYS.rsa.password, withTsp: true });
    await expect(signer.signCms(document, { detached: false })).rejects.toMatchObject({ code: 'signer-refused' });
  });
});

describe('the NCANode signer when the service misbehaves', () => {
  it('gives up after its time-out on a server that answers too late', async () => {
    const slow = await startNcanodeSimulator({ delayMs: 5_000 });
    try {
      const signer = new NcanodeSigner({ baseUrl: slow.url, key: KEYS.rsa.der, password: KEYS.rsa.password, timeoutMs: 200 });
      await expect(signer.signCms(document, { detached: true })).rejects.toMatchObject({ code: 'signer-timeout' });
    } finally {
      await slow.close();
    }
  });

  it('reports a server that is not there as unavailable, and asks again next time', async () => {
    const gone = await startNcanodeSimulator();
    await gone.close();
    const signer = new NcanodeSigner({ baseUrl: gone.url, key: KEYS.rsa.der, password: KEYS.rsa.password, timeoutMs: 5_000 });
    await expect(signer.certificateChain()).rejects.toMatchObject({ code: 'signer-unavailable' });
    await expect(signer.certificateChain()).rejects.toMatchObject({ code: 'signer-unavailable' });
  });

  it('tells a server error and an unreadable answer apart', async () => {
    const answers = [
      { status: 500, body: JSON.stringify({ status: 500, message: 'Kalkan error' }) },
      { status: 200, body: JSON.stringify({ status: 200, message: 'OK', cms: Buffer.from('not a cms').toString('base64') }) },
      { status: 200, body: '<html>proxy page</html>' },
      { status: 200, body: JSON.stringify({ status: 400, message: 'bad key' }) },
    ];
    let next = 0;
    const server = createServer((_request, response) => {
      const answer = answers[next++]!;
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const signer = new NcanodeSigner({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, key: KEYS.rsa.der, password: 'x' });
      const codes = [];
      for (let i = 0; i < answers.length; i++) codes.push(await signer.signCms(document, { detached: false }).catch((e: SignerError) => e.code));
      expect(codes).toEqual(['signer-unavailable', 'signer-bad-response', 'signer-bad-response', 'signer-refused']);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
