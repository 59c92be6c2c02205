import type { FastifyInstance } from 'fastify';
import type { AllowedCommand } from '../../src/core/engine/allowed-commands.js';
import type { CaseState } from '../../src/core/engine/case-model.js';
import type { TDirectory } from '../../src/core/directory/directory-schema.js';

type View = { case: CaseState; allowed: AllowedCommand[] };

/**
 * Drives a case forward as its offices would, asking the server at each turn what each member of
 * staff there may do (the case view's `allowed`) and doing the first duty due: an agreement, naming
 * an executor, then the step itself with its first outcome. Stops before the first turn at which
 * `stop` holds, or when the case ends; `skip` lists people who never act.
 */
export async function driveCase(
  app: FastifyInstance,
  directory: TDirectory,
  tokenOf: (login: string) => Promise<string>,
  caseId: string,
  stop: (state: CaseState) => boolean,
  skip: readonly string[] = [],
): Promise<CaseState> {
  const viewAs = async (login: string): Promise<View | undefined> => {
    const answer = await app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: { authorization: `Bearer ${await tokenOf(login)}` } });
    return answer.statusCode === 200 ? answer.json<View>() : undefined;
  };
  const act = async (login: string, body: Record<string, unknown>) => {
    const answer = await app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/actions`,
      headers: { authorization: `Bearer ${await tokenOf(login)}` },
      payload: body,
    });
    if (answer.statusCode !== 200) throw new Error(`${login} ${JSON.stringify(body)}: ${answer.statusCode} ${answer.body}`);
    return answer.json<CaseState>();
  };
  const known = new Map<string, Map<string, string>>();
  const kindsOf = async (service: string) => {
    if (!known.has(service)) {
      const regulation = (await app.inject({ method: 'GET', url: `/api/services/${service}` })).json<{ roles: { id: string; kind: string }[] }>();
      known.set(service, new Map(regulation.roles.map((r) => [r.id, r.kind])));
    }
    return known.get(service)!;
  };
  let state: CaseState | undefined;
  for (let guard = 0; guard < 60; guard++) {
    const offices = state ? Object.values(state.offices) : undefined;
    const staff = directory.demoUsers.filter(
      (u) => u.kind === 'staff' && !skip.includes(u.login) && (!offices || u.roles.some((r) => offices.includes(r.office))),
    );
    const views: [string, View][] = [];
    for (const u of staff) {
      const v = await viewAs(u.login);
      if (v) views.push([u.login, v]);
    }
    state = views[0]?.[1].case;
    if (!state || !state.step || stop(state)) return state!;
    const duty = (type: AllowedCommand['type']) => views.find(([, v]) => v.allowed.some((a) => a.type === type));
    const agree = duty('agree');
    if (agree) {
      state = await act(agree[0], { type: 'agree', procedureId: state.step.procedureId, agreed: true });
      continue;
    }
    const step0 = state.step;
    const executors = directory.demoUsers.filter((u) => u.roles.some((r) => r.role === step0.role && r.office === step0.officeId));
    const assign = duty('assign');
    // An executor's step not yet given to anyone: whoever may name the executor names one.
    const kinds = await kindsOf(state.service);
    const named = state.assignee !== undefined && (state.assigneeRole === undefined || state.assigneeRole === step0.role);
    if (assign && !named && kinds.get(step0.role) === 'executor' && executors[0]) {
      state = await act(assign[0], { type: 'assign', assignee: executors[0].login });
      continue;
    }
    const step = views
      .map(
        ([login, v]) =>
          [login, v.allowed.find((a) => a.type === 'complete-step' || a.type === 'register' || a.type === 'sign' || a.type === 'deliver')] as const,
      )
      .find(([, a]) => a !== undefined);
    if (!step) throw new Error(`nobody may act on ${caseId} at ${state.step.procedureId}`);
    const [login, command] = step as [string, Extract<AllowedCommand, { outcomes: readonly string[] }>];
    state = await act(login, { type: command.type, procedureId: command.procedureId, ...(command.outcomes[0] ? { outcome: command.outcomes[0] } : {}) });
  }
  throw new Error(`${caseId} did not end`);
}
