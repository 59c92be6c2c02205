import { rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { wrapText } from './wrap-text.js';

/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 } as const;
const MARGIN = 56;

/** How a run of text is set. */
export interface TextStyle {
  readonly size?: number;
  readonly bold?: boolean;
  readonly align?: 'left' | 'center';
  /** Left offset from the margin. */
  readonly indent?: number;
  /** Width available (from the indent); the text column by default. */
  readonly width?: number;
  readonly color?: RGB;
}

/**
 * Sets text top to bottom on A4 pages, starting a new page when the next block would run into the
 * space kept at the foot of each page (for the QR code and the verification line).
 */
export class PageFlow {
  /** Every page this flow started, in order. */
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = 0;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly fonts: { readonly regular: PDFFont; readonly bold: PDFFont },
    private readonly footerHeight: number,
    private readonly onNewPage: (page: PDFPage) => void,
  ) {
    this.newPage();
  }

  /** The width of the text column. */
  get columnWidth(): number {
    return A4.width - 2 * MARGIN;
  }

  /** Starts a new page. */
  newPage(): void {
    this.page = this.pdf.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.y = A4.height - MARGIN;
    this.onNewPage(this.page);
  }

  /** Moves down, by a gap. */
  gap(points: number): void {
    this.y -= points;
  }

  /** Makes sure a block of a height fits on the page, else starts a new one. */
  ensure(height: number): void {
    if (this.y - height < MARGIN + this.footerHeight) this.newPage();
  }

  /** The lines a text would take in a style. */
  lines(text: string, style: TextStyle = {}): string[] {
    const size = style.size ?? 10;
    return wrapText(text, this.font(style), size, style.width ?? this.columnWidth - (style.indent ?? 0));
  }

  /** Sets a text, wrapped; returns the height used. */
  text(text: string, style: TextStyle = {}): number {
    const size = style.size ?? 10;
    const lead = size * 1.3;
    const font = this.font(style);
    const width = style.width ?? this.columnWidth - (style.indent ?? 0);
    const lines = this.lines(text, style);
    for (const line of lines) {
      this.ensure(lead);
      const lineWidth = font.widthOfTextAtSize(line, size);
      const x = MARGIN + (style.indent ?? 0) + (style.align === 'center' ? (width - lineWidth) / 2 : 0);
      this.page.drawText(line, { x, y: this.y - size, size, font, color: style.color ?? rgb(0, 0, 0) });
      this.y -= lead;
    }
    return lines.length * lead;
  }

  /**
   * A label and its value side by side, the label in a narrow bold column; both wrap, and the
   * pair stays on one page.
   */
  labelled(label: string, value: string, labelWidth = 165): void {
    const size = 9.5;
    const lead = size * 1.3;
    const gutter = 10;
    const labelLines = this.lines(label, { size: 8.5, bold: true, width: labelWidth });
    const valueLines = this.lines(value, { size, indent: labelWidth + gutter });
    this.ensure(Math.max(labelLines.length, valueLines.length) * lead);
    const top = this.y;
    labelLines.forEach((line, i) =>
      this.page.drawText(line, { x: MARGIN, y: top - 8.5 - i * lead, size: 8.5, font: this.fonts.bold, color: rgb(0.25, 0.25, 0.25) }),
    );
    valueLines.forEach((line, i) => this.page.drawText(line, { x: MARGIN + labelWidth + gutter, y: top - size - i * lead, size, font: this.fonts.regular }));
    this.y = top - Math.max(labelLines.length, valueLines.length) * lead - 3;
  }

  /** A thin horizontal line across the column. */
  rule(): void {
    this.ensure(8);
    this.page.drawLine({ start: { x: MARGIN, y: this.y - 3 }, end: { x: A4.width - MARGIN, y: this.y - 3 }, thickness: 0.6, color: rgb(0.3, 0.3, 0.3) });
    this.y -= 10;
  }

  private font(style: TextStyle): PDFFont {
    return style.bold ? this.fonts.bold : this.fonts.regular;
  }
}

/** The page margin, for whoever draws in the footer. */
export const PAGE_MARGIN = MARGIN;
