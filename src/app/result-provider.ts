import type { TDirectory, TOrganisation } from '../core/directory/directory-schema.js';

/** The organisation whose office handled a case: the one that issues, and seals, its result. */
export function providerOrganisationOf(directory: TDirectory, officeId: string): TOrganisation | undefined {
  const organisation = directory.offices.find((o) => o.id === officeId)?.organisation;
  return organisation === undefined ? undefined : directory.organisations.find((o) => o.id === organisation);
}
