// @peculiar/x509 resolves its algorithm providers through tsyringe, which refuses to load unless
// the Reflect metadata API exists. Its providers take no constructor parameters, so an API that
// stores and returns metadata per object and key is all it needs; no polyfill package is installed.
// Import this module before @peculiar/x509.

type MetadataStore = WeakMap<object, Map<unknown, Map<string | symbol | undefined, unknown>>>;
const store: MetadataStore = new WeakMap();

function slot(target: object, property: string | symbol | undefined, create: boolean): Map<unknown, unknown> | undefined {
  let byProperty = store.get(target);
  if (!byProperty && create) store.set(target, (byProperty = new Map()));
  let byKey = byProperty?.get(property) as Map<unknown, unknown> | undefined;
  if (!byKey && create && byProperty) byProperty.set(property, (byKey = new Map() as never));
  return byKey;
}

const api = {
  defineMetadata(key: unknown, value: unknown, target: object, property?: string | symbol): void {
    slot(target, property, true)!.set(key, value);
  },
  getOwnMetadata(key: unknown, target: object, property?: string | symbol): unknown {
    return slot(target, property, false)?.get(key);
  },
  getMetadata(key: unknown, target: object, property?: string | symbol): unknown {
    for (let o: object | null = target; o; o = Object.getPrototypeOf(o)) {
      const found = slot(o, property, false);
      if (found?.has(key)) return found.get(key);
    }
    return undefined;
  },
  metadata(key: unknown, value: unknown) {
    return (target: object, property?: string | symbol) => api.defineMetadata(key, value, target, property);
  },
};

const reflect = Reflect as unknown as Record<string, unknown>;
for (const [name, fn] of Object.entries(api)) if (typeof reflect[name] !== 'function') reflect[name] = fn;
