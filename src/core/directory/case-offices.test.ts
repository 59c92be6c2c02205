import { describe, expect, it } from 'vitest';
import type { TRegulation, TRole } from '../regulation/schema.js';
import { resolveCaseOffices } from './case-offices.js';
import type { TOffice, TOrganisation } from './directory-schema.js';
import { centresOf, providerOfficesFor } from './offices-for-regulation.js';

const text = (en: string) => ({ kk: en, ru: en, en });
const org = (id: string, kind: TOrganisation['kind'], provides: string[] = []): TOrganisation => ({ id, kind, title: text(id), provides, source: 'test' });
const office = (id: string, organisation: string): TOffice => ({ id, organisation, title: text(id), schedule: 'provider-office' });

const directory = {
  organisations: [
    org('ministry', 'ministry', ['ministry-of-health']),
    org('committee', 'provider', ['committee']),
    org('north-department', 'provider', ['committee-territorial']),
    org('south-department', 'provider', ['committee-territorial']),
    org('fund', 'fund-head-office'),
    org('fund-branch', 'provider', ['fund-branches']),
    org('state-corporation', 'state-corporation'),
  ],
  offices: [
    office('ministry-hq', 'ministry'),
    office('committee-hq', 'committee'),
    office('north', 'north-department'),
    office('south', 'south-department'),
    office('fund-hq', 'fund'),
    office('fund-east', 'fund-branch'),
    office('centre-1', 'state-corporation'),
    office('centre-2', 'state-corporation'),
  ],
};

const role = (id: string, organisation: TRole['organisation']): TRole => ({
  id,
  kind: 'executor',
  organisation,
  title: text(id),
  source: 'test',
  listed: true,
});
const regulation = (providerId: string, channels: TRegulation['channels'], roles: TRole[]) => ({
  provider: { id: providerId, title: text(`provider ${providerId}`), source: 'test' },
  channels,
  roles,
});

const territorial = regulation('committee-territorial', ['portal'], [role('clerk', 'provider')]);
const viaCentre = regulation('committee', ['state-corporation'], [role('sc-operator', 'state-corporation'), role('clerk', 'provider')]);
const withCommission = regulation('committee', ['office'], [role('clerk', 'provider'), role('commission-secretary', 'ministry')]);
const ministryService = regulation('ministry-of-health', ['office'], [role('clerk', 'ministry')]);
const fundService = regulation('fund-branches', ['office'], [role('branch-clerk', 'provider'), role('fund-head', 'fund-head-office')]);
const mixedChannels = regulation('committee', ['office', 'state-corporation'], [role('clerk', 'provider'), role('centre-worker', 'state-corporation')]);

describe('providerOfficesFor', () => {
  it('gives the offices of every organisation that acts as the regulation provider', () => {
    expect(providerOfficesFor(directory, territorial).map((o) => o.id)).toEqual(['north', 'south']);
    expect(providerOfficesFor(directory, withCommission).map((o) => o.id)).toEqual(['committee-hq']);
  });

  it('gives nothing for a provider no organisation acts as', () => {
    expect(providerOfficesFor(directory, regulation('nobody', ['office'], []))).toEqual([]);
  });
});

describe('centresOf', () => {
  it('gives the offices of the State Corporation', () => {
    expect(centresOf(directory).map((o) => o.id)).toEqual(['centre-1', 'centre-2']);
  });
});

describe('resolveCaseOffices', () => {
  it('takes the only provider office when nobody chose one', () => {
    expect(resolveCaseOffices(directory, withCommission, { channel: 'office' })).toMatchObject({ ok: true, value: { provider: 'committee-hq' } });
  });

  it('takes the chosen provider office when several provide the service', () => {
    expect(resolveCaseOffices(directory, territorial, { channel: 'portal', providerOfficeId: 'south' })).toEqual({ ok: true, value: { provider: 'south' } });
  });

  it('asks for a choice when several offices provide the service and none was chosen', () => {
    expect(resolveCaseOffices(directory, territorial, { channel: 'portal' })).toMatchObject({ ok: false, error: { code: 'provider-office-required' } });
  });

  it('rejects a provider office of an organisation that does not provide the service, saying who does', () => {
    const r = resolveCaseOffices(directory, territorial, { channel: 'portal', providerOfficeId: 'fund-east' });
    expect(r).toMatchObject({ ok: false, error: { code: 'wrong-provider-office' } });
    if (!r.ok) {
      expect(r.error.message.en).toContain('fund-east');
      expect(r.error.message.en).toContain('provider committee-territorial');
      expect(r.error.message.kk).not.toBe('');
      expect(r.error.message.ru).not.toBe('');
    }
  });

  it('rejects an office the directory does not know', () => {
    expect(resolveCaseOffices(directory, territorial, { channel: 'portal', providerOfficeId: 'atlantis' })).toMatchObject({
      ok: false,
      error: { code: 'unknown-office' },
    });
  });

  it('rejects a channel the regulation does not offer', () => {
    expect(resolveCaseOffices(directory, territorial, { channel: 'office', providerOfficeId: 'north' })).toMatchObject({
      ok: false,
      error: { code: 'channel-not-offered' },
    });
  });

  it('fails plainly when no office provides the service', () => {
    expect(resolveCaseOffices(directory, regulation('nobody', ['office'], [role('clerk', 'provider')]), { channel: 'office' })).toMatchObject({
      ok: false,
      error: { code: 'no-provider-office' },
    });
  });

  it('adds the receiving centre to a State Corporation application', () => {
    expect(resolveCaseOffices(directory, viaCentre, { channel: 'state-corporation', centreOfficeId: 'centre-2' })).toEqual({
      ok: true,
      value: { provider: 'committee-hq', 'state-corporation': 'centre-2' },
    });
  });

  it('rejects a State Corporation application without a centre', () => {
    expect(resolveCaseOffices(directory, viaCentre, { channel: 'state-corporation' })).toMatchObject({ ok: false, error: { code: 'centre-required' } });
  });

  it('rejects a centre that is not a State Corporation office', () => {
    expect(resolveCaseOffices(directory, viaCentre, { channel: 'state-corporation', centreOfficeId: 'north' })).toMatchObject({
      ok: false,
      error: { code: 'not-a-centre' },
    });
  });

  it('leaves the centre out when the application did not come through the State Corporation', () => {
    expect(resolveCaseOffices(directory, mixedChannels, { channel: 'office', centreOfficeId: 'centre-1' })).toEqual({
      ok: true,
      value: { provider: 'committee-hq' },
    });
  });

  it("adds the Ministry's office when a role works in the Ministry", () => {
    expect(resolveCaseOffices(directory, withCommission, { channel: 'office' })).toEqual({
      ok: true,
      value: { provider: 'committee-hq', ministry: 'ministry-hq' },
    });
  });

  it('puts a Ministry service in the Ministry as both provider and Ministry', () => {
    expect(resolveCaseOffices(directory, ministryService, { channel: 'office' })).toEqual({
      ok: true,
      value: { provider: 'ministry-hq', ministry: 'ministry-hq' },
    });
  });

  it("adds the Fund's head office when a role works there", () => {
    expect(resolveCaseOffices(directory, fundService, { channel: 'office' })).toEqual({
      ok: true,
      value: { provider: 'fund-east', 'fund-head-office': 'fund-hq' },
    });
  });

  it("fails when the Ministry's office cannot be told apart", () => {
    const twoMinistries = { ...directory, offices: [...directory.offices, office('ministry-annex', 'ministry')] };
    expect(resolveCaseOffices(twoMinistries, withCommission, { channel: 'office' })).toMatchObject({ ok: false, error: { code: 'no-ministry-office' } });
  });
});
