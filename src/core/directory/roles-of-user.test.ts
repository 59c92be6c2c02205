import { describe, expect, it } from 'vitest';
import { applicantKindsOf } from './applicant-kinds-of.js';
import type { TDemoUser } from './directory-schema.js';
import { mayActAs, staffRolesAt } from './roles-of-user.js';

const clerkAndHead: TDemoUser = {
  login: 'north.clerk',
  name: 'Тест',
  kind: 'staff',
  roles: [
    { office: 'north', role: 'clerk' },
    { office: 'north', role: 'head' },
    { office: 'south', role: 'executor' },
  ],
};

describe('staffRolesAt', () => {
  it('gives the roles a person holds at one office only', () => {
    expect(staffRolesAt(clerkAndHead, 'north')).toEqual(['clerk', 'head']);
    expect(staffRolesAt(clerkAndHead, 'south')).toEqual(['executor']);
    expect(staffRolesAt(clerkAndHead, 'east')).toEqual([]);
  });

  it('gives an applicant no roles, whatever the data says', () => {
    expect(staffRolesAt({ kind: 'applicant', roles: [{ office: 'north', role: 'clerk' }] }, 'north')).toEqual([]);
  });
});

describe('mayActAs', () => {
  it('lets a person act in a role only at the office where they hold it', () => {
    expect(mayActAs(clerkAndHead, 'clerk', 'north')).toBe(true);
    expect(mayActAs(clerkAndHead, 'clerk', 'south')).toBe(false);
    expect(mayActAs(clerkAndHead, 'executor', 'north')).toBe(false);
  });
});

describe('applicantKindsOf', () => {
  it('reads a representative with a BIN as a legal entity and anyone else as an individual', () => {
    expect(applicantKindsOf({ kind: 'applicant', bin: '090440010017' })).toEqual(['legal-entity']);
    expect(applicantKindsOf({ kind: 'applicant' })).toEqual(['individual']);
  });

  it('takes the kinds the data lists, and none for staff', () => {
    expect(applicantKindsOf({ kind: 'applicant', applicantKinds: ['individual', 'entrepreneur'] })).toEqual(['individual', 'entrepreneur']);
    expect(applicantKindsOf({ kind: 'staff' })).toEqual([]);
  });
});
