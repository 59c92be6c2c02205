import { signatureRefusal } from './signature-refusal.js';
import { DEFAULT_ORGANISATION_SIGNERS, organisationSigningRefusal } from '../core/identity/organisation-signing.js';
import type { SealCheck } from './ports/seal-verifier.js';
import { resolveCaseOffices } from '../core/directory/case-offices.js';
import type { CaseApplicant, CaseState } from '../core/engine/case-model.js';
import type { TChannel, TRegulation } from '../core/regulation/schema.js';
import { err, ok, type Result } from '../core/result.js';
import { caseDeps, regulationOf, type AppDeps } from './app-deps.js';
import { appError, NOT_FOUND, type AppError } from './app-error.js';
import { confirmApplicant } from './confirm-applicant.js';
import { staffActorAt, type Principal } from './principal.js';
import { runCaseCommand } from './run-case-command.js';
import { applicationStatement } from './application-statement.js';
import type { SignedStatement } from '../core/engine/case-commands.js';

/** An application as lodged: by the applicant on the portal, or by a clerk or a centre operator on their behalf. */
export interface SubmitApplicationInput {
  readonly service: string;
  readonly variant?: string;
  readonly channel: TChannel;
  readonly providerOfficeId?: string;
  readonly centreOfficeId?: string;
  /** Who applies, when staff lodge the application: an IIN, or a BIN for a legal entity. */
  readonly applicant?: { readonly iin?: string; readonly bin?: string };
  /** For an applicant on the portal: apply as a legal entity (with the BIN they represent) rather than as an individual. */
  readonly as?: 'individual' | 'legal-entity';
  readonly attachments?: readonly string[];
  /** The registry number a reissue or a duplicate is about. */
  readonly baseNumber?: string;
  /** The applicant asks for the result on paper as well. */
  readonly resultOnPaper?: true;
  readonly idempotencyKey?: string;
  /** On the portal: the applicant's detached CMS (base64) over the application statement. */
  readonly signature?: string;
}

/**
 * Lodges an application: checks who may lodge it on this channel, confirms the applicant with the
 * state databases through the gateway (п. 10: unconfirmed data means a refusal), places it at its
 * offices, checks the documents and the base registry entry, and runs `submit` in the engine.
 */
export async function submitApplication(deps: AppDeps, principal: Principal, input: SubmitApplicationInput): Promise<Result<CaseState, AppError>> {
  const regulation = regulationOf(deps, input.service);
  if (!regulation) return err(NOT_FOUND);
  const { user } = principal;
  if (input.idempotencyKey !== undefined) {
    // A submission resent after its answer was lost gets its case back before anything is checked
    // again: its documents now belong to that case, and the gateway need not be asked twice.
    const first = await deps.stores.cases.replayOf(`${user.id}:${input.idempotencyKey}`);
    const lodged = first && (await deps.stores.cases.load(first.caseId));
    if (lodged) return ok(lodged);
  }
  const isApplicant = user.kind === 'applicant';
  if (isApplicant !== (input.channel === 'portal')) {
    return err(
      isApplicant
        ? appError(
            'invalid-input',
            'Бұл арна арқылы өтінішті қызметкер қабылдайды: кеңсеге немесе ХҚКО-ға келіңіз.',
            'По этому каналу заявление принимает сотрудник: обратитесь в канцелярию или ЦОН.',
            'On this channel staff lodge the application: visit the office or a public service centre.',
          )
        : appError(
            'invalid-input',
            'Порталда өтінішті өтініш беруші өзі береді.',
            'На портале заявление подаёт сам заявитель.',
            'On the portal the applicant applies in person.',
          ),
    );
  }

  const identifier = isApplicant ? ownIdentifier(principal, regulation, input) : (input.applicant ?? {});
  if (!identifier.iin && !identifier.bin) {
    return err(appError('invalid-input', 'Өтініш берушінің ЖСН немесе БСН көрсетіңіз.', 'Укажите ИИН или БИН заявителя.', "Give the applicant's IIN or BIN."));
  }
  const signed = isApplicant ? await checkPortalSignature(deps, regulation, input, identifier, user) : ok(undefined);
  if (!signed.ok) return signed;
  const confirmed = await confirmApplicant(deps, identifier);
  if (!confirmed.ok) return confirmed;
  const applicant: CaseApplicant = confirmed.value;
  const applicantId = isApplicant
    ? user.id
    : ((await deps.stores.identity.applicantByIdentifier(identifier))?.id ?? `${identifier.bin ? 'bin' : 'iin'}:${applicant.identifier}`);

  // Staff lodge at their own office or centre unless they say otherwise.
  const ownOffice = principal.posts[0]?.officeId;
  const providerOfficeId = input.providerOfficeId ?? (input.channel === 'office' ? ownOffice : undefined);
  const centreOfficeId = input.centreOfficeId ?? (input.channel === 'state-corporation' ? ownOffice : undefined);
  const offices = resolveCaseOffices(deps.directory, regulation, {
    channel: input.channel,
    ...(providerOfficeId !== undefined ? { providerOfficeId } : {}),
    ...(centreOfficeId !== undefined ? { centreOfficeId } : {}),
  });
  if (!offices.ok) return err({ code: 'office-not-resolved', message: offices.error.message, details: { reason: offices.error.code } });

  for (const id of input.attachments ?? []) {
    const info = await deps.stores.attachments.info(id);
    if (!info || info.ownerId !== user.id || info.caseId !== null) {
      return err(
        appError(
          'attachment-unavailable',
          `Құжат жоқ немесе басқа іске тіркелген: ${id}`,
          `Документ не найден или уже приложен к другому делу: ${id}`,
          `The document is missing or already attached to another case: ${id}`,
        ),
      );
    }
  }
  if (input.baseNumber !== undefined) {
    const base = await deps.stores.registry.find(input.baseNumber);
    if (!base || base.service !== regulation.id || base.holderIdentifier !== applicant.identifier) {
      return err(
        appError(
          'invalid-input',
          `Тізілімде өтініш берушіге берілген № ${input.baseNumber} жоқ.`,
          `В реестре нет № ${input.baseNumber}, выданного заявителю.`,
          `The registry holds no number ${input.baseNumber} issued to this applicant.`,
        ),
      );
    }
  }

  const caseId = deps.newId('case');
  const ran = await runCaseCommand(caseDeps(deps), {
    caseId,
    serviceId: regulation.id,
    command: {
      type: 'submit',
      caseId,
      variant: input.variant,
      channel: input.channel,
      applicantId,
      offices: offices.value,
      applicant,
      ...(input.baseNumber !== undefined ? { baseNumber: input.baseNumber } : {}),
      ...(input.resultOnPaper ? { resultOnPaper: true as const } : {}),
      attachments: input.attachments ?? [],
      ...(signed.value !== undefined ? { signed: signed.value } : {}),
    },
    actor: isApplicant ? { userId: user.id, roles: ['applicant'] } : staffActorAt(principal, Object.values(offices.value)),
    ...(input.idempotencyKey !== undefined ? { idempotencyKey: `${user.id}:${input.idempotencyKey}` } : {}),
  });
  return ran.ok ? ok(ran.value.state) : err(ran.error);
}

/**
 * The portal's checks of the applicant's signature (the regulations require a valid, unrevoked
 * certificate whose IIN/BIN is the applicant's). Without a signature the deployment's policy
 * decides whether the application is accepted unsigned.
 */
async function checkPortalSignature(
  deps: AppDeps,
  regulation: TRegulation,
  input: SubmitApplicationInput,
  identifier: { iin?: string; bin?: string },
  user: Principal['user'],
): Promise<Result<SignedStatement | undefined, AppError>> {
  if (input.signature === undefined) {
    return deps.requirePortalSignature
      ? err(
          appError(
            'signature-required',
            'Өтінішке ЭЦҚ-мен қол қойыңыз.',
            'Подпишите заявление ЭЦП.',
            'Sign the application with your electronic digital signature.',
            { statement: await statementOf(deps, input, identifier) },
          ),
        )
      : ok(undefined);
  }
  const statement = await statementOf(deps, input, identifier);
  if (!deps.statementVerifier) {
    return err(appError('signature-invalid', 'Қолтаңбаны тексеру бапталмаған.', 'Проверка подписи не настроена.', 'Signature verification is not configured.'));
  }
  // For a legal entity the signer is the representative in person: their IIN and the entity's BIN.
  const forEntity = identifier.bin !== undefined;
  const expected = forEntity ? { iin: user.iin ?? '', bin: identifier.bin } : { iin: identifier.iin };
  const verified = await deps.statementVerifier.verify(input.signature, statement, expected);
  const checks = forEntity && verified.valid ? [...verified.checks, signingAuthorityCheck(regulation, verified.signer?.keyUser ?? [])] : verified.checks;
  return checks.every((c) => c.ok) ? ok({ statement, signature: input.signature }) : err(signatureRefusal(checks));
}

/** Whether the certificate's NCA key-user roles let its holder sign for the organisation in this service. */
function signingAuthorityCheck(regulation: TRegulation, keyUser: readonly string[]): SealCheck {
  const refusal = organisationSigningRefusal(keyUser, regulation.organisationSigners?.keyUsers ?? DEFAULT_ORGANISATION_SIGNERS);
  return refusal ? { name: 'signing-authority', ok: false, reason: refusal } : { name: 'signing-authority', ok: true };
}

/** The statement the applicant signs for this input. */
export async function statementOf(
  deps: AppDeps,
  input: Pick<SubmitApplicationInput, 'service' | 'variant' | 'channel' | 'providerOfficeId' | 'attachments' | 'baseNumber' | 'resultOnPaper'>,
  identifier: { iin?: string; bin?: string },
): Promise<string> {
  const attachments = await Promise.all(
    (input.attachments ?? []).map(async (id) => ({ id, sha256: (await deps.stores.attachments.info(id))?.sha256 ?? null })),
  );
  return applicationStatement({
    service: input.service,
    variant: input.variant,
    channel: input.channel,
    office: input.providerOfficeId,
    applicant: identifier.bin || identifier.iin || '',
    attachments,
    baseNumber: input.baseNumber,
    resultOnPaper: input.resultOnPaper,
  });
}

/** Whom an applicant applies as on the portal: themselves (IIN), or the legal entity they represent (BIN). */
function ownIdentifier(principal: Principal, regulation: TRegulation, input: Pick<SubmitApplicationInput, 'as'>): { iin?: string; bin?: string } {
  const { user } = principal;
  return input.as === 'legal-entity' || (!regulation.applicants.includes('individual') && user.bin) ? { bin: user.bin ?? '' } : { iin: user.iin ?? '' };
}

/** The statement an applicant must sign before submitting this input on the portal. */
export async function portalStatement(deps: AppDeps, principal: Principal, input: SubmitApplicationInput): Promise<Result<string, AppError>> {
  const regulation = regulationOf(deps, input.service);
  if (!regulation) return err(NOT_FOUND);
  if (principal.user.kind !== 'applicant')
    return err(
      appError(
        'invalid-input',
        'Порталда өтінішті өтініш беруші өзі береді.',
        'На портале заявление подаёт сам заявитель.',
        'On the portal the applicant applies in person.',
      ),
    );
  return ok(await statementOf(deps, input, ownIdentifier(principal, regulation, input)));
}
