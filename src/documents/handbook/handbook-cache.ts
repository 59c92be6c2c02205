import { FiniteCache } from '../../core/cache/finite-cache.js';
import { LANGUAGES, type TLanguage, type TRegulation, type TText } from '../../core/regulation/schema.js';
import type { Result } from '../../core/result.js';
import { handbookOf, type Handbook } from './handbook-of.js';

/** The handbooks of a catalogue, each laid out once: one per regulation, variant (or none) and language. */
export interface HandbookCache {
  /** The handbook; an unknown variant answers the reason, and nothing of it is kept. */
  handbook(regulation: TRegulation, variant: string | undefined, lang: TLanguage): Promise<Result<Handbook, TText>>;
  /** The handbooks held, and the most there can be. */
  readonly size: number;
  readonly bound: number;
}

const keyOf = (regulationId: string, variant: string | undefined, lang: TLanguage) => `${regulationId}\u0000${variant ?? ''}\u0000${lang}`;

/** A handbook cache over the catalogue: its keys are only the catalogue's, so it is bounded however it is asked. */
export function handbookCache(regulations: readonly TRegulation[]): HandbookCache {
  const keys = new Set<string>();
  for (const r of regulations) {
    for (const variant of r.variants.length > 0 ? r.variants.map((v) => v.id) : [undefined]) for (const lang of LANGUAGES) keys.add(keyOf(r.id, variant, lang));
  }
  const cache = new FiniteCache<Promise<Result<Handbook, TText>>>(keys);
  return {
    handbook: (regulation, variant, lang) => cache.get(keyOf(regulation.id, variant, lang), () => handbookOf(regulation, variant, lang)),
    get size() {
      return cache.size;
    },
    get bound() {
      return cache.bound;
    },
  };
}
