import { z } from 'zod';
import { ZText } from '../regulation/schema.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** A public holiday rule: the same month-days every year within its years. */
export const ZHolidayRule = z
  .object({
    id: z.string().min(1),
    dates: z.array(z.string().regex(/^\d{2}-\d{2}$/, 'expected MM-DD')).min(1),
    movable: z.boolean().describe('a weekend occurrence gives a substitute day off'),
    from: z.number().int().optional(),
    to: z.number().int().optional(),
    title: ZText,
    source: z.string().min(1),
  })
  .strict();
export type THolidayRule = z.infer<typeof ZHolidayRule>;

/** The working calendar of a country as data: rules, dated holidays and transfers, with sources. */
export const ZCalendarData = z
  .object({
    country: z.string().min(2),
    firstYear: z.number().int(),
    lastYear: z.number().int(),
    holidays: z.array(ZHolidayRule),
    substituteRule: z.object({ text: ZText, source: z.string().min(1) }).strict(),
    kurbanAit: z.array(z.object({ date: isoDate, source: z.string().min(1), estimated: z.boolean().optional() }).strict()),
    transfers: z.array(z.object({ year: z.number().int(), work: isoDate, off: isoDate, source: z.string().min(1) }).strict()),
    transfersKnown: z.array(z.number().int()).describe('years whose transfer decrees have been entered'),
  })
  .strict();
export type TCalendarData = z.infer<typeof ZCalendarData>;
