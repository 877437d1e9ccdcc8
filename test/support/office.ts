/**
 * LibreOffice and poppler-utils in tests: a document rendered to PDF, and the PDF's text.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Converts `file` to PDF in `dir` with headless LibreOffice (its profile kept in `dir/profile`, so
 * parallel runs do not share one); the PDF is `dir/<name of file>.pdf`.
 */
export function sofficeToPdf(dir: string, file: string) {
  return spawnSync(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${dir}/profile`,
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      file,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
}

/** The text of a PDF (pdftotext), with every run of white space folded into one space. */
export function pdfText(pdf: string): string {
  return spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
}

/** How many pages a PDF has (pdfinfo). */
export function pdfPageCount(pdf: string): number {
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

/** The size of page `p` of a PDF in points, rounded, width first: A4 portrait is [595, 842]. */
export function pdfPageSize(pdf: string, p: number): [number, number] {
  const out = spawnSync('pdfinfo', ['-f', String(p), '-l', String(p), pdf], { encoding: 'utf8' }).stdout;
  const m = new RegExp(`Page\\s+${p} size:\\s+([\\d.]+) x ([\\d.]+)`).exec(out)!;
  return [Math.round(Number(m[1])), Math.round(Number(m[2]))];
}

/**
 * Renders a downloaded .docx with LibreOffice: copies it into `dir` as `name.docx` and returns the
 * PDF's path, or throws with LibreOffice's message.
 */
export function renderDocx(dir: string, docx: string, name = 'tong-hop'): string {
  const file = path.join(dir, `${name}.docx`);
  fs.copyFileSync(docx, file);
  const conv = sofficeToPdf(dir, file);
  if (conv.status !== 0) throw new Error(`soffice: ${conv.status} ${conv.stderr}`);
  return path.join(dir, `${name}.pdf`);
}

/** Page `p` of a PDF as `<out>.png` at 60 dpi (pdftoppm); throws when nothing was written. */
export function pdfPagePng(pdf: string, p: number, out: string): void {
  const r = spawnSync(
    'pdftoppm',
    ['-png', '-r', '60', '-f', String(p), '-l', String(p), '-singlefile', pdf, out],
    { encoding: 'utf8' },
  );
  if (r.status !== 0 || !fs.existsSync(`${out}.png`)) throw new Error(`pdftoppm: ${r.status} ${r.stderr}`);
}
