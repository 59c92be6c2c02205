/**
 * What never reaches the logs: credentials and session cookies in requests and answers. One list,
 * given to the logger as pino redaction paths; add to it here (e.g. fields holding IIN/BIN).
 */
export const LOG_REDACTION_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'password',
  '*.password',
  'token',
  '*.token',
];

/** What a redacted value is replaced with. */
export const LOG_REDACTION_CENSOR = '[redacted]';
