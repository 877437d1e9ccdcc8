/**
 * A unit's report for a period: the draft (saved any time), submission (read-only afterwards, one
 * version per submission, idempotent), review (accept, or return with comments per task), versions
 * and their comparison, evidence files (content-addressed), and the cooperating units' inputs shown
 * to the lead unit.
 */
import { progressLeaves } from '../public/publication.service.js';
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import {
  evidenceUploads,
  obstacles,
  programBaselines,
  programNodes,
  reportObligations,
  reportVersions,
  reportingPeriods,
  taskAssignments,
  taskProgress,
  taskUnits,
  units,
} from '../../db/schema.js';
import type { DbOrTx, Tx } from '../../db/connection.js';
import { programOutline } from '../../db/queries/outline.js';
import { pgConstraint, pgErrorCode } from '../../db/errors.js';
import { AppError } from '../../errors.js';
import {
  EDITABLE_STATUSES,
  PERIOD_STATUSES,
  REPORT_STATUSES,
  REVIEW_STATES,
  checkEntries,
  checkSubmission,
  completeContent,
  diffEntries,
  normaliseEntry,
  oneOf,
  vnDate,
  type EntryProblem,
  type ReportContent,
} from '../../domain/reporting/report.js';
import type {
  Comparison,
  CooperatingInput,
  DraftBody,
  DraftSaved,
  ReportView,
  ReviewBody,
  ReviewResult,
  SubmitBody,
  SubmitResult,
  UnitReportList,
  VersionSummary,
  VersionView,
} from '../../contract/reports.js';
import { effectivePercent, timeliness } from '../../domain/reporting/rollup.js';
import { taskGroupOf } from '../../domain/plan/tree.js';
import { mutate, type AuditRecorder } from '../audit/audit-writer.js';
import { notify } from '../notifications/events.js';
import { versionConflict } from '../conflict.js';
import { authorize } from '../policy.js';
import { actorUserId, type Ctx } from '../context.js';
import { now, type Deps } from '../deps.js';
import { reportingRules } from '../reporting-rules.js';
import { loadPeriod, type ObligationRow } from '../../db/queries/reporting.js';
import { unitNames } from '../../db/queries/units.js';
import { loadObligation, lockObligation } from './reports.queries.js';
import { resolveEvidence } from './evidence.service.js';

function problemError(problems: EntryProblem[]): AppError {
  const first = problems[0]!;
  return new AppError(first.code, { problems }, problems.map((p) => p.message).join('; '));
}

async function labelsOf(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const r = await db
    .select({ id: programNodes.id, label: programNodes.label })
    .from(programNodes)
    .where(inArray(programNodes.id, ids));
  return new Map(r.map((n) => [n.id, n.label]));
}

const editable = (status: string) => EDITABLE_STATUSES.some((s) => s === status);
const reportStatus = (s: string) => oneOf(REPORT_STATUSES, s);
const reviewState = (s: string) => oneOf(REVIEW_STATES, s);

// ---- reading ----

export async function getObligation(deps: Deps, ctx: Ctx, id: string): Promise<ReportView> {
  const o = await loadObligation(deps.db, ctx, id, 'report.read');
  const db = deps.db;
  const p = await loadPeriod(db, o.periodId);
  const carried = o.tasks;
  const ids = carried.map((t) => t.nodeId);
  const nodes = await programOutline(db, o.programId);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const [roles, assigns, progress, baseline] = await Promise.all([
    ids.length ? db.select().from(taskUnits).where(inArray(taskUnits.nodeId, ids)) : [],
    ids.length ? db.select().from(taskAssignments).where(inArray(taskAssignments.nodeId, ids)) : [],
    ids.length ? db.select().from(taskProgress).where(inArray(taskProgress.nodeId, ids)) : [],
    db.select().from(programBaselines).where(eq(programBaselines.programId, o.programId)),
  ]);
  const snap = (baseline[0]?.snapshot ?? {}) as Record<string, { dueDate?: string | null }>;
  const names = await unitNames(db, [o.unitId, ...roles.map((r) => r.unitId)]);
  const aBy = new Map(assigns.map((a) => [a.nodeId, a]));
  const pBy = new Map(progress.map((x) => [x.nodeId, x]));
  const tasks = carried.map((t) => {
    const n = byId.get(t.nodeId);
    const g = n ? taskGroupOf(byId, n.id) : undefined;
    const lead = roles.find((r) => r.nodeId === t.nodeId && r.role === 'lead');
    const pr = pBy.get(t.nodeId);
    return {
      nodeId: t.nodeId,
      role: t.role,
      label: n?.label ?? '',
      text: n?.text ?? '',
      groupLabel: g?.label ?? null,
      groupTitle: g?.title ?? null,
      leadUnitId: lead?.unitId ?? null,
      leadUnitName: lead ? (names.get(lead.unitId) ?? null) : null,
      dueDate: snap[t.nodeId]?.dueDate ?? aBy.get(t.nodeId)?.dueDate ?? null,
      progress: pr ? { status: pr.status, percent: pr.percent, completedOn: pr.completedOn } : null,
    };
  });
  const versions = await db
    .select()
    .from(reportVersions)
    .where(eq(reportVersions.obligationId, o.id))
    .orderBy(asc(reportVersions.number));
  // Cooperating units' latest submitted inputs on the tasks this unit leads.
  const leadIds = carried.filter((t) => t.role === 'lead').map((t) => t.nodeId);
  const others = leadIds.length
    ? await db
        .select({
          obligationId: reportObligations.id,
          unitId: reportObligations.unitId,
          unitName: units.name,
          content: reportVersions.content,
          number: reportVersions.number,
          review: reportVersions.review,
          submittedAt: reportVersions.submittedAt,
        })
        .from(reportVersions)
        .innerJoin(reportObligations, eq(reportObligations.id, reportVersions.obligationId))
        .innerJoin(units, eq(units.id, reportObligations.unitId))
        .where(and(eq(reportObligations.periodId, o.periodId), ne(reportObligations.unitId, o.unitId)))
        .orderBy(asc(reportVersions.number))
    : [];
  const latest = new Map<string, (typeof others)[number]>();
  for (const v of others) latest.set(v.obligationId, v);
  const cooperating: Record<string, CooperatingInput[]> = {};
  for (const v of latest.values()) {
    const c = completeContent(v.content);
    for (const nodeId of leadIds) {
      const e = c.entries[nodeId];
      if (!e) continue;
      (cooperating[nodeId] ??= []).push({
        unitId: v.unitId,
        unitName: v.unitName,
        version: v.number,
        review: reviewState(v.review),
        entry: e,
      });
    }
  }
  const last = versions.at(-1);
  const draft = completeContent(o.draft ?? last?.content);
  const publicFiles = (
    await db
      .selectDistinct({ sha256: evidenceUploads.sha256 })
      .from(evidenceUploads)
      .where(and(eq(evidenceUploads.unitId, o.unitId), eq(evidenceUploads.isPublic, true)))
  )
    .map((f) => f.sha256)
    .sort();
  return {
    id: o.id,
    periodId: o.periodId,
    programId: o.programId,
    unitId: o.unitId,
    unitName: names.get(o.unitId) ?? '',
    status: reportStatus(o.status),
    late: o.late,
    editable: editable(o.status) && p.status === 'open',
    currentVersion: o.currentVersion,
    submittedAt: o.submittedAt?.toISOString() ?? null,
    version: o.version,
    updatedAt: o.updatedAt.toISOString(),
    period: {
      id: p.id,
      label: p.label,
      status: oneOf(PERIOD_STATUSES, p.status),
      dueDate: p.dueDate,
      cutoffStart: p.cutoffStart,
      cutoffEnd: p.cutoffEnd,
    },
    tasks,
    draft,
    versions: versions.map(versionSummary),
    cooperating,
    statuses: reportingRules().statuses,
    evidence: reportingRules().evidence,
    publicFiles,
  };
}

function versionSummary(v: typeof reportVersions.$inferSelect): VersionSummary {
  return {
    id: v.id,
    number: v.number,
    submittedAt: v.submittedAt.toISOString(),
    late: v.late,
    review: reviewState(v.review),
    reviewComment: v.reviewComment,
    taskComments: v.taskComments ?? {},
    reviewedAt: v.reviewedAt?.toISOString() ?? null,
  };
}

export async function getVersion(
  deps: Deps,
  ctx: Ctx,
  obligationId: string,
  number: number,
): Promise<VersionView> {
  const o = await loadObligation(deps.db, ctx, obligationId, 'report.read');
  const [v] = await deps.db
    .select()
    .from(reportVersions)
    .where(and(eq(reportVersions.obligationId, o.id), eq(reportVersions.number, number)));
  if (!v) throw new AppError('REPORT_VERSION_NOT_FOUND', { obligationId, number });
  return { ...versionSummary(v), content: completeContent(v.content) };
}

/** Two versions side by side: per task, the fields that changed. */
export async function compareVersions(
  deps: Deps,
  ctx: Ctx,
  obligationId: string,
  a: number,
  b: number,
): Promise<Comparison> {
  const [va, vb] = await Promise.all([
    getVersion(deps, ctx, obligationId, a),
    getVersion(deps, ctx, obligationId, b),
  ]);
  const ids = [...new Set([...Object.keys(va.content.entries), ...Object.keys(vb.content.entries)])];
  const labels = await labelsOf(deps.db, ids);
  const tasks = ids
    .map((nodeId) => ({
      nodeId,
      label: labels.get(nodeId) ?? '',
      changed: diffEntries(va.content.entries[nodeId], vb.content.entries[nodeId]),
      a: va.content.entries[nodeId] ?? null,
      b: vb.content.entries[nodeId] ?? null,
    }))
    .filter((t) => t.changed.length > 0);
  const general = (Object.keys(va.content.general) as (keyof ReportContent['general'])[]).filter(
    (k) => va.content.general[k] !== vb.content.general[k],
  );
  return { a: va.number, b: vb.number, general, tasks };
}

// ---- writing ----

export async function saveDraft(deps: Deps, ctx: Ctx, id: string, input: DraftBody): Promise<DraftSaved> {
  const o0 = await loadObligation(deps.db, ctx, id, 'report.write');
  const rules = reportingRules();
  const given = completeContent(input.content);
  const problems = checkEntries(rules, given, o0.tasks, 'draft');
  if (problems.length) throw problemError(problems);
  return mutate(deps.db, ctx, async (tx, audit) => {
    const o = await lockObligation(tx, id);
    const p = await loadPeriod(tx, o.periodId);
    if (p.status !== 'open') throw new AppError('PERIOD_CLOSED');
    if (!editable(o.status)) throw new AppError('REPORT_READ_ONLY', { status: o.status });
    if (o.version !== input.version) throw await versionConflict(tx, 'report', o);
    // Only the unit's own uploads, described by the server's records (not by the client).
    const content = await resolveEvidence(tx, o.unitId, given, { lock: true });
    const status = o.status === 'not_started' ? 'drafting' : o.status;
    const t = now(deps);
    const [r] = await tx
      .update(reportObligations)
      .set({ draft: content, status, version: o.version + 1, updatedAt: t, updatedBy: actorUserId(ctx) })
      .where(eq(reportObligations.id, id))
      .returning();
    audit.record({
      action: 'report.save_draft',
      entityType: 'report',
      entityId: id,
      before: { status: o.status },
      after: { status, entries: Object.keys(content.entries).length, content },
    });
    return { id, status: reportStatus(status), version: r!.version };
  });
}

/** Raises each obstacle and proposal of a submitted report into the register, once per task and kind. */
async function raiseObstacles(
  tx: Tx,
  o: ObligationRow,
  content: ReportContent,
  at: Date,
  audit: AuditRecorder,
) {
  const items: { nodeId: string | null; kind: 'obstacle' | 'proposal'; text: string }[] = [];
  for (const [nodeId, e] of Object.entries(content.entries)) {
    if (e.obstacles.trim()) items.push({ nodeId, kind: 'obstacle', text: e.obstacles.trim() });
    if (e.proposals.trim()) items.push({ nodeId, kind: 'proposal', text: e.proposals.trim() });
  }
  if (content.general.obstacles.trim())
    items.push({ nodeId: null, kind: 'obstacle', text: content.general.obstacles.trim() });
  if (content.general.proposals.trim())
    items.push({ nodeId: null, kind: 'proposal', text: content.general.proposals.trim() });
  if (!items.length) return;
  const existing = await tx.select().from(obstacles).where(eq(obstacles.obligationId, o.id));
  for (const it of items) {
    const ex = existing.find((x) => x.nodeId === it.nodeId && x.kind === it.kind);
    if (ex) {
      if (ex.text === it.text) continue;
      await tx
        .update(obstacles)
        .set({ text: it.text, version: ex.version + 1, updatedAt: at })
        .where(eq(obstacles.id, ex.id));
      audit.record({
        action: 'obstacle.update_text',
        entityType: 'obstacle',
        entityId: ex.id,
        before: { text: ex.text },
        after: { text: it.text },
      });
      continue;
    }
    const [row] = await tx
      .insert(obstacles)
      .values({
        programId: o.programId,
        periodId: o.periodId,
        obligationId: o.id,
        nodeId: it.nodeId,
        unitId: o.unitId,
        kind: it.kind,
        text: it.text,
        raisedAt: at,
        updatedAt: at,
      })
      .returning();
    audit.record({
      action: 'obstacle.raise',
      entityType: 'obstacle',
      entityId: row!.id,
      after: { kind: it.kind, nodeId: it.nodeId, unitId: o.unitId, text: it.text },
    });
  }
}

/**
 * Submits the draft as a new version. One transaction: either the whole version is stored and the
 * obligation moves to "submitted", or nothing changes. The same idempotency key returns the version
 * already created (a double-clicked submit makes one version).
 */
export async function submitReport(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: SubmitBody,
): Promise<SubmitResult> {
  await loadObligation(deps.db, ctx, id, 'report.write');
  const rules = reportingRules();
  try {
    return await mutate(deps.db, ctx, async (tx, audit) => {
      const o = await lockObligation(tx, id);
      const [dup] = await tx
        .select()
        .from(reportVersions)
        .where(
          and(eq(reportVersions.obligationId, id), eq(reportVersions.idempotencyKey, input.idempotencyKey)),
        );
      if (dup) {
        audit.nothingChanged();
        return {
          id,
          status: reportStatus(o.status),
          number: dup.number,
          versionId: dup.id,
          late: dup.late,
          repeated: true,
        };
      }
      const p = await loadPeriod(tx, o.periodId);
      if (p.status !== 'open') throw new AppError('PERIOD_CLOSED');
      if (!editable(o.status)) throw new AppError('REPORT_READ_ONLY', { status: o.status });
      const carried = o.tasks;
      const labels = await labelsOf(
        tx,
        carried.map((t) => t.nodeId),
      );
      const t = now(deps);
      const today = vnDate(t);
      const draft = completeContent(o.draft);
      const problems = checkSubmission(rules, draft, carried, (n) => labels.get(n) ?? n);
      if (problems.length) throw problemError(problems);
      const resolved = await resolveEvidence(tx, o.unitId, draft, { lock: true });
      const content: ReportContent = {
        general: resolved.general,
        entries: Object.fromEntries(
          Object.entries(resolved.entries).map(([k, e]) => [k, normaliseEntry(e, today)]),
        ),
      };
      const number = o.currentVersion + 1;
      const late = today > p.dueDate;
      const [v] = await tx
        .insert(reportVersions)
        .values({
          obligationId: id,
          periodId: o.periodId,
          unitId: o.unitId,
          number,
          content,
          idempotencyKey: input.idempotencyKey,
          submittedAt: t,
          submittedBy: actorUserId(ctx),
          late,
        })
        .returning();
      const firstLate = o.firstSubmittedAt ? o.late : late;
      await tx
        .update(reportObligations)
        .set({
          status: 'submitted',
          currentVersion: number,
          draft: null,
          submittedAt: t,
          firstSubmittedAt: o.firstSubmittedAt ?? t,
          late: firstLate,
          version: o.version + 1,
          updatedAt: t,
          updatedBy: actorUserId(ctx),
        })
        .where(eq(reportObligations.id, id));
      await raiseObstacles(tx, o, content, t, audit);
      audit.record({
        action: 'report.submit',
        entityType: 'report',
        entityId: id,
        before: { status: o.status, currentVersion: o.currentVersion },
        after: {
          status: 'submitted',
          number,
          versionId: v!.id,
          late,
          periodId: o.periodId,
          unitId: o.unitId,
        },
      });
      await notify(tx, deps, ctx, {
        kind: number > 1 ? 'report.resubmitted' : 'report.submitted',
        obligationId: id,
      });
      return { id, status: 'submitted', number, versionId: v!.id, late, repeated: false };
    });
  } catch (e) {
    // Two identical submits raced: the loser finds the winner's version.
    if (pgErrorCode(e) === '23505' && pgConstraint(e) === 'report_versions_idem_key') {
      const [v] = await deps.db
        .select()
        .from(reportVersions)
        .where(
          and(eq(reportVersions.obligationId, id), eq(reportVersions.idempotencyKey, input.idempotencyKey)),
        );
      if (v)
        return { id, status: 'submitted', number: v.number, versionId: v.id, late: v.late, repeated: true };
    }
    throw e;
  }
}

export async function reviewReport(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: ReviewBody,
): Promise<ReviewResult> {
  authorize(ctx, 'report.manage');
  const taskComments = Object.fromEntries(
    Object.entries(input.taskComments ?? {})
      .map(([k, v]) => [k, v.trim()] as const)
      .filter(([, v]) => v),
  );
  const comment = input.comment?.trim() || null;
  if (input.decision === 'return' && !comment && Object.keys(taskComments).length === 0)
    throw new AppError('REPORT_RETURN_NEEDS_COMMENT');
  return mutate(deps.db, ctx, async (tx, audit) => {
    const o = await lockObligation(tx, id);
    const [v] = await tx
      .select()
      .from(reportVersions)
      .where(and(eq(reportVersions.obligationId, id), eq(reportVersions.number, o.currentVersion)));
    if (o.status !== 'submitted' || !v || v.review !== 'pending')
      throw new AppError('REPORT_NOT_PENDING', { status: o.status });
    const carried = new Set(o.tasks.map((t) => t.nodeId));
    const stray = Object.keys(taskComments).filter((k) => !carried.has(k));
    if (stray.length) throw new AppError('REPORT_TASK_NOT_CARRIED', { nodeIds: stray });
    const t = now(deps);
    const review = input.decision === 'accept' ? 'accepted' : 'returned';
    await tx
      .update(reportVersions)
      .set({ review, reviewComment: comment, taskComments, reviewedAt: t, reviewedBy: actorUserId(ctx) })
      .where(eq(reportVersions.id, v.id));
    await tx
      .update(reportObligations)
      .set({
        status: review,
        // A returned report is revised from what was submitted.
        draft: review === 'returned' ? v.content : null,
        version: o.version + 1,
        updatedAt: t,
        updatedBy: actorUserId(ctx),
      })
      .where(eq(reportObligations.id, id));
    if (review === 'accepted') await recordProgress(tx, o, v, t);
    audit.record({
      action: review === 'accepted' ? 'report.accept' : 'report.return',
      entityType: 'report',
      entityId: id,
      before: { status: o.status },
      after: { status: review, number: v.number, comment, taskComments },
      // In a public program, the accepted progress goes to the public log with this event.
      leaves: review === 'accepted' ? await progressLeaves(tx, ctx, o, v, t) : [],
    });
    await notify(tx, deps, ctx, { kind: `report.${review}`, obligationId: id });
    return { id, status: review, number: v.number };
  });
}

/** An accepted report sets the current status of the tasks the unit leads. */
async function recordProgress(tx: Tx, o: ObligationRow, v: typeof reportVersions.$inferSelect, at: Date) {
  const rules = reportingRules();
  const content = completeContent(v.content);
  for (const t of o.tasks) {
    if (t.role !== 'lead') continue;
    const e = content.entries[t.nodeId];
    if (!e?.status) continue;
    const percent = effectivePercent(rules, {
      nodeId: t.nodeId,
      groupId: null,
      leadUnitId: o.unitId,
      status: e.status,
      percent: e.percent,
      baselineDue: null,
      completedOn: null,
    });
    const row = {
      nodeId: t.nodeId,
      programId: o.programId,
      status: e.status,
      percent,
      completedOn: e.completedOn,
      periodId: o.periodId,
      versionId: v.id,
      updatedAt: at,
    };
    await tx
      .insert(taskProgress)
      .values(row)
      .onConflictDoUpdate({
        target: taskProgress.nodeId,
        set: {
          status: row.status,
          percent: row.percent,
          completedOn: row.completedOn,
          periodId: row.periodId,
          versionId: row.versionId,
          updatedAt: at,
        },
      });
  }
}

/** The unit's reports across periods (for the unit's home page). */
export async function unitObligations(deps: Deps, ctx: Ctx, unitId: string): Promise<UnitReportList> {
  const { authorizeForUnit } = await import('../policy.js');
  authorizeForUnit(ctx, 'report.read', unitId);
  const r = await deps.db
    .select({
      id: reportObligations.id,
      status: reportObligations.status,
      late: reportObligations.late,
      currentVersion: reportObligations.currentVersion,
      periodId: reportingPeriods.id,
      label: reportingPeriods.label,
      dueDate: reportingPeriods.dueDate,
      periodStatus: reportingPeriods.status,
      programId: reportingPeriods.programId,
    })
    .from(reportObligations)
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, reportObligations.periodId))
    .where(eq(reportObligations.unitId, unitId))
    .orderBy(desc(reportingPeriods.openedAt));
  return {
    items: r.map((x) => ({
      ...x,
      status: reportStatus(x.status),
      periodStatus: oneOf(PERIOD_STATUSES, x.periodStatus),
    })),
  };
}

export { timeliness };
