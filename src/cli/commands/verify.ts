import type { TLanguage, TText } from '../../core/regulation/schema.js';
import { parseSignedData, verifyCms } from '../../signature/cms/verify-cms.js';
import { derObjects } from '../../signature/der-or-pem.js';
import { REASONS } from '../../signature/reasons.js';
import type { SignedDocumentReport } from '../../signature/signed-document-report.js';
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
  --json    {valid, signers: [{subject, signedAt, checks}]}
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
  const report = await verifyFile(readUserFile(opts.file), opts);
  const l = opts.lang;
  if (opts.json) {
    io.out(
      JSON.stringify(
        {
          valid: report.valid,
          signers: report.signers.map((s) => ({
            subject: subjectJson(s.subject),
            signedAt: s.signedAt?.toISOString() ?? null,
            checks: checksJson(s.checks, l),
          })),
        },
        null,
        2,
      ),
    );
  } else {
    io.out(VERDICT[report.valid ? 'valid' : 'invalid'][l]);
    report.signers.forEach((s, i) => {
      const who = s.subject.commonName ?? '?';
      io.out(`${i + 1}. ${who}${s.subject.iin ? `  IIN ${s.subject.iin}` : ''}${s.subject.bin ? `  BIN ${s.subject.bin}` : ''}`);
      if (s.signedAt) io.out(`  ${SIGNED_AT[l]}: ${s.signedAt.toISOString()} (${s.signedAtSource})`);
      for (const check of s.checks) io.out(checkLine(check, l));
    });
  }
  if (report.signers.length === 0) io.err(REASONS.noSignature()[l]);
  return report.valid ? 0 : 1;
}
