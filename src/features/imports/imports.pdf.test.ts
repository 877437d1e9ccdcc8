/**
 * Uploading PDFs through the API on both databases: a PDF with a text layer, and a scan read by OCR
 * whose nodes stay marked through a correction.
 */
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../test/support/db.js';
import { startTestApp, type Client, type TestApp } from '../../../test/support/app.js';
import type { ImportDraft } from '../../contract/imports.js';
import type { DocNode } from '../../domain/importer/types.js';

const PDFS = new URL('../../../fixtures/import/pdf/', import.meta.url);
const TEXT_PDF = '13-laocai-ubnd-kh-trien-khai-ct-11-cttu-khoang-san.pdf';
const SCAN_PDF = '13-laocai-ubnd-kh-trien-khai-ct-11-cttu-khoang-san-scan.pdf';

const ocrMissing = (() => {
  const r = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  return r.status === 0 && /^vie$/m.test(r.stdout)
    ? null
    : 'tesseract-ocr with tesseract-ocr-vie is not installed';
})();

const walk = (ns: DocNode[]): DocNode[] => ns.flatMap((n) => [n, ...walk(n.children)]);

describe.each(DB_KINDS)('importing PDFs on %s', (kind) => {
  let t: TestApp;
  let monitor: Client;
  beforeAll(async () => {
    t = await startTestApp(kind);
    monitor = await t.loginAs('monitor', { unitCode: 'BNC-TU' });
  });
  afterAll(async () => t?.close());

  const upload = (file: string, filename: string) =>
    monitor.request<ImportDraft>('POST', `/api/imports?filename=${encodeURIComponent(filename)}`, undefined, {
      raw: fs.readFileSync(new URL(file, PDFS)),
      contentType: 'application/octet-stream',
    });

  it('imports a PDF with a text layer: its table rows are tasks', async () => {
    const r = await upload(TEXT_PDF, 'ke-hoach-lao-cai.pdf');
    expect(r.status, r.text).toBe(201);
    expect(r.body.format).toBe('pdf');
    expect(r.body.doc.program.docKind).toBe('KẾ HOẠCH');
    // The body's five sections, then the Phụ lục as a part of its own.
    expect(r.body.doc.sections.slice(0, 5).map((s) => s.label)).toEqual(['I', 'II', 'III', 'IV', 'V']);
    expect(r.body.doc.sections.filter((s) => s.part === 'annex')).toHaveLength(1);
    expect(r.body.stats.tasks).toBeGreaterThan(14);
    expect(r.body.source).toContain(
      '1 | Tổ chức quán triệt sâu rộng Chỉ thị của Ban Thường vụ Tỉnh ủy và các chủ trương, chính sách, pháp luật',
    );
    expect(walk(r.body.doc.sections).some((n) => n.ocr)).toBe(false);
    const got = await monitor.get<ImportDraft>(`/api/imports/${r.body.id}`);
    expect(got.body.format).toBe('pdf');
  });

  it.skipIf(ocrMissing !== null)(
    `imports a scanned PDF by OCR; the marks stay through a correction${ocrMissing ? ` — skipped: ${ocrMissing}` : ''}`,
    async () => {
      const r = await upload(SCAN_PDF, 'ban-quet.pdf');
      expect(r.status, r.text).toBe(201);
      expect(r.body.format).toBe('pdf');
      const nodes = walk(r.body.doc.sections);
      expect(nodes.length).toBeGreaterThan(5);
      expect(nodes.every((n) => n.ocr === true)).toBe(true);
      expect(r.body.doc.warnings.filter((w) => w.code === 'OCR_TEXT')).toHaveLength(1);
      const bullet = nodes.find((n) => n.kind === 'bullet')!;
      const e = await monitor.post<ImportDraft>(`/api/imports/${r.body.id}/edits`, {
        version: r.body.version,
        op: { op: 'setKind', nodeId: bullet.id, kind: 'paragraph' },
      });
      expect(e.status, e.text).toBe(200);
      const after = walk(e.body.doc.sections);
      expect(after.find((n) => n.id === bullet.id)?.kind).toBe('paragraph');
      expect(after.every((n) => n.ocr === true)).toBe(true);
      expect(e.body.doc.warnings.filter((w) => w.code === 'OCR_TEXT')).toHaveLength(1);
    },
    180_000,
  );

  it('refuses a file named .pdf that is no PDF', async () => {
    const r = await monitor.request('POST', '/api/imports?filename=gia.pdf', undefined, {
      raw: Buffer.from('không phải PDF'),
      contentType: 'application/octet-stream',
    });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('IMPORT_BAD_PDF');
  });
});
