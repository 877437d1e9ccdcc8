/**
 * Cascade: each unit writes its own implementation plan (kế hoạch thực hiện) for a program it carries.
 * A unit plan is itself a program (parent_program_id, owner_unit_id), so its items are tasks that can
 * be assigned to the units below (a district's plan to its communes), to any depth. Items link to
 * the parent program's tasks the unit leads or cooperates on; the monitor sees the coverage.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { programNodes, programs, taskAssignments, taskLinks, taskUnits, units } from '../../db/schema.js';
import { inOrder, type DbOrTx, type Tx } from '../../db/connection.js';
import { programOutline } from '../../db/queries/outline.js';
import { unitNames } from '../../db/queries/units.js';
import { AppError } from '../../errors.js';
import { fold } from '../../domain/text.js';
import { taskGroupOf } from '../../domain/plan/tree.js';
import { dueDate } from '../../domain/plan/assignment.js';
import type { TaskRole } from '../../domain/reporting/report.js';
import type {
  Coverage,
  CreatePlanBody,
  PlanItemBody,
  PlanList,
  PlanView,
  UnitTaskList,
} from '../../contract/plans.js';
import { mutate } from '../audit/audit-writer.js';
import { authorize, authorizeForUnit } from '../policy.js';
import { actorUserId, type Ctx } from '../context.js';
import type { Deps } from '../deps.js';

async function program(db: DbOrTx, id: string) {
  const [p] = await db.select().from(programs).where(eq(programs.id, id));
  if (!p) throw new AppError('PROGRAM_NOT_FOUND', { id });
  return p;
}

/** The tasks of a program a unit leads or cooperates on: nodeId → role. */
async function carried(db: DbOrTx, programId: string, unitId: string): Promise<Map<string, string>> {
  const r = await db
    .select({ nodeId: taskUnits.nodeId, role: taskUnits.role })
    .from(taskUnits)
    .where(and(eq(taskUnits.programId, programId), eq(taskUnits.unitId, unitId)));
  return new Map(r.map((x) => [x.nodeId, x.role]));
}

/** "Nhiệm vụ của đơn vị": every task, in any program, where the unit leads or cooperates. */
export async function unitTasks(deps: Deps, ctx: Ctx, unitId: string): Promise<UnitTaskList> {
  authorizeForUnit(ctx, 'unit.readTasks', unitId);
  const rows = await deps.db
    .select({
      nodeId: programNodes.id,
      label: programNodes.label,
      text: programNodes.text,
      role: taskUnits.role,
      programId: programs.id,
      programTitle: programs.title,
      programStatus: programs.status,
      dueDate: taskAssignments.dueDate,
      deadline: taskAssignments.deadline,
    })
    .from(taskUnits)
    .innerJoin(programNodes, eq(programNodes.id, taskUnits.nodeId))
    .innerJoin(programs, eq(programs.id, taskUnits.programId))
    .leftJoin(taskAssignments, eq(taskAssignments.nodeId, taskUnits.nodeId))
    .where(eq(taskUnits.unitId, unitId))
    .orderBy(asc(programs.publishedAt), asc(programNodes.position));
  const plans = await deps.db
    .select({ id: programs.id, parentProgramId: programs.parentProgramId })
    .from(programs)
    .where(eq(programs.ownerUnitId, unitId));
  return {
    items: rows.map((r) => ({
      ...r,
      role: r.role as TaskRole,
      planId: plans.find((p) => p.parentProgramId === r.programId)?.id ?? null,
    })),
  };
}

async function planView(db: DbOrTx, planId: string): Promise<PlanView> {
  const p = await program(db, planId);
  if (!p.parentProgramId || !p.ownerUnitId) throw new AppError('PLAN_NOT_FOUND', { id: planId });
  const nodes = await db
    .select({ id: programNodes.id, label: programNodes.label, text: programNodes.text })
    .from(programNodes)
    .where(and(eq(programNodes.programId, planId), eq(programNodes.isTask, true)))
    .orderBy(asc(programNodes.position));
  const ids = nodes.map((n) => n.id);
  const [assigns, links] = ids.length
    ? await inOrder([
        db.select().from(taskAssignments).where(inArray(taskAssignments.nodeId, ids)),
        db.select().from(taskLinks).where(inArray(taskLinks.nodeId, ids)),
      ])
    : [[], []];
  return {
    id: p.id,
    parentProgramId: p.parentProgramId,
    unitId: p.ownerUnitId,
    title: p.title,
    createdAt: p.publishedAt.toISOString(),
    items: nodes.map((n) => {
      const a = assigns.find((x) => x.nodeId === n.id);
      return {
        nodeId: n.id,
        label: n.label,
        text: n.text,
        dueDate: a?.dueDate ?? null,
        person: a?.focalName ?? null,
        parentNodeIds: links.filter((l) => l.nodeId === n.id).map((l) => l.parentNodeId),
      };
    }),
  };
}

export async function getPlan(deps: Deps, ctx: Ctx, planId: string): Promise<PlanView> {
  authorize(ctx, 'program.read');
  return planView(deps.db, planId);
}

export async function listPlans(deps: Deps, ctx: Ctx, parentProgramId: string): Promise<PlanList> {
  authorize(ctx, 'program.read');
  await program(deps.db, parentProgramId);
  const r = await deps.db
    .select({
      id: programs.id,
      unitId: programs.ownerUnitId,
      title: programs.title,
      createdAt: programs.publishedAt,
    })
    .from(programs)
    .where(eq(programs.parentProgramId, parentProgramId));
  // A plan always has its unit (owner_unit_id is set with parent_program_id).
  return {
    items: r.flatMap((x) =>
      x.unitId ? [{ ...x, unitId: x.unitId, createdAt: x.createdAt.toISOString() }] : [],
    ),
  };
}

/** Starts a unit's plan for a program, item by item ("Kế hoạch thực hiện" with no document). */
export async function createUnitPlan(
  deps: Deps,
  ctx: Ctx,
  parentProgramId: string,
  input: CreatePlanBody,
): Promise<PlanView> {
  authorizeForUnit(ctx, 'plan.edit', input.unitId);
  const id = await mutate(deps.db, ctx, async (tx, audit) => {
    const parent = await program(tx, parentProgramId);
    const [unit] = await tx.select().from(units).where(eq(units.id, input.unitId));
    if (!unit) throw new AppError('UNIT_NOT_FOUND', { unitId: input.unitId });
    if ((await carried(tx, parentProgramId, input.unitId)).size === 0)
      throw new AppError('PLAN_UNIT_HAS_NO_TASKS');
    const exists = await tx
      .select({ id: programs.id })
      .from(programs)
      .where(and(eq(programs.parentProgramId, parentProgramId), eq(programs.ownerUnitId, input.unitId)));
    if (exists[0]) throw new AppError('PLAN_EXISTS', { planId: exists[0].id });
    const title = input.title?.trim() || `Kế hoạch thực hiện ${parent.title} của ${unit.name}`;
    const [p] = await tx
      .insert(programs)
      .values({
        docKind: 'KẾ HOẠCH',
        title,
        issuer: unit.name,
        partyLayout: parent.partyLayout,
        meta: { program: null, signer: null, recipients: [], warnings: [] },
        source: '',
        searchText: fold(title),
        publishedBy: actorUserId(ctx),
        parentProgramId,
        ownerUnitId: input.unitId,
      })
      .returning();
    await tx.insert(programNodes).values({
      programId: p!.id,
      parentId: null,
      position: 0,
      kind: 'section',
      marker: 'I',
      label: 'I',
      title: 'NHIỆM VỤ, GIẢI PHÁP',
      text: 'NHIỆM VỤ, GIẢI PHÁP',
      spanStart: 0,
      spanEnd: 0,
      searchText: 'nhiem vu, giai phap',
    });
    audit.record({
      action: 'plan.create',
      entityType: 'program',
      entityId: p!.id,
      after: { parentProgramId, unitId: input.unitId, title },
    });
    return p!.id;
  });
  return planView(deps.db, id);
}

async function planForEdit(tx: Tx, ctx: Ctx, planId: string) {
  const p = await program(tx, planId);
  if (!p.parentProgramId || !p.ownerUnitId) throw new AppError('PLAN_NOT_FOUND', { id: planId });
  authorizeForUnit(ctx, 'plan.edit', p.ownerUnitId);
  return p as typeof p & { parentProgramId: string; ownerUnitId: string };
}

async function checkLinks(
  tx: Tx,
  plan: { parentProgramId: string; ownerUnitId: string },
  parentNodeIds: string[],
) {
  const mine = await carried(tx, plan.parentProgramId, plan.ownerUnitId);
  const bad = parentNodeIds.filter((id) => !mine.has(id));
  if (bad.length) throw new AppError('PLAN_TASK_NOT_CARRIED', { nodeIds: bad });
}

/** Adds an item to a unit plan: a task of the plan, led by the unit, linked to program tasks. */
export async function addPlanItem(
  deps: Deps,
  ctx: Ctx,
  planId: string,
  input: PlanItemBody,
): Promise<PlanView> {
  authorize(ctx, 'plan.edit');
  await mutate(deps.db, ctx, async (tx, audit) => {
    const plan = await planForEdit(tx, ctx, planId);
    await checkLinks(tx, plan, input.parentNodeIds);
    const [root] = await tx
      .select()
      .from(programNodes)
      .where(and(eq(programNodes.programId, planId), isNull(programNodes.parentId)));
    const siblings = await tx
      .select({ id: programNodes.id })
      .from(programNodes)
      .where(eq(programNodes.parentId, root!.id));
    const last = await tx
      .select({ position: programNodes.position })
      .from(programNodes)
      .where(eq(programNodes.programId, planId));
    const text = input.text.replace(/\s+/g, ' ').trim();
    const label = `I.${siblings.length + 1}`;
    const [node] = await tx
      .insert(programNodes)
      .values({
        programId: planId,
        parentId: root!.id,
        position: Math.max(...last.map((x) => x.position)) + 1,
        kind: 'bullet',
        marker: '-',
        label,
        title: text.slice(0, 200),
        text,
        spanStart: 0,
        spanEnd: 0,
        isTask: true,
        searchText: fold(`${label} ${text}`),
      })
      .returning();
    await tx.insert(taskAssignments).values({
      nodeId: node!.id,
      programId: planId,
      focalName: input.person?.trim() || null,
      deadline: input.deadline ?? null,
      dueDate: input.deadline ? dueDate(input.deadline) : null,
      updatedBy: actorUserId(ctx),
    });
    await tx
      .insert(taskUnits)
      .values({ nodeId: node!.id, programId: planId, unitId: plan.ownerUnitId, role: 'lead' });
    if (input.parentNodeIds.length) {
      await tx.insert(taskLinks).values(
        [...new Set(input.parentNodeIds)].map((p) => ({
          nodeId: node!.id,
          parentNodeId: p,
          programId: planId,
          parentProgramId: plan.parentProgramId,
        })),
      );
    }
    audit.record({
      action: 'plan.add_item',
      entityType: 'program',
      entityId: planId,
      after: {
        nodeId: node!.id,
        label,
        text,
        parentNodeIds: input.parentNodeIds,
        deadline: input.deadline ?? null,
        person: input.person ?? null,
      },
    });
  });
  return planView(deps.db, planId);
}

/** Replaces the program tasks a plan item (or any task of a unit plan) carries out. */
export async function setItemLinks(
  deps: Deps,
  ctx: Ctx,
  nodeId: string,
  parentNodeIds: string[],
): Promise<PlanView> {
  authorize(ctx, 'plan.edit');
  const [n] = await deps.db
    .select({ programId: programNodes.programId, isTask: programNodes.isTask })
    .from(programNodes)
    .where(eq(programNodes.id, nodeId));
  if (!n || !n.isTask) throw new AppError('TASK_NOT_FOUND', { nodeId });
  await mutate(deps.db, ctx, async (tx, audit) => {
    const plan = await planForEdit(tx, ctx, n.programId);
    await checkLinks(tx, plan, parentNodeIds);
    const before = (await tx.select().from(taskLinks).where(eq(taskLinks.nodeId, nodeId))).map(
      (l) => l.parentNodeId,
    );
    const next = [...new Set(parentNodeIds)];
    if ([...before].sort().join() === [...next].sort().join()) {
      audit.nothingChanged();
      return;
    }
    await tx.delete(taskLinks).where(eq(taskLinks.nodeId, nodeId));
    if (next.length) {
      await tx.insert(taskLinks).values(
        next.map((p) => ({
          nodeId,
          parentNodeId: p,
          programId: n.programId,
          parentProgramId: plan.parentProgramId,
        })),
      );
    }
    audit.record({
      action: 'plan.link',
      entityType: 'task',
      entityId: nodeId,
      before: { parentNodeIds: before },
      after: { parentNodeIds: next },
    });
  });
  return planView(deps.db, n.programId);
}

// ---- coverage ----

/** Program tasks × units: lead / cooperating / covered by the unit's plan, and the gaps. */
export async function programCoverage(
  deps: Deps,
  ctx: Ctx,
  programId: string,
  today = new Date().toISOString().slice(0, 10),
): Promise<Coverage> {
  authorize(ctx, 'program.read');
  const p = await program(deps.db, programId);
  const nodes = await programOutline(deps.db, programId);
  const [roles, plans, links] = await Promise.all([
    deps.db.select().from(taskUnits).where(eq(taskUnits.programId, programId)),
    deps.db
      .select({ id: programs.id, unitId: programs.ownerUnitId })
      .from(programs)
      .where(eq(programs.parentProgramId, programId)),
    deps.db.select().from(taskLinks).where(eq(taskLinks.parentProgramId, programId)),
  ]);
  const planOf = new Map(plans.map((x) => [x.unitId!, x.id]));
  const rolesBy = new Map<string, typeof roles>();
  for (const r of roles) rolesBy.set(r.nodeId, [...(rolesBy.get(r.nodeId) ?? []), r]);
  const coveredBy = new Map<string, Set<string>>(); // parent nodeId → plan program ids
  for (const l of links) {
    if (!coveredBy.has(l.parentNodeId)) coveredBy.set(l.parentNodeId, new Set());
    coveredBy.get(l.parentNodeId)!.add(l.programId);
  }
  const unitIds = [...new Set(roles.map((r) => r.unitId))];
  const names = await unitNames(deps.db, unitIds);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const groupOf = (id: string) => taskGroupOf(byId, id)?.label ?? null;
  const rows: Coverage['rows'] = nodes
    .filter((n) => n.isTask)
    .map((n) => {
      const cells: Coverage['rows'][number]['cells'] = {};
      for (const r of rolesBy.get(n.id) ?? []) {
        const plan = planOf.get(r.unitId);
        cells[r.unitId] = {
          role: r.role as TaskRole,
          covered: !!plan && !!coveredBy.get(n.id)?.has(plan),
        };
      }
      return { nodeId: n.id, label: n.label, groupLabel: groupOf(n.id), text: n.text, cells };
    });
  const unitsWithoutPlan = unitIds.filter((u) => !planOf.has(u));
  return {
    units: unitIds
      .map((u) => ({
        unitId: u,
        name: names.get(u) ?? u,
        planId: planOf.get(u) ?? null,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    rows,
    gaps: {
      noLead: rows.filter((r) => !Object.values(r.cells).some((c) => c.role === 'lead')).map((r) => r.nodeId),
      leadNotCovered: rows.flatMap((r) =>
        Object.entries(r.cells)
          .filter(([, c]) => c.role === 'lead' && !c.covered)
          .map(([unitId]) => ({ nodeId: r.nodeId, unitId })),
      ),
      unitsWithoutPlan,
      plansOverdue: p.plansDueDate && p.plansDueDate < today ? unitsWithoutPlan : [],
    },
    plansDueDate: p.plansDueDate,
  };
}
