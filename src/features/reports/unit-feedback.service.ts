/**
 * What a unit reads and reuses of its earlier reports: the last accepted report a new period's draft
 * starts from (copy forward, audited, never submitted by itself), its obstacles still open from earlier
 * periods, the review history of all its reports with the answers to its obstacles ("Phản hồi"), and a
 * task's accepted progress per period with the lead unit's latest entry not yet accepted.
 */
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import {
  auditEvents,
  obstacles,
  programNodes,
  reportObligations,
  reportVersions,
  reportingPeriods,
  taskUnits,
  users,
} from '../../db/schema.js';
import type { DbOrTx } from '../../db/connection.js';
import type { ObligationRow } from '../../db/queries/reporting.js';
import { loadPeriod } from '../../db/queries/reporting.js';
import { unitNames } from '../../db/queries/units.js';
import { AppError } from '../../errors.js';
import {
  REPORT_STATUSES,
  REVIEW_STATES,
  completeContent,
  emptyEntry,
  oneOf,
  type ReportContent,
  type ReportEntry,
} from '../../domain/reporting/report.js';
import type {
  AcceptedReport,
  CopyForwardBody,
  CopyForwardResult,
  EarlierReports,
  ReportHistory,
  TaskReporting,
  UnitFeedback,
} from '../../contract/feedback.js';
import { mutate } from '../audit/audit-writer.js';
import { versionConflict } from '../conflict.js';
import { authorizeForUnit } from '../policy.js';
import { actorUserId, type Ctx } from '../context.js';
import { now, type Deps } from '../deps.js';
import { obstacleRows } from '../obstacles/obstacles.service.js';
import { loadObligation, lockObligation } from './reports.queries.js';

const COPY_ACTION = 'report.copy_forward';

/** The accepted versions of a unit's reports, with their period, newest period first. */
async function acceptedVersions(db: DbOrTx, unitId: string, programId: string) {
  return db
    .select({
      obligationId: reportVersions.obligationId,
      number: reportVersions.number,
      content: reportVersions.content,
      reviewedAt: reportVersions.reviewedAt,
      periodId: reportingPeriods.id,
      periodLabel: reportingPeriods.label,
      cutoffEnd: reportingPeriods.cutoffEnd,
      openedAt: reportingPeriods.openedAt,
    })
    .from(reportVersions)
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, reportVersions.periodId))
    .where(
      and(
        eq(reportVersions.unitId, unitId),
        eq(reportingPeriods.programId, programId),
        eq(reportVersions.review, 'accepted'),
      ),
    )
    .orderBy(desc(reportingPeriods.cutoffEnd), desc(reportingPeriods.openedAt), desc(reportVersions.number));
}

/** What is carried forward of an accepted entry: status, %, results, products (not evidence, obstacles). */
function carriedEntry(e: ReportEntry): ReportEntry {
  return {
    ...emptyEntry(),
    status: e.status,
    percent: e.percent,
    results: e.results,
    products: e.products,
    completedOn: e.completedOn,
  };
}

/** The unit's last accepted report in a period before the obligation's, restricted to its tasks. */
async function lastAccepted(db: DbOrTx, o: ObligationRow): Promise<AcceptedReport | null> {
  const cur = await loadPeriod(db, o.periodId);
  const earlier = (await acceptedVersions(db, o.unitId, o.programId)).find(
    (v) =>
      v.periodId !== cur.id &&
      (v.cutoffEnd < cur.cutoffEnd || (v.cutoffEnd === cur.cutoffEnd && v.openedAt < cur.openedAt)),
  );
  if (!earlier) return null;
  const content = completeContent(earlier.content);
  const entries: Record<string, ReportEntry> = {};
  for (const t of o.tasks) {
    const e = content.entries[t.nodeId];
    if (e && (e.status || e.results.trim())) entries[t.nodeId] = carriedEntry(e);
  }
  return {
    obligationId: earlier.obligationId,
    periodId: earlier.periodId,
    periodLabel: earlier.periodLabel,
    number: earlier.number,
    acceptedAt: earlier.reviewedAt?.toISOString() ?? null,
    entries,
  };
}

const canCopyNow = (o: ObligationRow, periodOpen: boolean) =>
  periodOpen && o.status === 'not_started' && !o.draft && o.currentVersion === 0;

/** GET /api/reports/:id/earlier: the accepted report to start from, and the obstacles still open. */
export async function earlierReports(deps: Deps, ctx: Ctx, id: string): Promise<EarlierReports> {
  const o = await loadObligation(deps.db, ctx, id, 'report.read');
  const p = await loadPeriod(deps.db, o.periodId);
  const [accepted, copies, openObstacles] = await Promise.all([
    lastAccepted(deps.db, o),
    deps.db
      .select({ seq: auditEvents.seq })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.entityType, 'report'),
          eq(auditEvents.entityId, id),
          eq(auditEvents.action, COPY_ACTION),
        ),
      )
      .limit(1),
    obstacleRows(
      deps.db,
      and(
        eq(obstacles.unitId, o.unitId),
        eq(obstacles.programId, o.programId),
        ne(obstacles.periodId, o.periodId),
        sql`${obstacles.status} <> 'closed'`,
      ),
    ),
  ]);
  return {
    accepted,
    copied: copies.length > 0,
    canCopy: !!accepted && Object.keys(accepted.entries).length > 0 && canCopyNow(o, p.status === 'open'),
    openObstacles,
  };
}

/**
 * POST /api/reports/:id/copy-forward: starts the draft of a report never written from the unit's last
 * accepted report (status, %, results, products of the tasks it still carries). Only a draft: the unit
 * checks, updates and submits it itself.
 */
export async function copyForward(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: CopyForwardBody,
): Promise<CopyForwardResult> {
  await loadObligation(deps.db, ctx, id, 'report.write');
  return mutate(deps.db, ctx, async (tx, audit) => {
    const o = await lockObligation(tx, id);
    const p = await loadPeriod(tx, o.periodId);
    if (p.status !== 'open') throw new AppError('PERIOD_CLOSED');
    if (o.version !== input.version) throw await versionConflict(tx, 'report', o);
    if (!canCopyNow(o, true)) throw new AppError('REPORT_ALREADY_STARTED', { status: o.status });
    const from = await lastAccepted(tx, o);
    if (!from || Object.keys(from.entries).length === 0) throw new AppError('REPORT_NOTHING_TO_COPY');
    const draft: ReportContent = { ...completeContent(null), entries: from.entries };
    const t = now(deps);
    const [r] = await tx
      .update(reportObligations)
      .set({ draft, status: 'drafting', version: o.version + 1, updatedAt: t, updatedBy: actorUserId(ctx) })
      .where(eq(reportObligations.id, id))
      .returning();
    const copied = Object.keys(from.entries);
    audit.record({
      action: COPY_ACTION,
      entityType: 'report',
      entityId: id,
      before: { status: o.status },
      after: {
        status: 'drafting',
        fromObligationId: from.obligationId,
        fromPeriodId: from.periodId,
        fromVersion: from.number,
        copied,
      },
    });
    return {
      id,
      status: 'drafting',
      version: r!.version,
      copied,
      fromObligationId: from.obligationId,
      fromPeriodLabel: from.periodLabel,
    };
  });
}

/** GET /api/units/:id/feedback: the unit's obstacles with their answers, and its reports' reviews. */
export async function unitFeedback(deps: Deps, ctx: Ctx, unitId: string): Promise<UnitFeedback> {
  authorizeForUnit(ctx, 'report.read', unitId);
  const db = deps.db;
  const [obs, reports] = await Promise.all([
    obstacleRows(db, eq(obstacles.unitId, unitId)),
    db
      .select({
        obligationId: reportObligations.id,
        programId: reportObligations.programId,
        status: reportObligations.status,
        periodId: reportingPeriods.id,
        periodLabel: reportingPeriods.label,
      })
      .from(reportObligations)
      .innerJoin(reportingPeriods, eq(reportingPeriods.id, reportObligations.periodId))
      .where(and(eq(reportObligations.unitId, unitId), sql`${reportObligations.currentVersion} > 0`))
      .orderBy(desc(reportingPeriods.openedAt)),
  ]);
  const ids = reports.map((r) => r.obligationId);
  const versions = ids.length
    ? await db
        .select({
          obligationId: reportVersions.obligationId,
          number: reportVersions.number,
          submittedAt: reportVersions.submittedAt,
          submittedBy: reportVersions.submittedBy,
          late: reportVersions.late,
          review: reportVersions.review,
          reviewComment: reportVersions.reviewComment,
          taskComments: reportVersions.taskComments,
          reviewedAt: reportVersions.reviewedAt,
          reviewedBy: reportVersions.reviewedBy,
        })
        .from(reportVersions)
        .where(inArray(reportVersions.obligationId, ids))
        .orderBy(asc(reportVersions.number))
    : [];
  const people = [
    ...new Set(versions.flatMap((v) => [v.submittedBy, v.reviewedBy]).filter((x): x is string => !!x)),
  ];
  const nodeIds = [...new Set(versions.flatMap((v) => Object.keys(v.taskComments ?? {})))];
  const [names, labels] = await Promise.all([
    people.length
      ? db.select({ id: users.id, name: users.fullName }).from(users).where(inArray(users.id, people))
      : [],
    nodeIds.length
      ? db
          .select({ id: programNodes.id, label: programNodes.label })
          .from(programNodes)
          .where(inArray(programNodes.id, nodeIds))
      : [],
  ]);
  const nameOf = (id: string | null) => names.find((n) => n.id === id)?.name ?? null;
  const labelOf = (id: string) => labels.find((n) => n.id === id)?.label ?? '';
  return {
    obstacles: obs,
    reports: reports.map((r): ReportHistory => ({
      ...r,
      status: oneOf(REPORT_STATUSES, r.status),
      steps: versions
        .filter((v) => v.obligationId === r.obligationId)
        .map((v) => ({
          number: v.number,
          submittedAt: v.submittedAt.toISOString(),
          submittedByName: nameOf(v.submittedBy),
          late: v.late,
          review: oneOf(REVIEW_STATES, v.review),
          reviewComment: v.reviewComment,
          taskComments: Object.entries(v.taskComments ?? {}).map(([nodeId, comment]) => ({
            nodeId,
            label: labelOf(nodeId),
            comment,
          })),
          reviewedAt: v.reviewedAt?.toISOString() ?? null,
          reviewerName: nameOf(v.reviewedBy),
        })),
    })),
  };
}

/**
 * GET /api/tasks/:id/reporting: the lead unit's accepted entries on the task, one per period, and its
 * latest entry not yet accepted. For the lead unit itself and the roles that read every unit.
 */
export async function taskReporting(deps: Deps, ctx: Ctx, nodeId: string): Promise<TaskReporting> {
  const db = deps.db;
  const [node] = await db
    .select({ id: programNodes.id, programId: programNodes.programId, isTask: programNodes.isTask })
    .from(programNodes)
    .where(eq(programNodes.id, nodeId));
  if (!node?.isTask) throw new AppError('TASK_NOT_FOUND', { nodeId });
  const [lead] = await db
    .select({ unitId: taskUnits.unitId })
    .from(taskUnits)
    .where(and(eq(taskUnits.nodeId, nodeId), eq(taskUnits.role, 'lead')));
  authorizeForUnit(ctx, 'report.read', lead?.unitId ?? null);
  if (!lead) return { leadUnitId: null, leadUnitName: null, accepted: [], latest: null };
  const names = await unitNames(db, [lead.unitId]);
  const seen = new Set<string>();
  const accepted: TaskReporting['accepted'] = [];
  for (const v of await acceptedVersions(db, lead.unitId, node.programId)) {
    const e = completeContent(v.content).entries[nodeId];
    if (!e || seen.has(v.periodId)) continue;
    seen.add(v.periodId);
    accepted.push({
      periodId: v.periodId,
      periodLabel: v.periodLabel,
      obligationId: v.obligationId,
      number: v.number,
      acceptedAt: v.reviewedAt?.toISOString() ?? null,
      entry: e,
    });
  }
  return {
    leadUnitId: lead.unitId,
    leadUnitName: names.get(lead.unitId) ?? null,
    accepted,
    latest: await latestNotAccepted(db, lead.unitId, node.programId, nodeId),
  };
}

/** The lead unit's newest report on the task when it is not accepted yet: its draft or last version. */
async function latestNotAccepted(
  db: DbOrTx,
  unitId: string,
  programId: string,
  nodeId: string,
): Promise<TaskReporting['latest']> {
  const [o] = await db
    .select({
      id: reportObligations.id,
      status: reportObligations.status,
      draft: reportObligations.draft,
      currentVersion: reportObligations.currentVersion,
      updatedAt: reportObligations.updatedAt,
      periodLabel: reportingPeriods.label,
    })
    .from(reportObligations)
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, reportObligations.periodId))
    .where(and(eq(reportObligations.unitId, unitId), eq(reportObligations.programId, programId)))
    .orderBy(desc(reportingPeriods.cutoffEnd), desc(reportingPeriods.openedAt))
    .limit(1);
  if (!o || o.status === 'accepted' || o.status === 'not_started') return null;
  const base = { obligationId: o.id, periodLabel: o.periodLabel };
  if (o.status === 'drafting' && o.draft) {
    const e = completeContent(o.draft).entries[nodeId];
    return e ? { ...base, state: 'draft', number: null, at: o.updatedAt.toISOString(), entry: e } : null;
  }
  const [v] = await db
    .select()
    .from(reportVersions)
    .where(and(eq(reportVersions.obligationId, o.id), eq(reportVersions.number, o.currentVersion)));
  const e = v && completeContent(v.content).entries[nodeId];
  if (!v || !e) return null;
  return {
    ...base,
    state: v.review === 'returned' ? 'returned' : 'submitted',
    number: v.number,
    at: v.submittedAt.toISOString(),
    entry: e,
  };
}
