/** A registry entry: a positive result, findable by its number. */
export interface RegistryRow {
  readonly number: string;
  readonly kind: string;
  readonly service: string;
  readonly variant: string | null;
  readonly caseId: string;
  readonly officeId: string;
  readonly holderIdentifier: string | null;
  readonly holderName: string | null;
  readonly issuedAt: number;
  readonly baseNumber: string | null;
  /** The hash of the history entry that issued it: the link from the registry into the case file. */
  readonly finalHash: string;
}

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
