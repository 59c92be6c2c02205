import { LEADING_ROLE_KINDS, type TRegulation, type TRoleKind } from '../core/regulation/schema.js';
import type { AppDeps } from './app-deps.js';
import type { Principal } from './principal.js';

/** Posts of the directory that oversee an office's figures without leading it (they are no role of any regulation). */
const OVERSIGHT_ROLES: ReadonlySet<string> = new Set(['auditor', 'supervisor']);

/** The role ids the catalogue gives a kind of, for any of its regulations. */
function roleIdsOfKinds(regulations: readonly TRegulation[], kinds: ReadonlySet<TRoleKind>): ReadonlySet<string> {
  return new Set(regulations.flatMap((r) => r.roles.filter((role) => kinds.has(role.kind)).map((role) => role.id)));
}

/** The offices where the person holds a leading post (by the role's kind, never its name). */
export function officesLed(deps: Pick<AppDeps, 'regulations'>, principal: Principal): string[] {
  const leading = roleIdsOfKinds(deps.regulations, LEADING_ROLE_KINDS);
  return [...new Set(principal.posts.filter((p) => leading.has(p.role)).map((p) => p.officeId))];
}

/** The offices whose dashboard the person sees: those they lead, and those they oversee. */
export function officesOverseen(deps: Pick<AppDeps, 'regulations'>, principal: Principal): string[] {
  const leading = roleIdsOfKinds(deps.regulations, LEADING_ROLE_KINDS);
  return [...new Set(principal.posts.filter((p) => leading.has(p.role) || OVERSIGHT_ROLES.has(p.role)).map((p) => p.officeId))];
}

/** What the person's posts open to them in the web application. */
export function capabilitiesOf(deps: Pick<AppDeps, 'regulations'>, principal: Principal) {
  // The counter is the State Corporation's: its operators lodge packages there.
  const centreOperators = new Set(
    deps.regulations.flatMap((r) => r.roles.filter((x) => x.kind === 'operator' && x.organisation === 'state-corporation').map((x) => x.id)),
  );
  return {
    leads: officesLed(deps, principal).length > 0,
    oversees: officesOverseen(deps, principal).length > 0,
    counter: principal.posts.some((p) => centreOperators.has(p.role)),
  };
}
