import { describe, expect, it } from 'vitest';
import { isWebPage } from './web-pages.js';

describe('which paths are pages of the web application', () => {
  it.each(['/', '/sign-in', '/services/specialist-certificate', '/services/x/apply', '/cases/C123', '/office', '/verify/KZ-1/', '/registry'])(
    '%s is a page',
    (path) => expect(isWebPage(path)).toBe(true),
  );
  it.each(['/services', '/services/x/apply/more', '/cases', '/verify', '/no-such-page', '/office/extra', '/signin'])('%s is not', (path) =>
    expect(isWebPage(path)).toBe(false),
  );
});
