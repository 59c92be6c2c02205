import type { z } from 'zod';
import { appError, type AppError } from '../app/app-error.js';
import { err, ok, type Result } from '../core/result.js';

/** Validates a request body; the failure names the field, with the reason in the schema's words. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): Result<z.infer<T>, AppError> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return ok(parsed.data);
  const where = parsed.error.issues.map((i) => `${i.path.join('.') || '—'}: ${i.message}`).join('; ');
  return err(appError('invalid-input', `Сұраныс жарамсыз (${where}).`, `Некорректный запрос (${where}).`, `Invalid request (${where}).`));
}
