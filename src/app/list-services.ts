import type { TChannel, TText } from '../core/regulation/schema.js';
import type { AppDeps } from './app-deps.js';

/** A service as one line of the catalogue. */
export interface ServiceLine {
  readonly id: string;
  readonly title: TText;
  readonly provider: TText;
  readonly channels: readonly TChannel[];
  readonly variants: readonly { readonly id: string; readonly title: TText }[];
  readonly applicants: readonly string[];
  /** Why the service is no longer provided, when its regulation was repealed. */
  readonly repeal: TText | null;
}

/** Every service of the catalogue, one line each. */
export function listServices(deps: Pick<AppDeps, 'regulations'>): ServiceLine[] {
  return deps.regulations.map((r) => ({
    id: r.id,
    title: r.title,
    provider: r.provider.title,
    channels: r.channels,
    variants: r.variants.map((v) => ({ id: v.id, title: v.title })),
    applicants: r.applicants,
    repeal: r.repeal?.notice ?? null,
  }));
}
