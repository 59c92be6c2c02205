import { describe, expect, it } from 'vitest';
import { loadSimulatorSeed, ZSimulatorSeed } from './simulator-seed.js';

describe('the bundled simulator seed', () => {
  const seed = loadSimulatorSeed();

  it('holds exactly the demo identities the rest of the project refers to', () => {
    expect(seed.individuals.map((p) => p.iin)).toEqual(['850515310013', '900320410011', '771111310012', '880707410019', '951230310018', '010203510015']);
    expect(seed.legalEntities.map((e) => e.bin)).toEqual(['090440010017', '110540010017', '151240010016', '070340010019']);
  });

  it('has one person whose data is not confirmed', () => {
    expect(seed.individuals.filter((p) => !p.confirmed).map((p) => p.iin)).toEqual(['951230310018']);
  });

  it('names heads who are in the seed themselves', () => {
    const iins = new Set(seed.individuals.map((p) => p.iin));
    for (const e of seed.legalEntities) if (e.headIin !== undefined) expect(iins.has(e.headIin)).toBe(true);
  });
});

describe('ZSimulatorSeed', () => {
  const person = { iin: '850515310013', lastName: 'A', firstName: 'B', birthDate: '1985-05-15' };

  it('rejects a bad IIN, a birth date the IIN contradicts, and a number given twice', () => {
    expect(ZSimulatorSeed.safeParse({ individuals: [{ ...person, iin: '850515310014' }] }).success).toBe(false);
    expect(ZSimulatorSeed.safeParse({ individuals: [{ ...person, birthDate: '1985-05-16' }] }).success).toBe(false);
    expect(ZSimulatorSeed.safeParse({ individuals: [person, person] }).success).toBe(false);
    expect(ZSimulatorSeed.safeParse({ individuals: [person] }).success).toBe(true);
  });

  it('rejects a BIN whose registration month disagrees with registeredAt', () => {
    const entity = { bin: '090440010017', name: { kk: 'а', ru: 'б' }, registeredAt: '2010-04-14' };
    expect(ZSimulatorSeed.safeParse({ legalEntities: [entity] }).success).toBe(false);
    expect(ZSimulatorSeed.safeParse({ legalEntities: [{ ...entity, registeredAt: '2009-04-14' }] }).success).toBe(true);
  });
});
