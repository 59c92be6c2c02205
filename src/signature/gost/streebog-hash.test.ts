import { describe, expect, it } from 'vitest';
import { streebog256, streebog512 } from './streebog-hash.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
// RFC 6986 writes messages and digests most significant byte first; the byte strings are their reversals.
const fromRfc = (text: string) => new Uint8Array(Buffer.from(text.replace(/\s+/g, ''), 'hex').reverse());

// M1: the 63 ASCII digits "012…012"; M2: 72 bytes of text in CP1251 (RFC 6986, 10.1 and 10.2).
const M1 = new Uint8Array(Buffer.from('012345678901234567890123456789012345678901234567890123456789012', 'latin1'));
const M2 = fromRfc(
  `fbe2e5f0eee3c820fbeafaebef20fffbf0e1e0f0f520e0ed20e8ece0ebe5f0f2f120fff0eeec20f120faf2fee5e2202ce8f6f3ede220e8e6eee1e8f0f2d1202ce8f0f2e5e220e5d1`,
);

describe('GOST 34.11-2015 (Streebog), the examples of RFC 6986', () => {
  it('hashes M1 to 512 bits', () => {
    expect(hex(streebog512(M1))).toBe(
      hex(fromRfc('486f64c1917879417fef082b3381a4e211c324f074654c38823a7b76f830ad00fa1fbae42b1285c0352f227524bc9ab16254288dd6863dccd5b9f54a1ad0541b')),
    );
  });

  it('hashes M1 to 256 bits', () => {
    expect(hex(streebog256(M1))).toBe(hex(fromRfc('00557be5e584fd52a449b16b0251d05d27f94ab76cbaa6da890b59d8ef1e159d')));
  });

  it('hashes M2 (longer than one block) to 512 bits', () => {
    expect(hex(streebog512(M2))).toBe(
      hex(fromRfc('28fbc9bada033b1460642bdcddb90c3fb3e56c497ccd0f62b8a2ad4935e85f037613966de4ee00531ae60f3b5a47f8dae06915d5f2f194996fcabf2622e6881e')),
    );
  });

  it('hashes M2 to 256 bits', () => {
    expect(hex(streebog256(M2))).toBe(hex(fromRfc('508f7e553c06501d749a66fc28c6cac0b005746d97537fa85d9e40904efed29d')));
  });

  it('gives a different digest when one bit of the message changes', () => {
    const changed = M2.slice();
    changed[70]! ^= 1;
    expect(hex(streebog512(changed))).not.toBe(hex(streebog512(M2)));
  });

  it('hashes the empty message and messages of exact block length', () => {
    expect(streebog256(new Uint8Array(0))).toHaveLength(32);
    const block = new Uint8Array(64).fill(7);
    expect(hex(streebog512(block))).not.toBe(hex(streebog512(block.subarray(0, 63))));
  });
});
