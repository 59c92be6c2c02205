// A CMS signer backed by an NCANode 3.x server (the open-source HTTP front of NCA's Kalkan library):
// POST /cms/sign with { data, signers: [{ key, password, keyAlias }], withTsp, tsaPolicy, detached },
// answered with { status, message, cms }, all binary values in base64.

import { certificatesOfCms } from './cms-certificates.js';
import { SignerError } from './signer-error.js';
import type { CmsSigner, SignCmsOptions } from './signer.js';

/** How to reach NCANode and which key it signs with. */
export interface NcanodeSignerOptions {
  /** The server's base URL, e.g. http://127.0.0.1:14579. */
  readonly baseUrl: string;
  /** The PKCS#12 container (DER) NCANode opens for every request. */
  readonly key: Uint8Array;
  readonly password: string;
  /** The alias inside the container, when it holds several keys. */
  readonly keyAlias?: string;
  /** Ask NCANode to add a time-stamp token from NCA's TSA. */
  readonly withTsp?: boolean;
  /** The TSA policy NCANode asks for (NCANode's default is TSA_GOST2015_POLICY). */
  readonly tsaPolicy?: 'TSA_GOST_POLICY' | 'TSA_GOSTGT_POLICY' | 'TSA_GOST2015_POLICY';
  /** Milliseconds one request may take in all (default 30 s). */
  readonly timeoutMs?: number;
}

interface NcanodeResponse {
  readonly status?: number;
  readonly message?: string;
  readonly cms?: unknown;
}

// What signs once to learn the certificate chain: NCANode's key-info method returns no certificate bytes.
const CHAIN_PROBE = new TextEncoder().encode('certificate-chain');

/** Signs through NCANode; failures are SignerErrors with kk/ru/en text. */
export class NcanodeSigner implements CmsSigner {
  private chain?: Promise<Uint8Array[]>;

  constructor(private readonly options: NcanodeSignerOptions) {}

  async signCms(data: Uint8Array, options: SignCmsOptions): Promise<Uint8Array> {
    const body = {
      data: Buffer.from(data).toString('base64'),
      signers: [
        {
          key: Buffer.from(this.options.key).toString('base64'),
          password: this.options.password,
          ...(this.options.keyAlias === undefined ? {} : { keyAlias: this.options.keyAlias }),
        },
      ],
      withTsp: this.options.withTsp ?? false,
      ...(this.options.tsaPolicy === undefined ? {} : { tsaPolicy: this.options.tsaPolicy }),
      detached: options.detached,
    };
    const answer = await this.post('/cms/sign', body);
    if (typeof answer.cms !== 'string' || !/^[A-Za-z0-9+/\s]+=*\s*$/.test(answer.cms)) throw new SignerError('signer-bad-response', 'no cms in the answer');
    const cms = new Uint8Array(Buffer.from(answer.cms, 'base64'));
    if (!certificatesOfCms(cms)) throw new SignerError('signer-bad-response', 'the cms is not SignedData');
    return cms;
  }

  async certificateChain(): Promise<Uint8Array[]> {
    this.chain ??= this.signCms(CHAIN_PROBE, { detached: true }).then((cms) => {
      const certificates = certificatesOfCms(cms) ?? [];
      if (certificates.length === 0) throw new SignerError('signer-bad-response', 'the cms carries no certificate');
      return certificates;
    });
    // A failed attempt is not remembered, so the next call asks again.
    this.chain.catch(() => (this.chain = undefined));
    return (await this.chain).map((c) => c.slice());
  }

  private async post(path: string, body: unknown): Promise<NcanodeResponse> {
    const url = new URL(path.replace(/^\//, ''), this.options.baseUrl.endsWith('/') ? this.options.baseUrl : `${this.options.baseUrl}/`);
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
      text = await response.text();
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') throw new SignerError('signer-timeout', url.href);
      throw new SignerError('signer-unavailable', `${url.href}: ${(error as Error).message}`);
    }
    let answer: NcanodeResponse;
    try {
      answer = JSON.parse(text) as NcanodeResponse;
    } catch {
      throw new SignerError(response.ok ? 'signer-bad-response' : 'signer-unavailable', `HTTP ${response.status} without JSON`);
    }
    // NCANode reports failures both as HTTP status and in the body's `status`.
    const status = typeof answer.status === 'number' ? answer.status : response.status;
    if (!response.ok || status >= 400) {
      const detail = `HTTP ${response.status}: ${answer.message ?? ''}`;
      throw new SignerError(status >= 500 || response.status >= 500 ? 'signer-unavailable' : 'signer-refused', detail);
    }
    return answer;
  }
}
