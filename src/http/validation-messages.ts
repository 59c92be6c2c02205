import type { z } from 'zod';
import type { TText } from '../core/regulation/schema.js';

/**
 * Why a request field is invalid, in kk, ru and en. Zod's own messages are English (and it has no
 * Kazakh locale), so each issue is told from its code and numbers here; a schema that needs its
 * own words names a key of MESSAGES instead of writing English.
 */
export const MESSAGES = {
  'twelve-digits': { kk: '12 цифр болуы керек', ru: 'должно состоять из 12 цифр', en: 'must be 12 digits' },
} as const satisfies Record<string, TText>;

const TYPE_WORDS: Readonly<Record<string, TText>> = {
  string: { kk: 'мәтін', ru: 'строка', en: 'text' },
  number: { kk: 'сан', ru: 'число', en: 'a number' },
  int: { kk: 'бүтін сан', ru: 'целое число', en: 'a whole number' },
  boolean: { kk: 'иә/жоқ мәні', ru: 'значение да/нет', en: 'true or false' },
  object: { kk: 'объект', ru: 'объект', en: 'an object' },
  array: { kk: 'тізім', ru: 'список', en: 'a list' },
};
const SOME_VALUE: TText = { kk: 'басқа мән', ru: 'другое значение', en: 'another value' };

type Issue = z.core.$ZodIssue & { input?: unknown };

/** One issue in the three languages. */
export function issueText(issue: Issue): TText {
  const known = (MESSAGES as Record<string, TText>)[issue.message];
  if (known) return known;
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return { kk: 'міндетті өріс', ru: 'обязательное поле', en: 'required' };
      const t = TYPE_WORDS[issue.expected] ?? SOME_VALUE;
      return { kk: `күтілгені: ${t.kk}`, ru: `ожидается: ${t.ru}`, en: `expected ${t.en}` };
    }
    case 'too_small':
    case 'too_big': {
      const bound = String(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      const small = issue.code === 'too_small';
      if (issue.origin === 'string') {
        return small
          ? { kk: `кемінде ${bound} таңба`, ru: `не короче ${bound} символов`, en: `at least ${bound} characters` }
          : { kk: `${bound} таңбадан аспауы керек`, ru: `не длиннее ${bound} символов`, en: `at most ${bound} characters` };
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return small
          ? { kk: `кемінде ${bound} элемент`, ru: `не менее ${bound} элементов`, en: `at least ${bound} items` }
          : { kk: `${bound} элементтен аспауы керек`, ru: `не более ${bound} элементов`, en: `at most ${bound} items` };
      }
      return small
        ? { kk: `кемінде ${bound}`, ru: `не меньше ${bound}`, en: `at least ${bound}` }
        : { kk: `${bound}-дан аспауы керек`, ru: `не больше ${bound}`, en: `at most ${bound}` };
    }
    case 'invalid_format':
      return { kk: 'пішімі жарамсыз', ru: 'неверный формат', en: 'wrong format' };
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v)).join(', ');
      return { kk: `рұқсат етілген мәндер: ${values}`, ru: `допустимые значения: ${values}`, en: `one of: ${values}` };
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.join(', ');
      return { kk: `белгісіз өрістер: ${keys}`, ru: `лишние поля: ${keys}`, en: `unknown fields: ${keys}` };
    }
    default:
      return { kk: 'жарамсыз мән', ru: 'недопустимое значение', en: 'invalid value' };
  }
}
