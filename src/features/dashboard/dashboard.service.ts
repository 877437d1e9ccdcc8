/**
 * Progress for a program and period: each task's status and percent come from its lead unit's latest
 * accepted report (a task nobody has reported on is "not started"), and roll up by the rule in
 * src/domain/reporting/rollup.ts to task groups, the program and each lead unit. On time and late
 * are computed against the baseline due date on the reference day: today, or the period's cut-off
 * end when that is earlier.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { obstacles, reportObligations, units } from '../../db/schema.js';
import { rollUp, rollUpBy } from '../../domain/reporting/rollup.js';
import { authorize } from '../policy.js';
import type { Ctx } from '../context.js';
import type { Dashboard } from '../../contract/dashboard.js';
import type { ObligationStatus } from '../../contract/periods.js';
import { now, type Deps } from '../deps.js';
import { reportingRules } from '../reporting-rules.js';
import { loadProgress } from './dashboard.queries.js';
import { programRecommendationCounts } from '../inspections/recommendations.service.js';

/** Every unit's progress side by side: monitors, leaders and supervisors; units get 403. */
export async function dashboard(deps: Deps, ctx: Ctx, periodId: string): Promise<Dashboard> {
  authorize(ctx, 'report.readAll');
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
  // report_obligations.status is constrained to the obligation statuses in the database.
  const obBy = new Map(obs.map((o) => [o.unitId, { ...o, status: o.status as ObligationStatus }]));
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
      .map((o) => ({
        obligationId: o.id,
        unitId: o.unitId,
        unitName: o.unitName,
        status: o.status as ObligationStatus,
      })),
    openObstacles: openObs?.n ?? 0,
    recommendations: await programRecommendationCounts(deps.db, d.program.id, d.today),
  };
}
