import type { TDirectory } from './directory-schema.js';

/** A reference in the directory that points nowhere, or an id used twice, with a message for whoever edits the data. */
export interface DirectoryProblem {
  /** The part of the directory it is in, which names the file it came from. */
  readonly part: 'organisations' | 'offices' | 'bodies' | 'demoUsers';
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Lists what the schema cannot see: duplicate ids, and references to organisations, offices and schedules that do not exist. */
export function directoryProblems(directory: TDirectory, scheduleIds: Iterable<string>): DirectoryProblem[] {
  const problems: DirectoryProblem[] = [];
  const schedules = new Set(scheduleIds);
  const organisations = new Set<string>();
  const offices = new Set<string>();
  const logins = new Set<string>();
  const iins = new Map<string, string>();

  directory.organisations.forEach((o, i) => {
    if (organisations.has(o.id)) problems.push({ part: 'organisations', path: [i, 'id'], message: `organisation id ${o.id} is used twice` });
    organisations.add(o.id);
  });
  directory.organisations.forEach((o, i) => {
    if (o.parent === undefined) return;
    if (o.parent === o.id) problems.push({ part: 'organisations', path: [i, 'parent'], message: 'an organisation cannot be its own parent' });
    else if (!organisations.has(o.parent)) problems.push({ part: 'organisations', path: [i, 'parent'], message: `unknown organisation ${o.parent}` });
  });

  directory.offices.forEach((office, i) => {
    if (offices.has(office.id)) problems.push({ part: 'offices', path: [i, 'id'], message: `office id ${office.id} is used twice` });
    offices.add(office.id);
    if (!organisations.has(office.organisation))
      problems.push({ part: 'offices', path: [i, 'organisation'], message: `unknown organisation ${office.organisation}` });
    if (!schedules.has(office.schedule)) problems.push({ part: 'offices', path: [i, 'schedule'], message: `unknown office schedule ${office.schedule}` });
  });

  directory.demoUsers.forEach((user, i) => {
    if (logins.has(user.login)) problems.push({ part: 'demoUsers', path: [i, 'login'], message: `login ${user.login} is used twice` });
    logins.add(user.login);
    // One IIN is one person: the gateway would confirm the same name for both accounts.
    if (user.iin !== undefined) {
      const other = iins.get(user.iin);
      if (other !== undefined) problems.push({ part: 'demoUsers', path: [i, 'iin'], message: `IIN ${user.iin} is already ${other}'s` });
      else iins.set(user.iin, user.login);
    }
    user.roles.forEach((r, j) => {
      if (!offices.has(r.office)) problems.push({ part: 'demoUsers', path: [i, 'roles', j, 'office'], message: `unknown office ${r.office}` });
    });
  });
  const bodies = new Set<string>();
  directory.bodies.forEach((body, i) => {
    if (!offices.has(body.office)) problems.push({ part: 'bodies', path: [i, 'office'], message: `unknown office ${body.office}` });
    const key = `${body.office}/${body.role}`;
    if (bodies.has(key)) problems.push({ part: 'bodies', path: [i, 'role'], message: `${body.role} at ${body.office} is listed twice` });
    bodies.add(key);
    body.members.forEach((m, j) => {
      if (m.login !== undefined && !logins.has(m.login))
        problems.push({ part: 'bodies', path: [i, 'members', j, 'login'], message: `unknown login ${m.login}` });
    });
  });
  return problems;
}
