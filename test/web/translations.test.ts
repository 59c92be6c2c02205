import { describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en.js';
import { kk } from '../../web/src/i18n/kk.js';
import { ru } from '../../web/src/i18n/ru.js';

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the web application speaks kk, ru and en alike', () => {
  it('has the same keys in the three translation files', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(kk).sort());
    expect(Object.keys(en).sort()).toEqual(Object.keys(kk).sort());
  });
  it('leaves no message empty and keeps the same placeholders in each language', () => {
    for (const key of Object.keys(kk) as (keyof typeof kk)[]) {
      for (const messages of [kk, ru, en]) expect(messages[key].trim(), key).not.toBe('');
      expect(placeholders(ru[key]), key).toEqual(placeholders(kk[key]));
      expect(placeholders(en[key]), key).toEqual(placeholders(kk[key]));
    }
  });
  it('translates rather than copies: a Russian or English message differs from the Kazakh one unless it is a name or a number', () => {
    // Messages that are the same in every language by nature (a placeholder alone, a unit, "Логин").
    const same = Object.keys(kk).filter((k) => ru[k as keyof typeof kk] === kk[k as keyof typeof kk] && en[k as keyof typeof kk] === kk[k as keyof typeof kk]);
    expect(same.sort()).toEqual(['outcome.other']);
  });
});
