import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCalendarDate, parseIin } from './iin.js';
import { kazakhCheckDigit } from './kazakh-check-digit.js';

const VALID = ['850515310013', '900320410011', '771111310012', '880707410019', '951230310018', '010203510015'];

// A structurally valid IIN body: a real date, a century/gender digit, any serial.
const iinBody = fc
  .record({
    date: fc.date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
    female: fc.boolean(),
    serial: fc.integer({ min: 0, max: 9999 }),
  })
  .map(({ date, female, serial }) => {
    const iso = date.toISOString().slice(0, 10);
    const year = Number(iso.slice(0, 4));
    const centuryDigit = (Math.floor(year / 100) - 18) * 2 + (female ? 2 : 1);
    return { iso, female, body: `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${centuryDigit}${String(serial).padStart(4, '0')}` };
  });

describe('parseIin', () => {
  it.each(VALID)('accepts %s', (iin) => {
    expect(parseIin(iin).ok).toBe(true);
  });

  it('decodes the birth date and gender', () => {
    expect(parseIin('850515310013')).toEqual({ ok: true, value: { value: '850515310013', verified: true, birthDate: '1985-05-15', gender: 'male' } });
    expect(parseIin('900320410011')).toMatchObject({ value: { birthDate: '1990-03-20', gender: 'female' } });
    expect(parseIin('010203510015')).toMatchObject({ value: { birthDate: '2001-02-03', gender: 'male' } });
  });

  it('trims surrounding whitespace', () => {
    expect(parseIin(' 850515310013\n').ok).toBe(true);
  });

  it.each(['', '85051531001', '8505153100133', '85051531001a', '８５０５１５３１００１３', '+85051531001'])('rejects %j as not 12 digits', (text) => {
    const r = parseIin(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('not-12-digits');
  });

  it('rejects a wrong check digit with messages in three languages', () => {
    const r = parseIin('850515310014');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatchObject({ code: 'bad-checksum', kind: 'iin' });
      expect(r.error.message.kk).toContain('ЖСН');
      expect(r.error.message.ru).toContain('ИИН');
      expect(r.error.message.en).toContain('check digit');
    }
  });

  it('rejects impossible dates even with a matching check digit', () => {
    const withCheck = (body: string): string => body + String(kazakhCheckDigit(body));
    // 30 February 1985, 29 February 1900 (not a leap year), month 13
    for (const body of ['8502303000', '0002294000', '8513013000'].map((b) => `${b}1`)) {
      const r = parseIin(withCheck(body));
      expect(r.ok ? 'ok' : r.error.code).toBe('bad-date');
    }
    expect(parseIin(withCheck('00022950001')).ok).toBe(true); // 29 February 2000 was a day
  });

  it('rejects a century digit outside 1..6', () => {
    // 85051570013 has check digit 0; its 7th digit 7 names no century
    expect(kazakhCheckDigit('85051570013')).toBe(0);
    expect(parseIin('850515700130')).toMatchObject({ ok: false, error: { code: 'bad-century' } });
  });

  it('accepts test identities only when the deployment says so, still requiring 12 digits', () => {
    expect(parseIin('123456789011').ok).toBe(false);
    expect(parseIin('123456789011', { acceptTestIdentities: true })).toEqual({ ok: true, value: { value: '123456789011', verified: false } });
    expect(parseIin('12345678901', { acceptTestIdentities: true })).toMatchObject({ ok: false, error: { code: 'not-12-digits' } });
    // a real IIN is still decoded in that mode
    expect(parseIin('850515310013', { acceptTestIdentities: true })).toMatchObject({ ok: true, value: { verified: true, birthDate: '1985-05-15' } });
  });

  it('parses every generated body with its check digit, and gives back its date and gender', () => {
    fc.assert(
      fc.property(iinBody, ({ iso, female, body }) => {
        const check = kazakhCheckDigit(body);
        fc.pre(check !== null);
        const r = parseIin(body + String(check));
        return r.ok && r.value.verified && r.value.birthDate === iso && r.value.gender === (female ? 'female' : 'male');
      }),
    );
  });

  it('fails when the check digit alone is changed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALID), fc.integer({ min: 1, max: 9 }), (iin, delta) => {
        const changed = iin.slice(0, 11) + String((Number(iin[11]) + delta) % 10);
        return !parseIin(changed).ok;
      }),
    );
  });

  it('fails, or passes only where the check digit allows, when any one digit is changed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALID), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 9 }), (iin, at, delta) => {
        const changed = iin.slice(0, at) + String((Number(iin[at]) + delta) % 10) + iin.slice(at + 1);
        const r = parseIin(changed);
        if (!r.ok) return true;
        return kazakhCheckDigit(changed.slice(0, 11)) === Number(changed[11]);
      }),
    );
  });

  it('always detects a change in one of the first ten digits when neither number needs the second pass', () => {
    const firstPass = (s: string): number => [...s.slice(0, 11)].reduce((sum, d, i) => sum + Number(d) * (i + 1), 0) % 11;
    fc.assert(
      fc.property(fc.constantFrom(...VALID), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (iin, at, delta) => {
        const changed = iin.slice(0, at) + String((Number(iin[at]) + delta) % 10) + iin.slice(at + 1);
        fc.pre(firstPass(iin) !== 10 && firstPass(changed) !== 10);
        return !parseIin(changed).ok;
      }),
    );
  });
});

describe('isCalendarDate', () => {
  it('knows the Gregorian leap years', () => {
    expect(isCalendarDate(2000, 2, 29)).toBe(true);
    expect(isCalendarDate(1900, 2, 29)).toBe(false);
    expect(isCalendarDate(2024, 2, 29)).toBe(true);
    expect(isCalendarDate(2023, 4, 31)).toBe(false);
    expect(isCalendarDate(2023, 0, 1)).toBe(false);
  });
});
