/**
 * A memo whose keys come from a finite set fixed when it is made, such as the catalogue's
 * regulations, variants and languages. A key outside the set is worked out each time and never
 * kept, so no request, however many or odd, grows it beyond `bound`.
 */
export class FiniteCache<V> {
  private readonly values = new Map<string, V>();

  constructor(private readonly keys: ReadonlySet<string>) {}

  /** The most entries it can ever hold. */
  get bound(): number {
    return this.keys.size;
  }

  /** The entries it holds now. */
  get size(): number {
    return this.values.size;
  }

  /** The value for a key: made once for a key of the set, made afresh (and dropped) for any other. */
  get(key: string, make: () => V): V {
    if (!this.keys.has(key)) return make();
    let value = this.values.get(key);
    if (value === undefined) this.values.set(key, (value = make()));
    return value;
  }
}
