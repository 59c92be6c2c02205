import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBin } from './bin.js';
import { kazakhCheckDigit } from './kazakh-check-digit.js';

const VALID = ['090440010017', '110540010017', '151240010016', '070340010019'];

// A structurally valid BIN body: YYMM, type 4..6, division 0..3, any 5-digit serial.
const binBody = fc
  .record({
    yy: fc.integer({ min: 0, max: 99 }),
    mm: fc.integer({ min: 1, max: 12 }),
    type: fc.constantFrom('4', '5', '6'),
    division: fc.constantFrom('0', '1', '2', '3'),
    serial: fc.integer({ min: 0, max: 99999 }),
  })
  .map(
    ({ yy, mm, type, division, serial }) => `${String(yy).padStart(2, '0')}${String(mm).padStart(2, '0')}${type}${division}${String(serial).padStart(5, '0')}`,
  );

const withCheck = (body: string): string => body + String(kazakhCheckDigit(body));

describe('parseBin', () => {
  it.each(VALID)('accepts %s', (bin) => {
    expect(parseBin(bin).ok).toBe(true);
  });

  it('decodes the registration month, the kind of registrant and the division', () => {
    expect(parseBin('090440010017')).toEqual({
      ok: true,
      value: { value: '090440010017', verified: true, registered: '2009-04', entityType: 'resident-legal-entity', division: 'head-organisation' },
    });
    expect(parseBin('151240010016')).toMatchObject({ value: { registered: '2015-12' } });
  });

  it.each(['', '09044001001', '0904400100170', 'O90440010017'])('rejects %j as not 12 digits', (text) => {
    expect(parseBin(text)).toMatchObject({ ok: false, error: { code: 'not-12-digits', kind: 'bin' } });
  });

  it('rejects a wrong check digit', () => {
    const r = parseBin('090440010018');
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-checksum' } });
    if (!r.ok) expect(r.error.message.kk).toContain('БСН');
  });

  it('rejects a month outside 01..12, a 5th digit outside 4..6 and a 6th digit outside 0..3', () => {
    expect(parseBin(withCheck('09134001001'))).toMatchObject({ ok: false, error: { code: 'bad-date' } });
    expect(parseBin(withCheck('09047001001'))).toMatchObject({ ok: false, error: { code: 'bad-entity-type' } });
    expect(parseBin(withCheck('09044701001'))).toMatchObject({ ok: false, error: { code: 'bad-entity-division' } });
  });

  it('accepts test identities only when the deployment says so', () => {
    expect(parseBin('123456789011').ok).toBe(false);
    expect(parseBin('123456789011', { acceptTestIdentities: true })).toEqual({ ok: true, value: { value: '123456789011', verified: false } });
    expect(parseBin('1234', { acceptTestIdentities: true })).toMatchObject({ ok: false, error: { code: 'not-12-digits' } });
  });

  it('parses every generated body with its check digit', () => {
    fc.assert(
      fc.property(binBody, (body) => {
        fc.pre(kazakhCheckDigit(body) !== null);
        const r = parseBin(withCheck(body));
        return r.ok && r.value.verified;
      }),
    );
  });

  it('fails, or passes only where the check digit allows, when any one digit is changed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALID), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 9 }), (bin, at, delta) => {
        const changed = bin.slice(0, at) + String((Number(bin[at]) + delta) % 10) + bin.slice(at + 1);
        const r = parseBin(changed);
        if (at === 11) return !r.ok;
        return !r.ok || kazakhCheckDigit(changed.slice(0, 11)) === Number(changed[11]);
      }),
    );
  });
});
