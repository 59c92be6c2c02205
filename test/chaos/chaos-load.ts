import type { TDirectory } from '../../src/core/directory/directory-schema.js';
import type { CaseState } from '../../src/core/engine/case-model.js';
import type { TProcedure, TRegulation } from '../../src/core/regulation/schema.js';
import type { DefinitiveAnswer, Send } from './resilient-client.js';
import { assignersOf, awaitsExecutor, isExecutorRole } from '../../src/core/engine/duties.js';
import { nextDuty } from '../../src/core/engine/next-duty.js';

/** A submission the server answered with a success: it must be in the database. */
export interface AcceptedSubmission {
  readonly key: string;
  readonly userId: string;
  readonly caseId: string;
  readonly attachmentId: string;
}

/** An action the server answered with a success: its event must be in the case's history. */
export interface AcceptedAction {
  readonly caseId: string;
  readonly by: string;
  readonly action: { readonly type: string; readonly procedureId?: string; readonly assignee?: string };
}

/** Everything the clients were told, to hold against the database afterwards. */
export interface Ledger {
  readonly submissions: AcceptedSubmission[];
  readonly actions: AcceptedAction[];
  /** Definitive refusals, by error code. */
  readonly refused: Record<string, number>;
  /** Refusals of a request the client had to resend after getting no answer: a replay that did not recognise its first attempt. */
  readonly refusedAfterRetry: { readonly what: string; readonly status: number; readonly code: string }[];
}

/** A new, empty ledger. */
export const newLedger = (): Ledger => ({ submissions: [], actions: [], refused: {}, refusedAfterRetry: [] });

/** The applicants whose portal applications make the load (the overdue cases belong to someone else). */
export const LOAD_APPLICANTS = ['doctor.askar', 'doctor.aigul'] as const;

const SERVICE = 'specialist-certificate';
const OFFICE = 'committee-astana';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

const codeOf = (answer: DefinitiveAnswer) => (answer.json as { error?: { code?: string } } | null)?.error?.code ?? `http-${answer.status}`;

/**
 * Drives applications through the HTTP API as their people would: an applicant uploads a
 * document and applies on the portal, the clerk registers, the department head assigns, the
 * executor checks and signs; one application in ten is withdrawn instead. Every POST carries an
 * Idempotency-Key and is resent unchanged when it got no answer.
 */
export function chaosLoad(input: {
  send: Send;
  regulation: TRegulation;
  directory: TDirectory;
  tokens: ReadonlyMap<string, string>;
  ledger: Ledger;
  random: () => number;
}) {
  const { send, regulation, directory, tokens, ledger, random } = input;
  let serial = 0;
  const holderOf = (officeId: string | undefined, role: string) =>
    directory.demoUsers.filter((u) => u.roles.some((r) => r.role === role && r.office === officeId)).map((u) => u.login);
  const token = (login: string) => {
    const t = tokens.get(login);
    if (!t) throw new Error(`no session for ${login}`);
    return t;
  };
  const record = (answer: DefinitiveAnswer, what: string) => {
    const code = codeOf(answer);
    ledger.refused[code] = (ledger.refused[code] ?? 0) + 1;
    if (answer.unanswered > 0) ledger.refusedAfterRetry.push({ what, status: answer.status, code });
  };

  /** One application from submission to its end (or to where a refusal leaves it). */
  async function runOne(): Promise<void> {
    const applicant = LOAD_APPLICANTS[Math.floor(random() * LOAD_APPLICANTS.length)]!;
    const upload = await send('POST', '/api/attachments', { token: token(applicant), file: { name: 'diploma.pdf', type: 'application/pdf', bytes: PDF } });
    if (upload.status !== 201) return void record(upload, 'upload');
    const attachmentId = (upload.json as { id: string }).id;
    const key = `chaos-${process.pid}-${Date.now()}-${serial++}`;
    const submitted = await send('POST', '/api/applications', {
      token: token(applicant),
      headers: { 'idempotency-key': key },
      body: { service: SERVICE, channel: 'portal', providerOfficeId: OFFICE, attachments: [attachmentId] },
    });
    if (submitted.status !== 201) return void record(submitted, 'submit');
    let state = submitted.json as CaseState;
    ledger.submissions.push({ key, userId: applicant, caseId: state.id, attachmentId });

    let n = 0;
    const act = async (login: string, action: AcceptedAction['action'] & Record<string, unknown>): Promise<boolean> => {
      const answer = await send('POST', `/api/cases/${state.id}/actions`, {
        token: token(login),
        headers: { 'idempotency-key': `chaos-${state.id}-${n++}` },
        body: action,
      });
      if (answer.status === 200) {
        ledger.actions.push({
          caseId: state.id,
          by: login,
          action: {
            type: action.type,
            ...(action.procedureId ? { procedureId: action.procedureId } : {}),
            ...(action.assignee ? { assignee: action.assignee } : {}),
          },
        });
        state = answer.json as CaseState;
        return true;
      }
      record(answer, `${action.type} ${action.procedureId ?? ''} on ${state.id}`);
      // Carry on from where the case really is.
      const view = await send('GET', `/api/cases/${state.id}`, { token: token(applicant) });
      if (view.status === 200) state = (view.json as { case: CaseState }).case;
      return false;
    };

    if (random() < 0.1) {
      await act(applicant, { type: 'withdraw' });
      return;
    }
    let refusals = 0;
    while (state.step && refusals < 3) {
      const step = state.step;
      const procedure = regulation.procedures.find((p) => p.id === step.procedureId)!;
      const officeOf = (role: string) => state.offices[regulation.roles.find((r) => r.id === role)?.organisation ?? 'provider'];
      if (awaitsExecutor(state, regulation)) {
        const assigner = assignersOf(regulation, procedure).find((r) => holderOf(officeOf(r), r).length > 0);
        const executors = holderOf(step.officeId, step.role);
        if (assigner && executors.length > 0) {
          if (!(await act(holderOf(officeOf(assigner), assigner)[0]!, { type: 'assign', assignee: executors[Math.floor(random() * executors.length)]! })))
            refusals++;
          continue;
        }
      }
      const duty = nextDuty(state, regulation)!;
      const actor = isExecutorRole(regulation, duty.role) && state.assignee !== undefined ? state.assignee : holderOf(officeOf(duty.role), duty.role)[0];
      if (actor === undefined) throw new Error(`no demo user is ${duty.role} at ${officeOf(duty.role)}`);
      const outcome = procedure.outcomes?.[0]?.id;
      const action =
        duty.command === 'agree'
          ? { type: 'agree', procedureId: procedure.id, agreed: true }
          : { type: duty.command, procedureId: procedure.id, ...(outcome ? { outcome } : {}) };
      if (!(await act(actor, action))) refusals++;
    }
  }

  return { runOne };
}

/** The logins the load acts as. */
export function loadLogins(regulation: TRegulation, directory: TDirectory): string[] {
  const roles = new Set(regulation.roles.map((r) => r.id));
  const staff = directory.demoUsers.filter((u) => u.roles.some((r) => r.office === OFFICE && roles.has(r.role))).map((u) => u.login);
  return [...LOAD_APPLICANTS, ...staff];
}

/** The service the load applies for. */
export const LOAD_SERVICE = SERVICE;
