import { err, ok, type Result } from '../core/result.js';
import type { ActingAppointment } from './ports/identity-store.js';
import type { AppDeps } from './app-deps.js';
import { appError, type AppError } from './app-error.js';
import type { Principal } from './principal.js';

/** What a holder of a post asks for: who acts for them in it, from when until when, on which order. */
export interface StandInRequest {
  readonly standIn: string;
  readonly officeId: string;
  readonly role: string;
  readonly from: number;
  readonly until: number;
  readonly order: string;
}

const DAY_MILLIS = 24 * 60 * 60 * 1000;
/** An appointment covers a leave or a vacancy: a year at most; a longer one is a new post. */
export const STAND_IN_MAX_DAYS = 366;
/** A few minutes' grace for clocks; no appointment may reach back and authorise acts already done. */
const BACKDATING_GRACE_MILLIS = 5 * 60 * 1000;

const refused = (kk: string, ru: string, en: string) => err(appError('invalid-input', kk, ru, en));

/**
 * Appoints a stand-in («оны алмастыратын адам»): the holder of a post at an office names another
 * member of staff of that office to act in it for a period, on an order. The stand-in then holds
 * the post's duties in that period and no longer; what they do is recorded as acting. Only the
 * holder of the post appoints (administrators will through the administration screens).
 */
export async function appointStandIn(deps: AppDeps, principal: Principal, request: StandInRequest): Promise<Result<ActingAppointment, AppError>> {
  const { identity } = deps.stores;
  const now = deps.now();
  // A leaked integration token must not hand a post's authority to anyone: only the holder, signed in.
  if (principal.via === 'api-token') {
    return err(
      appError(
        'forbidden',
        'Орынбасарды API токенімен тағайындауға болмайды: жүйеге өзіңіз кіріңіз.',
        'Назначить замещающего API-токеном нельзя: войдите в систему сами.',
        'A stand-in cannot be appointed with an API token: sign in yourself.',
      ),
    );
  }
  const ownPost = principal.posts.some((p) => p.officeId === request.officeId && p.role === request.role && !p.acting);
  if (principal.user.kind !== 'staff' || !ownPost) {
    return err(
      appError(
        'forbidden',
        'Орынбасарды тек осы лауазымды атқаратын адам тағайындайды.',
        'Замещающего назначает только тот, кто занимает эту должность.',
        'Only the holder of the post appoints someone to act in it.',
      ),
    );
  }
  const order = request.order.trim();
  if (!order || order.length > 200)
    return refused(
      'Тағайындау туралы бұйрықты (нөмірі мен күні) көрсетіңіз.',
      'Укажите приказ о назначении (номер и дату).',
      'Give the order that appoints (its number and date).',
    );
  if (!(request.until > request.from))
    return refused('Мерзімнің соңы басынан кейін болуы керек.', 'Окончание срока должно быть позже начала.', 'The period must end after it begins.');
  if (request.until - request.from > STAND_IN_MAX_DAYS * DAY_MILLIS) {
    return refused(
      `Алмастыру мерзімі ${STAND_IN_MAX_DAYS} күннен аспайды.`,
      `Срок замещения — не более ${STAND_IN_MAX_DAYS} дней.`,
      `A stand-in is appointed for ${STAND_IN_MAX_DAYS} days at most.`,
    );
  }
  if (request.from < now - BACKDATING_GRACE_MILLIS) {
    return refused('Алмастыру өткен уақыттан басталмайды.', 'Замещение не может начинаться в прошлом.', 'An appointment cannot begin in the past.');
  }
  if (request.from > now + STAND_IN_MAX_DAYS * DAY_MILLIS) {
    return refused(
      `Алмастыру ${STAND_IN_MAX_DAYS} күннен кейін басталмайды.`,
      `Замещение начинается не позже чем через ${STAND_IN_MAX_DAYS} дней.`,
      `An appointment begins within ${STAND_IN_MAX_DAYS} days.`,
    );
  }
  // One stand-in per post at a time: two would each hold the post's authority, with nothing to say which counts.
  const overlapping = (await identity.standInsAt(request.officeId, now)).find(
    (a) => a.forUserId === principal.user.id && a.role === request.role && a.startsAt < request.until && request.from < a.endsAt,
  );
  if (overlapping) {
    return refused(
      `Бұл лауазымға осы мерзімде орынбасар тағайындалған (${overlapping.order}).`,
      `На эту должность в этот период уже назначен замещающий (${overlapping.order}).`,
      `A stand-in is already appointed to this post for part of that period (${overlapping.order}).`,
    );
  }
  const standIn = (await identity.userByLogin(request.standIn)) ?? undefined;
  const standInPosts = standIn ? await identity.postsOf(standIn.id) : [];
  if (!standIn || standIn.kind !== 'staff' || standIn.id === principal.user.id || !standInPosts.some((p) => p.officeId === request.officeId)) {
    return refused(
      'Орынбасар осы кеңсенің басқа қызметкері болуы керек.',
      'Замещающий должен быть другим сотрудником этого подразделения.',
      'The stand-in must be another member of staff of this office.',
    );
  }
  const appointment: ActingAppointment = {
    id: deps.newId('acting'),
    actingUserId: standIn.id,
    forUserId: principal.user.id,
    officeId: request.officeId,
    role: request.role,
    startsAt: request.from,
    endsAt: request.until,
    order,
    appointedBy: principal.user.id,
    createdAt: now,
  };
  await identity.appointStandIn(appointment);
  return ok(appointment);
}

/** The appointments at the offices a member of staff works in that have not ended yet. */
export async function standInsOf(deps: AppDeps, principal: Principal): Promise<ActingAppointment[]> {
  const offices = [...new Set(principal.posts.map((p) => p.officeId))];
  const now = deps.now();
  return (await Promise.all(offices.map((o) => deps.stores.identity.standInsAt(o, now)))).flat();
}
