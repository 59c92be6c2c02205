import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ZCalendarData, type TCalendarData } from '../core/clock/calendar-data.js';
import { buildOfficeClock, type OfficeClock } from '../core/clock/office-clock.js';
import { buildOfficeSchedule, ZOfficeScheduleData } from '../core/clock/office-schedule.js';
import { buildTimeZone, ZZoneData } from '../core/clock/time-zone.js';
import { buildWorkingCalendar, type WorkingCalendar } from '../core/clock/working-calendar.js';
import type { TRole } from '../core/regulation/schema.js';
import type { ClockFor } from '../core/timeline/plan-timeline.js';
import { CALENDAR_DIR } from './catalogue-paths.js';

/** The clocks of the default offices, built from the bundled calendar data. */
export interface ClockSet {
  readonly calendar: WorkingCalendar;
  readonly clocks: ReadonlyMap<string, OfficeClock>;
  readonly clockFor: ClockFor;
}

// Which default schedule each kind of organisation works on (DEADLINES.md).
const SCHEDULE_OF: Record<TRole['organisation'], string> = {
  provider: 'provider-office',
  ministry: 'provider-office',
  'fund-head-office': 'provider-office',
  'state-corporation': 'state-corporation',
};

const readYaml = (file: string): unknown => parseYaml(readFileSync(join(CALENDAR_DIR, file), 'utf8'));

/** Reads the calendar data file (the bundled one by default). */
export function loadCalendarData(file = join(CALENDAR_DIR, 'kazakhstan.yaml')): TCalendarData {
  return ZCalendarData.parse(parseYaml(readFileSync(file, 'utf8')));
}

/** Builds the default office clocks from the bundled calendar, zones and schedules. */
export function loadClockSet(calendarData: TCalendarData = loadCalendarData()): ClockSet {
  const calendar = buildWorkingCalendar(calendarData);
  const zones = z
    .object({ zones: z.array(ZZoneData) })
    .parse(readYaml('time-zones.yaml'))
    .zones.map(buildTimeZone);
  const schedules = z.object({ schedules: z.array(ZOfficeScheduleData) }).parse(readYaml('office-schedules.yaml')).schedules;
  const clocks = new Map<string, OfficeClock>();
  for (const data of schedules) {
    const schedule = buildOfficeSchedule(data);
    const zone = zones.find((zn) => zn.id === data.zone);
    if (!schedule || !zone) throw new Error(`office schedule ${data.id}: overlapping hours or unknown zone ${data.zone}`);
    clocks.set(data.id, buildOfficeClock(schedule, calendar, zone));
  }
  return { calendar, clocks, clockFor: (organisation) => clocks.get(SCHEDULE_OF[organisation])! };
}
