/**
 * Corrective actions tracked to closure (issue 13, point 4), on PGlite and PostgreSQL: the lists per
 * role and filter, the remediation cycle (report in progress, accepted and kept open; report done,
 * returned with a comment, reported again, accepted and closed), every refusal (a unit that is not
 * responsible, a supervisor of another body, a return without a comment, a report on a closed one or
 * while one waits, a stale version, files the unit did not upload), the notifications to the other
 * side, the audit events, reminders and escalation by the sweep, the dashboard's figures and the
 * consolidated report's section on supervision (in the .docx too).
 *
 * Issued conclusions are written straight into the database (test/support/supervision.ts): the plans
 * and conclusions service is built on another branch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { DB_KINDS } from '../../../test/support/db.js';
import { docxParagraphs } from '../../../test/support/docx.js';
import { auditActionCounts, startTestApp, type Client, type TestApp } from '../../../test/support/app.js';
import { PDF_BYTES, startReportingApp, type ReportingApp } from '../../../test/support/reporting.js';
import { issuedConclusionFixture, type IssuedConclusion } from '../../../test/support/supervision.js';
import { findUnitByCode } from '../../db/queries/units.js';
import { notifications, recommendations, reminders } from '../../db/schema.js';
import { sweepReminders } from '../../jobs/reminder-sweep.js';
import { ERRORS, type ErrorCode } from '../../errors.js';
import type {
  RecommendationDetail,
  RecommendationList,
  RecommendationStep,
} from '../../contract/recommendations.js';
import type { Consolidation } from '../../contract/consolidation.js';
import type { Dashboard } from '../../contract/dashboard.js';
import type { NotificationList } from '../../contract/notifications.js';

const refused = (r: { status: number; body: unknown }, status: number, code: ErrorCode) => {
  const b = r.body as { code?: string; message?: string };
  expect([r.status, b.code]).toEqual([status, code]);
  if (code !== 'VERSION_CONFLICT') expect(b.message).toBe(ERRORS[code].vi);
};

describe.each(DB_KINDS)('corrective actions on recommendations on %s', (kind) => {
  let r: ReportingApp;
  let t: TestApp;
  let supervisor: Client & { userId: string };
  let otherSupervisor: Client;
  let leader: Client;
  let admin: Client;
  let fx: IssuedConclusion;
  let draft: IssuedConclusion;
  let ubkt: string;
  /** Sở Tư pháp's two (task a, then none), Sở Nội vụ's one (task b, overdue on 27/11/2026). */
  let recA: string;
  let recB: string;
  let recC: string;

  const detail = async (c: Client, id: string) =>
    (await c.get<RecommendationDetail>(`/api/recommendations/${id}`)).body;
  const version = async (id: string) => (await detail(supervisor, id)).recommendation.version;
  const report = async (c: Client, id: string, body: Record<string, unknown>) =>
    c.post<RecommendationStep>(`/api/recommendations/${id}/remediation`, {
      version: await version(id),
      ...body,
    });
  const decide = async (c: Client, id: string, body: Record<string, unknown>) =>
    c.post<RecommendationStep>(`/api/recommendations/${id}/decision`, {
      version: await version(id),
      ...body,
    });
  const list = async (c: Client, q = '') =>
    (await c.get<RecommendationList>(`/api/recommendations${q}`)).body;

  beforeAll(async () => {
    r = await startReportingApp(kind);
    t = r.t;
    ubkt = (await findUnitByCode(t.deps.db, 'UBKT-TU'))!.id;
    supervisor = await t.loginAs('supervisor', { unitCode: 'UBKT-TU' });
    otherSupervisor = await t.loginAs('supervisor', { unitCode: 'HDND' });
    leader = await t.loginAs('leader');
    admin = await t.loginAs('admin');
    const { stp, snv, a, b, programId } = r.f;
    fx = await issuedConclusionFixture(t.deps.db, {
      bodyUnitId: ubkt,
      programId,
      units: [stp, snv],
      recommendations: [
        {
          unitId: stp,
          dueDate: '2026-12-15',
          nodeId: a,
          text: 'Hoàn thành rà soát văn bản quy phạm pháp luật.',
        },
        { unitId: snv, dueDate: '2026-11-20', nodeId: b, text: 'Kiện toàn đội ngũ cán bộ pháp chế.' },
        { unitId: stp, dueDate: '2026-12-31', text: 'Xây dựng quy chế phối hợp.' },
      ],
      extraFindings: 1,
    });
    [recA, recB, recC] = fx.recommendationIds as [string, string, string];
    // A draft conclusion of the same body: not yet anyone's to remedy.
    draft = await issuedConclusionFixture(t.deps.db, {
      bodyUnitId: ubkt,
      programId,
      units: [stp],
      title: 'Giám sát chuyên đề công tác pháp chế',
      startsOn: '2026-11-01',
      endsOn: '2026-11-30',
      conclusionStatus: 'draft',
      recommendations: [{ unitId: stp, dueDate: '2026-12-01' }],
    });
    // Plans that are not held in the period: a draft, and one of 2025.
    await issuedConclusionFixture(t.deps.db, {
      bodyUnitId: ubkt,
      programId,
      units: [stp],
      planStatus: 'draft',
      recommendations: [],
      extraFindings: 2,
    });
    await issuedConclusionFixture(t.deps.db, {
      bodyUnitId: ubkt,
      programId,
      units: [stp],
      startsOn: '2025-03-01',
      endsOn: '2025-03-31',
      recommendations: [],
      extraFindings: 5,
    });
  });
  afterAll(async () => t?.close());

  it('lists for each role its own: the unit its recommendations, the body its plans, the others all', async () => {
    const { stp, snv, a } = r.f;
    const mine = await list(r.stpUser);
    expect(mine.items.map((x) => x.id).sort()).toEqual([recA, recC].sort());
    expect(mine.items.every((x) => x.responsibleUnitId === stp)).toBe(true);
    expect((await list(r.snvUser)).items.map((x) => x.id)).toEqual([recB]);
    // The draft conclusion's recommendation is nobody's yet.
    const all = await list(r.monitor);
    expect(all.items.map((x) => x.id)).toEqual([recB, recA, recC]);
    expect(all.items.map((x) => x.id)).not.toContain(draft.recommendationIds[0]);
    expect(all.counts).toEqual({ open: 3, overdue: 1, submitted: 0, closed: 0 });
    expect((await list(leader)).items).toHaveLength(3);
    expect((await list(supervisor)).items).toHaveLength(3);
    expect((await list(otherSupervisor)).items).toEqual([]);
    // Filters.
    const overdue = await list(r.monitor, '?overdue=true');
    expect(overdue.items.map((x) => [x.id, x.overdue, x.responsibleUnitName])).toEqual([
      [recB, true, 'Sở Nội vụ'],
    ]);
    expect((await list(r.monitor, `?unitId=${snv}`)).items.map((x) => x.id)).toEqual([recB]);
    expect((await list(r.monitor, `?nodeId=${a}`)).items.map((x) => x.id)).toEqual([recA]);
    expect((await list(r.monitor, `?programId=${r.f.programId}&status=open`)).items).toHaveLength(3);
    expect((await list(r.monitor, `?bodyUnitId=${snv}`)).items).toEqual([]);
    // A unit asking for another unit's gets nothing of it.
    expect((await list(r.stpUser, `?unitId=${snv}`)).items).toEqual([]);
    const one = all.items.find((x) => x.id === recA)!;
    expect(one).toMatchObject({
      status: 'open',
      dueDate: '2026-12-15',
      bodyUnitId: ubkt,
      bodyUnitName: 'Ủy ban Kiểm tra Thành ủy',
      conclusionNumber: '15-TB/UBKTTU',
      taskLabel: expect.any(String),
      programId: r.f.programId,
      findingText: 'Hạn chế số 1: chậm triển khai nhiệm vụ được giao.',
    });
    // Reading one: its unit and every staff role; another unit is refused.
    expect((await detail(r.stpUser, recA)).can).toEqual({ report: true, decide: false });
    expect((await detail(supervisor, recA)).can).toEqual({ report: false, decide: false });
    refused(await r.snvUser.get(`/api/recommendations/${recA}`), 403, 'FORBIDDEN_UNIT_SCOPE');
    refused(
      await r.monitor.get(`/api/recommendations/${draft.recommendationIds[0]}`),
      404,
      'RECOMMENDATION_NOT_FOUND',
    );
  });

  it('follows a recommendation to closure: in progress, accepted and open; done, returned; done again, closed', async () => {
    const { stp } = r.f;
    const before = await auditActionCounts(t, 'recommendation.');
    // Refusals before anything: another unit, a role that may not report, a stale version, an empty result.
    refused(
      await report(r.snvUser, recA, { state: 'done', result: 'Đã xong.' }),
      403,
      'FORBIDDEN_UNIT_SCOPE',
    );
    refused(await report(leader, recA, { state: 'done', result: 'Đã xong.' }), 403, 'FORBIDDEN_ROLE');
    refused(await report(supervisor, recA, { state: 'done', result: 'Đã xong.' }), 403, 'FORBIDDEN_ROLE');
    refused(
      await r.stpUser.post(`/api/recommendations/${recA}/remediation`, {
        version: 99,
        state: 'done',
        result: 'x',
      }),
      409,
      'VERSION_CONFLICT',
    );
    refused(
      await report(r.stpUser, recA, { state: 'done', result: '   ' }),
      400,
      'REMEDIATION_RESULT_REQUIRED',
    );
    refused(await decide(supervisor, recA, { decision: 'accept' }), 409, 'REMEDIATION_NOTHING_TO_DECIDE');
    refused(
      await r.stpUser.post(`/api/recommendations/${draft.recommendationIds[0]}/remediation`, {
        version: 1,
        state: 'done',
        result: 'x',
      }),
      409,
      'RECOMMENDATION_NOT_ISSUED',
    );

    // 1. In progress, with a product; the body's supervisor is told.
    const s1 = await report(r.stpUser, recA, {
      state: 'in_progress',
      result: 'Đã rà soát 80/120 văn bản.',
      products: [{ description: 'Danh mục văn bản đã rà soát', number: '12/BC-STP', date: '2026-11-25' }],
    });
    expect(s1.status, s1.text).toBe(200);
    expect(s1.body.status).toBe('submitted');
    const bell = (await supervisor.get<NotificationList>('/api/notifications')).body.items;
    const told = bell.filter((n) => n.title === 'Sở Tư pháp báo cáo khắc phục kiến nghị');
    expect(told.map((n) => n.link)).toEqual([`/kien-nghi/${recA}`]);
    expect(told[0]!.body).toContain('đang thực hiện');
    // Nothing more while it waits; nobody but the body decides.
    refused(
      await report(r.stpUser, recA, { state: 'done', result: 'x' }),
      409,
      'RECOMMENDATION_AWAITING_DECISION',
    );
    refused(await decide(otherSupervisor, recA, { decision: 'accept' }), 403, 'FORBIDDEN_BODY_SCOPE');
    refused(await decide(r.monitor, recA, { decision: 'accept' }), 403, 'FORBIDDEN_ROLE');
    refused(await decide(leader, recA, { decision: 'accept' }), 403, 'FORBIDDEN_ROLE');
    refused(await decide(r.stpUser, recA, { decision: 'accept' }), 403, 'FORBIDDEN_ROLE');
    refused(
      await decide(supervisor, recA, { decision: 'return' }),
      400,
      'REMEDIATION_RETURN_COMMENT_REQUIRED',
    );
    refused(
      await decide(supervisor, recA, { decision: 'return', comment: '  ' }),
      400,
      'REMEDIATION_RETURN_COMMENT_REQUIRED',
    );
    refused(
      await supervisor.post(`/api/recommendations/${recA}/decision`, { version: 1, decision: 'accept' }),
      409,
      'VERSION_CONFLICT',
    );
    expect((await detail(supervisor, recA)).can).toEqual({ report: false, decide: true });

    // 2. Accepting an in-progress report records it and keeps the recommendation open.
    const a1 = await decide(supervisor, recA, { decision: 'accept' });
    expect(a1.status, a1.text).toBe(200);
    expect(a1.body.status).toBe('open');
    /** Sở Tư pháp's notifications about recommendations: title — body. */
    const stpBell = async () =>
      (await r.stpUser.get<NotificationList>('/api/notifications')).body.items
        .filter((n) => n.link === `/kien-nghi/${recA}`)
        .map((n) => `${n.title} — ${n.body}`)
        .sort();
    expect(await stpBell()).toEqual([
      expect.stringMatching(/^Kết quả khắc phục kiến nghị được chấp nhận — .*tiếp tục thực hiện/),
    ]);

    // 3. Done, returned with a comment.
    expect(
      (await report(r.stpUser, recA, { state: 'done', result: 'Đã rà soát 120/120 văn bản.' })).status,
    ).toBe(200);
    const ret = await decide(supervisor, recA, {
      decision: 'return',
      comment: 'Bổ sung quyết định công bố kết quả.',
    });
    expect(ret.status, ret.text).toBe(200);
    expect(ret.body.status).toBe('returned');
    expect(await stpBell()).toHaveLength(2);
    expect((await stpBell()).find((x) => x.startsWith('Báo cáo khắc phục kiến nghị bị trả lại'))).toContain(
      'Ý kiến: Bổ sung quyết định công bố kết quả.',
    );

    // 4. Done again, with evidence the unit uploaded; accepted: closed.
    const up = await r.stpUser.request(
      'POST',
      `/api/reports/${r.obligationOf(stp)}/files?filename=quyet-dinh.pdf`,
      undefined,
      { raw: PDF_BYTES, contentType: 'application/octet-stream' },
    );
    expect(up.status, up.text).toBe(201);
    const sha = (up.body as { sha256: string }).sha256;
    refused(
      await report(r.snvUser, recB, { state: 'done', result: 'x', files: [{ sha256: sha }] }),
      400,
      'FILE_NOT_UPLOADED_BY_UNIT',
    );
    refused(
      await report(r.stpUser, recA, { state: 'done', result: 'x', files: [{ sha256: 'a'.repeat(64) }] }),
      404,
      'FILE_NOT_FOUND',
    );
    const s3 = await report(r.stpUser, recA, {
      state: 'done',
      result: 'Đã rà soát 120/120 văn bản; đã ban hành quyết định công bố.',
      products: [
        {
          description: 'Quyết định công bố kết quả rà soát',
          number: '45/QĐ-STP',
          link: 'https://stp.hanoi.gov.vn/qd45',
        },
      ],
      files: [{ sha256: sha }],
    });
    expect(s3.status, s3.text).toBe(200);
    const closed = await decide(supervisor, recA, { decision: 'accept' });
    expect(closed.body.status).toBe('closed');
    expect(await stpBell()).toHaveLength(3);
    expect((await stpBell()).filter((x) => x.includes('kiến nghị đã hoàn thành'))).toHaveLength(1);

    // The history, newest first, with who and what.
    const d = await detail(r.stpUser, recA);
    expect(d.recommendation.status).toBe('closed');
    expect(d.recommendation.closedAt).toBe('2026-11-27T03:00:00.000Z');
    expect(d.recommendation.overdue).toBe(false);
    expect(d.can).toEqual({ report: false, decide: false });
    expect(d.reports.map((x) => [x.seq, x.state, x.decision, x.decisionComment])).toEqual([
      [3, 'done', 'accepted', null],
      [2, 'done', 'returned', 'Bổ sung quyết định công bố kết quả.'],
      [1, 'in_progress', 'accepted', null],
    ]);
    expect(d.reports[0]!.files).toEqual([
      { sha256: sha, name: 'quyet-dinh.pdf', size: PDF_BYTES.length, mimeType: 'application/pdf' },
    ]);
    expect(d.reports[0]!.products).toEqual([
      {
        description: 'Quyết định công bố kết quả rà soát',
        number: '45/QĐ-STP',
        date: null,
        link: 'https://stp.hanoi.gov.vn/qd45',
      },
    ]);
    expect(d.reports[2]!.products[0]).toMatchObject({ number: '12/BC-STP', date: '2026-11-25' });
    expect(d.reports[0]!.submittedByName).toMatch(/^Người thử unit/);
    expect(d.reports[0]!.decidedByName).toMatch(/^Người thử supervisor/);

    // 5. A closed one takes no report.
    refused(await report(r.stpUser, recA, { state: 'done', result: 'x' }), 409, 'RECOMMENDATION_CLOSED');
    refused(await decide(supervisor, recA, { decision: 'accept' }), 409, 'REMEDIATION_NOTHING_TO_DECIDE');

    const after = await auditActionCounts(t, 'recommendation.');
    const delta = (k: string) => (after[k] ?? 0) - (before[k] ?? 0);
    expect([
      delta('recommendation.report_remediation'),
      delta('recommendation.accept'),
      delta('recommendation.return'),
    ]).toEqual([3, 2, 1]);
    // An admin may act for either side.
    const byAdmin = await report(admin, recC, { state: 'in_progress', result: 'Đang dự thảo quy chế.' });
    expect(byAdmin.status, byAdmin.text).toBe(200);
    expect(
      (await decide(admin, recC, { decision: 'return', comment: 'Nêu rõ thời hạn ban hành.' })).body.status,
    ).toBe('returned');
    expect((await list(r.stpUser, '?status=returned')).items.map((x) => x.id)).toEqual([recC]);
  });

  it('shows the program’s recommendations on the dashboard and in the consolidated report', async () => {
    // recA closed, recB open and overdue, recC returned.
    const dash = await r.monitor.get<Dashboard>(`/api/periods/${r.periodId}/dashboard`);
    expect(dash.status, dash.text).toBe(200);
    expect(dash.body.recommendations).toEqual({ open: 2, overdue: 1, submitted: 0, closed: 1 });
    const url = `/api/periods/${r.periodId}/consolidation`;
    const g = await r.monitor.post<Consolidation>(url);
    expect(g.status, g.text).toBe(200);
    const s = g.body.sections[1]!;
    expect(s.heading).toBe('II. CÔNG TÁC KIỂM TRA, GIÁM SÁT');
    expect(s.blocks.map((b) => b.text)).toEqual([
      // Held in the period: two plans (the draft plan and the 2025 one are not); the findings of
      // issued conclusions only: 3 + 1 of the first (the second's conclusion is a draft).
      'Trong kỳ, có 2 cuộc kiểm tra, giám sát việc thực hiện chương trình (2 đang thực hiện, 0 đã kết thúc); các kết luận đã ban hành nêu 4 hạn chế, thiếu sót.',
      'Ủy ban Kiểm tra Thành ủy: Kiểm tra việc thực hiện Chương trình hành động năm 2026 (01/09/2026 – 15/10/2026, đang thực hiện).',
      'Ủy ban Kiểm tra Thành ủy: Giám sát chuyên đề công tác pháp chế (01/11/2026 – 30/11/2026, đang thực hiện).',
      'Về thực hiện kiến nghị sau kiểm tra, giám sát: có 3 kiến nghị, trong đó 1 kiến nghị đã hoàn thành khắc phục, 2 kiến nghị chưa hoàn thành (1 kiến nghị đã quá hạn).',
      'Sở Nội vụ: 1 kiến nghị, đã hoàn thành 0, chưa hoàn thành 1 (quá hạn 1).',
      'Sở Tư pháp: 2 kiến nghị, đã hoàn thành 1, chưa hoàn thành 1.',
    ]);
    expect(g.body.sections.map((x) => x.heading.split('.')[0])).toEqual(['I', 'II', 'III', 'IV', 'V']);
    const res = await fetch(`${t.base}${url}.docx`, { headers: { cookie: r.monitor.cookie! } });
    expect(res.status).toBe(200);
    const paras = docxParagraphs(Buffer.from(await res.arrayBuffer()));
    expect(paras).toContain('II. CÔNG TÁC KIỂM TRA, GIÁM SÁT');
    expect(
      paras.some((p) => p.includes('có 3 kiến nghị, trong đó 1 kiến nghị đã hoàn thành khắc phục')),
    ).toBe(true);
    expect(paras.some((p) => p.includes('Sở Tư pháp: 2 kiến nghị, đã hoàn thành 1'))).toBe(true);
  });
});

describe.each(DB_KINDS)('reminders and escalation of recommendations on %s', (kind) => {
  let t: TestApp;
  let stpUser: Client & { userId: string };
  let snvUser: Client & { userId: string };
  let stpLeader: Client & { userId: string };
  let supervisor: Client & { userId: string };
  let otherSupervisor: Client & { userId: string };
  let recs: string[];
  const day = (iso: string) => new Date(`${iso}T02:00:00Z`); // 09:00 in Hà Nội, after the 08:00 send time

  const sent = async (recommendationId: string) =>
    (
      await t.deps.db
        .select()
        .from(reminders)
        .where(
          and(eq(reminders.recommendationId, recommendationId), like(reminders.kind, 'recommendation_%')),
        )
        .orderBy(reminders.dueAt)
    )
      .filter((x) => x.status !== 'pending')
      .map(
        (x) =>
          `${x.kind}:${x.offsetDays}:${x.status}:${(x.outcome as { reason?: string } | null)?.reason ?? ''}`,
      );
  const bell = async (userId: string) =>
    (await t.deps.db.select().from(notifications).where(eq(notifications.userId, userId))).map(
      (n) => n.title,
    );
  const step = async (c: Client, path: string, body: Record<string, unknown>) => {
    const id = path.split('/')[3]!;
    const [row] = await t.deps.db.select().from(recommendations).where(eq(recommendations.id, id));
    const res = await c.post(path, { version: row!.version, ...body });
    expect(res.status, res.text).toBe(200);
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const stp = (await findUnitByCode(t.deps.db, 'SO-TU-PHAP'))!.id;
    const snv = (await findUnitByCode(t.deps.db, 'SO-NOI-VU'))!.id;
    const ubkt = (await findUnitByCode(t.deps.db, 'UBKT-TU'))!.id;
    stpUser = await t.loginAs('unit', { unitCode: 'SO-TU-PHAP' });
    snvUser = await t.loginAs('unit', { unitCode: 'SO-NOI-VU' });
    stpLeader = await t.loginAs('leader', { unitCode: 'SO-TU-PHAP' });
    supervisor = await t.loginAs('supervisor', { unitCode: 'UBKT-TU' });
    otherSupervisor = await t.loginAs('supervisor', { unitCode: 'HDND' });
    const fx = await issuedConclusionFixture(t.deps.db, {
      bodyUnitId: ubkt,
      units: [stp, snv],
      recommendations: [
        { unitId: stp, dueDate: '2026-12-10', text: 'Khắc phục việc chậm ban hành kế hoạch.' },
        { unitId: snv, dueDate: '2026-12-10' },
        { unitId: stp, dueDate: '2026-12-10' },
      ],
    });
    recs = fx.recommendationIds;
  });
  afterAll(async () => t?.close());

  it('reminds before, on and after the deadline, escalates, and says nothing while submitted or once closed', async () => {
    const [r1, r2, r3] = recs as [string, string, string];
    // 7 days before: each responsible unit is reminded.
    t.deps.clock = () => day('2026-12-03');
    await sweepReminders(t.deps, day('2026-12-03'));
    for (const id of recs) expect(await sent(id)).toEqual(['recommendation_before:-7:sent:']);
    expect(await bell(stpUser.userId)).toEqual([
      'Nhắc hạn khắc phục kiến nghị',
      'Nhắc hạn khắc phục kiến nghị',
    ]);
    const [n] = await t.deps.db.select().from(notifications).where(eq(notifications.userId, snvUser.userId));
    expect(n!.body).toBe(
      'Kiến nghị "Khắc phục hạn chế số 2, báo cáo kết quả bằng văn bản." của Ủy ban Kiểm tra Thành ủy: còn 7 ngày đến hạn khắc phục (10/12/2026). Đề nghị Sở Nội vụ khắc phục và báo cáo kết quả.',
    );
    expect(n!.link).toBe(`/kien-nghi/${r2}`);

    // Sở Nội vụ reports (waiting); Sở Tư pháp's third is reported done and accepted (closed).
    t.deps.clock = () => day('2026-12-05');
    await step(snvUser, `/api/recommendations/${r2}/remediation`, {
      state: 'in_progress',
      result: 'Đang kiện toàn.',
    });
    await step(stpUser, `/api/recommendations/${r3}/remediation`, { state: 'done', result: 'Đã khắc phục.' });
    await step(supervisor, `/api/recommendations/${r3}/decision`, { decision: 'accept' });

    // On the day: only the first is reminded; the waiting and the closed ones are skipped, with why.
    t.deps.clock = () => day('2026-12-10');
    await sweepReminders(t.deps, day('2026-12-10'));
    expect(await sent(r1)).toEqual(['recommendation_before:-7:sent:', 'recommendation_day:0:sent:']);
    expect(await sent(r2)).toEqual([
      'recommendation_before:-7:sent:',
      'recommendation_day:0:skipped:Đơn vị đã báo cáo khắc phục, đang chờ xem xét',
    ]);
    expect(await sent(r3)).toEqual([
      'recommendation_before:-7:sent:',
      'recommendation_day:0:skipped:Kiến nghị đã hoàn thành',
    ]);

    // A week late after downtime: the latest late reminder (the older one superseded) and the
    // escalation to the unit's leader and the inspecting body's supervisors, not another body's.
    await sweepReminders(t.deps, day('2026-12-17'));
    const r1sent = await sent(r1);
    expect(r1sent.slice(2)).toEqual([
      'recommendation_late:3:skipped:Đã có lời nhắc mới hơn',
      'recommendation_late:6:sent:',
      'recommendation_escalation:7:sent:',
    ]);
    const esc = 'Đôn đốc: Sở Tư pháp chưa hoàn thành khắc phục kiến nghị';
    expect(await bell(stpLeader.userId)).toEqual([esc]);
    expect(await bell(supervisor.userId)).toContain(esc);
    expect(await bell(otherSupervisor.userId)).toEqual([]);
    expect((await bell(stpUser.userId)).filter((x) => x.startsWith('Đôn đốc'))).toEqual([]);
    // The waiting and the closed ones: what was planned before is skipped, nothing new is planned.
    expect((await sent(r2)).slice(2)).toEqual([
      'recommendation_late:3:skipped:Đơn vị đã báo cáo khắc phục, đang chờ xem xét',
      'recommendation_escalation:7:skipped:Đơn vị đã báo cáo khắc phục, đang chờ xem xét',
    ]);
    expect((await sent(r3)).slice(2)).toEqual([
      'recommendation_late:3:skipped:Kiến nghị đã hoàn thành',
      'recommendation_escalation:7:skipped:Kiến nghị đã hoàn thành',
    ]);
    const pending = await t.deps.db
      .select({ id: reminders.id })
      .from(reminders)
      .where(and(eq(reminders.status, 'pending'), like(reminders.kind, 'recommendation_%')));
    expect(pending).toHaveLength(1); // r1's next late reminder (9 days late)
  });
});
