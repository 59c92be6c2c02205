import { applicantKindsOf } from '../../core/directory/applicant-kinds-of.js';
import type { TDirectory } from '../../core/directory/directory-schema.js';
import type { TRegulation } from '../../core/regulation/schema.js';

/** A legal entity as the state register (here: the gateway simulator's fictional data) names it. */
export interface NamedEntity {
  readonly bin: string;
  readonly name: { readonly kk: string };
}

/** A demo applicant for a sample: the account, the IIN or BIN, and the name the documents carry. */
export interface SampleApplicant {
  readonly login: string;
  readonly identifier: string;
  readonly name: string;
}

/**
 * The demo applicant of a service: an individual where the regulation accepts one, else the
 * representative of a legal entity, named as the entity (the result is the entity's).
 */
export function sampleApplicant(
  regulation: TRegulation,
  directory: Pick<TDirectory, 'demoUsers'>,
  entities: readonly NamedEntity[],
): SampleApplicant | undefined {
  const applicants = directory.demoUsers.filter((u) => u.kind === 'applicant' && u.iin);
  for (const wanted of regulation.applicants) {
    const user = applicants.find((u) => applicantKindsOf(u).includes(wanted));
    if (!user) continue;
    if (wanted === 'legal-entity' && user.bin) {
      return { login: user.login, identifier: user.bin, name: entities.find((e) => e.bin === user.bin)?.name.kk ?? user.name };
    }
    return { login: user.login, identifier: user.iin!, name: user.name };
  }
  return undefined;
}
