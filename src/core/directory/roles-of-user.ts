import type { TDemoUser } from './directory-schema.js';

/** The roles a person holds at one office; none for an applicant, whatever the data says. */
export function staffRolesAt(user: Pick<TDemoUser, 'kind' | 'roles'>, officeId: string): string[] {
  if (user.kind !== 'staff') return [];
  return [...new Set(user.roles.filter((r) => r.office === officeId).map((r) => r.role))];
}

/**
 * Whether a person may act in a role at an office. Role ids are shared by the regulations of one
 * provider, so the clerk of an office is the clerk for every service that office provides.
 */
export function mayActAs(user: Pick<TDemoUser, 'kind' | 'roles'>, roleId: string, officeId: string): boolean {
  return staffRolesAt(user, officeId).includes(roleId);
}
