import type { TLanguage } from '../../core/regulation/schema.js';
import { startGatewaySimulator, type GatewaySimulator } from '../../gateway/simulator/gateway-simulator.js';
import { loadSimulatorSeed } from '../../gateway/simulator/simulator-seed.js';
import { CliFailure, type CliIo } from '../cli-io.js';

const DEFAULT_PORT = 8780;
const DEFAULT_HOST = '127.0.0.1';

export const gatewaySimHelp = `reglament gateway-sim [--port N] [--host ADDR] [--json]

Runs a stand-in for the e-government gateway's synchronous channel (SOAP 1.1 SendMessage)
that answers person (by IIN) and legal-entity (by BIN) lookups from the bundled seed of
fictional demo identities, src/gateway/simulator/simulator-seed.yaml. Prints its URL and the
service ids, and runs until Ctrl+C (SIGINT) or SIGTERM.
  --port  the TCP port (default ${DEFAULT_PORT}; 0 picks a free one)
  --host  the interface to listen on (default ${DEFAULT_HOST})`;

/** Waits for Ctrl+C or SIGTERM, then lets go of both handlers. */
function untilSignalled(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(signal);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

function portOf(text: string | undefined): number {
  if (text === undefined) return DEFAULT_PORT;
  const port = Number(text);
  if (/^\d+$/.test(text) && port <= 65535) return port;
  throw new CliFailure({
    kk: `Порт 0-ден 65535-ке дейінгі бүтін сан болуы тиіс, берілгені: ${text}`,
    ru: `Порт должен быть целым числом от 0 до 65535, указано: ${text}`,
    en: `The port must be a whole number from 0 to 65535; got ${text}`,
  });
}

/** Runs the gateway simulator until signalled (or until `stop` settles, for tests). */
export async function runGatewaySim(
  io: CliIo,
  opts: { port?: string; host?: string; json: boolean; lang?: TLanguage; stop?: Promise<unknown> },
): Promise<number> {
  const port = portOf(opts.port);
  const host = opts.host ?? DEFAULT_HOST;
  const seed = loadSimulatorSeed();
  let sim: GatewaySimulator;
  try {
    sim = await startGatewaySimulator({ port, host, seed });
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const why =
      code === 'EADDRINUSE'
        ? { kk: 'порт бос емес', ru: 'порт занят', en: 'the port is in use' }
        : { kk: String(code ?? e), ru: String(code ?? e), en: String(code ?? e) };
    throw new CliFailure(
      {
        kk: `Симуляторды ${host}:${port} мекенжайында іске қосу мүмкін болмады: ${why.kk}.`,
        ru: `Не удалось запустить симулятор на ${host}:${port}: ${why.ru}.`,
        en: `Could not start the simulator on ${host}:${port}: ${why.en}.`,
      },
      1,
    );
  }
  const lang = opts.lang ?? 'kk';
  if (opts.json) {
    io.out(JSON.stringify({ url: sim.url, serviceIds: sim.serviceIds, individuals: seed.individuals.length, legalEntities: seed.legalEntities.length }));
  } else {
    const heading = {
      kk: '«Электрондық үкімет» шлюзінің симуляторы (ойдан шығарылған демо деректер):',
      ru: 'Симулятор шлюза «электронного правительства» (вымышленные демо-данные):',
      en: 'E-government gateway simulator (fictional demo data):',
    }[lang];
    const [people, entities] = [seed.individuals.length, seed.legalEntities.length];
    const summary = {
      kk: `${people} жеке тұлға, ${entities} заңды тұлға. Тоқтату: Ctrl+C`,
      ru: `Физических лиц: ${people}, юридических лиц: ${entities}. Остановить: Ctrl+C`,
      en: `${people} individuals, ${entities} legal entities. Stop with Ctrl+C`,
    }[lang];
    io.out(
      [
        heading,
        `  SendMessage URL         ${sim.url}`,
        `  person serviceId        ${sim.serviceIds.person}`,
        `  legal-entity serviceId  ${sim.serviceIds.legalEntity}`,
        `  ${summary}`,
      ].join('\n'),
    );
  }
  try {
    await (opts.stop ?? untilSignalled());
  } finally {
    await sim.close();
  }
  if (!opts.json) io.out({ kk: 'Симулятор тоқтатылды.', ru: 'Симулятор остановлен.', en: 'Simulator stopped.' }[lang]);
  return 0;
}
