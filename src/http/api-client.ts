import type { FastifyInstance } from 'fastify';

/** One HTTP answer as a client sees it. */
export interface ApiResponse {
  readonly status: number;
  readonly json: unknown;
}

/** The few calls a scripted client makes; in-process (inject) or over the network. */
export interface ApiClient {
  request(
    method: 'GET' | 'POST',
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string>; multipart?: { fileName: string; mediaType: string; body: Buffer } },
  ): Promise<ApiResponse>;
}

const BOUNDARY = '----reglament-boundary';

/** A multipart/form-data body with one file in the field "file". */
export function multipartBody(file: { fileName: string; mediaType: string; body: Buffer }): Buffer {
  return Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.fileName}"\r\nContent-Type: ${file.mediaType}\r\n\r\n`),
    file.body,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

/** A client that calls the server in-process through Fastify's inject: the whole HTTP stack, no socket. */
export function injectClient(app: FastifyInstance): ApiClient {
  return {
    request: async (method, path, options = {}) => {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let payload: string | Buffer | undefined;
      if (options.multipart) {
        headers['content-type'] = `multipart/form-data; boundary=${BOUNDARY}`;
        payload = multipartBody(options.multipart);
      } else if (options.body !== undefined) {
        headers['content-type'] = 'application/json';
        payload = JSON.stringify(options.body);
      }
      const res = await app.inject({ method, url: path, headers, ...(payload !== undefined ? { payload } : {}) });
      const isJson = (res.headers['content-type'] ?? '').toString().includes('json');
      return { status: res.statusCode, json: isJson ? res.json() : res.body };
    },
  };
}
