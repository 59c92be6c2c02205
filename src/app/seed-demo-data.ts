import type { AppDeps } from './app-deps.js';

/** Creates the directory's demo accounts on an empty database; does nothing when anyone exists. Resolves to how many were made. */
export async function seedDemoData(deps: AppDeps): Promise<number> {
  const { identity } = deps.stores;
  if ((await identity.countUsers()) > 0) return 0;
  // One hash serves every account: they share the demo password, and argon2 is slow on purpose.
  const hash = await deps.passwords.hash(deps.directory.demoPassword);
  for (const u of deps.directory.demoUsers) {
    try {
      await identity.createUser(
        { id: u.login, login: u.login, name: u.name, kind: u.kind, iin: u.iin ?? null, bin: u.bin ?? null },
        hash,
        u.roles.map((r) => ({ officeId: r.office, role: r.role })),
        deps.now(),
      );
    } catch (e) {
      // Another server process sharing the database is seeding at the same moment: leave it to it.
      if (deps.stores.isUniqueViolation(e)) return 0;
      throw e;
    }
  }
  return deps.directory.demoUsers.length;
}
