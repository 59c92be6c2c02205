import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveCaseOffices } from '../src/core/directory/case-offices.js';
import type { CaseState } from '../src/core/engine/case-model.js';
import { completingCommand } from '../src/core/engine/completing-command.js';
import { bodyAt } from '../src/core/directory/body-at.js';
import { demonstrationMeeting } from '../src/core/meeting/demonstration-meeting.js';
import { firstApplicableFrom, procedureAfter } from '../src/core/regulation/planned-path.js';
import {
  LEADING_ROLE_KINDS,
  NEGATIVE_RESULT_KINDS,
  type TAgreement,
  type TChannel,
  type TOutcome,
  type TProcedure,
  type TRegulation,
} from '../src/core/regulation/schema.js';
import type { ApiResponse } from '../src/http/api-client.js';
import type { Post } from '../src/app/ports/case-store.js';
import { DATABASES, startTestApp } from './support/test-app.js';

// The authorisation matrix: every action as every role, on a case of every service, at the step
// where the action is legitimate for its right actor, held against the written policy
// (docs/authorization-policy.md, the one source of truth). Who holds which duty is read here from
// the definition's own fields (actor, participants, assigner, signers, agreement, role kinds),
// restating the policy: nothing is taken from the engine but the rule of which command completes
// a procedure (completing-command.ts).

const ROLES = [
  'applicant',
  'another applicant',
  'clerk',
  'executor',
  'another executor',
  'department head',
  'head',
  'commission secretary',
  'council member',
  'State Corporation operator',
  'Fund staff',
  'auditor',
  'administrator',
  'anonymous',
] as const;
const ACTIONS = [
  'submit',
  'register',
  'assign',
  'complete-step',
  'record-meeting',
  'refuse',
  'agree',
  'suspend',
  'resume',
  'sign',
  'deliver',
  'withdraw',
  'view case',
  'view attachments',
  'receipt',
  'inbox',
  'office cases',
  'cabinet',
] as const;
const RULES = [
  'step',
  'meeting',
  'signer',
  'assigner',
  'performer',
  'agreer',
  'step-team',
  'own',
  'involved',
  'portal',
  'first-step',
  'signed-in',
  'leads',
  'applicant',
  '—',
] as const;
type Role = (typeof ROLES)[number];
type Action = (typeof ACTIONS)[number];
type Rule = (typeof RULES)[number];
const STEP_ACTIONS = ['register', 'complete-step', 'sign', 'deliver'] as const;
type StepAction = (typeof STEP_ACTIONS)[number];
const CLOSED = ['satisfied', 'refused', 'withdrawn'];

/** Reads the policy table between its markers. */
function readPolicy(): Map<Action, Map<Role, Rule>> {
  const doc = readFileSync(new URL('../docs/authorization-policy.md', import.meta.url), 'utf8');
  const table = /<!-- policy-table:start -->\n([\s\S]*?)<!-- policy-table:end -->/.exec(doc)?.[1];
  if (!table) throw new Error('docs/authorization-policy.md has no policy table');
  const rows = table
    .trim()
    .split('\n')
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
  const [header, , ...body] = rows;
  expect(header!.slice(1)).toEqual([...ROLES]);
  expect(body.map((r) => r[0])).toEqual([...ACTIONS]);
  const policy = new Map<Action, Map<Role, Rule>>();
  for (const row of body) {
    const cells = new Map<Role, Rule>();
    ROLES.forEach((role, i) => {
      const rule = row[i + 1] as Rule;
      if (!RULES.includes(rule)) throw new Error(`unknown rule "${rule}" for ${row[0]} / ${role}`);
      cells.set(role, rule);
    });
    policy.set(row[0] as Action, cells);
  }
  return policy;
}

/** Leading posts, by the post's role id, as the office's list of cases recognises them. */
const LEADING = /^(head|department-head|leadership|branch-head|fund-head|council-chair)$/;
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');

// The policy's reading of a definition (the `assigner`, `signer`, `performer` and `agreer` rules),
// in the words of the definition language: role kinds that lead (where a regulation names no
// assigner, they name the executor) and result kinds that refuse (an outcome deciding one is what
// a refusal takes) are the schema's.
const LEADING_KINDS: ReadonlySet<string> = LEADING_ROLE_KINDS;
const NEGATIVE_RESULTS: ReadonlySet<string> = NEGATIVE_RESULT_KINDS;

const signersAt = (procedure: TProcedure): readonly string[] => procedure.signers ?? [procedure.actor];
const refusingOutcomeAt = (procedure: TProcedure): TOutcome | undefined =>
  procedure.outcomes?.find((o) => o.decides !== undefined && NEGATIVE_RESULTS.has(o.decides));
const agreementFor = (procedure: TProcedure, outcomeId: string | undefined): TAgreement | undefined =>
  procedure.outcomes?.find((o) => o.id === outcomeId)?.agreement ?? procedure.agreement;
/** A responsible executor's role: one of kind executor, whatever its id (bound to its assignee once someone is named in it). */
const isExecutorKind = (regulation: TRegulation, roleId: string) => regulation.roles.find((r) => r.id === roleId)?.kind === 'executor';
function assignersAt(regulation: TRegulation, procedure: TProcedure): readonly string[] {
  if (procedure.assigner) return [procedure.assigner];
  const named = [...new Set(regulation.procedures.flatMap((p) => (p.assigner ? [p.assigner] : [])))];
  if (named.length > 0) return named;
  return [procedure.actor, ...(procedure.participants ?? [])].filter((r) => LEADING_KINDS.has(regulation.roles.find((x) => x.id === r)?.kind ?? ''));
}

/** A person trying an action: who they are to the policy, and their account (none when anonymous). */
interface Person {
  readonly role: Role | 'right actor';
  readonly login: string | undefined;
  readonly kind: 'staff' | 'applicant' | undefined;
  readonly posts: readonly Post[];
}

const holds = (p: Person, officeId: string | undefined, role: string) => p.posts.some((post) => post.officeId === officeId && post.role === role);

/** The office a regulation's role works in for this case: its organisation's office. */
const officeOfRole = (regulation: TRegulation, state: CaseState, roleId: string) =>
  state.offices[regulation.roles.find((r) => r.id === roleId)?.organisation ?? 'provider'];

/** Whether the person sees the case at all (else the answer is 404). */
const seesCase = (p: Person, state: CaseState) =>
  p.kind === 'applicant' ? state.applicantId === p.login : p.kind === 'staff' && p.posts.some((post) => Object.values(state.offices).includes(post.officeId));

/**
 * Whose turn it is at the case's current procedure: while a decision awaits agreement, the next
 * agreeing role; at a procedure completed by signing, the next signer; else its performer (`actor`).
 */
function turnAt(regulation: TRegulation, state: CaseState): string | undefined {
  const step = state.step;
  const procedure = step ? regulation.procedures.find((x) => x.id === step.procedureId) : undefined;
  if (!step || !procedure) return undefined;
  if (step.proposal) return agreementFor(procedure, step.proposal.outcome)?.by[step.proposal.agreedBy.length];
  if (completingCommand(procedure) === 'sign') return signersAt(procedure)[step.signatures?.length ?? 0];
  return performerOf(procedure);
}

/** Who completes a procedure that is not signed: the keeper of the minutes where a meeting decides it, else its `actor`. */
const performerOf = (procedure: TProcedure) => procedure.meeting?.recordedBy ?? procedure.actor;

/** Whether the case's naming binds this role: someone is named, in this role (a naming that records no role binds every executor-kind role). */
const boundTo = (state: CaseState, role: string) => state.assignee !== undefined && (state.assigneeRole === undefined || state.assigneeRole === role);

/** An executor-kind role's work is its assignee's alone once someone is named in that role; any other role's is its holders'. */
const ownWork = (regulation: TRegulation, state: CaseState, p: Person, role: string) =>
  !isExecutorKind(regulation, role) || !boundTo(state, role) || state.assignee === p.login;

/** Whom the inbox lists a case to: whoever's turn it is (that role, in its office), an executor-kind role only on a case not bound to another in that role. */
function inboxLists(regulation: TRegulation, state: CaseState, p: Person): boolean {
  const turn = turnAt(regulation, state);
  if (turn === undefined || p.login === undefined) return false;
  return holds(p, officeOfRole(regulation, state, turn), turn) && ownWork(regulation, state, p, turn);
}

interface Attempt {
  readonly regulation: TRegulation;
  readonly state?: CaseState;
  readonly action: Action;
  readonly procedureId?: string;
  /** assign: whom, and the executors of the case (holders of its executor-kind roles). */
  readonly assignee?: string;
  readonly executors?: readonly string[];
  /** agree: the answer and its reason. */
  readonly agreed?: boolean;
  readonly reason?: string;
  readonly submitOffice?: string;
  readonly firstRole?: string;
  readonly channel?: TChannel;
}

/** What the policy's rule says about this person, this case and this attempt. */
function permitted(rule: Rule, p: Person, ctx: Attempt): boolean {
  const { regulation, state } = ctx;
  const step = state?.step ?? null;
  const procedure = step ? regulation.procedures.find((x) => x.id === step.procedureId) : undefined;
  const open = state !== undefined && step !== null && !CLOSED.includes(state.status);
  const running = open && state!.status !== 'suspended';
  const proposal = step?.proposal;
  const holdsRole = (role: string) => holds(p, officeOfRole(regulation, state!, role), role);
  // An executor-kind role's work is its assignee's alone once someone is named in it.
  const mine = (role: string) => ownWork(regulation, state!, p, role);
  switch (rule) {
    case '—':
      return false;
    case 'signed-in':
      return p.login !== undefined;
    case 'applicant':
      return p.kind === 'applicant';
    case 'leads':
      return p.posts.some((post) => LEADING.test(post.role));
    case 'own':
      return p.login !== undefined && state?.applicantId === p.login && (ctx.action !== 'withdraw' || open);
    case 'involved':
      return p.kind === 'staff' && state !== undefined && p.posts.some((post) => Object.values(state.offices).includes(post.officeId));
    case 'portal':
      return p.kind === 'applicant' && ctx.channel === 'portal';
    case 'first-step':
      return p.kind === 'staff' && ctx.channel !== 'portal' && holds(p, ctx.submitOffice, ctx.firstRole!);
    case 'step':
      return (
        running &&
        procedure !== undefined &&
        ctx.procedureId === procedure.id &&
        ctx.action === completingCommand(procedure) &&
        proposal === undefined &&
        holdsRole(procedure.actor) &&
        mine(procedure.actor)
      );
    case 'meeting': {
      if (
        !running ||
        !procedure ||
        ctx.procedureId !== procedure.id ||
        ctx.action !== 'record-meeting' ||
        completingCommand(procedure) !== 'record-meeting' ||
        proposal
      )
        return false;
      const keeper = procedure.meeting!.recordedBy;
      return holdsRole(keeper) && mine(keeper);
    }
    case 'signer': {
      if (!running || !procedure || ctx.procedureId !== procedure.id || ctx.action !== 'sign' || completingCommand(procedure) !== 'sign' || proposal)
        return false;
      const made = step!.signatures ?? [];
      const next = signersAt(procedure)[made.length];
      return next !== undefined && holdsRole(next) && mine(next) && !made.some((m) => m.by === p.login);
    }
    case 'assigner':
      return (
        running &&
        procedure !== undefined &&
        assignersAt(regulation, procedure).some(holdsRole) &&
        ctx.assignee !== undefined &&
        (ctx.executors ?? []).includes(ctx.assignee)
      );
    case 'performer':
      // Where the procedure is completed by signing, the refusal is signed, not given apart: the signer gives the refusing outcome.
      return (
        running &&
        procedure !== undefined &&
        refusingOutcomeAt(procedure) !== undefined &&
        !['sign', 'record-meeting'].includes(completingCommand(procedure)) &&
        proposal === undefined &&
        holdsRole(procedure.actor) &&
        mine(procedure.actor)
      );
    case 'agreer': {
      if (!running || !procedure || ctx.procedureId !== procedure.id || !proposal) return false;
      const next = agreementFor(procedure, proposal.outcome)?.by[proposal.agreedBy.length];
      return next !== undefined && holdsRole(next) && (ctx.agreed !== false || (ctx.reason ?? '').trim() !== '');
    }
    case 'step-team': {
      if (!procedure || !(ctx.action === 'resume' ? open && state!.status === 'suspended' : running)) return false;
      return [procedure.actor, ...(procedure.participants ?? [])].some(holdsRole);
    }
  }
}

/** The demo applicant of a service, as `reglament simulate` chooses it, and another of the same kind. */
function applicantsOf(regulation: TRegulation): { login: string; other: string; as: 'individual' | 'legal-entity' } {
  if (regulation.applicants.includes('individual')) return { login: 'doctor.askar', other: 'doctor.nursultan', as: 'individual' };
  const byService: Record<string, string> = {
    'organ-tissue-import-export-licence': 'importer.biotransplant',
    'hsc-sample-import-export-conclusion': 'importer.biotransplant',
    'clinical-research-permit': 'research.centre',
    'assessment-entity-accreditation': 'assessor.sapa',
  };
  const login = byService[regulation.id] ?? 'clinic.shipager';
  return { login, other: login === 'clinic.shipager' ? 'research.centre' : 'clinic.shipager', as: 'legal-entity' };
}

describe.each(DATABASES)('the authorisation matrix on %s', (database) => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  const policy = readPolicy();
  const tokens = new Map<string, string>();
  const tally = { attempts: 0, forbidden: 0, forbiddenSucceeded: 0, permittedRefused: 0, wrongAnswers: 0 };
  let mismatches: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(database);
    // The product has no auditor or administrator functions yet: the policy's accounts for them.
    const hash = await t.deps.passwords.hash(t.deps.directory.demoPassword);
    const offices = [...new Set(t.deps.directory.offices.map((o) => o.id))];
    for (const office of offices)
      await t.deps.stores.identity.createUser(
        { id: `auditor.${office}`, login: `auditor.${office}`, name: 'Auditor', kind: 'staff', iin: null, bin: null },
        hash,
        [{ officeId: office, role: 'auditor' }],
        Date.now(),
      );
    await t.deps.stores.identity.createUser(
      { id: 'administrator', login: 'administrator', name: 'Administrator', kind: 'staff', iin: null, bin: null },
      hash,
      [],
      Date.now(),
    );
  }, 120_000);
  afterAll(async () => {
    console.log(
      `authorisation matrix on ${database}: attempts ${tally.attempts}, forbidden ${tally.forbidden}, forbidden that succeeded ${tally.forbiddenSucceeded}, permitted that were refused ${tally.permittedRefused}, refusals with the wrong answer ${tally.wrongAnswers}`,
    );
    await t?.close();
  });

  const tokenOf = async (login: string) => {
    if (!tokens.has(login)) {
      const res = await t.api.request('POST', '/api/auth/login', { body: { login, password: t.deps.directory.demoPassword } });
      if (res.status !== 200) throw new Error(`sign-in as ${login}: ${res.status} ${JSON.stringify(res.json)}`);
      tokens.set(login, (res.json as { token: string }).token);
    }
    return tokens.get(login)!;
  };
  const call = async (
    p: Person,
    method: 'GET' | 'POST',
    path: string,
    options: { body?: unknown; multipart?: { fileName: string; mediaType: string; body: Buffer } } = {},
  ): Promise<ApiResponse> => t.api.request(method, path, { ...options, ...(p.login ? { token: await tokenOf(p.login) } : {}) });
  const errorCode = (res: ApiResponse) => (res.json as { error?: { code?: string } } | undefined)?.error?.code;

  /**
   * Tries one attempt and checks the answer against the policy; a forbidden attempt must also leave
   * the case as it was, and answer as the policy says a refusal does: 401 anonymous, 404 to whoever
   * does not see the case, else 403, 409 or 422 (and `code`, when the attempt names the one it must get).
   */
  async function attempt(
    p: Person,
    action: Action,
    expected: boolean,
    what: string,
    run: () => Promise<ApiResponse>,
    caseId?: string,
    code?: string,
  ): Promise<ApiResponse> {
    const before = caseId ? await t.deps.stores.cases.load(caseId) : undefined;
    const res = await run();
    const after = caseId ? (await t.deps.stores.cases.load(caseId))?.version : undefined;
    const succeeded = (res.status >= 200 && res.status < 300) || before?.version !== after;
    tally.attempts++;
    if (!expected) tally.forbidden++;
    const who = `${p.role} (${p.login ?? 'anonymous'}) ${action} ${what}`;
    if (!expected && succeeded) {
      tally.forbiddenSucceeded++;
      mismatches.push(`FORBIDDEN BUT SUCCEEDED: ${who}: ${res.status}`);
    }
    if (expected && !succeeded) {
      tally.permittedRefused++;
      mismatches.push(`PERMITTED BUT REFUSED: ${who}: ${res.status} ${JSON.stringify(res.json).slice(0, 200)}`);
    }
    if (!expected && !succeeded) {
      const wrong = (why: string) => {
        tally.wrongAnswers++;
        mismatches.push(`WRONG REFUSAL: ${who} answered ${res.status} ${errorCode(res) ?? ''}, ${why}`);
      };
      if (p.login === undefined) {
        if (res.status !== 401) wrong('not 401');
      } else if (before) {
        if (!seesCase(p, before)) {
          if (res.status !== 404) wrong('not 404 to someone who does not see the case');
        } else if (![403, 409, 422].includes(res.status)) wrong('not 403, 409 or 422');
        else if (code !== undefined && errorCode(res) !== code) wrong(`not ${code}`);
      }
    }
    return res;
  }

  it.each([
    'specialist-certificate',
    'qualification-category',
    'medical-organization-accreditation',
    'organ-tissue-import-export-licence',
    'hsc-sample-import-export-conclusion',
    'gobmp-osms-provider-database',
    'clinical-research-permit',
    'foreign-specialist-clinical-practice',
    'assessment-entity-accreditation',
    'medical-activity-licence',
  ])(
    'holds every role to the policy on %s',
    async (serviceId) => {
      mismatches = [];
      const { deps } = t;
      const regulation = deps.regulations.find((r) => r.id === serviceId);
      if (!regulation) throw new Error(`${serviceId} is not in the catalogue (its definition does not parse?)`);
      const directory = deps.directory;
      // Every variant of the service, each down its own planned path, on the service's first channel.
      for (const variant of regulation.variants.length > 0 ? regulation.variants.map((v) => v.id) : [undefined]) {
        const channel = regulation.channels[0]!;
        const offices = (await t.api.request('GET', `/api/services/${serviceId}/offices`)).json as {
          providerOffices: { id: string }[];
          centres: { id: string }[];
        };
        const providerOfficeId = offices.providerOffices[0]!.id;
        const centreOfficeId = channel === 'state-corporation' ? offices.centres[0]?.id : undefined;
        const resolved = resolveCaseOffices(directory, regulation, { channel, providerOfficeId, ...(centreOfficeId ? { centreOfficeId } : {}) });
        if (!resolved.ok) throw new Error(resolved.error.message.en);
        const first = firstApplicableFrom(regulation, 0, variant, channel)!;
        const firstOffice = resolved.value[regulation.roles.find((r) => r.id === first.actor)!.organisation];
        const procedureOf = (id: string) => regulation.procedures.find((x) => x.id === id)!;

        // Who plays each role for this service's cases.
        const applicants = applicantsOf(regulation);
        const postsOf = (login: string): Post[] =>
          directory.demoUsers.find((u) => u.login === login)?.roles.map((r) => ({ officeId: r.office, role: r.role })) ?? [];
        const atOffice = (matches: RegExp | ((role: string) => boolean), fallback: string, skip = 0) =>
          directory.demoUsers.filter((u) =>
            u.roles.some((r) => r.office === providerOfficeId && (typeof matches === 'function' ? matches(r.role) : matches.test(r.role))),
          )[skip]?.login ?? fallback;
        // The executors are whoever holds a role of kind executor there (the regulation's id for it may be any).
        const executorPost = (role: string) => isExecutorKind(regulation, role);
        const staffLogins: Partial<Record<Role, string>> = {
          clerk: atOffice(/^(clerk|branch-clerk)$/, 'committee-astana.clerk'),
          executor: atOffice(executorPost, 'committee-astana.executor-1'),
          'another executor': atOffice(executorPost, 'committee-turkistan.executor', 1),
          'department head': atOffice(/^department-head$/, 'committee-astana.department-head'),
          head: atOffice(/^(head|leadership|branch-head|fund-head)$/, 'committee-astana.head'),
          'commission secretary': 'ministry-hq.commission-secretary',
          'council member': 'ministry-hq.council-member',
          'State Corporation operator': 'centre-astana.operator',
          'Fund staff': 'fund-astana.clerk',
        };
        const people: Person[] = ROLES.map((role) => {
          if (role === 'anonymous') return { role, login: undefined, kind: undefined, posts: [] };
          if (role === 'applicant') return { role, login: applicants.login, kind: 'applicant', posts: [] };
          if (role === 'another applicant') return { role, login: applicants.other, kind: 'applicant', posts: [] };
          if (role === 'auditor')
            return { role, login: `auditor.${providerOfficeId}`, kind: 'staff', posts: [{ officeId: providerOfficeId, role: 'auditor' }] };
          if (role === 'administrator') return { role, login: 'administrator', kind: 'staff', posts: [] };
          const login = staffLogins[role]!;
          return { role, login, kind: 'staff', posts: postsOf(login) };
        });
        const staffPerson = (login: string): Person => ({ role: 'right actor', login, kind: 'staff', posts: postsOf(login) });
        /** A demo user holding the role in the office (the preferred one when they do), none of `exclude`. */
        const holderOf = (officeId: string | undefined, role: string, prefer?: string, exclude: readonly string[] = []): string | undefined => {
          const holders = directory.demoUsers
            .filter((u) => u.roles.some((r) => r.role === role && r.office === officeId) && !exclude.includes(u.login))
            .map((u) => u.login);
          return prefer !== undefined && holders.includes(prefer) ? prefer : holders[0];
        };
        const rightActor = (officeId: string | undefined, role: string, prefer?: string, exclude: readonly string[] = []): Person => {
          const login = holderOf(officeId, role, prefer, exclude);
          if (!login)
            throw new Error(
              `${serviceId}${variant ? ` (${variant})` : ''}: no demo user is ${role} at ${officeId} (a role of the definition without demo staff?)`,
            );
          return staffPerson(login);
        };
        /** Everyone, with the person who should succeed last, so that every other role is tried before the case moves on. */
        const everyoneThen = (right: Person) => [
          ...people.filter((p) => p.login !== right.login),
          ...people.filter((p) => p.login === right.login),
          ...(people.some((p) => p.login === right.login) ? [] : [right]),
        ];
        const ruleOf = (action: Action, p: Person): Rule => (p.role === 'right actor' ? ruleForRightActor(action) : policy.get(action)!.get(p.role)!);
        // The right actor is staff holding the duty's role: the policy's staff column (the clerk's) applies to them.
        const ruleForRightActor = (action: Action): Rule => policy.get(action)!.get('clerk')!;
        const check = (fact: boolean, what: string) => {
          if (!fact) mismatches.push(what);
        };

        // Submission: every role lodges the application the way its channel asks.
        const applicantUser = directory.demoUsers.find((u) => u.login === applicants.login)!;
        const submitBody = (p: Person, attachment?: string) => ({
          service: serviceId,
          ...(variant !== undefined ? { variant } : {}),
          channel,
          providerOfficeId,
          ...(centreOfficeId ? { centreOfficeId } : {}),
          ...(p.kind === 'applicant'
            ? { as: applicants.as }
            : { applicant: applicants.as === 'legal-entity' ? { bin: applicantUser.bin } : { iin: applicantUser.iin } }),
          ...(attachment ? { attachments: [attachment] } : {}),
        });
        const submitter = channel === 'portal' ? people[0]! : rightActor(firstOffice, first.actor);
        const lodge = async (): Promise<CaseState> => {
          const upload = await call(submitter, 'POST', '/api/attachments', {
            multipart: { fileName: 'application.pdf', mediaType: 'application/pdf', body: PDF },
          });
          const res = await call(submitter, 'POST', '/api/applications', { body: submitBody(submitter, (upload.json as { id: string }).id) });
          if (res.status !== 201) throw new Error(`lodging ${serviceId} as ${submitter.login}: ${res.status} ${JSON.stringify(res.json)}`);
          return res.json as CaseState;
        };
        for (const p of everyoneThen(submitter)) {
          const expected = permitted(ruleOf('submit', p), p, { regulation, action: 'submit', channel, submitOffice: firstOffice, firstRole: first.actor });
          await attempt(p, 'submit', expected, `${serviceId} on ${channel}`, () => call(p, 'POST', '/api/applications', { body: submitBody(p) }));
        }

        /** Every inbox: it lists the case exactly to whoever's turn it is (docs: the inbox lists a case to whoever's turn it is). */
        const inboxes = async (state: CaseState, at: string) => {
          // The step is recorded with whose turn it is: the next agreeing role, the next signer, else the performer, in that role's office.
          const turn = turnAt(regulation, state);
          if (state.step && turn !== undefined) {
            const office = officeOfRole(regulation, state, turn);
            check(
              state.step.role === turn && state.step.officeId === office,
              `${state.id} at ${at}: the step is recorded as ${state.step.role} at ${state.step.officeId}, not whose turn it is (${turn} at ${office})`,
            );
          }
          for (const p of people) {
            const inbox = await attempt(p, 'inbox', permitted(ruleOf('inbox', p), p, { regulation, state, action: 'inbox' }), '', () =>
              call(p, 'GET', '/api/inbox'),
            );
            if (inbox.status !== 200) continue;
            const listed = (inbox.json as { tasks: { id: string }[] }).tasks.some((c) => c.id === state.id);
            if (listed !== inboxLists(regulation, state, p))
              mismatches.push(`inbox of ${p.role} (${p.login}) ${listed ? 'lists' : 'omits'} ${state.id} at ${at}`);
          }
        };
        const views = async (state: CaseState, attachmentId: string) => {
          for (const p of people) {
            const rule = (action: Action) => permitted(ruleOf(action, p), p, { regulation, state, action });
            await attempt(p, 'view case', rule('view case'), state.id, () => call(p, 'GET', `/api/cases/${state.id}`));
            await attempt(p, 'view attachments', rule('view attachments'), state.id, () => call(p, 'GET', `/api/attachments/${attachmentId}`));
            await attempt(p, 'receipt', rule('receipt'), state.id, () => call(p, 'GET', `/api/cases/${state.id}/receipt`));
            const office = await attempt(p, 'office cases', rule('office cases'), '', () => call(p, 'GET', '/api/office/cases'));
            if (office.status === 200) {
              const listed = (office.json as { cases: { id: string }[] }).cases.some((c) => c.id === state.id);
              const leadsHere = p.posts.some((post) => LEADING.test(post.role) && Object.values(state.offices).includes(post.officeId));
              if (listed !== leadsHere) mismatches.push(`office cases of ${p.role} (${p.login}) ${listed ? 'list' : 'omit'} ${state.id}`);
            }
            const cabinet = await attempt(p, 'cabinet', rule('cabinet'), '', () => call(p, 'GET', '/api/cabinet'));
            if (cabinet.status === 200) {
              const listed = (cabinet.json as { cases: { id: string }[] }).cases.some((c) => c.id === state.id);
              if (listed !== (state.applicantId === p.login)) mismatches.push(`cabinet of ${p.role} (${p.login}) ${listed ? 'lists' : 'omits'} ${state.id}`);
            }
          }
          await inboxes(state, state.step?.procedureId ?? 'its end');
        };

        const act = (p: Person, caseId: string, body: Record<string, unknown>) => call(p, 'POST', `/api/cases/${caseId}/actions`, { body });
        const load = async (id: string) => (await deps.stores.cases.load(id))!;
        const after = (procedure: TProcedure, outcomeId: string | undefined) => procedureAfter(regulation, procedure, outcomeId, variant, channel)?.id ?? null;

        /** The executors of the case, each post once: holders of a role of kind executor of the regulation, in that role's office (in the regulation's order of roles). */
        const executorPostsOf = (state: CaseState) =>
          regulation.roles
            .filter((r) => r.kind === 'executor')
            .flatMap((r) =>
              directory.demoUsers
                .filter((u) => u.roles.some((x) => x.role === r.id && x.office === officeOfRole(regulation, state, r.id)))
                .map((u) => ({ login: u.login, role: r.id })),
            );
        /** The only people an executor may be named from. */
        const executorsOf = (state: CaseState) => [...new Set(executorPostsOf(state).map((e) => e.login))];
        /**
         * Where the executor is named: at a procedure naming its assigner or assigning by its kinds, while nobody is named; and
         * wherever it is an executor-kind role's turn and nobody is named in that role.
         */
        const namesExecutor = (state: CaseState, procedure: TProcedure) => {
          const turn = turnAt(regulation, state);
          const atExecutorsTurn = turn !== undefined && isExecutorKind(regulation, turn) && !boundTo(state, turn);
          return atExecutorsTurn || (state.assignee === undefined && (procedure.assigner !== undefined || procedure.kinds.includes('assign')));
        };
        /** Whom the assigner names: a holder of the executor-kind role whose turn it is, else the case's first executor. */
        const nomineeOf = (state: CaseState): string | undefined => {
          const turn = turnAt(regulation, state);
          const posts = executorPostsOf(state);
          return posts.find((e) => e.role === turn)?.login ?? posts[0]?.login;
        };
        /** The role a naming records: the executor-kind role whose turn it is when the assignee holds it, else their first executor post. */
        const namedRoleOf = (state: CaseState, assignee: string) => {
          const posts = executorPostsOf(state).filter((e) => e.login === assignee);
          return posts.find((e) => e.role === turnAt(regulation, state))?.role ?? posts[0]?.role;
        };
        /**
         * The answer owed to someone who holds the role whose duty it is (in its office) on a running case with nothing awaiting
         * agreement, but whose executor-kind role is bound to another: `not-assignee`.
         */
        const assigneeCode = (p: Person, state: CaseState, role: string | undefined) =>
          role !== undefined &&
          state.status !== 'suspended' &&
          !state.step?.proposal &&
          holds(p, officeOfRole(regulation, state, role), role) &&
          !ownWork(regulation, state, p, role)
            ? 'not-assignee'
            : undefined;
        /** The assignee, preferred as the holder of an executor-kind role (whoever holds any other). */
        const preferFor = (state: CaseState, role: string) => (isExecutorKind(regulation, role) ? state.assignee : undefined);
        /** A demo user in one of the assigner roles of the procedure, in that role's office. */
        const assignerOf = (state: CaseState, procedure: TProcedure) => {
          for (const role of assignersAt(regulation, procedure)) {
            const login = holderOf(officeOfRole(regulation, state, role), role);
            if (login) return staffPerson(login);
          }
          return undefined;
        };
        /** Who holds the procedure's actor role for this case (the assignee, for an executor's work). */
        const actorOf = (state: CaseState, procedure: TProcedure) =>
          rightActor(officeOfRole(regulation, state, performerOf(procedure)), performerOf(procedure), preferFor(state, performerOf(procedure)));
        /** The duty due now and who holds it: the next agreement, the next signature, or the step's command. */
        const dutyOf = (state: CaseState) => {
          const procedure = procedureOf(state.step!.procedureId);
          const proposal = state.step!.proposal;
          if (proposal) {
            const role = agreementFor(procedure, proposal.outcome)?.by[proposal.agreedBy.length];
            if (role === undefined)
              throw new Error(
                `${serviceId}${variant ? ` (${variant})` : ''}: a decision awaits agreement at ${procedure.id}, but the definition names no agreeing role`,
              );
            return { procedure, command: 'agree' as const, right: rightActor(officeOfRole(regulation, state, role), role) };
          }
          const command = completingCommand(procedure);
          if (command === 'sign') {
            const made = state.step!.signatures ?? [];
            const role = signersAt(procedure)[made.length]!;
            return {
              procedure,
              command,
              right: rightActor(
                officeOfRole(regulation, state, role),
                role,
                preferFor(state, role),
                made.map((m) => m.by),
              ),
            };
          }
          return { procedure, command, right: actorOf(state, procedure) };
        };
        /** The outcome a step is completed with: the planned path's (the first), unless the run chooses another at that procedure. */
        const outcomeAt = (procedure: TProcedure, choose: Readonly<Record<string, string>> = {}) => choose[procedure.id] ?? procedure.outcomes?.[0]?.id;
        const stepBody = (command: StepAction, procedure: TProcedure, choose?: Readonly<Record<string, string>>) => {
          const outcome = outcomeAt(procedure, choose);
          return { type: command, procedureId: procedure.id, ...(outcome ? { outcome } : {}) };
        };
        /** The body of the step's own command as `p` gives it: at a meeting, a unanimous record citing minutes `p` uploads first. */
        const ownBody = async (
          p: Person,
          command: StepAction | 'record-meeting',
          procedure: TProcedure,
          state: CaseState,
          choose?: Readonly<Record<string, string>>,
        ): Promise<Record<string, unknown>> => {
          if (command !== 'record-meeting') return stepBody(command, procedure, choose);
          const body = bodyAt(deps.directory)(procedure.meeting!.body, officeOfRole(regulation, state, procedure.meeting!.body))!;
          const uploaded =
            p.login === undefined
              ? undefined
              : await call(p, 'POST', '/api/attachments', { multipart: { fileName: 'minutes.pdf', mediaType: 'application/pdf', body: PDF } });
          const minutes = (uploaded?.json as { id?: string } | undefined)?.id ?? 'no-minutes';
          const heldOn = deps.clockFor('provider').zone.format(state.step!.startedAt).slice(0, 10);
          return { ...demonstrationMeeting(procedure, body, { decision: outcomeAt(procedure, choose), heldOn, minutes }) };
        };

        /** Naming the executor: the assigner first names someone who is not an executor of the case, then everyone tries, the assigner last. */
        const assignRound = async (state: CaseState, procedure: TProcedure) => {
          const executors = executorsOf(state);
          const staffHere = directory.demoUsers.filter((u) => u.kind === 'staff' && u.roles.some((r) => r.office === state.officeId)).map((u) => u.login);
          const assignee = nomineeOf(state) ?? staffHere[0] ?? 'nobody';
          const right = assignerOf(state, procedure);
          const where = `${state.id} at ${procedure.id}`;
          const notExecutor = staffHere.find((l) => !executors.includes(l));
          if (right && notExecutor && executors.length > 0) {
            const expected = permitted(ruleOf('assign', right), right, { regulation, state, action: 'assign', assignee: notExecutor, executors });
            await attempt(
              right,
              'assign',
              expected,
              `${where} naming ${notExecutor}`,
              () => act(right, state.id, { type: 'assign', assignee: notExecutor }),
              state.id,
            );
          }
          for (const p of right ? everyoneThen(right) : people) {
            const current = await load(state.id);
            const expected = permitted(ruleOf('assign', p), p, { regulation, state: current, action: 'assign', assignee, executors });
            await attempt(p, 'assign', expected, `${where} naming ${assignee}`, () => act(p, state.id, { type: 'assign', assignee }), state.id);
            const named = await load(state.id);
            if (named.version !== current.version) {
              // The naming records the executor role it binds: the one whose turn it is when the assignee holds it, else their executor post.
              const role = namedRoleOf(current, assignee);
              check(
                named.assignee === assignee && named.assigneeRole === role,
                `${where}: ${assignee} must be named in ${role}, not ${named.assigneeRole} (assignee ${named.assignee})`,
              );
              break;
            }
          }
        };

        /**
         * Runs a case to its end down its planned path, every role trying at every turn what the
         * turn's duty is and what it is not, the duty's holder last.
         */
        const runCase = async (
          start: CaseState,
          options: { suspendOnce: boolean; declineOnce: boolean; choose?: Readonly<Record<string, string>> },
        ): Promise<CaseState> => {
          let state = start;
          let suspendedOnce = !options.suspendOnce;
          let declinedOnce = !options.declineOnce;
          for (let turn = 0; state.step && turn < 120; turn++) {
            const procedure = procedureOf(state.step.procedureId);
            const where = `${state.id} at ${procedure.id}`;
            await inboxes(state, procedure.id);
            if (namesExecutor(state, procedure)) {
              await assignRound(state, procedure);
              state = await load(state.id);
            }
            // Once per case, at the first turn after the first: every role tries to suspend, then to resume.
            if (!suspendedOnce && turn > 0) {
              suspendedOnce = true;
              const right = actorOf(state, procedure);
              for (const kind of ['suspend', 'resume'] as const) {
                for (const p of everyoneThen(right)) {
                  const current = await load(state.id);
                  const expected = permitted(ruleOf(kind, p), p, { regulation, state: current, action: kind });
                  await attempt(
                    p,
                    kind,
                    expected,
                    where,
                    () => act(p, state.id, kind === 'suspend' ? { type: 'suspend', reason: 'Documents requested from the applicant' } : { type: 'resume' }),
                    state.id,
                  );
                }
              }
              state = await load(state.id);
            }
            // Refusal and withdrawal end or turn a case: here everyone the policy forbids tries them (those it permits do so on other cases below);
            // and, while nothing awaits agreement, everyone tries to agree.
            for (const p of people) {
              const current = await load(state.id);
              if (!permitted(ruleOf('refuse', p), p, { regulation, state: current, action: 'refuse' })) {
                // Where nothing is refused apart from a signature, a refusal is the wrong kind of command, whoever gives it.
                const wrongKind =
                  current.status !== 'suspended' &&
                  (refusingOutcomeAt(procedure) === undefined || ['sign', 'record-meeting'].includes(completingCommand(procedure)));
                await attempt(
                  p,
                  'refuse',
                  false,
                  where,
                  () => act(p, state.id, { type: 'refuse', grounds: ['Not allowed to refuse'] }),
                  state.id,
                  wrongKind ? 'wrong-kind' : assigneeCode(p, current, procedure.actor),
                );
              }
              if (!permitted(ruleOf('withdraw', p), p, { regulation, state: current, action: 'withdraw' })) {
                await attempt(p, 'withdraw', false, where, () => act(p, state.id, { type: 'withdraw' }), state.id);
              }
              if (!current.step?.proposal) {
                const expected = permitted(ruleOf('agree', p), p, { regulation, state: current, action: 'agree', procedureId: procedure.id, agreed: true });
                await attempt(
                  p,
                  'agree',
                  expected,
                  `${where} (nothing to agree)`,
                  () => act(p, state.id, { type: 'agree', procedureId: procedure.id, agreed: true }),
                  state.id,
                );
              }
            }
            state = await load(state.id);
            const duty = dutyOf(state);
            const own = completingCommand(procedure);
            const proposal = state.step!.proposal;
            // Every step command of another kind, by everyone: refused as the wrong kind to whoever sees the case.
            for (const command of STEP_ACTIONS.filter((c) => c !== own)) {
              for (const p of people) {
                const current = await load(state.id);
                const expected = permitted(ruleOf(command, p), p, { regulation, state: current, action: command, procedureId: procedure.id });
                await attempt(p, command, expected, where, () => act(p, state.id, stepBody(command, procedure)), state.id, 'wrong-kind');
              }
            }
            if (proposal) {
              // A decision awaits agreement: the step's own command by everyone (refused), then the next agreeing role's answer, by everyone, that role last.
              for (const p of people) {
                const current = await load(state.id);
                const body = await ownBody(p, own, procedure, current);
                await attempt(
                  p,
                  own,
                  permitted(ruleOf(own, p), p, { regulation, state: current, action: own, procedureId: procedure.id }),
                  `${where} (awaiting agreement)`,
                  () => act(p, state.id, body),
                  state.id,
                );
              }
              const ordered = everyoneThen(duty.right);
              for (const p of declinedOnce ? ordered : ordered.slice(0, -1)) {
                const current = await load(state.id);
                const expected = permitted(ruleOf('agree', p), p, { regulation, state: current, action: 'agree', procedureId: procedure.id, agreed: true });
                await attempt(
                  p,
                  'agree',
                  expected,
                  `${where} (agreement ${proposal.agreedBy.length + 1})`,
                  () => act(p, state.id, { type: 'agree', procedureId: procedure.id, agreed: true }),
                  state.id,
                );
              }
              if (!declinedOnce) {
                // Once per case the agreeing role sends the decision back: without a reason it may not, with one it may.
                declinedOnce = true;
                const right = ordered[ordered.length - 1]!;
                for (const reason of [undefined, 'The grounds are not stated in full']) {
                  const current = await load(state.id);
                  const expected = permitted(ruleOf('agree', right), right, {
                    regulation,
                    state: current,
                    action: 'agree',
                    procedureId: procedure.id,
                    agreed: false,
                    ...(reason ? { reason } : {}),
                  });
                  await attempt(
                    right,
                    'agree',
                    expected,
                    `${where} (sent back${reason ? '' : ' without a reason'})`,
                    () => act(right, state.id, { type: 'agree', procedureId: procedure.id, agreed: false, ...(reason ? { reason } : {}) }),
                    state.id,
                  );
                }
                const back = await load(state.id);
                check(
                  back.step?.procedureId === procedure.id && back.step.proposal === undefined,
                  `${where}: a decision sent back must return to its performer (now at ${back.step?.procedureId}, proposal ${JSON.stringify(back.step?.proposal)})`,
                );
              }
            } else {
              // The step's own command by everyone, its holder last: at a signing step, this signature's signer.
              for (const p of everyoneThen(duty.right)) {
                const current = await load(state.id);
                const expected = permitted(ruleOf(own, p), p, { regulation, state: current, action: own, procedureId: procedure.id });
                const what = own === 'sign' ? `${where} (signature ${(current.step?.signatures?.length ?? 0) + 1} of ${signersAt(procedure).length})` : where;
                const body = await ownBody(p, own, procedure, current, options.choose);
                await attempt(
                  p,
                  own,
                  expected,
                  what,
                  () => act(p, state.id, body),
                  state.id,
                  expected ? undefined : assigneeCode(p, current, turnAt(regulation, current)),
                );
              }
            }
            const next = await load(state.id);
            if (next.version === state.version)
              throw new Error(`${serviceId}${variant ? ` (${variant})` : ''}: nobody could ${duty.command} at ${procedure.id}`);
            // Where the case must be now, by the definition.
            const outcome = outcomeAt(procedure, options.choose);
            if (proposal) {
              const agreement = agreementFor(procedure, proposal.outcome)!;
              if (next.step?.proposal)
                check(
                  next.step.procedureId === procedure.id &&
                    next.step.proposal.agreedBy.length === proposal.agreedBy.length + 1 &&
                    next.step.proposal.agreedBy.length < agreement.by.length,
                  `${where}: agreement recorded out of order`,
                );
              else if (next.step?.procedureId !== procedure.id)
                check(
                  (next.step?.procedureId ?? null) === after(procedure, proposal.outcome) && proposal.agreedBy.length + 1 === agreement.by.length,
                  `${where}: the last agreement must carry the decision to ${after(procedure, proposal.outcome)}, not ${next.step?.procedureId}`,
                );
            } else if (own === 'sign') {
              const made = state.step!.signatures?.length ?? 0;
              const remaining = signersAt(procedure).length - made - 1;
              if (remaining > 0)
                check(
                  next.step?.procedureId === procedure.id && next.step.signatures?.length === made + 1,
                  `${where}: signature ${made + 1} of ${signersAt(procedure).length} must keep the step open`,
                );
              else
                check(
                  (next.step?.procedureId ?? null) === after(procedure, outcome),
                  `${where}: the last signature must complete the step (to ${after(procedure, outcome)}, not ${next.step?.procedureId})`,
                );
            } else if (agreementFor(procedure, outcome)) {
              check(
                next.step?.procedureId === procedure.id && next.step.proposal?.outcome === (outcome ?? 'done'),
                `${where}: "${outcome}" must await agreement by ${agreementFor(procedure, outcome)!.by.join(', ')}`,
              );
            } else {
              check(
                (next.step?.procedureId ?? null) === after(procedure, outcome),
                `${where}: the step must go on to ${after(procedure, outcome)}, not ${next.step?.procedureId}`,
              );
            }
            state = next;
          }
          return state;
        };

        /** Takes a case down its planned path with the right people only, to the first turn at which `until` holds. */
        const driveQuietly = async (caseId: string, until: (state: CaseState) => boolean): Promise<CaseState> => {
          for (let turn = 0; turn < 120; turn++) {
            let state = await load(caseId);
            if (!state.step) return state;
            const procedure = procedureOf(state.step.procedureId);
            const assigner = namesExecutor(state, procedure) ? assignerOf(state, procedure) : undefined;
            const executor = nomineeOf(state);
            if (assigner && executor) {
              const res = await act(assigner, caseId, { type: 'assign', assignee: executor });
              if (res.status !== 200)
                throw new Error(
                  `${serviceId}${variant ? ` (${variant})` : ''}: ${assigner.login} could not name ${executor} at ${procedure.id}: ${res.status} ${JSON.stringify(res.json)}`,
                );
              state = await load(caseId);
            }
            if (until(state)) return state;
            const duty = dutyOf(state);
            const body =
              duty.command === 'agree' ? { type: 'agree', procedureId: procedure.id, agreed: true } : await ownBody(duty.right, duty.command, procedure, state);
            const res = await act(duty.right, caseId, body);
            if (res.status !== 200)
              throw new Error(
                `${serviceId}${variant ? ` (${variant})` : ''}: ${duty.right.login} could not ${duty.command} at ${procedure.id}: ${res.status} ${JSON.stringify(res.json)}`,
              );
          }
          throw new Error(`${serviceId}${variant ? ` (${variant})` : ''}: ${caseId} did not end`);
        };

        // The main case: down its planned path, every role trying each turn's duty before its holder.
        const main = await lodge();
        const attachmentId = (await deps.stores.attachments.ofCase(main.id))[0]!.id;
        await views(main, attachmentId);
        const ended = await runCase(main, { suspendOnce: true, declineOnce: true });
        check(ended.status === 'satisfied', `${ended.id} down its planned path ended ${ended.status}, not satisfied`);
        await views(ended, attachmentId);

        // A second case, taken to the first procedure of its path that can refuse. Where that procedure is completed otherwise than
        // by signing, every role tries to refuse it there, its performer last; where it is signed, the refusal is the signers'
        // (everyone has tried `refuse` there and been refused as the wrong kind): they sign with the refusing outcome, each in turn.
        // Either way the refusal then runs through agreement and signatures to the negative result.
        const second = await driveQuietly((await lodge()).id, (s) => refusingOutcomeAt(procedureOf(s.step!.procedureId)) !== undefined);
        if (second.step) {
          const procedure = procedureOf(second.step.procedureId);
          const outcome = refusingOutcomeAt(procedure)!;
          const where = `${second.id} at ${procedure.id}`;
          let closed: CaseState;
          if (['sign', 'record-meeting'].includes(completingCommand(procedure))) {
            closed = await runCase(second, { suspendOnce: false, declineOnce: false, choose: { [procedure.id]: outcome.id } });
          } else {
            for (const p of everyoneThen(actorOf(second, procedure))) {
              const current = await load(second.id);
              const expected = permitted(ruleOf('refuse', p), p, { regulation, state: current, action: 'refuse' });
              await attempt(
                p,
                'refuse',
                expected,
                where,
                () => act(p, second.id, { type: 'refuse', grounds: ['Documents incomplete'] }),
                second.id,
                expected ? undefined : assigneeCode(p, current, procedure.actor),
              );
            }
            const refused = await load(second.id);
            if (refused.version === second.version) throw new Error(`${serviceId}${variant ? ` (${variant})` : ''}: nobody could refuse at ${procedure.id}`);
            const agreement = agreementFor(procedure, outcome.id);
            if (agreement)
              check(
                refused.step?.procedureId === procedure.id && refused.step.proposal?.outcome === outcome.id,
                `${where}: the refusal must await agreement by ${agreement.by.join(', ')}`,
              );
            else
              check(
                (refused.step?.procedureId ?? null) === after(procedure, outcome.id) && refused.decision === outcome.decides,
                `${where}: the refusal must take "${outcome.id}" on to ${after(procedure, outcome.id)}, not ${refused.step?.procedureId} (${refused.status})`,
              );
            closed = await runCase(refused, { suspendOnce: false, declineOnce: false });
          }
          check(
            closed.status === 'refused' && closed.result?.kind === outcome.decides,
            `${second.id} refused at ${procedure.id} ended ${closed.status} with ${closed.result?.kind}, not refused with ${outcome.decides}`,
          );
        } else {
          console.log(
            `${serviceId}${variant ? ` (${variant})` : ''}: no procedure on the planned path can refuse; the refusal is tried only where it is forbidden`,
          );
        }

        // A third: every role tries to withdraw it, its applicant last.
        const third = await lodge();
        for (const p of [...people.slice(1), people[0]!]) {
          const current = await load(third.id);
          await attempt(
            p,
            'withdraw',
            permitted(ruleOf('withdraw', p), p, { regulation, state: current, action: 'withdraw' }),
            third.id,
            () => act(p, third.id, { type: 'withdraw' }),
            third.id,
          );
        }
        expect((await load(third.id)).status).toBe('withdrawn');
      }
      expect(mismatches).toEqual([]);
    },
    300_000,
  );
});
