import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kazakhCheckDigit } from './kazakh-check-digit.js';

const body = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 }).map((d) => d.join(''));

describe('kazakhCheckDigit', () => {
  it('weighs the digits 1..11 modulo 11', () => {
    // 8·1+5·2+0·3+5·4+1·5+5·6+3·7+1·8+0·9+0·10+1·11 = 124 = 11·11 + 3
    expect(kazakhCheckDigit('85051531001')).toBe(3);
  });

  it('falls back to the weights 3..11,1,2 when the first pass gives 10', () => {
    // a single 1 in the 10th place: first pass 1·10 = 10, second pass 1·1 = 1
    expect(kazakhCheckDigit('00000000010')).toBe(1);
  });

  it('is a digit or null for every body, and null only when both passes give 10', () => {
    fc.assert(
      fc.property(body, (b) => {
        const digit = kazakhCheckDigit(b);
        const d = [...b].map(Number);
        const first = d.reduce((s, x, i) => s + x * (i + 1), 0) % 11;
        const second = d.reduce((s, x, i) => s + x * [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2][i]!, 0) % 11;
        if (first !== 10) return digit === first;
        return second === 10 ? digit === null : digit === second;
      }),
    );
  });

  it('throws on a body that is not 11 digits: a caller bug', () => {
    expect(() => kazakhCheckDigit('123')).toThrow();
  });
});
