import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The font files a document is set in: regular and bold. */
export interface DocumentFontFiles {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

let cached: Promise<DocumentFontFiles> | undefined;

/**
 * DejaVu Sans, read from the installed `dejavu-fonts-ttf` package at run time (no font file is
 * kept in the repository). It has every Kazakh letter (ә ғ қ ң ө ұ ү һ і, both cases) and the
 * Russian alphabet; the PDF embeds only the glyphs it uses.
 */
export function loadDocumentFonts(): Promise<DocumentFontFiles> {
  cached ??= (async () => {
    const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    const [regular, bold] = await Promise.all([readFile(join(dir, 'DejaVuSans.ttf')), readFile(join(dir, 'DejaVuSans-Bold.ttf'))]);
    return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
  })();
  return cached;
}
