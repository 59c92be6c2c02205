import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { parseBin } from '../../core/identity/bin.js';
import { parseIin } from '../../core/identity/iin.js';

// src/gateway/simulator/ (tests) and dist/gateway/simulator/ (the built CLI) both sit three
// levels below the package root; the YAML stays in src/, so it is found from either.
const root = new URL('../../../', import.meta.url);

/** The seed the simulator ships with. */
export const BUNDLED_SIMULATOR_SEED_FILE = fileURLToPath(new URL('src/gateway/simulator/simulator-seed.yaml', root));

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/** A person the simulator knows; `confirmed: false` answers NOT_CONFIRMED. */
export const ZSimulatedPerson = z
  .object({
    iin: z.string(),
    lastName: z.string().min(1),
    firstName: z.string().min(1),
    middleName: z.string().min(1).optional(),
    birthDate: isoDate,
    confirmed: z.boolean().default(true),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    // The seed must hold real-looking numbers whose encoded birth date agrees with the record.
    const iin = parseIin(p.iin);
    if (!iin.ok) ctx.addIssue({ code: 'custom', path: ['iin'], message: iin.error.message.en });
    else if (iin.value.verified && iin.value.birthDate !== p.birthDate) {
      ctx.addIssue({ code: 'custom', path: ['birthDate'], message: `IIN ${p.iin} encodes ${iin.value.birthDate}` });
    }
  });
export type TSimulatedPerson = z.infer<typeof ZSimulatedPerson>;

/** A legal entity the simulator knows; `confirmed: false` answers NOT_CONFIRMED. */
export const ZSimulatedLegalEntity = z
  .object({
    bin: z.string(),
    name: z.object({ kk: z.string().min(1), ru: z.string().min(1) }).strict(),
    registeredAt: isoDate,
    headIin: z.string().optional(),
    headName: z.string().min(1).optional(),
    address: z.string().min(1).optional(),
    confirmed: z.boolean().default(true),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    const bin = parseBin(e.bin);
    if (!bin.ok) ctx.addIssue({ code: 'custom', path: ['bin'], message: bin.error.message.en });
    else if (bin.value.verified && !e.registeredAt.startsWith(bin.value.registered)) {
      ctx.addIssue({ code: 'custom', path: ['registeredAt'], message: `BIN ${e.bin} encodes registration in ${bin.value.registered}` });
    }
    if (e.headIin !== undefined) {
      const head = parseIin(e.headIin);
      if (!head.ok) ctx.addIssue({ code: 'custom', path: ['headIin'], message: head.error.message.en });
    }
  });
export type TSimulatedLegalEntity = z.infer<typeof ZSimulatedLegalEntity>;

/** Everything the simulator answers from. */
export const ZSimulatorSeed = z
  .object({
    individuals: z.array(ZSimulatedPerson).default([]),
    legalEntities: z.array(ZSimulatedLegalEntity).default([]),
  })
  .strict()
  .superRefine((seed, ctx) => {
    const twice = (ids: string[]): string[] => ids.filter((id, i) => ids.indexOf(id) !== i);
    for (const iin of twice(seed.individuals.map((p) => p.iin))) ctx.addIssue({ code: 'custom', path: ['individuals'], message: `IIN ${iin} appears twice` });
    for (const bin of twice(seed.legalEntities.map((e) => e.bin)))
      ctx.addIssue({ code: 'custom', path: ['legalEntities'], message: `BIN ${bin} appears twice` });
  });
export type TSimulatorSeed = z.infer<typeof ZSimulatorSeed>;

/** Reads a simulator seed (the bundled one by default); throws on a malformed file. */
export function loadSimulatorSeed(file = BUNDLED_SIMULATOR_SEED_FILE): TSimulatorSeed {
  return ZSimulatorSeed.parse(parseYaml(readFileSync(file, 'utf8')));
}
