import { describe, expect, it } from 'vitest';
import { preferredLanguage } from './request-language.js';

describe('the language an Accept-Language header prefers', () => {
  it('goes by quality, then by order', () => {
    expect(preferredLanguage('en;q=0.1, kk;q=0.9')).toBe('kk');
    expect(preferredLanguage('ru, en')).toBe('ru');
    expect(preferredLanguage('de, ru-KZ;q=0.5, en;q=0.5')).toBe('ru');
  });

  it('never answers in a language the header refuses or does not name', () => {
    expect(preferredLanguage('en;q=0')).toBeUndefined();
    expect(preferredLanguage('rus, kkx, de')).toBeUndefined();
    expect(preferredLanguage('en;q=abc, ru;q=2')).toBeUndefined();
    expect(preferredLanguage(undefined)).toBeUndefined();
    expect(preferredLanguage('*')).toBeUndefined();
  });
});
