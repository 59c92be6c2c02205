import { describe, expect, it } from 'vitest';
import { isOnCurve, multiply } from './elliptic-curve.js';
import { CRYPTOPRO_A, CRYPTOPRO_B, CRYPTOPRO_C, TC26_512_A, TC26_512_B, type GostCurve } from './gost-curves.js';
import { gostSign, gostVerify, publicPointOf, randomScalar } from './gost-signature.js';

const h = (hex: string) => BigInt('0x' + hex);

// The example of GOST R 34.10-2001 (appendix A; RFC 5832, section 7.1), on the standard's test curve.
const EXAMPLE_CURVE: GostCurve = {
  name: 'example',
  size: 32,
  p: h('8000000000000000000000000000000000000000000000000000000000000431'),
  a: 7n,
  b: h('5FBFF498AA938CE739B8E022FBAFEF40563F6E6A3472FC2A514C0CE9DAE23B7E'),
  q: h('8000000000000000000000000000000150FE8A1892976154C59CFC193ACCF5B3'),
  x: 2n,
  y: h('08E2A8A0E65147D4BD6316030E16D19C85C97F0A9CA267122B96ABBCEA7E8FC8'),
};
const d = h('7A929ADE789BB9BE10ED359DD39A72C11B60961F49397EEE1D19CE9891EC3B28');
const e = h('2DFBC1B372D89A1188C09C52E0EEC61FCE52032AB1022E8E67ECE6672B043EE5');
const k = h('77105C9B20BCD3122823C8CF6FCC7B956DE33814E95B7FE64FED924594DCEAB3');

describe('the GOST 34.10 signature scheme', () => {
  it('derives the example public key', () => {
    const Q = publicPointOf(EXAMPLE_CURVE, d);
    expect(Q.x).toBe(h('7F2B49E270DB6D90D8595BEC458B50C58585BA1D4E9B788F6689DBD8E56FD80B'));
    expect(Q.y).toBe(h('26F1B489D6701DD185C8413A977B3CBBAF64D1C593D26627DFFB101A87FF77DA'));
  });

  it('produces the example signature with the example nonce, and verifies it', () => {
    const signature = gostSign(EXAMPLE_CURVE, d, e, k);
    expect(signature.r).toBe(h('41AA28D2F1AB148280CD9ED56FEDA41974053554A42767B83AD043FD39DC0493'));
    expect(signature.s).toBe(h('01456C64BA4642A1653C235A98A60249BCD6D3F746B631DF928014F6C5BF9C40'));
    expect(gostVerify(EXAMPLE_CURVE, publicPointOf(EXAMPLE_CURVE, d), e, signature)).toBe(true);
  });

  it('refuses the example signature for another digest, a changed r or s, or out-of-range values', () => {
    const Q = publicPointOf(EXAMPLE_CURVE, d);
    const signature = gostSign(EXAMPLE_CURVE, d, e, k);
    expect(gostVerify(EXAMPLE_CURVE, Q, e + 1n, signature)).toBe(false);
    expect(gostVerify(EXAMPLE_CURVE, Q, e, { r: signature.r + 1n, s: signature.s })).toBe(false);
    expect(gostVerify(EXAMPLE_CURVE, Q, e, { r: signature.r, s: signature.s ^ 1n })).toBe(false);
    expect(gostVerify(EXAMPLE_CURVE, Q, e, { r: 0n, s: signature.s })).toBe(false);
    expect(gostVerify(EXAMPLE_CURVE, Q, e, { r: signature.r, s: EXAMPLE_CURVE.q })).toBe(false);
  });

  it('refuses a public key that is not on the curve', () => {
    const Q = publicPointOf(EXAMPLE_CURVE, d);
    expect(gostVerify(EXAMPLE_CURVE, { x: Q.x, y: Q.y + 1n }, e, gostSign(EXAMPLE_CURVE, d, e, k))).toBe(false);
  });

  for (const curve of [CRYPTOPRO_A, CRYPTOPRO_B, CRYPTOPRO_C, TC26_512_A, TC26_512_B]) {
    it(`has a generator of order q on ${curve.name}, and signs and verifies there with random keys`, () => {
      expect(isOnCurve(curve, curve)).toBe(true);
      expect(multiply(curve, curve, curve.q)).toBeUndefined();
      expect(multiply(curve, curve, curve.q - 1n)).toEqual({ x: curve.x, y: curve.p - curve.y });
      const key = randomScalar(curve);
      const alpha = randomScalar(curve);
      const signature = gostSign(curve, key, alpha);
      expect(gostVerify(curve, publicPointOf(curve, key), alpha, signature)).toBe(true);
      expect(gostVerify(curve, publicPointOf(curve, key), alpha + 1n, signature)).toBe(false);
    });
  }
});
