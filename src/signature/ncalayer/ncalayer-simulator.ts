import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { createCms } from '../cms/create-cms.js';
import type { Signer } from '../signer/signer.js';

/** The key types NCALayer's commonUtils asks for. */
export type NcaLayerKeyType = 'SIGNATURE' | 'AUTHENTICATION' | 'ALL';

/**
 * What the person at the computer does in NCALayer's dialog: picks a key of the type asked for, from
 * the store asked for, and enters its password — or cancels (undefined).
 */
export type NcaLayerKeyChoice = (request: { readonly keyType: NcaLayerKeyType; readonly storage: string }) => Signer | undefined;

/** One message a page sent, as NCALayer received it. */
export interface NcaLayerRequest {
  readonly module?: string;
  readonly method?: string;
  readonly args?: unknown;
}

/** The version the simulator answers a connection with, as NCALayer does before any request. */
const VERSION = '1.4';

const commonUtilsAnswer = (responseObject: unknown) => ({ code: '200', responseObject });
const commonUtilsError = (message: string) => ({ code: '500', message });

/**
 * A stand-in for NCALayer — the NCA RK program on the person's computer that holds their keys —
 * speaking its own protocol on a local WebSocket, so that the web application signs through the
 * real client library (ncalayer-js-client) in tests: on connection the version
 * (`{"result":{"version":…}}`); then JSON requests `{module, method, args}`. It answers
 * `kz.gov.pki.knca.commonUtils` (`createCAdESFromBase64`, `getActiveTokens`) with
 * `{code, responseObject}` and `kz.gov.pki.knca.basics.sign` with `{status, body: {result}}`, signing
 * CAdES with the key the person chose; any other module (the KAZTOKEN probe among them) is an error.
 * It serves plain ws:// on a loopback port; the real NCALayer serves wss://127.0.0.1:13579.
 */
export async function startNcaLayerSimulator(options: { chooseKey: NcaLayerKeyChoice; port?: number; now?: () => Date }): Promise<{
  url: string;
  /** Every request received, in order. */
  requests: NcaLayerRequest[];
  close: () => Promise<void>;
}> {
  const now = options.now ?? (() => new Date());
  const requests: NcaLayerRequest[] = [];
  const server = new WebSocketServer({ host: '127.0.0.1', port: options.port ?? 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));

  const sign = async (keyType: NcaLayerKeyType, storage: string, base64: string, attach: boolean) => {
    const signer = options.chooseKey({ keyType, storage });
    if (!signer) return undefined;
    const cms = await createCms(new Uint8Array(Buffer.from(base64, 'base64')), signer, { detached: !attach, signingTime: now() });
    return Buffer.from(cms).toString('base64');
  };

  const answer = async (request: NcaLayerRequest): Promise<unknown> => {
    const args = request.args;
    if (request.module === 'kz.gov.pki.knca.commonUtils') {
      if (request.method === 'getActiveTokens') return commonUtilsAnswer([]);
      if (request.method === 'createCAdESFromBase64' && Array.isArray(args) && args.length === 4) {
        const [storage, keyType, data, attach] = args as [string, NcaLayerKeyType, string, boolean];
        const cms = await sign(keyType, storage, data, attach === true);
        return cms === undefined ? commonUtilsError('action.canceled') : commonUtilsAnswer(cms);
      }
      return commonUtilsError(`method ${String(request.method)} is not supported`);
    }
    if (request.module === 'kz.gov.pki.knca.basics' && request.method === 'sign' && typeof args === 'object' && args !== null) {
      const { allowedStorages, data, signingParams } = args as { allowedStorages?: string[]; data?: string; signingParams?: { encapsulate?: boolean } };
      if (typeof data !== 'string') return { status: false, code: '400', message: 'data is required', details: '' };
      const cms = await sign('SIGNATURE', allowedStorages?.[0] ?? 'PKCS12', data, signingParams?.encapsulate === true);
      // A cancelled dialog is a body without a result.
      return { status: true, body: cms === undefined ? {} : { result: [cms] } };
    }
    return commonUtilsError(`module ${String(request.module)} not found`);
  };

  server.on('connection', (socket: WebSocket) => {
    socket.send(JSON.stringify({ result: { version: VERSION } }));
    socket.on('message', (raw) => {
      let request: NcaLayerRequest;
      try {
        request = JSON.parse(String(raw)) as NcaLayerRequest;
      } catch {
        socket.send(JSON.stringify(commonUtilsError('the request is not JSON')));
        return;
      }
      requests.push(request);
      answer(request).then(
        (response) => socket.send(JSON.stringify(response)),
        (e: unknown) => socket.send(JSON.stringify(commonUtilsError(e instanceof Error ? e.message : String(e)))),
      );
    });
  });

  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
