import { allowedCommands, type AllowedCommand } from '../core/engine/allowed-commands.js';
import type { CaseState } from '../core/engine/case-model.js';
import { regulationOf, type AppDeps } from './app-deps.js';
import { actorForCase, type Principal } from './principal.js';

/**
 * Whether the engine would take a command of this type from the person now: what a use case asks
 * before it looks at what the command carries (a signature, minutes, an assignee), so that someone
 * who may not give the command is refused for who they are, not for what they sent.
 */
export function mayDo(deps: AppDeps, state: CaseState, principal: Principal, type: AllowedCommand['type']): boolean {
  const regulation = regulationOf(deps, state.service);
  if (!regulation) return false;
  const actor = actorForCase(principal, state);
  return allowedCommands(state, { regulation, clockFor: deps.clockFor, policy: deps.policy, now: deps.now(), actor }).some((c) => c.type === type);
}
