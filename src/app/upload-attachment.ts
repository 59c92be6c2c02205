import { createHash } from 'node:crypto';
import { err, ok, type Result } from '../core/result.js';
import type { AttachmentInfo } from './ports/attachment-store.js';
import type { AppDeps } from './app-deps.js';
import { appError, type AppError } from './app-error.js';
import { pdfActiveContent, xmlActiveContent, type ActiveContentFinding } from './document-active-content.js';
import { xmlText } from './xml-encoding.js';
import type { Principal } from './principal.js';

/** The largest document accepted, in bytes. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Document types accepted: scans and signed documents. */
export const ATTACHMENT_TYPES: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['%PDF'],
  'image/jpeg': ['\xff\xd8\xff'],
  'image/png': ['\x89PNG'],
  // CMS signatures (NCALayer's .cms) are DER: a SEQUENCE tag.
  'application/pkcs7-signature': ['\x30'],
  'application/xml': ['<'],
};

/** The refusals of documents that carry active content, and why. */
const ACTIVE_CONTENT_REFUSED: Readonly<Record<ActiveContentFinding['kind'], AppError>> = {
  'pdf-active-content': appError(
    'attachment-type',
    'Бұл PDF құжатында белсенді мазмұн бар (скрипт, бағдарлама іске қосу, ендірілген файл немесе форма). Оны қайта PDF-ке басып шығарып, жіберіңіз.',
    'Этот PDF-документ содержит активное содержимое (скрипт, запуск программы, вложенный файл или форму). Распечатайте его заново в PDF и отправьте.',
    'The PDF carries active content (a script, a program launch, an embedded file or a form). Print it to PDF again and send that.',
  ),
  'pdf-expands-too-far': appError(
    'attachment-type',
    'Бұл PDF құжатының сығылған бөліктері тым үлкен көлемге ашылады.',
    'Сжатые части PDF-документа разворачиваются до недопустимого объёма.',
    "The PDF's compressed parts expand beyond what is accepted.",
  ),
  'pdf-encrypted': appError(
    'attachment-type',
    'Бұл PDF құжаты шифрланған немесе құпиясөзбен қорғалған. Құпиясөзді және шифрлауды алып тастап, қайта жіберіңіз.',
    'Этот PDF-документ зашифрован или защищён паролем. Снимите пароль и шифрование и отправьте его снова.',
    'The PDF is encrypted or password-protected. Remove the password/encryption and send it again.',
  ),
  'pdf-unreadable': appError(
    'attachment-type',
    'Бұл PDF құжатын оқу мүмкін емес: ол зақымдалған немесе қолдау көрсетілмейтін кодтауды пайдаланады. Оны қайта PDF-ке басып шығарып, жіберіңіз.',
    'Этот PDF-документ не удаётся прочитать: он повреждён или использует неподдерживаемое кодирование. Распечатайте его заново в PDF и отправьте.',
    'The PDF cannot be read: it is damaged or uses an encoding that is not supported. Print it to PDF again and send that.',
  ),
  'xml-document-type': appError(
    'attachment-type',
    'Бұл XML құжатында DOCTYPE немесе ENTITY жарияламасы болмауы керек.',
    'Этот XML-документ не должен содержать объявлений DOCTYPE или ENTITY.',
    'The XML document must not declare a DOCTYPE or entities.',
  ),
  'xml-encoding': appError(
    'attachment-type',
    'Бұл XML құжатының кодтауы оқылмайды. Оны UTF-8 немесе UTF-16 кодтауында сақтап, қайта жіберіңіз.',
    'Кодировку этого XML-документа не удаётся прочитать. Сохраните его в UTF-8 или UTF-16 и отправьте снова.',
    "The XML document's encoding cannot be read. Save it as UTF-8 or UTF-16 and send it again.",
  ),
};

/**
 * Whether the first bytes are those of the type. XML may open with a byte-order mark, be UTF-16,
 * and have white space before its first `<` (an export from the e-government portal often ends its
 * BOM with a line break): it is read in its own encoding first; one that cannot be read is let
 * through here for the encoding check to refuse with its own reason.
 */
function startsAsItsType(mediaType: string, signatures: readonly string[], body: Buffer): boolean {
  if (mediaType === 'application/xml') {
    const text = xmlText(body.subarray(0, 4096));
    return text === undefined || /^[ \t\r\n]*</.test(text);
  }
  const head = body.subarray(0, 8).toString('latin1');
  return signatures.some((s) => head.startsWith(s));
}

/**
 * Keeps an uploaded document for a later application. The declared type must be allowed and the
 * first bytes must match it, so a renamed executable is not accepted as a PDF; a PDF that
 * carries scripts or other active content, is encrypted or cannot be read, and XML with a
 * document type or in an encoding that cannot be read, are refused, and nothing of them is kept.
 */
export async function uploadAttachment(
  deps: AppDeps,
  principal: Principal,
  file: { fileName: string; mediaType: string; body: Buffer },
): Promise<Result<AttachmentInfo, AppError>> {
  const mediaType = file.mediaType.split(';')[0]!.trim().toLowerCase();
  const signatures = ATTACHMENT_TYPES[mediaType];
  const allowed = Object.keys(ATTACHMENT_TYPES).join(', ');
  if (!signatures) {
    return err(
      appError(
        'attachment-type',
        `Құжат түріне рұқсат жоқ: ${mediaType}. Рұқсат етілгені: ${allowed}.`,
        `Недопустимый тип документа: ${mediaType}. Допустимы: ${allowed}.`,
        `Document type not accepted: ${mediaType}. Accepted: ${allowed}.`,
      ),
    );
  }
  if (!startsAsItsType(mediaType, signatures, file.body)) {
    return err(
      appError(
        'attachment-type',
        `Файлдың мазмұны ${mediaType} түріне сәйкес келмейді.`,
        `Содержимое файла не соответствует типу ${mediaType}.`,
        `The file's content is not ${mediaType}.`,
      ),
    );
  }
  if (file.body.length === 0 || file.body.length > MAX_ATTACHMENT_BYTES) {
    const mb = MAX_ATTACHMENT_BYTES / 1024 / 1024;
    return err(
      appError(
        'attachment-too-large',
        `Құжат бос немесе ${mb} МБ-тан үлкен.`,
        `Документ пуст или больше ${mb} МБ.`,
        `The document is empty or larger than ${mb} MB.`,
      ),
    );
  }
  const active =
    mediaType === 'application/pdf' ? await pdfActiveContent(file.body) : mediaType === 'application/xml' ? xmlActiveContent(file.body) : undefined;
  if (active) return err(ACTIVE_CONTENT_REFUSED[active.kind]);
  const info = {
    id: deps.newId('att'),
    ownerId: principal.user.id,
    fileName: file.fileName.replace(/[\\/\0]/g, '_').slice(0, 200) || 'document',
    mediaType,
    size: file.body.length,
    sha256: createHash('sha256').update(file.body).digest('hex'),
    createdAt: deps.now(),
  };
  await deps.stores.attachments.put(info, file.body);
  return ok({ ...info, caseId: null });
}
