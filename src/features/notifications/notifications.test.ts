/**
 * Event notifications produced by the real API actions — a task assigned or its assignment changed,
 * a period opened, a report submitted, returned with comments, resubmitted and accepted, an
 * obstacle assigned, answered and closed — reach the right users (not the actor, not another unit),
 * each with the link to its thing; e-mails are queued in the outbox only for users with an address
 * and the kind's e-mail on. The approval step does not exist yet: its kind is produced by calling
 * notify() inside a real transaction, as that step will.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DB_KINDS } from '../../../test/support/db.js';
import { startTestApp, type ApiResponse, type Client, type TestApp } from '../../../test/support/app.js';
import {
  openAnnualPeriod,
  reportingProgram,
  stpReportContent,
  type ReportingFixture,
} from '../../../test/support/reporting.js';
import { rows } from '../../db/connection.js';
import { findUnitByCode } from '../../db/queries/units.js';
import type { NotificationList, NotificationPreferences } from '../../contract/notifications.js';
import type { TaskDetail } from '../../contract/tasks.js';
import type { TaskView } from '../../domain/plan/assignment.js';
import { NOTIFICATION_KINDS } from '../../domain/notification-kinds.js';
import { mutate } from '../audit/audit-writer.js';
import { notify } from './events.js';

type User = Client & { userId: string };

describe.each(DB_KINDS)('event notifications on %s', (kind) => {
  let t: TestApp;
  let monitor: User;
  /** Sở Tư pháp: one user with an address, one who turns the "returned" e-mail off, one without an address. */
  let stp: User;
  let stpQuiet: User;
  let stpNoMail: User;
  let snv: User;
  let f: ReportingFixture;
  let stpOb: string;
  let snvOb: string;

  const bell = async (c: Client) => (await c.get<NotificationList>('/api/notifications')).body;
  /** The kinds of a user's notifications, oldest first. */
  const kinds = async (c: Client) => (await bell(c)).items.map((n) => n.kind).reverse();
  /** The newest notification of a kind. */
  const latest = async (c: Client, k: string) => (await bell(c)).items.find((n) => n.kind === k);
  /** The response, after checking it is a 200 (the body tells why not). */
  const ok = async <T>(p: Promise<ApiResponse<T>>) => {
    const r = await p;
    expect(r.status, r.text).toBe(200);
    return r;
  };
  const outbox = (subject: string) =>
    rows<{ to: string }>(
      t.deps.db,
      sql`select "to" from email_outbox where subject = ${subject} order by "to"`,
    );

  beforeAll(async () => {
    t = await startTestApp(kind);
    const clock = new Date('2026-11-27T03:00:00Z');
    t.deps.clock = () => clock;
    monitor = await t.loginAs('monitor', { unitCode: 'BNC-TU', email: 'theodoi@example.vn' });
    stp = await t.loginAs('unit', { unitCode: 'SO-TU-PHAP', email: 'stp@example.vn' });
    stpQuiet = await t.loginAs('unit', { unitCode: 'SO-TU-PHAP', email: 'stp.im@example.vn' });
    stpNoMail = await t.loginAs('unit', { unitCode: 'SO-TU-PHAP' });
    snv = await t.loginAs('unit', { unitCode: 'SO-NOI-VU', email: 'snv@example.vn' });
    f = await reportingProgram(t, monitor);
  });
  afterAll(async () => t?.close());

  it('says nothing while a program is being assigned, before "Triển khai"', async () => {
    expect(await kinds(stp)).toEqual([]);
    expect(await kinds(snv)).toEqual([]);
  });

  it('tells each unit that must report when a period opens, with the link to its own report', async () => {
    const p = await openAnnualPeriod(monitor, f, { dueDate: '2026-12-15' });
    stpOb = p.obligationOf(f.stp);
    snvOb = p.obligationOf(f.snv);
    for (const u of [stp, stpQuiet, stpNoMail]) expect(await kinds(u)).toEqual(['period.opened']);
    const n = (await latest(stp, 'period.opened'))!;
    expect(n.title).toBe('Mở kỳ báo cáo Năm 2026');
    expect(n.body).toContain('Đề nghị Sở Tư pháp báo cáo tình hình thực hiện 2 nhiệm vụ');
    expect(n.body).toContain('hạn gửi 15/12/2026');
    expect(n.link).toBe(`/bao-cao/${stpOb}`);
    expect((await latest(snv, 'period.opened'))!.link).toBe(`/bao-cao/${snvOb}`);
    expect(await kinds(monitor)).toEqual([]);
    // E-mail to those with an address; the unit without an address only sees the bell.
    expect((await outbox('Mở kỳ báo cáo Năm 2026')).map((r) => r.to)).toEqual([
      'snv@example.vn',
      'stp.im@example.vn',
      'stp@example.vn',
    ]);
  });

  it('tells a unit a task was assigned to it, and the unit it already had that its assignment changed', async () => {
    const { task } = (await monitor.get<TaskDetail>(`/api/tasks/${f.b}`)).body;
    const r = await monitor.request('PUT', `/api/tasks/${f.b}/assignment`, {
      version: task.version,
      leadUnitId: f.snv,
      cooperatingUnitIds: [f.stp],
      focal: null,
      deadline: task.deadline,
      products: [],
    });
    expect(r.status, r.text).toBe(200);
    const assigned = (await latest(stp, 'task.assigned'))!;
    expect(assigned.title).toMatch(/^Được giao nhiệm vụ /);
    expect(assigned.body).toContain('Sở Tư pháp được giao phối hợp thực hiện nhiệm vụ');
    expect(assigned.link).toBe(`/nhiem-vu/${f.b}`);
    const changed = (await latest(snv, 'task.assignment_changed'))!;
    expect(changed.body).toContain('(Sở Nội vụ chủ trì) đã được điều chỉnh');
    expect(changed.link).toBe(`/nhiem-vu/${f.b}`);
    expect(await latest(snv, 'task.assigned')).toBeUndefined();
    expect(await latest(stp, 'task.assignment_changed')).toBeUndefined();
    expect(await kinds(monitor)).toEqual([]);
  });

  it('tells the units of every task a bulk edit changed, one notification per task', async () => {
    const count = async (c: Client) =>
      (await bell(c)).items.filter((n) => n.kind === 'task.assignment_changed').length;
    const [stpBefore, snvBefore] = [await count(stp), await count(snv)];
    const { items } = (await monitor.get<{ items: TaskView[] }>(`/api/programs/${f.programId}/tasks`)).body;
    const pick = items.filter((x) => x.nodeId === f.a || x.nodeId === f.c);
    const r = await monitor.post(`/api/programs/${f.programId}/assignments/bulk`, {
      tasks: pick.map((x) => ({ nodeId: x.nodeId, version: x.version })),
      deadline: { kind: 'date', date: '2026-12-20' },
      reason: 'Điều chỉnh thời hạn theo chỉ đạo của Thường trực Thành ủy.',
    });
    expect(r.status, r.text).toBe(200);
    // Sở Tư pháp leads a and c; Sở Nội vụ cooperates on a only.
    expect(await count(stp)).toBe(stpBefore + 2);
    expect(await count(snv)).toBe(snvBefore + 1);
    expect((await latest(stp, 'task.assignment_changed'))!.body).toContain(
      'Điều chỉnh thời hạn theo chỉ đạo',
    );
    expect(await kinds(monitor)).toEqual([]);
  });

  it('keeps each user’s e-mail choice per kind, on by default', async () => {
    const def = (await stpQuiet.get<NotificationPreferences>('/api/notifications/preferences')).body;
    expect(def.items.map((x) => x.kind)).toEqual([...NOTIFICATION_KINDS]);
    expect(def.items.every((x) => x.email)).toBe(true);
    const put = await stpQuiet.request<NotificationPreferences>('PUT', '/api/notifications/preferences', {
      items: [{ kind: 'report.returned', email: false }],
    });
    expect(put.status).toBe(200);
    expect(put.body.items.filter((x) => !x.email).map((x) => x.kind)).toEqual(['report.returned']);
    // Another user's choices are their own.
    const other = (await stp.get<NotificationPreferences>('/api/notifications/preferences')).body;
    expect(other.items.every((x) => x.email)).toBe(true);
    // An unknown kind is refused with the stable code.
    const bad = await stpQuiet.request('PUT', '/api/notifications/preferences', {
      items: [{ kind: 'report.lost', email: false }],
    });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('tells the monitor of a submission, and the unit of the return with the reviewer’s comments', async () => {
    const rep = (await stp.get<{ version: number }>(`/api/reports/${stpOb}`)).body;
    const content = stpReportContent(f, [
      { description: 'Kế hoạch tập huấn', number: '45/KH-STP', date: '2026-03-02', link: null },
    ]);
    await ok(stp.request('PUT', `/api/reports/${stpOb}/draft`, { version: rep.version, content }));
    await ok(stp.post(`/api/reports/${stpOb}/submit`, { idempotencyKey: 'thong-bao-1' }));
    const sub = (await latest(monitor, 'report.submitted'))!;
    expect(sub.title).toBe('Sở Tư pháp đã nộp báo cáo kỳ Năm 2026');
    expect(sub.link).toBe(`/bao-cao/${stpOb}`);
    expect(await latest(stp, 'report.submitted')).toBeUndefined();
    expect((await outbox(sub.title)).map((r) => r.to)).toEqual(['theodoi@example.vn']);

    const ret = await monitor.post(`/api/reports/${stpOb}/review`, {
      decision: 'return',
      comment: 'Đề nghị bổ sung số liệu kinh phí.',
      taskComments: { [f.a]: 'Nêu rõ số văn bản đã rà soát theo lĩnh vực.' },
    });
    expect(ret.status).toBe(200);
    for (const u of [stp, stpQuiet, stpNoMail]) {
      const n = (await latest(u, 'report.returned'))!;
      expect(n.title).toBe('Báo cáo kỳ Năm 2026 bị trả lại');
      expect(n.body).toContain('Ý kiến: Đề nghị bổ sung số liệu kinh phí.');
      expect(n.body).toMatch(/Nhiệm vụ I\.1\.1: Nêu rõ số văn bản đã rà soát theo lĩnh vực\./);
      expect(n.link).toBe(`/bao-cao/${stpOb}`);
    }
    expect(await latest(snv, 'report.returned')).toBeUndefined();
    expect(await latest(monitor, 'report.returned')).toBeUndefined();
    // The user who turned this kind's e-mail off still has the bell, but no e-mail.
    expect((await outbox('Báo cáo kỳ Năm 2026 bị trả lại')).map((r) => r.to)).toEqual(['stp@example.vn']);
  });

  it('tells the monitor of the resubmission, and the unit of the acceptance', async () => {
    const rep = (await stp.get<{ version: number }>(`/api/reports/${stpOb}`)).body;
    expect(rep.version).toBeGreaterThan(0);
    await ok(stp.post(`/api/reports/${stpOb}/submit`, { idempotencyKey: 'thong-bao-2' }));
    const re = (await latest(monitor, 'report.resubmitted'))!;
    expect(re.title).toBe('Sở Tư pháp đã nộp lại báo cáo kỳ Năm 2026');
    expect(re.body).toContain('lần 2');
    await ok(monitor.post(`/api/reports/${stpOb}/review`, { decision: 'accept' }));
    const acc = (await latest(stp, 'report.accepted'))!;
    expect(acc.title).toBe('Báo cáo kỳ Năm 2026 đã được tiếp nhận');
    expect(acc.link).toBe(`/bao-cao/${stpOb}`);
    expect(await latest(snv, 'report.accepted')).toBeUndefined();
    expect((await outbox(acc.title)).map((r) => r.to)).toEqual(['stp.im@example.vn', 'stp@example.vn']);
  });

  it('tells the unit that raised an obstacle when it is assigned, answered and closed', async () => {
    const reg = (
      await monitor.get<{ items: { id: string; kind: string; version: number; unitId: string }[] }>(
        `/api/programs/${f.programId}/obstacles`,
      )
    ).body.items;
    const o = reg.find((x) => x.kind === 'obstacle' && x.unitId === f.stp)!;
    const sct = (await findUnitByCode(t.deps.db, 'SO-TAI-CHINH'))?.id ?? f.snv;
    const step = async (body: Record<string, unknown>, version: number) => {
      const r = await monitor.patch<{ version: number }>(`/api/obstacles/${o.id}`, { ...body, version });
      expect(r.status).toBe(200);
      return r.body.version;
    };
    let v = await step({ action: 'assign', handlingUnitId: sct }, o.version);
    const assigned = (await latest(stp, 'obstacle.assigned'))!;
    expect(assigned.title).toBe('Khó khăn, vướng mắc đã được giao xử lý');
    expect(assigned.body).toContain(
      '"Thiếu kinh phí thuê chuyên gia." (báo cáo kỳ Năm 2026) đã được giao cho',
    );
    expect(assigned.link).toBe(`/bao-cao/${stpOb}`);
    v = await step({ action: 'answer', answer: 'Sở Tài chính bố trí kinh phí trong quý I/2027.' }, v);
    expect((await latest(stp, 'obstacle.answered'))!.body).toContain(
      'đã được trả lời: Sở Tài chính bố trí kinh phí trong quý I/2027.',
    );
    v = await step({ action: 'close' }, v);
    expect((await latest(stp, 'obstacle.closed'))!.title).toBe('Khó khăn, vướng mắc đã được đóng');
    // Reopening tells nobody; other units and the monitor heard nothing of it.
    const before = (await bell(stp)).items.length;
    await step({ action: 'reopen' }, v);
    expect((await bell(stp)).items.length).toBe(before);
    for (const u of [snv, monitor])
      expect((await kinds(u)).filter((k) => k?.startsWith('obstacle.'))).toEqual([]);
  });

  it('tells the leaders a consolidated report awaits approval, never the leader who sends it', async () => {
    const l1 = await t.loginAs('leader');
    const l2 = await t.loginAs('leader', { email: 'lanhdao@example.vn' });
    const [p] = await rows<{ id: string }>(t.deps.db, sql`select id from reporting_periods limit 1`);
    const ctx = {
      actor: {
        kind: 'user' as const,
        id: l1.userId,
        username: 'l1',
        fullName: 'Lãnh đạo 1',
        role: 'leader' as const,
        unitId: null,
        mustChangePassword: false,
      },
      requestId: null,
      ip: null,
    };
    await mutate(t.deps.db, ctx, async (tx, audit) => {
      await notify(tx, t.deps, ctx, { kind: 'consolidation.awaiting_approval', periodId: p!.id });
      audit.nothingChanged();
    });
    const n = (await latest(l2, 'consolidation.awaiting_approval'))!;
    expect(n.title).toBe('Báo cáo tổng hợp kỳ Năm 2026 chờ phê duyệt');
    expect(n.link).toBe(`/ky-bao-cao/${p!.id}?xem=tong-hop`);
    expect(await kinds(l1)).toEqual([]);
    expect(await kinds(stp)).not.toContain('consolidation.awaiting_approval');
    expect((await outbox(n.title)).map((r) => r.to)).toEqual(['lanhdao@example.vn']);
  });
});
