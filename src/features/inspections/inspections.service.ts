/**
 * Inspection and supervision plans of a body (issue 13, points 1–3): the plan (draft → active →
 * closed), the visits held for each subject with their minutes and attachments, and the conclusions
 * with findings and recommendations (draft → issued → superseded by a revision).
 *
 * Who reads what:
 * - the body's supervisors and admins: everything, drafts included;
 * - other staff (monitor, leader, other bodies' supervisors): plans once decided, and issued or
 *   superseded conclusions;
 * - a unit: a plan once decided, when it is one of its subjects and the plan is visible to it (its
 *   `visibleFrom` day has come, or a visit to it has been recorded) — and then only its own subjects,
 *   its own visits, and the findings and recommendations of issued conclusions concerning it. Any
 *   other plan does not exist for it (404).
 *
 * Only the body's supervisors (and admins) change anything (`authorizeForBody`). A plan is edited
 * while it is a draft; visits and conclusions are written while it is active.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { issuingUnit } from '../../db/queries/units.js';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx, Tx } from '../../db/connection.js';
import {
  evidenceUploads,
  files,
  inspectionConclusions,
  inspectionFindings,
  inspectionPlans,
  inspectionSubjects,
  inspectionVisits,
  programNodes,
  programs,
  recommendations,
  reportObligations,
  reportingPeriods,
  taskUnits,
  units,
  users,
} from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { findReferences } from '../../domain/importer/references.js';
import { vnDate } from '../../domain/reporting/report.js';
import type { BasisReference, ExaminedDocument, AttachedFile } from '../../domain/supervision/kinds.js';
import { withinBodyScope } from '../../domain/permissions.js';
import { mutate } from '../audit/audit-writer.js';
import { notify } from '../notifications/events.js';
import { versionConflict } from '../conflict.js';
import { authorize, authorizeForBody } from '../policy.js';
import { actorUserId, type Ctx } from '../context.js';
import { now, type Deps } from '../deps.js';
import { checkUploadedFile, evidenceGraceMs } from '../reports/evidence.service.js';
import type {
  ConclusionCreate,
  ConclusionIssueInput,
  ConclusionUpdate,
  InspectionConclusion,
  InspectionFilters,
  InspectionPlan,
  InspectionPlanCreate,
  InspectionPlanList,
  InspectionPlanUpdate,
  InspectionStepInput,
  InspectionVisit,
  InspectionVisitCreate,
  InspectionVisitUpdate,
  SubjectDocuments,
} from '../../contract/inspections.js';

type PlanRow = typeof inspectionPlans.$inferSelect;
type ConclusionRow = typeof inspectionConclusions.$inferSelect;

const today = (deps: Deps) => vnDate(now(deps));

// ---- the basis: one document a line, read like the importer's references ----

/** Each non-empty line of the basis is one reference: its kind, number and date when the line cites one. */
export function parseBasis(text: string): BasisReference[] {
  return text
    .split(/\r?\n/)
    .map((l) =>
      l
        .trim()
        .replace(/^[-–•+]\s*/, '')
        .replace(/[;.]+$/, ''),
    )
    .filter(Boolean)
    .map((raw) => {
      const [r] = findReferences(raw);
      return { raw, docType: r?.kind ?? null, number: r?.number ?? null, date: r?.date ?? null };
    });
}

// ---- who reads what ----

type Reader =
  | { kind: 'all' }
  /** Staff who do not manage this plan: decided plans, issued conclusions. */
  | { kind: 'staff' }
  | { kind: 'unit'; unitId: string };

function mayManage(ctx: Ctx, bodyUnitId: string): boolean {
  const a = ctx.actor;
  if (a?.kind === 'system') return true;
  if (a?.kind !== 'user') return false;
  if (a.role === 'admin') return true;
  return a.role === 'supervisor' && withinBodyScope(a, bodyUnitId);
}

function readerOf(ctx: Ctx, plan: Pick<PlanRow, 'bodyUnitId'>): Reader {
  if (mayManage(ctx, plan.bodyUnitId)) return { kind: 'all' };
  const a = ctx.actor;
  if (a?.kind === 'user' && a.role === 'unit') return { kind: 'unit', unitId: a.unitId ?? '' };
  return { kind: 'staff' };
}

/** SQL: the plan is visible to `unitId` today (see the file's comment). */
function visibleToUnit(unitId: string, day: string): SQL {
  return sql`(${inspectionPlans.status} <> 'draft' and exists (
      select 1 from ${inspectionSubjects} s
       where s.plan_id = ${inspectionPlans.id} and s.unit_id = ${unitId}
         and ((${inspectionPlans.visibleFrom} is not null and ${inspectionPlans.visibleFrom} <= ${day})
              or exists (select 1 from ${inspectionVisits} v where v.subject_id = s.id))))`;
}

/** SQL: who may list the plan. */
function listable(ctx: Ctx, day: string): SQL {
  const a = ctx.actor;
  if (a?.kind !== 'user' || a.role === 'admin') return sql`true`;
  if (a.role === 'unit') return a.unitId ? visibleToUnit(a.unitId, day) : sql`false`;
  if (a.role === 'supervisor' && a.unitId)
    return sql`(${inspectionPlans.status} <> 'draft' or ${inspectionPlans.bodyUnitId} = ${a.unitId})`;
  return sql`${inspectionPlans.status} <> 'draft'`;
}

/** The plan as the reader may see it, or INSPECTION_NOT_FOUND. */
async function readablePlan(deps: Deps, ctx: Ctx, id: string): Promise<PlanRow> {
  authorize(ctx, 'inspection.read');
  const [p] = await deps.db
    .select()
    .from(inspectionPlans)
    .where(and(eq(inspectionPlans.id, id), listable(ctx, today(deps))));
  if (!p) throw new AppError('INSPECTION_NOT_FOUND', { id });
  return p;
}

/** Locks the plan and checks that the actor manages it: 404, then 403 FORBIDDEN_BODY_SCOPE. */
async function managedPlan(tx: DbOrTx, ctx: Ctx, id: string): Promise<PlanRow> {
  authorize(ctx, 'inspection.manage');
  const [p] = await tx.select().from(inspectionPlans).where(eq(inspectionPlans.id, id)).for('update');
  if (!p) throw new AppError('INSPECTION_NOT_FOUND', { id });
  authorizeForBody(ctx, 'inspection.manage', p.bodyUnitId);
  return p;
}

function assertActive(p: PlanRow): void {
  if (p.status !== 'active') throw new AppError('INSPECTION_PLAN_NOT_ACTIVE', { id: p.id, status: p.status });
}

// ---- reading ----

export async function listInspections(
  deps: Deps,
  ctx: Ctx,
  q: InspectionFilters = {},
): Promise<InspectionPlanList> {
  authorize(ctx, 'inspection.read');
  const day = today(deps);
  const list = await deps.db
    .select({ p: inspectionPlans, bodyUnitName: units.name })
    .from(inspectionPlans)
    .innerJoin(units, eq(units.id, inspectionPlans.bodyUnitId))
    .where(
      and(
        listable(ctx, day),
        q.year ? eq(inspectionPlans.year, q.year) : undefined,
        q.status ? eq(inspectionPlans.status, q.status) : undefined,
        q.bodyUnitId ? eq(inspectionPlans.bodyUnitId, q.bodyUnitId) : undefined,
      ),
    )
    .orderBy(desc(inspectionPlans.createdAt));
  const ids = list.map((r) => r.p.id);
  const subjects = ids.length
    ? await deps.db
        .select({ planId: inspectionSubjects.planId, unitId: inspectionSubjects.unitId, name: units.name })
        .from(inspectionSubjects)
        .innerJoin(units, eq(units.id, inspectionSubjects.unitId))
        .where(inArray(inspectionSubjects.planId, ids))
        .orderBy(asc(inspectionSubjects.createdAt))
    : [];
  const visits = ids.length
    ? await deps.db
        .select({ planId: inspectionVisits.planId, unitId: inspectionSubjects.unitId })
        .from(inspectionVisits)
        .innerJoin(inspectionSubjects, eq(inspectionSubjects.id, inspectionVisits.subjectId))
        .where(inArray(inspectionVisits.planId, ids))
    : [];
  const issued = ids.length
    ? await deps.db
        .select({ planId: inspectionConclusions.planId, number: inspectionConclusions.number })
        .from(inspectionConclusions)
        .where(and(inArray(inspectionConclusions.planId, ids), eq(inspectionConclusions.status, 'issued')))
        .orderBy(desc(inspectionConclusions.issuedAt))
    : [];
  const a = ctx.actor;
  const canCreate =
    a?.kind === 'user' && (a.role === 'admin' || (a.role === 'supervisor' && a.unitId !== null));
  return {
    canCreate,
    items: list.map(({ p, bodyUnitName }) => {
      const reader = readerOf(ctx, p);
      const mine = (u: string) => reader.kind !== 'unit' || u === reader.unitId;
      return {
        id: p.id,
        bodyUnitId: p.bodyUnitId,
        bodyUnitName,
        kind: p.kind,
        title: p.title,
        year: p.year,
        status: p.status,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        subjectNames: [
          ...new Set(subjects.filter((s) => s.planId === p.id && mine(s.unitId)).map((s) => s.name)),
        ],
        visitCount: visits.filter((v) => v.planId === p.id && mine(v.unitId)).length,
        conclusionNumber: issued.find((c) => c.planId === p.id)?.number ?? null,
      };
    }),
  };
}

async function conclusionViews(
  db: DbOrTx,
  rows: ConclusionRow[],
  reader: Reader,
): Promise<InspectionConclusion[]> {
  if (!rows.length) return [];
  const ids = rows.map((c) => c.id);
  const fu = alias(units, 'fu');
  const findings = await db
    .select({ f: inspectionFindings, unitName: fu.name, taskLabel: programNodes.label })
    .from(inspectionFindings)
    .innerJoin(fu, eq(fu.id, inspectionFindings.unitId))
    .leftJoin(programNodes, eq(programNodes.id, inspectionFindings.nodeId))
    .where(inArray(inspectionFindings.conclusionId, ids))
    .orderBy(asc(inspectionFindings.seq));
  const recs = await db
    .select({ r: recommendations, unitName: fu.name, taskLabel: programNodes.label })
    .from(recommendations)
    .innerJoin(fu, eq(fu.id, recommendations.responsibleUnitId))
    .leftJoin(programNodes, eq(programNodes.id, recommendations.nodeId))
    .where(inArray(recommendations.conclusionId, ids))
    .orderBy(asc(recommendations.seq));
  const seqOf = new Map(findings.map((f) => [f.f.id, f.f.seq]));
  const unit = reader.kind === 'unit' ? reader.unitId : null;
  return rows.map((c) => ({
    id: c.id,
    planId: c.planId,
    revision: c.revision,
    supersedesId: c.supersedesId,
    status: c.status,
    layout: c.layout,
    title: c.title,
    // The general part speaks of every unit inspected: a unit reads what concerns it.
    summary: unit ? '' : c.summary,
    number: c.number,
    issuedOn: c.issuedOn,
    signerName: c.signerName,
    signerTitle: c.signerTitle,
    version: c.version,
    findings: findings
      .filter((f) => f.f.conclusionId === c.id && (!unit || f.f.unitId === unit))
      .map(({ f, unitName, taskLabel }) => ({
        id: f.id,
        seq: f.seq,
        unitId: f.unitId,
        unitName,
        nodeId: f.nodeId,
        taskLabel: taskLabel ?? null,
        text: f.text,
      })),
    recommendations: recs
      .filter((r) => r.r.conclusionId === c.id && (!unit || r.r.responsibleUnitId === unit))
      .map(({ r, unitName, taskLabel }) => ({
        id: r.id,
        seq: r.seq,
        findingId: r.findingId,
        findingSeq: r.findingId ? (seqOf.get(r.findingId) ?? null) : null,
        responsibleUnitId: r.responsibleUnitId,
        responsibleUnitName: unitName,
        nodeId: r.nodeId,
        taskLabel: taskLabel ?? null,
        text: r.text,
        dueDate: r.dueDate,
        expectedProduct: r.expectedProduct,
        status: r.status,
        carriedFromId: r.carriedFromId,
      })),
  }));
}

function visitView(
  v: typeof inspectionVisits.$inferSelect,
  unitId: string,
  unitName: string,
): InspectionVisit {
  return {
    id: v.id,
    subjectId: v.subjectId,
    unitId,
    unitName,
    heldOn: v.heldOn,
    place: v.place,
    participants: v.participants,
    documents: v.documents,
    minutes: v.minutes,
    attachments: v.attachments,
    version: v.version,
  };
}

async function planView(db: DbOrTx, ctx: Ctx, p: PlanRow): Promise<InspectionPlan> {
  const reader = readerOf(ctx, p);
  const unit = reader.kind === 'unit' ? reader.unitId : null;
  const [body] = await db.select({ name: units.name }).from(units).where(eq(units.id, p.bodyUnitId));
  const [program] = p.programId
    ? await db.select({ title: programs.title }).from(programs).where(eq(programs.id, p.programId))
    : [];
  const up = alias(programs, 'up');
  const subjects = await db
    .select({
      s: inspectionSubjects,
      unitName: units.name,
      taskLabel: programNodes.label,
      unitPlanTitle: up.title,
    })
    .from(inspectionSubjects)
    .innerJoin(units, eq(units.id, inspectionSubjects.unitId))
    .leftJoin(programNodes, eq(programNodes.id, inspectionSubjects.nodeId))
    .leftJoin(up, eq(up.id, inspectionSubjects.unitPlanId))
    .where(and(eq(inspectionSubjects.planId, p.id), unit ? eq(inspectionSubjects.unitId, unit) : undefined))
    .orderBy(asc(inspectionSubjects.createdAt), asc(units.name));
  const visits = await db
    .select({ v: inspectionVisits, unitId: inspectionSubjects.unitId, unitName: units.name })
    .from(inspectionVisits)
    .innerJoin(inspectionSubjects, eq(inspectionSubjects.id, inspectionVisits.subjectId))
    .innerJoin(units, eq(units.id, inspectionSubjects.unitId))
    .where(and(eq(inspectionVisits.planId, p.id), unit ? eq(inspectionSubjects.unitId, unit) : undefined))
    .orderBy(asc(inspectionVisits.heldOn), asc(inspectionVisits.createdAt));
  const conclusions = await db
    .select()
    .from(inspectionConclusions)
    .where(
      and(
        eq(inspectionConclusions.planId, p.id),
        reader.kind === 'all' ? undefined : sql`${inspectionConclusions.status} <> 'draft'`,
      ),
    )
    .orderBy(desc(inspectionConclusions.revision), desc(inspectionConclusions.createdAt));
  return {
    id: p.id,
    bodyUnitId: p.bodyUnitId,
    bodyUnitName: body?.name ?? '',
    kind: p.kind,
    title: p.title,
    year: p.year,
    programId: p.programId,
    programTitle: program?.title ?? null,
    contents: p.contents,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    announcement: p.announcement,
    visibleFrom: p.visibleFrom,
    basis: p.basis,
    team: p.team,
    status: p.status,
    version: p.version,
    subjects: subjects.map(({ s, unitName, taskLabel, unitPlanTitle }) => ({
      id: s.id,
      unitId: s.unitId,
      unitName,
      nodeId: s.nodeId,
      taskLabel: taskLabel ?? null,
      unitPlanId: s.unitPlanId,
      unitPlanTitle: unitPlanTitle ?? null,
      note: s.note,
    })),
    visits: visits.map(({ v, unitId, unitName }) => visitView(v, unitId, unitName)),
    conclusions: await conclusionViews(db, conclusions, reader),
    canManage: reader.kind === 'all',
  };
}

export async function getInspection(deps: Deps, ctx: Ctx, id: string): Promise<InspectionPlan> {
  const p = await readablePlan(deps, ctx, id);
  return planView(deps.db, ctx, p);
}

// ---- plans ----

const invalid = (message: string, details: Record<string, unknown> = {}) =>
  new AppError('INSPECTION_PLAN_INVALID', details, message);

type PlanFields = Omit<InspectionPlanUpdate, 'version'>;

/** Checks a plan's fields against the directory and the program; returns the rows to store. */
async function checkPlan(tx: DbOrTx, bodyUnitId: string, input: PlanFields) {
  if (input.startsOn && input.endsOn && input.endsOn < input.startsOn)
    throw invalid('Ngày kết thúc không được trước ngày bắt đầu', {
      startsOn: input.startsOn,
      endsOn: input.endsOn,
    });
  if (input.announcement === 'unannounced' && input.visibleFrom)
    throw invalid(
      'Kế hoạch không thông báo trước thì đơn vị chỉ biết từ đợt làm việc đầu tiên; hãy bỏ trống ngày công bố',
      { visibleFrom: input.visibleFrom },
    );
  if (input.programId) {
    const [pr] = await tx.select({ id: programs.id }).from(programs).where(eq(programs.id, input.programId));
    if (!pr)
      throw invalid('Không tìm thấy chương trình được kiểm tra, giám sát', { programId: input.programId });
  }
  const userIds = input.team.map((m) => m.userId).filter((x): x is string => !!x);
  if (userIds.length) {
    const found = await tx
      .select({ id: users.id, unitId: users.unitId })
      .from(users)
      .where(inArray(users.id, userIds));
    for (const id of userIds)
      if (found.find((u) => u.id === id)?.unitId !== bodyUnitId)
        throw invalid('Thành viên đoàn chọn từ tài khoản phải là cán bộ của cơ quan kiểm tra, giám sát', {
          userId: id,
        });
  }
  const unitIds = [...new Set(input.subjects.map((s) => s.unitId))];
  const known = unitIds.length
    ? await tx.select({ id: units.id }).from(units).where(inArray(units.id, unitIds))
    : [];
  const seen = new Set<string>();
  for (const s of input.subjects) {
    if (!known.some((u) => u.id === s.unitId))
      throw invalid('Không tìm thấy đơn vị được kiểm tra, giám sát', { unitId: s.unitId });
    if (s.nodeId && s.unitPlanId)
      throw invalid('Mỗi đối tượng gắn với một nhiệm vụ hoặc một kế hoạch của đơn vị, không cả hai', {
        unitId: s.unitId,
      });
    const key = `${s.unitId}:${s.nodeId ?? ''}:${s.unitPlanId ?? ''}`;
    if (seen.has(key)) throw invalid('Đối tượng kiểm tra, giám sát bị trùng', { unitId: s.unitId });
    seen.add(key);
    if (s.nodeId) {
      const [n] = await tx
        .select({ programId: programNodes.programId })
        .from(programNodes)
        .where(eq(programNodes.id, s.nodeId));
      if (!n || !input.programId || n.programId !== input.programId)
        throw invalid('Nhiệm vụ được kiểm tra phải thuộc chương trình của kế hoạch', { nodeId: s.nodeId });
    }
    if (s.unitPlanId) {
      const [pl] = await tx
        .select({ owner: programs.ownerUnitId })
        .from(programs)
        .where(eq(programs.id, s.unitPlanId));
      if (!pl || pl.owner !== s.unitId)
        throw invalid('Kế hoạch được kiểm tra phải là kế hoạch của chính đơn vị đó', {
          unitPlanId: s.unitPlanId,
        });
    }
  }
  return {
    fields: {
      kind: input.kind,
      title: input.title.trim(),
      year: input.year,
      programId: input.programId,
      contents: input.contents,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      announcement: input.announcement,
      visibleFrom: input.visibleFrom,
      basis: parseBasis(input.basisText),
      team: input.team.map((m) => ({
        userId: m.userId,
        name: m.name.trim(),
        position: m.position.trim(),
        role: m.role.trim(),
      })),
    },
    subjects: input.subjects.map((s) => ({
      unitId: s.unitId,
      nodeId: s.nodeId ?? null,
      unitPlanId: s.unitPlanId ?? null,
      note: s.note?.trim() ?? '',
    })),
  };
}

/** Replaces the plan's subjects; their order is kept (one millisecond apart). */
async function replaceSubjects(
  tx: Tx,
  planId: string,
  at: Date,
  subjects: Awaited<ReturnType<typeof checkPlan>>['subjects'],
) {
  await tx.delete(inspectionSubjects).where(eq(inspectionSubjects.planId, planId));
  if (subjects.length)
    await tx
      .insert(inspectionSubjects)
      .values(subjects.map((s, i) => ({ ...s, planId, createdAt: new Date(at.getTime() + i) })));
}

export async function createInspection(
  deps: Deps,
  ctx: Ctx,
  input: InspectionPlanCreate,
): Promise<InspectionPlan> {
  authorize(ctx, 'inspection.manage');
  const a = ctx.actor;
  const own = a?.kind === 'user' && a.role === 'supervisor' ? a.unitId : null;
  const bodyUnitId = input.bodyUnitId ?? own;
  if (!bodyUnitId) throw invalid('Hãy chọn cơ quan kiểm tra, giám sát');
  authorizeForBody(ctx, 'inspection.manage', bodyUnitId);
  return mutate(deps.db, ctx, async (tx, audit) => {
    const [body] = await tx.select({ id: units.id }).from(units).where(eq(units.id, bodyUnitId));
    if (!body) throw invalid('Không tìm thấy cơ quan kiểm tra, giám sát', { bodyUnitId });
    const { fields, subjects } = await checkPlan(tx, bodyUnitId, input);
    const t = now(deps);
    const by = actorUserId(ctx);
    const [p] = await tx
      .insert(inspectionPlans)
      .values({ ...fields, bodyUnitId, createdAt: t, createdBy: by, updatedAt: t, updatedBy: by })
      .returning();
    await replaceSubjects(tx, p!.id, t, subjects);
    audit.record({
      action: 'inspection.create',
      entityType: 'inspection_plan',
      entityId: p!.id,
      after: { ...fields, bodyUnitId, subjects },
    });
    return planView(tx, ctx, p!);
  });
}

export async function updateInspection(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: InspectionPlanUpdate,
): Promise<InspectionPlan> {
  return mutate(deps.db, ctx, async (tx, audit) => {
    const p = await managedPlan(tx, ctx, id);
    if (p.version !== input.version) throw await versionConflict(tx, 'inspection_plan', p);
    if (p.status !== 'draft') throw new AppError('INSPECTION_PLAN_NOT_DRAFT', { id, status: p.status });
    const { fields, subjects } = await checkPlan(tx, p.bodyUnitId, input);
    const before = await tx.select().from(inspectionSubjects).where(eq(inspectionSubjects.planId, id));
    const [r] = await tx
      .update(inspectionPlans)
      .set({ ...fields, version: p.version + 1, updatedAt: now(deps), updatedBy: actorUserId(ctx) })
      .where(eq(inspectionPlans.id, id))
      .returning();
    await replaceSubjects(tx, id, now(deps), subjects);
    audit.record({
      action: 'inspection.update',
      entityType: 'inspection_plan',
      entityId: id,
      before: {
        title: p.title,
        kind: p.kind,
        visibleFrom: p.visibleFrom,
        subjects: before.map((s) => ({ unitId: s.unitId, nodeId: s.nodeId, unitPlanId: s.unitPlanId })),
      },
      after: { ...fields, subjects },
    });
    return planView(tx, ctx, r!);
  });
}

/** The subject units of a plan. */
async function subjectUnits(tx: DbOrTx, planId: string): Promise<string[]> {
  const r = await tx
    .select({ unitId: inspectionSubjects.unitId })
    .from(inspectionSubjects)
    .where(eq(inspectionSubjects.planId, planId));
  return [...new Set(r.map((s) => s.unitId))];
}

/** Decides the plan (Quyết định / ban hành kế hoạch): draft → active. */
export async function activateInspection(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: InspectionStepInput,
): Promise<InspectionPlan> {
  return mutate(deps.db, ctx, async (tx, audit) => {
    const p = await managedPlan(tx, ctx, id);
    if (p.version !== input.version) throw await versionConflict(tx, 'inspection_plan', p);
    if (p.status !== 'draft') throw new AppError('INSPECTION_PLAN_NOT_DRAFT', { id, status: p.status });
    const unitIds = await subjectUnits(tx, id);
    if (!unitIds.length) throw invalid('Kế hoạch phải có ít nhất một đơn vị được kiểm tra, giám sát');
    if (!p.title.trim()) throw invalid('Kế hoạch phải có tên');
    const [r] = await tx
      .update(inspectionPlans)
      .set({ status: 'active', version: p.version + 1, updatedAt: now(deps), updatedBy: actorUserId(ctx) })
      .where(eq(inspectionPlans.id, id))
      .returning();
    audit.record({
      action: 'inspection.activate',
      entityType: 'inspection_plan',
      entityId: id,
      before: { status: p.status },
      after: { status: 'active', visibleFrom: p.visibleFrom, subjects: unitIds },
    });
    if (p.visibleFrom && p.visibleFrom <= today(deps))
      await notify(tx, deps, ctx, { kind: 'inspection.plan_visible', planId: id, unitIds });
    return planView(tx, ctx, r!);
  });
}

/** Ends the plan: active → closed; nothing more is recorded on it. */
export async function closeInspection(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: InspectionStepInput,
): Promise<InspectionPlan> {
  return mutate(deps.db, ctx, async (tx, audit) => {
    const p = await managedPlan(tx, ctx, id);
    if (p.version !== input.version) throw await versionConflict(tx, 'inspection_plan', p);
    assertActive(p);
    const [r] = await tx
      .update(inspectionPlans)
      .set({ status: 'closed', version: p.version + 1, updatedAt: now(deps), updatedBy: actorUserId(ctx) })
      .where(eq(inspectionPlans.id, id))
      .returning();
    audit.record({
      action: 'inspection.close',
      entityType: 'inspection_plan',
      entityId: id,
      before: { status: p.status },
      after: { status: 'closed' },
    });
    return planView(tx, ctx, r!);
  });
}

/**
 * Tells the subject units of every active plan whose visibility day has come (once per plan and
 * user: the notification resolver skips users already told). Run by the reminder loop.
 */
export async function noticeVisibleInspections(deps: Deps, ctx: Ctx): Promise<number> {
  const day = today(deps);
  const due = await deps.db
    .select({ id: inspectionPlans.id })
    .from(inspectionPlans)
    .where(
      and(
        eq(inspectionPlans.status, 'active'),
        // Plans decided after their day told their units then; a week back covers a server stopped a while.
        sql`${inspectionPlans.visibleFrom} is not null and ${inspectionPlans.visibleFrom} <= ${day}
            and ${inspectionPlans.visibleFrom} >= ${vnDate(new Date(now(deps).getTime() - 7 * 86_400_000))}`,
      ),
    );
  let n = 0;
  for (const p of due)
    await mutate(deps.db, ctx, async (tx, audit) => {
      audit.nothingChanged();
      await notify(tx, deps, ctx, {
        kind: 'inspection.plan_visible',
        planId: p.id,
        unitIds: await subjectUnits(tx, p.id),
      });
      n++;
    });
  return n;
}

// ---- what a visit may examine ----

async function subjectOf(tx: DbOrTx, planId: string, subjectId: string) {
  const [s] = await tx
    .select({ s: inspectionSubjects, unitName: units.name })
    .from(inspectionSubjects)
    .innerJoin(units, eq(units.id, inspectionSubjects.unitId))
    .where(and(eq(inspectionSubjects.id, subjectId), eq(inspectionSubjects.planId, planId)));
  if (!s) throw new AppError('INSPECTION_SUBJECT_NOT_FOUND', { subjectId });
  return s;
}

const cut = (s: string, n = 140) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The unit's reports, evidence files, tasks and plans a visit may cite (read-only links). */
async function examinable(
  db: DbOrTx,
  unitId: string,
  subject: { nodeId: string | null },
): Promise<ExaminedDocument[]> {
  const reports = await db
    .select({ id: reportObligations.id, period: reportingPeriods.label, program: programs.title })
    .from(reportObligations)
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, reportObligations.periodId))
    .innerJoin(programs, eq(programs.id, reportObligations.programId))
    .where(and(eq(reportObligations.unitId, unitId), sql`${reportObligations.currentVersion} > 0`))
    .orderBy(desc(reportingPeriods.dueDate));
  const evidence = await db
    .selectDistinctOn([evidenceUploads.sha256], {
      sha256: evidenceUploads.sha256,
      filename: evidenceUploads.filename,
    })
    .from(evidenceUploads)
    .where(eq(evidenceUploads.unitId, unitId))
    .orderBy(evidenceUploads.sha256, desc(evidenceUploads.uploadedAt));
  const tasks = await db
    .selectDistinct({ id: programNodes.id, label: programNodes.label, text: programNodes.text })
    .from(programNodes)
    .leftJoin(taskUnits, eq(taskUnits.nodeId, programNodes.id))
    .where(
      subject.nodeId
        ? sql`(${taskUnits.unitId} = ${unitId} or ${programNodes.id} = ${subject.nodeId})`
        : eq(taskUnits.unitId, unitId),
    )
    .limit(300);
  const plans = await db
    .select({ id: programs.id, title: programs.title })
    .from(programs)
    .where(eq(programs.ownerUnitId, unitId));
  return [
    ...reports.map((r) => ({
      kind: 'report' as const,
      ref: r.id,
      label: `Báo cáo ${r.period}: ${cut(r.program)}`,
    })),
    ...evidence.map((e) => ({
      kind: 'evidence' as const,
      ref: e.sha256,
      label: `Tệp minh chứng: ${e.filename}`,
    })),
    ...tasks.map((t) => ({ kind: 'task' as const, ref: t.id, label: `Nhiệm vụ ${t.label}: ${cut(t.text)}` })),
    ...plans.map((p) => ({ kind: 'plan' as const, ref: p.id, label: `Kế hoạch: ${cut(p.title)}` })),
  ];
}

export async function subjectDocuments(deps: Deps, ctx: Ctx, subjectId: string): Promise<SubjectDocuments> {
  authorize(ctx, 'inspection.manage');
  const [s] = await deps.db.select().from(inspectionSubjects).where(eq(inspectionSubjects.id, subjectId));
  if (!s) throw new AppError('INSPECTION_SUBJECT_NOT_FOUND', { subjectId });
  const [p] = await deps.db.select().from(inspectionPlans).where(eq(inspectionPlans.id, s.planId));
  authorizeForBody(ctx, 'inspection.manage', p!.bodyUnitId);
  return { items: await examinable(deps.db, s.unitId, s) };
}

// ---- visits and their files ----

async function checkVisit(
  tx: Tx,
  unitId: string,
  subject: { nodeId: string | null },
  input: Omit<InspectionVisitUpdate, 'version'>,
): Promise<{ documents: ExaminedDocument[]; attachments: AttachedFile[] }> {
  const options = input.documents.length ? await examinable(tx, unitId, subject) : [];
  const documents: ExaminedDocument[] = [];
  for (const d of input.documents) {
    const o = options.find((x) => x.kind === d.kind && x.ref === d.ref);
    if (!o) throw new AppError('INSPECTION_DOCUMENT_INVALID', { kind: d.kind, ref: d.ref });
    if (!documents.some((x) => x.kind === o.kind && x.ref === o.ref)) documents.push(o);
  }
  const shas = [...new Set(input.attachments.map((a) => a.sha256))];
  const stored = shas.length
    ? await tx
        .select({ sha256: files.sha256, size: files.size, mime: files.mime })
        .from(files)
        .where(inArray(files.sha256, shas))
        .for('share')
    : [];
  const attachments: AttachedFile[] = [];
  for (const a of input.attachments) {
    const f = stored.find((x) => x.sha256 === a.sha256);
    if (!f) throw new AppError('INSPECTION_FILE_NOT_FOUND', { sha256: a.sha256 });
    if (attachments.some((x) => x.sha256 === a.sha256)) continue;
    attachments.push({ sha256: f.sha256, name: a.name.trim(), size: f.size, mimeType: f.mime });
  }
  return { documents, attachments };
}

export async function createVisit(
  deps: Deps,
  ctx: Ctx,
  planId: string,
  input: InspectionVisitCreate,
): Promise<InspectionVisit> {
  return mutate(deps.db, ctx, async (tx, audit) => {
    const p = await managedPlan(tx, ctx, planId);
    assertActive(p);
    const { s, unitName } = await subjectOf(tx, planId, input.subjectId);
    const { documents, attachments } = await checkVisit(tx, s.unitId, s, input);
    const t = now(deps);
    const by = actorUserId(ctx);
    const [v] = await tx
      .insert(inspectionVisits)
      .values({
        planId,
        subjectId: s.id,
        heldOn: input.heldOn,
        place: input.place.trim(),
        participants: input.participants.trim(),
        documents,
        minutes: input.minutes,
        attachments,
        createdAt: t,
        createdBy: by,
        updatedAt: t,
        updatedBy: by,
      })
      .returning();
    audit.record({
      action: 'visit.create',
      entityType: 'inspection_visit',
      entityId: v!.id,
      after: { planId, subjectId: s.id, unitId: s.unitId, heldOn: v!.heldOn, documents, attachments },
    });
    // A visit makes the plan visible to the unit visited (unannounced plans from this day on).
    await notify(tx, deps, ctx, { kind: 'inspection.plan_visible', planId, unitIds: [s.unitId] });
    return visitView(v!, s.unitId, unitName);
  });
}

export async function updateVisit(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: InspectionVisitUpdate,
): Promise<InspectionVisit> {
  return mutate(deps.db, ctx, async (tx, audit) => {
    const [v0] = await tx.select().from(inspectionVisits).where(eq(inspectionVisits.id, id));
    if (!v0) throw new AppError('INSPECTION_VISIT_NOT_FOUND', { id });
    const p = await managedPlan(tx, ctx, v0.planId);
    const [v] = await tx.select().from(inspectionVisits).where(eq(inspectionVisits.id, id)).for('update');
    if (v!.version !== input.version) throw await versionConflict(tx, 'inspection_visit', v!);
    assertActive(p);
    const { s, unitName } = await subjectOf(tx, p.id, v!.subjectId);
    const { documents, attachments } = await checkVisit(tx, s.unitId, s, input);
    const [r] = await tx
      .update(inspectionVisits)
      .set({
        heldOn: input.heldOn,
        place: input.place.trim(),
        participants: input.participants.trim(),
        documents,
        minutes: input.minutes,
        attachments,
        version: v!.version + 1,
        updatedAt: now(deps),
        updatedBy: actorUserId(ctx),
      })
      .where(eq(inspectionVisits.id, id))
      .returning();
    audit.record({
      action: 'visit.update',
      entityType: 'inspection_visit',
      entityId: id,
      before: { heldOn: v!.heldOn, place: v!.place, documents: v!.documents, attachments: v!.attachments },
      after: { heldOn: r!.heldOn, place: r!.place, documents, attachments },
    });
    return visitView(r!, s.unitId, unitName);
  });
}

/**
 * A file for a visit's minutes: the evidence checks (size, type from the first bytes, extension),
 * stored once by its SHA-256 in `files`. A file no visit (and no report) references is removed by the
 * file sweep after the grace period, like an evidence upload.
 */
export async function uploadInspectionFile(
  deps: Deps,
  ctx: Ctx,
  planId: string,
  input: { filename: string; bytes: Uint8Array },
): Promise<AttachedFile> {
  authorize(ctx, 'inspection.manage');
  const [p0] = await deps.db.select().from(inspectionPlans).where(eq(inspectionPlans.id, planId));
  if (!p0) throw new AppError('INSPECTION_NOT_FOUND', { id: planId });
  authorizeForBody(ctx, 'inspection.manage', p0.bodyUnitId);
  const f = checkUploadedFile(input.filename, input.bytes);
  return mutate(deps.db, ctx, async (tx, audit) => {
    const p = await managedPlan(tx, ctx, planId);
    assertActive(p);
    const t = now(deps);
    const sweepAt = new Date(t.getTime() + evidenceGraceMs(deps));
    const [stored] = await tx
      .insert(files)
      .values({
        sha256: f.sha256,
        size: f.size,
        mime: f.mime,
        content: Buffer.from(input.bytes),
        createdBy: actorUserId(ctx),
        sweepAt,
      })
      .onConflictDoUpdate({
        target: files.sha256,
        set: { sweepAt: sql`greatest(${files.sweepAt}, excluded.sweep_at)` },
      })
      .returning({ inserted: sql<boolean>`(xmax = 0)` });
    const out: AttachedFile = { sha256: f.sha256, name: f.name, size: f.size, mimeType: f.mime };
    audit.record({
      action: 'file.upload',
      entityType: 'file',
      entityId: f.sha256,
      after: { ...out, planId, stored: Boolean(stored?.inserted) },
    });
    return out;
  });
}

/** A file of a visit, for those who may read the visit. */
export async function getVisitFile(deps: Deps, ctx: Ctx, visitId: string, sha256: string) {
  authorize(ctx, 'inspection.read');
  const [v] = await deps.db.select().from(inspectionVisits).where(eq(inspectionVisits.id, visitId));
  if (!v) throw new AppError('INSPECTION_VISIT_NOT_FOUND', { id: visitId });
  const p = await readablePlan(deps, ctx, v.planId).catch(() => {
    throw new AppError('INSPECTION_VISIT_NOT_FOUND', { id: visitId });
  });
  const reader = readerOf(ctx, p);
  if (reader.kind === 'unit') {
    const [s] = await deps.db.select().from(inspectionSubjects).where(eq(inspectionSubjects.id, v.subjectId));
    if (s?.unitId !== reader.unitId) throw new AppError('INSPECTION_VISIT_NOT_FOUND', { id: visitId });
  }
  const a = v.attachments.find((x) => x.sha256 === sha256);
  if (!a) throw new AppError('INSPECTION_FILE_NOT_FOUND', { sha256 });
  const [f] = await deps.db.select().from(files).where(eq(files.sha256, sha256));
  if (!f) throw new AppError('INSPECTION_FILE_NOT_FOUND', { sha256 });
  return { content: f.content, mime: f.mime, filename: a.name };
}

// ---- conclusions ----

/** Locks a draft conclusion of an active plan at `version` for an edit (refused once issued). */
async function lockDraftConclusion(tx: Tx, ctx: Ctx, id: string, version: number) {
  const { c, p } = await lockConclusion(tx, ctx, id);
  if (c.status !== 'draft') throw new AppError('CONCLUSION_ISSUED', { id, status: c.status });
  if (c.version !== version) throw await versionConflict(tx, 'inspection_conclusion', c);
  assertActive(p);
  return { c, p };
}

async function lockConclusion(tx: Tx, ctx: Ctx, id: string): Promise<{ c: ConclusionRow; p: PlanRow }> {
  const [c0] = await tx.select().from(inspectionConclusions).where(eq(inspectionConclusions.id, id));
  if (!c0) throw new AppError('CONCLUSION_NOT_FOUND', { id });
  const p = await managedPlan(tx, ctx, c0.planId);
  const [c] = await tx
    .select()
    .from(inspectionConclusions)
    .where(eq(inspectionConclusions.id, id))
    .for('update');
  return { c: c!, p };
}

type ConclusionFields = Omit<ConclusionUpdate, 'version'>;

/** Checks findings and recommendations of a draft; writes them in place of the draft's. */
async function writeContent(tx: Tx, p: PlanRow, c: ConclusionRow, input: ConclusionFields) {
  const subjectIds = await subjectUnits(tx, p.id);
  const nodeIds = [
    ...new Set(
      [...input.findings.map((f) => f.nodeId), ...input.recommendations.map((r) => r.nodeId)].filter(
        (x): x is string => !!x,
      ),
    ),
  ];
  const nodes = nodeIds.length
    ? await tx.select({ id: programNodes.id }).from(programNodes).where(inArray(programNodes.id, nodeIds))
    : [];
  for (const f of input.findings) {
    if (!subjectIds.includes(f.unitId) || !f.text.trim())
      throw new AppError('CONCLUSION_FINDING_INVALID', { unitId: f.unitId });
    if (f.nodeId && !nodes.some((n) => n.id === f.nodeId))
      throw new AppError('CONCLUSION_FINDING_INVALID', { nodeId: f.nodeId });
  }
  const respIds = [...new Set(input.recommendations.map((r) => r.responsibleUnitId))];
  const resp = respIds.length
    ? await tx.select({ id: units.id }).from(units).where(inArray(units.id, respIds))
    : [];
  const existing = await tx.select().from(recommendations).where(eq(recommendations.conclusionId, c.id));
  input.recommendations.forEach((r, i) => {
    const why = !r.text.trim()
      ? 'text'
      : !resp.some((u) => u.id === r.responsibleUnitId)
        ? 'responsibleUnitId'
        : r.nodeId && !nodes.some((n) => n.id === r.nodeId)
          ? 'nodeId'
          : r.findingSeq && r.findingSeq > input.findings.length
            ? 'findingSeq'
            : r.id && !existing.some((e) => e.id === r.id)
              ? 'id'
              : null;
    if (why) throw new AppError('RECOMMENDATION_INVALID', { index: i + 1, field: why });
  });
  await tx.delete(recommendations).where(eq(recommendations.conclusionId, c.id));
  await tx.delete(inspectionFindings).where(eq(inspectionFindings.conclusionId, c.id));
  const findings = input.findings.length
    ? await tx
        .insert(inspectionFindings)
        .values(
          input.findings.map((f, i) => ({
            conclusionId: c.id,
            seq: i + 1,
            unitId: f.unitId,
            nodeId: f.nodeId ?? null,
            text: f.text.trim(),
          })),
        )
        .returning()
    : [];
  if (input.recommendations.length)
    await tx.insert(recommendations).values(
      input.recommendations.map((r, i) => {
        const before = r.id ? existing.find((e) => e.id === r.id) : undefined;
        return {
          ...(before ? { id: before.id, carriedFromId: before.carriedFromId } : {}),
          conclusionId: c.id,
          planId: p.id,
          findingId: r.findingSeq ? (findings[r.findingSeq - 1]?.id ?? null) : null,
          seq: i + 1,
          responsibleUnitId: r.responsibleUnitId,
          nodeId: r.nodeId ?? null,
          text: r.text.trim(),
          dueDate: r.dueDate,
          expectedProduct: r.expectedProduct.trim(),
        };
      }),
    );
  return {
    findings: input.findings.length,
    recommendations: input.recommendations.length,
  };
}

async function conclusionView(tx: DbOrTx, id: string): Promise<InspectionConclusion> {
  const [c] = await tx.select().from(inspectionConclusions).where(eq(inspectionConclusions.id, id));
  return (await conclusionViews(tx, [c!], { kind: 'all' }))[0]!;
}

async function assertNoDraft(tx: DbOrTx, planId: string): Promise<void> {
  const [d] = await tx
    .select({ id: inspectionConclusions.id })
    .from(inspectionConclusions)
    .where(and(eq(inspectionConclusions.planId, planId), eq(inspectionConclusions.status, 'draft')));
  if (d) throw new AppError('CONCLUSION_DRAFT_EXISTS', { id: d.id });
}

export async function createConclusion(
  deps: Deps,
  ctx: Ctx,
  planId: string,
  input: ConclusionCreate,
): Promise<InspectionConclusion> {
  return mutate(deps.db, ctx, async (tx, audit) => {
    const p = await managedPlan(tx, ctx, planId);
    assertActive(p);
    await assertNoDraft(tx, planId);
    const t = now(deps);
    const by = actorUserId(ctx);
    const [c] = await tx
      .insert(inspectionConclusions)
      .values({
        planId,
        layout: input.layout,
        title: input.title.trim(),
        summary: input.summary,
        createdAt: t,
        createdBy: by,
        updatedAt: t,
        updatedBy: by,
      })
      .returning();
    const counts = await writeContent(tx, p, c!, input);
    audit.record({
      action: 'conclusion.create',
      entityType: 'inspection_conclusion',
      entityId: c!.id,
      after: { planId, layout: input.layout, title: c!.title, ...counts },
    });
    return conclusionView(tx, c!.id);
  });
}

export async function updateConclusion(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: ConclusionUpdate,
): Promise<InspectionConclusion> {
  return mutate(deps.db, ctx, async (tx, audit) => {
    const { c, p } = await lockDraftConclusion(tx, ctx, id, input.version);
    await tx
      .update(inspectionConclusions)
      .set({
        layout: input.layout,
        title: input.title.trim(),
        summary: input.summary,
        version: c.version + 1,
        updatedAt: now(deps),
        updatedBy: actorUserId(ctx),
      })
      .where(eq(inspectionConclusions.id, id));
    const counts = await writeContent(tx, p, c, input);
    audit.record({
      action: 'conclusion.update',
      entityType: 'inspection_conclusion',
      entityId: id,
      before: { title: c.title, layout: c.layout, version: c.version },
      after: { title: input.title.trim(), layout: input.layout, version: c.version + 1, ...counts },
    });
    return conclusionView(tx, id);
  });
}

/**
 * Issues the draft (number, date, signer). Refused without a finding, and when a recommendation's
 * deadline is before the date. Issuing a revision supersedes the conclusion it corrects: each
 * recommendation the revision carries over is MOVED here (same row, its remediation history kept)
 * with the revision's wording, unless it was closed meanwhile; the closed ones stay with the
 * superseded conclusion, and those the revision dropped are withdrawn with it.
 */
export async function issueConclusion(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: ConclusionIssueInput,
): Promise<InspectionConclusion> {
  return mutate(deps.db, ctx, async (tx, audit) => {
    const { c, p } = await lockDraftConclusion(tx, ctx, id, input.version);
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(inspectionFindings)
      .where(eq(inspectionFindings.conclusionId, id));
    if (!Number(n)) throw new AppError('CONCLUSION_NO_FINDING', { id });
    const recs = await tx
      .select()
      .from(recommendations)
      .where(eq(recommendations.conclusionId, id))
      .orderBy(asc(recommendations.seq));
    const early = recs.find((r) => r.dueDate < input.issuedOn);
    if (early)
      throw new AppError(
        'RECOMMENDATION_DUE_BEFORE_ISSUE',
        { seq: early.seq, dueDate: early.dueDate, issuedOn: input.issuedOn },
        `Kiến nghị số ${early.seq} có thời hạn ${early.dueDate.split('-').reverse().join('/')}, trước ngày ban hành kết luận ${input.issuedOn.split('-').reverse().join('/')}`,
      );
    const t = now(deps);
    const by = actorUserId(ctx);
    const moved: string[] = [];
    const dropped: string[] = [];
    if (c.supersedesId) {
      const [old] = await tx
        .select()
        .from(inspectionConclusions)
        .where(eq(inspectionConclusions.id, c.supersedesId))
        .for('update');
      for (const r of recs.filter((x) => x.carriedFromId)) {
        const [o] = await tx
          .select()
          .from(recommendations)
          .where(eq(recommendations.id, r.carriedFromId!))
          .for('update');
        await tx.delete(recommendations).where(eq(recommendations.id, r.id));
        if (!o || o.status === 'closed' || o.conclusionId !== old?.id) {
          dropped.push(r.id);
          continue;
        }
        await tx
          .update(recommendations)
          .set({
            conclusionId: id,
            planId: p.id,
            findingId: r.findingId,
            seq: r.seq,
            responsibleUnitId: r.responsibleUnitId,
            nodeId: r.nodeId,
            text: r.text,
            dueDate: r.dueDate,
            expectedProduct: r.expectedProduct,
            carriedFromId: null,
            version: o.version + 1,
            updatedAt: t,
            updatedBy: by,
          })
          .where(eq(recommendations.id, o.id));
        moved.push(o.id);
      }
      if (old && old.status === 'issued') {
        await tx
          .update(inspectionConclusions)
          .set({ status: 'superseded', version: old.version + 1, updatedAt: t, updatedBy: by })
          .where(eq(inspectionConclusions.id, old.id));
        audit.record({
          action: 'conclusion.supersede',
          entityType: 'inspection_conclusion',
          entityId: old.id,
          before: { status: 'issued' },
          after: { status: 'superseded', supersededBy: id, movedRecommendations: moved },
        });
      }
    }
    await tx
      .update(inspectionConclusions)
      .set({
        status: 'issued',
        number: input.number.trim(),
        issuedOn: input.issuedOn,
        signerName: input.signerName.trim(),
        signerTitle: input.signerTitle.trim(),
        issuedAt: t,
        issuedBy: by,
        version: c.version + 1,
        updatedAt: t,
        updatedBy: by,
      })
      .where(eq(inspectionConclusions.id, id));
    audit.record({
      action: 'conclusion.issue',
      entityType: 'inspection_conclusion',
      entityId: id,
      before: { status: 'draft' },
      after: {
        status: 'issued',
        number: input.number.trim(),
        issuedOn: input.issuedOn,
        signerName: input.signerName.trim(),
        findings: Number(n),
        recommendations: recs.length - dropped.length,
        ...(c.supersedesId ? { supersedes: c.supersedesId, moved, dropped } : {}),
      },
    });
    await notify(tx, deps, ctx, { kind: 'inspection.conclusion_issued', conclusionId: id });
    return conclusionView(tx, id);
  });
}

/**
 * "Sửa đổi": a new revision draft copying the issued conclusion — its wording, its findings, and its
 * recommendations not yet closed (each remembering the one it carries over). The issued conclusion
 * stays in force until the revision is issued.
 */
export async function reviseConclusion(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: InspectionStepInput,
): Promise<InspectionConclusion> {
  return mutate(deps.db, ctx, async (tx, audit) => {
    const { c, p } = await lockConclusion(tx, ctx, id);
    if (c.version !== input.version) throw await versionConflict(tx, 'inspection_conclusion', c);
    if (c.status !== 'issued') throw new AppError('CONCLUSION_NOT_ISSUED', { id, status: c.status });
    assertActive(p);
    await assertNoDraft(tx, p.id);
    const t = now(deps);
    const by = actorUserId(ctx);
    const [r] = await tx
      .insert(inspectionConclusions)
      .values({
        planId: p.id,
        revision: c.revision + 1,
        supersedesId: c.id,
        layout: c.layout,
        title: c.title,
        summary: c.summary,
        signerName: c.signerName,
        signerTitle: c.signerTitle,
        createdAt: t,
        createdBy: by,
        updatedAt: t,
        updatedBy: by,
      })
      .returning();
    const oldFindings = await tx
      .select()
      .from(inspectionFindings)
      .where(eq(inspectionFindings.conclusionId, c.id))
      .orderBy(asc(inspectionFindings.seq));
    const newFindings = oldFindings.length
      ? await tx
          .insert(inspectionFindings)
          .values(
            oldFindings.map((f) => ({
              conclusionId: r!.id,
              seq: f.seq,
              unitId: f.unitId,
              nodeId: f.nodeId,
              text: f.text,
            })),
          )
          .returning()
      : [];
    const open = await tx
      .select()
      .from(recommendations)
      .where(and(eq(recommendations.conclusionId, c.id), sql`${recommendations.status} <> 'closed'`))
      .orderBy(asc(recommendations.seq));
    const seqOf = new Map(oldFindings.map((f) => [f.id, f.seq]));
    if (open.length)
      await tx.insert(recommendations).values(
        open.map((o, i) => {
          const fs = o.findingId ? seqOf.get(o.findingId) : undefined;
          return {
            conclusionId: r!.id,
            planId: p.id,
            findingId: fs ? (newFindings.find((f) => f.seq === fs)?.id ?? null) : null,
            carriedFromId: o.id,
            seq: i + 1,
            responsibleUnitId: o.responsibleUnitId,
            nodeId: o.nodeId,
            text: o.text,
            dueDate: o.dueDate,
            expectedProduct: o.expectedProduct,
          };
        }),
      );
    audit.record({
      action: 'conclusion.revise',
      entityType: 'inspection_conclusion',
      entityId: r!.id,
      after: {
        supersedes: c.id,
        revision: r!.revision,
        findings: oldFindings.length,
        carried: open.map((o) => o.id),
      },
    });
    return conclusionView(tx, r!.id);
  });
}

/** The conclusion and its plan for the .docx: staff read issued ones, the body its drafts too. */
export async function conclusionForExport(deps: Deps, ctx: Ctx, id: string) {
  authorize(ctx, 'inspection.read');
  const a = ctx.actor;
  // The document speaks of every unit inspected; a unit reads its own findings on the page.
  if (a?.kind === 'user' && a.role === 'unit')
    throw new AppError('FORBIDDEN_ROLE', { action: 'inspection.export' });
  const [c] = await deps.db.select().from(inspectionConclusions).where(eq(inspectionConclusions.id, id));
  if (!c) throw new AppError('CONCLUSION_NOT_FOUND', { id });
  const p = await readablePlan(deps, ctx, c.planId).catch(() => {
    throw new AppError('CONCLUSION_NOT_FOUND', { id });
  });
  const reader = readerOf(ctx, p);
  if (c.status === 'draft' && reader.kind !== 'all') throw new AppError('CONCLUSION_NOT_FOUND', { id });
  const view = (await conclusionViews(deps.db, [c], reader))[0]!;
  const plan = await planView(deps.db, ctx, p);
  const body = (await issuingUnit(deps.db, p.bodyUnitId))!;
  return {
    conclusion: view,
    plan,
    body,
  };
}
