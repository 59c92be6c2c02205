import type { TText } from '../core/regulation/schema.js';

/** The checks a verification reports, each on its own. */
export const CHECK_NAMES = ['integrity', 'chain', 'validity', 'revocation', 'key-usage', 'identity-match'] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

/** One check's verdict; a failed check carries the reason a portal shows, in kk/ru/en. */
export interface SignatureCheck {
  readonly name: CheckName;
  readonly ok: boolean;
  readonly reason?: TText;
}

/** A passed check. */
export function passed(name: CheckName): SignatureCheck {
  return { name, ok: true };
}

/** A failed check with its reason. */
export function failed(name: CheckName, reason: TText): SignatureCheck {
  return { name, ok: false, reason };
}

/** True when every check passed. */
export function allPassed(checks: readonly SignatureCheck[]): boolean {
  return checks.every((c) => c.ok);
}
