/**
 * Uploading PDFs through the API on both databases: a PDF with a text layer, and a scan read by OCR
 * whose nodes stay marked through a correction.
 */
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../test/support/db.js';
import { startTestApp, type Client, type TestApp } from '../../../test/support/app.js';
import { sql } from 'drizzle-orm';
import { rows } from '../../db/connection.js';
import type { ImportDraft, ReadProgress } from '../../contract/imports.js';
import { backgroundReadsDone } from './imports.service.js';
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
  afterAll(async () => {
    await backgroundReadsDone();
    await t?.close();
  });

  const upload = (file: string | Buffer, filename: string, background = false) =>
    monitor.request<ImportDraft>(
      'POST',
      `/api/imports?filename=${encodeURIComponent(filename)}${background ? '&background=true' : ''}`,
      undefined,
      {
        raw: typeof file === 'string' ? fs.readFileSync(new URL(file, PDFS)) : file,
        contentType: 'application/octet-stream',
      },
    );

  /** Asks for the draft until it is no longer being read; returns it and the progress seen meanwhile. */
  async function untilRead(id: string): Promise<{ draft: ImportDraft; seen: ReadProgress[] }> {
    const seen: ReadProgress[] = [];
    const until = Date.now() + 170_000;
    for (;;) {
      const r = await monitor.get<ImportDraft>(`/api/imports/${id}`);
      expect(r.status).toBe(200);
      if (r.body.status !== 'reading') return { draft: r.body, seen };
      if (r.body.progress) seen.push(r.body.progress);
      if (Date.now() > until) throw new Error('still reading');
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }

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

  it.skipIf(ocrMissing !== null)(
    `reads a scan in the background: at once "reading", then the OCR's progress page by page from the database, then the draft${ocrMissing ? ` — skipped: ${ocrMissing}` : ''}`,
    async () => {
      const r = await upload(SCAN_PDF, 'ban-quet.pdf', true);
      expect(r.status, r.text).toBe(202);
      expect(r.body.status).toBe('reading');
      expect(r.body.format).toBe('pdf');
      expect(r.body.doc.sections).toEqual([]);
      const { draft, seen } = await untilRead(r.body.id);
      expect(draft.status).toBe('draft');
      expect(draft.progress).toBeNull();
      expect(draft.stats.nodes).toBeGreaterThan(5);
      expect(walk(draft.doc.sections).every((n) => n.ocr === true)).toBe(true);
      // The progress came from the row, pages counted of 2, never backwards.
      const ocr = seen.filter((p) => p.stage === 'ocr');
      expect(ocr.length).toBeGreaterThan(0);
      expect(ocr.every((p) => p.total === 2 && p.done <= 2)).toBe(true);
      expect(ocr.map((p) => p.done)).toEqual([...ocr.map((p) => p.done)].sort((a, b) => a - b));
      const audit = await rows<{ action: string }>(
        t.deps.db,
        sql`select action from audit_events where entity_id = ${r.body.id} order by seq`,
      );
      expect(audit.map((a) => a.action)).toEqual(['import.create', 'import.read']);
    },
    180_000,
  );

  it('ends a background read of a damaged PDF as failed, with the reason', async () => {
    const broken = fs.readFileSync(new URL(TEXT_PDF, PDFS)).subarray(0, 3000);
    const r = await upload(broken, 'hong.pdf', true);
    expect(r.status, r.text).toBe(202);
    const { draft } = await untilRead(r.body.id);
    expect(draft.status).toBe('failed');
    expect(draft.failure).toEqual({
      code: 'IMPORT_BAD_PDF',
      message: 'Tệp PDF không hợp lệ, bị hỏng hoặc đã đặt mật khẩu',
    });
    const edit = await monitor.post(`/api/imports/${r.body.id}/discard`, { version: draft.version });
    expect(edit.body.code).toBe('IMPORT_DRAFT_CLOSED');
  });

  it('shows a reading whose server went away (no sign of life) as interrupted', async () => {
    const r = await upload(TEXT_PDF, 'ke-hoach.pdf', true);
    expect(r.status).toBe(202);
    await backgroundReadsDone();
    await t.deps.db.execute(
      sql`update import_drafts set status = 'reading', updated_at = now() - interval '10 minutes' where id = ${r.body.id}`,
    );
    const got = await monitor.get<ImportDraft>(`/api/imports/${r.body.id}`);
    expect(got.body.status).toBe('failed');
    expect(got.body.failure?.code).toBe('IMPORT_INTERRUPTED');
    const list = await monitor.get<{ items: { id: string; status: string }[] }>('/api/imports');
    expect(list.body.items.find((x) => x.id === r.body.id)?.status).toBe('failed');
  });

  it('refuses a file named .pdf that is no PDF', async () => {
    const r = await monitor.request('POST', '/api/imports?filename=gia.pdf', undefined, {
      raw: Buffer.from('không phải PDF'),
      contentType: 'application/octet-stream',
    });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('IMPORT_BAD_PDF');
  });
});
