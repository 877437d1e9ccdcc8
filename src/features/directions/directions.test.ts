/**
 * The leader's directions tracked to closure (issue 13 point 5), on PGlite and PostgreSQL: writing one
 * on each kind of target with its default units, the refusals (a non-leader, no due date, a past due
 * date, a program without units, a missing target), the list and its filters (a unit sees only what is
 * addressed to it), each unit's answer, return ("chưa đạt") and close with their refusals (another
 * unit, a unit closing, a stale version, a step out of order), the notifications and audit events, and
 * the reminders of the sweep (before, on, after the due date, the escalation, nothing once answered).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, isNotNull, sql } from 'drizzle-orm';
import { DB_KINDS } from '../../../test/support/db.js';
import { auditActionCounts, type Client, type TestApp } from '../../../test/support/app.js';
import { startReportingApp, submitAccepted, stpReportContent } from '../../../test/support/reporting.js';
import type { ReportingFixture } from '../../../test/support/reporting.js';
import type { Direction, DirectionList } from '../../contract/directions.js';
import type { NotificationList } from '../../contract/notifications.js';
import { reminders } from '../../db/schema.js';
import { ERRORS, type ErrorCode } from '../../errors.js';
import { sweepReminders } from '../../jobs/reminder-sweep.js';

const DAY = 86_400_000;

describe.each(DB_KINDS)('directions on %s', (kind) => {
  let t: TestApp;
  let f: ReportingFixture;
  let monitor: Client;
  let leader: Client & { userId: string };
  let stpLeader: Client & { userId: string };
  let stpUser: Client;
  let snvUser: Client;
  let obligationOf: (unitId: string) => string;
  let clock = new Date('2026-11-27T03:00:00Z');

  const refused = (r: { status: number; body: Record<string, unknown> }, status: number, code: ErrorCode) => {
    expect([r.status, r.body.code], JSON.stringify(r.body)).toEqual([status, code]);
    if (code !== 'VERSION_CONFLICT' && code !== 'VALIDATION_FAILED')
      expect(r.body.message).toBe(ERRORS[code].vi);
  };
  const write = (c: Client, body: Record<string, unknown>) => c.post<Direction>('/api/directions', body);
  const list = async (c: Client, q = '') => (await c.get<DirectionList>(`/api/directions${q}`)).body;
  const bell = async (c: Client, kind: string) =>
    (await c.get<NotificationList>('/api/notifications')).body.items.filter((n) => n.kind === kind);
  const step = (c: Client, id: string, name: string, body: Record<string, unknown>) =>
    c.post<Direction>(`/api/direction-units/${id}/${name}`, body);

  beforeAll(async () => {
    const r = await startReportingApp(kind);
    ({ t, f, monitor, stpUser, snvUser, obligationOf } = r);
    t.deps.clock = () => clock;
    leader = await t.loginAs('leader', { unitCode: 'TT-TU' });
    stpLeader = await t.loginAs('leader', { unitCode: 'SO-TU-PHAP' });
  });
  afterAll(async () => t?.close());

  it('is written by leaders only, with a due date from today when action is asked', async () => {
    const onTask = {
      targetType: 'task',
      targetId: f.a,
      text: 'Khẩn trương hoàn thành.',
      requiresAction: true,
    };
    const supervisor = await t.loginAs('supervisor', { unitCode: 'UBKT-TU' });
    const admin = await t.loginAs('admin');
    for (const c of [monitor, supervisor, admin, stpUser])
      refused(await write(c, { ...onTask, dueDate: '2026-12-31' }), 403, 'FORBIDDEN_ROLE');
    refused(await write(leader, onTask), 400, 'DIRECTION_DUE_REQUIRED');
    refused(await write(leader, { ...onTask, dueDate: null }), 400, 'DIRECTION_DUE_REQUIRED');
    refused(await write(leader, { ...onTask, dueDate: '2026-11-26' }), 400, 'DIRECTION_DUE_PAST');
    refused(
      await write(leader, { ...onTask, text: '   ', dueDate: '2026-12-31' }),
      400,
      'DIRECTION_TEXT_REQUIRED',
    );
    refused(
      await write(leader, { ...onTask, targetType: 'program', targetId: f.programId, dueDate: '2026-12-31' }),
      400,
      'DIRECTION_UNITS_REQUIRED',
    );
    refused(
      await write(leader, { ...onTask, targetId: f.programId, dueDate: '2026-12-31' }),
      404,
      'DIRECTION_TARGET_NOT_FOUND',
    );
    refused(
      await write(leader, { ...onTask, targetType: 'unit', targetId: f.programId, dueDate: '2026-12-31' }),
      404,
      'DIRECTION_TARGET_NOT_FOUND',
    );
    expect(await auditActionCounts(t, 'direction.')).toEqual({});

    // Today is allowed; the default unit of a task is its lead unit; the program comes from the task.
    const ok = await write(leader, { ...onTask, dueDate: '2026-11-27' });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body).toMatchObject({
      targetType: 'task',
      targetId: f.a,
      targetLink: `/nhiem-vu/${f.a}`,
      programId: f.programId,
      text: 'Khẩn trương hoàn thành.',
      requiresAction: true,
      dueDate: '2026-11-27',
      leaderId: leader.userId,
      overdue: false,
    });
    expect(ok.body.targetLabel).toBe('Nhiệm vụ I.1.1: Rà soát văn bản quy phạm pháp luật của Thành phố.');
    expect(ok.body.units.map((u) => [u.unitId, u.status, u.version])).toEqual([[f.stp, 'open', 1]]);

    // The lead unit's users are told; the other unit is not.
    const told = await bell(stpUser, 'direction.issued');
    expect(told).toHaveLength(1);
    expect(told[0]!.link).toBe(`/y-kien-chi-dao?id=${ok.body.id}`);
    expect(told[0]!.body).toContain('trước ngày 27/11/2026');
    expect(await bell(snvUser, 'direction.issued')).toHaveLength(0);
  });

  it('goes by default to the report’s unit, the obstacle’s unit, the unit itself; info only without action', async () => {
    await submitAccepted(stpUser, monitor, obligationOf(f.stp), stpReportContent(f, []));
    const onReport = await write(leader, {
      targetType: 'report',
      targetId: obligationOf(f.stp),
      text: 'Báo cáo cần nêu rõ sản phẩm.',
      requiresAction: false,
      dueDate: '2026-12-31',
    });
    expect(onReport.status, onReport.text).toBe(201);
    expect(onReport.body).toMatchObject({ programId: f.programId, dueDate: null, requiresAction: false });
    expect(onReport.body.units.map((u) => [u.unitId, u.status])).toEqual([[f.stp, 'info']]);
    expect(onReport.body.targetLabel).toBe('Báo cáo kỳ Năm 2026 — Sở Tư pháp');

    const obstacles = (
      await monitor.get<{ items: { id: string; unitId: string; version: number }[] }>(
        `/api/programs/${f.programId}/obstacles`,
      )
    ).body.items;
    const ob = obstacles.find((o) => o.unitId === f.stp)!;
    const onObstacle = await write(leader, {
      targetType: 'obstacle',
      targetId: ob.id,
      text: 'Sở Tài chính phối hợp bố trí kinh phí.',
      requiresAction: false,
    });
    expect(onObstacle.body.units.map((u) => u.unitId)).toEqual([f.stp]);
    // Once a handling unit is assigned, it is the default.
    const assigned = await monitor.patch(`/api/obstacles/${ob.id}`, {
      action: 'assign',
      version: ob.version,
      handlingUnitId: f.snv,
    });
    expect(assigned.status, assigned.text).toBe(200);
    const again = await write(leader, {
      targetType: 'obstacle',
      targetId: ob.id,
      text: 'Sở Nội vụ tham mưu tháo gỡ.',
      requiresAction: false,
    });
    expect(again.body.units.map((u) => u.unitId)).toEqual([f.snv]);
    expect(again.body.targetLink).toBe(`/bao-cao/${obligationOf(f.stp)}`);

    const onUnit = await write(leader, {
      targetType: 'unit',
      targetId: f.snv,
      text: 'Kiện toàn đội ngũ pháp chế.',
      requiresAction: false,
    });
    expect([onUnit.body.programId, onUnit.body.targetLabel, onUnit.body.targetLink]).toEqual([
      null,
      'Sở Nội vụ',
      `/don-vi/${f.snv}`,
    ]);
    expect(onUnit.body.units.map((u) => [u.unitId, u.status])).toEqual([[f.snv, 'info']]);
  });

  it('is followed per unit: answered, returned as not done, answered again, closed', async () => {
    clock = new Date('2026-11-28T03:00:00Z');
    const d = await write(leader, {
      targetType: 'program',
      targetId: f.programId,
      text: 'Các sở báo cáo kết quả rà soát trước khi tổng kết.',
      unitIds: [f.stp, f.snv],
      requiresAction: true,
      dueDate: '2026-12-10',
    });
    expect(d.status, d.text).toBe(201);
    const stpRow = d.body.units.find((u) => u.unitId === f.stp)!;
    const snvRow = d.body.units.find((u) => u.unitId === f.snv)!;
    expect([stpRow.status, snvRow.status]).toEqual(['open', 'open']);

    // Only the unit addressed answers its own row; a leader or monitor does not answer.
    const answer = { version: stpRow.version, answer: 'Đã rà soát 120 văn bản.' };
    refused(await step(snvUser, stpRow.id, 'answer', answer), 403, 'FORBIDDEN_UNIT_SCOPE');
    refused(await step(leader, stpRow.id, 'answer', answer), 403, 'FORBIDDEN_ROLE');
    refused(await step(monitor, stpRow.id, 'answer', answer), 403, 'FORBIDDEN_ROLE');
    refused(await step(stpUser, stpRow.id, 'answer', { ...answer, version: 7 }), 409, 'VERSION_CONFLICT');
    refused(
      await step(stpUser, stpRow.id, 'answer', { ...answer, answer: '  ' }),
      400,
      'DIRECTION_TEXT_REQUIRED',
    );
    refused(
      await step(stpUser, '00000000-0000-4000-8000-000000000000', 'answer', answer),
      404,
      'DIRECTION_NOT_FOUND',
    );
    // Nothing to close from the unit, nothing to return before an answer.
    refused(await step(stpUser, stpRow.id, 'close', { version: 1 }), 403, 'FORBIDDEN_ROLE');
    refused(
      await step(monitor, stpRow.id, 'return', { version: 1, comment: 'Chưa đạt.' }),
      409,
      'DIRECTION_INVALID_STEP',
    );
    // An info row has nothing to answer.
    const info = (await list(stpUser, '?status=info')).items[0]!.units.find((u) => u.unitId === f.stp)!;
    refused(
      await step(stpUser, info.id, 'answer', { version: info.version, answer: 'Đã biết.' }),
      409,
      'DIRECTION_INVALID_STEP',
    );

    clock = new Date('2026-11-30T03:00:00Z');
    const a1 = await step(stpUser, stpRow.id, 'answer', {
      ...answer,
      answer: ' Đã rà soát 120 văn bản. ',
      links: [{ label: 'Báo cáo số 15/BC-STP', url: 'https://stp.hanoi.gov.vn/bc-15' }],
    });
    expect(a1.status, a1.text).toBe(200);
    const r1 = a1.body.units.find((u) => u.unitId === f.stp)!;
    expect(r1).toMatchObject({
      status: 'answered',
      answer: 'Đã rà soát 120 văn bản.',
      answerLinks: [{ label: 'Báo cáo số 15/BC-STP', url: 'https://stp.hanoi.gov.vn/bc-15' }],
      answeredAt: '2026-11-30T03:00:00.000Z',
      version: 2,
    });
    expect(r1.answeredByName).toMatch(/^Người thử unit/);
    expect(a1.body.units.find((u) => u.unitId === f.snv)!.status).toBe('open');
    // The leader who wrote it and the program's monitor are told.
    for (const c of [leader, monitor]) {
      const n = await bell(c, 'direction.answered');
      expect(n).toHaveLength(1);
      expect(n[0]!.title).toBe('Sở Tư pháp đã trả lời ý kiến chỉ đạo');
    }
    expect(await bell(stpLeader, 'direction.answered')).toHaveLength(0);

    // Returned ("chưa đạt"), with a comment required.
    refused(await step(leader, stpRow.id, 'return', { version: 2 }), 400, 'VALIDATION_FAILED');
    refused(
      await step(leader, stpRow.id, 'return', { version: 2, comment: '  ' }),
      400,
      'DIRECTION_TEXT_REQUIRED',
    );
    refused(
      await step(leader, stpRow.id, 'return', { version: 1, comment: 'Chưa đạt.' }),
      409,
      'VERSION_CONFLICT',
    );
    const back = await step(leader, stpRow.id, 'return', { version: 2, comment: 'Chưa nêu kết quả xử lý.' });
    expect(back.status, back.text).toBe(200);
    expect(back.body.units.find((u) => u.unitId === f.stp)).toMatchObject({
      status: 'open',
      returnComment: 'Chưa nêu kết quả xử lý.',
      version: 3,
    });
    const returned = await bell(stpUser, 'direction.returned');
    expect(returned).toHaveLength(1);
    expect(returned[0]!.body).toContain('Chưa nêu kết quả xử lý.');

    const a2 = await step(stpUser, stpRow.id, 'answer', {
      version: 3,
      answer: 'Đã xử lý 12 văn bản, bãi bỏ 3 văn bản.',
    });
    expect(a2.status, a2.text).toBe(200);
    refused(await step(snvUser, stpRow.id, 'close', { version: 4 }), 403, 'FORBIDDEN_ROLE');
    const closed = await step(monitor, stpRow.id, 'close', { version: 4, comment: 'Đạt yêu cầu.' });
    expect(closed.status, closed.text).toBe(200);
    const done = closed.body.units.find((u) => u.unitId === f.stp)!;
    expect(done).toMatchObject({ status: 'closed', closeComment: 'Đạt yêu cầu.', version: 5 });
    expect(done.closedByName).toMatch(/^Người thử monitor/);
    expect(await bell(stpUser, 'direction.closed')).toHaveLength(1);
    refused(await step(leader, stpRow.id, 'close', { version: 5 }), 409, 'DIRECTION_INVALID_STEP');
    refused(
      await step(stpUser, stpRow.id, 'answer', { version: 5, answer: 'Bổ sung.' }),
      409,
      'DIRECTION_INVALID_STEP',
    );

    // Past the due date, Sở Nội vụ's follow-up is overdue.
    clock = new Date('2026-12-11T03:00:00Z');
    const overdue = await list(leader, '?overdue=true');
    // This one, and the first (on task a, due 27/11).
    expect(overdue.items.map((x) => x.targetType)).toEqual(['program', 'task']);
    expect(overdue.items[0]!.id).toBe(d.body.id);
    expect(overdue.items[0]!.units.map((u) => [u.unitId, u.overdue])).toEqual([
      [f.snv, true],
      [f.stp, false],
    ]);
    expect(overdue.items[0]!.overdue).toBe(true);

    expect(await auditActionCounts(t, 'direction.')).toMatchObject({
      'direction.answer': 2,
      'direction.return': 1,
      'direction.close': 1,
    });
  });

  it('lists what each one may see, with filters', async () => {
    const all = await list(monitor);
    expect(all.items).toHaveLength(6);
    // Newest first, with the leader's name and the program's title.
    expect(all.items[0]!.text).toBe('Các sở báo cáo kết quả rà soát trước khi tổng kết.');
    expect(all.items[0]!.leaderName).toMatch(/^Người thử leader/);
    expect(all.items[0]!.programTitle).toBeTruthy();
    expect(all.counts).toEqual({ info: 4, open: 2, answered: 0, closed: 1, overdue: 2 });

    // A unit sees only the directions addressed to it.
    const snv = await list(snvUser);
    expect(snv.items.map((x) => x.text).sort()).toEqual(
      [
        'Các sở báo cáo kết quả rà soát trước khi tổng kết.',
        'Kiện toàn đội ngũ pháp chế.',
        'Sở Nội vụ tham mưu tháo gỡ.',
      ].sort(),
    );
    expect((await list(stpUser)).items).toHaveLength(4);
    // Even when it asks for another unit.
    expect((await list(snvUser, `?unitId=${f.stp}&status=closed`)).items).toHaveLength(1);
    expect((await list(snvUser, `?targetType=task&targetId=${f.a}`)).items).toHaveLength(0);

    expect((await list(leader, `?targetType=task&targetId=${f.a}`)).items).toHaveLength(1);
    expect((await list(leader, '?status=open')).items).toHaveLength(2);
    expect((await list(leader, `?status=open&unitId=${f.stp}`)).items.map((x) => x.targetType)).toEqual([
      'task',
    ]);
    expect((await list(leader, `?unitId=${f.snv}`)).items).toHaveLength(3);
    expect((await list(leader, `?programId=${f.programId}`)).items).toHaveLength(5);
    expect((await list(leader, '?mine=true')).items).toHaveLength(6);
    expect((await list(stpLeader, '?mine=true')).items).toHaveLength(4);
    expect((await list(monitor, '?mine=true')).items).toHaveLength(0);
    expect((await t.client().get('/api/directions')).status).toBe(401);
  });

  it('reminds the unit before, on and after the due date, escalates, and stops once answered', async () => {
    clock = new Date('2026-12-01T03:00:00Z');
    const d = await write(leader, {
      targetType: 'task',
      targetId: f.c,
      text: 'Tổ chức thêm hội nghị tập huấn cho cấp xã.',
      unitIds: [f.stp, f.snv],
      requiresAction: true,
      dueDate: '2026-12-08',
    });
    expect(d.status, d.text).toBe(201);
    const row = (u: string) => d.body.units.find((x) => x.unitId === u)!;
    const snvAnswer = await step(snvUser, row(f.snv).id, 'answer', {
      version: 1,
      answer: 'Sở Nội vụ đã phối hợp.',
    });
    expect(snvAnswer.status, snvAnswer.text).toBe(200);

    const mine = async () =>
      (
        await t.deps.db
          .select()
          .from(reminders)
          .where(and(isNotNull(reminders.directionId), sql`${reminders.directionId} = ${d.body.id}`))
          .orderBy(asc(reminders.dueAt), asc(reminders.key))
      ).map((r) => ({
        key: r.key.replace(row(f.stp).id, 'STP').replace(row(f.snv).id, 'SNV'),
        kind: r.kind,
        status: r.status,
        reason: r.outcome && 'reason' in r.outcome ? r.outcome.reason : null,
        to: r.outcome && 'recipients' in r.outcome ? r.outcome.recipients.map((x) => x.name) : null,
      }));

    // 7 days before (01/12, 8:00): planned and sent for the unit still open only.
    await sweepReminders(t.deps, clock);
    let rs = await mine();
    expect(rs.filter((r) => r.key.startsWith('d:SNV'))).toEqual([]);
    expect(rs.filter((r) => r.status !== 'pending').map((r) => [r.key, r.kind, r.status, r.reason])).toEqual([
      ['d:STP:2026-12-08:-7', 'direction_before', 'sent', null],
    ]);
    const leaderName = await nameOf(leader);
    const first = (await stpUser.get<NotificationList>('/api/notifications')).body.items.find(
      (n) => n.title === `Nhắc hạn: ý kiến chỉ đạo của ${leaderName}`,
    );
    expect(first?.body).toContain('còn 7 ngày đến hạn (08/12/2026)');
    expect(first?.link).toBe(`/y-kien-chi-dao?id=${d.body.id}`);

    // 7 days late (15/12): the day's and the first late reminders are superseded by the latest; the
    // escalation goes to the unit's leaders and the leader who wrote it.
    clock = new Date(Date.parse('2026-12-15T03:00:00Z'));
    await sweepReminders(t.deps, clock);
    rs = (await mine()).filter((r) => r.key.startsWith('d:STP'));
    expect(rs.map((r) => [r.key.slice(17), r.status, r.reason])).toEqual([
      ['-7', 'sent', null],
      ['0', 'skipped', 'Đã có lời nhắc mới hơn'],
      ['3', 'skipped', 'Đã có lời nhắc mới hơn'],
      ['6', 'sent', null],
      ['esc', 'sent', null],
      ['9', 'pending', null],
    ]);
    const esc = rs.find((r) => r.key.endsWith(':esc'))!;
    expect(esc.kind).toBe('direction_escalation');
    expect([...esc.to!].sort()).toEqual([leaderName, await nameOf(stpLeader)].sort());
    const escalated = (await stpLeader.get<NotificationList>('/api/notifications')).body.items.filter(
      (n) => n.link === `/y-kien-chi-dao?id=${d.body.id}`,
    );
    expect(escalated).toHaveLength(1);
    expect(escalated[0]!.title).toBe('Đôn đốc: Sở Tư pháp chưa trả lời ý kiến chỉ đạo');
    expect(escalated[0]!.body).toContain('đã quá hạn 7 ngày (hạn 08/12/2026)');

    // Answered: the next late reminder is not sent.
    const cur = (await list(stpUser, `?targetType=task&targetId=${f.c}`)).items[0]!.units.find(
      (u) => u.unitId === f.stp,
    )!;
    expect(
      (await step(stpUser, cur.id, 'answer', { version: cur.version, answer: 'Đã tổ chức.' })).status,
    ).toBe(200);
    clock = new Date(Date.parse('2026-12-15T03:00:00Z') + 2 * DAY);
    await sweepReminders(t.deps, clock);
    rs = (await mine()).filter((r) => r.key.startsWith('d:STP'));
    expect(rs.find((r) => r.key.endsWith(':9'))).toMatchObject({
      status: 'skipped',
      reason: 'Đơn vị đã trả lời ý kiến chỉ đạo',
    });
    expect(rs.filter((r) => r.status === 'pending')).toEqual([]);
  });
});

/** The signed-in user's full name. */
async function nameOf(c: Client): Promise<string> {
  return (await c.get<{ user: { fullName: string } }>('/api/auth/me')).body.user.fullName;
}
