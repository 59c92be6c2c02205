import { z } from 'zod';

/** A zod schema as JSON Schema for the OpenAPI document; requests are validated by zod itself, in the user's language. */
export function bodySchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return json;
}
