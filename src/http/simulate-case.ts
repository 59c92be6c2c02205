import type { CaseView } from '../app/view-case.js';
import type { TDirectory } from '../core/directory/directory-schema.js';
import type { CaseEvent } from '../core/engine/case-events.js';
import type { CaseState } from '../core/engine/case-model.js';
import { firstApplicableFrom } from '../core/regulation/planned-path.js';
import type { TChannel, TRegulation } from '../core/regulation/schema.js';
import type { ApiClient, ApiResponse } from './api-client.js';
import { completingCommand } from '../core/engine/completing-command.js';
import { assignersOf, awaitsExecutor, refusingOutcome } from '../core/engine/duties.js';
import { nextDuty } from '../core/engine/next-duty.js';
import { bodyAt } from '../core/directory/body-at.js';
import { demonstrationMeeting } from '../core/meeting/demonstration-meeting.js';

/** Which path to drive a case down. */
export type SimulatedOutcome = 'issued' | 'refused';

/** What a simulation reports (the `reglament simulate --json` shape). */
export interface SimulationReport {
  readonly service: string;
  readonly variant: string | null;
  readonly channel: TChannel;
  readonly caseId: string;
  readonly status: string;
  readonly result: { readonly kind: string; readonly number: string } | null;
  readonly steps: readonly ({
    readonly id: string;
    readonly actor: string;
    readonly due: string | null;
    readonly completedAt: string | null;
    readonly by: string | null;
    readonly outcome: string | null;
  } & DutiesDone)[];
  readonly historyEntries: number;
  readonly auditVerified: boolean;
}

/** How a step was done: the command that completed it, who agreed, and every signer in order. */
export interface DutiesDone {
  readonly command: string | null;
  readonly agreedBy: readonly { readonly by: string; readonly role: string }[];
  readonly signers: readonly { readonly by: string; readonly role: string; readonly acting?: { readonly for: string; readonly order: string } }[];
}

/** The duties done at one procedure, read from the case file. */
function dutiesDone(view: CaseView, regulation: TRegulation, procedureId: string): DutiesDone {
  const events = view.history.map((h) => h.event);
  const procedure = regulation.procedures.find((p) => p.id === procedureId);
  const completed = events.findIndex((e) => e.type === 'step-completed' && e.procedureId === procedureId);
  if (completed < 0 || !procedure) return { command: null, agreedBy: [], signers: [] };
  const done = events[completed] as Extract<CaseEvent, { type: 'step-completed' }>;
  const byRefusal =
    events[completed - 1]?.type === 'refused' || events.some((e) => e.type === 'step-proposed' && e.procedureId === procedureId && e.grounds !== undefined);
  const command = completingCommand(procedure);
  const agreedBy = events.flatMap((e) => (e.type === 'agreed' && e.procedureId === procedureId ? [{ by: e.by, role: e.role }] : []));
  const signed = events.flatMap((e) =>
    e.type === 'signed' && e.procedureId === procedureId ? [{ by: e.by, role: e.role, ...(e.acting ? { acting: e.acting } : {}) }] : [],
  );
  const last = { by: done.by, role: done.role ?? procedure.actor, ...(done.acting ? { acting: done.acting } : {}) };
  return { command: byRefusal ? 'refuse' : command, agreedBy, signers: command === 'sign' ? [...signed, last] : [] };
}

/** The scripted run went wrong: the server refused a call the script expected to succeed. */
export class SimulationFailed extends Error {}

// A small PDF, enough for the upload's type check.
const SAMPLE_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

/** The demo applicant for a service: an individual where the regulation accepts one, else the legal entity it concerns. */
function applicantLogin(regulation: TRegulation): { login: string; as: 'individual' | 'legal-entity' } {
  if (regulation.applicants.includes('individual')) return { login: 'doctor.askar', as: 'individual' };
  const byService: Record<string, string> = {
    'organ-tissue-import-export-licence': 'importer.biotransplant',
    'hsc-sample-import-export-conclusion': 'importer.biotransplant',
    'clinical-research-permit': 'research.centre',
    'assessment-entity-accreditation': 'assessor.sapa',
  };
  return { login: byService[regulation.id] ?? 'clinic.shipager', as: 'legal-entity' };
}

/**
 * Drives one application from submission to its result through the REST API, signing in as the
 * demo user who holds each step's role at the step's office. For `refused`, it takes the first
 * outcome on the way that decides a negative result, or, when the path has none, refuses with
 * grounds at the first step after registration.
 */
export async function simulateCase(
  api: ApiClient,
  // `format` writes an instant as local ISO time (its first ten characters are the local day).
  input: {
    regulation: TRegulation;
    directory: TDirectory;
    variant?: string | undefined;
    channel?: TChannel | undefined;
    outcome: SimulatedOutcome;
    format: (ms: number) => string;
    baseNumber?: string;
    tokens?: Map<string, string>;
  },
): Promise<SimulationReport> {
  const { regulation, directory } = input;
  const variant = input.variant ?? regulation.variants[0]?.id;
  const channel = input.channel ?? regulation.channels[0]!;
  // Sessions are reused across simulations when the caller keeps them, as people stay signed in.
  const tokens = input.tokens ?? new Map<string, string>();
  const call = async (res: Promise<ApiResponse>, what: string) => {
    const r = await res;
    if (r.status >= 300) throw new SimulationFailed(`${what}: HTTP ${r.status} ${JSON.stringify(r.json)}`);
    return r.json as never;
  };
  const tokenOf = async (login: string) => {
    if (!tokens.has(login)) {
      const signed: { token: string } = await call(
        api.request('POST', '/api/auth/login', { body: { login, password: directory.demoPassword } }),
        `sign in as ${login}`,
      );
      tokens.set(login, signed.token);
    }
    return tokens.get(login)!;
  };
  const holderOf = (officeId: string | undefined, role: string) => {
    const user = directory.demoUsers.find((u) => u.roles.some((r) => r.role === role && (officeId === undefined || r.office === officeId)));
    if (!user) throw new SimulationFailed(`no demo user is ${role} at ${officeId}`);
    return user.login;
  };

  // Who lodges it: the applicant on the portal, else the first procedure's actor at the chosen office.
  const applicant = applicantLogin(regulation);
  const offices: { providerOffices: { id: string }[]; centres: { id: string }[] } = await call(
    api.request('GET', `/api/services/${regulation.id}/offices`),
    'offices',
  );
  const providerOfficeId = offices.providerOffices[0]?.id;
  const centreOfficeId = channel === 'state-corporation' ? offices.centres[0]?.id : undefined;
  const applicantUser = directory.demoUsers.find((u) => u.login === applicant.login)!;
  let submitter = applicant.login;
  if (channel !== 'portal') {
    const first = firstApplicableFrom(regulation, 0, variant, channel)!;
    const role = regulation.roles.find((r) => r.id === first.actor)!;
    submitter = holderOf(role.organisation === 'state-corporation' ? centreOfficeId : providerOfficeId, first.actor);
  }
  const token = await tokenOf(submitter);
  const uploaded: { id: string } = await call(
    api.request('POST', '/api/attachments', { token, multipart: { fileName: 'application.pdf', mediaType: 'application/pdf', body: SAMPLE_PDF } }),
    'upload',
  );
  const body = {
    service: regulation.id,
    ...(variant !== undefined ? { variant } : {}),
    channel,
    ...(providerOfficeId ? { providerOfficeId } : {}),
    ...(centreOfficeId ? { centreOfficeId } : {}),
    ...(channel === 'portal' ? { as: applicant.as } : { applicant: applicant.as === 'legal-entity' ? { bin: applicantUser.bin } : { iin: applicantUser.iin } }),
    attachments: [uploaded.id],
    ...(input.baseNumber ? { baseNumber: input.baseNumber } : {}),
  };
  // On the portal the applicant signs the statement when the server asks for it: in a demonstration with the demo key.
  const mode: { demo: boolean; portalSignature: string; staffSignature?: string } = await call(api.request('GET', '/api/signature/mode'), 'signature mode');
  if (channel === 'portal' && mode.portalSignature === 'required') {
    if (!mode.demo) throw new SimulationFailed('the server requires signed applications and has no demo keys to sign them with');
    const statement: { base64: string } = await call(api.request('POST', '/api/applications/statement', { token, body }), 'statement');
    const signed: { cms: string } = await call(
      api.request('POST', '/api/signature/demo-sign', { token, body: { base64: statement.base64, purpose: 'signing' } }),
      'sign the statement',
    );
    Object.assign(body, { signature: signed.cms });
  }
  let state: CaseState = await call(
    api.request('POST', '/api/applications', { token, body, headers: { 'idempotency-key': `sim-${Date.now()}-${Math.random()}` } }),
    'submit',
  );
  const caseId = state.id;

  let refused = false;
  /** The signer's own signature over the document's draft: in a demonstration, with their demo key; none where the server does not ask for one. */
  const signatureOf = async (role: string, procedureId: string, outcome: string | undefined): Promise<string | undefined> => {
    if (!mode.demo) {
      if (mode.staffSignature === 'required') throw new SimulationFailed('the server requires signers’ own signatures and has no demo keys to sign with');
      return undefined;
    }
    const signer = holderOf(officeOfRole(role), role);
    const draft: { base64: string } = await call(
      api.request('GET', `/api/cases/${caseId}/result-draft${outcome ? `?outcome=${encodeURIComponent(outcome)}` : ''}`, { token: await tokenOf(signer) }),
      `the draft at ${procedureId}`,
    );
    return demoSignatureOf(signer, draft.base64, `the draft at ${procedureId}`);
  };
  /** A detached CMS over `base64` with the demo key of `login`, where the server has demo keys. */
  const demoSignatureOf = async (login: string, base64: string, what: string): Promise<string | undefined> => {
    if (!mode.demo) return undefined;
    const signed: { cms: string } = await call(
      api.request('POST', '/api/signature/demo-sign', { token: await tokenOf(login), body: { base64, purpose: 'signing' } }),
      `sign ${what}`,
    );
    return signed.cms;
  };
  const officeOfRole = (roleId: string) => state.offices[regulation.roles.find((r) => r.id === roleId)?.organisation ?? 'provider'];
  for (let guard = 0; state.step && guard < 100; guard++) {
    const step = state.step;
    const procedure = regulation.procedures.find((p) => p.id === step.procedureId)!;
    const actAs = async (role: string, action: unknown, what: string): Promise<CaseState> => {
      const login = holderOf(officeOfRole(role), role);
      return call(
        api.request('POST', `/api/cases/${caseId}/actions`, {
          token: await tokenOf(login),
          body: action,
          headers: { 'idempotency-key': `${caseId}-${guard}-${what}` },
        }),
        `${what} at ${procedure.id} as ${login}`,
      );
    };
    // Each duty is done by the role the definition gives it: agreement in order, then signatures in order.
    const duty = nextDuty(state, regulation)!;
    const negative = refusingOutcome(procedure);
    const outcome = input.outcome === 'refused' && !refused && negative ? negative : procedure.outcomes?.[0];
    if (duty.command === 'agree') {
      state = await actAs(duty.role, { type: 'agree', procedureId: procedure.id, agreed: true }, 'agree');
      continue;
    }
    if (duty.command === 'sign') {
      const signature = await signatureOf(duty.role, procedure.id, outcome?.id);
      state = await actAs(
        duty.role,
        { type: 'sign', procedureId: procedure.id, ...(outcome ? { outcome: outcome.id } : {}), ...(signature ? { signature } : {}) },
        'sign',
      );
      if (outcome && negative && outcome.id === negative.id) refused = true;
      continue;
    }
    const command = duty.command;
    if (awaitsExecutor(state, regulation)) {
      const assigner = assignersOf(regulation, procedure).find((r) =>
        directory.demoUsers.some((u) => u.roles.some((p) => p.role === r && p.office === officeOfRole(r))),
      );
      if (assigner) state = await actAs(assigner, { type: 'assign', assignee: holderOf(step.officeId, step.role) }, 'assign');
    }
    if (command === 'record-meeting') {
      // The whole body meets on the day the procedure began and votes for the decision; its keeper uploads the minutes and records it.
      const meeting = procedure.meeting!;
      const body = bodyAt(directory)(meeting.body, officeOfRole(meeting.body));
      if (!body) throw new SimulationFailed(`no ${meeting.body} at ${officeOfRole(meeting.body)} in the directory`);
      const recorder = holderOf(step.officeId, step.role);
      const minutes: { id: string } = await call(
        api.request('POST', '/api/attachments', {
          token: await tokenOf(recorder),
          multipart: { fileName: 'minutes.pdf', mediaType: 'application/pdf', body: SAMPLE_PDF },
        }),
        'upload the minutes',
      );
      const record = demonstrationMeeting(procedure, body, { decision: outcome?.id, heldOn: input.format(step.startedAt).slice(0, 10), minutes: minutes.id });
      // The keeper signs the minutes with their own key, as a signer signs a document: in a demonstration, the demo key.
      const minutesSignature = await demoSignatureOf(recorder, SAMPLE_PDF.toString('base64'), `the minutes at ${procedure.id}`);
      state = await actAs(step.role, minutesSignature ? { ...record, meeting: { ...record.meeting, minutesSignature } } : record, 'meeting');
      if (outcome && negative && outcome.id === negative.id) refused = true;
      continue;
    }
    if (outcome && negative && outcome.id === negative.id) {
      // A refusal is the performer's, with its grounds; it then goes on to agreement and signature.
      state = await actAs(
        step.role,
        { type: 'refuse', grounds: ['Simulated refusal: the documents do not meet the requirements (Standard п. 10).'] },
        'refuse',
      );
      refused = true;
      continue;
    }
    state = await actAs(step.role, { type: command, procedureId: procedure.id, ...(outcome ? { outcome: outcome.id } : {}) }, 'step');
  }
  if (input.outcome === 'refused' && !refused)
    throw new SimulationFailed(`no procedure on the path of ${regulation.id} ${variant ?? ''}/${channel} decides a refusal`);

  const view: CaseView = await call(api.request('GET', `/api/cases/${caseId}`, { token }), 'view');
  const when = (ms: number | null) => (ms === null ? null : input.format(ms));
  return {
    service: regulation.id,
    variant: variant ?? null,
    channel,
    caseId,
    status: view.case.status,
    result: view.case.result ? { kind: view.case.result.kind, number: view.case.result.number } : null,
    steps: view.actual.map((s) => ({
      id: s.procedureId,
      actor: s.role,
      due: when(s.due),
      completedAt: when(s.completedAt),
      by: s.completedBy,
      outcome: s.outcome,
      ...dutiesDone(view, regulation, s.procedureId),
    })),
    historyEntries: view.history.length,
    auditVerified: view.historyVerified,
  };
}
