import type { TText } from '../regulation/schema.js';
import type { OfficeClock } from './office-clock.js';

/** When an application counts as received, and why. */
export interface Receipt {
  readonly submitted: number;
  readonly receipt: number;
  readonly rule: TText;
}

/**
 * Inside working hours an application is received at once; after hours, on a weekend or a day
 * off, at the start of the next working period (the Standards' "next working day" rule).
 */
export function receiptOf(clock: OfficeClock, submitted: number): Receipt {
  const receipt = clock.nextWorkingMoment(submitted);
  if (receipt === submitted) {
    return {
      submitted,
      receipt,
      rule: {
        kk: 'Өтініш жұмыс уақытында берілді: сол сәтте қабылданды деп есептеледі.',
        ru: 'Заявление подано в рабочее время: считается принятым в момент подачи.',
        en: 'Submitted during working hours: received at that instant.',
      },
    };
  }
  const at = clock.zone.format(receipt);
  return {
    submitted,
    receipt,
    rule: {
      kk: `Өтініш жұмыс уақытынан тыс, демалыс немесе мереке күні берілді: келесі жұмыс уақытының басында (${at}) қабылданды деп есептеледі.`,
      ru: `Заявление подано вне рабочего времени, в выходной или праздничный день: считается принятым в начале следующего рабочего периода (${at}).`,
      en: `Submitted outside working hours, on a weekend or a day off: received at the start of the next working period (${at}).`,
    },
  };
}
