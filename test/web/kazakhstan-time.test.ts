import { describe, expect, it } from 'vitest';
import { dueClass, localDay, offsetAt } from '../../web/src/format/kazakhstan-time.js';

describe('Astana wall clock', () => {
  it('is UTC+6 before 1 March 2024 and UTC+5 from then on', () => {
    expect(offsetAt(Date.UTC(2024, 1, 29, 17, 59))).toBe(6 * 3_600_000);
    expect(offsetAt(Date.UTC(2024, 1, 29, 18, 0))).toBe(5 * 3_600_000);
  });
  it('names the local day, not the UTC one', () => {
    expect(localDay(Date.UTC(2026, 2, 20, 20, 0))).toBe('2026-03-21');
  });
  it('sorts dues into overdue, today, this week and later', () => {
    const now = Date.UTC(2026, 2, 20, 5, 0); // 10:00 in Astana
    expect(dueClass(now - 1, now)).toBe('overdue');
    expect(dueClass(Date.UTC(2026, 2, 20, 13, 30), now)).toBe('today');
    expect(dueClass(Date.UTC(2026, 2, 20, 19, 30), now)).toBe('week'); // 00:30 next local day
    expect(dueClass(Date.UTC(2026, 3, 20, 5, 0), now)).toBe('later');
    expect(dueClass(null, now)).toBe('none');
  });
});
