import type { TRegulation } from '../regulation/schema.js';
import type { TDirectory, TOffice, TOrganisationKind } from './directory-schema.js';

/** The part of the directory that says which offices exist and whose they are. */
export type OfficeDirectory = Pick<TDirectory, 'organisations' | 'offices'>;

/** The offices whose organisation acts as the regulation's provider (its `provider.id`), in directory order. */
export function providerOfficesFor(directory: OfficeDirectory, regulation: Pick<TRegulation, 'provider'>): TOffice[] {
  const providers = new Set(directory.organisations.filter((o) => o.provides.includes(regulation.provider.id)).map((o) => o.id));
  return directory.offices.filter((office) => providers.has(office.organisation));
}

/** The offices of every organisation of one kind, in directory order. */
export function officesOfKind(directory: OfficeDirectory, kind: TOrganisationKind): TOffice[] {
  const ofKind = new Set(directory.organisations.filter((o) => o.kind === kind).map((o) => o.id));
  return directory.offices.filter((office) => ofKind.has(office.organisation));
}

/** The State Corporation's public service centres (ХҚКО / ЦОН). */
export function centresOf(directory: OfficeDirectory): TOffice[] {
  return officesOfKind(directory, 'state-corporation');
}
