import { LANGUAGES, type TLanguage, type TText } from '../core/regulation/schema.js';

/** What a command writes to and returns: output lines and an exit code. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** The process's own streams. */
export const processIo: CliIo = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};

/** A bad-input failure: a message in each language and the exit code (2 = usage, 1 = findings). */
export class CliFailure {
  constructor(
    readonly message: TText,
    readonly exitCode = 2,
  ) {}
}

/** Reads `--lang`, defaulting to Kazakh, the language of the acts. */
export function languageOf(value: string | undefined): TLanguage {
  if (value === undefined) return 'kk';
  if ((LANGUAGES as readonly string[]).includes(value)) return value as TLanguage;
  throw new CliFailure({
    kk: `Белгісіз тіл: ${value}. Мүмкін мәндер: kk, ru, en.`,
    ru: `Неизвестный язык: ${value}. Допустимые значения: kk, ru, en.`,
    en: `Unknown language: ${value}. Use one of kk, ru, en.`,
  });
}

/** Pads cells into aligned columns. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => c + ' '.repeat(widths[i]! - [...c].length))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
