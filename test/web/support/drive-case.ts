import { expect } from 'vitest';
import type { CaseState } from '../../../src/core/engine/case-model.js';
import { assignersOf, awaitsExecutor } from '../../../src/core/engine/duties.js';
import { nextDuty } from '../../../src/core/engine/next-duty.js';
import type { WebServer } from './web-server.js';

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');

/** Lodges an application through the API as the demo applicant, with one PDF attached. */
export async function lodge(server: WebServer, applicant: string, body: Record<string, unknown>): Promise<string> {
  const token = await server.tokenOf(applicant);
  const upload = await server.api.request('POST', '/api/attachments', {
    token,
    multipart: { fileName: 'documents.pdf', mediaType: 'application/pdf', body: PDF },
  });
  const submitted = await server.api.request('POST', '/api/applications', { token, body: { ...body, attachments: [(upload.json as { id: string }).id] } });
  expect(submitted.status, JSON.stringify(submitted.json)).toBe(201);
  return (submitted.json as CaseState).id;
}

/**
 * Takes a case through the API, each duty by the demo user who holds it (naming the executor where
 * one is awaited), on the planned path, until it reaches `procedureId`: the part a browser test is
 * not about.
 */
export async function driveTo(server: WebServer, caseId: string, procedureId: string): Promise<CaseState> {
  const { directory, regulations } = server.deps;
  const holder = (officeId: string | undefined, role: string) =>
    directory.demoUsers.find((u) => u.roles.some((r) => r.role === role && r.office === officeId))!.login;
  for (let guard = 0; guard < 50; guard++) {
    const state = (await server.deps.stores.cases.load(caseId))!;
    const regulation = regulations.find((r) => r.id === state.service)!;
    if (state.step?.procedureId === procedureId) return state;
    if (!state.step) throw new Error(`${caseId} ended before ${procedureId}`);
    const procedure = regulation.procedures.find((p) => p.id === state.step!.procedureId)!;
    const officeOf = (role: string) => state.offices[regulation.roles.find((r) => r.id === role)?.organisation ?? 'provider'];
    const act = async (login: string, body: Record<string, unknown>) => {
      const res = await server.api.request('POST', `/api/cases/${caseId}/actions`, { token: await server.tokenOf(login), body });
      expect(res.status, `${login} at ${procedure.id}: ${JSON.stringify(res.json)}`).toBe(200);
    };
    if (awaitsExecutor(state, regulation)) {
      const assigner = assignersOf(regulation, procedure)[0]!;
      await act(holder(officeOf(assigner), assigner), { type: 'assign', assignee: holder(state.step.officeId, state.step.role) });
      continue;
    }
    const duty = nextDuty(state, regulation)!;
    const outcome = procedure.outcomes?.[0]?.id;
    if (duty.command === 'record-meeting') throw new Error(`${procedure.id} is decided at a meeting: record it in the test`);
    await act(
      holder(officeOf(duty.role), duty.role),
      duty.command === 'agree'
        ? { type: 'agree', procedureId: procedure.id, agreed: true }
        : { type: duty.command, procedureId: procedure.id, ...(outcome ? { outcome } : {}) },
    );
  }
  throw new Error(`${caseId} did not reach ${procedureId}`);
}
