import { existsSync, readFileSync } from 'node:fs';
import type { TLanguage, TText } from '../../core/regulation/schema.js';
import type { CertificateSubject } from '../../signature/certificate/describe-certificate.js';
import { parseCertificates, type X509 } from '../../signature/certificate/parse-certificates.js';
import { checkCertificate } from '../../signature/check-certificate.js';
import { loadTrustStore } from '../../signature/chain/load-trust-store.js';
import type { TrustStore } from '../../signature/chain/trust-store.js';
import { fileRevocationSource } from '../../signature/revocation/offline-revocation-source.js';
import type { RevocationSource } from '../../signature/revocation/revocation-source.js';
import type { SignatureCheck } from '../../signature/signature-check.js';
import { CliFailure, type CliIo } from '../cli-io.js';
import { parseIsoInstant } from '../../core/clock/iso-instant.js';

export const certInfoHelp = `reglament cert-info <cert> [--at ISO] [--trust DIR ...] [--crl FILE ...] [--ocsp FILE ...] [--json] [--lang kk|ru|en]

What a certificate says (the holder's IIN/BIN as NCA writes them, key usage, key user, algorithm,
validity) and whether it holds at an instant: the chain to a trusted CA, validity, revocation, key usage.
  <cert>    DER or PEM; a PEM bundle may carry the CA certificates after it
  --at      the instant to judge at (ISO 8601, default now), e.g. 2022-06-01 for NCA's test certificates
  --trust   a directory (or file) of trusted CA certificates (.cer .crt .pem .der); repeatable
  --crl     a CRL file (DER or PEM), full or delta; repeatable
  --ocsp    an OCSP response file (DER or base64); repeatable
  --json    {subject, keyUsage, keyUser, algorithm, notBefore, notAfter, chainValid, revoked, checks}
Without --crl or --ocsp the revocation check fails: revocation cannot be shown.
Exit code 1 when a check fails.`;

/** The options every signature command reads: the instant, the trust anchors and the revocation evidence. */
export interface SignatureContextOptions {
  readonly at?: string;
  readonly trust?: readonly string[];
  readonly crl?: readonly string[];
  readonly ocsp?: readonly string[];
}

/** The command-line options of cert-info and verify (the repeatable ones are lists). */
export const SIGNATURE_COMMAND_OPTIONS = {
  'cert-info': {
    at: { type: 'string' },
    trust: { type: 'string', multiple: true },
    crl: { type: 'string', multiple: true },
    ocsp: { type: 'string', multiple: true },
  },
  verify: {
    at: { type: 'string' },
    trust: { type: 'string', multiple: true },
    crl: { type: 'string', multiple: true },
    ocsp: { type: 'string', multiple: true },
    data: { type: 'string' },
    iin: { type: 'string' },
    bin: { type: 'string' },
  },
} as const;

/** The parsed values of those options. */
export function signatureOptionsOf(values: Record<string, unknown>): SignatureContextOptions & { data?: string; iin?: string; bin?: string } {
  const text = (name: string) => (typeof values[name] === 'string' ? { [name]: values[name] as string } : {});
  const list = (name: string) => (Array.isArray(values[name]) ? { [name]: values[name] as string[] } : {});
  return { ...text('at'), ...list('trust'), ...list('crl'), ...list('ocsp'), ...text('data'), ...text('iin'), ...text('bin') };
}

/** What the signature commands verify against. */
export interface SignatureContext {
  readonly at: Date;
  readonly trust: TrustStore;
  readonly revocation?: RevocationSource;
}

/** The instant of --at (a date alone is its midnight UTC); now when absent. */
export function instantOf(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const at = parseIsoInstant(value);
  if (at === undefined) {
    throw new CliFailure({
      kk: `--at уақыты жарамсыз: ${value} (ISO 8601, мысалы 2022-06-01 немесе 2022-06-01T12:00:00+05:00).`,
      ru: `Недопустимое время --at: ${value} (ISO 8601, например 2022-06-01 или 2022-06-01T12:00:00+05:00).`,
      en: `Invalid --at: ${value} (ISO 8601, e.g. 2022-06-01 or 2022-06-01T12:00:00+05:00).`,
    });
  }
  return new Date(at);
}

function cannotRead(path: string): CliFailure {
  return new CliFailure({ kk: `Файл оқылмады: ${path}`, ru: `Не удалось прочитать файл: ${path}`, en: `Cannot read the file: ${path}` });
}

/** Reads a file the user named; a missing or unreadable one is a usage failure in the user's language. */
export function readUserFile(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch {
    throw cannotRead(path);
  }
}

/** The instant, trust store and revocation evidence the options name. */
export function signatureContextOf(options: SignatureContextOptions): SignatureContext {
  const at = instantOf(options.at);
  for (const path of options.trust ?? []) if (!existsSync(path)) throw cannotRead(path);
  for (const path of [...(options.crl ?? []), ...(options.ocsp ?? [])]) readUserFile(path);
  let trust: TrustStore;
  try {
    trust = loadTrustStore(options.trust ?? []);
  } catch {
    throw new CliFailure({
      kk: `--trust ішіндегі сертификаттар оқылмады: ${(options.trust ?? []).join(', ')}`,
      ru: `Не удалось прочитать сертификаты из --trust: ${(options.trust ?? []).join(', ')}`,
      en: `Cannot read the certificates in --trust: ${(options.trust ?? []).join(', ')}`,
    });
  }
  const hasEvidence = (options.crl?.length ?? 0) > 0 || (options.ocsp?.length ?? 0) > 0;
  return { at, trust, ...(hasEvidence ? { revocation: fileRevocationSource({ crls: options.crl ?? [], ocspResponses: options.ocsp ?? [] }) } : {}) };
}

/** The subject as the commands print it: the fields NCA puts in, null where absent. */
export function subjectJson(subject: CertificateSubject): { iin: string | null; bin: string | null; commonName: string | null; organization: string | null } {
  return { iin: subject.iin ?? null, bin: subject.bin ?? null, commonName: subject.commonName ?? null, organization: subject.organization ?? null };
}

/** Checks as the commands print them, the reason in the chosen language. */
export function checksJson(checks: readonly SignatureCheck[], lang: TLanguage): { name: string; ok: boolean; reason: string | null }[] {
  return checks.map((c) => ({ name: c.name, ok: c.ok, reason: c.reason ? c.reason[lang] : null }));
}

/** One check as a line of text. */
export function checkLine(check: SignatureCheck, lang: TLanguage): string {
  return check.ok ? `  ✓ ${check.name}` : `  ✗ ${check.name}: ${check.reason?.[lang] ?? ''}`;
}

const LABELS: Record<string, TText> = {
  keyUsage: { kk: 'кілттің мақсаты', ru: 'назначение ключа', en: 'key usage' },
  keyUser: { kk: 'кілт иесі', ru: 'владелец ключа', en: 'key user' },
  algorithm: { kk: 'алгоритм', ru: 'алгоритм', en: 'algorithm' },
  validity: { kk: 'жарамдылық мерзімі', ru: 'срок действия', en: 'valid' },
  organization: { kk: 'ұйым', ru: 'организация', en: 'organisation' },
};

/** Prints a certificate's description and checks. */
export async function runCertInfo(io: CliIo, opts: SignatureContextOptions & { file: string | undefined; json: boolean; lang: TLanguage }): Promise<number> {
  if (!opts.file)
    throw new CliFailure({
      kk: 'Қолдану: reglament cert-info <сертификат>',
      ru: 'Использование: reglament cert-info <сертификат>',
      en: 'Usage: reglament cert-info <certificate>',
    });
  const bytes = readUserFile(opts.file);
  let certificates: X509[];
  try {
    certificates = parseCertificates(bytes);
  } catch {
    certificates = [];
  }
  const [certificate, ...intermediates] = certificates;
  if (!certificate) throw new CliFailure({ kk: `Сертификат емес: ${opts.file}`, ru: `Это не сертификат: ${opts.file}`, en: `Not a certificate: ${opts.file}` });
  const context = signatureContextOf(opts);
  const verdict = await checkCertificate(certificate, { ...context, intermediates, purpose: 'any' });
  const { summary } = verdict;
  const chainValid = verdict.checks.find((c) => c.name === 'chain')?.ok ?? false;
  const revoked = verdict.revocation.status === 'unknown' ? null : verdict.revocation.status === 'revoked';
  const failedAny = verdict.checks.some((c) => !c.ok);
  if (opts.json) {
    io.out(
      JSON.stringify(
        {
          subject: subjectJson(summary.subject),
          keyUsage: summary.keyUsage,
          keyUser: summary.keyUser,
          algorithm: summary.algorithm,
          notBefore: summary.notBefore.toISOString(),
          notAfter: summary.notAfter.toISOString(),
          chainValid,
          revoked,
          checks: checksJson(verdict.checks, opts.lang),
        },
        null,
        2,
      ),
    );
    return failedAny ? 1 : 0;
  }
  const l = opts.lang;
  const s = summary.subject;
  io.out(`${s.commonName ?? summary.subjectName}${s.iin ? `  IIN ${s.iin}` : ''}${s.bin ? `  BIN ${s.bin}` : ''}`);
  if (s.organization) io.out(`  ${LABELS.organization![l]}: ${s.organization}`);
  io.out(`  ${LABELS.keyUsage![l]}: ${summary.keyUsage} (${summary.keyUsageBits.join(', ')})`);
  if (summary.keyUser.length > 0) io.out(`  ${LABELS.keyUser![l]}: ${summary.keyUser.join(', ')}`);
  io.out(`  ${LABELS.algorithm![l]}: ${summary.algorithm}`);
  io.out(`  ${LABELS.validity![l]}: ${summary.notBefore.toISOString()} … ${summary.notAfter.toISOString()}`);
  for (const check of verdict.checks) io.out(checkLine(check, l));
  return failedAny ? 1 : 0;
}
