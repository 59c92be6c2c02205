import { describe, expect, it } from 'vitest';
import { directoryProblems } from './directory-problems.js';
import { ZDemoUser, type TDirectory } from './directory-schema.js';

const text = { kk: 'т', ru: 'т', en: 't' };
const sound: TDirectory = {
  bodies: [],
  organisations: [
    { id: 'committee', kind: 'provider', title: text, provides: ['committee'], source: 'test' },
    { id: 'north-department', kind: 'provider', parent: 'committee', title: text, provides: [], source: 'test' },
  ],
  offices: [{ id: 'north', organisation: 'north-department', title: text, schedule: 'provider-office' }],
  demoUsers: [
    { login: 'north.clerk', name: 'Тест', kind: 'staff', roles: [{ office: 'north', role: 'clerk' }] },
    { login: 'doctor', name: 'Тест', kind: 'applicant', iin: '850515310013', roles: [] },
  ],
  demoPassword: 'reglament-demo',
};

describe('directoryProblems', () => {
  it('finds nothing wrong with a directory whose references all resolve', () => {
    expect(directoryProblems(sound, ['provider-office'])).toEqual([]);
  });

  it('finds an office of an unknown organisation and an unknown schedule', () => {
    const broken = { ...sound, offices: [{ ...sound.offices[0]!, organisation: 'nowhere', schedule: 'night-shift' }] };
    expect(directoryProblems(broken, ['provider-office'])).toEqual([
      { part: 'offices', path: [0, 'organisation'], message: 'unknown organisation nowhere' },
      { part: 'offices', path: [0, 'schedule'], message: 'unknown office schedule night-shift' },
    ]);
  });

  it('finds a role at an unknown office and an unknown parent', () => {
    const broken: TDirectory = {
      ...sound,
      organisations: [sound.organisations[0]!, { ...sound.organisations[1]!, parent: 'ghost' }],
      demoUsers: [{ ...sound.demoUsers[0]!, roles: [{ office: 'south', role: 'clerk' }] }],
    };
    expect(directoryProblems(broken, ['provider-office'])).toEqual([
      { part: 'organisations', path: [1, 'parent'], message: 'unknown organisation ghost' },
      { part: 'demoUsers', path: [0, 'roles', 0, 'office'], message: 'unknown office south' },
    ]);
  });

  it('finds an id, a login and an IIN used twice', () => {
    const broken: TDirectory = {
      ...sound,
      offices: [sound.offices[0]!, sound.offices[0]!],
      demoUsers: [...sound.demoUsers, { ...sound.demoUsers[1]!, login: 'doctor' }, { ...sound.demoUsers[1]!, login: 'twin' }],
    };
    expect(directoryProblems(broken, ['provider-office']).map((p) => p.message)).toEqual([
      'office id north is used twice',
      'login doctor is used twice',
      "IIN 850515310013 is already doctor's",
      "IIN 850515310013 is already doctor's",
    ]);
  });
});

describe('ZDemoUser', () => {
  it('refuses an applicant without an IIN and a member of staff without a role', () => {
    expect(ZDemoUser.safeParse({ login: 'a', name: 'Тест', kind: 'applicant' }).success).toBe(false);
    expect(ZDemoUser.safeParse({ login: 'b', name: 'Тест', kind: 'staff' }).success).toBe(false);
  });

  it('refuses an applicant who would apply as a legal entity without its BIN', () => {
    expect(ZDemoUser.safeParse({ login: 'a', name: 'Тест', kind: 'applicant', iin: '850515310013', applicantKinds: ['legal-entity'] }).success).toBe(false);
  });
});
