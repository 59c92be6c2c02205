import { expect } from 'vitest';
import type { WiredDeps } from '../../src/compose/wire-app.js';
import type { TLanguage } from '../../src/core/regulation/schema.js';

/** The tables a request may write to: a rejected request must leave every one of them as it was. */
export const WRITTEN_TABLES = [
  'cases',
  'case_events',
  'case_offices',
  'idempotency_keys',
  'notifications',
  'registry_entries',
  'attachments',
  'users',
  'user_posts',
  'sessions',
  'api_tokens',
] as const;

/** Row counts of the written tables, in one string so two snapshots compare at a glance. */
export async function rowCounts(deps: WiredDeps): Promise<string> {
  const counts = await Promise.all(
    WRITTEN_TABLES.map(async (t) => `${t}=${Number((await deps.stores.db.all<{ n: number }>(`SELECT COUNT(*) AS n FROM ${t}`))[0]!.n)}`),
  );
  return counts.join(' ');
}

/** One answer as the fuzz tests see it. */
export interface FuzzAnswer {
  readonly statusCode: number;
  readonly headers: Record<string, unknown>;
  readonly body: string;
}

const LETTER = /\p{L}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
/** Words of libraries' English (zod, Fastify, Node, rate limiters) that must not reach a kk or ru reader. */
const LIBRARY_ENGLISH =
  /\b(expected|received|invalid|required|must|characters?|minutes?|seconds?|string|number|too (big|small|large|many)|bad request|client error|not found|unrecognized|boundary not found)\b/i;
/** What a message quotes back (an id, a value the user sent) is theirs, not the message's words. */
const QUOTED = /"[^"]*"|«[^»]*»/g;

/**
 * The properties every answer keeps: never a server error, and a refusal is JSON with a stable
 * code and a message that starts in the script of the asked language (Cyrillic for kk and ru,
 * Latin for en), so no framework English leaks to a Kazakh or Russian reader.
 */
export function expectHandled(answer: FuzzAnswer, lang: TLanguage, what: string): void {
  expect(answer.statusCode, `${what}: ${answer.body.slice(0, 300)}`).toBeLessThan(500);
  if (answer.statusCode < 400) return;
  expect(String(answer.headers['content-type'] ?? ''), what).toContain('application/json');
  const error = (JSON.parse(answer.body) as { error?: { code?: unknown; message?: unknown } }).error;
  expect(typeof error?.code, `${what}: ${answer.body}`).toBe('string');
  expect(typeof error?.message, `${what}: ${answer.body}`).toBe('string');
  const first = (error!.message as string).match(LETTER)?.[0] ?? '';
  expect(lang === 'en' ? LATIN.test(first) : CYRILLIC.test(first), `${what}: message not in ${lang}: ${error!.message as string}`).toBe(true);
  if (lang !== 'en') expect((error!.message as string).replace(QUOTED, ''), `${what}: English inside a ${lang} message`).not.toMatch(LIBRARY_ENGLISH);
}
