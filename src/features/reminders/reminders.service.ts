/**
 * Reminders and escalation (đôn đốc). Reminders are rows with a due time, planned ahead idempotently
 * (a unique key per target, deadline and offset). The sweep claims due rows with
 * FOR UPDATE SKIP LOCKED and, in the same transaction, writes the in-app notifications, queues the
 * e-mails and marks the row sent, so two app instances never send the same reminder and a crash
 * before commit leaves it pending for the next sweep. E-mails then leave from an outbox with a lease;
 * each carries a stable Message-ID.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  emailOutbox,
  notifications,
  programNodes,
  programs,
  reminders,
  reportObligations,
  reportingPeriods,
  taskAssignments,
  taskProgress,
  taskUnits,
  units,
  users,
} from '../../db/schema.js';
import { rows, type DbOrTx, type Tx } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import {
  daysBetween,
  reminderInstant,
  reminderOffsets,
  vnDate,
  type ReminderSchedule,
} from '../../domain/reporting/report.js';
import { formatDateVN } from '../../domain/format.js';
import { mutate } from '../audit/audit-writer.js';
import { authorize, requireUser } from '../policy.js';
import { systemCtx, type Ctx } from '../context.js';
import type { Deps } from '../deps.js';
import { now, reportingRules } from '../reporting-rules.js';
import { loadObligation } from '../reports/reports.queries.js';
import type {
  ObligationReminderList,
  RemindInput,
  RemindResult,
  ReminderList,
  ReminderOutcome,
  ReminderQuery,
  ReminderStatus,
  SweepResult,
} from '../../contract/reminders.js';

type ReminderRow = typeof reminders.$inferSelect;
const OUTSTANDING = ['not_started', 'drafting', 'returned'];

function kindOf(prefix: 'period' | 'task', offset: number): string {
  return `${prefix}_${offset < 0 ? 'before' : offset === 0 ? 'day' : 'late'}`;
}

// ---- planning ----

/** Plans the reminders of every open period and every task deadline that should exist by `at`. */
export async function planReminders(db: DbOrTx, at: Date): Promise<number> {
  const rules = reportingRules();
  const today = vnDate(at);
  const hour = rules.reminders.hourLocal;
  let planned = 0;
  const periods = await db.select().from(reportingPeriods).where(eq(reportingPeriods.status, 'open'));
  for (const p of periods) {
    const s = p.schedule as ReminderSchedule;
    const { offsets, escalate } = reminderOffsets(s, p.dueDate, today);
    const obs = await db
      .select({ id: reportObligations.id, unitId: reportObligations.unitId })
      .from(reportObligations)
      .where(and(eq(reportObligations.periodId, p.id), inArray(reportObligations.status, OUTSTANDING)));
    if (!obs.length) continue;
    const values = obs.flatMap((o) => {
      const list = offsets.map((off) => ({
        key: `p:${o.id}:${p.dueDate}:${off}`,
        kind: kindOf('period', off),
        off,
      }));
      if (escalate)
        list.push({
          key: `p:${o.id}:${p.dueDate}:esc`,
          kind: 'period_escalation',
          off: s.escalateAfterDaysLate,
        });
      return list.map((x) => ({
        key: x.key,
        kind: x.kind,
        dueAt: reminderInstant(p.dueDate, x.off, hour),
        programId: p.programId,
        periodId: p.id,
        obligationId: o.id,
        unitId: o.unitId,
        offsetDays: x.off,
      }));
    });
    for (let i = 0; i < values.length; i += 500) {
      const r = await db
        .insert(reminders)
        .values(values.slice(i, i + 500))
        .onConflictDoNothing()
        .returning({ id: reminders.id });
      planned += r.length;
    }
  }
  // Task deadlines of programs in implementation, for tasks not done and not obsolete.
  const tasks = await db
    .select({
      nodeId: taskAssignments.nodeId,
      programId: taskAssignments.programId,
      dueDate: taskAssignments.dueDate,
      unitId: taskUnits.unitId,
    })
    .from(taskAssignments)
    .innerJoin(programs, and(eq(programs.id, taskAssignments.programId), eq(programs.status, 'implementing')))
    .innerJoin(taskUnits, and(eq(taskUnits.nodeId, taskAssignments.nodeId), eq(taskUnits.role, 'lead')))
    .leftJoin(taskProgress, eq(taskProgress.nodeId, taskAssignments.nodeId))
    .where(
      and(
        sql`${taskAssignments.dueDate} is not null`,
        sql`coalesce(${taskProgress.status}, '') not in ('done', 'obsolete')`,
      ),
    );
  const ts: ReminderSchedule = {
    before: rules.reminders.taskBefore,
    onDay: rules.reminders.onDay,
    everyDaysLate: rules.reminders.everyDaysLate,
    escalateAfterDaysLate: rules.reminders.escalateAfterDaysLate,
  };
  const tvalues = tasks.flatMap((t) => {
    const due = t.dueDate!;
    // Only deadlines that matter now: coming within the reminder window or recently passed.
    const d = daysBetween(today, due);
    if (d > Math.max(0, ...ts.before) + 1) return [];
    const { offsets } = reminderOffsets(ts, due, today);
    const list = offsets.map((off) => ({
      key: `t:${t.nodeId}:${due}:${off}`,
      kind: kindOf('task', off),
      off,
    }));
    if (ts.escalateAfterDaysLate > 0 && -d <= ts.escalateAfterDaysLate + ts.everyDaysLate)
      list.push({ key: `t:${t.nodeId}:${due}:esc`, kind: 'task_escalation', off: ts.escalateAfterDaysLate });
    return list.map((x) => ({
      key: x.key,
      kind: x.kind,
      dueAt: reminderInstant(due, x.off, hour),
      programId: t.programId,
      nodeId: t.nodeId,
      unitId: t.unitId,
      offsetDays: x.off,
    }));
  });
  for (let i = 0; i < tvalues.length; i += 500) {
    const r = await db
      .insert(reminders)
      .values(tvalues.slice(i, i + 500))
      .onConflictDoNothing()
      .returning({ id: reminders.id });
    planned += r.length;
  }
  return planned;
}

// ---- sending ----

interface Recipient {
  userId: string | null;
  name: string;
  email: string | null;
}

async function unitRecipients(tx: DbOrTx, unitId: string, roles: string[]): Promise<Recipient[]> {
  const r = await tx
    .select({ id: users.id, fullName: users.fullName, email: users.email })
    .from(users)
    .where(and(eq(users.unitId, unitId), eq(users.active, true), inArray(users.role, roles)));
  return r.map((u) => ({ userId: u.id, name: u.fullName, email: u.email }));
}

async function monitorRecipients(tx: DbOrTx, programId: string | null): Promise<Recipient[]> {
  let monitoringUnitId: string | null = null;
  if (programId) {
    const [p] = await tx
      .select({ m: programs.monitoringUnitId })
      .from(programs)
      .where(eq(programs.id, programId));
    monitoringUnitId = p?.m ?? null;
  }
  const r = await tx
    .select({ id: users.id, fullName: users.fullName, email: users.email })
    .from(users)
    .where(
      and(
        eq(users.role, 'monitor'),
        eq(users.active, true),
        monitoringUnitId ? eq(users.unitId, monitoringUnitId) : sql`true`,
      ),
    );
  return r.map((u) => ({ userId: u.id, name: u.fullName, email: u.email }));
}

interface Message {
  title: string;
  body: string;
  link: string;
}

/** Decides whether a reminder still applies, who gets it and what it says. null = skip (with why). */
async function compose(
  tx: Tx,
  r: ReminderRow,
  at: Date,
): Promise<{ skip: string } | { to: Recipient[]; unitEmail: string | null; msg: Message }> {
  const [unit] = r.unitId ? await tx.select().from(units).where(eq(units.id, r.unitId)) : [];
  const unitName = unit?.name ?? '';
  const today = vnDate(at);
  if (r.kind.startsWith('period_')) {
    const [o] = await tx.select().from(reportObligations).where(eq(reportObligations.id, r.obligationId!));
    const [p] = await tx.select().from(reportingPeriods).where(eq(reportingPeriods.id, r.periodId!));
    if (!o || !p) return { skip: 'Không còn kỳ báo cáo' };
    if (p.status !== 'open') return { skip: 'Kỳ báo cáo đã đóng' };
    if (!OUTSTANDING.includes(o.status)) return { skip: 'Đơn vị đã nộp báo cáo' };
    if (r.kind !== 'period_manual' && !r.key.includes(`:${p.dueDate}:`))
      return { skip: 'Hạn gửi đã thay đổi' };
    const late = daysBetween(p.dueDate, today);
    const when =
      late < 0
        ? `còn ${-late} ngày đến hạn gửi (${formatDateVN(p.dueDate)})`
        : late === 0
          ? `hôm nay là hạn gửi (${formatDateVN(p.dueDate)})`
          : `đã quá hạn gửi ${late} ngày (hạn ${formatDateVN(p.dueDate)})`;
    const link = `/bao-cao/${o.id}`;
    if (r.kind === 'period_escalation') {
      const to = [
        ...(await unitRecipients(tx, o.unitId, ['leader'])),
        ...(await monitorRecipients(tx, p.programId)),
      ];
      return {
        to,
        unitEmail: null,
        msg: {
          title: `Đôn đốc: ${unitName} chưa nộp báo cáo kỳ ${p.label}`,
          body: `${unitName} ${when} nhưng chưa nộp báo cáo kỳ ${p.label}. Đề nghị lãnh đạo đơn vị chỉ đạo hoàn thành, gửi báo cáo.`,
          link,
        },
      };
    }
    return {
      to: await unitRecipients(tx, o.unitId, ['unit']),
      unitEmail: unit?.email ?? null,
      msg: {
        title: `${r.kind === 'period_manual' ? 'Nhắc' : 'Nhắc hạn'}: báo cáo kỳ ${p.label}`,
        body: `Đề nghị ${unitName} hoàn thành và gửi báo cáo kỳ ${p.label}: ${when}. Báo cáo gồm tình hình thực hiện ${
          (o.tasks as unknown[]).length
        } nhiệm vụ đơn vị chủ trì, phối hợp.`,
        link,
      },
    };
  }
  // Task deadlines.
  const [a] = await tx.select().from(taskAssignments).where(eq(taskAssignments.nodeId, r.nodeId!));
  const [n] = await tx
    .select({ label: programNodes.label, text: programNodes.text })
    .from(programNodes)
    .where(eq(programNodes.id, r.nodeId!));
  const [pr] = await tx.select().from(taskProgress).where(eq(taskProgress.nodeId, r.nodeId!));
  if (!a || !n || !a.dueDate) return { skip: 'Nhiệm vụ không còn thời hạn' };
  if (pr && (pr.status === 'done' || pr.status === 'obsolete')) return { skip: 'Nhiệm vụ đã hoàn thành' };
  if (!r.key.includes(`:${a.dueDate}:`)) return { skip: 'Thời hạn đã thay đổi' };
  const [lead] = await tx
    .select({ unitId: taskUnits.unitId })
    .from(taskUnits)
    .where(and(eq(taskUnits.nodeId, r.nodeId!), eq(taskUnits.role, 'lead')));
  if (!lead || lead.unitId !== r.unitId) return { skip: 'Cơ quan chủ trì đã thay đổi' };
  const late = daysBetween(a.dueDate, today);
  const short = n.text.length > 160 ? `${n.text.slice(0, 157)}…` : n.text;
  const when =
    late < 0
      ? `còn ${-late} ngày đến hạn (${formatDateVN(a.dueDate)})`
      : late === 0
        ? `hôm nay đến hạn (${formatDateVN(a.dueDate)})`
        : `đã quá hạn ${late} ngày (hạn ${formatDateVN(a.dueDate)})`;
  const link = `/nhiem-vu/${r.nodeId}`;
  if (r.kind === 'task_escalation') {
    return {
      to: [
        ...(await unitRecipients(tx, lead.unitId, ['leader'])),
        ...(await monitorRecipients(tx, r.programId)),
      ],
      unitEmail: null,
      msg: {
        title: `Đôn đốc: nhiệm vụ ${n.label} quá hạn — ${unitName}`,
        body: `Nhiệm vụ ${n.label} "${short}" do ${unitName} chủ trì ${when}.`,
        link,
      },
    };
  }
  let to: Recipient[] = [];
  if (a.focalUserId) {
    const [u] = await tx
      .select({ id: users.id, fullName: users.fullName, email: users.email, active: users.active })
      .from(users)
      .where(eq(users.id, a.focalUserId));
    if (u?.active) to = [{ userId: u.id, name: u.fullName, email: u.email }];
  }
  if (!to.length) to = await unitRecipients(tx, lead.unitId, ['unit']);
  return {
    to,
    unitEmail: unit?.email ?? null,
    msg: { title: `Nhắc hạn nhiệm vụ ${n.label}`, body: `Nhiệm vụ ${n.label} "${short}" ${when}.`, link },
  };
}

/** Sends one claimed reminder inside the caller's transaction. */
async function deliver(
  tx: Tx,
  r: ReminderRow,
  at: Date,
): Promise<{ status: 'sent' | 'skipped'; outcome: unknown }> {
  // A later reminder of the same target already due supersedes this one (after downtime).
  if (!r.kind.endsWith('_escalation') && r.kind !== 'period_manual') {
    const target = r.obligationId
      ? eq(reminders.obligationId, r.obligationId)
      : eq(reminders.nodeId, r.nodeId!);
    const [newer] = await tx
      .select({ id: reminders.id })
      .from(reminders)
      .where(
        and(
          target,
          sql`${reminders.kind} not like '%escalation'`,
          sql`${reminders.dueAt} > ${r.dueAt.toISOString()}::timestamptz`,
          sql`${reminders.dueAt} <= ${at.toISOString()}::timestamptz`,
        ),
      )
      .limit(1);
    if (newer)
      return { status: 'skipped', outcome: { reason: 'Đã có lời nhắc mới hơn', supersededBy: newer.id } };
  }
  const c = await compose(tx, r, at);
  if ('skip' in c) return { status: 'skipped', outcome: { reason: c.skip } };
  const seen = new Set<string>();
  const to = c.to.filter((x) => (x.userId ? !seen.has(x.userId) && seen.add(x.userId) : true));
  if (to.length) {
    await tx.insert(notifications).values(
      to
        .filter((x) => x.userId)
        .map((x) => ({
          userId: x.userId!,
          reminderId: r.id,
          title: c.msg.title,
          body: c.msg.body,
          link: c.msg.link,
          createdAt: at,
        })),
    );
  }
  const emails = [...new Set([...to.map((x) => x.email), c.unitEmail].filter((e): e is string => !!e))];
  if (emails.length) {
    await tx.insert(emailOutbox).values(
      emails.map((email) => ({
        reminderId: r.id,
        to: email,
        subject: c.msg.title,
        body: `${c.msg.body}\n\nXem chi tiết trong hệ thống thucthi: ${c.msg.link}\n\n(Thư gửi tự động, vui lòng không trả lời.)`,
        nextAttemptAt: at,
        createdAt: at,
      })),
    );
  }
  return {
    status: 'sent',
    outcome: { title: c.msg.title, recipients: to.map((x) => ({ userId: x.userId, name: x.name })), emails },
  };
}

export type { SweepResult };

/**
 * One sweep at `at`: plan, then claim and send due reminders in batches, then send queued e-mails.
 * Safe to run from several instances at once.
 */
export async function sweepReminders(
  deps: Deps,
  at: Date = now(deps),
  opts: {
    batch?: number;
    /** Tests: fail after delivering this many reminders, as a crash mid-batch would. */
    crashAfter?: number;
  } = {},
): Promise<SweepResult> {
  const batch = opts.batch ?? 100;
  const res: SweepResult = { planned: 0, sent: 0, skipped: 0, emailsSent: 0, emailsFailed: 0 };
  res.planned = await planReminders(deps.db, at);
  const ctx = systemCtx('reminders');
  for (;;) {
    const n = await mutate(deps.db, ctx, async (tx, audit) => {
      const claimed = await rows<{ id: string }>(
        tx,
        sql`select id from reminders where status = 'pending' and due_at <= ${at.toISOString()}::timestamptz
            order by due_at, id limit ${batch} for update skip locked`,
      );
      if (!claimed.length) {
        audit.nothingChanged();
        return 0;
      }
      const list = await tx
        .select()
        .from(reminders)
        .where(
          inArray(
            reminders.id,
            claimed.map((c) => c.id),
          ),
        )
        .orderBy(asc(reminders.dueAt));
      for (const r of list) {
        if (opts.crashAfter !== undefined && res.sent + res.skipped >= opts.crashAfter)
          throw new Error('sweepReminders: simulated crash');
        const d = await deliver(tx, r, at);
        await tx
          .update(reminders)
          .set({ status: d.status, sentAt: at, outcome: d.outcome })
          .where(eq(reminders.id, r.id));
        if (d.status === 'sent') res.sent++;
        else res.skipped++;
        audit.record({
          action: d.status === 'sent' ? 'reminder.send' : 'reminder.skip',
          entityType: 'reminder',
          entityId: r.id,
          after: {
            kind: r.kind,
            key: r.key,
            unitId: r.unitId,
            periodId: r.periodId,
            nodeId: r.nodeId,
            outcome: d.outcome,
          },
        });
      }
      return list.length;
    });
    if (n < batch) break;
  }
  const m = await sendQueuedEmails(deps, at);
  res.emailsSent = m.sent;
  res.emailsFailed = m.failed;
  return res;
}

const EMAIL_LEASE_MS = 5 * 60_000;
const EMAIL_MAX_ATTEMPTS = 6;

/**
 * Sends queued e-mails. A row is leased (its next attempt moved 5 minutes ahead) in a short
 * transaction before sending, so another instance does not take it; a crash after the send and
 * before marking it sent can repeat it once, with the same Message-ID.
 */
export async function sendQueuedEmails(deps: Deps, at: Date): Promise<{ sent: number; failed: number }> {
  const mailer = deps.mailer;
  let sent = 0;
  let failed = 0;
  if (!mailer) return { sent, failed };
  for (;;) {
    const leased = await deps.db.transaction(async (tx) =>
      rows<{ id: string; to: string; subject: string; body: string; attempts: number }>(
        tx,
        sql`update email_outbox set next_attempt_at = ${new Date(at.getTime() + EMAIL_LEASE_MS).toISOString()}::timestamptz,
              attempts = attempts + 1
            where id in (select id from email_outbox where status = 'pending' and next_attempt_at <= ${at.toISOString()}::timestamptz
                         order by next_attempt_at limit 20 for update skip locked)
            returning id, "to", subject, body, attempts`,
      ),
    );
    if (!leased.length) break;
    for (const m of leased) {
      try {
        await mailer.send({ to: [m.to], subject: m.subject, text: m.body, messageId: `<${m.id}@thucthi>` });
        await deps.db
          .update(emailOutbox)
          .set({ status: 'sent', sentAt: at, lastError: null })
          .where(eq(emailOutbox.id, m.id));
        sent++;
      } catch (e) {
        failed++;
        const giveUp = m.attempts >= EMAIL_MAX_ATTEMPTS;
        await deps.db
          .update(emailOutbox)
          .set({
            status: giveUp ? 'failed' : 'pending',
            lastError: String((e as Error).message).slice(0, 500),
            // Back off: 1, 2, 4, 8 … minutes.
            nextAttemptAt: new Date(at.getTime() + 60_000 * 2 ** (m.attempts - 1)),
          })
          .where(eq(emailOutbox.id, m.id));
      }
    }
    if (leased.length < 20) break;
  }
  return { sent, failed };
}

/** One-click reminder from the matrix: sends now to the unit (one obligation, or every outstanding one). */
export async function remindNow(
  deps: Deps,
  ctx: Ctx,
  input: RemindInput & { periodId: string },
): Promise<RemindResult> {
  authorize(ctx, 'report.manage');
  const at = now(deps);
  const userId = requireUser(ctx).id;
  return mutate(deps.db, ctx, async (tx, audit) => {
    const [p] = await tx.select().from(reportingPeriods).where(eq(reportingPeriods.id, input.periodId));
    if (!p) throw new AppError('PERIOD_NOT_FOUND', { id: input.periodId });
    if (p.status !== 'open') throw new AppError('PERIOD_CLOSED');
    const obs = await tx
      .select()
      .from(reportObligations)
      .where(
        and(
          eq(reportObligations.periodId, p.id),
          inArray(reportObligations.status, OUTSTANDING),
          input.obligationIds?.length ? inArray(reportObligations.id, input.obligationIds) : sql`true`,
        ),
      );
    const out: RemindResult['items'] = [];
    for (const o of obs) {
      const [r] = await tx
        .insert(reminders)
        .values({
          key: `m:${o.id}:${at.getTime()}:${Math.random().toString(36).slice(2, 8)}`,
          kind: 'period_manual',
          dueAt: at,
          programId: p.programId,
          periodId: p.id,
          obligationId: o.id,
          unitId: o.unitId,
          offsetDays: daysBetween(p.dueDate, vnDate(at)),
          createdBy: userId,
        })
        .returning();
      const d = await deliver(tx, r!, at);
      await tx
        .update(reminders)
        .set({ status: d.status, sentAt: at, outcome: d.outcome })
        .where(eq(reminders.id, r!.id));
      audit.record({
        action: 'reminder.send_manual',
        entityType: 'reminder',
        entityId: r!.id,
        after: { obligationId: o.id, unitId: o.unitId, outcome: d.outcome },
      });
      const recipients = (d.outcome as { recipients?: unknown[] }).recipients?.length ?? 0;
      out.push({ obligationId: o.id, unitId: o.unitId, recipients, status: d.status });
    }
    if (!out.length) audit.nothingChanged();
    return { reminded: out.length, items: out };
  });
}

/** Every reminder of a period (or of a program's task deadlines), sent or planned. */
export async function listReminders(
  deps: Deps,
  ctx: Ctx,
  q: ReminderQuery & {
    periodId?: string | undefined;
    programId?: string | undefined;
    limit?: number | undefined;
  },
): Promise<ReminderList> {
  authorize(ctx, 'report.manage');
  const where = and(
    q.periodId ? eq(reminders.periodId, q.periodId) : sql`true`,
    q.programId ? eq(reminders.programId, q.programId) : sql`true`,
    q.status ? eq(reminders.status, q.status) : sql`true`,
  );
  const list = await deps.db
    .select({
      id: reminders.id,
      kind: reminders.kind,
      dueAt: reminders.dueAt,
      status: reminders.status,
      sentAt: reminders.sentAt,
      outcome: reminders.outcome,
      offsetDays: reminders.offsetDays,
      unitId: reminders.unitId,
      unitName: units.name,
      obligationId: reminders.obligationId,
      nodeId: reminders.nodeId,
    })
    .from(reminders)
    .leftJoin(units, eq(units.id, reminders.unitId))
    .where(where)
    .orderBy(desc(reminders.dueAt))
    .limit(Math.min(q.limit ?? 500, 2000));
  return {
    items: list.map((r) => ({
      ...r,
      status: r.status as ReminderStatus,
      outcome: r.outcome as ReminderOutcome | null,
      dueAt: r.dueAt.toISOString(),
      sentAt: r.sentAt?.toISOString() ?? null,
    })),
  };
}

/** For the obligation page: the reminders the unit has received. */
export async function obligationReminders(
  deps: Deps,
  ctx: Ctx,
  obligationId: string,
): Promise<ObligationReminderList> {
  await loadObligation(deps.db, ctx, obligationId, 'report.read');
  const list = await deps.db
    .select()
    .from(reminders)
    .where(and(eq(reminders.obligationId, obligationId), eq(reminders.status, 'sent')))
    .orderBy(desc(reminders.sentAt));
  return {
    items: list.map((r) => ({
      id: r.id,
      kind: r.kind,
      sentAt: r.sentAt?.toISOString() ?? null,
      outcome: r.outcome as ReminderOutcome | null,
    })),
  };
}

/** Runs the sweep every `seconds` inside the app; returns a stop function that waits for a running sweep. */
export function startReminderLoop(
  deps: Deps,
  seconds: number,
  log: { error(o: unknown, msg: string): void; info(o: unknown, msg: string): void },
): () => Promise<void> {
  if (seconds <= 0) return async () => undefined;
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = sweepReminders(deps)
      .then((r) => {
        if (r.sent || r.skipped || r.emailsSent || r.emailsFailed) log.info(r, 'đôn đốc: đã quét lời nhắc');
      })
      .catch((e: unknown) => log.error({ err: e }, 'đôn đốc: lỗi khi quét lời nhắc'))
      .finally(() => (running = null));
  };
  const timer = setInterval(tick, seconds * 1000);
  timer.unref();
  setTimeout(tick, 2000).unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
