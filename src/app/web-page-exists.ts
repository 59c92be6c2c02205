import { isWebPage } from '../core/web/web-pages.js';
import type { AppDeps } from './app-deps.js';

/**
 * Whether a path shows something: one of the web application's pages and, for the public
 * verification page a QR code opens, a number the registry holds. Anything else is answered 404
 * (the page still loads and says so), so a forged or mistyped verification link is a 404 to any
 * program that checks it, not a 200.
 */
export async function webPageExists(deps: Pick<AppDeps, 'stores'>, pathname: string): Promise<boolean> {
  if (!isWebPage(pathname)) return false;
  // The same segments the page patterns match, so no doubled or trailing slash slips past the lookup.
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments[0] !== 'verify') return true;
  let number: string;
  try {
    number = decodeURIComponent(segments[1]!);
  } catch {
    return false;
  }
  return (await deps.stores.registry.find(number.trim())) !== undefined;
}
