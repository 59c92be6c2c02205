import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemoData } from '../../app/seed-demo-data.js';
import { CHANNELS, type TChannel, type TLanguage } from '../../core/regulation/schema.js';
import { injectClient } from '../../http/api-client.js';
import { buildServer } from '../../http/build-server.js';
import { SimulationFailed, simulateCase, type SimulatedOutcome } from '../../http/simulate-case.js';
import { wireApp } from '../../compose/wire-app.js';
import { CliFailure, table, type CliIo } from '../cli-io.js';

export const simulateHelp = `reglament simulate <service> [--variant V] [--channel C] [--outcome issued|refused] [--database-url URL] [--json]

Runs one whole case through the real engine, the REST API and a database, signing in as the
demo user of each step, and prints its steps, result and whether its case file verifies.
  --variant       a variant of the service (default: its first)
  --channel       portal, office or state-corporation (default: the service's first)
  --outcome       issued (default) or refused
  --database-url  a postgres:// URL (schema DATABASE_SCHEMA, default public); without it, a fresh temporary SQLite file`;

const fail = (kk: string, ru: string, en: string) => new CliFailure({ kk, ru, en });

/** Simulates one case end to end. */
export async function runSimulate(
  io: CliIo,
  opts: { id: string | undefined; variant?: string; channel?: string; outcome?: string; databaseUrl?: string; json: boolean; lang: TLanguage },
): Promise<number> {
  if (!opts.id)
    throw fail('Қызметті көрсетіңіз: reglament simulate <id>', 'Укажите услугу: reglament simulate <id>', 'Name the service: reglament simulate <id>');
  const outcome = (opts.outcome ?? 'issued') as SimulatedOutcome;
  if (outcome !== 'issued' && outcome !== 'refused')
    throw fail('--outcome: issued немесе refused', '--outcome: issued или refused', '--outcome: issued or refused');
  if (opts.channel !== undefined && !(CHANNELS as readonly string[]).includes(opts.channel)) {
    throw fail(`Арна белгісіз: ${opts.channel}`, `Неизвестный канал: ${opts.channel}`, `Unknown channel: ${opts.channel}`);
  }
  const database = opts.databaseUrl
    ? { postgresUrl: opts.databaseUrl, ...(process.env.DATABASE_SCHEMA ? { schema: process.env.DATABASE_SCHEMA } : {}) }
    : { sqliteFile: join(mkdtempSync(join(tmpdir(), 'reglament-sim-')), 'reglament.db') };
  const wired = await wireApp({ database });
  try {
    const regulation = wired.deps.regulations.find((r) => r.id === opts.id);
    if (!regulation)
      throw fail(
        `Қызмет жоқ: ${opts.id}. Тізімі: reglament services`,
        `Нет услуги: ${opts.id}. Список: reglament services`,
        `No such service: ${opts.id}. See: reglament services`,
      );
    if (opts.variant !== undefined && !regulation.variants.some((v) => v.id === opts.variant)) {
      const known = regulation.variants.map((v) => v.id).join(', ') || '—';
      throw fail(
        `Нұсқа жоқ: ${opts.variant} (бары: ${known})`,
        `Нет варианта: ${opts.variant} (есть: ${known})`,
        `No such variant: ${opts.variant} (known: ${known})`,
      );
    }
    if (opts.channel !== undefined && !regulation.channels.includes(opts.channel as TChannel)) {
      const known = regulation.channels.join(', ');
      throw fail(
        `Бұл қызметте ${opts.channel} арнасы жоқ (бары: ${known})`,
        `У услуги нет канала ${opts.channel} (есть: ${known})`,
        `The service has no ${opts.channel} channel (it has: ${known})`,
      );
    }
    await seedDemoData(wired.deps);
    const app = await buildServer(wired.deps);
    try {
      const report = await simulateCase(injectClient(app), {
        regulation,
        directory: wired.deps.directory,
        variant: opts.variant,
        channel: opts.channel as TChannel | undefined,
        outcome,
        format: (ms) => wired.deps.clockFor('provider').zone.format(ms),
      });
      if (opts.json) io.out(JSON.stringify(report, null, 2));
      else {
        io.out(
          `${report.service} ${report.variant ?? ''} ${report.channel}: ${report.status}, ${report.result ? `${report.result.kind} ${report.result.number}` : '—'}`,
        );
        io.out(
          table([
            ['step', 'actor', 'due', 'completed', 'outcome'],
            ...report.steps.map((s) => [s.id, s.actor, s.due ?? '—', s.completedAt ?? '—', s.outcome ?? '—']),
          ]),
        );
        io.out(`${report.historyEntries} history entries; audit ${report.auditVerified ? 'verified' : 'BROKEN'}`);
      }
      return report.auditVerified ? 0 : 1;
    } catch (e) {
      if (e instanceof SimulationFailed)
        throw fail(`Симуляция тоқтады: ${e.message}`, `Симуляция остановилась: ${e.message}`, `The simulation stopped: ${e.message}`);
      throw e;
    } finally {
      await app.close();
    }
  } finally {
    await wired.close();
  }
}
