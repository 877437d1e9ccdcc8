/**
 * Corrective actions tracked to closure (issue 13, point 4). A recommendation (kiến nghị) of an issued
 * conclusion is followed by remediation reports (báo cáo khắc phục) of its responsible unit; the
 * inspecting body (the plan's `bodyUnitId`) accepts or returns each.
 *
 * - The responsible unit (remediation.write, unit-scoped) reports from `open` or `returned`; the
 *   recommendation becomes `submitted`. A report on a closed one, or while one awaits the decision,
 *   is refused.
 * - The body's supervisor (inspection.manage, body-scoped) decides the waiting report: accepting a
 *   `done` report closes the recommendation; accepting an `in_progress` report records the progress
 *   and leaves it `open` (the unit reports again when done); returning needs a comment (`returned`).
 * - Only recommendations of issued conclusions exist for these lists and steps (drafts are the body's
 *   work in progress; superseded revisions give way to the new one).
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/connection.js';
import {
  evidenceUploads,
  files,
  inspectionConclusions,
  inspectionFindings,
  inspectionPlans,
  programNodes,
  recommendations,
  remediationReports,
  units,
  users,
} from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { roleMay, withinBodyScope, withinUnitScope } from '../../domain/permissions.js';
import {
  INSPECTION_PLAN_STATUS_LABELS,
  type AttachedFile,
  type InspectionPlanStatus,
  type RecommendationStatus,
} from '../../domain/supervision/kinds.js';
import { formatDateVN } from '../../domain/format.js';
import type { NarrativeSection } from '../../domain/reporting/narrative.js';
import type { ReportProduct } from '../../domain/reporting/report.js';
import { vnDate } from '../../domain/reporting/report.js';
import { mutate } from '../audit/audit-writer.js';
import { notify } from '../notifications/events.js';
import { versionConflict } from '../conflict.js';
import { authorize, authorizeForBody, authorizeForUnit } from '../policy.js';
import { actorUserId, type Ctx } from '../context.js';
import { now, type Deps } from '../deps.js';
import type {
  Recommendation,
  RecommendationCounts,
  RecommendationDetail,
  RecommendationFilters,
  RecommendationList,
  RecommendationStep,
  RemediationDecisionInput,
  RemediationInput,
  RemediationReport,
} from '../../contract/recommendations.js';

const bodyUnits = alias(units, 'body_units');

/** Recommendations of issued conclusions only. */
const issued = eq(inspectionConclusions.status, 'issued');

/** The recommendations of a program: of its inspection plans, or tied to one of its tasks. */
export const ofProgram = (programId: string): SQL =>
  sql`(${inspectionPlans.programId} = ${programId} or ${programNodes.programId} = ${programId})`;

/** Not closed and past its deadline on `today` (yyyy-mm-dd, Vietnam). */
const overdueSql = (today: string): SQL =>
  sql`(${recommendations.status} <> 'closed' and ${recommendations.dueDate} < ${today})`;

/** The recommendations matching `where` (issued conclusions only), by deadline. */
export async function recommendationRows(
  db: DbOrTx,
  where: SQL | undefined,
  today: string,
): Promise<Recommendation[]> {
  const list = await db
    .select({
      r: recommendations,
      responsibleUnitName: units.name,
      taskLabel: programNodes.label,
      nodeProgramId: programNodes.programId,
      planTitle: inspectionPlans.title,
      planProgramId: inspectionPlans.programId,
      bodyUnitId: inspectionPlans.bodyUnitId,
      bodyUnitName: bodyUnits.name,
      conclusionNumber: inspectionConclusions.number,
      conclusionIssuedOn: inspectionConclusions.issuedOn,
      findingText: inspectionFindings.text,
    })
    .from(recommendations)
    .innerJoin(inspectionConclusions, eq(inspectionConclusions.id, recommendations.conclusionId))
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, recommendations.planId))
    .innerJoin(units, eq(units.id, recommendations.responsibleUnitId))
    .innerJoin(bodyUnits, eq(bodyUnits.id, inspectionPlans.bodyUnitId))
    .leftJoin(programNodes, eq(programNodes.id, recommendations.nodeId))
    .leftJoin(inspectionFindings, eq(inspectionFindings.id, recommendations.findingId))
    .where(and(issued, where))
    .orderBy(asc(recommendations.dueDate), asc(recommendations.seq), asc(recommendations.id));
  return list.map((x) => ({
    id: x.r.id,
    seq: x.r.seq,
    text: x.r.text,
    expectedProduct: x.r.expectedProduct,
    dueDate: x.r.dueDate,
    status: x.r.status,
    overdue: x.r.status !== 'closed' && x.r.dueDate < today,
    closedAt: x.r.closedAt?.toISOString() ?? null,
    responsibleUnitId: x.r.responsibleUnitId,
    responsibleUnitName: x.responsibleUnitName,
    nodeId: x.r.nodeId,
    taskLabel: x.taskLabel,
    planId: x.r.planId,
    planTitle: x.planTitle,
    programId: x.planProgramId ?? x.nodeProgramId,
    bodyUnitId: x.bodyUnitId,
    bodyUnitName: x.bodyUnitName,
    conclusionId: x.r.conclusionId,
    conclusionNumber: x.conclusionNumber,
    conclusionIssuedOn: x.conclusionIssuedOn,
    findingText: x.findingText,
    version: x.r.version,
    updatedAt: x.r.updatedAt.toISOString(),
  }));
}

export function countRecommendations(
  items: Pick<Recommendation, 'status' | 'overdue'>[],
): RecommendationCounts {
  const c: RecommendationCounts = { open: 0, overdue: 0, submitted: 0, closed: 0 };
  for (const r of items) {
    if (r.status === 'closed') c.closed++;
    else c.open++;
    if (r.status === 'submitted') c.submitted++;
    if (r.overdue) c.overdue++;
  }
  return c;
}

/**
 * The list: a unit sees the recommendations it is responsible for; a supervisor those of its own
 * body's plans; monitors, leaders and admins every one. Filters narrow it further.
 */
export async function listRecommendations(
  deps: Deps,
  ctx: Ctx,
  q: RecommendationFilters = {},
): Promise<RecommendationList> {
  authorize(ctx, 'inspection.read');
  const a = ctx.actor?.kind === 'user' ? ctx.actor : null;
  const today = vnDate(now(deps));
  const scope =
    a?.role === 'unit'
      ? a.unitId
        ? eq(recommendations.responsibleUnitId, a.unitId)
        : sql`false`
      : a?.role === 'supervisor'
        ? a.unitId
          ? eq(inspectionPlans.bodyUnitId, a.unitId)
          : sql`false`
        : undefined;
  const items = await recommendationRows(
    deps.db,
    and(
      scope,
      q.status ? eq(recommendations.status, q.status) : undefined,
      q.open ? sql`${recommendations.status} <> 'closed'` : undefined,
      q.overdue ? overdueSql(today) : undefined,
      q.unitId ? eq(recommendations.responsibleUnitId, q.unitId) : undefined,
      q.nodeId ? eq(recommendations.nodeId, q.nodeId) : undefined,
      q.programId ? ofProgram(q.programId) : undefined,
      q.bodyUnitId ? eq(inspectionPlans.bodyUnitId, q.bodyUnitId) : undefined,
    ),
    today,
  );
  return { counts: countRecommendations(items), items };
}

/** Open / overdue / submitted / closed recommendations of a program (the dashboard's figures). */
export async function programRecommendationCounts(
  db: DbOrTx,
  programId: string,
  today: string,
): Promise<RecommendationCounts> {
  return countRecommendations(await recommendationRows(db, ofProgram(programId), today));
}

async function loadOne(db: DbOrTx, id: string, today: string): Promise<Recommendation> {
  const [r] = await recommendationRows(db, eq(recommendations.id, id), today);
  if (!r) throw new AppError('RECOMMENDATION_NOT_FOUND', { id });
  return r;
}

async function reportsOf(db: DbOrTx, id: string): Promise<RemediationReport[]> {
  const submitter = alias(users, 'submitter');
  const decider = alias(users, 'decider');
  const list = await db
    .select({ r: remediationReports, submittedByName: submitter.fullName, decidedByName: decider.fullName })
    .from(remediationReports)
    .leftJoin(submitter, eq(submitter.id, remediationReports.submittedBy))
    .leftJoin(decider, eq(decider.id, remediationReports.decidedBy))
    .where(eq(remediationReports.recommendationId, id))
    .orderBy(desc(remediationReports.seq));
  return list.map(({ r, submittedByName, decidedByName }) => ({
    id: r.id,
    seq: r.seq,
    state: r.state,
    result: r.result,
    products: r.products,
    files: r.files,
    submittedAt: r.submittedAt.toISOString(),
    submittedByName,
    decision: r.decision,
    decisionComment: r.decisionComment,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decidedByName,
  }));
}

const REPORTABLE: readonly RecommendationStatus[] = ['open', 'returned'];

/** One recommendation with its remediation reports (newest first) and what the user may do. */
export async function getRecommendation(deps: Deps, ctx: Ctx, id: string): Promise<RecommendationDetail> {
  authorize(ctx, 'inspection.read');
  const rec = await loadOne(deps.db, id, vnDate(now(deps)));
  const a = ctx.actor?.kind === 'user' ? ctx.actor : null;
  if (a?.role === 'unit' && a.unitId !== rec.responsibleUnitId)
    throw new AppError('FORBIDDEN_UNIT_SCOPE', { unitId: rec.responsibleUnitId });
  const may = (action: 'remediation.write' | 'inspection.manage') => !a || roleMay(a.role, action);
  return {
    recommendation: rec,
    reports: await reportsOf(deps.db, id),
    can: {
      report:
        may('remediation.write') &&
        (!a || withinUnitScope(a, 'remediation.write', rec.responsibleUnitId)) &&
        REPORTABLE.includes(rec.status),
      decide:
        may('inspection.manage') && (!a || withinBodyScope(a, rec.bodyUnitId)) && rec.status === 'submitted',
    },
  };
}

/** The recommendation row, locked, with its conclusion's status and its plan's body. */
async function lockRecommendation(tx: DbOrTx, id: string) {
  const [r] = await tx.select().from(recommendations).where(eq(recommendations.id, id)).for('update');
  if (!r) throw new AppError('RECOMMENDATION_NOT_FOUND', { id });
  const [c] = await tx
    .select({ status: inspectionConclusions.status })
    .from(inspectionConclusions)
    .where(eq(inspectionConclusions.id, r.conclusionId));
  if (c?.status !== 'issued') throw new AppError('RECOMMENDATION_NOT_ISSUED', { id });
  return r;
}

/**
 * The files of a remediation report: evidence files the unit uploaded (its upload records give the
 * name, size and type), locked against the file sweep until the report is written.
 */
async function attachFiles(tx: DbOrTx, unitId: string, shas: string[]): Promise<AttachedFile[]> {
  const wanted = [...new Set(shas)];
  if (!wanted.length) return [];
  const present = new Set(
    (
      await tx.select({ sha256: files.sha256 }).from(files).where(inArray(files.sha256, wanted)).for('share')
    ).map((f) => f.sha256),
  );
  const missing = wanted.filter((s) => !present.has(s));
  if (missing.length) throw new AppError('FILE_NOT_FOUND', { sha256: missing });
  const records = await tx
    .select()
    .from(evidenceUploads)
    .where(and(eq(evidenceUploads.unitId, unitId), inArray(evidenceUploads.sha256, wanted)))
    .orderBy(desc(evidenceUploads.uploadedAt));
  const foreign = wanted.filter((s) => !records.some((r) => r.sha256 === s));
  if (foreign.length) throw new AppError('FILE_NOT_UPLOADED_BY_UNIT', { sha256: foreign });
  return wanted.map((s) => {
    const r = records.find((x) => x.sha256 === s)!;
    return { sha256: s, name: r.filename, size: r.size, mimeType: r.mime };
  });
}

/** The responsible unit reports its remediation: the recommendation goes to the body (`submitted`). */
export async function submitRemediation(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: RemediationInput,
): Promise<RecommendationStep> {
  authorize(ctx, 'remediation.write');
  const [head] = await deps.db
    .select({ unitId: recommendations.responsibleUnitId })
    .from(recommendations)
    .where(eq(recommendations.id, id));
  if (!head) throw new AppError('RECOMMENDATION_NOT_FOUND', { id });
  authorizeForUnit(ctx, 'remediation.write', head.unitId);
  return mutate(deps.db, ctx, async (tx, audit) => {
    const r = await lockRecommendation(tx, id);
    if (r.version !== input.version) throw await versionConflict(tx, 'recommendation', r);
    if (r.status === 'closed') throw new AppError('RECOMMENDATION_CLOSED', { id });
    if (r.status === 'submitted') throw new AppError('RECOMMENDATION_AWAITING_DECISION', { id });
    const result = input.result.trim();
    if (!result) throw new AppError('REMEDIATION_RESULT_REQUIRED');
    const products: ReportProduct[] = (input.products ?? []).map((p) => ({
      description: p.description.trim(),
      number: p.number?.trim() || null,
      date: p.date ?? null,
      link: p.link?.trim() || null,
    }));
    const attached = await attachFiles(
      tx,
      r.responsibleUnitId,
      (input.files ?? []).map((f) => f.sha256),
    );
    const t = now(deps);
    const [{ seq } = { seq: 0 }] = await tx
      .select({ seq: sql<number>`coalesce(max(${remediationReports.seq}), 0)::int` })
      .from(remediationReports)
      .where(eq(remediationReports.recommendationId, id));
    const [rep] = await tx
      .insert(remediationReports)
      .values({
        recommendationId: id,
        seq: seq + 1,
        unitId: r.responsibleUnitId,
        state: input.state,
        result,
        products,
        files: attached,
        submittedAt: t,
        submittedBy: actorUserId(ctx),
      })
      .returning();
    const [after] = await tx
      .update(recommendations)
      .set({ status: 'submitted', version: r.version + 1, updatedAt: t, updatedBy: actorUserId(ctx) })
      .where(eq(recommendations.id, id))
      .returning();
    audit.record({
      action: 'recommendation.report_remediation',
      entityType: 'recommendation',
      entityId: id,
      before: { status: r.status },
      after: {
        status: after!.status,
        reportId: rep!.id,
        seq: rep!.seq,
        state: rep!.state,
        result,
        products,
        files: attached.map((f) => f.sha256),
      },
    });
    await notify(tx, deps, ctx, { kind: 'recommendation.step', reportId: rep!.id });
    return { id, status: after!.status, version: after!.version, reportId: rep!.id };
  });
}

/**
 * The inspecting body decides the waiting report: accept (a `done` report closes the recommendation,
 * an `in_progress` one keeps it `open`) or return with a comment (`returned`).
 */
export async function decideRemediation(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: RemediationDecisionInput,
): Promise<RecommendationStep> {
  authorize(ctx, 'inspection.manage');
  const [head] = await deps.db
    .select({ bodyUnitId: inspectionPlans.bodyUnitId })
    .from(recommendations)
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, recommendations.planId))
    .where(eq(recommendations.id, id));
  if (!head) throw new AppError('RECOMMENDATION_NOT_FOUND', { id });
  authorizeForBody(ctx, 'inspection.manage', head.bodyUnitId);
  return mutate(deps.db, ctx, async (tx, audit) => {
    const r = await lockRecommendation(tx, id);
    if (r.version !== input.version) throw await versionConflict(tx, 'recommendation', r);
    const [rep] = await tx
      .select()
      .from(remediationReports)
      .where(and(eq(remediationReports.recommendationId, id), sql`${remediationReports.decision} is null`))
      .orderBy(desc(remediationReports.seq))
      .limit(1);
    if (r.status !== 'submitted' || !rep) throw new AppError('REMEDIATION_NOTHING_TO_DECIDE', { id });
    const comment = input.comment?.trim() || null;
    if (input.decision === 'return' && !comment) throw new AppError('REMEDIATION_RETURN_COMMENT_REQUIRED');
    const t = now(deps);
    const accept = input.decision === 'accept';
    const status: RecommendationStatus = accept ? (rep.state === 'done' ? 'closed' : 'open') : 'returned';
    await tx
      .update(remediationReports)
      .set({
        decision: accept ? 'accepted' : 'returned',
        decisionComment: comment,
        decidedAt: t,
        decidedBy: actorUserId(ctx),
      })
      .where(eq(remediationReports.id, rep.id));
    const [after] = await tx
      .update(recommendations)
      .set({
        status,
        closedAt: status === 'closed' ? t : null,
        version: r.version + 1,
        updatedAt: t,
        updatedBy: actorUserId(ctx),
      })
      .where(eq(recommendations.id, id))
      .returning();
    audit.record({
      action: accept ? 'recommendation.accept' : 'recommendation.return',
      entityType: 'recommendation',
      entityId: id,
      before: { status: r.status },
      after: { status, reportId: rep.id, seq: rep.seq, state: rep.state, comment },
    });
    await notify(tx, deps, ctx, { kind: 'recommendation.step', reportId: rep.id });
    return { id, status, version: after!.version, reportId: rep.id };
  });
}

// ---- the consolidated report's section on supervision ----

/**
 * "Công tác kiểm tra, giám sát" of a period's consolidated report, counted from the data:
 * - the plans held: the program's active or closed inspection plans whose schedule (starts_on to
 *   ends_on; one of them when the other is missing) overlaps the period's cut-off range;
 * - the findings of those plans' issued conclusions;
 * - the program's recommendations (of its plans, or tied to its tasks; issued conclusions) except
 *   those closed before the period began: closed, not closed, and overdue on the reference day `today`,
 *   in total and by responsible unit.
 */
export async function supervisionSection(
  db: DbOrTx,
  programId: string,
  period: { cutoffStart: string; cutoffEnd: string },
  today: string,
  heading: string,
): Promise<NarrativeSection> {
  const plans = await db
    .select({
      id: inspectionPlans.id,
      title: inspectionPlans.title,
      status: inspectionPlans.status,
      startsOn: inspectionPlans.startsOn,
      endsOn: inspectionPlans.endsOn,
      bodyName: units.name,
    })
    .from(inspectionPlans)
    .innerJoin(units, eq(units.id, inspectionPlans.bodyUnitId))
    .where(
      and(
        eq(inspectionPlans.programId, programId),
        inArray(inspectionPlans.status, ['active', 'closed']),
        sql`coalesce(${inspectionPlans.startsOn}, ${inspectionPlans.endsOn}) <= ${period.cutoffEnd}`,
        sql`coalesce(${inspectionPlans.endsOn}, ${inspectionPlans.startsOn}) >= ${period.cutoffStart}`,
      ),
    )
    .orderBy(asc(inspectionPlans.startsOn), asc(inspectionPlans.title));
  const [f] = plans.length
    ? await db
        .select({ n: sql<number>`count(*)::int` })
        .from(inspectionFindings)
        .innerJoin(inspectionConclusions, eq(inspectionConclusions.id, inspectionFindings.conclusionId))
        .where(
          and(
            issued,
            inArray(
              inspectionConclusions.planId,
              plans.map((p) => p.id),
            ),
          ),
        )
    : [{ n: 0 }];
  const recs = (await recommendationRows(db, ofProgram(programId), today)).filter(
    (r) => !(r.status === 'closed' && r.closedAt && vnDate(new Date(r.closedAt)) < period.cutoffStart),
  );
  const total = countRecommendations(recs);
  const blocks: NarrativeSection['blocks'] = [];
  const active = plans.filter((p) => p.status === 'active').length;
  blocks.push({
    kind: 'paragraph',
    text: plans.length
      ? `Trong kỳ, có ${plans.length} cuộc kiểm tra, giám sát việc thực hiện chương trình (${active} đang thực hiện, ${
          plans.length - active
        } đã kết thúc); các kết luận đã ban hành nêu ${f?.n ?? 0} hạn chế, thiếu sót.`
      : 'Trong kỳ, không có cuộc kiểm tra, giám sát nào việc thực hiện chương trình.',
  });
  for (const p of plans) {
    const from = p.startsOn ?? p.endsOn;
    const to = p.endsOn ?? p.startsOn;
    const when = from === to ? formatDateVN(from!) : `${formatDateVN(from!)} – ${formatDateVN(to!)}`;
    blocks.push({
      kind: 'bullet',
      text: `${p.bodyName}: ${p.title} (${when}, ${INSPECTION_PLAN_STATUS_LABELS[p.status as InspectionPlanStatus].toLowerCase()}).`,
    });
  }
  blocks.push({
    kind: 'paragraph',
    text: recs.length
      ? `Về thực hiện kiến nghị sau kiểm tra, giám sát: có ${recs.length} kiến nghị, trong đó ${total.closed} kiến nghị đã hoàn thành khắc phục, ${total.open} kiến nghị chưa hoàn thành${
          total.overdue ? ` (${total.overdue} kiến nghị đã quá hạn)` : ''
        }.`
      : 'Không có kiến nghị sau kiểm tra, giám sát nào cần khắc phục.',
  });
  const byUnit = new Map<string, { name: string; items: Recommendation[] }>();
  for (const r of recs) {
    const u = byUnit.get(r.responsibleUnitId) ?? { name: r.responsibleUnitName, items: [] };
    u.items.push(r);
    byUnit.set(r.responsibleUnitId, u);
  }
  for (const u of [...byUnit.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'))) {
    const c = countRecommendations(u.items);
    blocks.push({
      kind: 'bullet',
      text: `${u.name}: ${u.items.length} kiến nghị, đã hoàn thành ${c.closed}, chưa hoàn thành ${c.open}${
        c.overdue ? ` (quá hạn ${c.overdue})` : ''
      }.`,
    });
  }
  return { heading, blocks };
}
