import type { TCollectiveBody } from './collective-body.js';
import type { TDirectory } from './directory-schema.js';

/** Finds the commission or council standing for a collective-body role at an office. */
export function bodyAt(directory: Pick<TDirectory, 'bodies'>): (role: string, officeId: string | undefined) => TCollectiveBody | undefined {
  return (role, officeId) => directory.bodies.find((b) => b.role === role && b.office === officeId);
}
