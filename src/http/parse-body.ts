import type { z } from 'zod';
import { appError, type AppError } from '../app/app-error.js';
import { err, ok, type Result } from '../core/result.js';
import { issueText } from './validation-messages.js';

/** Validates a request body or query; the failure names each field with its reason, in every language. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): Result<z.infer<T>, AppError> {
  // The input is kept on each issue only to tell a missing field from a wrong one.
  const parsed = schema.safeParse(body ?? {}, { reportInput: true });
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues.map((i) => ({ where: i.path.join('.') || '—', text: issueText(i) }));
  const said = (lang: 'kk' | 'ru' | 'en') => issues.map((i) => `${i.where}: ${i.text[lang]}`).join('; ');
  return err(appError('invalid-input', `Сұраныс жарамсыз (${said('kk')}).`, `Некорректный запрос (${said('ru')}).`, `Invalid request (${said('en')}).`));
}
