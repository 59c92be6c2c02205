import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import type { TimeZone } from '../../core/clock/time-zone.js';
import type { TLanguage, TText } from '../../core/regulation/schema.js';
import type { CourierManifest } from '../../app/ports/case-store.js';
import { loadDocumentFonts } from './document-fonts.js';
import { PageFlow } from './page-flow.js';

/** What the printed manifest says besides the manifest itself: the names people read. */
export interface ManifestNames {
  readonly office: (id: string) => TText | undefined;
  readonly service: (id: string) => TText | undefined;
  readonly person: (id: string) => string | undefined;
}

const t = (kk: string, ru: string, en: string): TText => ({ kk, ru, en });
const WORDS = {
  title: t('Курьерлік тізім', 'Курьерский реестр', 'Courier manifest'),
  from: t('Жіберуші', 'Отправитель', 'From'),
  to: t('Алушы', 'Получатель', 'To'),
  courier: t('Курьер', 'Курьер', 'Courier'),
  handedOver: t('Курьерге берілді', 'Передано курьеру', 'Handed to the courier'),
  by: t('Берген', 'Передал', 'Handed over by'),
  cases: t('Істер', 'Дела', 'Cases'),
  received: t('Қабылданды', 'Получено', 'Received'),
  notReceived: t('әлі қабылданбады', 'ещё не получено', 'not yet received'),
  signHandedOver: t('Берген қызметкердің қолы', 'Подпись передавшего сотрудника', 'Signature of the member of staff handing over'),
  signCourier: t('Курьердің қолы', 'Подпись курьера', "Courier's signature"),
  signReceived: t(
    'Қабылдаған қызметкердің аты-жөні, қолы, күні',
    'ФИО, подпись и дата принявшего сотрудника',
    'Name, signature and date of the member of staff receiving',
  ),
} as const;

/** A local date and time as the office reads it: 07.04.2026 09:30. */
function localTime(zone: TimeZone, instant: number): string {
  const iso = zone.format(instant);
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
}

/**
 * The courier manifest as printed at the sending office: who sends, to whom, by which courier,
 * when, every case in the package, and the lines the sender, the courier and the receiver sign by
 * hand. Its receipt, once confirmed in the system, is printed too.
 */
export async function renderManifestPdf(manifest: CourierManifest, names: ManifestNames, zone: TimeZone, lang: TLanguage): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const files = await loadDocumentFonts();
  const fonts = { regular: await pdf.embedFont(files.regular, { subset: true }), bold: await pdf.embedFont(files.bold, { subset: true }) };
  const at = new Date(manifest.dispatchedAt);
  pdf.setTitle(`${WORDS.title[lang]} № ${manifest.number}`, { showInWindowTitleBar: true });
  pdf.setLanguage(lang === 'kk' ? 'kk-KZ' : lang === 'ru' ? 'ru-RU' : 'en');
  pdf.setProducer('reglament');
  pdf.setCreator('reglament');
  pdf.setCreationDate(at);
  pdf.setModificationDate(at);

  const office = (id: string) => names.office(id)?.[lang] ?? id;
  const flow = new PageFlow(pdf, fonts, 0, () => undefined);
  flow.text(`${WORDS.title[lang]} № ${manifest.number}`, { size: 15, bold: true, align: 'center' });
  flow.gap(10);
  flow.labelled(WORDS.from[lang], office(manifest.fromOffice));
  flow.labelled(WORDS.to[lang], office(manifest.toOffice));
  flow.labelled(WORDS.courier[lang], manifest.courier);
  flow.labelled(WORDS.handedOver[lang], localTime(zone, manifest.dispatchedAt));
  flow.labelled(WORDS.by[lang], names.person(manifest.dispatchedBy) ?? manifest.dispatchedBy);
  flow.gap(6);
  flow.text(`${WORDS.cases[lang]}: ${manifest.cases.length}`, { size: 11, bold: true });
  flow.rule();
  // By service, each title once: a day's package of two hundred cases stays a few pages.
  const services = [...new Set(manifest.cases.map((c) => c.service))];
  let n = 0;
  for (const service of services) {
    flow.text(names.service(service)?.[lang] ?? service, { size: 9, bold: true });
    for (const c of manifest.cases.filter((x) => x.service === service)) {
      const receipt =
        c.receivedAt === null
          ? WORDS.notReceived[lang]
          : `${WORDS.received[lang]} ${localTime(zone, c.receivedAt)}, ${names.person(c.receivedBy ?? '') ?? c.receivedBy ?? ''}`;
      flow.text(`${++n}. ${c.caseId} — ${receipt}`, { size: 9, indent: 10 });
    }
    flow.gap(4);
  }
  flow.rule();
  for (const line of [WORDS.signHandedOver, WORDS.signCourier, WORDS.signReceived]) {
    flow.gap(22);
    flow.rule();
    flow.text(line[lang], { size: 8.5, color: rgb(0.3, 0.3, 0.3) });
  }
  return pdf.save({ useObjectStreams: false });
}
