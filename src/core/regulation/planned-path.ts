import { FiniteCache } from '../cache/finite-cache.js';
import { err, ok, type Result } from '../result.js';
import { CHANNELS, type TChannel, type TProcedure, type TRegulation } from './schema.js';

/** Anything that may be limited to some variants and channels. */
export interface Scoped {
  readonly variants?: readonly string[] | undefined;
  readonly channels?: readonly TChannel[] | undefined;
}

/** Whether an item belongs to a variant (undefined: the regulation has none) and channel. */
export function appliesTo(item: Scoped, variant: string | undefined, channel: TChannel): boolean {
  const variantOk = !item.variants || variant === undefined || item.variants.includes(variant);
  const channelOk = !item.channels || item.channels.includes(channel);
  return variantOk && channelOk;
}

/** Why a variant or channel was not accepted. */
export type SelectionError =
  | { readonly code: 'unknown-variant'; readonly variant: string; readonly known: readonly string[] }
  | { readonly code: 'variant-required'; readonly known: readonly string[] }
  | { readonly code: 'unknown-channel'; readonly channel: string; readonly known: readonly TChannel[] }
  | { readonly code: 'no-procedures' };

/** Checks a requested variant and channel against a regulation; defaults the channel to the first. */
export function selectVariantAndChannel(
  regulation: TRegulation,
  variant: string | undefined,
  channel: string | undefined,
): Result<{ variant: string | undefined; channel: TChannel }, SelectionError> {
  const known = regulation.variants.map((v) => v.id);
  if (variant !== undefined && !known.includes(variant)) return err({ code: 'unknown-variant', variant, known });
  if (variant === undefined && known.length > 0) return err({ code: 'variant-required', known });
  const chosen = (channel ?? regulation.channels[0]) as TChannel;
  if (!regulation.channels.includes(chosen)) {
    return err({ code: 'unknown-channel', channel: String(channel), known: regulation.channels });
  }
  return ok({ variant, channel: chosen });
}

/** The first procedure at or after an index that applies to the variant and channel. */
export function firstApplicableFrom(regulation: TRegulation, index: number, variant: string | undefined, channel: TChannel): TProcedure | undefined {
  return regulation.procedures.slice(index).find((p) => appliesTo(p, variant, channel));
}

/**
 * Where an outcome (or, without outcomes, the end of a procedure) leads: the named procedure, or
 * the next one after it that applies; undefined at the end.
 */
export function procedureAfter(
  regulation: TRegulation,
  procedure: TProcedure,
  outcomeId: string | undefined,
  variant: string | undefined,
  channel: TChannel,
): TProcedure | undefined {
  const outcome = outcomeId === undefined ? procedure.outcomes?.[0] : procedure.outcomes?.find((o) => o.id === outcomeId);
  if (!outcome) return firstApplicableFrom(regulation, regulation.procedures.indexOf(procedure) + 1, variant, channel);
  if (outcome.next === 'end') return undefined;
  const target = regulation.procedures.findIndex((p) => p.id === outcome.next);
  return target < 0 ? undefined : firstApplicableFrom(regulation, target, variant, channel);
}

// Definitions are immutable once loaded, so a path is worked out once per regulation, variant and
// channel; only the regulation's own variants and channels are kept, whatever a request names.
const pathCache = new WeakMap<TRegulation, FiniteCache<readonly TProcedure[]>>();
const pathKey = (variant: string | undefined, channel: string) => `${variant ?? ''}\u0000${channel}`;

function pathsOf(regulation: TRegulation): FiniteCache<readonly TProcedure[]> {
  let paths = pathCache.get(regulation);
  if (!paths) {
    const keys = new Set<string>();
    for (const variant of [undefined, ...regulation.variants.map((v) => v.id)]) for (const channel of CHANNELS) keys.add(pathKey(variant, channel));
    pathCache.set(regulation, (paths = new FiniteCache(keys)));
  }
  return paths;
}

/** The planned (happy) path: the first applicable procedure, then each first outcome. */
export function plannedPath(regulation: TRegulation, variant: string | undefined, channel: TChannel): TProcedure[] {
  return [...pathsOf(regulation).get(pathKey(variant, channel), () => walkPlannedPath(regulation, variant, channel))];
}

/** How many planned paths of a regulation are kept, and the most there can be. */
export function plannedPathsKept(regulation: TRegulation): { readonly size: number; readonly bound: number } {
  const paths = pathsOf(regulation);
  return { size: paths.size, bound: paths.bound };
}

function walkPlannedPath(regulation: TRegulation, variant: string | undefined, channel: TChannel): TProcedure[] {
  const path: TProcedure[] = [];
  let current = firstApplicableFrom(regulation, 0, variant, channel);
  while (current && !path.includes(current)) {
    path.push(current);
    current = procedureAfter(regulation, current, undefined, variant, channel);
  }
  return path;
}
