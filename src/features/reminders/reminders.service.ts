/**
 * Reminders (đôn đốc) as users see them: the one-click reminder from the matrix, and the lists of
 * reminders sent or planned. Planning, sending and the background sweep are in src/jobs/reminder-sweep.ts.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { reminders, reportObligations, units } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { loadPeriod } from '../../db/queries/reporting.js';
import { daysBetween, vnDate } from '../../domain/reporting/report.js';
import { OUTSTANDING, deliver } from '../../jobs/reminder-sweep.js';
import { mutate } from '../audit/audit-writer.js';
import { authorize, requireUser } from '../policy.js';
import type { Ctx } from '../context.js';
import { now, type Deps } from '../deps.js';
import { loadObligation } from '../reports/reports.queries.js';
import type {
  ObligationReminderList,
  RemindInput,
  RemindResult,
  ReminderList,
  ReminderOutcome,
  ReminderQuery,
  ReminderStatus,
} from '../../contract/reminders.js';

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
    const p = await loadPeriod(tx, input.periodId);
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
