import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadClockSet } from '../../catalogue/load-clock.js';
import { addTerm } from './add-term.js';
import { resumeTerm, suspendTerm } from './suspension.js';

const office = loadClockSet().clocks.get('provider-office')!;
const at = (iso: string) => Date.parse(iso);

describe('suspension', () => {
  it('keeps the remaining working time across a suspension', () => {
    // 2 working days from Monday 6 April 2026 10:00 are due Wednesday 8 April 18:30.
    const due = addTerm(office, at('2026-04-06T10:00:00+05:00'), { value: 2, unit: 'working_days' }).due;
    expect(office.zone.format(due)).toBe('2026-04-08T18:30:00+05:00');
    // Suspended on Tuesday 7 April at 18:30: all of Wednesday (8 hours) is left.
    const s = suspendTerm(office, due, at('2026-04-07T18:30:00+05:00'));
    expect(s.remainingMinutes).toBe(480);
    // Resumed Monday 13 April 09:00: the 8 hours run out at its close of business.
    const r = resumeTerm(office, s, at('2026-04-13T09:00:00+05:00'));
    expect(office.zone.format(r.due)).toBe('2026-04-13T18:30:00+05:00');
    expect(r.rule.en).toContain('480 working minutes');
  });

  it('leaves nothing of an overdue term', () => {
    const s = suspendTerm(office, at('2026-04-06T12:00:00+05:00'), at('2026-04-07T12:00:00+05:00'));
    expect(s.remainingMinutes).toBe(0);
  });

  it('a resumption the moment after the suspension changes nothing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: at('2016-01-01T00:00:00Z'), max: at('2027-06-01T00:00:00Z') }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 10 * 86_400_000 }),
        (t, days, offset) => {
          const start = office.nextWorkingMoment(t);
          const due = addTerm(office, start, { value: days, unit: 'working_days' }).due;
          const pause = office.nextWorkingMoment(Math.min(start + offset, due - 60_000));
          if (pause >= due) return true;
          return resumeTerm(office, suspendTerm(office, due, pause), pause).due === due;
        },
      ),
    );
  });
});
