/** The part of ncalayer-js-client (a plain JavaScript library) the portal uses. */
declare module 'ncalayer-js-client' {
  export class NCALayerClient {
    constructor(url?: string, allowKmdHttpApi?: boolean);
    wsConnection: WebSocket | null;
    /** Resolves to NCALayer's version. */
    connect(): Promise<string>;
    /** CMS (CAdES) over base64 data, as base64; `attach` puts the data inside. */
    createCAdESFromBase64(storageType: string, data: string, keyType?: 'SIGNATURE' | 'AUTHENTICATION', attach?: boolean): Promise<string>;
  }
}
