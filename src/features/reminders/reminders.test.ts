/**
 * Reminders with a fake clock: a month of daily sweeps by two app instances at the same time sends
 * exactly the expected reminders, once each, with e-mails through a local SMTP sink; a crash in the
 * middle of a sweep loses nothing and repeats nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DB_KINDS } from '../../../test/support/db.js';
import { startTestApp, type Client, type TestApp } from '../../../test/support/app.js';
import {
  openAnnualPeriod,
  reportingProgram,
  type ReportingFixture,
} from '../../../test/support/reporting.js';
import { startSmtpSink, type SmtpSink } from '../../../test/support/smtp-sink.js';
import { openDatabase, rows, type Database } from '../../db/connection.js';
import { systemCtx } from '../context.js';
import type { Deps } from '../deps.js';
import { createUser } from '../users/users.service.js';
import { findUnitByCode } from '../../db/queries/units.js';
import { createMailer } from '../notify/mailer.js';
import { saveDraft, submitReport } from '../reports/reports.service.js';
import { sweepReminders } from '../../jobs/reminder-sweep.js';
import { emptyContent, emptyEntry } from '../../domain/reporting/report.js';
import type { PeriodDetail } from '../../contract/periods.js';
import type { RemindResult, ReminderList } from '../../contract/reminders.js';

const day = (iso: string) => new Date(`${iso}T02:00:00Z`); // 09:00 in Hà Nội, after the 08:00 send time

function* days(from: string, to: string) {
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    yield new Date(t).toISOString().slice(0, 10);
}

describe.each(DB_KINDS)('reminders and escalation on %s', (kind) => {
  let t: TestApp;
  let monitor: Client;
  let f: ReportingFixture;
  let sink: SmtpSink;
  let second: Database | null = null;
  let one: Deps;
  let two: Deps;
  let clock = day('2026-12-01');
  let periodId: string;
  const user = { stp: '', snv: '', snvLeader: '', monitor: '' };

  beforeAll(async () => {
    t = await startTestApp(kind);
    sink = await startSmtpSink();
    const mailer = createMailer({ smtpUrl: sink.url, mailFrom: 'thucthi <no-reply@thucthi.local>' });
    t.deps.clock = () => clock;
    t.deps.mailer = mailer;
    one = t.deps;
    // A second app instance on the same database (PostgreSQL); PGlite is one process, so the two
    // sweeps run concurrently on the same connection there.
    if (t.url) {
      second = await openDatabase({ databaseUrl: t.url, poolSize: 3 });
      two = {
        db: second.db,
        config: t.deps.config,
        clock: () => clock,
        mailer: createMailer({ smtpUrl: sink.url, mailFrom: 'x <x@thucthi.local>' }),
      };
    } else two = t.deps;
    monitor = await t.loginAs('monitor', { unitCode: 'BNC-TU' });
    f = await reportingProgram(t, monitor);
    const sys = systemCtx('test');
    const mk = async (
      username: string,
      role: 'unit' | 'leader' | 'monitor',
      unitCode: string,
      email: string,
    ) =>
      (
        await createUser(t.deps, sys, {
          username,
          fullName: `Cán bộ ${username}`,
          role,
          unitId: (await findUnitByCode(t.deps.db, unitCode))!.id,
          email,
          password: 'matkhau-thu-nghiem-2026',
        })
      ).user.id;
    user.stp = await mk('nhac-stp', 'unit', 'SO-TU-PHAP', 'stp@example.vn');
    user.snv = await mk('nhac-snv', 'unit', 'SO-NOI-VU', 'snv@example.vn');
    user.snvLeader = await mk('nhac-snv-ld', 'leader', 'SO-NOI-VU', 'giamdoc.snv@example.vn');
    user.monitor = await mk('nhac-bnc', 'monitor', 'BNC-TU', 'bnc@example.vn');
    ({ periodId } = await openAnnualPeriod(monitor, f, {
      dueDate: '2026-12-16',
      schedule: { before: [7, 3], onDay: true, everyDaysLate: 3, escalateAfterDaysLate: 7 },
    }));
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
    await sink?.close();
  });

  it('sends exactly the expected reminders once, with two instances sweeping every day of December', async () => {
    const obligations = await rows<{ id: string; unit_id: string; version: number }>(
      t.deps.db,
      sql`select id, unit_id, version from report_obligations where period_id = ${periodId}`,
    );
    const stpOb = obligations.find((o) => o.unit_id === f.stp)!;
    for (const d of days('2026-12-01', '2026-12-31')) {
      clock = day(d);
      if (d === '2026-12-09') {
        // A crash in the middle of the first batch of the day leaves everything as it was.
        const before = await rows<{ n: number }>(
          t.deps.db,
          sql`select count(*)::int as n from notifications`,
        );
        await expect(sweepReminders(one, clock, { crashAfter: 1 })).rejects.toThrow(/simulated crash/);
        const after = await rows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from notifications`);
        expect(after[0]!.n).toBe(before[0]!.n);
      }
      if (d === '2026-12-18') {
        // Sở Tư pháp reports two days late; its later reminders and escalation are skipped.
        const ctx = {
          ...systemCtx('test'),
          actor: {
            kind: 'user' as const,
            id: user.stp,
            username: 'nhac-stp',
            fullName: 'x',
            role: 'unit' as const,
            unitId: f.stp,
            mustChangePassword: false,
          },
        };
        const draft = await saveDraft(t.deps, ctx, stpOb.id, {
          version: stpOb.version,
          content: {
            general: emptyContent().general,
            entries: {
              [f.a]: { ...emptyEntry(), status: 'in_progress', percent: 50, results: 'Đang rà soát.' },
              [f.c]: { ...emptyEntry(), status: 'in_progress', percent: 20, results: '' },
            },
          },
        });
        expect(draft.status).toBe('drafting');
        await submitReport(t.deps, ctx, stpOb.id, { idempotencyKey: 'nhac-stp-2026' });
      }
      await Promise.all([sweepReminders(one, clock), sweepReminders(two, clock)]);
    }

    const sent = await rows<{
      unit_id: string;
      kind: string;
      offset_days: number;
      status: string;
      sent_at: string;
      outcome: { reason?: string };
    }>(
      t.deps.db,
      sql`select unit_id, kind, offset_days, status, sent_at, outcome from reminders where period_id = ${periodId} order by unit_id, due_at`,
    );
    const of = (unit: string, status: string) =>
      sent.filter((r) => r.unit_id === unit && r.status === status).map((r) => `${r.kind}:${r.offset_days}`);
    expect(of(f.stp, 'sent')).toEqual(['period_before:-7', 'period_before:-3', 'period_day:0']);
    expect(of(f.stp, 'skipped')).toEqual(['period_late:3', 'period_escalation:7']);
    expect(
      sent.filter((r) => r.unit_id === f.stp && r.status === 'skipped').map((r) => r.outcome.reason),
    ).toEqual(['Đơn vị đã nộp báo cáo', 'Đơn vị đã nộp báo cáo']);
    expect(of(f.snv, 'sent')).toEqual([
      'period_before:-7',
      'period_before:-3',
      'period_day:0',
      'period_late:3',
      'period_late:6',
      'period_escalation:7',
      'period_late:9',
      'period_late:12',
      'period_late:15',
    ]);
    expect(of(f.snv, 'pending')).toEqual(['period_late:18']);

    // In-app: each reminder reached each recipient once; the escalation went to the leader and the monitor.
    const dupes = await rows(
      t.deps.db,
      sql`select reminder_id, user_id, count(*) from notifications group by 1, 2 having count(*) > 1`,
    );
    expect(dupes).toEqual([]);
    const mine = async (u: string) =>
      (
        await rows<{ title: string }>(
          t.deps.db,
          sql`select title from notifications where user_id = ${u} and title like '%Năm 2026%'
              and reminder_id is not null order by created_at`,
        )
      ).map((x) => x.title);
    expect(await mine(user.stp)).toHaveLength(3);
    expect(await mine(user.snv)).toHaveLength(8);
    expect(await mine(user.snvLeader)).toEqual(['Đôn đốc: Sở Nội vụ chưa nộp báo cáo kỳ Năm 2026']);
    expect((await mine(user.monitor)).filter((x) => x.startsWith('Đôn đốc: Sở Nội vụ'))).toHaveLength(1);

    // Task deadlines: task C (due 31/12) was reminded 7 days before and on the day.
    const taskC = await rows<{ kind: string; offset_days: number }>(
      t.deps.db,
      sql`select kind, offset_days from reminders where node_id = ${f.c} and status = 'sent' order by due_at`,
    );
    expect(taskC.map((r) => `${r.kind}:${r.offset_days}`)).toEqual(['task_before:-7', 'task_day:0']);
    // Task A, long overdue, is reminded every 3 days, never twice for one day.
    const taskA = await rows<{ offset_days: number }>(
      t.deps.db,
      sql`select offset_days from reminders where node_id = ${f.a} and status = 'sent' order by due_at`,
    );
    expect(taskA.length).toBeGreaterThanOrEqual(10);
    expect(taskA.slice(1).every((r, i) => r.offset_days - taskA[i]!.offset_days === 3)).toBe(true);

    // E-mail: one message per queued e-mail, none repeated, all sent.
    const outbox = await rows<{ status: string; n: number }>(
      t.deps.db,
      sql`select status, count(*)::int as n from email_outbox group by status`,
    );
    const total = outbox.reduce((a, r) => a + r.n, 0);
    expect(outbox).toEqual([{ status: 'sent', n: total }]);
    await sink.waitFor(total);
    expect(sink.messages).toHaveLength(total);
    expect(new Set(sink.messages.map((m) => m.messageId)).size).toBe(total);
    const toLeader = sink.messages.filter((m) => m.to.includes('giamdoc.snv@example.vn'));
    expect(toLeader.map((m) => m.subject)).toEqual(['Đôn đốc: Sở Nội vụ chưa nộp báo cáo kỳ Năm 2026']);
    expect(sink.messages.filter((m) => m.to.includes('snv@example.vn')).length).toBeGreaterThanOrEqual(8);

    // Every reminder sent is audited once.
    const audited = await rows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from audit_events where action = 'reminder.send'`,
    );
    const all = await rows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from reminders where status = 'sent'`,
    );
    expect(audited[0]!.n).toBe(all[0]!.n);
  });

  it('sends a one-click reminder from the matrix and lists it', async () => {
    const r = await monitor.post<RemindResult>(`/api/periods/${periodId}/remind`, {});
    expect(r.status).toBe(200);
    expect(r.body.items.map((x) => x.unitId)).toEqual([f.snv]);
    expect(r.body.items[0]!.recipients).toBeGreaterThanOrEqual(1);
    const list = await monitor.get<ReminderList>(`/api/periods/${periodId}/reminders?status=sent`);
    expect(list.body.items[0]).toMatchObject({
      kind: 'period_manual',
      status: 'sent',
      unitName: 'Sở Nội vụ',
    });
    const m = await monitor.get<PeriodDetail>(`/api/periods/${periodId}`);
    expect(m.body.rows.find((x) => x.unitId === f.snv)!.reminders).toBe(10);
    const unitClient = t.client();
    await unitClient.post('/api/auth/login', { username: 'nhac-snv', password: 'matkhau-thu-nghiem-2026' });
    const n = await unitClient.get<{
      unread: number;
      items: { title: string; link: string; kind: string | null }[];
    }>('/api/notifications');
    // 8 period reminders, the one-click one, and the reminders of task B it leads (long overdue);
    // besides them, the event notification of the period's opening.
    expect(n.body.items.filter((x) => x.link.startsWith('/bao-cao/') && !x.kind)).toHaveLength(9);
    expect(n.body.items.filter((x) => x.kind === 'period.opened')).toHaveLength(1);
    expect(n.body.items.filter((x) => x.link === `/nhiem-vu/${f.b}`).length).toBeGreaterThanOrEqual(10);
    const read = await unitClient.post<{ read: number }>('/api/notifications/read', { all: true });
    expect(read.body.read).toBe(n.body.unread);
    expect((await unitClient.get<{ unread: number }>('/api/notifications')).body.unread).toBe(0);
  });
});
