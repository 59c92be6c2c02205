import type { CaseOffices } from '../engine/case-model.js';
import type { TChannel, TRegulation, TText } from '../regulation/schema.js';
import { err, ok, type Result } from '../result.js';
import type { TOffice, TOrganisationKind } from './directory-schema.js';
import { centresOf, officesOfKind, providerOfficesFor, type OfficeDirectory } from './offices-for-regulation.js';

/** One type for the offices of a case, shared with the engine. */
export type { CaseOffices };

/** What the applicant (or the receiving clerk) chose when the case was lodged. */
export interface CaseOfficeChoice {
  /** The channel the application comes through; it must be one the regulation allows. */
  readonly channel: TChannel;
  /** The provider office asked to handle the case; needed only when several offices provide the service. */
  readonly providerOfficeId?: string;
  /** The public service centre that received the application; needed for the State Corporation channel. */
  readonly centreOfficeId?: string;
}

/** Stable codes of a failure to place a case; each maps to one HTTP status at the edge. */
export const CASE_OFFICE_ERROR_CODES = [
  'channel-not-offered',
  'unknown-office',
  'no-provider-office',
  'provider-office-required',
  'wrong-provider-office',
  'centre-required',
  'not-a-centre',
  'no-ministry-office',
  'no-fund-head-office',
] as const;
export type CaseOfficeErrorCode = (typeof CASE_OFFICE_ERROR_CODES)[number];

/** Why a case could not be placed, in words a person can read. */
export interface CaseOfficeError {
  readonly code: CaseOfficeErrorCode;
  readonly message: TText;
}

const fail = (code: CaseOfficeErrorCode, kk: string, ru: string, en: string) => err<CaseOfficeError>({ code, message: { kk, ru, en } });

const CHANNEL_NAMES: Record<TChannel, TText> = {
  portal: { kk: 'портал', ru: 'портал', en: 'the portal' },
  office: { kk: 'көрсетілетін қызметті берушінің кеңсесі', ru: 'канцелярия услугодателя', en: "the provider's office" },
  'state-corporation': { kk: 'Мемлекеттік корпорация', ru: 'Государственная корпорация', en: 'the State Corporation' },
};

/**
 * Decides which office of each organisation a new case involves: the provider office that handles
 * it, the centre that received it (only when the regulation has State Corporation roles and the
 * application came that way; a centre chosen for another channel is ignored), the Ministry's
 * office and the Fund's head office when the regulation has roles there. Every role of the case
 * then works at `offices[role.organisation]`.
 */
export function resolveCaseOffices(
  directory: OfficeDirectory,
  regulation: Pick<TRegulation, 'provider' | 'roles' | 'channels'>,
  choice: CaseOfficeChoice,
): Result<CaseOffices, CaseOfficeError> {
  const { channel } = choice;
  if (!regulation.channels.includes(channel)) {
    const name = CHANNEL_NAMES[channel];
    return fail(
      'channel-not-offered',
      `Бұл қызмет «${name.kk}» арнасы арқылы көрсетілмейді.`,
      `Эта услуга не оказывается через канал «${name.ru}».`,
      `This service is not offered through ${name.en}.`,
    );
  }

  const candidates = providerOfficesFor(directory, regulation);
  let provider: TOffice;
  if (choice.providerOfficeId !== undefined) {
    const chosen = directory.offices.find((o) => o.id === choice.providerOfficeId);
    if (!chosen) return unknownOffice(choice.providerOfficeId);
    if (!candidates.some((o) => o.id === chosen.id)) {
      const t = regulation.provider.title;
      return fail(
        'wrong-provider-office',
        `«${chosen.title.kk}» бұл қызметті көрсетпейді (көрсетілетін қызметті беруші: ${t.kk}).`,
        `«${chosen.title.ru}» не оказывает эту услугу (услугодатель: ${t.ru}).`,
        `«${chosen.title.en}» does not provide this service (provider: ${t.en}).`,
      );
    }
    provider = chosen;
  } else if (candidates.length === 1) {
    provider = candidates[0]!;
  } else if (candidates.length === 0) {
    return fail(
      'no-provider-office',
      'Анықтамалықта бұл қызметті көрсететін кеңсе жоқ.',
      'В справочнике нет офиса, оказывающего эту услугу.',
      'The directory has no office that provides this service.',
    );
  } else {
    return fail(
      'provider-office-required',
      'Бұл қызметті бірнеше кеңсе көрсетеді: көрсетілетін қызметті берушінің кеңсесін таңдаңыз.',
      'Эту услугу оказывают несколько офисов: выберите офис услугодателя.',
      "Several offices provide this service: choose the provider's office.",
    );
  }
  const offices: { -readonly [K in keyof CaseOffices]: CaseOffices[K] } = { provider: provider.id };

  const worksAt = new Set(regulation.roles.map((r) => r.organisation));
  if (worksAt.has('state-corporation') && channel === 'state-corporation') {
    if (choice.centreOfficeId === undefined) {
      return fail(
        'centre-required',
        'Мемлекеттік корпорация арқылы берілген өтініш үшін халыққа қызмет көрсету орталығын таңдаңыз.',
        'Для заявления через Государственную корпорацию выберите центр обслуживания населения.',
        'An application through the State Corporation needs the public service centre that receives it.',
      );
    }
    const centre = directory.offices.find((o) => o.id === choice.centreOfficeId);
    if (!centre) return unknownOffice(choice.centreOfficeId);
    if (!centresOf(directory).some((o) => o.id === centre.id)) {
      return fail(
        'not-a-centre',
        `«${centre.title.kk}» Мемлекеттік корпорацияның халыққа қызмет көрсету орталығы емес.`,
        `«${centre.title.ru}» не является центром обслуживания населения Государственной корпорации.`,
        `«${centre.title.en}» is not a public service centre of the State Corporation.`,
      );
    }
    offices['state-corporation'] = centre.id;
  }

  if (worksAt.has('ministry')) {
    const ministry = headOffice(directory, 'ministry', provider);
    if (!ministry) {
      return fail(
        'no-ministry-office',
        'Анықтамалықта Денсаулық сақтау министрлігінің бір ғана кеңсесі көрсетілмеген.',
        'В справочнике не указан единственный офис Министерства здравоохранения.',
        'The directory does not name a single office of the Ministry of Health.',
      );
    }
    offices.ministry = ministry.id;
  }

  if (worksAt.has('fund-head-office')) {
    const fund = headOffice(directory, 'fund-head-office', provider);
    if (!fund) {
      return fail(
        'no-fund-head-office',
        'Анықтамалықта Әлеуметтік медициналық сақтандыру қорының бас кеңсесі бір ғана болып көрсетілмеген.',
        'В справочнике не указан единственный головной офис Фонда социального медицинского страхования.',
        'The directory does not name a single head office of the Social Health Insurance Fund.',
      );
    }
    offices['fund-head-office'] = fund.id;
  }
  return ok(offices);
}

// The provider office itself when it belongs to that kind of organisation (a Ministry service is
// handled in the Ministry), otherwise the one office of that kind; several would be a guess.
function headOffice(directory: OfficeDirectory, kind: TOrganisationKind, provider: TOffice): TOffice | undefined {
  const ofKind = officesOfKind(directory, kind);
  if (ofKind.some((o) => o.id === provider.id)) return provider;
  return ofKind.length === 1 ? ofKind[0] : undefined;
}

function unknownOffice(id: string) {
  return fail('unknown-office', `Анықтамалықта «${id}» кеңсесі жоқ.`, `В справочнике нет офиса «${id}».`, `The directory has no office «${id}».`);
}
