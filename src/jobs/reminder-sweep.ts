/**
 * Reminders and escalation (đôn đốc) in the background. Reminders are rows with a due time, planned
 * ahead idempotently (a unique key per target, deadline and offset). The sweep claims due rows with
 * FOR UPDATE SKIP LOCKED and, in the same transaction, writes the in-app notifications, queues the
 * e-mails and marks the row sent, so two app instances never send the same reminder and a crash
 * before commit leaves it pending for the next sweep. E-mails then leave from the outbox
 * (email-outbox.ts). What reminders say is in src/domain/reporting/reminder-text.ts.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
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
  type ReminderOutcome,
} from '../db/schema.js';
import type { SweepResult } from '../contract/reminders.js';
import { rows, type DbOrTx, type Tx } from '../db/connection.js';
import {
  monitorRecipients,
  unitRecipients,
  userRecipient,
  type Recipient,
} from '../db/queries/recipients.js';
import {
  daysBetween,
  reminderInstant,
  reminderOffsets,
  vnDate,
  type ReminderSchedule,
} from '../domain/reporting/report.js';
import {
  SKIP_REASONS,
  isPeriodReminderKind,
  isRecommendationReminderKind,
  isReminderKind,
  periodReminderText,
  taskReminderText,
  type ReminderKind,
  type ReminderText,
} from '../domain/reporting/reminder-text.js';
import { mutate } from '../features/audit/audit-writer.js';
import { systemCtx } from '../features/context.js';
import { now, type Deps } from '../features/deps.js';
import { reportingRules } from '../features/reporting-rules.js';
import { sendQueuedEmails } from './email-outbox.js';
import { startLoop, type JobLog } from './loop.js';
import {
  composeDirectionReminder,
  isDirectionReminderKind,
  planDirectionReminders,
} from './reminders-directions.js';
import {
  composeRecommendationReminder,
  plannedRecommendationReminders,
} from './reminders-recommendations.js';

type ReminderRow = typeof reminders.$inferSelect;

/** Obligation statuses still waiting for the unit's report. */
export const OUTSTANDING = ['not_started', 'drafting', 'returned'];

function kindOf(prefix: 'period' | 'task', offset: number): ReminderKind {
  return `${prefix}_${offset < 0 ? 'before' : offset === 0 ? 'day' : 'late'}`;
}

// ---- planning ----

/**
 * The reminders one target (an obligation `p:…` or a task `t:…`) should have for its deadline `due`:
 * one per offset, and the escalation (at `escalateAfter` days late) when `escalate`.
 */
function targetReminders(
  prefix: 'period' | 'task',
  id: string,
  due: string,
  offsets: number[],
  escalate: boolean,
  escalateAfter: number,
): { key: string; kind: ReminderKind; off: number }[] {
  const base = `${prefix === 'period' ? 'p' : 't'}:${id}:${due}`;
  const list = offsets.map((off) => ({ key: `${base}:${off}`, kind: kindOf(prefix, off), off }));
  if (escalate) list.push({ key: `${base}:esc`, kind: `${prefix}_escalation`, off: escalateAfter });
  return list;
}

/** Inserts planned reminders in batches of 500, leaving out those already planned; how many are new. */
async function insertPlanned(db: DbOrTx, values: (typeof reminders.$inferInsert)[]): Promise<number> {
  let planned = 0;
  for (let i = 0; i < values.length; i += 500) {
    const r = await db
      .insert(reminders)
      .values(values.slice(i, i + 500))
      .onConflictDoNothing()
      .returning({ id: reminders.id });
    planned += r.length;
  }
  return planned;
}

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
    const values = obs.flatMap((o) =>
      targetReminders('period', o.id, p.dueDate, offsets, escalate, s.escalateAfterDaysLate).map((x) => ({
        key: x.key,
        kind: x.kind,
        dueAt: reminderInstant(p.dueDate, x.off, hour),
        programId: p.programId,
        periodId: p.id,
        obligationId: o.id,
        unitId: o.unitId,
        offsetDays: x.off,
      })),
    );
    planned += await insertPlanned(db, values);
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
    const escalate = ts.escalateAfterDaysLate > 0 && -d <= ts.escalateAfterDaysLate + ts.everyDaysLate;
    return targetReminders('task', t.nodeId, due, offsets, escalate, ts.escalateAfterDaysLate).map((x) => ({
      key: x.key,
      kind: x.kind,
      dueAt: reminderInstant(due, x.off, hour),
      programId: t.programId,
      nodeId: t.nodeId,
      unitId: t.unitId,
      offsetDays: x.off,
    }));
  });
  planned += await insertPlanned(db, tvalues);
  planned += await planDirectionReminders(db, at);
  planned += await insertPlanned(db, await plannedRecommendationReminders(db, at));
  return planned;
}

// ---- sending ----

interface Message extends ReminderText {
  link: string;
}

export type Composed = { skip: string } | { to: Recipient[]; unitEmail: string | null; msg: Message };

/** Decides whether a reminder still applies, who gets it and what it says. `skip` = not sent, and why. */
async function compose(tx: Tx, r: ReminderRow, at: Date): Promise<Composed> {
  const kind = r.kind;
  if (!isReminderKind(kind)) return { skip: SKIP_REASONS.unknownKind };
  if (isDirectionReminderKind(kind)) return composeDirectionReminder(tx, r, kind, at);
  if (isRecommendationReminderKind(kind)) return composeRecommendationReminder(tx, r, kind, at);
  const [unit] = r.unitId ? await tx.select().from(units).where(eq(units.id, r.unitId)) : [];
  const unitName = unit?.name ?? '';
  const today = vnDate(at);
  if (isPeriodReminderKind(kind)) {
    const [o] = await tx.select().from(reportObligations).where(eq(reportObligations.id, r.obligationId!));
    const [p] = await tx.select().from(reportingPeriods).where(eq(reportingPeriods.id, r.periodId!));
    if (!o || !p) return { skip: SKIP_REASONS.periodGone };
    if (p.status !== 'open') return { skip: SKIP_REASONS.periodClosed };
    if (!OUTSTANDING.includes(o.status)) return { skip: SKIP_REASONS.reportSubmitted };
    if (kind !== 'period_manual' && !r.key.includes(`:${p.dueDate}:`))
      return { skip: SKIP_REASONS.periodDueDateChanged };
    const link = `/bao-cao/${o.id}`;
    const text = periodReminderText({
      kind,
      periodLabel: p.label,
      unitName,
      dueDate: p.dueDate,
      daysLate: daysBetween(p.dueDate, today),
      taskCount: (o.tasks as unknown[]).length,
      link,
    });
    if (kind === 'period_escalation') {
      const to = [
        ...(await unitRecipients(tx, o.unitId, ['leader'])),
        ...(await monitorRecipients(tx, p.programId)),
      ];
      return { to, unitEmail: null, msg: { ...text, link } };
    }
    return {
      to: await unitRecipients(tx, o.unitId, ['unit']),
      unitEmail: unit?.email ?? null,
      msg: { ...text, link },
    };
  }
  // Task deadlines.
  const [a] = await tx.select().from(taskAssignments).where(eq(taskAssignments.nodeId, r.nodeId!));
  const [n] = await tx
    .select({ label: programNodes.label, text: programNodes.text })
    .from(programNodes)
    .where(eq(programNodes.id, r.nodeId!));
  const [pr] = await tx.select().from(taskProgress).where(eq(taskProgress.nodeId, r.nodeId!));
  if (!a || !n || !a.dueDate) return { skip: SKIP_REASONS.taskNoDeadline };
  if (pr && (pr.status === 'done' || pr.status === 'obsolete')) return { skip: SKIP_REASONS.taskDone };
  if (!r.key.includes(`:${a.dueDate}:`)) return { skip: SKIP_REASONS.taskDeadlineChanged };
  const [lead] = await tx
    .select({ unitId: taskUnits.unitId })
    .from(taskUnits)
    .where(and(eq(taskUnits.nodeId, r.nodeId!), eq(taskUnits.role, 'lead')));
  if (!lead || lead.unitId !== r.unitId) return { skip: SKIP_REASONS.leadUnitChanged };
  const link = `/nhiem-vu/${r.nodeId}`;
  const text = taskReminderText({
    kind,
    taskLabel: n.label,
    taskText: n.text,
    unitName,
    dueDate: a.dueDate,
    daysLate: daysBetween(a.dueDate, today),
    link,
  });
  if (kind === 'task_escalation') {
    return {
      to: [
        ...(await unitRecipients(tx, lead.unitId, ['leader'])),
        ...(await monitorRecipients(tx, r.programId)),
      ],
      unitEmail: null,
      msg: { ...text, link },
    };
  }
  const focal = a.focalUserId ? await userRecipient(tx, a.focalUserId) : null;
  return {
    to: focal ? [focal] : await unitRecipients(tx, lead.unitId, ['unit']),
    unitEmail: unit?.email ?? null,
    msg: { ...text, link },
  };
}

/** Sends one claimed reminder inside the caller's transaction (the sweep, or remindNow). */
export async function deliver(
  tx: Tx,
  r: ReminderRow,
  at: Date,
): Promise<{ status: 'sent' | 'skipped'; outcome: ReminderOutcome }> {
  // A later reminder of the same target already due supersedes this one (after downtime), but only
  // one planned for the same deadline (same key up to the offset: `p:<obligation>:<due date>:`,
  // `t:<node>:<due date>:`) or a one-click reminder, which was sent with the current deadline. After
  // a deadline moved, a reminder left from the old date is itself skipped ("due date changed"), so
  // letting it supersede one planned for the new date would leave the unit with nothing.
  if (!r.kind.endsWith('_escalation') && r.kind !== 'period_manual') {
    const target = r.obligationId
      ? eq(reminders.obligationId, r.obligationId)
      : r.directionId
        ? eq(reminders.directionId, r.directionId)
        : r.recommendationId
          ? eq(reminders.recommendationId, r.recommendationId)
          : eq(reminders.nodeId, r.nodeId!);
    const sameDeadline = r.key.slice(0, r.key.lastIndexOf(':') + 1);
    const [newer] = await tx
      .select({ id: reminders.id })
      .from(reminders)
      .where(
        and(
          target,
          sql`${reminders.kind} not like '%escalation'`,
          sql`(starts_with(${reminders.key}, ${sameDeadline}) or ${reminders.kind} = 'period_manual')`,
          sql`${reminders.dueAt} > ${r.dueAt.toISOString()}::timestamptz`,
          sql`${reminders.dueAt} <= ${at.toISOString()}::timestamptz`,
        ),
      )
      .limit(1);
    if (newer)
      return { status: 'skipped', outcome: { reason: SKIP_REASONS.superseded, supersededBy: newer.id } };
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
        subject: c.msg.subject,
        body: c.msg.text,
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

// ---- the sweep ----

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

// ---- the loop ----

/** Runs the sweep every `seconds` inside the app; returns a stop function that waits for a running sweep. */
export function startReminderLoop(deps: Deps, seconds: number, log: JobLog): () => Promise<void> {
  return startLoop(seconds, 2000, () => sweepReminders(deps), {
    done: (r) => {
      if (r.sent || r.skipped || r.emailsSent || r.emailsFailed) log.info(r, 'đôn đốc: đã quét lời nhắc');
    },
    failed: (e) => log.error({ err: e }, 'đôn đốc: lỗi khi quét lời nhắc'),
  });
}
