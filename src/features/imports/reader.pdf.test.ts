/**
 * PDFs through the reader thread: the corpus documents 13 and 14 exported to PDF by LibreOffice read
 * like their .docx, and a scanned copy of 13 (images only) read by OCR with every node marked.
 * Fixtures: fixtures/import/pdf/ (scripts/make-fixture-pdf.ts).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docxToText } from '../../domain/importer/docx.js';
import { allNodes, coverageProblems } from '../../domain/importer/lossless.js';
import { ImportError } from '../../domain/importer/normalize.js';
import { OCR_WARNING } from '../../domain/importer/ocr-marks.js';
import { parseDocument } from '../../domain/importer/parse.js';
import type { ParsedDocument } from '../../domain/importer/types.js';
import { compareReading, type ExpectedReading } from '../../domain/importer/golden.js';
import { buildSeedUnits } from '../../domain/units.js';
import { readAndParse } from './reader.js';
import { pdfToText, type ReadProgress } from './pdf.js';

const CORPUS = new URL('../../../fixtures/corpus/', import.meta.url);
const PDFS = new URL('../../../fixtures/import/pdf/', import.meta.url);
const DOCS = ['13-laocai-ubnd-kh-trien-khai-ct-11-cttu-khoang-san', '14-lamdong-ubnd-kh-cchc-2026-2030'];
const SCAN = `${DOCS[0]}-scan`;

const units = buildSeedUnits(
  fs.readFileSync(new URL('../../../seed/hanoi-units.txt', import.meta.url), 'utf8'),
);

const bytes = (dir: URL, name: string) => new Uint8Array(fs.readFileSync(new URL(name, dir)));

const ocrMissing = (() => {
  const r = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  if (r.error || r.status !== 0)
    return 'tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-vie)';
  if (!/^vie$/m.test(r.stdout)) return 'tesseract has no Vietnamese data (apt-get install tesseract-ocr-vie)';
  return null;
})();

/** What both readings must agree on. */
function facts(d: ParsedDocument) {
  return {
    number: d.program.number,
    date: d.program.date,
    issuer: d.program.issuer,
    parentIssuer: d.program.parentIssuer,
    docKind: d.program.docKind,
    title: d.program.title,
    sections: d.sections.map((s) => `${s.label} ${s.title}`),
    groups: d.sections.map((s) => s.children.length),
    signerName: d.signer?.name ?? null,
  };
}

describe('reading PDFs', () => {
  for (const name of DOCS) {
    it(`reads ${name}.pdf (text layer) like its .docx`, async () => {
      const progress: ReadProgress[] = [];
      const pdf = await readAndParse(
        { bytes: bytes(PDFS, `${name}.pdf`), filename: `${name}.pdf` },
        [],
        {},
        (p) => progress.push(p),
      );
      expect(pdf.format).toBe('pdf');
      const docx = parseDocument(await docxToText(bytes(CORPUS, `${name}.docx`)));
      expect(facts(pdf.parsed)).toEqual(facts(docx));
      // Against the golden reading of the document: no more facts wrong than from the .docx.
      const expected = JSON.parse(
        fs.readFileSync(new URL(`${name}.expected.json`, CORPUS), 'utf8'),
      ) as ExpectedReading;
      const withUnits = await readAndParse({ bytes: bytes(PDFS, `${name}.pdf`) }, units);
      const docxWithUnits = parseDocument(await docxToText(bytes(CORPUS, `${name}.docx`)), { units });
      expect(compareReading(withUnits.parsed, expected).length).toBeLessThanOrEqual(
        compareReading(docxWithUnits, expected).length,
      );
      // Close to the same tasks: the PDF keeps the footnotes that docx.ts leaves out.
      expect(Math.abs(pdf.parsed.tasks.length - docx.tasks.length)).toBeLessThanOrEqual(2);
      expect(pdf.parsed.tasks.length).toBeGreaterThan(0);
      expect(coverageProblems(pdf.parsed)).toEqual([]);
      // Annex table rows come through as pipe rows, one per line, as from the .docx.
      const docxRows = (await docxToText(bytes(CORPUS, `${name}.docx`)))
        .split('\n')
        .filter((l) => / \| /.test(l) && /^\d+ \| /.test(l));
      const pdfRows = pdf.parsed.source.split('\n').filter((l) => / \| /.test(l) && /^\d+ \| /.test(l));
      expect(pdfRows.length).toBe(docxRows.length);
      expect(allNodes(pdf.parsed).some((n) => n.ocr)).toBe(false);
      expect(pdf.parsed.warnings.some((w) => w.code === OCR_WARNING)).toBe(false);
      // Progress: every page, in order.
      const pages = progress.filter((p) => p.stage === 'text');
      expect(pages.map((p) => p.done)).toEqual(Array.from({ length: pages[0]!.total }, (_, i) => i + 1));
    });
  }

  it.skipIf(ocrMissing !== null)(
    `reads a scanned PDF (images only) by OCR and marks every node${ocrMissing ? ` — skipped: ${ocrMissing}` : ''}`,
    async () => {
      const progress: ReadProgress[] = [];
      const scan = await readAndParse(
        { bytes: bytes(PDFS, `${SCAN}.pdf`), filename: 'ban-quet.pdf' },
        [],
        {},
        (p) => progress.push(p),
      );
      expect(scan.format).toBe('pdf');
      const text = await readAndParse({ bytes: bytes(PDFS, `${DOCS[0]}.pdf`) }, []);
      const f = facts(scan.parsed);
      const t = facts(text.parsed);
      expect({
        number: f.number,
        date: f.date,
        issuer: f.issuer,
        parentIssuer: f.parentIssuer,
        docKind: f.docKind,
      }).toEqual({
        number: t.number,
        date: t.date,
        issuer: t.issuer,
        parentIssuer: t.parentIssuer,
        docKind: t.docKind,
      });
      expect(f.title).toBe(t.title);
      // The two scanned pages hold section I whole and the heading of section II.
      expect(f.sections).toEqual(t.sections.slice(0, 2));
      expect(f.groups[0]).toBe(t.groups[0]);
      const nodes = allNodes(scan.parsed);
      expect(nodes.length).toBeGreaterThan(5);
      expect(nodes.every((n) => n.ocr === true)).toBe(true);
      const w = scan.parsed.warnings.filter((x) => x.code === OCR_WARNING);
      expect(w).toHaveLength(1);
      expect(w[0]!.message).toBe('Nội dung đọc bằng OCR từ bản quét, cần đối chiếu với bản gốc');
      expect(coverageProblems(scan.parsed)).toEqual([]);
      // OCR progress: 0 of 2, 1 of 2, 2 of 2.
      expect(progress.filter((p) => p.stage === 'ocr').map((p) => `${p.done}/${p.total}`)).toEqual([
        '0/2',
        '1/2',
        '2/2',
      ]);
    },
    120_000,
  );

  it('refuses a scan whose pages would take longer than the OCR budget', async () => {
    const code = await readAndParse({ bytes: bytes(PDFS, `${SCAN}.pdf`) }, [], { ocrMaxPages: 1 }).then(
      () => null,
      (e: unknown) => (e instanceof ImportError ? e.code : String(e)),
    );
    // With OCR installed: too many pages for the cap; without it: the clear "no OCR" refusal.
    expect(code).toBe(ocrMissing ? 'IMPORT_OCR_UNAVAILABLE' : 'IMPORT_OCR_TOO_LONG');
  });

  it('says clearly that a scan needs OCR when tesseract is not there', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const e = await pdfToText(bytes(PDFS, `${SCAN}.pdf`)).then(
        () => null,
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(ImportError);
      expect((e as ImportError).code).toBe('IMPORT_OCR_UNAVAILABLE');
      expect((e as ImportError).message).toMatch(
        /^Văn bản là bản quét \(ảnh\), máy chủ chưa cài công cụ nhận dạng chữ \(OCR/,
      );
    } finally {
      process.env.PATH = path;
    }
  });

  it('refuses a damaged PDF with IMPORT_BAD_PDF', async () => {
    const broken = bytes(PDFS, `${DOCS[1]}.pdf`).subarray(0, 2000);
    const code = await readAndParse({ bytes: broken, filename: 'hong.pdf' }, []).then(
      () => null,
      (e: unknown) => (e instanceof ImportError ? e.code : String(e)),
    );
    expect(code).toBe('IMPORT_BAD_PDF');
  });
});
