import { err, ok, type Result } from '../result.js';
import type { IdentifierError, IdentifierOptions } from './identifier-error.js';
import { isAsciiDigits, kazakhCheckDigit } from './kazakh-check-digit.js';

/** The gender an IIN encodes in its 7th digit. */
export type Gender = 'male' | 'female';

/**
 * An individual identification number (ЖСН / ИИН). `verified: false` only when test
 * identities are accepted and the number fails the real checks: its date and gender are
 * then unknown.
 */
export type Iin =
  | { readonly value: string; readonly verified: true; readonly birthDate: string; readonly gender: Gender }
  | { readonly value: string; readonly verified: false };

// 7th digit: the century of birth and the gender (odd male, even female).
const CENTURY: Record<string, { century: number; gender: Gender }> = {
  '1': { century: 1800, gender: 'male' },
  '2': { century: 1800, gender: 'female' },
  '3': { century: 1900, gender: 'male' },
  '4': { century: 1900, gender: 'female' },
  '5': { century: 2000, gender: 'male' },
  '6': { century: 2000, gender: 'female' },
};

/** True when year-month-day is a day of the proleptic Gregorian calendar. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Parses an IIN: 12 digits, a real birth date (YYMMDD + century digit) and a matching check digit. */
export function parseIin(text: string, options: IdentifierOptions = {}): Result<Iin, IdentifierError> {
  const value = text.trim();
  if (!isAsciiDigits(value, 12)) {
    return err({
      code: 'not-12-digits',
      kind: 'iin',
      message: {
        kk: `ЖСН 12 цифрдан тұруы тиіс, берілгені: «${value}».`,
        ru: `ИИН должен состоять из 12 цифр, указано: «${value}».`,
        en: `An IIN is 12 digits; got "${value}".`,
      },
    });
  }
  const strict = checkIin(value);
  if (strict.ok || !options.acceptTestIdentities) return strict;
  return ok({ value, verified: false });
}

function checkIin(value: string): Result<Iin, IdentifierError> {
  if (kazakhCheckDigit(value.slice(0, 11)) !== Number(value[11])) {
    return err({
      code: 'bad-checksum',
      kind: 'iin',
      message: {
        kk: `ЖСН ${value} дұрыс емес: бақылау разряды сәйкес келмейді.`,
        ru: `ИИН ${value} неверен: не сходится контрольный разряд.`,
        en: `IIN ${value} is not valid: its check digit does not match.`,
      },
    });
  }
  const centuryDigit = value[6]!;
  const decoded = CENTURY[centuryDigit];
  if (!decoded) {
    return err({
      code: 'bad-century',
      kind: 'iin',
      message: {
        kk: `ЖСН ${value} дұрыс емес: 7-разряд (ғасыр мен жыныс) 1-ден 6-ға дейін болуы тиіс, берілгені ${centuryDigit}.`,
        ru: `ИИН ${value} неверен: 7-й разряд (век и пол) должен быть от 1 до 6, указано ${centuryDigit}.`,
        en: `IIN ${value} is not valid: the 7th digit (century and gender) must be 1 to 6, got ${centuryDigit}.`,
      },
    });
  }
  const year = decoded.century + Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  const birthDate = `${pad(year, 4)}-${value.slice(2, 4)}-${value.slice(4, 6)}`;
  if (!isCalendarDate(year, month, day)) {
    return err({
      code: 'bad-date',
      kind: 'iin',
      message: {
        kk: `ЖСН ${value} дұрыс емес: ${birthDate} деген туған күн күнтізбеде жоқ.`,
        ru: `ИИН ${value} неверен: даты рождения ${birthDate} не существует.`,
        en: `IIN ${value} is not valid: there is no such birth date as ${birthDate}.`,
      },
    });
  }
  return ok({ value, verified: true, birthDate, gender: decoded.gender });
}
