/** One definitive answer of the server, and how many attempts before it went unanswered. */
export interface DefinitiveAnswer {
  readonly status: number;
  readonly json: unknown;
  /** Attempts that got no answer (the server died or was down) before this one. */
  readonly unanswered: number;
  /** Attempts that got a 5xx before this one. */
  readonly serverErrors: number;
}

/** What the client counts over a whole run. */
export interface ClientCounters {
  unanswered: number;
  serverErrors: number;
}

/**
 * A client that behaves as a careful integration does: a request that got no answer (connection
 * refused or reset: the server was killed) or a 5xx is sent again, unchanged and with the same
 * Idempotency-Key, until the server gives a definitive answer. The server's address is read on
 * every attempt, since each restart listens on a new port.
 */
export function resilientClient(currentUrl: () => string | undefined, counters: ClientCounters, giveUpAt: () => number) {
  return async function send(
    method: 'GET' | 'POST',
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string>; file?: { name: string; type: string; bytes: Buffer } } = {},
  ): Promise<DefinitiveAnswer> {
    let unanswered = 0;
    let serverErrors = 0;
    for (;;) {
      if (Date.now() > giveUpAt()) throw new Error(`no definitive answer to ${method} ${path} before the run's deadline`);
      const base = currentUrl();
      if (base === undefined) {
        await pause(20);
        continue;
      }
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      let body: string | FormData | undefined;
      if (options.file) {
        body = new FormData();
        body.append('file', new Blob([new Uint8Array(options.file.bytes)], { type: options.file.type }), options.file.name);
      } else if (options.body !== undefined) body = JSON.stringify(options.body);
      let response: Response;
      try {
        response = await fetch(`${base}${path}`, {
          method,
          headers,
          ...(body !== undefined ? { body } : {}),
          signal: AbortSignal.timeout(20_000),
        });
      } catch {
        unanswered++;
        counters.unanswered++;
        // The server is down or restarting: wait a little rather than spin while it boots.
        await pause(100);
        continue;
      }
      let text: string;
      try {
        text = await response.text();
      } catch {
        // The server died while sending the body: the answer never arrived.
        unanswered++;
        counters.unanswered++;
        continue;
      }
      if (response.status >= 500) {
        serverErrors++;
        counters.serverErrors++;
        await pause(20);
        continue;
      }
      const json: unknown = (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
      return { status: response.status, json, unanswered, serverErrors };
    }
  };
}

/** Sleeps a while. */
export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type Send = ReturnType<typeof resilientClient>;
