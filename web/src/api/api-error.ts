/** A refusal from the API: its stable code and the message the server wrote in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Reads the API's error body ({ error: { code, message } }), or makes one from the status. */
export function apiErrorOf(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (error && typeof error === 'object' && typeof error.code === 'string') {
    return new ApiError(status, error.code, typeof error.message === 'string' ? error.message : error.code, error.details);
  }
  // Fastify's own refusals carry { code, message } at the top level.
  const flat = body as { code?: unknown; message?: unknown } | null;
  return new ApiError(
    status,
    typeof flat?.code === 'string' ? flat.code : `http-${status}`,
    typeof flat?.message === 'string' ? flat.message : `HTTP ${status}`,
  );
}
