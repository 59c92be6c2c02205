import { describe, expect, it } from 'vitest';
import { ZCollectiveBody, type TCollectiveBody } from '../directory/collective-body.js';
import { localDate } from '../clock/local-date.js';
import { judgeMeeting } from './judge-meeting.js';
import type { MeetingRecord } from './meeting-record.js';

const body: TCollectiveBody = ZCollectiveBody.parse({
  office: 'ministry-hq',
  role: 'council-members',
  title: { kk: 'Кеңес', ru: 'Совет', en: 'Council' },
  source: 'test',
  members: [
    { id: 'chair', name: 'Төраға', position: 'chair' },
    { id: 'm1', name: 'Бірінші', position: 'member' },
    { id: 'm2', name: 'Екінші', position: 'member' },
    { id: 'm3', name: 'Үшінші', position: 'member' },
    { id: 'sec', name: 'Хатшы', position: 'secretary' },
  ],
  rules: { quorum: { share: null, source: 'unknown' }, majority: { rule: null, source: 'unknown' } },
});
const known: TCollectiveBody = {
  ...body,
  rules: { quorum: { share: 2 / 3, source: 'statute' }, majority: { rule: 'more-than-half-of-present', source: 'statute' } },
};
const within = { decisions: ['granted', 'refused'], earliest: localDate('2026-04-01'), today: localDate('2026-04-10') };
const record: MeetingRecord = {
  heldOn: '2026-04-08',
  present: ['chair', 'm1', 'm2', 'sec'],
  votes: [
    { member: 'chair', vote: 'for' },
    { member: 'm1', vote: 'for' },
    { member: 'm2', vote: 'against' },
  ],
  decision: 'granted',
  minutes: 'att-1',
};
const refusal = (r: MeetingRecord, b = body) => {
  const judged = judgeMeeting(b, r, within);
  return judged.ok ? 'accepted' : judged.error.message.en;
};

describe('the minutes of a meeting, judged against the body', () => {
  it('counts the votes of the members present and leaves unknown rules unchecked', () => {
    const judged = judgeMeeting(body, record, within);
    expect(judged.ok && judged.value).toEqual({ votingMembers: 4, present: 3, for: 2, against: 1, abstain: 0, quorumMet: null, carried: null });
  });

  it('refuses anyone the directory does not list as a member, and a member listed twice', () => {
    expect(refusal({ ...record, present: [...record.present, 'stranger'] })).toMatch(/stranger is not a member/);
    expect(refusal({ ...record, present: [...record.present, 'm1'] })).toMatch(/present twice/);
  });

  it('refuses a vote from an absent member, a second vote, and a vote by the secretary', () => {
    expect(refusal({ ...record, votes: [...record.votes, { member: 'm3', vote: 'for' }] })).toMatch(/m3 was not present/);
    expect(refusal({ ...record, votes: [...record.votes, { member: 'm1', vote: 'against' }] })).toMatch(/m1 voted twice/);
    expect(refusal({ ...record, votes: [...record.votes, { member: 'sec', vote: 'for' }] })).toMatch(/secretary does not vote/);
  });

  it('refuses minutes that leave a present member without a vote', () => {
    expect(refusal({ ...record, votes: record.votes.slice(0, 2) })).toMatch(/every present member's vote.*m2/);
  });

  it('refuses a date that does not exist, is in the future, or falls before the procedure began', () => {
    expect(refusal({ ...record, heldOn: '2026-02-30' })).toMatch(/real date/);
    expect(refusal({ ...record, heldOn: '2026-04-11' })).toMatch(/future/);
    expect(refusal({ ...record, heldOn: '2026-03-31' })).toMatch(/before this procedure began/);
  });

  it('refuses a decision the procedure cannot take, and a record without minutes', () => {
    expect(refusal({ ...record, decision: 'postponed' })).toMatch(/Choose a decision: granted, refused/);
    expect(refusal({ ...record, minutes: ' ' })).toMatch(/Attach the minutes/);
  });

  it('where the rules are known, refuses a meeting without a quorum and a decision the votes do not carry', () => {
    expect(refusal(record, known)).toBe('accepted');
    expect(refusal({ ...record, present: ['chair', 'm1'], votes: record.votes.slice(0, 2) }, known)).toMatch(/no quorum/);
    const split = { ...record, present: ['chair', 'm1', 'm2', 'm3'], votes: [...record.votes, { member: 'm3', vote: 'abstain' as const }] };
    expect(refusal(split, known)).toMatch(/votes do not carry/);
    expect(judgeMeeting(known, record, within)).toMatchObject({ ok: true, value: { quorumMet: true, carried: true } });
  });

  it('refuses a decision nobody voted for, even where the majority rule is unknown', () => {
    const against = { ...record, votes: record.votes.map((v) => ({ ...v, vote: 'against' as const })) };
    expect(judgeMeeting(body, against, within)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const abstained = { ...record, votes: record.votes.map((v) => ({ ...v, vote: 'abstain' as const })) };
    expect(judgeMeeting(body, abstained, within).ok).toBe(false);
  });

  it('refuses a body without exactly one chair, or with a member id twice', () => {
    const members = body.members.map((m) => ({ ...m, position: m.position === 'chair' ? ('member' as const) : m.position }));
    expect(ZCollectiveBody.safeParse({ ...body, members }).success).toBe(false);
    expect(ZCollectiveBody.safeParse({ ...body, members: [...body.members, body.members[1]] }).success).toBe(false);
  });
});
