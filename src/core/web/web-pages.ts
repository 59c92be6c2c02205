/**
 * The web application's pages as router path patterns, declared once: the browser routes them,
 * and the server answers any other path with 404 (the page still loads and says «not found»), so
 * a mistyped or stale link is a 404 to crawlers, monitors and the browser's history alike.
 */
export const WEB_PAGES = {
  catalogue: '',
  signIn: 'sign-in',
  service: 'services/:id',
  apply: 'services/:id/apply',
  cabinet: 'cabinet',
  case: 'cases/:id',
  office: 'office',
  counter: 'counter',
  dashboard: 'dashboard',
  registry: 'registry',
  verify: 'verify/:number',
} as const;

/** Whether a path (without its query) is one of the web application's pages; `:name` stands for one non-empty segment. */
export function isWebPage(pathname: string): boolean {
  const segments = pathname.split('/').filter((s) => s !== '');
  return Object.values(WEB_PAGES).some((pattern) => {
    const parts = pattern.split('/').filter((s) => s !== '');
    return parts.length === segments.length && parts.every((part, i) => part.startsWith(':') || part === segments[i]);
  });
}
