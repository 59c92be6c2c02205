import { existsSync } from 'node:fs';
import { loadCatalogue, loadRegulationFile } from '../catalogue/load-catalogue.js';
import type { TRegulation } from '../core/regulation/schema.js';
import { CliFailure } from './cli-io.js';

/** Finds a regulation by catalogue id, or reads it from a file path. */
export function findRegulation(idOrFile: string | undefined): TRegulation {
  if (!idOrFile) {
    throw new CliFailure({
      kk: 'Қызмет идентификаторын көрсетіңіз (тізімі: reglament services).',
      ru: 'Укажите идентификатор услуги (список: reglament services).',
      en: 'Give a service id (see: reglament services).',
    });
  }
  if (idOrFile.endsWith('.yaml') || idOrFile.endsWith('.yml')) {
    if (!existsSync(idOrFile)) {
      throw new CliFailure({ kk: `Файл табылмады: ${idOrFile}`, ru: `Файл не найден: ${idOrFile}`, en: `File not found: ${idOrFile}` });
    }
    const { regulation, broken } = loadRegulationFile(idOrFile);
    if (regulation) return regulation;
    const lines = broken!.problems.map((p) => `  ${p.path || '(root)'}: ${p.message}`).join('\n');
    throw new CliFailure(
      {
        kk: `Анықтама форматқа сай емес: ${idOrFile}\n${lines}`,
        ru: `Определение не соответствует формату: ${idOrFile}\n${lines}`,
        en: `The definition does not fit the format: ${idOrFile}\n${lines}`,
      },
      1,
    );
  }
  const found = loadCatalogue().regulations.find((r) => r.id === idOrFile);
  if (!found) {
    throw new CliFailure({
      kk: `Каталогта "${idOrFile}" қызметі жоқ (тізімі: reglament services).`,
      ru: `В каталоге нет услуги "${idOrFile}" (список: reglament services).`,
      en: `No service "${idOrFile}" in the catalogue (see: reglament services).`,
    });
  }
  return found;
}
