/**
 * The reminder sweep on its own: after downtime only the latest due reminder goes out, reminders
 * planned for an old due date or a closed period are skipped with the reason (and never supersede
 * one planned for the new date, of a period or of a task), what reaches people
 * (notification, e-mail) is the wording of reminder-text.ts, and the loop keeps one sweep at a time.
 * The month-long run with two instances is in src/features/reminders/reminders.test.ts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { DB_KINDS } from '../../test/support/db.js';
import { startTestApp, type Client, type TestApp } from '../../test/support/app.js';
import { openAnnualPeriod, reportingProgram, type ReportingFixture } from '../../test/support/reporting.js';
import { rows, type Db } from '../db/connection.js';
import type { ReminderOutcome } from '../db/schema.js';
import { systemCtx } from '../features/context.js';
import type { Deps } from '../features/deps.js';
import { createUser } from '../features/users/users.service.js';
import { startReminderLoop, sweepReminders } from './reminder-sweep.js';

const day = (iso: string) => new Date(`${iso}T02:00:00Z`); // 09:00 in Hà Nội, after the 08:00 send time

interface Row {
  id: string;
  kind: string;
  offset_days: number;
  status: string;
  outcome: ReminderOutcome | null;
}

describe.each(DB_KINDS)('reminder sweep on %s', (kind) => {
  let t: TestApp;
  let monitor: Client;
  let f: ReportingFixture;
  let periodId: string;
  let version: number;
  let snvUser: string;

  /** The reminders of Sở Nội vụ's obligation in the period, oldest first. */
  const snvReminders = () =>
    rows<Row>(
      t.deps.db,
      sql`select r.id, r.kind, r.offset_days, r.status, r.outcome from reminders r
          where r.period_id = ${periodId} and r.unit_id = ${f.snv} order by r.due_at, r.kind`,
    );
  const brief = (list: Row[]) => list.map((r) => `${r.kind}:${r.offset_days}:${r.status}`);
  /** Reminders matching `where` with their keys, oldest first; `byDueDate` shows the due date they were planned for. */
  const remindersOf = (where: SQL) =>
    rows<Row & { key: string }>(
      t.deps.db,
      sql`select id, key, kind, offset_days, status, outcome from reminders where ${where} order by due_at, kind`,
    );
  const byDueDate = (list: (Row & { key: string })[]) =>
    list.map((r) => `${r.key.split(':')[2]}:${r.kind}:${r.offset_days}:${r.status}`);

  beforeAll(async () => {
    t = await startTestApp(kind);
    monitor = await t.loginAs('monitor', { unitCode: 'BNC-TU' });
    f = await reportingProgram(t, monitor);
    snvUser = (
      await createUser(t.deps, systemCtx('test'), {
        username: 'quet-snv',
        fullName: 'Cán bộ Sở Nội vụ',
        role: 'unit',
        unitId: f.snv,
        email: 'quet.snv@example.vn',
        password: 'matkhau-thu-nghiem-2026',
      })
    ).user.id;
    ({ periodId } = await openAnnualPeriod(monitor, f, {
      dueDate: '2026-12-16',
      schedule: { before: [7, 3], onDay: true, everyDaysLate: 3, escalateAfterDaysLate: 7 },
    }));
    version = 1;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('after downtime sends only the latest due reminder and skips the earlier one as superseded', async () => {
    await sweepReminders(t.deps, day('2026-12-12'));
    expect(brief(await snvReminders())).toEqual([
      'period_before:-7:sent',
      'period_before:-3:pending',
      'period_day:0:pending',
      'period_late:3:pending',
      'period_escalation:7:pending',
    ]);
    // Nobody sweeps on 13–16 December.
    await sweepReminders(t.deps, day('2026-12-17'));
    const list = await snvReminders();
    expect(brief(list).slice(0, 3)).toEqual([
      'period_before:-7:sent',
      'period_before:-3:skipped',
      'period_day:0:sent',
    ]);
    expect(list[1]!.outcome).toEqual({ reason: 'Đã có lời nhắc mới hơn', supersededBy: list[2]!.id });
    expect(list[2]!.outcome).toEqual({
      title: 'Nhắc hạn: báo cáo kỳ Năm 2026',
      recipients: [{ userId: snvUser, name: 'Cán bộ Sở Nội vụ' }],
      emails: ['quet.snv@example.vn'],
    });

    // What the unit received: the wording of the day it was sent (one day late by then).
    const [ob] = await rows<{ id: string; n: number }>(
      t.deps.db,
      sql`select id, jsonb_array_length(tasks)::int as n from report_obligations
          where period_id = ${periodId} and unit_id = ${f.snv}`,
    );
    const got = await rows<{ title: string; body: string; link: string }>(
      t.deps.db,
      sql`select title, body, link from notifications where user_id = ${snvUser} and link like '/bao-cao/%'
          and reminder_id is not null order by created_at`,
    );
    const body = (when: string) =>
      `Đề nghị Sở Nội vụ hoàn thành và gửi báo cáo kỳ Năm 2026: ${when}. Báo cáo gồm tình hình thực hiện ${ob!.n} nhiệm vụ đơn vị chủ trì, phối hợp.`;
    expect(got).toEqual([
      {
        title: 'Nhắc hạn: báo cáo kỳ Năm 2026',
        body: body('còn 4 ngày đến hạn gửi (16/12/2026)'),
        link: `/bao-cao/${ob!.id}`,
      },
      {
        title: 'Nhắc hạn: báo cáo kỳ Năm 2026',
        body: body('đã quá hạn gửi 1 ngày (hạn 16/12/2026)'),
        link: `/bao-cao/${ob!.id}`,
      },
    ]);
    // No mailer here: the e-mails wait in the outbox, with the same words and the link.
    const mail = await rows<{ subject: string; body: string }>(
      t.deps.db,
      sql`select subject, body from email_outbox where "to" = 'quet.snv@example.vn' and body like '%/bao-cao/%'
          and reminder_id is not null order by created_at`,
    );
    expect(mail).toEqual(
      got.map((n) => ({
        subject: n.title,
        body: `${n.body}\n\nXem chi tiết trong hệ thống thucthi: ${n.link}\n\n(Thư gửi tự động, vui lòng không trả lời.)`,
      })),
    );
  });

  it('skips reminders planned for a due date that has since changed', async () => {
    const r = await monitor.patch<{ version: number }>(`/api/periods/${periodId}`, {
      version,
      dueDate: '2026-12-28',
    });
    expect(r.status).toBe(200);
    version = r.body.version;
    await sweepReminders(t.deps, day('2026-12-19'));
    const late3 = (await snvReminders()).find((x) => x.kind === 'period_late' && x.offset_days === 3)!;
    expect(late3).toMatchObject({ status: 'skipped', outcome: { reason: 'Hạn gửi đã thay đổi' } });
    // The new due date has its own reminders, not yet due.
    const next = await rows<{ kind: string; offset_days: number }>(
      t.deps.db,
      sql`select kind, offset_days from reminders where period_id = ${periodId} and unit_id = ${f.snv}
          and key like ${'%:2026-12-28:%'} and status = 'pending' order by due_at`,
    );
    expect(next.map((x) => `${x.kind}:${x.offset_days}`)).toEqual([
      'period_before:-7',
      'period_before:-3',
      'period_day:0',
      'period_late:3',
      'period_escalation:7',
    ]);
  });

  it('skips the reminders of a closed period', async () => {
    const r = await monitor.patch(`/api/periods/${periodId}`, { version, status: 'closed' });
    expect(r.status).toBe(200);
    await sweepReminders(t.deps, day('2026-12-21'));
    const before7 = (await snvReminders()).filter((x) => x.kind === 'period_before' && x.offset_days === -7);
    expect(before7.at(-1)).toMatchObject({ status: 'skipped', outcome: { reason: 'Kỳ báo cáo đã đóng' } });
  });

  // Regression, task deadlines: the same with a task's deadline moved later.
  it("after a task deadline moved later, sends the new deadline's reminder though an old one is due after it", async () => {
    let clock = day('2026-12-24');
    t.deps.clock = () => clock;
    try {
      const stpUser = (
        await createUser(t.deps, systemCtx('test'), {
          username: 'quet-stp',
          fullName: 'Cán bộ Sở Tư pháp',
          role: 'unit',
          unitId: f.stp,
          email: 'quet.stp@example.vn',
          password: 'matkhau-thu-nghiem-2026',
        })
      ).user.id;
      // Task C (Sở Tư pháp leads) is due 31 December: its reminders are planned a week before.
      await sweepReminders(t.deps);
      // On 28 December its deadline moves to 4 January; nobody sweeps until the 31st.
      clock = day('2026-12-28');
      const task = await monitor.get<{ task: { version: number } }>(`/api/tasks/${f.c}`);
      const moved = await monitor.request('PUT', `/api/tasks/${f.c}/assignment`, {
        version: task.body.task.version,
        leadUnitId: f.stp,
        cooperatingUnitIds: [],
        focal: null,
        deadline: { kind: 'date', date: '2027-01-04' },
        products: [],
        reason: 'Lùi thời hạn theo chỉ đạo',
      });
      expect(moved.status, moved.text).toBe(200);
      clock = day('2026-12-31');
      await sweepReminders(t.deps);
      const after = await remindersOf(sql`node_id = ${f.c}`);
      expect(byDueDate(after)).toEqual([
        '2026-12-31:task_before:-7:sent',
        '2027-01-04:task_before:-7:sent',
        '2026-12-31:task_day:0:skipped',
        '2026-12-31:task_late:3:pending',
        '2027-01-04:task_day:0:pending',
        '2026-12-31:task_escalation:7:pending',
        '2027-01-04:task_late:3:pending',
        '2027-01-04:task_escalation:7:pending',
      ]);
      expect(after[2]!.outcome).toEqual({ reason: 'Thời hạn đã thay đổi' });
      expect(after[1]!.outcome).toMatchObject({
        recipients: expect.arrayContaining([{ userId: stpUser, name: 'Cán bộ Sở Tư pháp' }]) as unknown,
        emails: expect.arrayContaining(['quet.stp@example.vn']) as unknown,
      });
      const got = await rows<{ body: string }>(
        t.deps.db,
        sql`select body from notifications where user_id = ${stpUser} and link = ${`/nhiem-vu/${f.c}`}
            and created_at = ${clock.toISOString()}::timestamptz`,
      );
      expect(got).toHaveLength(1);
      expect(got[0]!.body).toContain('04/01/2027');
    } finally {
      delete t.deps.clock;
    }
  });

  // Regression: an old-date reminder must not supersede one planned for the new due date, or the unit
  // gets nothing (the old one is itself skipped as planned for a date that has changed).
  it("after a due date moved later, sends the new date's reminder though an old-date one is due after it", async () => {
    let clock = day('2027-01-09');
    t.deps.clock = () => clock;
    try {
      const p = await monitor.post<{ id: string }>(`/api/programs/${f.programId}/periods`, {
        kind: 'adhoc',
        year: 2027,
        label: 'Chuyên đề cải cách hành chính',
        cutoffStart: '2026-12-01',
        cutoffEnd: '2026-12-31',
        dueDate: '2027-01-15',
        schedule: { before: [7, 3], onDay: true, everyDaysLate: 3, escalateAfterDaysLate: 7 },
      });
      expect(p.status, p.text).toBe(201);
      const [ob] = await rows<{ id: string }>(
        t.deps.db,
        sql`select id from report_obligations where period_id = ${p.body.id} and unit_id = ${f.snv}`,
      );
      await sweepReminders(t.deps);
      clock = day('2027-01-13');
      await sweepReminders(t.deps);
      // On 14 January the due date moves to 19 January; nobody sweeps until the 18th.
      clock = day('2027-01-14');
      const moved = await monitor.patch(`/api/periods/${p.body.id}`, { version: 1, dueDate: '2027-01-19' });
      expect(moved.status, moved.text).toBe(200);
      clock = day('2027-01-18');
      await sweepReminders(t.deps);
      const after = await remindersOf(sql`obligation_id = ${ob!.id}`);
      expect(byDueDate(after)).toEqual([
        '2027-01-15:period_before:-7:sent',
        '2027-01-15:period_before:-3:sent',
        '2027-01-15:period_day:0:skipped',
        '2027-01-19:period_before:-3:sent',
        '2027-01-15:period_late:3:skipped',
        '2027-01-19:period_day:0:pending',
        '2027-01-15:period_escalation:7:pending',
        '2027-01-19:period_late:3:pending',
        '2027-01-19:period_escalation:7:pending',
      ]);
      // The old-date ones: the day reminder gives way to the old late one, which no longer applies.
      expect(after[2]!.outcome).toEqual({ reason: 'Đã có lời nhắc mới hơn', supersededBy: after[4]!.id });
      expect(after[4]!.outcome).toEqual({ reason: 'Hạn gửi đã thay đổi' });
      expect(after[3]!.outcome).toEqual({
        title: 'Nhắc hạn: báo cáo kỳ Chuyên đề cải cách hành chính',
        recipients: [{ userId: snvUser, name: 'Cán bộ Sở Nội vụ' }],
        emails: ['quet.snv@example.vn'],
      });
      const got = await rows<{ body: string }>(
        t.deps.db,
        sql`select body from notifications where user_id = ${snvUser} and link = ${`/bao-cao/${ob!.id}`}
            and created_at = ${clock.toISOString()}::timestamptz`,
      );
      expect(got).toHaveLength(1);
      expect(got[0]!.body).toContain('còn 1 ngày đến hạn gửi (19/01/2027)');
    } finally {
      delete t.deps.clock;
    }
  });
});

describe('the reminder loop', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('does nothing when turned off', async () => {
    const select = vi.fn();
    const stop = startReminderLoop({ db: { select } as unknown as Db, config: { sessionTtlHours: 12 } }, 0, {
      info: vi.fn(),
      error: vi.fn(),
    });
    await stop();
    expect(select).not.toHaveBeenCalled();
  });

  it('sweeps 2 s after start then every period, one sweep at a time, logs failures and stops', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearInterval'] });
    let release: (e: Error) => void = () => undefined;
    // The first query of a sweep hangs until released, then fails.
    const select = vi.fn(() => ({
      from: () => ({
        where: () =>
          new Promise((_, reject) => {
            release = reject;
          }),
      }),
    }));
    const deps: Deps = { db: { select } as unknown as Db, config: { sessionTtlHours: 12 } };
    const log = { info: vi.fn(), error: vi.fn() };
    const stop = startReminderLoop(deps, 60, log);
    await vi.advanceTimersByTimeAsync(1999);
    expect(select).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(select).toHaveBeenCalledTimes(1);
    // Still running: the next ticks do not start another sweep.
    await vi.advanceTimersByTimeAsync(180_000);
    expect(select).toHaveBeenCalledTimes(1);
    release(new Error('mất kết nối'));
    await vi.advanceTimersByTimeAsync(0);
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(log.error.mock.calls[0]![1]).toBe('đôn đốc: lỗi khi quét lời nhắc');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(select).toHaveBeenCalledTimes(2);
    // Stopping waits for the running sweep, then no more start.
    let stopped = false;
    const done = stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    release(new Error('mất kết nối'));
    await done;
    await vi.advanceTimersByTimeAsync(600_000);
    expect(select).toHaveBeenCalledTimes(2);
    expect(log.error).toHaveBeenCalledTimes(2);
    expect(log.info).not.toHaveBeenCalled();
  });
});
