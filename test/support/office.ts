/**
 * LibreOffice and poppler-utils in tests: a document rendered to PDF, and the PDF's text.
 */
import { spawnSync } from 'node:child_process';

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
