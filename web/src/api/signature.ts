import { useQuery } from '@tanstack/react-query';
import { api } from './api-client.js';
import { ApiError } from './api-error.js';
import { queryKeys } from './query-keys.js';

/** How this deployment signs: with NCALayer, or with the demo keys that stand in for it in a demonstration. */
export interface SignatureMode {
  readonly demo: boolean;
  readonly portalSignature?: 'required' | 'optional';
  readonly staffSignature?: 'required' | 'optional';
  /** Where NCALayer listens when not at its own address. */
  readonly ncalayerUrl?: string;
}

/** What a signature is for: an application (a detached CMS over its statement) or signing in (the challenge inside the CMS). */
export type SignaturePurpose = 'signing' | 'authentication';

/** The key stores NCALayer offers, by its own names: a file, then the hardware tokens. */
export const NCALAYER_STORAGES = ['PKCS12', 'AKKaztokenStore', 'AKKZIDCardStore', 'AKEToken72KStore', 'AKJaCartaStore', 'AKAKEYStore'] as const;
export type NcaLayerStorage = (typeof NCALAYER_STORAGES)[number];

/** A signature that could not be made in the browser; its reason is translated on the page. */
export class SignatureFailure extends Error {
  constructor(
    readonly reason: 'ncalayer-unavailable' | 'cancelled' | 'failed',
    detail?: string,
  ) {
    super(detail ?? reason);
  }
}

/** The deployment's signature mode; a server without the route signs with NCALayer. */
export function useSignatureMode() {
  return useQuery({
    queryKey: queryKeys.signatureMode,
    queryFn: async (): Promise<SignatureMode> => {
      try {
        return await api<SignatureMode>('/api/signature/mode');
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return { demo: false };
        throw e;
      }
    },
    staleTime: Infinity,
  });
}

/** Demonstration only: the server signs with the demo key of the signed-in applicant, or for signing in of `login`. */
export async function signWithDemoKey(base64: string, purpose: SignaturePurpose, login?: string): Promise<string> {
  const { cms } = await api<{ cms: string }>('/api/signature/demo-sign', { body: { base64, purpose, ...(login ? { login } : {}) } });
  return cms;
}

/**
 * Signs with the person's key through NCALayer on their computer: a SIGNATURE key and a detached
 * CMS for an application, an AUTHENTICATION key with the challenge attached for signing in. The
 * client library is loaded only when someone signs.
 */
export async function signWithNcaLayer(base64: string, purpose: SignaturePurpose, storage: NcaLayerStorage, url?: string): Promise<string> {
  const { NCALayerClient } = await import('ncalayer-js-client');
  // The KAZTOKEN HTTP API the client probes is not used here (and the pages may not connect to it).
  const client = url ? new NCALayerClient(url, false) : new NCALayerClient(undefined, false);
  try {
    await client.connect();
  } catch {
    throw new SignatureFailure('ncalayer-unavailable');
  }
  try {
    return await client.createCAdESFromBase64(storage, base64, purpose === 'signing' ? 'SIGNATURE' : 'AUTHENTICATION', purpose === 'authentication');
  } catch (e) {
    if ((e as { canceledByUser?: boolean }).canceledByUser) throw new SignatureFailure('cancelled');
    throw new SignatureFailure('failed', e instanceof Error ? e.message : String(e));
  } finally {
    client.wsConnection?.close();
  }
}
