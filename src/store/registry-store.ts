import type { RegistryRow } from './case-projection.js';

/** What a registry search asks for; every field narrows it. */
export interface RegistryQuery {
  /** Part of a number, a holder's IIN/BIN or name. */
  readonly text?: string;
  readonly kind?: string;
  readonly service?: string;
  readonly limit?: number;
}

/** The registries of issued results: certificates, licences, permits, conclusions, the Fund's database. */
export interface RegistryStore {
  /** The entry with this number. */
  find(number: string): Promise<RegistryRow | undefined>;
  /** Entries matching a query, newest first. */
  search(query: RegistryQuery): Promise<RegistryRow[]>;
  /** The reissues and duplicates of an entry, in order. */
  derivedFrom(number: string): Promise<RegistryRow[]>;
}
