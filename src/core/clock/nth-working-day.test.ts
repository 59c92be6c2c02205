import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadClockSet } from '../../catalogue/load-clock.js';

describe('the n-th working day after a date', () => {
  const clock = loadClockSet().clockFor('provider');
  const walk = (day: number, n: number) => {
    let d = day;
    for (let k = 0; k < n; k++) d = clock.nextWorkingDay(d);
    return d;
  };

  it('is the day reached by counting working days one by one, inside the index and across its edges', () => {
    // 1995–2065: before, inside and after the indexed span of 2000–2059.
    fc.assert(
      fc.property(fc.integer({ min: 9_131, max: 34_700 }), fc.integer({ min: 1, max: 120 }), (day, n) => {
        expect(clock.nthWorkingDayAfter(day, n)).toBe(walk(day, n));
      }),
      { numRuns: 3_000, seed: 20261121 },
    );
  });
});
