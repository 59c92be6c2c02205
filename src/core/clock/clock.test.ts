import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadClockSet } from '../../catalogue/load-clock.js';
import type { TTerm } from '../regulation/schema.js';
import { addTerm } from './add-term.js';
import { formatLocalDate, localDate } from './local-date.js';
import { receiptOf } from './receipt.js';

const { clocks, calendar } = loadClockSet();
const office = clocks.get('provider-office')!;
const counter = clocks.get('state-corporation')!;
const at = (iso: string) => Date.parse(iso);
const fmt = (ms: number) => office.zone.format(ms);

/** Chains terms from a start: each next term starts at the previous due. */
function chain(start: string, terms: TTerm[]) {
  let cursor = at(start);
  return terms.map((term) => {
    cursor = addTerm(office, cursor, term).due;
    return fmt(cursor);
  });
}
const wd = (value: number): TTerm => ({ value, unit: 'working_days' });
const h = (value: number): TTerm => ({ value, unit: 'hours' });
const cd = (value: number): TTerm => ({ value, unit: 'calendar_days' });

describe('the calendar of 2026 (DEADLINES.md)', () => {
  const off = (d: string) => !calendar.isWorking(localDate(d));
  it('gives Nauryz 21–23 March and substitutes 24 and 25 March', () => {
    expect(['2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24', '2026-03-25'].every(off)).toBe(true);
    expect(off('2026-03-26')).toBe(false);
  });
  it('moves 8 March (Sunday) to 9 March and 9 May (Saturday) to 11 May', () => {
    expect(off('2026-03-09')).toBe(true);
    expect(off('2026-05-11')).toBe(true);
    expect(off('2026-05-12')).toBe(false);
  });
  it('keeps Kurban Ait 27 May 2026 off and never moves 7 January', () => {
    expect(off('2026-05-27')).toBe(true);
    // 7 January 2024 was a Sunday: no substitute on Monday 8 January.
    expect(off('2024-01-08')).toBe(false);
  });
  it('applies the transfers of 2024 and 2025', () => {
    expect(off('2024-05-04')).toBe(false);
    expect(off('2024-05-08')).toBe(true);
    expect(off('2025-01-05')).toBe(false);
    expect(off('2025-01-03')).toBe(true);
  });
  it('keeps Constitution Day through 2025 and Republic Day from 2022', () => {
    expect(off('2025-08-29')).toBe(false);
    expect(off('2026-08-31')).toBe(false); // 30 August 2026 is a Sunday and no longer a holiday
    expect(off('2021-10-25')).toBe(false);
    expect(off('2022-10-25')).toBe(true);
  });
  it('explains a day off with its source', () => {
    const info = calendar.day(localDate('2026-03-24'));
    expect(info.notes.map((n) => n.kind)).toEqual(['substitute']);
    expect(info.notes[0]!.source).toContain('Labour Code');
  });
});

describe('the worked examples of DEADLINES.md', () => {
  it('1. specialist certificate, Friday 20 March 2026 17:00', () => {
    expect(receiptOf(office, at('2026-03-20T17:00:00+05:00')).receipt).toBe(at('2026-03-20T17:00:00+05:00'));
    expect(chain('2026-03-20T17:00:00+05:00', [wd(1), wd(2), wd(1), wd(1)])).toEqual([
      '2026-03-26T18:30:00+05:00',
      '2026-03-30T18:30:00+05:00',
      '2026-03-31T18:30:00+05:00',
      '2026-04-01T18:30:00+05:00',
    ]);
  });
  it('2. organs licence, Wednesday 6 May 2026 16:00, in working hours', () => {
    expect(chain('2026-05-06T16:00:00+05:00', [h(1), h(1), h(1), h(1), h(2), h(1), h(1)])).toEqual([
      '2026-05-06T17:00:00+05:00',
      '2026-05-06T18:00:00+05:00',
      '2026-05-08T09:30:00+05:00',
      '2026-05-08T10:30:00+05:00',
      '2026-05-08T12:30:00+05:00',
      '2026-05-08T15:00:00+05:00',
      '2026-05-08T16:00:00+05:00',
    ]);
  });
  it('3. database inclusion, Friday 6 March 2026 18:20, 15 minutes then calendar days', () => {
    expect(chain('2026-03-06T18:20:00+05:00', [{ value: 15, unit: 'minutes' }, cd(1), cd(1), cd(1)])).toEqual([
      '2026-03-10T09:05:00+05:00',
      '2026-03-11T18:30:00+05:00',
      '2026-03-12T18:30:00+05:00',
      '2026-03-13T18:30:00+05:00',
    ]);
  });
});

describe('receipt', () => {
  it('moves an application made on Saturday to Monday 09:00', () => {
    expect(fmt(receiptOf(office, at('2026-04-04T11:00:00+05:00')).receipt)).toBe('2026-04-06T09:00:00+05:00');
  });
  it('moves an application made in the lunch break to 14:30', () => {
    expect(fmt(receiptOf(office, at('2026-04-06T13:10:00+05:00')).receipt)).toBe('2026-04-06T14:30:00+05:00');
  });
  it('keeps a State Corporation reception at 19:00, when the provider is closed', () => {
    expect(receiptOf(counter, at('2026-04-06T19:00:00+05:00')).receipt).toBe(at('2026-04-06T19:00:00+05:00'));
  });
});

describe('time zones', () => {
  it('counts a 2023 deadline in UTC+6, the offset then in force', () => {
    const due = addTerm(office, at('2023-11-01T10:00:00+06:00'), wd(1)).due;
    expect(fmt(due)).toBe('2023-11-02T18:30:00+06:00');
  });
});

describe('within the working day («жұмыс күні ішінде», service 10, п. 5.5))', () => {
  const within: TTerm = { value: 1, unit: 'within_working_day' };
  it('ends at the close of business of the day the step starts, when it starts in working time', () => {
    expect(fmt(addTerm(office, at('2026-05-06T10:15:00+05:00'), within).due)).toBe('2026-05-06T18:30:00+05:00');
    // In the lunch break: still that day.
    expect(fmt(addTerm(office, at('2026-05-06T13:30:00+05:00'), within).due)).toBe('2026-05-06T18:30:00+05:00');
  });
  it('ends at the close of the next working day when the step starts after hours or on a day off', () => {
    expect(fmt(addTerm(office, at('2026-05-05T19:05:00+05:00'), within).due)).toBe('2026-05-06T18:30:00+05:00');
    // Friday 20 March 2026 after hours: 21–25 March are off.
    const c = addTerm(office, at('2026-03-20T18:45:00+05:00'), within);
    expect(fmt(c.due)).toBe('2026-03-26T18:30:00+05:00');
    expect(c.rule.en).toContain('the next working day (2026-03-26)');
    expect(c.rule.kk).not.toMatch(/[a-z]{3,}/);
  });
  it('is never later than one working day and never earlier than its start', () => {
    fc.assert(
      fc.property(clockArb, instant, (c, t) => {
        const due = addTerm(c, t, within).due;
        return due > t && due <= addTerm(c, t, wd(1)).due && c.calendar.isWorking(c.zone.local(due).day) && due === c.closeOfBusiness(c.zone.local(due).day);
      }),
    );
  });
});

describe('explanations', () => {
  it('names the days skipped and why', () => {
    const c = addTerm(office, at('2026-03-20T17:00:00+05:00'), wd(1));
    expect(c.skipped.map((s) => s.date)).toEqual(['2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24', '2026-03-25']);
    expect(c.skipped[0]!.notes.map((n) => n.kind)).toEqual(['weekend', 'holiday']);
    expect(c.rule.ru).toContain('2026-03-26');
  });
  it('says when a calendar-day term moved off a day off', () => {
    const c = addTerm(office, at('2026-03-20T10:00:00+05:00'), cd(1));
    expect(c.nominalDate).toBe('2026-03-21');
    expect(fmt(c.due)).toBe('2026-03-26T18:30:00+05:00');
    expect(c.rule.en).toContain('next working day');
  });
});

// ---- laws of the clock -------------------------------------------------------------------
const instant = fc.integer({ min: Date.parse('2015-01-01T00:00:00Z'), max: Date.parse('2027-10-01T00:00:00Z') });
const unit = fc.constantFrom('minutes', 'hours', 'working_days', 'calendar_days' as const);
const termArb = fc.record({ value: fc.integer({ min: 1, max: 60 }), unit });
const clockArb = fc.constantFrom(office, counter);

describe('laws of the clock', () => {
  it('a due is never earlier than its start', () => {
    fc.assert(fc.property(clockArb, instant, termArb, (c, t, term) => addTerm(c, t, term).due > t));
  });

  it('adding a then b working days equals adding a + b', () => {
    fc.assert(
      fc.property(clockArb, instant, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), (c, t, a, b) => {
        const stepwise = addTerm(c, addTerm(c, t, wd(a)).due, wd(b)).due;
        return stepwise === addTerm(c, t, wd(a + b)).due;
      }),
    );
  });

  it('adding a then b working hours equals adding a + b (from a working moment)', () => {
    fc.assert(
      fc.property(clockArb, instant, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), (c, t, a, b) => {
        const start = c.nextWorkingMoment(t);
        const stepwise = addTerm(c, addTerm(c, start, h(a)).due, h(b)).due;
        return stepwise === addTerm(c, start, h(a + b)).due;
      }),
    );
  });

  it('a due in working or calendar days falls at a close of business on a working day', () => {
    fc.assert(
      fc.property(clockArb, instant, fc.integer({ min: 1, max: 60 }), fc.constantFrom('working_days', 'calendar_days' as const), (c, t, value, u) => {
        const due = addTerm(c, t, { value, unit: u }).due;
        const { day } = c.zone.local(due);
        return c.calendar.isWorking(day) && due === c.closeOfBusiness(day);
      }),
    );
  });

  it('a working-time due consumes exactly the term in working minutes', () => {
    fc.assert(
      fc.property(clockArb, instant, fc.integer({ min: 1, max: 3000 }), (c, t, minutes) => {
        const due = addTerm(c, t, { value: minutes, unit: 'minutes' }).due;
        return c.workingMinutesBetween(t, due) === minutes;
      }),
    );
  });

  it('N working days pass exactly N working days after the start date', () => {
    fc.assert(
      fc.property(clockArb, instant, fc.integer({ min: 1, max: 40 }), (c, t, n) => {
        const due = addTerm(c, t, wd(n)).due;
        const from = c.zone.local(t).day;
        const to = c.zone.local(due).day;
        let count = 0;
        for (let d = from + 1; d <= to; d++) if (c.calendar.isWorking(d)) count++;
        return count === n;
      }),
    );
  });

  it('a receipt is a working moment no earlier than the submission', () => {
    fc.assert(
      fc.property(clockArb, instant, (c, t) => {
        const r = receiptOf(c, t).receipt;
        return r >= t && c.nextWorkingMoment(r) === r;
      }),
    );
  });

  it('local dates round-trip through the zone', () => {
    fc.assert(
      fc.property(fc.integer({ min: localDate('2015-01-01'), max: localDate('2027-12-31') }), fc.integer({ min: 0, max: 1439 }), (day, minute) => {
        const l = office.zone.local(office.zone.instant(day, minute));
        return formatLocalDate(l.day) === formatLocalDate(day) && l.minute === minute;
      }),
    );
  });
});
