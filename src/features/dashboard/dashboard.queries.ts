/**
 * Progress of every task in a period, from the lead units' latest accepted reports, with the baseline
 * deadline: read by the dashboard and the consolidated report.
 */
import { and, asc, eq } from 'drizzle-orm';
import {
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
import { programOutline } from '../../db/queries/outline.js';
import { AppError } from '../../errors.js';
import { timeliness, effectivePercent, type TaskProgress } from '../../domain/reporting/rollup.js';
import {
  vnDate,
  type CarriedTask,
  type ReportContent,
  type ReportEntry,
  type ReportGeneral,
  type TaskRole,
} from '../../domain/reporting/report.js';
import { taskGroupOf } from '../../domain/plan/tree.js';
import { reportingRules } from '../reporting-rules.js';
import { loadPeriod, type PeriodRow } from '../../db/queries/reporting.js';

export interface TaskRow extends TaskProgress {
  label: string;
  text: string;
  groupLabel: string | null;
  groupTitle: string | null;
  leadUnitName: string | null;
  /** The reported percent, or the status's default; null when left out of the roll-up. */
  effective: number | null;
  timeliness: ReturnType<typeof timeliness>;
}

export interface TaskGroup {
  id: string | null;
  label: string | null;
  title: string | null;
}

export interface ProgressData {
  program: typeof programs.$inferSelect;
  period: PeriodRow;
  today: string;
  tasks: TaskRow[];
  groups: TaskGroup[];
}

/** A unit's accepted entry on a task. */
export interface AcceptedEntry {
  unitId: string;
  unitName: string;
  role: TaskRole;
  entry: ReportEntry;
}

export interface AcceptedEntries {
  /** Per task: the lead's entry and the cooperating ones. */
  byTask: Map<string, AcceptedEntry[]>;
  /** Each unit's general part (summary, obstacles, proposals, next steps). */
  general: { unitId: string; unitName: string; general: ReportGeneral }[];
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
  const groups = new Map<string | null, TaskGroup>();
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
export async function acceptedEntries(db: DbOrTx, periodId: string): Promise<AcceptedEntries> {
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
  const byTask: AcceptedEntries['byTask'] = new Map();
  const general: AcceptedEntries['general'] = [];
  const latest = new Map<string, (typeof list)[number]>();
  for (const v of list) latest.set(v.unitId, v);
  for (const v of latest.values()) {
    const c = v.content as ReportContent;
    general.push({ unitId: v.unitId, unitName: v.unitName, general: c.general });
    const roles = new Map((v.tasks as CarriedTask[]).map((t) => [t.nodeId, t.role]));
    for (const [nodeId, entry] of Object.entries(c.entries)) {
      const list2 = byTask.get(nodeId) ?? [];
      list2.push({ unitId: v.unitId, unitName: v.unitName, role: roles.get(nodeId) ?? 'cooperating', entry });
      byTask.set(nodeId, list2);
    }
  }
  return { byTask, general };
}
