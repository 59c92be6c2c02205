import { actOnCase, type CaseAction } from '../src/app/act-on-case.js';
import type { AppDeps } from '../src/app/app-deps.js';
import type { Principal } from '../src/app/principal.js';
import { submitApplication } from '../src/app/submit-application.js';
import type { CaseState } from '../src/core/engine/case-model.js';
import { centresOf, providerOfficesFor } from '../src/core/directory/offices-for-regulation.js';
import { firstApplicableFrom } from '../src/core/regulation/planned-path.js';
import type { TChannel, TProcedure, TRegulation } from '../src/core/regulation/schema.js';
import type { Latencies } from './latency.js';
import { assignersOf, awaitsExecutor } from '../src/core/engine/duties.js';
import { nextDuty } from '../src/core/engine/next-duty.js';

/** One kind of application: a service, its variant and the channel it arrives by. */
export interface CaseKind {
  readonly regulation: TRegulation;
  readonly variant: string | undefined;
  readonly channel: TChannel;
}

/** A command the use cases refused although the script expected it to pass: the bench stops. */
export class DriveFailed extends Error {}

/** The demo people, signed in once: principals are read from the identity store as a session would give them. */
export class DemoPeople {
  private readonly principals = new Map<string, Principal>();

  constructor(private readonly deps: AppDeps) {}

  /** The principal of a demo login. */
  async of(login: string): Promise<Principal> {
    const known = this.principals.get(login);
    if (known) return known;
    const found = await this.deps.stores.identity.userByLogin(login);
    if (!found) throw new DriveFailed(`no demo user ${login}`);
    const { passwordHash: _, ...user } = found;
    const principal = { user, posts: await this.deps.stores.identity.postsOf(user.id) };
    this.principals.set(login, principal);
    return principal;
  }

  /** The demo login holding a role at an office (any office when none is named). */
  holderOf(officeId: string | undefined, role: string): string {
    const user = this.deps.directory.demoUsers.find((u) => u.roles.some((r) => r.role === role && (officeId === undefined || r.office === officeId)));
    if (!user) throw new DriveFailed(`no demo user is ${role} at ${officeId}`);
    return user.login;
  }
}

// The demo applicant of each service, as the simulation uses them: an individual where the
// regulation accepts one, else the legal entity the service concerns.
const LEGAL_ENTITY_OF: Record<string, string> = {
  'organ-tissue-import-export-licence': 'importer.biotransplant',
  'hsc-sample-import-export-conclusion': 'importer.biotransplant',
  'clinical-research-permit': 'research.centre',
  'assessment-entity-accreditation': 'assessor.sapa',
};

function applicantOf(regulation: TRegulation): { login: string; as: 'individual' | 'legal-entity' } {
  if (regulation.applicants.includes('individual')) return { login: 'doctor.askar', as: 'individual' };
  return { login: LEGAL_ENTITY_OF[regulation.id] ?? 'clinic.shipager', as: 'legal-entity' };
}

/**
 * Drives one application from submission to its result through the application's use cases
 * (`submitApplication`, `actOnCase`), as the demo person holding each step's role at the step's
 * office, taking every step's planned outcome. Each command is timed into `latencies`; resolves
 * to the final state and how many commands (transitions) it took. `observe` sees each step as it
 * waits, with the login that acts on it.
 */
export async function driveCase(
  deps: AppDeps,
  people: DemoPeople,
  kind: CaseKind,
  latencies: Latencies,
  observe?: (step: NonNullable<CaseState['step']>, actorLogin: string) => void,
): Promise<{ state: CaseState; transitions: number }> {
  const { regulation, variant, channel } = kind;
  const providerOfficeId = providerOfficesFor(deps.directory, regulation)[0]?.id;
  const centreOfficeId = channel === 'state-corporation' ? centresOf(deps.directory)[0]?.id : undefined;
  const applicant = applicantOf(regulation);
  const applicantUser = deps.directory.demoUsers.find((u) => u.login === applicant.login)!;
  let submitter = applicant.login;
  if (channel !== 'portal') {
    const first = firstApplicableFrom(regulation, 0, variant, channel)!;
    const role = regulation.roles.find((r) => r.id === first.actor)!;
    submitter = people.holderOf(role.organisation === 'state-corporation' ? centreOfficeId : providerOfficeId, first.actor);
  }
  const submitted = await latencies.time(async () =>
    submitApplication(deps, await people.of(submitter), {
      service: regulation.id,
      ...(variant !== undefined ? { variant } : {}),
      channel,
      ...(providerOfficeId ? { providerOfficeId } : {}),
      ...(centreOfficeId ? { centreOfficeId } : {}),
      ...(channel === 'portal'
        ? { as: applicant.as }
        : { applicant: applicant.as === 'legal-entity' ? { bin: applicantUser.bin! } : { iin: applicantUser.iin! } }),
    }),
  );
  if (!submitted.ok) throw new DriveFailed(`submit ${regulation.id}: ${submitted.error.code} ${JSON.stringify(submitted.error.message)}`);
  let state = submitted.value;
  let transitions = 1;
  const act = async (login: string, action: CaseAction) => {
    const principal = await people.of(login);
    const ran = await latencies.time(() => actOnCase(deps, principal, state.id, action));
    if (!ran.ok) throw new DriveFailed(`${action.type} on ${state.id} (${regulation.id}) as ${login}: ${ran.error.code} ${JSON.stringify(ran.error.message)}`);
    state = ran.value;
    transitions++;
  };

  for (let guard = 0; state.step && guard < 100; guard++) {
    const step = state.step;
    const procedure = regulation.procedures.find((p) => p.id === step.procedureId)!;
    const officeOf = (role: string) => state.offices[regulation.roles.find((r) => r.id === role)?.organisation ?? 'provider'];
    const duty = nextDuty(state, regulation)!;
    const actor = people.holderOf(officeOf(duty.role), duty.role);
    observe?.(step, actor);
    if (awaitsExecutor(state, regulation)) {
      // Whoever the definition has name the executor (a department head) assigns.
      const assigner = assignersOf(regulation, procedure).find((r) =>
        deps.directory.demoUsers.some((u) => u.roles.some((p) => p.role === r && p.office === officeOf(r))),
      );
      if (assigner) await act(people.holderOf(officeOf(assigner), assigner), { type: 'assign', assignee: people.holderOf(step.officeId, step.role) });
    }
    const outcome = procedure.outcomes?.[0];
    await act(
      actor,
      (duty.command === 'agree'
        ? { type: 'agree', procedureId: procedure.id, agreed: true }
        : { type: duty.command, procedureId: procedure.id, ...(outcome ? { outcome: outcome.id } : {}) }) as CaseAction,
    );
  }
  return { state, transitions };
}
