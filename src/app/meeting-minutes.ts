import type { CaseState } from '../core/engine/case-model.js';
import type { MeetingRecord } from '../core/meeting/meeting-record.js';
import { err, ok, type Result } from '../core/result.js';
import { acceptPersonSignature } from './accept-person-signature.js';
import type { AppDeps } from './app-deps.js';
import { appError, type AppError } from './app-error.js';
import type { Principal } from './principal.js';

const MINUTES_UNAVAILABLE = appError(
  'attachment-unavailable',
  'Хаттама табылмады: оны жазатын адам өзі жүктеген, әлі ешбір іске тіркелмеген құжат болуы керек.',
  'Протокол не найден: это должен быть документ, загруженный тем, кто записывает заседание, и ещё не приложенный ни к одному делу.',
  'The minutes were not found: they must be a document uploaded by the one recording the meeting and not yet attached to any case.',
);
const MINUTES_NOT_PDF = appError(
  'invalid-input',
  'Отырыс хаттамасы PDF құжаты болуы керек.',
  'Протокол заседания должен быть документом PDF.',
  'The minutes of the meeting must be a PDF document.',
);

const MINUTES_SIGNATURE_REQUIRED = appError(
  'signature-required',
  'Отырыс хаттамасына өз ЭЦҚ-ңызбен қол қойыңыз.',
  'Подпишите протокол заседания своей ЭЦП.',
  'Sign the minutes of the meeting with your own electronic digital signature.',
);

/**
 * The minutes a meeting's record cites: the keeper's own upload, free, a PDF (the minutes as signed
 * on paper), and — where staff sign electronically — the keeper's own signature over its bytes (a
 * detached CMS, checked like a signing step's and time-stamped). Gives the record to keep.
 */
export async function checkMinutes(deps: AppDeps, principal: Principal, state: CaseState, meeting: MeetingRecord): Promise<Result<MeetingRecord, AppError>> {
  const minutes = await deps.stores.attachments.info(meeting.minutes);
  if (!minutes || minutes.ownerId !== principal.user.id || minutes.caseId !== null) return err(MINUTES_UNAVAILABLE);
  if (minutes.mediaType !== 'application/pdf') return err(MINUTES_NOT_PDF);
  if (meeting.minutesSignature === undefined) return deps.requireStaffSignature ? err(MINUTES_SIGNATURE_REQUIRED) : ok(meeting);
  const bytes = await deps.stores.attachments.body(meeting.minutes);
  if (!bytes) return err(MINUTES_UNAVAILABLE);
  // The keeper signs where their step waits: the organisation of that office.
  const accepted = await acceptPersonSignature(deps, principal, meeting.minutesSignature, new Uint8Array(bytes), state.step?.officeId);
  return accepted.ok ? ok({ ...meeting, minutesSignature: accepted.value }) : accepted;
}
