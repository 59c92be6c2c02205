import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applicantKindsOf } from '../core/directory/applicant-kinds-of.js';
import { resolveCaseOffices, type CaseOffices } from '../core/directory/case-offices.js';
import { centresOf, providerOfficesFor } from '../core/directory/offices-for-regulation.js';
import { ZDemoUser } from '../core/directory/directory-schema.js';
import { mayActAs } from '../core/directory/roles-of-user.js';
import { parseBin } from '../core/identity/bin.js';
import { parseIin } from '../core/identity/iin.js';
import type { TChannel, TRegulation } from '../core/regulation/schema.js';
import { DIRECTORY_DIR } from './catalogue-paths.js';
import { loadCatalogue } from './load-catalogue.js';
import { loadDirectory } from './load-directory.js';

const directory = loadDirectory();
const { regulations } = loadCatalogue();
const regulation = (id: string): TRegulation => regulations.find((r) => r.id === id)!;

// Every way a case of the regulation can be placed: each channel it allows, each office that
// provides it, and each centre when the State Corporation takes part.
function placements(reg: TRegulation, channels: readonly TChannel[] = reg.channels): CaseOffices[] {
  const placed: CaseOffices[] = [];
  for (const channel of channels) {
    for (const provider of providerOfficesFor(directory, reg)) {
      for (const centre of [undefined, ...centresOf(directory)]) {
        const r = resolveCaseOffices(directory, reg, { channel, providerOfficeId: provider.id, centreOfficeId: centre?.id });
        if (r.ok) placed.push(r.value);
      }
    }
  }
  return placed;
}

describe('the bundled directory', () => {
  it('reads without problems and has one demo password', () => {
    expect(directory.organisations.length).toBeGreaterThan(0);
    expect(directory.demoPassword).toBe('reglament-demo');
  });

  it('has an organisation for the provider of every regulation, and no organisation provides anything no regulation names', () => {
    const providerIds = new Set(regulations.map((r) => r.provider.id));
    for (const id of providerIds)
      expect(
        directory.organisations.some((o) => o.provides.includes(id)),
        id,
      ).toBe(true);
    for (const o of directory.organisations) for (const id of o.provides) expect(providerIds.has(id), `${o.id} provides ${id}`).toBe(true);
  });

  it('places a case of every regulation through every channel it allows', () => {
    for (const reg of regulations) {
      for (const channel of reg.channels) {
        expect(placements(reg, [channel]).length, `${reg.id} via ${channel}`).toBeGreaterThan(0);
      }
    }
  });

  it('has a demo user for every role of every regulation, at every office a case could send that role to', () => {
    const missing: string[] = [];
    const neverPlaced: string[] = [];
    for (const reg of regulations) {
      const placed = placements(reg);
      for (const role of reg.roles) {
        const offices = new Set(placed.map((p) => p[role.organisation]).filter((o): o is string => o !== undefined));
        if (offices.size === 0) neverPlaced.push(`${reg.id}: ${role.id}`);
        for (const office of offices) {
          if (!directory.demoUsers.some((u) => mayActAs(u, role.id, office))) missing.push(`${reg.id}: ${role.id} at ${office}`);
        }
      }
    }
    expect(neverPlaced).toEqual([]);
    expect(missing).toEqual([]);
  });

  it('has two executors at one office of the Committee, to show that an executor acts only on cases assigned to them', () => {
    const committee = new Set(
      directory.organisations.filter((o) => o.id === 'committee-public-health' || o.parent === 'committee-public-health').map((o) => o.id),
    );
    const committeeOffices = directory.offices.filter((o) => committee.has(o.organisation));
    const shared = committeeOffices.filter((o) => directory.demoUsers.filter((u) => mayActAs(u, 'executor', o.id)).length >= 2);
    expect(shared.map((o) => o.id)).toContain('committee-astana');
  });

  it('has a demo applicant the gateway confirms for every kind of applicant a regulation accepts', () => {
    const confirmed = directory.demoUsers.filter((u) => u.kind === 'applicant' && u.login !== 'applicant.unconfirmed');
    for (const reg of regulations) {
      for (const kind of reg.applicants) {
        expect(
          confirmed.some((u) => applicantKindsOf(u).includes(kind)),
          `${reg.id}: ${kind}`,
        ).toBe(true);
      }
    }
  });

  it('holds exactly the fictional identities the gateway simulator knows', () => {
    const applicants = directory.demoUsers.filter((u) => u.kind === 'applicant').map((u) => ({ login: u.login, name: u.name, iin: u.iin, bin: u.bin }));
    expect(applicants).toEqual([
      { login: 'doctor.askar', name: 'Сейтқали Асқар Нұрланұлы', iin: '850515310013', bin: undefined },
      { login: 'doctor.aigul', name: 'Жұмабаева Айгүл Серікқызы', iin: '900320410011', bin: undefined },
      { login: 'doctor.nursultan', name: 'Тұрсынов Нұрсұлтан Ерланұлы', iin: '010203510015', bin: undefined },
      { login: 'applicant.unconfirmed', name: 'Ким Виктор Сергеевич', iin: '951230310018', bin: undefined },
      { login: 'clinic.shipager', name: 'Ахметов Ерлан Болатұлы', iin: '771111310012', bin: '090440010017' },
      { login: 'research.centre', name: 'Омарова Дана Маратқызы', iin: '880707410019', bin: '151240010016' },
      { login: 'importer.biotransplant', name: 'Бекмұратов Дәурен Қайратұлы', iin: '790214300016', bin: '110540010017' },
      { login: 'assessor.sapa', name: 'Нұрланова Гүлнар Асқарқызы', iin: '830925400018', bin: '070340010019' },
    ]);
  });

  it('gives every demo user an IIN and a BIN that pass the check digit', () => {
    for (const user of directory.demoUsers) {
      if (user.iin) expect(parseIin(user.iin), `${user.login} IIN`).toMatchObject({ ok: true, value: { verified: true } });
      if (user.bin) expect(parseBin(user.bin), `${user.login} BIN`).toMatchObject({ ok: true, value: { verified: true } });
    }
  });

  it('runs the centres on the State Corporation schedule and every other office on the provider office schedule', () => {
    const centres = new Set(centresOf(directory).map((o) => o.id));
    for (const office of directory.offices) expect(office.schedule, office.id).toBe(centres.has(office.id) ? 'state-corporation' : 'provider-office');
  });
});

describe('resolveCaseOffices on the bundled directory', () => {
  it('names the entity of every representative of a legal entity, as their demo certificate will', () => {
    const representatives = directory.demoUsers.filter((u) => u.bin);
    expect(representatives.length).toBeGreaterThan(0);
    for (const u of representatives) expect(u.entity, u.login).toMatch(/^«.+» .+/);
    const noName = ZDemoUser.safeParse({ login: 'a.b', name: 'Аты', kind: 'applicant', iin: '880707410019', bin: '151240010016' });
    expect(noName.success).toBe(false);
  });

  it('rejects a territorial department for a service only the Committee itself provides', () => {
    expect(
      resolveCaseOffices(directory, regulation('organ-tissue-import-export-licence'), { channel: 'office', providerOfficeId: 'committee-astana' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'wrong-provider-office' },
    });
  });

  it('rejects a foreign specialist application at the State Corporation without its centre', () => {
    expect(resolveCaseOffices(directory, regulation('foreign-specialist-clinical-practice'), { channel: 'state-corporation' })).toMatchObject({
      ok: false,
      error: { code: 'centre-required' },
    });
  });

  it('sends a Fund application to the chosen branch and the head office', () => {
    expect(resolveCaseOffices(directory, regulation('gobmp-osms-provider-database'), { channel: 'office', providerOfficeId: 'fund-shymkent' })).toEqual({
      ok: true,
      value: { provider: 'fund-shymkent', 'fund-head-office': 'fund-hq' },
    });
  });

  it('sends a clinical research permit to the Ministry as both provider and Ministry', () => {
    expect(resolveCaseOffices(directory, regulation('clinical-research-permit'), { channel: 'office' })).toEqual({
      ok: true,
      value: { provider: 'ministry-hq', ministry: 'ministry-hq' },
    });
  });
});

describe('loadDirectory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reglament-directory-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const bundled = readFileSync(join(DIRECTORY_DIR, 'organisations.yaml'), 'utf8');

  it('names the file and the path of a value the format does not allow', () => {
    const file = join(dir, 'bad-kind.yaml');
    writeFileSync(file, bundled.replace('kind: ministry\n', 'kind: embassy\n'));
    expect(() => loadDirectory({ organisations: file })).toThrow(/bad-kind\.yaml: organisations\[0\]\.kind: /);
  });

  it('names the file, the path and the office of a schedule that does not exist', () => {
    const file = join(dir, 'bad-schedule.yaml');
    writeFileSync(file, bundled.replace('schedule: state-corporation', 'schedule: night-shift'));
    expect(() => loadDirectory({ organisations: file })).toThrow(
      /bad-schedule\.yaml: offices\[\d+\]\.schedule: unknown office schedule night-shift \(in centre-astana\)/,
    );
  });

  it('names the users file for a role at an office that does not exist', () => {
    const file = join(dir, 'users.yaml');
    writeFileSync(
      file,
      readFileSync(join(DIRECTORY_DIR, 'demo-users.yaml'), 'utf8').replace('{ office: fund-hq, role: fund-head }', '{ office: fund-moon, role: fund-head }'),
    );
    expect(() => loadDirectory({ demoUsers: file })).toThrow(
      /users\.yaml: demoUsers\[\d+\]\.roles\[0\]\.office: unknown office fund-moon \(in fund-hq\.head\)/,
    );
  });
});
