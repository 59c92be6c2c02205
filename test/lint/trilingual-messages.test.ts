import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parse } from '@babel/parser';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CYRILLIC = /[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]/;
const KAZAKH_ONLY = /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/;
/** Words of code, formats and protocols that a Kazakh or Russian message names as they are. */
const TECHNICAL = new Set(
  'Idempotency-Key PDF PDF- XML DOCTYPE ENTITY UTF- JSON application json multipart form-data boundary file Host HTTP METRICS TOKEN CSRF PKCS outcome API- XML-'.split(
    ' ',
  ),
);

interface Message {
  readonly where: string;
  readonly kk: string;
  readonly ru: string;
  readonly en: string;
}

type Node = { type: string; loc?: { start: { line: number } }; [key: string]: unknown };

/** The static text of a string or template literal (expressions as «…»), or undefined for anything computed. */
function staticText(node: Node | undefined): string | undefined {
  if (node?.type === 'StringLiteral') return node.value as string;
  if (node?.type === 'TemplateLiteral') return (node.quasis as { value: { cooked: string } }[]).map((q) => q.value.cooked).join('…');
  return undefined;
}

/** Every message of the source written in the three languages: `{ kk, ru, en }` objects, appError(), rejection(), text(). */
function messagesOf(file: string): Message[] {
  const ast = parse(readFileSync(`${root}/${file}`, 'utf8'), {
    sourceType: 'module',
    plugins: ['typescript', ...(file.endsWith('x') ? (['jsx'] as const) : [])],
  });
  const found: Message[] = [];
  const add = (node: Node, kk?: Node, ru?: Node, en?: Node) => {
    const texts = [staticText(kk), staticText(ru), staticText(en)];
    if (texts.every((t) => t !== undefined)) found.push({ where: `${file}:${node.loc?.start.line}`, kk: texts[0]!, ru: texts[1]!, en: texts[2]! });
  };
  const visit = (node: Node) => {
    if (node.type === 'ObjectExpression') {
      const props = new Map(
        (node.properties as Node[])
          .filter((p) => p.type === 'ObjectProperty')
          .map((p) => [((p.key as Node).name ?? (p.key as Node).value) as string, p.value as Node]),
      );
      if (props.has('kk') && props.has('ru') && props.has('en')) add(node, props.get('kk'), props.get('ru'), props.get('en'));
    }
    if (node.type === 'CallExpression' && (node.callee as Node).type === 'Identifier') {
      const name = (node.callee as Node).name as string;
      const args = node.arguments as Node[];
      if ((name === 'appError' || name === 'rejection') && args.length >= 4) add(node, args[1], args[2], args[3]);
      if ((name === 'text' || name === 'refused') && args.length === 3) add(node, args[0], args[1], args[2]);
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'loc') continue;
      for (const child of Array.isArray(value) ? value : [value]) if (child && typeof (child as Node).type === 'string') visit(child as Node);
    }
  };
  visit(ast.program as unknown as Node);
  return found;
}

const SOURCES = execSync("git ls-files 'src/*.ts' 'web/src/*.ts' 'web/src/*.tsx'", { cwd: root })
  .toString()
  .trim()
  .split('\n')
  .filter((f) => !f.endsWith('.test.ts'));
// Locale tags by language (kk-KZ, ru-RU, en-GB) are tables, not messages.
const MESSAGES = SOURCES.flatMap(messagesOf).filter((m) => !/^[a-z]{2}-[A-Z]{2}$/.test(m.kk));

describe('every message written in kk, ru and en is in its own language', () => {
  it('finds the messages (a scan that found none would prove nothing)', () => {
    expect(MESSAGES.length).toBeGreaterThan(300);
  });

  it('writes the Kazakh and the Russian in Cyrillic, and the English without Kazakh letters', () => {
    const wrong = MESSAGES.filter((m) => /[A-Za-zА-Яа-я]/.test(m.en) && (!CYRILLIC.test(m.kk) || !CYRILLIC.test(m.ru) || KAZAKH_ONLY.test(m.en)));
    expect(wrong.map((m) => `${m.where}: ${m.kk} | ${m.en}`)).toEqual([]);
  });

  it('puts no English words in a Kazakh or a Russian message, beyond the names of formats and protocols (the CLI quotes its own syntax)', () => {
    const wrong = MESSAGES.filter((m) => !m.where.startsWith('src/cli/')).flatMap((m) =>
      [m.kk, m.ru].flatMap((text) => (text.match(/[A-Za-z][A-Za-z-]{3,}/g) ?? []).filter((w) => !TECHNICAL.has(w)).map((w) => `${m.where}: «${w}» in ${text}`)),
    );
    expect(wrong).toEqual([]);
  });

  it('writes no Kazakh letters in the Russian, and does not give the Russian sentence for the Kazakh (a shared word like «портал» aside)', () => {
    const wrong = MESSAGES.filter((m) => KAZAKH_ONLY.test(m.ru) || (m.kk === m.ru && (m.kk.match(/[а-яё]{4,}/gi) ?? []).length >= 2 && /[.!?]/.test(m.kk)));
    expect(wrong.map((m) => `${m.where}: ${m.kk} | ${m.ru}`)).toEqual([]);
  });
});
