import { apiErrorOf } from './api-error.js';
import { requestHeaders } from './request-headers.js';

/** Options of one API call. */
export interface ApiCall {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly body?: unknown;
  /** Makes a retried click submit once (the API honours Idempotency-Key). */
  readonly idempotencyKey?: string;
}

/** Calls the API with the session cookie; answers the JSON body or throws an ApiError with the server's message. */
export async function api<T>(path: string, call: ApiCall = {}): Promise<T> {
  const method = call.method ?? (call.body === undefined ? 'GET' : 'POST');
  const headers = requestHeaders(method);
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  if (call.idempotencyKey) headers['idempotency-key'] = call.idempotencyKey;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
  });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) throw apiErrorOf(response.status, body);
  return body as T;
}
