import { i18n } from '../i18n/i18n.js';

/** The CSRF cookie the server sets for browser sessions; its value goes back in a header on every change. */
const CSRF_COOKIE = 'reglament_csrf';

function cookie(name: string): string | undefined {
  const prefix = `${name}=`;
  const found = document.cookie.split('; ').find((c) => c.startsWith(prefix));
  return found === undefined ? undefined : decodeURIComponent(found.slice(prefix.length));
}

/** Headers every API request carries: the user's language, and for a change the CSRF token when there is one. */
export function requestHeaders(method: string): Record<string, string> {
  const headers: Record<string, string> = { 'accept-language': i18n.language || 'kk' };
  if (method !== 'GET' && method !== 'HEAD') {
    const token = cookie(CSRF_COOKIE);
    if (token) headers['x-csrf-token'] = token;
  }
  return headers;
}
