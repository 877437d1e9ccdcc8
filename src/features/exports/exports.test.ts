/**
 * The annex exports: the .xlsx read back with exceljs, and the .docx opened by LibreOffice, turned
 * into PDF and PNG, to check that it renders, in landscape, with the table.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/support/app.js';
import { findUnitByCode } from '../../db/queries/units.js';
import { pdfPageCount, pdfPageSize, pdfText, sofficeToPdf } from '../../../test/support/office.js';
import { ANNEX_COLUMNS } from './annex.js';

const hasOffice = fs.existsSync('/usr/bin/soffice') && fs.existsSync('/usr/bin/pdftoppm');
if (!hasOffice && process.env.CI)
  throw new Error('LibreOffice and poppler-utils are required in CI (installed by .ci/run)');
const OUT = path.resolve('test-results/exports');

describe('assignment annex exports', () => {
  let t: TestApp;
  let monitor: Client;
  let programId: string;
  beforeAll(async () => {
    t = await startTestApp('pglite');
    monitor = await t.loginAs('monitor', { unitCode: 'BNC-TU' });
    programId = (await monitor.get<{ items: { id: string }[] }>('/api/programs')).body.items[0]!.id;
    const tasks = (await monitor.get<{ items: { nodeId: string }[] }>(`/api/programs/${programId}/tasks`))
      .body.items;
    await monitor.post(`/api/programs/${programId}/suggestions/accept`, {
      nodeIds: tasks.map((x) => x.nodeId),
      parts: ['lead', 'cooperating', 'deadline'],
    });
    const first = (
      await monitor.get<{
        items: { nodeId: string; version: number; cooperatingUnitIds: string[]; deadline: unknown }[];
      }>(`/api/programs/${programId}/tasks`)
    ).body.items[0]!;
    const r = await monitor.request('PUT', `/api/tasks/${first.nodeId}/assignment`, {
      version: first.version,
      leadUnitId: (await findUnitByCode(t.deps.db, 'BTG-TU'))!.id,
      cooperatingUnitIds: [(await findUnitByCode(t.deps.db, 'SO-VAN-HOA-VA-THE-THAO'))!.id],
      focal: null,
      deadline: { kind: 'date', date: '2027-06-30' },
      products: [{ kind: 'report', description: 'Báo cáo kết quả tuyên truyền', dueDate: null }],
    });
    expect(r.status, r.text).toBe(200);
    fs.mkdirSync(OUT, { recursive: true });
  });
  afterAll(async () => t?.close());

  it('exports the table as .xlsx, read back with exceljs', async () => {
    const res = await fetch(`${t.base}/api/programs/${programId}/annex.xlsx`, {
      headers: { cookie: monitor.cookie! },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const buf = Buffer.from(await res.arrayBuffer());
    fs.writeFileSync(path.join(OUT, 'phu-luc.xlsx'), buf);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Phụ lục')!;
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ANNEX_COLUMNS.map((_, i) => ws.getRow(4).getCell(i + 1).value)).toEqual([...ANNEX_COLUMNS]);
    expect(ws.getRow(5).getCell(1).value).toBe('I');
    expect(String(ws.getRow(5).getCell(2).value)).toMatch(/^ĐẨY MẠNH TUYÊN TRUYỀN/);
    const task = ws.getRow(6);
    expect([1, 3, 4, 5, 6].map((c) => task.getCell(c).value)).toEqual([
      '1',
      'Ban Tuyên giáo Thành ủy',
      'Sở Văn hóa và Thể thao',
      '30/06/2027',
      'Báo cáo kết quả tuyên truyền',
    ]);
    expect(ws.getRow(6).getCell(2).font?.name).toBe('Times New Roman');
    const taskRows = ws.getRows(5, ws.rowCount - 4)!.filter((r) => /^\d+$/.test(String(r.getCell(1).value)));
    expect(taskRows).toHaveLength(29);
  });

  it.skipIf(!hasOffice)('exports a .docx annex that LibreOffice renders in landscape', async () => {
    const res = await fetch(`${t.base}/api/programs/${programId}/annex.docx`, {
      headers: { cookie: monitor.cookie! },
    });
    expect(res.status).toBe(200);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-annex-'));
    const file = path.join(dir, 'phu-luc.docx');
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    fs.copyFileSync(file, path.join(OUT, 'phu-luc.docx'));
    const conv = sofficeToPdf(dir, file);
    expect(conv.status, conv.stderr).toBe(0);
    const pdf = path.join(dir, 'phu-luc.pdf');
    expect(pdfPageCount(pdf)).toBeGreaterThan(0);
    expect(pdfPageSize(pdf, 1)).toEqual([842, 595]); // A4 landscape: 841.89 × 595.28 pt
    const text = pdfText(pdf);
    expect(text).toContain('PHỤ LỤC');
    expect(text).toContain('Cơ quan chủ trì');
    expect(text).toContain('Ban Tuyên giáo Thành ủy');
    const png = spawnSync(
      'pdftoppm',
      ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(OUT, 'phu-luc')],
      { encoding: 'utf8' },
    );
    expect(png.status).toBe(0);
    expect(fs.readdirSync(OUT).some((f) => /^phu-luc-\d+\.png$/.test(f))).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
