import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeriodDetail } from '../../contract/periods.js';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { DB_KINDS } from '../../../test/support/db.js';
import { startTestApp, type Client, type TestApp } from '../../../test/support/app.js';
import {
  PDF_BYTES,
  reportingProgram,
  entry,
  stpReportContent,
  type ReportingFixture,
} from '../../../test/support/reporting.js';
import { findUnitByCode } from '../../db/queries/units.js';
import { reportingRules } from '../reporting-rules.js';
import type { Comparison, ReportView as Report, SubmitResult, VersionView } from '../../contract/reports.js';

type Matrix = PeriodDetail;

describe.each(DB_KINDS)('reporting cycle on %s', (kind) => {
  let t: TestApp;
  let monitor: Client;
  let stpUser: Client;
  let snvUser: Client;
  let f: ReportingFixture;
  let clock = new Date('2026-11-27T03:00:00Z');
  let annual: Matrix;
  let stpOb: string;
  let snvOb: string;

  beforeAll(async () => {
    // The clock jumps weeks ahead: sessions must outlive it.
    t = await startTestApp(kind, { config: { sessionTtlHours: 24 * 400, sessionIdleMinutes: 0 } });
    t.deps.clock = () => clock;
    monitor = await t.loginAs('monitor', { unitCode: 'BNC-TU' });
    stpUser = await t.loginAs('unit', { unitCode: 'SO-TU-PHAP' });
    snvUser = await t.loginAs('unit', { unitCode: 'SO-NOI-VU' });
    f = await reportingProgram(t, monitor);
  });
  afterAll(async () => t?.close());

  it('refuses a period for a program not yet in implementation, and bad periods', async () => {
    const progs = (await monitor.get<{ items: { id: string; status: string }[] }>('/api/programs')).body
      .items;
    const seed = progs.find((p) => p.id !== f.programId && p.status === 'published')!;
    const r = await monitor.post(`/api/programs/${seed.id}/periods`, { kind: 'yearly', year: 2026 });
    expect([r.status, r.body.code]).toEqual([409, 'PROGRAM_NOT_IMPLEMENTING']);
    const adhoc = await monitor.post(`/api/programs/${f.programId}/periods`, { kind: 'adhoc', year: 2026 });
    expect([adhoc.status, adhoc.body.code]).toEqual([400, 'PERIOD_INVALID']);
    const q5 = await monitor.post(`/api/programs/${f.programId}/periods`, {
      kind: 'quarterly',
      year: 2026,
      index: 5,
    });
    expect([q5.status, q5.body.code]).toEqual([400, 'PERIOD_INVALID']);
    const unit = await stpUser.post(`/api/programs/${f.programId}/periods`, { kind: 'yearly', year: 2026 });
    expect(unit.status).toBe(403);
  });

  it('opens an annual period with the 15/12 cut-off rule and an obligation for every unit carrying a task', async () => {
    const r = await monitor.post<{ id: string; obligations: number }>(
      `/api/programs/${f.programId}/periods`,
      {
        kind: 'yearly',
        year: 2026,
      },
    );
    expect(r.status).toBe(201);
    expect(r.body.obligations).toBe(2);
    annual = (await monitor.get<Matrix>(`/api/periods/${r.body.id}`)).body;
    expect([annual.cutoffStart, annual.cutoffEnd, annual.dueDate]).toEqual([
      '2025-12-15',
      '2026-12-14',
      '2026-12-16',
    ]);
    expect(annual.counts).toMatchObject({ total: 2, not_started: 2, late: 0, overdue: 0 });
    const stpRow = annual.rows.find((x) => x.unitId === f.stp)!;
    const snvRow = annual.rows.find((x) => x.unitId === f.snv)!;
    expect([stpRow.tasks, stpRow.leadTasks, snvRow.tasks, snvRow.leadTasks]).toEqual([2, 2, 2, 1]);
    stpOb = stpRow.obligationId;
    snvOb = snvRow.obligationId;
    const again = await monitor.post(`/api/programs/${f.programId}/periods`, { kind: 'yearly', year: 2026 });
    expect([again.status, again.body.code]).toEqual([409, 'PERIOD_EXISTS']);
    // A unit sees its own row only, and cannot open another unit's report.
    const mine = (await stpUser.get<Matrix>(`/api/periods/${annual.id}`)).body;
    expect(mine.rows.map((x) => x.unitId)).toEqual([f.stp]);
    expect((await snvUser.get(`/api/reports/${stpOb}`)).body.code).toBe('FORBIDDEN_UNIT_SCOPE');
  });

  it('opens a first-half period across the year boundary', async () => {
    const r = await monitor.post<{ id: string }>(`/api/programs/${f.programId}/periods`, {
      kind: 'half-yearly',
      year: 2027,
      index: 1,
    });
    const p = (await monitor.get<Matrix>(`/api/periods/${r.body.id}`)).body;
    expect([p.cutoffStart, p.cutoffEnd]).toEqual(['2026-12-15', '2027-06-14']);
  });

  it('refuses bad entries with their own codes and keeps the stored draft', async () => {
    const rep = (await stpUser.get<Report>(`/api/reports/${stpOb}`)).body;
    expect(rep.tasks.map((x) => x.role)).toEqual(['lead', 'lead']);
    const save = (entries: Record<string, unknown>, version = rep.version) =>
      stpUser.request('PUT', `/api/reports/${stpOb}/draft`, { version, content: { entries } });
    const cases: [Record<string, unknown>, string][] = [
      [{ [f.a]: entry({ status: 'in_progress', percent: 150 }) }, 'REPORT_PERCENT_OUT_OF_RANGE'],
      [{ [f.b]: entry({ status: 'in_progress' }) }, 'REPORT_TASK_NOT_CARRIED'],
      // An unfinished entry (done without a result, paused without a reason) is a valid draft: only
      // the submission checks completeness (draft-completeness.test.ts).
      [{ [f.c]: entry({ status: 'finished' }) }, 'REPORT_STATUS_UNKNOWN'],
      // Dates must be real calendar days in a sensible range, links http(s) only.
      ...['2026-02-31', '2026-02-30', '2025-02-29', '0000-01-01', '9999-99-99', '2026-13-01'].map(
        (d): [Record<string, unknown>, string] => [
          { [f.c]: entry({ status: 'done', results: 'Xong.', completedOn: d }) },
          'VALIDATION_FAILED',
        ],
      ),
      ...['2026-02-30', '9999-12-31'].map((d): [Record<string, unknown>, string] => [
        {
          [f.c]: entry({
            status: 'done',
            results: 'Xong.',
            products: [{ description: 'Kế hoạch', date: d }],
          }),
        },
        'VALIDATION_FAILED',
      ]),
      ...['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd'].map(
        (link): [Record<string, unknown>, string] => [
          {
            [f.c]: entry({ status: 'done', results: 'Xong.', products: [{ description: 'Kế hoạch', link }] }),
          },
          'VALIDATION_FAILED',
        ],
      ),
    ];
    for (const [entries, code] of cases) {
      const r = await save(entries);
      expect([r.status, r.body.code], code).toEqual([400, code]);
    }
    const ok = await save({
      [f.a]: entry({
        status: 'in_progress',
        percent: 40,
        results: 'Đã rà soát 120 văn bản.',
        products: [{ description: 'Kế hoạch', date: '2024-02-29', link: 'https://hanoi.gov.vn/kh-45' }],
      }),
    });
    expect(ok.status).toBe(200);
    const r = (await stpUser.get<Report>(`/api/reports/${stpOb}`)).body;
    expect(r.status).toBe('drafting');
    expect(r.draft.entries[f.a]!.percent).toBe(40);
    expect(r.draft.entries[f.a]!.products[0]!.link).toBe('https://hanoi.gov.vn/kh-45');
    const stale = await save({}, rep.version);
    expect([stale.status, stale.body.code]).toEqual([409, 'VERSION_CONFLICT']);
  });

  it('stores evidence files by content and refuses forbidden, empty and oversized files', async () => {
    const up = (bytes: Buffer, filename: string) =>
      stpUser.request(
        'POST',
        `/api/reports/${stpOb}/files?filename=${encodeURIComponent(filename)}`,
        undefined,
        {
          raw: bytes,
          contentType: 'application/octet-stream',
        },
      );
    const a1 = await up(PDF_BYTES, 'Quyết định 12.pdf');
    const a2 = await up(PDF_BYTES, 'ban-sao.pdf');
    expect(a1.status).toBe(201);
    expect(a1.body.sha256).toBe(a2.body.sha256);
    expect(a1.body.mime).toBe('application/pdf');
    expect((await up(Buffer.from('MZ\x90\x00 not a document'), 'virus.pdf')).body.code).toBe(
      'FILE_TYPE_FORBIDDEN',
    );
    expect((await up(Buffer.from('PK\x03\x04 zip'), 'archive.zip')).body.code).toBe('FILE_TYPE_FORBIDDEN');
    expect((await up(Buffer.alloc(0), 'rong.pdf')).status).toBe(400);
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(reportingRules().evidence.maxBytes)]);
    const tooBig = await up(big, 'lon.pdf');
    expect([tooBig.status, tooBig.body.code]).toEqual([413, 'FILE_TOO_LARGE']);
    const dl = await fetch(`${t.base}/api/files/${a1.body.sha256}`, { headers: { cookie: monitor.cookie! } });
    expect(Buffer.from(await dl.arrayBuffer()).equals(PDF_BYTES)).toBe(true);
    // An unknown file cannot be attached.
    const rep = (await stpUser.get<Report>(`/api/reports/${stpOb}`)).body;
    const ghost = await stpUser.request('PUT', `/api/reports/${stpOb}/draft`, {
      version: rep.version,
      content: {
        entries: {
          [f.a]: entry({
            status: 'in_progress',
            evidence: [{ sha256: 'f'.repeat(64), filename: 'x.pdf', size: 1, mime: 'application/pdf' }],
          }),
        },
      },
    });
    expect(ghost.body.code).toBe('FILE_NOT_FOUND');
  });

  it('submits once for a double click, then the report is read-only', async () => {
    const rep = (await stpUser.get<Report>(`/api/reports/${stpOb}`)).body;
    const incomplete = await stpUser.post(`/api/reports/${stpOb}/submit`, {
      idempotencyKey: 'k-incomplete-1',
    });
    expect([incomplete.status, incomplete.body.code]).toEqual([400, 'REPORT_INCOMPLETE']);
    const pdf = (await stpUser.get<Report>(`/api/reports/${stpOb}`)).body;
    void pdf;
    const save = await stpUser.request('PUT', `/api/reports/${stpOb}/draft`, {
      version: rep.version,
      content: stpReportContent(f, [
        { description: 'Kế hoạch tập huấn', number: '45/KH-STP', date: '2026-03-02', link: null },
      ]),
    });
    expect(save.status).toBe(200);
    const [s1, s2] = await Promise.all([
      stpUser.post<SubmitResult>(`/api/reports/${stpOb}/submit`, {
        idempotencyKey: 'dup-click-0001',
      }),
      stpUser.post<SubmitResult>(`/api/reports/${stpOb}/submit`, {
        idempotencyKey: 'dup-click-0001',
      }),
    ]);
    expect([s1.status, s2.status]).toEqual([200, 200]);
    expect(s1.body.versionId).toBe(s2.body.versionId);
    const after = (await stpUser.get<Report>(`/api/reports/${stpOb}`)).body;
    expect(after.versions).toHaveLength(1);
    expect([after.status, after.editable]).toEqual(['submitted', false]);
    const edit = await stpUser.request('PUT', `/api/reports/${stpOb}/draft`, {
      version: after.version,
      content: { entries: {} },
    });
    expect([edit.status, edit.body.code]).toEqual([409, 'REPORT_READ_ONLY']);
    // The obstacle and the proposal are in the register.
    const reg = (
      await monitor.get<{ items: { kind: string; text: string }[] }>(`/api/programs/${f.programId}/obstacles`)
    ).body;
    expect(reg.items.map((x) => x.kind).sort()).toEqual(['obstacle', 'proposal']);
  });

  it('marks a submission after the deadline as late, and shows the cooperating input to the lead', async () => {
    clock = new Date('2026-12-20T03:00:00Z');
    const rep = (await snvUser.get<Report>(`/api/reports/${snvOb}`)).body;
    expect(rep.tasks.map((x) => [x.nodeId, x.role])).toEqual([
      [f.a, 'cooperating'],
      [f.b, 'lead'],
    ]);
    await snvUser.request('PUT', `/api/reports/${snvOb}/draft`, {
      version: rep.version,
      content: {
        entries: {
          [f.a]: entry({ results: 'Cử 2 cán bộ tham gia tổ rà soát.' }),
          [f.b]: entry({ status: 'done', results: 'Đã kiện toàn 30 cán bộ pháp chế.' }),
        },
      },
    });
    const s = await snvUser.post<SubmitResult>(`/api/reports/${snvOb}/submit`, {
      idempotencyKey: 'snv-submit-1',
    });
    expect([s.status, s.body.late]).toEqual([200, true]);
    const m = (await monitor.get<Matrix>(`/api/periods/${annual.id}?status=late`)).body;
    expect(m.rows.map((x) => x.unitId)).toEqual([f.snv]);
    const lead = (await stpUser.get<Report>(`/api/reports/${stpOb}`)).body;
    expect(lead.cooperating[f.a]!.map((x) => [x.unitId, x.entry.results])).toEqual([
      [f.snv, 'Cử 2 cán bộ tham gia tổ rà soát.'],
    ]);
  });

  it('returns with comments per task, keeps every version, and accepts the revision', async () => {
    const bare = await monitor.post(`/api/reports/${stpOb}/review`, { decision: 'return' });
    expect(bare.body.code).toBe('REPORT_RETURN_NEEDS_COMMENT');
    const unitTry = await stpUser.post(`/api/reports/${stpOb}/review`, { decision: 'accept' });
    expect(unitTry.status).toBe(403);
    const ret = await monitor.post(`/api/reports/${stpOb}/review`, {
      decision: 'return',
      taskComments: { [f.a]: 'Đề nghị nêu rõ số văn bản đã rà soát được sửa đổi.' },
    });
    expect(ret.body.status).toBe('returned');
    const back = (await stpUser.get<Report>(`/api/reports/${stpOb}`)).body;
    expect([back.status, back.editable]).toEqual(['returned', true]);
    expect(back.versions[0]!.taskComments[f.a]).toMatch(/số văn bản/);
    expect(back.draft.entries[f.a]!.results).toBe('Đã rà soát 120 văn bản.');
    const entries = {
      ...back.draft.entries,
      [f.a]: {
        ...back.draft.entries[f.a],
        percent: 60,
        results: 'Đã rà soát 120 văn bản, đề nghị sửa đổi 8 văn bản.',
      },
    };
    expect(
      (
        await stpUser.request('PUT', `/api/reports/${stpOb}/draft`, {
          version: back.version,
          content: { general: back.draft.general, entries },
        })
      ).status,
    ).toBe(200);
    const s2 = await stpUser.post<SubmitResult>(`/api/reports/${stpOb}/submit`, {
      idempotencyKey: 'stp-resubmit-2',
    });
    expect(s2.body.number).toBe(2);
    const cmp = (await monitor.get<Comparison>(`/api/reports/${stpOb}/compare?a=1&b=2`)).body;
    expect(cmp.tasks).toEqual([expect.objectContaining({ nodeId: f.a, changed: ['percent', 'results'] })]);
    const v1 = (await stpUser.get<VersionView>(`/api/reports/${stpOb}/versions/1`)).body;
    expect(v1.content.entries[f.a]!.percent).toBe(40);
    expect((await monitor.post(`/api/reports/${stpOb}/review`, { decision: 'accept' })).body.status).toBe(
      'accepted',
    );
    expect((await monitor.post(`/api/reports/${stpOb}/review`, { decision: 'accept' })).body.code).toBe(
      'REPORT_NOT_PENDING',
    );
    expect(
      (await monitor.post(`/api/reports/${snvOb}/review`, { decision: 'accept', comment: 'Đồng ý.' })).status,
    ).toBe(200);
    const m = (await monitor.get<Matrix>(`/api/periods/${annual.id}`)).body;
    expect(m.counts).toMatchObject({ accepted: 2, late: 1 });
  });

  it('rolls progress up to groups, the program and units, with on time and late from the baseline', async () => {
    const d = (
      await monitor.get<{
        referenceDay: string;
        overall: {
          percent: number;
          tasks: number;
          done: number;
          onTime: number;
          late: number;
          onTimeRate: number;
        };
        byGroup: { title: string; percent: number }[];
        byUnit: { unitId: string; percent: number }[];
        overdueTasks: { nodeId: string }[];
        unitsNotReported: unknown[];
        openObstacles: number;
      }>(`/api/periods/${annual.id}/dashboard`)
    ).body;
    // Reference day: the cut-off end (14/12), earlier than today (20/12).
    expect(d.referenceDay).toBe('2026-12-14');
    // A 60 % (due 30/06, late), C done on 27/11 (due 31/12, on time), B done on 20/12 (due 31/03, late).
    expect(d.overall).toMatchObject({
      tasks: 3,
      done: 2,
      onTime: 1,
      late: 2,
      percent: 86.7,
      onTimeRate: 33.3,
    });
    expect(d.byGroup.map((g) => g.percent)).toEqual([80, 100]);
    expect(Object.fromEntries(d.byUnit.map((u) => [u.unitId, u.percent]))).toEqual({
      [f.stp]: 80,
      [f.snv]: 100,
    });
    expect(d.overdueTasks.map((x) => x.nodeId)).toEqual([f.a]);
    expect(d.unitsNotReported).toEqual([]);
    expect(d.openObstacles).toBe(2);
  });

  it('moves an obstacle through assign, answer and close', async () => {
    const reg = (
      await monitor.get<{ items: { id: string; kind: string; version: number }[] }>(
        `/api/programs/${f.programId}/obstacles?open=true`,
      )
    ).body;
    const ob = reg.items.find((x) => x.kind === 'obstacle')!;
    const stc = (await findUnitByCode(t.deps.db, 'SO-TAI-CHINH'))!.id;
    const a = await monitor.patch<{ version: number; status: string }>(`/api/obstacles/${ob.id}`, {
      action: 'assign',
      version: ob.version,
      handlingUnitId: stc,
    });
    expect(a.body.status).toBe('assigned');
    const b = await monitor.patch<{ version: number; status: string }>(`/api/obstacles/${ob.id}`, {
      action: 'answer',
      version: a.body.version,
      answer: 'Sở Tài chính bố trí trong dự toán năm 2027.',
    });
    const c = await monitor.patch<{ version: number; status: string }>(`/api/obstacles/${ob.id}`, {
      action: 'close',
      version: b.body.version,
    });
    expect(c.body.status).toBe('closed');
    const again = await monitor.patch(`/api/obstacles/${ob.id}`, {
      action: 'close',
      version: c.body.version,
    });
    expect(again.body.code).toBe('OBSTACLE_INVALID_STEP');
    const open = (await monitor.get<{ items: unknown[] }>(`/api/programs/${f.programId}/obstacles?open=true`))
      .body;
    expect(open.items).toHaveLength(1);
  });

  it('drafts the consolidated report, takes edits, and exports .docx and .xlsx', async () => {
    expect((await monitor.get(`/api/periods/${annual.id}/consolidation`)).body.code).toBe(
      'CONSOLIDATION_NOT_FOUND',
    );
    const g = await monitor.post<{
      version: number;
      sections: { heading: string; blocks: { kind: string; text: string }[] }[];
      heading: { layout: string; title: string };
    }>(`/api/periods/${annual.id}/consolidation`);
    expect(g.status).toBe(200);
    const all = JSON.stringify(g.body.sections);
    expect(g.body.sections.map((s) => s.heading)).toEqual([
      'I. KẾT QUẢ THỰC HIỆN',
      'II. CÔNG TÁC KIỂM TRA, GIÁM SÁT',
      'III. HẠN CHẾ, KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN',
      'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI',
      'V. ĐỀ XUẤT, KIẾN NGHỊ',
    ]);
    expect(all).toContain('Tổ chức 3 hội nghị tập huấn');
    expect(all).toContain('Sở Nội vụ phối hợp: Cử 2 cán bộ');
    expect(all).toContain('Sở Tư pháp: Đề nghị bố trí kinh phí tập huấn hằng năm (chưa xử lý).');
    expect(all).toContain('Hoàn thành rà soát trong quý I/2027.');
    expect(g.body.heading.title).toMatch(/^Tổng kết năm 2026 thực hiện/);
    const sections = g.body.sections.map((s, i) =>
      i === 1
        ? {
            ...s,
            blocks: [
              ...s.blocks,
              { kind: 'paragraph', text: 'Nguyên nhân chủ quan: phối hợp chưa chặt chẽ.' },
            ],
          }
        : s,
    );
    const u = await monitor.request<{ version: number }>('PUT', `/api/periods/${annual.id}/consolidation`, {
      version: g.body.version,
      heading: {
        number: '125',
        signer: { authority: 'T/M BAN THƯỜNG VỤ', position: 'PHÓ BÍ THƯ', name: 'Nguyễn Văn Thử' },
      },
      sections,
    });
    expect(u.status).toBe(200);
    const docx = await fetch(`${t.base}/api/periods/${annual.id}/consolidation.docx`, {
      headers: { cookie: monitor.cookie! },
    });
    expect(docx.status).toBe(200);
    const xml = strFromU8(unzipSync(new Uint8Array(await docx.arrayBuffer()))['word/document.xml']!);
    expect(xml).toContain('phối hợp chưa chặt chẽ');
    expect(xml).toContain('Nguyễn Văn Thử');
    const xlsx = await fetch(`${t.base}/api/periods/${annual.id}/consolidation.xlsx`, {
      headers: { cookie: monitor.cookie! },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const cells: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => void cells.push(String(c.value))));
    expect(cells).toContain('Tiến độ so với thời hạn');
    expect(cells).toContain('Quá hạn');
    expect(cells.some((c) => c.includes('Kế hoạch tập huấn, 45/KH-STP, 02/03/2026'))).toBe(true);
  });

  it('refuses submissions once the period is closed, and audits every step', async () => {
    const p = (await monitor.get<Matrix>(`/api/periods/${annual.id}`)).body;
    const half = (
      await monitor.get<{
        items: { id: string; version: number; kind: string; myObligationId: string | null }[];
      }>(`/api/programs/${f.programId}/periods`)
    ).body.items.find((x) => x.kind === 'half-yearly')!;
    const closed = await monitor.patch(`/api/periods/${half.id}`, {
      version: half.version,
      status: 'closed',
    });
    expect(closed.status).toBe(200);
    const hm = (await stpUser.get<Matrix>(`/api/periods/${half.id}`)).body;
    const ob = hm.rows[0]!.obligationId;
    const rep = (await stpUser.get<Report>(`/api/reports/${ob}`)).body;
    expect(rep.editable).toBe(false);
    const save = await stpUser.request('PUT', `/api/reports/${ob}/draft`, {
      version: rep.version,
      content: { entries: {} },
    });
    expect([save.status, save.body.code]).toEqual([409, 'PERIOD_CLOSED']);
    const sub = await stpUser.post(`/api/reports/${ob}/submit`, { idempotencyKey: 'closed-period-1' });
    expect([sub.status, sub.body.code]).toEqual([409, 'PERIOD_CLOSED']);
    void p;
    const audit = await t.deps.db.execute(
      "select action, count(*)::int as n from audit_events where action like 'report.%' or action like 'period.%' or action like 'obstacle.%' or action like 'consolidation.%' group by action order by action",
    );
    const actions = Object.fromEntries(
      (audit as unknown as { rows: { action: string; n: number }[] }).rows.map((r) => [r.action, r.n]),
    );
    expect(actions).toMatchObject({
      'period.open': 2,
      'period.close': 1,
      'report.submit': 3,
      'report.return': 1,
      'report.accept': 2,
      'obstacle.raise': 2,
      'obstacle.assign': 1,
      'obstacle.close': 1,
      'consolidation.create': 1,
      'consolidation.edit': 1,
    });
  });
});
