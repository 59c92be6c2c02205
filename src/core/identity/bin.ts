import { err, ok, type Result } from '../result.js';
import type { IdentifierError, IdentifierOptions } from './identifier-error.js';
import { isAsciiDigits, kazakhCheckDigit } from './kazakh-check-digit.js';

/** What kind of registrant a BIN's 5th digit names. */
export const BIN_ENTITY_TYPES = {
  '4': 'resident-legal-entity',
  '5': 'non-resident-legal-entity',
  '6': 'joint-individual-entrepreneurship',
} as const;
export type BinEntityType = (typeof BIN_ENTITY_TYPES)[keyof typeof BIN_ENTITY_TYPES];

/** Which part of an organisation a BIN's 6th digit names. */
export const BIN_DIVISIONS = {
  '0': 'head-organisation',
  '1': 'branch',
  '2': 'representative-office',
  '3': 'peasant-farm',
} as const;
export type BinDivision = (typeof BIN_DIVISIONS)[keyof typeof BIN_DIVISIONS];

/**
 * A business identification number (БСН / БИН). `verified: false` only when test identities
 * are accepted and the number fails the real checks: its structure is then unknown.
 */
export type Bin =
  | {
      readonly value: string;
      readonly verified: true;
      /** Year and month of registration, YYYY-MM. */
      readonly registered: string;
      readonly entityType: BinEntityType;
      readonly division: BinDivision;
    }
  | { readonly value: string; readonly verified: false };

// A BIN carries only two digits of its registration year. Registrations under the laws of
// independent Kazakhstan start in the 1990s, so 90..99 are read as 19xx and the rest as 20xx:
// our assumption, which holds until 2090.
const yearOf = (yy: number): number => (yy >= 90 ? 1900 + yy : 2000 + yy);

/** Parses a BIN: 12 digits, registration YYMM, entity type and division digits, check digit. */
export function parseBin(text: string, options: IdentifierOptions = {}): Result<Bin, IdentifierError> {
  const value = text.trim();
  if (!isAsciiDigits(value, 12)) {
    return err({
      code: 'not-12-digits',
      kind: 'bin',
      message: {
        kk: `БСН 12 цифрдан тұруы тиіс, берілгені: «${value}».`,
        ru: `БИН должен состоять из 12 цифр, указано: «${value}».`,
        en: `A BIN is 12 digits; got "${value}".`,
      },
    });
  }
  const strict = checkBin(value);
  if (strict.ok || !options.acceptTestIdentities) return strict;
  return ok({ value, verified: false });
}

function checkBin(value: string): Result<Bin, IdentifierError> {
  if (kazakhCheckDigit(value.slice(0, 11)) !== Number(value[11])) {
    return err({
      code: 'bad-checksum',
      kind: 'bin',
      message: {
        kk: `БСН ${value} дұрыс емес: бақылау разряды сәйкес келмейді.`,
        ru: `БИН ${value} неверен: не сходится контрольный разряд.`,
        en: `BIN ${value} is not valid: its check digit does not match.`,
      },
    });
  }
  const mm = value.slice(2, 4);
  if (Number(mm) < 1 || Number(mm) > 12) {
    return err({
      code: 'bad-date',
      kind: 'bin',
      message: {
        kk: `БСН ${value} дұрыс емес: тіркелген айы ${mm} (01-ден 12-ге дейін болуы тиіс).`,
        ru: `БИН ${value} неверен: месяц регистрации ${mm} (должен быть от 01 до 12).`,
        en: `BIN ${value} is not valid: registration month ${mm} is not 01 to 12.`,
      },
    });
  }
  const typeDigit = value[4]!;
  const entityType = BIN_ENTITY_TYPES[typeDigit as keyof typeof BIN_ENTITY_TYPES];
  if (!entityType) {
    return err({
      code: 'bad-entity-type',
      kind: 'bin',
      message: {
        kk: `БСН ${value} дұрыс емес: 5-разряд (тіркелген тұлғаның түрі) 4, 5 немесе 6 болуы тиіс, берілгені ${typeDigit}.`,
        ru: `БИН ${value} неверен: 5-й разряд (тип зарегистрированного лица) должен быть 4, 5 или 6, указано ${typeDigit}.`,
        en: `BIN ${value} is not valid: the 5th digit (kind of registrant) must be 4, 5 or 6, got ${typeDigit}.`,
      },
    });
  }
  const divisionDigit = value[5]!;
  const division = BIN_DIVISIONS[divisionDigit as keyof typeof BIN_DIVISIONS];
  if (!division) {
    return err({
      code: 'bad-entity-division',
      kind: 'bin',
      message: {
        kk: `БСН ${value} дұрыс емес: 6-разряд (бас ұйым, филиал, өкілдік, шаруа қожалығы) 0-ден 3-ке дейін болуы тиіс, берілгені ${divisionDigit}.`,
        ru: `БИН ${value} неверен: 6-й разряд (головная организация, филиал, представительство, крестьянское хозяйство) должен быть от 0 до 3, указано ${divisionDigit}.`,
        en: `BIN ${value} is not valid: the 6th digit (head organisation, branch, representative office, peasant farm) must be 0 to 3, got ${divisionDigit}.`,
      },
    });
  }
  const registered = `${yearOf(Number(value.slice(0, 2)))}-${mm}`;
  return ok({ value, verified: true, registered, entityType, division });
}
