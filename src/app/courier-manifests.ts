import type { CaseCommand } from '../core/engine/case-commands.js';
import type { CaseState } from '../core/engine/case-model.js';
import type { CaseRejection } from '../core/engine/case-rejection.js';
import { decideCase } from '../core/engine/decide-case.js';
import { evolveCase } from '../core/engine/evolve-case.js';
import { err, ok, type Result } from '../core/result.js';
import type { TLanguage, TText } from '../core/regulation/schema.js';
import type { AppendRequest, CourierManifest } from './ports/case-store.js';
import { caseDeps, regulationOf, type AppDeps } from './app-deps.js';
import { appError, NOT_FOUND, type AppError } from './app-error.js';
import { actorForCase, maySeeCase, type Principal } from './principal.js';

/** The most cases one courier manifest lists: a day's packages from one counter to one office. */
export const MANIFEST_MAX_CASES = 200;

const ONE_ROUTE = appError(
  'invalid-input',
  'Бір курьерлік тізім бір кеңседен бір кеңсеге жүреді: істерді баратын жері бойынша бөліңіз.',
  'Один курьерский реестр идёт из одного подразделения в одно: разделите дела по месту назначения.',
  'One courier manifest goes from one office to one office: split the cases by destination.',
);
const MOVED_ON = appError(
  'wrong-state',
  'Тізімдегі бір іс осы сәтте өзгертілді: ештеңе жазылған жоқ, қайталап көріңіз.',
  'Одно из дел реестра изменилось в этот момент: ничего не записано, повторите попытку.',
  'A case on the manifest changed at this moment: nothing was written, try again.',
);
const STAFF_ONLY = appError(
  'forbidden',
  'Курьерлік тізімдермен тек қызметкерлер жұмыс істейді.',
  'С курьерскими реестрами работают только сотрудники.',
  'Only staff work with courier manifests.',
);

/** A refusal about one case of a batch names the case, so the sender knows which to take off. */
const aboutCase = (caseId: string, r: CaseRejection | AppError): AppError => ({
  code: r.code,
  message: { kk: `${caseId}: ${r.message.kk}`, ru: `${caseId}: ${r.message.ru}`, en: `${caseId}: ${r.message.en}` },
});

/**
 * A name a person can read on the manifest and sign under: some letter, and no control character,
 * invisible or direction-changing format character, or broken UTF-16 (each would print blank or
 * reversed on the paper the courier signs).
 */
const readableName = (name: string) => /\p{L}/u.test(name) && !/[\p{Cc}\p{Cs}\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/u.test(name);

/** A manifest's printed number: short enough to write on a parcel, derived from its id. */
const manifestNumber = (id: string) => `CM-${id.slice(1)}`;

/**
 * Decides one command on each case: the appends to make, or the first refusal (naming its case).
 * Nothing is written here; the caller commits them all in one transaction.
 */
function decideAll(
  deps: AppDeps,
  principal: Principal,
  states: readonly CaseState[],
  commandOf: (s: CaseState) => CaseCommand,
): Result<AppendRequest[], AppError> {
  const requests: AppendRequest[] = [];
  for (const state of states) {
    const regulation = regulationOf(deps, state.service);
    if (!regulation) return err(aboutCase(state.id, NOT_FOUND));
    const ctx = { regulation, clockFor: deps.clockFor, policy: deps.policy, now: deps.now(), actor: actorForCase(principal, state), ...bodies(deps) };
    const decided = decideCase(state, commandOf(state), ctx);
    if (!decided.ok) return err(aboutCase(state.id, decided.error));
    // A package carries documents between offices; a step that ends the case issues a result and is signed on its own.
    if (decided.value.some((e) => e.type === 'result-issued')) {
      return err(
        aboutCase(
          state.id,
          appError(
            'wrong-kind',
            'Бұл рәсім істі аяқтайды: оны курьерлік тізімге қосуға болмайды.',
            'Эта процедура завершает дело: её нельзя включить в курьерский реестр.',
            'This procedure ends the case: it cannot go on a courier manifest.',
          ),
        ),
      );
    }
    requests.push({ caseId: state.id, expectedVersion: state.version, events: decided.value, state: decided.value.reduce<CaseState>(evolveCase, state) });
  }
  return ok(requests);
}

const bodies = (deps: AppDeps) => {
  const { bodyOf } = caseDeps(deps);
  return bodyOf ? { bodyOf } : {};
};

/** Commits a batch: every case, or none when any moved on meanwhile. */
async function commitAll(deps: AppDeps, requests: readonly AppendRequest[]): Promise<Result<void, AppError>> {
  const appended = await deps.stores.cases.appendAll(requests);
  return appended.ok ? ok(undefined) : err(MOVED_ON);
}

/** Where each case of a batch goes, as the engine wrote it: one manifest, one route. */
const routesOf = (requests: readonly AppendRequest[]) =>
  requests.flatMap((r) =>
    r.events.flatMap((e) => (e.type === 'step-completed' && e.consignment ? [{ from: e.consignment.fromOffice, to: e.consignment.toOffice }] : [])),
  );
const oneRoute = (requests: readonly AppendRequest[]) => new Set(routesOf(requests).map((r) => `${r.from}\u0000${r.to}`)).size === 1;

/** The cases a person names, each one they may see, once each. */
async function visibleCases(deps: AppDeps, principal: Principal, caseIds: readonly string[]): Promise<Result<CaseState[], AppError>> {
  const states: CaseState[] = [];
  for (const id of new Set(caseIds)) {
    const state = await deps.stores.cases.load(id);
    if (!state || !maySeeCase(principal, state)) return err(aboutCase(id, NOT_FOUND));
    states.push(state);
  }
  return ok(states);
}

/**
 * Hands cases to a courier under one manifest (п. 9.4) of service 8, the State Corporation to the
 * provider; the provider to a centre in service 10): each case's transfer step is completed by its
 * performer, at one office, for one destination, all in one transaction.
 */
export async function dispatchByCourier(
  deps: AppDeps,
  principal: Principal,
  request: { readonly cases: readonly string[]; readonly courier: string },
): Promise<Result<CourierManifest, AppError>> {
  if (principal.user.kind !== 'staff') return err(STAFF_ONLY);
  const courier = request.courier.normalize('NFC').trim();
  if (!readableName(courier))
    return err(
      appError(
        'invalid-input',
        'Курьердің аты-жөнін көрсетіңіз (әріптермен).',
        'Укажите фамилию и имя курьера (буквами).',
        "Give the courier's name (in letters).",
      ),
    );
  // Counted before any case is read: a request past the bound costs nothing.
  const count = new Set(request.cases).size;
  if (count === 0 || count > MANIFEST_MAX_CASES) {
    return err(
      appError(
        'invalid-input',
        `Тізімде 1-ден ${MANIFEST_MAX_CASES}-ге дейін іс болады.`,
        `В реестре от 1 до ${MANIFEST_MAX_CASES} дел.`,
        `A manifest lists 1 to ${MANIFEST_MAX_CASES} cases.`,
      ),
    );
  }
  const visible = await visibleCases(deps, principal, request.cases);
  if (!visible.ok) return visible;
  const id = deps.newId('manifest');
  const note = { manifest: id, number: manifestNumber(id), courier };
  const decided = decideAll(deps, principal, visible.value, (s) => ({ type: 'complete-step', procedureId: s.step?.procedureId ?? '', consignment: note }));
  if (!decided.ok) return decided;
  if (!oneRoute(decided.value)) return err(ONE_ROUTE);
  const committed = await commitAll(deps, decided.value);
  if (!committed.ok) return committed;
  return ok((await deps.stores.cases.manifest(id))!);
}

/** Confirms at the receiving office that the courier handed over every case of the manifest not yet received. */
export async function receiveManifest(deps: AppDeps, principal: Principal, manifestId: string): Promise<Result<CourierManifest, AppError>> {
  const manifest = await manifestFor(deps, principal, manifestId);
  if (!manifest.ok) return manifest;
  const pending = manifest.value.cases.filter((c) => c.receivedAt === null).map((c) => c.caseId);
  if (pending.length === 0) {
    return err(
      appError(
        'wrong-state',
        `Тізім № ${manifest.value.number} толық қабылданған.`,
        `Реестр № ${manifest.value.number} уже принят полностью.`,
        `Manifest No. ${manifest.value.number} is already received in full.`,
      ),
    );
  }
  const visible = await visibleCases(deps, principal, pending);
  if (!visible.ok) return visible;
  const decided = decideAll(deps, principal, visible.value, () => ({ type: 'receive-consignment', manifest: manifestId }));
  if (!decided.ok) return decided;
  const committed = await commitAll(deps, decided.value);
  if (!committed.ok) return committed;
  return ok((await deps.stores.cases.manifest(manifestId))!);
}

/** A manifest, for staff of the office that sent it or of the one it goes to. */
export async function manifestFor(deps: AppDeps, principal: Principal, manifestId: string): Promise<Result<CourierManifest, AppError>> {
  const manifest = await deps.stores.cases.manifest(manifestId);
  const offices = new Set(principal.posts.map((p) => p.officeId));
  if (!manifest || principal.user.kind !== 'staff' || !(offices.has(manifest.fromOffice) || offices.has(manifest.toOffice))) return err(NOT_FOUND);
  return ok(manifest);
}

/** The manifests sent from or to the person's offices, newest first. */
export async function manifestsOf(deps: AppDeps, principal: Principal): Promise<ManifestList> {
  if (principal.user.kind !== 'staff') return { manifests: [], offices: {} };
  const manifests = await deps.stores.cases.manifests([...new Set(principal.posts.map((p) => p.officeId))], 50);
  return {
    manifests,
    offices: officeTitles(
      deps,
      manifests.flatMap((m) => [m.fromOffice, m.toOffice]),
    ),
  };
}

/** The manifests from or to a person's offices, newest first, with those offices' names. */
export interface ManifestList {
  readonly manifests: readonly CourierManifest[];
  readonly offices: Readonly<Record<string, TText>>;
}

/** Cases waiting at the person's desk to go to one office by courier. */
export interface CourierDestination {
  readonly toOffice: string;
  readonly cases: readonly { readonly id: string; readonly service: string; readonly procedureId: string; readonly stepDue: number | null }[];
}

/**
 * What the person could hand a courier now, by destination: each case of their inbox whose step the
 * engine would let them complete under a manifest (asked of the engine on trial, nothing written).
 */
export async function readyForCourier(deps: AppDeps, principal: Principal): Promise<ReadyForCourier> {
  if (principal.user.kind !== 'staff') return { destinations: [], offices: {} };
  const trial = { manifest: '-', number: '-', courier: '-' };
  const byOffice = new Map<string, CourierDestination['cases'][number][]>();
  for (const summary of await deps.stores.cases.inbox(principal.user.id, principal.posts, { limit: 500, offset: 0 })) {
    const state = await deps.stores.cases.load(summary.id);
    if (!state?.step) continue;
    const decided = decideAll(deps, principal, [state], (s) => ({ type: 'complete-step', procedureId: s.step!.procedureId, consignment: trial }));
    const toOffice = decided.ok ? routesOf(decided.value)[0]?.to : undefined;
    if (toOffice === undefined) continue;
    byOffice.set(toOffice, [
      ...(byOffice.get(toOffice) ?? []),
      { id: state.id, service: state.service, procedureId: state.step.procedureId, stepDue: summary.stepDue },
    ]);
  }
  const destinations = [...byOffice].map(([toOffice, cases]) => ({ toOffice, cases }));
  return {
    destinations,
    offices: officeTitles(
      deps,
      destinations.map((d) => d.toOffice),
    ),
  };
}

/** What a person could hand a courier now, by destination, with the destinations' names. */
export interface ReadyForCourier {
  readonly destinations: readonly CourierDestination[];
  readonly offices: Readonly<Record<string, TText>>;
}

/** The names of offices, for a manifest's sender and destination as people read them. */
export function officeTitles(deps: AppDeps, ids: Iterable<string>): Record<string, TText> {
  const titles: Record<string, TText> = {};
  for (const id of ids) {
    const office = deps.directory.offices.find((o) => o.id === id);
    if (office) titles[id] = office.title;
  }
  return titles;
}

/** A manifest as a PDF to print, for staff of either office; the people on it named as the directory of staff has them. */
export async function manifestPdf(
  deps: AppDeps,
  principal: Principal,
  manifestId: string,
  lang: TLanguage,
): Promise<Result<{ number: string; pdf: Uint8Array }, AppError>> {
  const manifest = await manifestFor(deps, principal, manifestId);
  if (!manifest.ok) return manifest;
  if (!deps.documents) return err(NOT_FOUND);
  const ids = new Set([manifest.value.dispatchedBy, ...manifest.value.cases.flatMap((c) => (c.receivedBy ? [c.receivedBy] : []))]);
  const people = new Map<string, string>();
  for (const id of ids) {
    const user = await deps.stores.identity.userById(id);
    if (user) people.set(id, user.name);
  }
  return ok({ number: manifest.value.number, pdf: await deps.documents.renderManifestPdf(manifest.value, people, lang) });
}
