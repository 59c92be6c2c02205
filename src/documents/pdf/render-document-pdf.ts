import { createHash } from 'node:crypto';
import fontkit from '@pdf-lib/fontkit';
import { degrees, PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { TLanguage, TSource } from '../../core/regulation/schema.js';
import { canonicalDocumentJson } from '../canonical-document-json.js';
import { LABELS } from '../document-labels.js';
import type { ResultDocument, TDocumentGround } from '../../core/documents/result-document.js';
import { drawQrCode } from './draw-qr-code.js';
import type { DocumentSigner as SignedBy } from '../../app/ports/document-renderer.js';
import { loadDocumentFonts } from './document-fonts.js';
import { A4, PAGE_MARGIN, PageFlow } from './page-flow.js';

/** The language a PDF is printed in: one, or Kazakh and Russian one after the other. */
export type DocumentLanguage = TLanguage | 'kk+ru';

const FOOTER_HEIGHT = 118;
const QR_SIDE = 100;

const STATUS_WORDS: Record<TSource['status'], { kk: string; ru: string; en: string }> = {
  seed: { kk: 'регламент мәтіні', ru: 'текст регламента', en: 'text of the regulation' },
  found: { kk: 'ашық дереккөз', ru: 'открытый источник', en: 'public source' },
  inferred: { kk: 'тұжырым', ru: 'вывод', en: 'inferred' },
  unknown: LABELS.unknown,
};

/**
 * Renders a document as an A4 PDF in the asked language(s), from its data alone: letterhead of the
 * provider, marks, title and number, the labelled fields, grounds and appeal of a refusal, files
 * of a receipt, the signatories (with the people `signedBy` names), and in the foot of every page a QR code of the verification address and
 * the SHA-256 of the canonical JSON that is signed. The JSON itself is attached to the PDF. The
 * font (DejaVu Sans) is embedded, subset to the glyphs used. The same document gives the same bytes.
 */
export async function renderDocumentPdf(doc: ResultDocument, lang: DocumentLanguage = 'kk', signedBy: readonly SignedBy[] = []): Promise<Uint8Array> {
  const json = canonicalDocumentJson(doc);
  const digest = createHash('sha256').update(json, 'utf8').digest('hex');
  const issued = new Date(doc.issuedAt);
  const pdf = await PDFDocument.create({ updateMetadata: false });
  // A fresh fontkit font per document: a parsed font shared between subsets loses glyphs.
  pdf.registerFontkit(fontkit);
  const files = await loadDocumentFonts();
  const fonts = { regular: await pdf.embedFont(files.regular, { subset: true }), bold: await pdf.embedFont(files.bold, { subset: true }) };
  const languages: TLanguage[] = lang === 'kk+ru' ? ['kk', 'ru'] : [lang];

  pdf.setTitle(`${doc.title[languages[0]!]} № ${doc.number}`, { showInWindowTitleBar: true });
  pdf.setSubject(doc.service.title[languages[0]!]);
  pdf.setLanguage(languages[0] === 'kk' ? 'kk-KZ' : languages[0] === 'ru' ? 'ru-RU' : 'en');
  pdf.setProducer('reglament');
  pdf.setCreator('reglament');
  pdf.setCreationDate(issued);
  pdf.setModificationDate(issued);
  pdf.setKeywords([doc.number, doc.kind, doc.service.id]);
  await pdf.attach(new TextEncoder().encode(json), 'document.json', {
    mimeType: 'application/json',
    description: 'The document data that is signed (canonical JSON)',
    creationDate: issued,
    modificationDate: issued,
  });

  const allPages: { page: PDFPage; lang: TLanguage }[] = [];
  for (const l of languages) {
    const flow = new PageFlow(pdf, fonts, FOOTER_HEIGHT, () => undefined);
    setDocument(flow, doc, l, signedBy);
    for (const page of flow.pages) allPages.push({ page, lang: l });
  }
  allPages.forEach(({ page, lang: l }, i) => drawFoot(page, fonts, doc, l, digest, i + 1, allPages.length));
  return pdf.save({ useObjectStreams: true });
}

function setDocument(flow: PageFlow, doc: ResultDocument, l: TLanguage, signedBy: readonly SignedBy[]): void {
  const grey = rgb(0.3, 0.3, 0.3);
  if (doc.sample) {
    flow.text(LABELS.sample[l], { size: 9, bold: true, align: 'center', color: rgb(0.75, 0.1, 0.1) });
    flow.gap(4);
  }
  // Letterhead: the organisation, the office and its address.
  flow.text(doc.provider.organisation[l].toLocaleUpperCase(l), { size: 10, bold: true, align: 'center' });
  flow.text(doc.provider.office[l], { size: 9, align: 'center', color: grey });
  if (doc.provider.address) flow.text(doc.provider.address, { size: 8.5, align: 'center', color: grey });
  flow.gap(2);
  flow.rule();
  flow.gap(8);
  for (const mark of doc.marks) {
    flow.text(mark[l], { size: 15, bold: true, align: 'center', color: rgb(0.7, 0.1, 0.1) });
    flow.gap(4);
  }
  flow.text(doc.title[l], { size: 15, bold: true, align: 'center' });
  flow.gap(2);
  flow.text(`№ ${doc.number}`, { size: 12, bold: true, align: 'center' });
  flow.gap(14);
  for (const f of doc.fields) flow.labelled(f.label[l], f.value[l]);

  if (doc.grounds.length > 0) {
    flow.gap(10);
    flow.text(LABELS.grounds[l], { size: 11, bold: true });
    flow.gap(3);
    doc.grounds.forEach((g, i) => {
      flow.text(`${i + 1}. ${g.text[l]}`, { size: 10, indent: 8 });
      flow.text(`${LABELS.groundSource[l]}: ${sourceText(g, l)}`, { size: 8.5, indent: 22, color: grey });
      flow.gap(3);
    });
  }
  if (doc.appeal) {
    flow.gap(8);
    flow.text(LABELS.appeal[l], { size: 11, bold: true });
    flow.gap(3);
    flow.text(doc.appeal.text[l], { size: 9.5 });
    flow.text(`${LABELS.groundSource[l]}: ${sourceText(doc.appeal, l)}`, { size: 8.5, color: grey });
  }
  if (doc.family === 'receipt' && doc.kind === 'acceptance-receipt') {
    flow.gap(10);
    flow.text(LABELS.files[l], { size: 11, bold: true });
    flow.gap(3);
    if (doc.files.length === 0) flow.text(LABELS.noFiles[l], { size: 9.5, indent: 8 });
    doc.files.forEach((f, i) => flow.text(`${i + 1}. ${f.fileName} — ${f.size} B, SHA-256 ${f.sha256}`, { size: 9, indent: 8 }));
  }
  doc.signatories.forEach((post, i) => {
    // The bytes signed name only the posts; the people come from the case file, one per post in the same order.
    const person = signedBy[i]?.role === post.role ? signedBy[i] : undefined;
    flow.gap(i === 0 ? 22 : 12);
    flow.ensure(60);
    flow.text(person?.acting ? `${LABELS.acting[l]} ${post.position[l]}` : post.position[l], { size: 9.5, bold: true });
    if (person) flow.text(person.name, { size: 10.5 });
    if (person?.acting) flow.text(`${LABELS.actingFor[l]} ${person.acting.for} (${person.acting.order})`, { size: 8.5, color: grey });
    flow.text(post.electronic ? LABELS.signedElectronically[l] : `____________________ (${LABELS.signedByHand[l]})`, { size: 9, color: grey });
  });
}

function sourceText(ground: TDocumentGround, l: TLanguage): string {
  const status = STATUS_WORDS[ground.status][l];
  const ref = ground.reference[l];
  return ground.status === 'unknown' ? `${ref} [${status}]`.trim() : `${ref} (${status})`.trim();
}

/** The foot of a page: the QR code and the verification address, the data digest, the page number; the sample watermark. */
function drawFoot(
  page: PDFPage,
  fonts: { regular: PDFFont; bold: PDFFont },
  doc: ResultDocument,
  l: TLanguage,
  digest: string,
  n: number,
  total: number,
): void {
  const grey = rgb(0.35, 0.35, 0.35);
  const left = PAGE_MARGIN;
  const bottom = PAGE_MARGIN - 20;
  page.drawLine({ start: { x: left, y: bottom + QR_SIDE + 10 }, end: { x: A4.width - left, y: bottom + QR_SIDE + 10 }, thickness: 0.4, color: grey });
  const textLeft = doc.verificationUrl ? left + QR_SIDE + 12 : left;
  let y = bottom + QR_SIDE - 8;
  const line = (text: string, size: number, bold = false) => {
    page.drawText(text, { x: textLeft, y, size, font: bold ? fonts.bold : fonts.regular, color: grey });
    y -= size * 1.4;
  };
  if (doc.verificationUrl) {
    drawQrCode(page, doc.verificationUrl, left, bottom, QR_SIDE);
    line(LABELS.verify[l], 8.5, true);
    line(doc.verificationUrl, 8.5);
    y -= 4;
  }
  line(LABELS.dataHash[l], 7.5, true);
  line(digest, 7.5);
  y -= 4;
  line(`${doc.number} · ${n} / ${total} ${LABELS.page[l]}`, 7.5);
  if (doc.sample) {
    const mark = LABELS.sampleMark[l];
    const size = 90;
    const width = fonts.bold.widthOfTextAtSize(mark, size);
    // Across the middle of the page, under 35°, light enough to read through.
    const angle = 35;
    const rad = (angle * Math.PI) / 180;
    page.drawText(mark, {
      x: A4.width / 2 - (width / 2) * Math.cos(rad),
      y: A4.height / 2 - (width / 2) * Math.sin(rad),
      size,
      font: fonts.bold,
      color: rgb(0.85, 0.2, 0.2),
      opacity: 0.12,
      rotate: degrees(angle),
    });
  }
}
