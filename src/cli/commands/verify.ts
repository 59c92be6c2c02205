import type { TLanguage, TText } from '../../core/regulation/schema.js';
import { parseSignedData, verifyCms } from '../../signature/cms/verify-cms.js';
import { derObjects } from '../../signature/der-or-pem.js';
import { REASONS } from '../../signature/reasons.js';
import type { SignedDocumentReport } from '../../signature/signed-document-report.js';
import { ZResultDocument, type ResultDocument } from '../../core/documents/result-document.js';
import { verifyXmlDsig } from '../../signature/xmldsig/verify-xmldsig.js';
import { XmlParseError } from '../../signature/xmldsig/xml-document.js';
import { CliFailure, type CliIo } from '../cli-io.js';
import { checkLine, checksJson, readUserFile, signatureContextOf, subjectJson, type SignatureContextOptions } from './cert-info.js';

export const verifyHelp = `reglament verify <signed-file> [--data FILE] [--iin X | --bin Y] [--at ISO] [--trust DIR ...] [--crl FILE ...] [--ocsp FILE ...] [--json] [--lang kk|ru|en]

Verifies a signed document: CMS (CAdES, attached or detached; DER, PEM or base64 as NCALayer returns
it) or XML with enveloped XML-DSig signatures (as NCALayer's signXml makes them). Every signer gets the
checks integrity, chain, validity, revocation, key-usage (a signing key is required) and, with --iin or
--bin, identity-match.
  --data    the document expected to be signed: a detached CMS is checked over it, and an attached
            one must carry exactly these bytes
  --iin     the IIN the signer must have (an applicant); --bin: the organisation's BIN
  --at      the instant to judge certificates at when no time-stamp says when it was signed (default now)
  --trust   a directory (or file) of trusted CA certificates; repeatable
  --crl     a CRL file, full or delta; repeatable.  --ocsp  an OCSP response file; repeatable
  --json    {valid, signers: [{subject, issuer, signedAt, signedAtSource, revokedLater, post, checks}], document}
            (document and post: for a result document of this system, what it says and which post each signer signed for)
Exit code 1 when the document is not validly signed.`;

const NOT_SIGNED: TText = {
  kk: 'Файл CMS қолтаңбасы да, XML қолтаңбасы бар құжат та емес',
  ru: 'Файл не является ни подписью CMS, ни XML-документом с подписью',
  en: 'The file is neither a CMS signature nor an XML document with a signature',
};

const VERDICT: Record<'valid' | 'invalid', TText> = {
  valid: { kk: 'Қолтаңба жарамды', ru: 'Подпись действительна', en: 'The signature is valid' },
  invalid: { kk: 'Қолтаңба жарамсыз', ru: 'Подпись недействительна', en: 'The signature is not valid' },
};
const SIGNED_AT: TText = { kk: 'қол қойылған уақыты', ru: 'время подписания', en: 'signed at' };
const BY_TIME_STAMP: TText = { kk: 'уақыт белгісі бойынша', ru: 'по метке времени', en: 'by the time-stamp' };
const BY_CLAIM: TText = { kk: 'қол қоюшының өз мәлімдемесі бойынша', ru: 'по заявлению подписавшего', en: "by the signer's own claim" };
const REVOKED_LATER: TText = { kk: 'сертификат кейін кері қайтарылды', ru: 'сертификат отозван позже', en: 'the certificate was revoked later' };
const ISSUER: TText = { kk: 'сертификатты берген', ru: 'сертификат выдал', en: 'certificate issued by' };
const POST: TText = { kk: 'лауазымы', ru: 'должность', en: 'post' };
const DOCUMENT: TText = { kk: 'Құжат', ru: 'Документ', en: 'Document' };

/** The signed content, when it is a result document of this system: its facts, as it states them. */
function resultDocumentOf(content: Uint8Array | undefined): ResultDocument | undefined {
  if (!content) return undefined;
  try {
    const parsed = ZResultDocument.safeParse(JSON.parse(new TextDecoder().decode(content)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** True when the bytes are XML text (after a BOM and white space, a '<'). */
function looksLikeXml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 64))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return head.startsWith('<');
}

/** Verifies the file as XML-DSig or CMS; anything else is a usage failure. */
async function verifyFile(bytes: Uint8Array, opts: SignatureContextOptions & { data?: string; iin?: string; bin?: string }): Promise<SignedDocumentReport> {
  const context = signatureContextOf(opts);
  const expected = { ...(opts.iin !== undefined ? { iin: opts.iin } : {}), ...(opts.bin !== undefined ? { bin: opts.bin } : {}) };
  const options = { ...context, ...(opts.iin !== undefined || opts.bin !== undefined ? { expected } : {}) };
  if (looksLikeXml(bytes)) {
    if (opts.data !== undefined) {
      throw new CliFailure({
        kk: '--data тек бөлек CMS қолтаңбасына керек',
        ru: '--data нужен только для отделённой подписи CMS',
        en: '--data is only for a detached CMS signature',
      });
    }
    try {
      return await verifyXmlDsig(bytes, options);
    } catch (e) {
      if (e instanceof XmlParseError) throw new CliFailure(NOT_SIGNED);
      throw e;
    }
  }
  const [der] = derObjects(bytes);
  try {
    if (!der) throw new Error('empty');
    parseSignedData(der);
  } catch {
    throw new CliFailure(NOT_SIGNED);
  }
  return verifyCms(der, { ...options, ...(opts.data !== undefined ? { data: readUserFile(opts.data) } : {}) });
}

/** Verifies a signed file and prints the verdict per signer. */
export async function runVerify(
  io: CliIo,
  opts: SignatureContextOptions & { file: string | undefined; data?: string; iin?: string; bin?: string; json: boolean; lang: TLanguage },
): Promise<number> {
  if (!opts.file)
    throw new CliFailure({
      kk: 'Қолдану: reglament verify <қол қойылған файл>',
      ru: 'Использование: reglament verify <подписанный файл>',
      en: 'Usage: reglament verify <signed-file>',
    });
  if (opts.iin !== undefined && opts.bin !== undefined) {
    throw new CliFailure({ kk: '--iin немесе --bin: екеуінің біреуі ғана', ru: 'Укажите либо --iin, либо --bin', en: 'Give either --iin or --bin, not both' });
  }
  const bytes = readUserFile(opts.file);
  const report = await verifyFile(bytes, opts);
  const l = opts.lang;
  const document = resultDocumentOf(report.content ?? (opts.data !== undefined ? readUserFile(opts.data) : undefined));
  // The document names the posts its people sign for, in order; their signatures come in the same order (an organisation's seal after them).
  const postOf = (i: number) => (document?.signatories.every((p) => p.electronic) ? document.signatories[i]?.position[l] : undefined);
  if (opts.json) {
    io.out(
      JSON.stringify(
        {
          valid: report.valid,
          signers: report.signers.map((s, i) => ({
            subject: subjectJson(s.subject),
            issuer: s.certificate?.issuerName ?? null,
            signedAt: s.signedAt?.toISOString() ?? null,
            signedAtSource: s.signedAtSource,
            revokedLater: s.revokedLater?.toISOString() ?? null,
            post: postOf(i) ?? null,
            checks: checksJson(s.checks, l),
          })),
          document: document
            ? {
                number: document.number,
                kind: document.kind,
                title: document.title[l],
                holder: document.applicant,
                issuedAt: document.issuedAt,
                provider: document.provider.organisation[l],
                signatories: document.signatories.map((p) => p.position[l]),
              }
            : null,
        },
        null,
        2,
      ),
    );
  } else {
    io.out(VERDICT[report.valid ? 'valid' : 'invalid'][l]);
    if (document) io.out(`${DOCUMENT[l]}: ${document.title[l]} № ${document.number}, ${document.applicant.name}, ${document.issuedAt}`);
    report.signers.forEach((s, i) => {
      const who = s.subject.commonName ?? '?';
      io.out(`${i + 1}. ${who}${s.subject.iin ? `  IIN ${s.subject.iin}` : ''}${s.subject.bin ? `  BIN ${s.subject.bin}` : ''}`);
      const post = postOf(i);
      if (post) io.out(`  ${POST[l]}: ${post}`);
      if (s.certificate) io.out(`  ${ISSUER[l]}: ${s.certificate.issuerName}`);
      if (s.signedAt) io.out(`  ${SIGNED_AT[l]}: ${s.signedAt.toISOString()} (${(s.signedAtSource === 'time-stamp' ? BY_TIME_STAMP : BY_CLAIM)[l]})`);
      if (s.revokedLater) io.out(`  ${REVOKED_LATER[l]}: ${s.revokedLater.toISOString()}`);
      for (const check of s.checks) io.out(checkLine(check, l));
    });
  }
  if (report.signers.length === 0) io.err(REASONS.noSignature()[l]);
  return report.valid ? 0 : 1;
}
