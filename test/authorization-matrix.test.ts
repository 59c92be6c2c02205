import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveCaseOffices } from '../src/core/directory/case-offices.js';
import type { CaseState } from '../src/core/engine/case-model.js';
import { firstApplicableFrom } from '../src/core/regulation/planned-path.js';
import type { TChannel, TProcedure, TRegulation } from '../src/core/regulation/schema.js';
import type { ApiResponse } from '../src/http/api-client.js';
import type { Post } from '../src/store/case-store.js';
import { DATABASES, startTestApp } from './support/test-app.js';

// The authorisation matrix: every action as every role, on a case of every service, at the step
// where the action is legitimate for its right actor, held against the written policy
// (docs/authorization-policy.md, the one source of truth).

const ROLES = ['applicant', 'another applicant', 'clerk', 'executor', 'another executor', 'department head', 'head', 'commission secretary', 'council member', 'State Corporation operator', 'Fund staff', 'auditor', 'administrator', 'anonymous'] as const;
const ACTIONS = ['submit', 'register', 'assign', 'complete-step', 'refuse', 'suspend', 'resume', 'sign', 'deliver', 'withdraw', 'view case', 'view attachments', 'receipt', 'inbox', 'office cases', 'cabinet'] as const;
const RULES = ['step', 'step-team', 'assigner', 'own', 'involved', 'portal', 'first-step', 'signed-in', 'leads', 'applicant', '—'] as const;
type Role = (typeof ROLES)[number];
type Action = (typeof ACTIONS)[number];
type Rule = (typeof RULES)[number];
const STEP_ACTIONS = ['register', 'complete-step', 'sign', 'deliver'] as const;
type StepAction = (typeof STEP_ACTIONS)[number];

/** Reads the policy table between its markers. */
function readPolicy(): Map<Action, Map<Role, Rule>> {
  const doc = readFileSync(new URL('../docs/authorization-policy.md', import.meta.url), 'utf8');
  const table = /<!-- policy-table:start -->\n([\s\S]*?)<!-- policy-table:end -->/.exec(doc)?.[1];
  if (!table) throw new Error('docs/authorization-policy.md has no policy table');
  const rows = table.trim().split('\n').map((line) => line.split('|').slice(1, -1).map((c) => c.trim()));
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

const LEADING = /^(head|department-head|leadership|branch-head|fund-head|council-chair)$/;
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');

/** A person trying an action: who they are to the policy, and their account (none when anonymous). */
interface Person {
  readonly role: Role | 'right actor';
  readonly login: string | undefined;
  readonly kind: 'staff' | 'applicant' | undefined;
  readonly posts: readonly Post[];
}

const holds = (p: Person, officeId: string | undefined, role: string) => p.posts.some((post) => post.officeId === officeId && post.role === role);

function commandFor(procedure: TProcedure): StepAction {
  if (procedure.kinds.includes('sign')) return 'sign';
  if (procedure.kinds.includes('register') || procedure.kinds.includes('receive')) return 'register';
  if (procedure.kinds.includes('deliver')) return 'deliver';
  return 'complete-step';
}
const fits = (procedure: TProcedure, action: StepAction) =>
  action === 'complete-step' || (action === 'register' ? procedure.kinds.some((k) => k === 'register' || k === 'receive') : procedure.kinds.includes(action));

/** The role ids a regulation's role works in: its organisation's office in this case. */
const officeOfRole = (regulation: TRegulation, state: CaseState, roleId: string) => state.offices[regulation.roles.find((r) => r.id === roleId)?.organisation ?? 'provider'];

/** What the policy's rule says about this person, this case and this attempt. */
function permitted(rule: Rule, p: Person, ctx: { regulation: TRegulation; state?: CaseState; action: Action; procedureId?: string; submitOffice?: string; firstRole?: string; channel?: TChannel }): boolean {
  const { regulation, state } = ctx;
  const step = state?.step ?? null;
  const procedure = step ? regulation.procedures.find((x) => x.id === step.procedureId) : undefined;
  const open = state !== undefined && step !== null && !['satisfied', 'refused', 'withdrawn'].includes(state.status);
  const running = open && state!.status !== 'suspended';
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
        fits(procedure, ctx.action as StepAction) &&
        holds(p, step!.officeId, step!.role) &&
        (step!.role !== 'executor' || state!.assignee === undefined || state!.assignee === p.login)
      );
    case 'step-team':
    case 'assigner': {
      if (!procedure || !(ctx.action === 'resume' ? open && state!.status === 'suspended' : running)) return false;
      const roles = [procedure.actor, ...(procedure.participants ?? [])].filter((r) => rule === 'step-team' || r !== 'executor');
      return roles.some((r) => holds(p, officeOfRole(regulation, state!, r), r));
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
  const tally = { attempts: 0, forbidden: 0, forbiddenSucceeded: 0, permittedRefused: 0 };
  const mismatches: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(database);
    // The product has no auditor or administrator functions yet: the policy's accounts for them.
    const hash = await t.deps.passwords.hash(t.deps.directory.demoPassword);
    const offices = [...new Set(t.deps.directory.offices.map((o) => o.id))];
    for (const office of offices) await t.deps.stores.identity.createUser({ id: `auditor.${office}`, login: `auditor.${office}`, name: 'Auditor', kind: 'staff', iin: null, bin: null }, hash, [{ officeId: office, role: 'auditor' }], Date.now());
    await t.deps.stores.identity.createUser({ id: 'administrator', login: 'administrator', name: 'Administrator', kind: 'staff', iin: null, bin: null }, hash, [], Date.now());
  }, 120_000);
  afterAll(async () => {
    console.log(`authorisation matrix on ${database}: attempts ${tally.attempts}, forbidden ${tally.forbidden}, forbidden that succeeded ${tally.forbiddenSucceeded}, permitted that were refused ${tally.permittedRefused}`);
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
  const call = async (p: Person, method: 'GET' | 'POST', path: string, options: { body?: unknown; multipart?: { fileName: string; mediaType: string; body: Buffer } } = {}): Promise<ApiResponse> =>
    t.api.request(method, path, { ...options, ...(p.login ? { token: await tokenOf(p.login) } : {}) });

  /** Tries one attempt and checks the answer against the policy; a forbidden attempt must also leave the case as it was. */
  async function attempt(p: Person, action: Action, expected: boolean, what: string, run: () => Promise<ApiResponse>, caseId?: string): Promise<ApiResponse> {
    const before = caseId ? (await t.deps.stores.cases.load(caseId))?.version : undefined;
    const res = await run();
    const after = caseId ? (await t.deps.stores.cases.load(caseId))?.version : undefined;
    const succeeded = (res.status >= 200 && res.status < 300) || before !== after;
    tally.attempts++;
    if (!expected) tally.forbidden++;
    if (!expected && succeeded) {
      tally.forbiddenSucceeded++;
      mismatches.push(`FORBIDDEN BUT SUCCEEDED: ${p.role} (${p.login ?? 'anonymous'}) ${action} ${what}: ${res.status}`);
    }
    if (expected && !succeeded) {
      tally.permittedRefused++;
      mismatches.push(`PERMITTED BUT REFUSED: ${p.role} (${p.login ?? 'anonymous'}) ${action} ${what}: ${res.status} ${JSON.stringify(res.json).slice(0, 200)}`);
    }
    if (!expected && p.login === undefined && res.status !== 401) mismatches.push(`anonymous ${action} ${what} answered ${res.status}, not 401`);
    return res;
  }

  it.each(['specialist-certificate', 'qualification-category', 'medical-organization-accreditation', 'organ-tissue-import-export-licence', 'hsc-sample-import-export-conclusion', 'gobmp-osms-provider-database', 'clinical-research-permit', 'foreign-specialist-clinical-practice', 'assessment-entity-accreditation', 'medical-activity-licence'])(
    'holds every role to the policy on %s',
    async (serviceId) => {
      const { deps } = t;
      const regulation = deps.regulations.find((r) => r.id === serviceId)!;
      const directory = deps.directory;
      const variant = regulation.variants[0]?.id;
      const channel = regulation.channels[0]!;
      const offices = (await t.api.request('GET', `/api/services/${serviceId}/offices`)).json as { providerOffices: { id: string }[]; centres: { id: string }[] };
      const providerOfficeId = offices.providerOffices[0]!.id;
      const centreOfficeId = channel === 'state-corporation' ? offices.centres[0]?.id : undefined;
      const resolved = resolveCaseOffices(directory, regulation, { channel, providerOfficeId, ...(centreOfficeId ? { centreOfficeId } : {}) });
      if (!resolved.ok) throw new Error(resolved.error.message.en);
      const first = firstApplicableFrom(regulation, 0, variant, channel)!;
      const firstOffice = resolved.value[regulation.roles.find((r) => r.id === first.actor)!.organisation];

      // Who plays each role for this service's cases.
      const applicants = applicantsOf(regulation);
      const postsOf = (login: string): Post[] => directory.demoUsers.find((u) => u.login === login)?.roles.map((r) => ({ officeId: r.office, role: r.role })) ?? [];
      const atOffice = (pattern: RegExp, fallback: string, skip = 0) =>
        directory.demoUsers.filter((u) => u.roles.some((r) => r.office === providerOfficeId && pattern.test(r.role)))[skip]?.login ?? fallback;
      const staffLogins: Partial<Record<Role, string>> = {
        clerk: atOffice(/^(clerk|branch-clerk)$/, 'committee-astana.clerk'),
        executor: atOffice(/^executor$/, 'committee-astana.executor-1'),
        'another executor': atOffice(/^executor$/, 'committee-turkistan.executor', 1),
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
        if (role === 'auditor') return { role, login: `auditor.${providerOfficeId}`, kind: 'staff', posts: [{ officeId: providerOfficeId, role: 'auditor' }] };
        if (role === 'administrator') return { role, login: 'administrator', kind: 'staff', posts: [] };
        const login = staffLogins[role]!;
        return { role, login, kind: 'staff', posts: postsOf(login) };
      });
      const rightActor = (officeId: string | undefined, role: string, assignee?: string): Person => {
        const login = assignee ?? directory.demoUsers.find((u) => u.roles.some((r) => r.role === role && r.office === officeId))?.login;
        if (!login) throw new Error(`no demo user is ${role} at ${officeId}`);
        return { role: 'right actor', login, kind: 'staff', posts: postsOf(login) };
      };
      /** Everyone, with the person who should succeed last, so that every other role is tried before the case moves on. */
      const everyoneThen = (right: Person) => [...people.filter((p) => p.login !== right.login), ...people.filter((p) => p.login === right.login), ...(people.some((p) => p.login === right.login) ? [] : [right])];
      const ruleOf = (action: Action, p: Person): Rule => (p.role === 'right actor' ? ruleForRightActor(action) : policy.get(action)!.get(p.role)!);
      // The right actor is staff holding the step's role: the policy's staff column (the clerk's) applies to them.
      const ruleForRightActor = (action: Action): Rule => policy.get(action)!.get('clerk')!;

      // Submission: every role lodges the application the way its channel asks.
      const applicantUser = directory.demoUsers.find((u) => u.login === applicants.login)!;
      const submitBody = (p: Person, attachment?: string) => ({
        service: serviceId,
        ...(variant !== undefined ? { variant } : {}),
        channel,
        providerOfficeId,
        ...(centreOfficeId ? { centreOfficeId } : {}),
        ...(p.kind === 'applicant' ? { as: applicants.as } : { applicant: applicants.as === 'legal-entity' ? { bin: applicantUser.bin } : { iin: applicantUser.iin } }),
        ...(attachment ? { attachments: [attachment] } : {}),
      });
      const submitter = channel === 'portal' ? people[0]! : rightActor(firstOffice, first.actor);
      const lodge = async (): Promise<CaseState> => {
        const upload = await call(submitter, 'POST', '/api/attachments', { multipart: { fileName: 'application.pdf', mediaType: 'application/pdf', body: PDF } });
        const res = await call(submitter, 'POST', '/api/applications', { body: submitBody(submitter, (upload.json as { id: string }).id) });
        if (res.status !== 201) throw new Error(`lodging ${serviceId} as ${submitter.login}: ${res.status} ${JSON.stringify(res.json)}`);
        return res.json as CaseState;
      };
      for (const p of everyoneThen(submitter)) {
        const expected = permitted(ruleOf('submit', p), p, { regulation, action: 'submit', channel, submitOffice: firstOffice, firstRole: first.actor });
        await attempt(p, 'submit', expected, `${serviceId} on ${channel}`, () => call(p, 'POST', '/api/applications', { body: submitBody(p) }));
      }

      const views = async (state: CaseState, attachmentId: string) => {
        for (const p of people) {
          const rule = (action: Action) => permitted(ruleOf(action, p), p, { regulation, state, action });
          await attempt(p, 'view case', rule('view case'), state.id, () => call(p, 'GET', `/api/cases/${state.id}`));
          await attempt(p, 'view attachments', rule('view attachments'), state.id, () => call(p, 'GET', `/api/attachments/${attachmentId}`));
          await attempt(p, 'receipt', rule('receipt'), state.id, () => call(p, 'GET', `/api/cases/${state.id}/receipt`));
          const inbox = await attempt(p, 'inbox', rule('inbox'), '', () => call(p, 'GET', '/api/inbox'));
          // An inbox lists the case only to whoever may take its current step.
          if (inbox.status === 200 && state.step) {
            const listed = (inbox.json as { tasks: { id: string }[] }).tasks.some((c) => c.id === state.id);
            const procedure = regulation.procedures.find((x) => x.id === state.step!.procedureId)!;
            const mayTake = permitted('step', p, { regulation, state, action: commandFor(procedure), procedureId: procedure.id });
            if (listed !== mayTake) mismatches.push(`inbox of ${p.role} (${p.login}) ${listed ? 'lists' : 'omits'} ${state.id} at ${procedure.id}`);
          }
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
      };

      const act = (p: Person, caseId: string, body: Record<string, unknown>) => call(p, 'POST', `/api/cases/${caseId}/actions`, { body });
      const load = async (id: string) => (await deps.stores.cases.load(id))!;

      // The main case: down its planned path, every role trying each step's action before its right actor.
      let state = await lodge();
      const attachmentId = (await deps.stores.attachments.ofCase(state.id))[0]!.id;
      await views(state, attachmentId);
      let suspendedOnce = false;
      for (let guard = 0; state.step && guard < 40; guard++) {
        const step = state.step;
        const procedure = regulation.procedures.find((x) => x.id === step.procedureId)!;
        const executorOffice = step.officeId;
        if (step.role === 'executor' && state.assignee === undefined) {
          const assigner = (procedure.participants ?? []).find((r) => r !== 'executor' && directory.demoUsers.some((u) => u.roles.some((x) => x.role === r && x.office === officeOfRole(regulation, state, r))));
          const executor = rightActor(executorOffice, 'executor');
          if (assigner) {
            for (const p of everyoneThen(rightActor(officeOfRole(regulation, state, assigner), assigner))) {
              const current = await load(state.id);
              const expected = permitted(ruleOf('assign', p), p, { regulation, state: current, action: 'assign' }) && current.assignee === undefined;
              await attempt(p, 'assign', expected, `${state.id} at ${procedure.id}`, () => act(p, state.id, { type: 'assign', assignee: executor.login! }), state.id);
              if ((await load(state.id)).assignee !== undefined) break;
            }
            state = await load(state.id);
          }
        }
        const right = rightActor(step.officeId, step.role, step.role === 'executor' ? state.assignee : undefined);
        // Once per case, at the first step after the first: every role tries to suspend, then to resume.
        if (!suspendedOnce && guard > 0) {
          suspendedOnce = true;
          for (const kind of ['suspend', 'resume'] as const) {
            for (const p of everyoneThen(right)) {
              const current = await load(state.id);
              const expected = permitted(ruleOf(kind, p), p, { regulation, state: current, action: kind });
              await attempt(p, kind, expected, `${state.id} at ${procedure.id}`, () => act(p, state.id, kind === 'suspend' ? { type: 'suspend', reason: 'Documents requested from the applicant' } : { type: 'resume' }), state.id);
            }
          }
          state = await load(state.id);
        }
        // Refusal and withdrawal end a case: here everyone the policy forbids tries them (those it permits do so on other cases below).
        for (const p of people) {
          if (!permitted(ruleOf('refuse', p), p, { regulation, state, action: 'refuse' })) {
            await attempt(p, 'refuse', false, `${state.id} at ${procedure.id}`, () => act(p, state.id, { type: 'refuse', grounds: ['Not allowed to refuse'] }), state.id);
          }
          if (!permitted(ruleOf('withdraw', p), p, { regulation, state, action: 'withdraw' })) {
            await attempt(p, 'withdraw', false, `${state.id} at ${procedure.id}`, () => act(p, state.id, { type: 'withdraw' }), state.id);
          }
        }
        state = await load(state.id);
        // The step's own command, and the other step commands, by everyone; the right actor's own command last.
        const own = commandFor(procedure);
        const outcome = procedure.outcomes?.[0]?.id;
        for (const command of [own, ...STEP_ACTIONS.filter((c) => c !== own)]) {
          for (const p of command === own ? everyoneThen(right) : people) {
            const current = await load(state.id);
            const expected = permitted(ruleOf(command, p), p, { regulation, state: current, action: command, procedureId: procedure.id });
            await attempt(p, command, expected, `${state.id} at ${procedure.id}`, () => act(p, state.id, { type: command, procedureId: procedure.id, ...(outcome ? { outcome } : {}) }), state.id);
          }
        }
        const next = await load(state.id);
        if (next.step?.procedureId === procedure.id && next.version === state.version) throw new Error(`${serviceId}: nobody could complete ${procedure.id}`);
        state = next;
      }
      await views(state, attachmentId);

      // A second case: every role tries to refuse it at its first step, the right actor last.
      const second = await lodge();
      const firstStep = second.step!;
      for (const p of everyoneThen(rightActor(firstStep.officeId, firstStep.role))) {
        const current = await load(second.id);
        await attempt(p, 'refuse', permitted(ruleOf('refuse', p), p, { regulation, state: current, action: 'refuse' }), `${second.id} at ${firstStep.procedureId}`, () => act(p, second.id, { type: 'refuse', grounds: ['Documents incomplete'] }), second.id);
      }
      // A third: every role tries to withdraw it, its applicant last.
      const third = await lodge();
      for (const p of [...people.slice(1), people[0]!]) {
        const current = await load(third.id);
        await attempt(p, 'withdraw', permitted(ruleOf('withdraw', p), p, { regulation, state: current, action: 'withdraw' }), third.id, () => act(p, third.id, { type: 'withdraw' }), third.id);
      }
      expect((await load(third.id)).status).toBe('withdrawn');
      expect(mismatches).toEqual([]);
    },
    120_000,
  );
});
