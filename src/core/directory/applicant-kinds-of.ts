import type { TApplicantKind, TDemoUser } from './directory-schema.js';

/**
 * What a demo applicant applies as: as listed, or else as the legal entity whose BIN they hold,
 * or as an individual. An individual entrepreneur is identified by their own IIN (they have no
 * BIN), so only the data can say that someone is one.
 */
export function applicantKindsOf(user: Pick<TDemoUser, 'kind' | 'bin' | 'applicantKinds'>): TApplicantKind[] {
  if (user.kind !== 'applicant') return [];
  if (user.applicantKinds) return [...user.applicantKinds];
  return user.bin ? ['legal-entity'] : ['individual'];
}
