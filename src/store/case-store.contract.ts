import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/load-catalogue.js';
import { loadClockSet } from '../catalogue/load-clock.js';
import type { CaseCommand } from '../core/engine/case-commands.js';
import type { CaseActor, CaseState } from '../core/engine/case-model.js';
import { decideCase } from '../core/engine/decide-case.js';
import { evolveCase } from '../core/engine/evolve-case.js';
import { DEMONSTRATION_POLICY } from '../core/regulation/admission.js';
import { verifyChain } from './audit-chain.js';
import type { AppendRequest, CaseStore } from '../app/ports/case-store.js';

const regulation = loadCatalogue().regulations.find((r) => r.id === 'specialist-certificate')!;
const { clockFor } = loadClockSet();
const applicant: CaseActor = { userId: 'applicant-1', roles: ['applicant'] };
const clerk: CaseActor = { userId: 'clerk-1', roles: ['clerk'], officeId: 'almaty' };

/** Decides a command on a state and packages the append. */
function decided(state: CaseState | undefined, caseId: string, command: CaseCommand, actor: CaseActor, now: number, idempotencyKey?: string): AppendRequest {
  const d = decideCase(state, command, { regulation, clockFor, policy: DEMONSTRATION_POLICY, now, actor });
  if (!d.ok) throw new Error(d.error.message.en);
  const next = d.value.reduce<CaseState | undefined>(evolveCase, state)!;
  return { caseId, expectedVersion: state?.version ?? 0, events: d.value, state: next, ...(idempotencyKey ? { idempotencyKey } : {}) };
}
const submitOf = (caseId: string): CaseCommand => ({
  type: 'submit',
  caseId,
  variant: undefined,
  channel: 'portal',
  applicantId: 'applicant-1',
  offices: { provider: 'almaty' },
});
const T0 = Date.parse('2026-04-06T10:00:00+05:00');

/** The behaviour every store adapter must have; `tamper` rewrites one stored event body behind the store's back. */
export function runStoreContract(name: string, open: () => Promise<CaseStore & { tamper(caseId: string, seq: number, body: string): Promise<void> }>) {
  describe(`case store contract: ${name}`, () => {
    let store: Awaited<ReturnType<typeof open>>;
    let n = 0;
    const freshId = () => `case-${name}-${Date.now()}-${n++}`;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });

    it('keeps a case: appends, loads the state and the ordered history', async () => {
      const id = freshId();
      const first = decided(undefined, id, submitOf(id), applicant, T0);
      expect(await store.append(first)).toEqual({ ok: true, value: { version: 1, replayed: false, caseId: id } });
      const second = decided(first.state, id, { type: 'register', procedureId: 'register' }, clerk, T0 + 3_600_000);
      expect((await store.append(second)).ok).toBe(true);
      const loaded = await store.load(id);
      expect(loaded).toEqual(JSON.parse(JSON.stringify(second.state)));
      expect((await store.history(id)).map((e) => [e.seq, e.event.type])).toEqual([
        [1, 'submitted'],
        [2, 'step-completed'],
      ]);
    });

    it('lets only one of two commands decided on the same version win, and writes nothing for the loser', async () => {
      const id = freshId();
      const first = decided(undefined, id, submitOf(id), applicant, T0);
      await store.append(first);
      const a = decided(first.state, id, { type: 'register', procedureId: 'register' }, clerk, T0 + 1000);
      const b = decided(first.state, id, { type: 'withdraw' }, applicant, T0 + 2000);
      const results = await Promise.all([store.append(a), store.append(b)]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'version-conflict', currentVersion: 2 } });
      expect(await store.history(id)).toHaveLength(2);
    });

    it('lets only one of two simultaneous submissions of one case win', async () => {
      const id = freshId();
      const results = await Promise.all([
        store.append(decided(undefined, id, submitOf(id), applicant, T0)),
        store.append(decided(undefined, id, submitOf(id), applicant, T0 + 5)),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(await store.history(id)).toHaveLength(1);
    });

    it('answers a repeated POST with the same idempotency key without appending again', async () => {
      const id = freshId();
      const key = `key-${id}`;
      const req = decided(undefined, id, submitOf(id), applicant, T0, key);
      expect(await store.append(req)).toEqual({ ok: true, value: { version: 1, replayed: false, caseId: id } });
      expect(await store.append(req)).toEqual({ ok: true, value: { version: 1, replayed: true, caseId: id } });
      expect(await store.history(id)).toHaveLength(1);
      // A retried submission gets a new case id; the key still leads to the first case, and the new id is never written.
      const retryId = freshId();
      expect(await store.append({ ...decided(undefined, retryId, submitOf(retryId), applicant, T0, key) })).toEqual({
        ok: true,
        value: { version: 1, replayed: true, caseId: id },
      });
      expect(await store.load(retryId)).toBeUndefined();
      expect(await store.replayOf(key)).toEqual({ caseId: id, version: 1 });
      expect(await store.replayOf(`never-used-${id}`)).toBeUndefined();
    });

    it('puts a case in the inbox of the post its step waits for, and takes it out when done', async () => {
      const id = freshId();
      const s1 = decided(undefined, id, submitOf(id), applicant, T0);
      await store.append(s1);
      const clerkPost = [{ officeId: 'almaty', role: 'clerk' }];
      expect((await store.inbox('clerk-1', clerkPost)).map((c) => c.id)).toContain(id);
      expect((await store.inbox('clerk-1', [{ officeId: 'astana', role: 'clerk' }])).map((c) => c.id)).not.toContain(id);
      expect((await store.casesOfApplicant('applicant-1')).map((c) => c.id)).toContain(id);
      expect((await store.casesAtOffices(['almaty'], { limit: 50, offset: 0 })).map((c) => c.id)).toContain(id);
      await store.append(decided(s1.state, id, { type: 'register', procedureId: 'register' }, clerk, T0 + 1000));
      expect((await store.inbox('clerk-1', clerkPost)).map((c) => c.id)).not.toContain(id);
    });

    it('lists a step bound to a named executor only to them, whatever the executor role is called', async () => {
      const id = freshId();
      const s1 = decided(undefined, id, submitOf(id), applicant, T0);
      await store.append(s1);
      const registered = decided(s1.state, id, { type: 'register', procedureId: 'register' }, clerk, T0 + 1000);
      // The state as an officer's step named to off-1 leaves it (the store projects whatever state it is given).
      const bound: CaseState = {
        ...registered.state,
        step: { ...registered.state.step!, role: 'authorised-officer' },
        assignee: 'off-1',
        assigneeRole: 'authorised-officer',
      };
      await store.append({ ...registered, state: bound });
      const post = [{ officeId: 'almaty', role: 'authorised-officer' }];
      expect((await store.inbox('off-1', post)).map((c) => c.id)).toContain(id);
      expect((await store.inbox('off-2', post)).map((c) => c.id)).not.toContain(id);
    });

    it('claims a due timer once until its lease runs out, and not at all once escalated', async () => {
      const id = freshId();
      const s1 = decided(undefined, id, submitOf(id), applicant, T0);
      await store.append(s1);
      const due = s1.state.step!.due!;
      expect(await store.claimDueTimers(due - 1, 1000, 60_000)).not.toContain(id);
      const [a, b] = await Promise.all([store.claimDueTimers(due + 1, 1000, 60_000), store.claimDueTimers(due + 1, 1000, 60_000)]);
      expect([...a!, ...b!].filter((c) => c === id)).toHaveLength(1);
      expect(await store.claimDueTimers(due + 2, 1000, 60_000)).not.toContain(id);
      expect(await store.claimDueTimers(due + 60_002, 1000, 60_000)).toContain(id);
      const escalated = decided(s1.state, id, { type: 'escalate' }, clerk, due + 60_003);
      await store.append(escalated);
      expect(await store.claimDueTimers(due + 200_000, 1000, 60_000)).not.toContain(id);
      expect((await store.notifications([{ officeId: 'almaty', role: 'head' }], 50)).map((n) => n.caseId)).toContain(id);
    });

    it('appends a batch to several cases all together, or, when any case moved on, to none of them', async () => {
      const [x, y] = [freshId(), freshId()];
      const sx = decided(undefined, x, submitOf(x), applicant, T0);
      const sy = decided(undefined, y, submitOf(y), applicant, T0);
      await store.append(sx);
      await store.append(sy);
      const rx = decided(sx.state, x, { type: 'register', procedureId: 'register' }, clerk, T0 + 1000);
      const ry = decided(sy.state, y, { type: 'register', procedureId: 'register' }, clerk, T0 + 1000);
      // y moves on before the batch commits: the batch's x must not be written either.
      await store.append(decided(sy.state, y, { type: 'withdraw' }, applicant, T0 + 500));
      const lost = await store.appendAll([rx, ry]);
      expect(lost).toEqual({ ok: false, error: { code: 'version-conflict', currentVersion: 2, caseId: y } });
      expect((await store.history(x)).length).toBe(1);
      expect((await store.load(x))?.version).toBe(1);
      const [z, w] = [freshId(), freshId()];
      const sz = decided(undefined, z, submitOf(z), applicant, T0);
      const sw = decided(undefined, w, submitOf(w), applicant, T0);
      expect((await store.appendAll([sz, sw])).ok).toBe(true);
      expect((await store.load(z))?.version).toBe(1);
      expect((await store.load(w))?.version).toBe(1);
    });

    it('leaves no half-written state when an append fails midway', async () => {
      const id = freshId();
      const req = decided(undefined, id, submitOf(id), applicant, T0);
      // A state that cannot be serialised makes the projection write throw after the events were inserted.
      const poisoned = { ...req, state: { ...req.state, version: 1, bad: 10n } as unknown as CaseState };
      await expect(store.append(poisoned)).rejects.toThrow();
      expect(await store.history(id)).toEqual([]);
      expect(await store.load(id)).toBeUndefined();
      expect((await store.append(req)).ok).toBe(true);
    });

    it('keeps a hash chain that verifies, and points at the first altered entry', async () => {
      const id = freshId();
      const s1 = decided(undefined, id, submitOf(id), applicant, T0);
      await store.append(s1);
      const s2 = decided(s1.state, id, { type: 'register', procedureId: 'register' }, clerk, T0 + 1000);
      await store.append(s2);
      const s3 = decided(s2.state, id, { type: 'withdraw' }, applicant, T0 + 2000);
      await store.append(s3);
      expect(verifyChain(await store.history(id))).toEqual({ ok: true, entries: 3 });
      const original = (await store.history(id))[1]!.event;
      await store.tamper(id, 2, JSON.stringify({ ...original, by: 'someone-else' }));
      expect(verifyChain(await store.history(id))).toMatchObject({ ok: false, firstBrokenSeq: 2 });
    });
  });
}
