/**
 * The annual review (issue 13, point 7) on PGlite and PostgreSQL: every figure of two units from real
 * reports, obstacles, recommendations and directions (the last two written straight into the database);
 * the score and the ranking from the configuration; the year's bounds; the .xlsx and the .docx carrying
 * the same numbers as the service (the .docx rendered by LibreOffice when it is installed); units refused.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../test/support/db.js';
import { docxParagraphs } from '../../../test/support/docx.js';
import { pdfText, renderDocx } from '../../../test/support/office.js';
import type { Client, TestApp } from '../../../test/support/app.js';
import {
  startReportingApp,
  submitAccepted,
  entry,
  type ReportingFixture,
} from '../../../test/support/reporting.js';
import { insertConclusion, insertDirection } from '../../../test/support/review.js';
import { findUnitByCode } from '../../db/queries/units.js';
import type { AnnualReview, ReviewUnit } from '../../contract/review.js';
import type { ObstacleList } from '../../contract/obstacles.js';
import {
  FIGURE_COLUMNS,
  NO_DATA,
  PRODUCT_NUMBERS_LABEL,
  SATISFACTION_LABEL,
  scoreText,
} from '../../domain/review/labels.js';
import { emptyFigures } from '../../domain/review/scoring.js';
import { ERRORS } from '../../errors.js';

const hasOffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

describe.each(DB_KINDS)('annual review on %s', (kind) => {
  let t: TestApp;
  let monitor: Client;
  let leader: Client & { userId: string };
  let f: ReportingFixture;
  let review: AnnualReview;
  const url = () => `/api/programs/${f.programId}/review`;
  const unitOf = (r: AnnualReview, id: string) => r.units.find((u) => u.unitId === id)!;
  const get = async (c: Client, q = '?year=2026') => {
    const r = await c.get<AnnualReview>(`${url()}${q}`);
    expect(r.status, r.text).toBe(200);
    return r.body;
  };
  const download = async (c: Client, ext: 'docx' | 'xlsx') => {
    const r = await fetch(`${t.base}${url()}.${ext}?year=2026`, { headers: { cookie: c.cookie! } });
    expect(r.status).toBe(200);
    return { buf: Buffer.from(await r.arrayBuffer()), disposition: r.headers.get('content-disposition') };
  };

  beforeAll(async () => {
    const app = await startReportingApp(kind);
    ({ t, monitor, f } = app);
    leader = await t.loginAs('leader');
    // Sở Tư pháp reports: A in progress (past its 30/06 deadline) with an obstacle, C done on 01/10
    // with two products, one numbered; the monitor accepts. Sở Nội vụ sends nothing.
    await submitAccepted(app.stpUser, monitor, app.obligationOf(f.stp), {
      entries: {
        [f.a]: entry({
          status: 'in_progress',
          percent: 40,
          results: 'Đã rà soát 120 văn bản.',
          obstacles: 'Thiếu kinh phí thuê chuyên gia.',
        }),
        [f.c]: entry({
          status: 'done',
          results: 'Tổ chức 3 hội nghị tập huấn.',
          completedOn: '2026-10-01',
          products: [
            { description: 'Kế hoạch tập huấn', number: '125/KH-STP', date: '2026-03-02', link: null },
            { description: 'Báo cáo kết quả tập huấn', number: null, date: null, link: null },
          ],
          proposals: 'Đề nghị bố trí kinh phí tập huấn hằng năm.',
        }),
      },
    });
    // The monitor closes the obstacle (the proposal stays open: proposals are not counted).
    const obs = (await monitor.get<ObstacleList>(`/api/programs/${f.programId}/obstacles`)).body.items;
    const ob = obs.find((o) => o.kind === 'obstacle')!;
    const closed = await monitor.patch(`/api/obstacles/${ob.id}`, { action: 'close', version: ob.version });
    expect(closed.status, closed.text).toBe(200);

    const db = t.deps.db;
    const ubkt = (await findUnitByCode(db, 'UBKT-TU'))!.id;
    // 2026 conclusion: Sở Tư pháp closed one (01/09), has one overdue (31/08) and one not yet due.
    await insertConclusion(db, {
      bodyUnitId: ubkt,
      programId: f.programId,
      issuedOn: '2026-05-10',
      recommendations: [
        { unitId: f.stp, dueDate: '2026-07-31', closedAt: '2026-09-01T03:00:00Z' },
        { unitId: f.stp, dueDate: '2026-08-31' },
        { unitId: f.stp, dueDate: '2027-01-31', status: 'submitted' },
      ],
    });
    // 2025 conclusion: Sở Nội vụ closed one in 2025 (not this year's) and still has one open.
    await insertConclusion(db, {
      bodyUnitId: ubkt,
      programId: f.programId,
      issuedOn: '2025-06-01',
      recommendations: [
        { unitId: f.snv, dueDate: '2025-10-31', closedAt: '2025-12-20T03:00:00Z' },
        { unitId: f.snv, dueDate: '2025-12-31' },
      ],
    });
    // Not counted: a draft conclusion, and a plan on no program whose recommendation names no task.
    await insertConclusion(db, {
      bodyUnitId: ubkt,
      programId: f.programId,
      issuedOn: null,
      recommendations: [{ unitId: f.stp, dueDate: '2026-06-30' }],
    });
    await insertConclusion(db, {
      bodyUnitId: ubkt,
      programId: null,
      issuedOn: '2026-04-01',
      recommendations: [{ unitId: f.stp, dueDate: '2026-06-30' }],
    });
    // …but a plan on no program counts through a recommendation on one of the program's tasks.
    await insertConclusion(db, {
      bodyUnitId: ubkt,
      programId: null,
      issuedOn: '2026-04-01',
      recommendations: [
        { unitId: f.snv, dueDate: '2026-06-30', closedAt: '2026-06-20T03:00:00Z', nodeId: f.b },
      ],
    });
    // Directions: due 15/10 — Sở Tư pháp answered at 03:00 on 15/10 Vietnam time (on time), Sở Nội vụ
    // at 01:00 on 16/10 (late); due 15/12 — Sở Tư pháp has not answered yet (not yet due); due 01/11 —
    // Sở Nội vụ never answered; one for information only; one due in 2027.
    const d = (dueDate: string | null, units: Parameters<typeof insertDirection>[1]['units'], act = true) =>
      insertDirection(db, {
        leaderId: leader.userId,
        programId: f.programId,
        requiresAction: act,
        dueDate,
        units,
      });
    await d('2026-10-15', [
      { unitId: f.stp, answeredAt: '2026-10-14T20:00:00Z' },
      { unitId: f.snv, answeredAt: '2026-10-15T18:00:00Z', closedAt: '2026-10-20T03:00:00Z' },
    ]);
    await d('2026-12-15', [{ unitId: f.stp }]);
    await d('2026-11-01', [{ unitId: f.snv }]);
    await d(null, [{ unitId: f.stp }, { unitId: f.snv }], false);
    await d('2027-02-01', [{ unitId: f.stp }]);

    review = await get(leader);
  });
  afterAll(async () => t?.close());

  it('counts every figure of each unit from the records', () => {
    expect(review.year).toBe(2026);
    expect(review.asOf).toBe('2026-11-27');
    expect(review.units.map((u) => u.unitId).sort()).toEqual([f.stp, f.snv].sort());
    expect(unitOf(review, f.stp).figures).toEqual({
      ...emptyFigures(),
      tasksLed: 2,
      tasksCooperated: 0,
      doneOnTime: 1,
      overdue: 1,
      products: 2,
      productNumbers: ['125/KH-STP'],
      reportsDue: 1,
      reportsOnTime: 1,
      obstaclesRaised: 1,
      obstaclesResolved: 1,
      recommendationsReceived: 3,
      recommendationsClosed: 1,
      recommendationsOverdue: 1,
      directionsReceived: 2,
      directionsDue: 1,
      directionsOnTime: 1,
      citizenSatisfaction: null,
    });
    expect(unitOf(review, f.snv).figures).toEqual({
      ...emptyFigures(),
      tasksLed: 1,
      tasksCooperated: 1,
      overdue: 1,
      recommendationsReceived: 2,
      recommendationsClosed: 1,
      recommendationsOverdue: 1,
      directionsReceived: 2,
      directionsDue: 2,
      directionsOnTime: 0,
    });
  });

  it('scores from the configured weights, leaves out what has no denominator, and ranks', () => {
    const stp = unitOf(review, f.stp);
    const snv = unitOf(review, f.snv);
    // 40 × 1/2 + 20 × 1 + 15 × 1/3 + 15 × 1 + 10 × 1 = 70
    expect([stp.score, stp.rating, stp.rank]).toEqual([70, 'Hoàn thành tốt nhiệm vụ', 1]);
    // No reports due, no obstacles: tasks 0/1 (40), recommendations 1/2 (15), directions 0/2 (15) → 15 × 0.5 / 70
    expect([snv.score, snv.rating, snv.rank]).toEqual([
      Math.round(((15 * 0.5) / 70) * 1000) / 10,
      'Không hoàn thành nhiệm vụ',
      2,
    ]);
    const rc = (u: ReviewUnit, k: string) => u.criteria.find((c) => c.key === k)!;
    expect(rc(snv, 'reportsOnTime')).toEqual({ key: 'reportsOnTime', rate: null, share: 0, points: 0 });
    expect(rc(snv, 'tasksOnTime').share).toBeCloseTo(40 / 70);
    expect(rc(stp, 'citizenSatisfaction').rate).toBeNull();
    expect(review.units.map((u) => u.unitId)).toEqual([f.stp, f.snv]);
    expect(review.criteria.find((c) => c.key === 'tasksOnTime')).toMatchObject({ weight: 40 });
    expect(review.periods.map((p) => p.id)).toHaveLength(1);
  });

  it('keeps to its year', async () => {
    const y25 = await get(monitor, '?year=2025');
    expect(y25.asOf).toBe('2025-12-31');
    const stp = unitOf(y25, f.stp);
    // Tasks due in 2026 are not judged in 2025; the 2026 records are not counted.
    expect(stp.figures).toMatchObject({ tasksLed: 2, doneOnTime: 0, overdue: 0, notDue: 0, products: 0 });
    expect(stp.figures.recommendationsReceived).toBe(0);
    expect(stp.score).toBeNull();
    expect(stp.rank).toBeNull();
    // Sở Nội vụ in 2025: both recommendations of that year, one closed in it; none overdue on 31/12.
    expect(unitOf(y25, f.snv).figures).toMatchObject({
      recommendationsReceived: 2,
      recommendationsClosed: 1,
      recommendationsOverdue: 0,
    });
    // Without a year: the current one (27/11/2026).
    expect((await get(monitor, '')).year).toBe(2026);
  });

  it('exports the same numbers as .xlsx, one row a unit, and the weights', async () => {
    const { buf, disposition } = await download(monitor, 'xlsx');
    expect(disposition).toContain('kiem-diem-danh-gia-nam-2026.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Kiểm điểm, đánh giá')!;
    const header = (ws.getRow(4).values as unknown[]).slice(1);
    const col = (label: string) => header.indexOf(label) + 1;
    expect(col('Đơn vị')).toBeGreaterThan(0);
    review.units.forEach((u, i) => {
      const row = ws.getRow(5 + i);
      expect(row.getCell(col('Đơn vị')).value).toBe(u.unitName);
      expect(row.getCell(col('Xếp hạng')).value).toBe(u.rank);
      for (const [k, label] of FIGURE_COLUMNS)
        expect(row.getCell(col(label)).value, label).toBe(u.figures[k]);
      expect(row.getCell(col(PRODUCT_NUMBERS_LABEL)).value).toBe(u.figures.productNumbers.join('; '));
      expect(row.getCell(col(SATISFACTION_LABEL)).value).toBe(NO_DATA);
      expect(row.getCell(col('Điểm')).value).toBe(u.score);
      expect(row.getCell(col('Xếp loại')).value).toBe(u.rating);
    });
    expect(ws.getRow(5 + review.units.length).getCell(2).value).toBeNull();
    const weights = wb.getWorksheet('Trọng số')!;
    review.criteria.forEach((c, i) => {
      expect(weights.getRow(2 + i).getCell(1).value).toBe(c.label);
      expect(weights.getRow(2 + i).getCell(2).value).toBe(c.weight);
    });
  });

  it('exports the same numbers as an official .docx with a table per unit', async () => {
    const { buf, disposition } = await download(leader, 'docx');
    expect(disposition).toContain('bao-cao-kiem-diem-nam-2026.docx');
    const paras = docxParagraphs(buf);
    expect(paras).toContain('BÁO CÁO');
    expect(paras.find((p) => p.startsWith('Kiểm điểm, đánh giá kết quả thực hiện'))).toMatch(/năm 2026$/);
    review.units.forEach((u, i) => {
      const at = paras.indexOf(`${i + 1}. ${u.unitName}`);
      expect(at, u.unitName).toBeGreaterThan(0);
      const table = paras.slice(at + 1, at + 3 + 2 * (FIGURE_COLUMNS.length + 5));
      const value = (label: string) => table[table.indexOf(label) + 1];
      for (const [k, label] of FIGURE_COLUMNS)
        expect(value(label), `${u.unitName}: ${label}`).toBe(String(u.figures[k]));
      expect(value(SATISFACTION_LABEL)).toBe(NO_DATA);
      expect(value('Điểm')).toBe(scoreText(u.score));
      expect(value('Xếp loại')).toBe(u.rating);
      expect(value('Xếp hạng')).toBe(String(u.rank));
    });
    expect(paras.join('\n')).toContain('125/KH-STP');
    if (!hasOffice) return;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiem-diem-'));
    try {
      const file = path.join(dir, 'tai-ve.docx');
      fs.writeFileSync(file, buf);
      const text = pdfText(renderDocx(dir, file, 'kiem-diem'));
      expect(text).toContain('BÁO CÁO');
      expect(text).toContain('Kiểm điểm, đánh giá kết quả thực hiện');
      for (const u of review.units) expect(text).toContain(u.unitName);
      expect(text).toContain(`Điểm ${scoreText(unitOf(review, f.stp).score)}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('is refused to units, and for an unknown program', async () => {
    const unit = await t.loginAs('unit', { unitCode: 'SO-TU-PHAP' });
    for (const suffix of ['', '.xlsx', '.docx']) {
      const r = await unit.get(`${url()}${suffix}?year=2026`);
      expect([r.status, r.body.code, r.body.message]).toEqual([
        403,
        'FORBIDDEN_ROLE',
        ERRORS.FORBIDDEN_ROLE.vi,
      ]);
    }
    const none = await monitor.get('/api/programs/00000000-0000-4000-8000-000000000000/review?year=2026');
    expect([none.status, none.body.code]).toEqual([404, 'PROGRAM_NOT_FOUND']);
    const bad = await monitor.get(`${url()}?year=1999`);
    expect(bad.status).toBe(400);
  });
});
