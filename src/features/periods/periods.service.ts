/**
 * Reporting periods: the monitor opens a period for a program (monthly … annual, or ad hoc) with its
 * cut-off window and sending deadline; opening creates a report obligation for every unit that leads
 * or cooperates on an active task. The period view is also the "who has reported" matrix.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  programNodes,
  programs,
  reminders,
  reportObligations,
  reportingPeriods,
  taskProgress,
  taskUnits,
  units,
} from '../../db/schema.js';
import type { DbOrTx } from '../../db/connection.js';
import { pgConstraint, pgErrorCode } from '../../db/errors.js';
import { AppError } from '../../errors.js';
import { periodWindow } from '../../domain/reporting/periods.js';
import { workingCalendar } from '../working-calendar.js';
import { vnDate, type CarriedTask, type ReminderSchedule } from '../../domain/reporting/report.js';
import type {
  MatrixRow,
  ObligationStatus,
  OpenPeriodInput,
  OpenPeriodResult,
  PeriodCounts,
  PeriodDetail,
  PeriodList,
  PeriodPatch,
  PeriodQuery,
  PeriodSummary,
  PeriodVersion,
} from '../../contract/periods.js';
import { isIsoDate } from '../../domain/plan/assignment.js';
import { mutate } from '../audit/audit-writer.js';
import { notify } from '../notifications/events.js';
import { versionConflict } from '../conflict.js';
import { authorize, seesAllUnits } from '../policy.js';
import { actorUserId, type Ctx } from '../context.js';
import { now, type Deps } from '../deps.js';
import { reportingRules } from '../reporting-rules.js';
import { loadPeriod, type PeriodRow } from '../../db/queries/reporting.js';

function bad(message: string, details?: unknown): AppError {
  return new AppError('PERIOD_INVALID', details, message);
}

/** The tasks each unit carries in a program, leaving out tasks already done or no longer appropriate. */
export async function carriedByUnit(db: DbOrTx, programId: string): Promise<Map<string, CarriedTask[]>> {
  const r = await db
    .select({
      nodeId: taskUnits.nodeId,
      unitId: taskUnits.unitId,
      role: taskUnits.role,
      status: taskProgress.status,
    })
    .from(taskUnits)
    .innerJoin(programNodes, eq(programNodes.id, taskUnits.nodeId))
    .leftJoin(taskProgress, eq(taskProgress.nodeId, taskUnits.nodeId))
    .where(eq(taskUnits.programId, programId))
    .orderBy(asc(programNodes.position));
  const out = new Map<string, CarriedTask[]>();
  for (const x of r) {
    if (x.status === 'done' || x.status === 'obsolete') continue;
    const list = out.get(x.unitId) ?? [];
    list.push({ nodeId: x.nodeId, role: x.role as CarriedTask['role'] });
    out.set(x.unitId, list);
  }
  return out;
}

export async function openPeriod(
  deps: Deps,
  ctx: Ctx,
  programId: string,
  input: OpenPeriodInput,
): Promise<OpenPeriodResult> {
  authorize(ctx, 'report.manage');
  const rules = reportingRules();
  const schedule: ReminderSchedule = {
    before: rules.reminders.before,
    onDay: rules.reminders.onDay,
    everyDaysLate: rules.reminders.everyDaysLate,
    escalateAfterDaysLate: rules.reminders.escalateAfterDaysLate,
    ...input.schedule,
  };
  if (schedule.before.some((d) => !Number.isInteger(d) || d < 1 || d > 90))
    throw bad('Số ngày nhắc trước hạn phải từ 1 đến 90');
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw bad('Năm không hợp lệ');
  let window: {
    index: number;
    label: string;
    cutoffStart: string;
    cutoffEnd: string;
    sendingDeadline: string;
  };
  if (input.kind === 'adhoc') {
    if (!input.label?.trim() || !input.cutoffStart || !input.cutoffEnd || !input.dueDate)
      throw bad('Kỳ báo cáo chuyên đề, đột xuất cần tên kỳ, thời gian chốt số liệu và hạn gửi');
    window = {
      index: 0,
      label: input.label.trim(),
      cutoffStart: input.cutoffStart,
      cutoffEnd: input.cutoffEnd,
      sendingDeadline: input.dueDate,
    };
  } else {
    try {
      window = periodWindow(rules, input.kind, input.year, input.index ?? 1, workingCalendar());
    } catch (e) {
      throw bad((e as Error).message);
    }
    if (input.label?.trim()) window.label = input.label.trim();
    if (input.cutoffStart) window.cutoffStart = input.cutoffStart;
    if (input.cutoffEnd) window.cutoffEnd = input.cutoffEnd;
  }
  const dueDate = input.dueDate ?? window.sendingDeadline;
  for (const d of [window.cutoffStart, window.cutoffEnd, dueDate])
    if (!isIsoDate(d)) throw bad(`Ngày "${d}" không hợp lệ (định dạng YYYY-MM-DD)`);
  if (window.cutoffStart > window.cutoffEnd) throw bad('Ngày bắt đầu chốt số liệu phải trước ngày kết thúc');

  try {
    return await mutate(deps.db, ctx, async (tx, audit) => {
      const [program] = await tx.select().from(programs).where(eq(programs.id, programId)).for('update');
      if (!program) throw new AppError('PROGRAM_NOT_FOUND', { id: programId });
      if (program.status !== 'implementing') throw new AppError('PROGRAM_NOT_IMPLEMENTING');
      let index = window.index;
      if (input.kind === 'adhoc') {
        const [c] = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(reportingPeriods)
          .where(and(eq(reportingPeriods.programId, programId), eq(reportingPeriods.kind, 'adhoc')));
        index = (c?.n ?? 0) + 1;
      }
      const [period] = await tx
        .insert(reportingPeriods)
        .values({
          programId,
          kind: input.kind,
          year: input.year,
          index,
          label: window.label,
          cutoffStart: window.cutoffStart,
          cutoffEnd: window.cutoffEnd,
          dueDate,
          reviewKind: input.reviewKind ?? (input.kind === 'yearly' ? 'tong_ket' : 'so_ket'),
          schedule,
          openedBy: actorUserId(ctx),
          updatedBy: actorUserId(ctx),
        })
        .returning();
      const carried = await carriedByUnit(tx, programId);
      const obligations = [...carried].map(([unitId, tasks]) => ({
        periodId: period!.id,
        programId,
        unitId,
        tasks,
      }));
      if (obligations.length) await tx.insert(reportObligations).values(obligations);
      audit.record({
        action: 'period.open',
        entityType: 'period',
        entityId: period!.id,
        after: {
          programId,
          kind: period!.kind,
          year: period!.year,
          index: period!.index,
          label: period!.label,
          cutoffStart: period!.cutoffStart,
          cutoffEnd: period!.cutoffEnd,
          dueDate,
          schedule,
          obligations: obligations.length,
          units: obligations.map((o) => o.unitId),
        },
      });
      await notify(tx, deps, ctx, { kind: 'period.opened', periodId: period!.id });
      return { id: period!.id, obligations: obligations.length };
    });
  } catch (e) {
    if (pgErrorCode(e) === '23505' && pgConstraint(e) === 'reporting_periods_key')
      throw new AppError('PERIOD_EXISTS', { kind: input.kind, year: input.year, index: input.index ?? 1 });
    throw e;
  }
}

const OUTSTANDING = ['not_started', 'drafting', 'returned'];

function countsOf(obs: { status: string; late: boolean }[], overdue: boolean): PeriodCounts {
  const counts: PeriodCounts = {
    total: obs.length,
    not_started: 0,
    drafting: 0,
    submitted: 0,
    returned: 0,
    accepted: 0,
    late: 0,
    overdue: 0,
  };
  for (const o of obs) {
    counts[o.status as ObligationStatus]++;
    if (o.late) counts.late++;
    if (overdue && OUTSTANDING.includes(o.status)) counts.overdue++;
  }
  return counts;
}

function summary(p: PeriodRow, obs: { status: string; late: boolean }[], today: string): PeriodSummary {
  return {
    id: p.id,
    programId: p.programId,
    kind: p.kind,
    year: p.year,
    index: p.index,
    label: p.label,
    cutoffStart: p.cutoffStart,
    cutoffEnd: p.cutoffEnd,
    dueDate: p.dueDate,
    reviewKind: p.reviewKind,
    status: p.status,
    schedule: p.schedule,
    openedAt: p.openedAt.toISOString(),
    closedAt: p.closedAt?.toISOString() ?? null,
    version: p.version,
    counts: countsOf(obs, p.status === 'open' && today > p.dueDate),
  };
}

export async function listPeriods(deps: Deps, ctx: Ctx, programId: string): Promise<PeriodList> {
  authorize(ctx, 'report.read');
  const ps = await deps.db
    .select()
    .from(reportingPeriods)
    .where(eq(reportingPeriods.programId, programId))
    .orderBy(desc(reportingPeriods.openedAt));
  const ids = ps.map((p) => p.id);
  const obs = ids.length
    ? await deps.db
        .select({
          periodId: reportObligations.periodId,
          id: reportObligations.id,
          unitId: reportObligations.unitId,
          status: reportObligations.status,
          late: reportObligations.late,
        })
        .from(reportObligations)
        .where(inArray(reportObligations.periodId, ids))
    : [];
  const today = vnDate(now(deps));
  const mine = ctx.actor?.kind === 'user' && ctx.actor.role === 'unit' ? ctx.actor.unitId : null;
  const all = seesAllUnits(ctx);
  return {
    items: ps.map((p) => {
      const po = obs.filter((o) => o.periodId === p.id);
      const own = mine ? po.find((o) => o.unitId === mine) : undefined;
      // A unit user's counts are of its own obligation only, as in the period's matrix (getPeriod).
      return {
        ...summary(p, all ? po : own ? [own] : [], today),
        myObligationId: own?.id ?? null,
        myStatus: (own?.status as ObligationStatus | undefined) ?? null,
      };
    }),
  };
}

/** The period and its "who has reported" matrix (a unit user sees only its own row). */
export async function getPeriod(
  deps: Deps,
  ctx: Ctx,
  periodId: string,
  filter: PeriodQuery = {},
): Promise<PeriodDetail> {
  authorize(ctx, 'report.read');
  const p = await loadPeriod(deps.db, periodId);
  const [program] = await deps.db
    .select({ id: programs.id, title: programs.title, number: programs.number })
    .from(programs)
    .where(eq(programs.id, p.programId));
  const today = vnDate(now(deps));
  const all = await deps.db
    .select({
      id: reportObligations.id,
      unitId: reportObligations.unitId,
      unitName: units.name,
      unitCode: units.code,
      status: reportObligations.status,
      late: reportObligations.late,
      tasks: reportObligations.tasks,
      currentVersion: reportObligations.currentVersion,
      submittedAt: reportObligations.submittedAt,
    })
    .from(reportObligations)
    .innerJoin(units, eq(units.id, reportObligations.unitId))
    .where(eq(reportObligations.periodId, periodId))
    .orderBy(asc(units.name));
  const visible = seesAllUnits(ctx)
    ? all
    : all.filter((o) => ctx.actor?.kind === 'user' && o.unitId === ctx.actor.unitId);
  const rem = visible.length
    ? await deps.db
        .select({
          obligationId: reminders.obligationId,
          n: sql<number>`count(*)::int`,
          last: sql<string | null>`max(${reminders.sentAt})`,
        })
        .from(reminders)
        .where(and(eq(reminders.periodId, periodId), eq(reminders.status, 'sent')))
        .groupBy(reminders.obligationId)
    : [];
  const remBy = new Map(rem.map((r) => [r.obligationId, r]));
  // Overdue means still expected: a closed period expects nothing more.
  const overduePeriod = p.status === 'open' && today > p.dueDate;
  let rows: MatrixRow[] = visible.map((o) => {
    const tasks = o.tasks as CarriedTask[];
    const r = remBy.get(o.id);
    return {
      obligationId: o.id,
      unitId: o.unitId,
      unitName: o.unitName,
      unitCode: o.unitCode,
      status: o.status as ObligationStatus,
      late: o.late,
      overdue: overduePeriod && OUTSTANDING.includes(o.status),
      tasks: tasks.length,
      leadTasks: tasks.filter((t) => t.role === 'lead').length,
      currentVersion: o.currentVersion,
      submittedAt: o.submittedAt?.toISOString() ?? null,
      lastReminderAt: r?.last ? new Date(r.last).toISOString() : null,
      reminders: r?.n ?? 0,
    };
  });
  const counts = countsOf(visible, overduePeriod);
  if (filter.status === 'late') rows = rows.filter((r) => r.late);
  else if (filter.status === 'overdue') rows = rows.filter((r) => r.overdue);
  else if (filter.status) rows = rows.filter((r) => r.status === filter.status);
  if (filter.q) {
    const { fold } = await import('../../domain/text.js');
    const q = fold(filter.q);
    rows = rows.filter((r) => fold(`${r.unitName} ${r.unitCode}`).includes(q));
  }
  return { ...summary(p, visible, today), counts, program: program ?? null, today, rows };
}

export async function updatePeriod(
  deps: Deps,
  ctx: Ctx,
  periodId: string,
  input: PeriodPatch,
): Promise<PeriodVersion> {
  authorize(ctx, 'report.manage');
  if (input.dueDate !== undefined && !isIsoDate(input.dueDate)) throw bad('Hạn gửi không hợp lệ');
  return mutate(deps.db, ctx, async (tx, audit) => {
    const p = await loadPeriod(tx, periodId, { lock: true });
    if (p.version !== input.version) throw await versionConflict(tx, 'period', p);
    const next = {
      dueDate: input.dueDate ?? p.dueDate,
      label: input.label?.trim() || p.label,
      schedule: { ...p.schedule, ...input.schedule },
      status: input.status ?? p.status,
    };
    const before = { dueDate: p.dueDate, label: p.label, schedule: p.schedule, status: p.status };
    if (JSON.stringify(before) === JSON.stringify(next)) {
      audit.nothingChanged();
      return { id: p.id, version: p.version };
    }
    const t = now(deps);
    const [r] = await tx
      .update(reportingPeriods)
      .set({
        ...next,
        closedAt: next.status === 'closed' ? (p.closedAt ?? t) : null,
        version: p.version + 1,
        updatedAt: t,
        updatedBy: actorUserId(ctx),
      })
      .where(eq(reportingPeriods.id, periodId))
      .returning();
    const action =
      next.status !== p.status
        ? next.status === 'closed'
          ? 'period.close'
          : 'period.reopen'
        : 'period.update';
    audit.record({ action, entityType: 'period', entityId: p.id, before, after: next });
    return { id: r!.id, version: r!.version };
  });
}
