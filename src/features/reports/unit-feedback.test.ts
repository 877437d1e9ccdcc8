/**
 * Issue 11 points 16–18: a new period's report starts from the unit's last ACCEPTED report (not a
 * returned or drafted later one), lists the unit's obstacles still open from earlier periods; the
 * unit's feedback page (answers, review history); a task's accepted progress per period.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../test/support/db.js';
import {
  entry,
  startReportingApp,
  stpReportContent,
  submitAccepted,
  type ReportingApp,
} from '../../../test/support/reporting.js';
import type { PeriodDetail } from '../../contract/periods.js';
import type { ReportView } from '../../contract/reports.js';
import type { ObstacleList } from '../../contract/obstacles.js';
import type {
  CopyForwardResult,
  EarlierReports,
  TaskReporting,
  UnitFeedback,
} from '../../contract/feedback.js';
import type { AuditEvents } from '../../contract/audit.js';

describe.each(DB_KINDS)('copy forward, feedback and task progress on %s', (kind) => {
  let app: ReportingApp;
  /** Sở Tư pháp's reports: 2026 accepted, Q1/2027 returned and redrafted, 2027 not started. */
  let accepted: string;
  let returned: string;
  let fresh: string;
  let obstacleId: string;

  const openPeriod = async (body: Record<string, unknown>) => {
    const p = await app.monitor.post<{ id: string }>(`/api/programs/${app.f.programId}/periods`, body);
    expect(p.status, p.text).toBe(201);
    const rows = (await app.monitor.get<PeriodDetail>(`/api/periods/${p.body.id}`)).body.rows;
    return rows.find((r) => r.unitId === app.f.stp)!.obligationId;
  };

  beforeAll(async () => {
    app = await startReportingApp(kind);
    const { f, monitor, stpUser } = app;
    accepted = app.obligationOf(f.stp);
    await submitAccepted(stpUser, monitor, accepted, stpReportContent(f, []));
    const obs = (await monitor.get<ObstacleList>(`/api/programs/${f.programId}/obstacles`)).body.items;
    obstacleId = obs.find((o) => o.unitId === f.stp && o.kind === 'obstacle')!.id;
    // The monitor answers the obstacle; the proposal stays open.
    const o = obs.find((x) => x.id === obstacleId)!;
    const ans = await monitor.request('PATCH', `/api/obstacles/${obstacleId}`, {
      action: 'answer',
      answer: 'Sở Tài chính bố trí kinh phí trong Quý I/2027.',
      version: o.version,
    });
    expect(ans.status, ans.text).toBe(200);
    // Q1/2027: a different report, submitted and returned with comments, then redrafted.
    returned = await openPeriod({ kind: 'quarterly', year: 2027, index: 1 });
    const r = (await stpUser.get<ReportView>(`/api/reports/${returned}`)).body;
    // (Task C, done in 2026, is no longer carried.)
    const other = {
      entries: Object.fromEntries(
        r.tasks.map((t) => [
          t.nodeId,
          entry({ status: 'in_progress', percent: 70, results: 'Bản trả lại.' }),
        ]),
      ),
    };
    for (const step of [
      () => stpUser.request('PUT', `/api/reports/${returned}/draft`, { version: r.version, content: other }),
      () => stpUser.post(`/api/reports/${returned}/submit`, { idempotencyKey: 'q1-2027-lan-1' }),
      () =>
        monitor.post(`/api/reports/${returned}/review`, {
          decision: 'return',
          comment: 'Số liệu chưa khớp với báo cáo năm.',
          taskComments: { [f.a]: 'Ghi rõ số văn bản đã rà soát.' },
        }),
    ]) {
      const res = await step();
      expect(res.status, res.text).toBe(200);
    }
    fresh = await openPeriod({ kind: 'yearly', year: 2027 });
  });
  afterAll(async () => app?.t.close());

  it('offers the last accepted report, not the later returned one, and the obstacles still open', async () => {
    const { f, stpUser } = app;
    const e = await stpUser.get<EarlierReports>(`/api/reports/${fresh}/earlier`);
    expect(e.status, e.text).toBe(200);
    expect(e.body.accepted).toMatchObject({ obligationId: accepted, periodLabel: expect.any(String) });
    expect(e.body.accepted!.entries[f.a]).toMatchObject({
      status: 'in_progress',
      percent: 40,
      results: 'Đã rà soát 120 văn bản.',
      obstacles: '',
    });
    expect(e.body).toMatchObject({ copied: false, canCopy: true });
    // The open ones of earlier periods: the answered obstacle and the proposal (2026); Q1's none.
    expect(e.body.openObstacles.map((o) => [o.kind, o.status]).sort()).toEqual([
      ['obstacle', 'answered'],
      ['proposal', 'open'],
    ]);
    // Another unit reads neither.
    expect((await app.snvUser.get(`/api/reports/${fresh}/earlier`)).body.code).toBe('FORBIDDEN_UNIT_SCOPE');
  });

  it('copies the accepted entries into a draft, audited, never submitted', async () => {
    const { f, stpUser, snvUser } = app;
    const before = (await stpUser.get<ReportView>(`/api/reports/${fresh}`)).body;
    expect(before.status).toBe('not_started');
    expect(
      (await snvUser.post(`/api/reports/${fresh}/copy-forward`, { version: before.version })).body.code,
    ).toBe('FORBIDDEN_UNIT_SCOPE');
    expect((await stpUser.post(`/api/reports/${fresh}/copy-forward`, { version: 999 })).status).toBe(409);
    const c = await stpUser.post<CopyForwardResult>(`/api/reports/${fresh}/copy-forward`, {
      version: before.version,
    });
    expect(c.status, c.text).toBe(200);
    expect(c.body).toMatchObject({ status: 'drafting', fromObligationId: accepted });
    expect(c.body.copied).toEqual([f.a]);
    const after = (await stpUser.get<ReportView>(`/api/reports/${fresh}`)).body;
    expect(after.status).toBe('drafting');
    expect(after.currentVersion).toBe(0);
    expect(after.draft.entries[f.a]).toMatchObject({
      status: 'in_progress',
      percent: 40,
      results: 'Đã rà soát 120 văn bản.',
      obstacles: '',
    });
    expect(after.draft.entries[f.a]!.results).not.toContain('trả lại');
    const e = (await stpUser.get<EarlierReports>(`/api/reports/${fresh}/earlier`)).body;
    expect(e).toMatchObject({ copied: true, canCopy: false });
    // Once started, a second copy is refused.
    const again = await stpUser.post(`/api/reports/${fresh}/copy-forward`, { version: after.version });
    expect(again.body.code).toBe('REPORT_ALREADY_STARTED');
    expect(again.body.message).toContain('sao chép');
    const audit = await stpUser.get<AuditEvents>(`/api/audit?entityType=report&entityId=${fresh}`);
    expect(audit.body.items.map((x) => x.action)).toContain('report.copy_forward');
  });

  it('refuses a copy when there is no earlier accepted report', async () => {
    // Sở Nội vụ's 2026 report: no earlier period, nothing accepted.
    const q1 = (await app.monitor.get<PeriodDetail>(`/api/periods/${app.periodId}`)).body.rows.find(
      (r) => r.unitId === app.f.snv,
    )!.obligationId;
    const rep = (await app.snvUser.get<ReportView>(`/api/reports/${q1}`)).body;
    const e = (await app.snvUser.get<EarlierReports>(`/api/reports/${q1}/earlier`)).body;
    expect(e).toMatchObject({ accepted: null, canCopy: false, copied: false });
    const r = await app.snvUser.post(`/api/reports/${q1}/copy-forward`, { version: rep.version });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('REPORT_NOTHING_TO_COPY');
  });

  it("shows the unit the answers to its obstacles and its reports' review history, and only its own", async () => {
    const { f, stpUser, snvUser, monitor } = app;
    const fb = await stpUser.get<UnitFeedback>(`/api/units/${f.stp}/feedback`);
    expect(fb.status, fb.text).toBe(200);
    const ob = fb.body.obstacles.find((o) => o.id === obstacleId)!;
    expect(ob).toMatchObject({
      status: 'answered',
      answer: 'Sở Tài chính bố trí kinh phí trong Quý I/2027.',
    });
    expect(fb.body.obstacles.every((o) => o.unitId === f.stp)).toBe(true);
    const back = fb.body.reports.find((r) => r.obligationId === returned)!;
    expect(back.status).toBe('returned');
    expect(back.steps).toHaveLength(1);
    expect(back.steps[0]).toMatchObject({
      number: 1,
      review: 'returned',
      reviewComment: 'Số liệu chưa khớp với báo cáo năm.',
      taskComments: [{ nodeId: f.a, comment: 'Ghi rõ số văn bản đã rà soát.' }],
    });
    expect(back.steps[0]!.reviewerName).toBeTruthy();
    expect(back.steps[0]!.taskComments[0]!.label).not.toBe('');
    expect(fb.body.reports.find((r) => r.obligationId === accepted)!.steps[0]!.review).toBe('accepted');
    // The fresh report (never submitted) has no history.
    expect(fb.body.reports.map((r) => r.obligationId)).not.toContain(fresh);
    expect((await snvUser.get(`/api/units/${f.stp}/feedback`)).body.code).toBe('FORBIDDEN_UNIT_SCOPE');
    expect((await monitor.get(`/api/units/${f.stp}/feedback`)).status).toBe(200);
  });

  it("shows a task's accepted progress per period and the latest report not yet accepted", async () => {
    const { f, stpUser, snvUser, monitor } = app;
    const r = await monitor.get<TaskReporting>(`/api/tasks/${f.a}/reporting`);
    expect(r.status, r.text).toBe(200);
    expect(r.body.leadUnitId).toBe(f.stp);
    expect(r.body.accepted).toHaveLength(1);
    expect(r.body.accepted[0]).toMatchObject({
      obligationId: accepted,
      entry: { status: 'in_progress', percent: 40 },
    });
    expect(r.body.accepted[0]!.acceptedAt).toBeTruthy();
    // Newest period (2027) holds the copied draft.
    expect(r.body.latest).toMatchObject({
      obligationId: fresh,
      state: 'draft',
      entry: { results: 'Đã rà soát 120 văn bản.' },
    });
    expect((await stpUser.get(`/api/tasks/${f.a}/reporting`)).status).toBe(200);
    // Sở Nội vụ cooperates on A but does not read Sở Tư pháp's reports.
    expect((await snvUser.get(`/api/tasks/${f.a}/reporting`)).body.code).toBe('FORBIDDEN_UNIT_SCOPE');
    expect((await monitor.get(`/api/tasks/${f.programId}/reporting`)).body.code).toBe('TASK_NOT_FOUND');
  });
});
