/**
 * Progress for a program and period: each task's status and percent come from its lead unit's latest
 * accepted report (a task nobody has reported on is "not started"), and roll up by the rule in
 * src/domain/reporting/rollup.ts to task groups, the program and each lead unit. On time and late
 * are computed against the baseline due date on the reference day: today, or the period's cut-off
 * end when that is earlier.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import {
  obstacles,
  programBaselines,
  programs,
  reportObligations,
  reportVersions,
  taskAssignments,
  taskProgress,
  taskUnits,
  units,
} from '../../db/schema.js';
import { inOrder, type DbOrTx } from '../../db/connection.js';
import { programOutline } from '../../db/outline.js';
import { AppError } from '../../errors.js';
import {
  rollUp,
  rollUpBy,
  timeliness,
  effectivePercent,
  type TaskProgress,
} from '../../domain/reporting/rollup.js';
import { vnDate, type ReportContent, type ReportEntry } from '../../domain/reporting/report.js';
import { taskGroupOf } from '../../domain/plan/tree.js';
import { authorize } from '../policy.js';
import type { Ctx } from '../context.js';
import type { Deps } from '../deps.js';
import { now, reportingRules } from './rules.js';
import { loadPeriod, type PeriodRow } from './periods.service.js';

export interface TaskRow extends TaskProgress {
  label: string;
  text: string;
  groupLabel: string | null;
  groupTitle: string | null;
  leadUnitName: string | null;
  effective: number | null;
  timeliness: 'on_time' | 'late' | 'no_deadline';
}

export interface ProgressData {
  program: typeof programs.$inferSelect;
  period: PeriodRow;
  today: string;
  tasks: TaskRow[];
  groups: { id: string | null; label: string | null; title: string | null }[];
}

/** Loads every task of the program with its current progress and baseline deadline. */
export async function loadProgress(db: DbOrTx, periodId: string, at: Date): Promise<ProgressData> {
  const period = await loadPeriod(db, periodId);
  const [program] = await db.select().from(programs).where(eq(programs.id, period.programId));
  if (!program) throw new AppError('PROGRAM_NOT_FOUND', { id: period.programId });
  const today = [vnDate(at), period.cutoffEnd].sort()[0]!;
  // One after another: `db` may be a transaction (one connection).
  const [nodes, leads, progress, base, assigns] = await inOrder([
    programOutline(db, program.id),
    db
      .select({ nodeId: taskUnits.nodeId, unitId: taskUnits.unitId, name: units.name })
      .from(taskUnits)
      .innerJoin(units, eq(units.id, taskUnits.unitId))
      .where(and(eq(taskUnits.programId, program.id), eq(taskUnits.role, 'lead'))),
    db.select().from(taskProgress).where(eq(taskProgress.programId, program.id)),
    db.select().from(programBaselines).where(eq(programBaselines.programId, program.id)),
    db
      .select({ nodeId: taskAssignments.nodeId, dueDate: taskAssignments.dueDate })
      .from(taskAssignments)
      .where(eq(taskAssignments.programId, program.id)),
  ]);
  const rules = reportingRules();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const leadBy = new Map(leads.map((l) => [l.nodeId, l]));
  const progBy = new Map(progress.map((p) => [p.nodeId, p]));
  const dueBy = new Map(assigns.map((a) => [a.nodeId, a.dueDate]));
  const snap = (base[0]?.snapshot ?? {}) as Record<string, { dueDate?: string | null }>;
  const groups = new Map<string | null, { id: string | null; label: string | null; title: string | null }>();
  const tasks: TaskRow[] = nodes
    .filter((n) => n.isTask)
    .map((n) => {
      const g = taskGroupOf(byId, n.id);
      if (!groups.has(g?.id ?? null))
        groups.set(g?.id ?? null, { id: g?.id ?? null, label: g?.label ?? null, title: g?.title ?? null });
      const pr = progBy.get(n.id);
      const lead = leadBy.get(n.id);
      const t: TaskProgress = {
        nodeId: n.id,
        groupId: g?.id ?? null,
        leadUnitId: lead?.unitId ?? null,
        status: pr?.status ?? 'not_started',
        percent: pr?.percent ?? null,
        baselineDue: snap[n.id]?.dueDate ?? dueBy.get(n.id) ?? null,
        completedOn: pr?.completedOn ?? null,
      };
      return {
        ...t,
        label: n.label,
        text: n.text,
        groupLabel: g?.label ?? null,
        groupTitle: g?.title ?? null,
        leadUnitName: lead?.name ?? null,
        effective: effectivePercent(rules, t),
        timeliness: timeliness(t, today),
      };
    });
  return { program, period, today, tasks, groups: [...groups.values()] };
}

/** Accepted report entries of the period, per task: the lead's entry and the cooperating ones. */
export async function acceptedEntries(db: DbOrTx, periodId: string) {
  const list = await db
    .select({
      unitId: reportObligations.unitId,
      unitName: units.name,
      content: reportVersions.content,
      number: reportVersions.number,
      tasks: reportObligations.tasks,
    })
    .from(reportVersions)
    .innerJoin(reportObligations, eq(reportObligations.id, reportVersions.obligationId))
    .innerJoin(units, eq(units.id, reportObligations.unitId))
    .where(and(eq(reportVersions.periodId, periodId), eq(reportVersions.review, 'accepted')))
    .orderBy(asc(reportVersions.number));
  const byTask = new Map<string, { unitId: string; unitName: string; role: string; entry: ReportEntry }[]>();
  const general: { unitId: string; unitName: string; general: ReportContent['general'] }[] = [];
  const latest = new Map<string, (typeof list)[number]>();
  for (const v of list) latest.set(v.unitId, v);
  for (const v of latest.values()) {
    const c = v.content as ReportContent;
    general.push({ unitId: v.unitId, unitName: v.unitName, general: c.general });
    const roles = new Map((v.tasks as { nodeId: string; role: string }[]).map((t) => [t.nodeId, t.role]));
    for (const [nodeId, entry] of Object.entries(c.entries)) {
      const list2 = byTask.get(nodeId) ?? [];
      list2.push({ unitId: v.unitId, unitName: v.unitName, role: roles.get(nodeId) ?? 'cooperating', entry });
      byTask.set(nodeId, list2);
    }
  }
  return { byTask, general };
}

export async function dashboard(deps: Deps, ctx: Ctx, periodId: string) {
  authorize(ctx, 'report.read');
  const rules = reportingRules();
  const d = await loadProgress(deps.db, periodId, now(deps));
  const overall = rollUp(rules, d.tasks, d.today);
  const byGroup = rollUpBy(rules, d.tasks, (t) => t.groupId, d.today);
  const byUnit = rollUpBy(rules, d.tasks, (t) => t.leadUnitId, d.today);
  const obs = await deps.db
    .select({
      id: reportObligations.id,
      unitId: reportObligations.unitId,
      unitName: units.name,
      status: reportObligations.status,
      late: reportObligations.late,
    })
    .from(reportObligations)
    .innerJoin(units, eq(units.id, reportObligations.unitId))
    .where(eq(reportObligations.periodId, periodId))
    .orderBy(asc(units.name));
  const obBy = new Map(obs.map((o) => [o.unitId, o]));
  const unitName = new Map(d.tasks.map((t) => [t.leadUnitId, t.leadUnitName]));
  const [openObs] = await deps.db
    .select({ n: sql<number>`count(*)::int` })
    .from(obstacles)
    .where(and(eq(obstacles.programId, d.program.id), sql`${obstacles.status} <> 'closed'`));
  const judged = overall.onTime + overall.late;
  const statusCounts: Record<string, number> = {};
  for (const t of d.tasks) statusCounts[t.status] = (statusCounts[t.status] ?? 0) + 1;
  return {
    period: {
      id: d.period.id,
      label: d.period.label,
      dueDate: d.period.dueDate,
      cutoffStart: d.period.cutoffStart,
      cutoffEnd: d.period.cutoffEnd,
      status: d.period.status,
    },
    program: { id: d.program.id, title: d.program.title, number: d.program.number },
    referenceDay: d.today,
    overall: { ...overall, onTimeRate: judged ? Math.round((overall.onTime / judged) * 1000) / 10 : null },
    statusCounts,
    byGroup: d.groups.map((g) => ({ ...g, ...(byGroup.get(g.id) ?? rollUp(rules, [], d.today)) })),
    byUnit: [...byUnit]
      .filter(([k]) => k !== null)
      .map(([unitId, r]) => ({
        unitId: unitId!,
        unitName: unitName.get(unitId) ?? '',
        ...r,
        obligationId: obBy.get(unitId!)?.id ?? null,
        reportStatus: obBy.get(unitId!)?.status ?? null,
      }))
      .sort((a, b) => a.percent - b.percent || a.unitName.localeCompare(b.unitName, 'vi')),
    overdueTasks: d.tasks
      .filter((t) => t.timeliness === 'late' && t.status !== 'done' && t.status !== 'obsolete')
      .map((t) => ({
        nodeId: t.nodeId,
        label: t.label,
        text: t.text.length > 200 ? `${t.text.slice(0, 197)}…` : t.text,
        leadUnitId: t.leadUnitId,
        leadUnitName: t.leadUnitName,
        dueDate: t.baselineDue,
        status: t.status,
        percent: t.effective,
      })),
    reports: {
      total: obs.length,
      accepted: obs.filter((o) => o.status === 'accepted').length,
      submitted: obs.filter((o) => o.status === 'submitted').length,
      late: obs.filter((o) => o.late).length,
    },
    unitsNotReported: obs
      .filter((o) => ['not_started', 'drafting', 'returned'].includes(o.status))
      .map((o) => ({ obligationId: o.id, unitId: o.unitId, unitName: o.unitName, status: o.status })),
    openObstacles: openObs?.n ?? 0,
  };
}
