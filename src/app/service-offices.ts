import { centresOf, providerOfficesFor } from '../core/directory/offices-for-regulation.js';
import type { TOffice } from '../core/directory/directory-schema.js';
import type { TRegulation } from '../core/regulation/schema.js';
import type { AppDeps } from './app-deps.js';

/** Where a service may be applied for in person: the provider's offices, and the State Corporation's centres when it takes part. */
export interface ServiceOffices {
  readonly providerOffices: readonly TOffice[];
  readonly centres: readonly TOffice[];
}

/** The offices that provide a service, and the public service centres where its regulation gives the State Corporation a role. */
export function serviceOffices(deps: Pick<AppDeps, 'directory'>, regulation: TRegulation): ServiceOffices {
  const hasCentre = regulation.roles.some((r) => r.organisation === 'state-corporation');
  return { providerOffices: providerOfficesFor(deps.directory, regulation), centres: hasCentre ? centresOf(deps.directory) : [] };
}
