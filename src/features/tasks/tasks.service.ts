/**
 * Assigning tasks: one lead unit, cooperating units, a focal person, a deadline and expected products;
 * the "5 rõ" meter; suggestions read from the document; putting the program into implementation
 * ("Triển khai"), which freezes a baseline; later changes need a reason and show against it.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  programBaselines,
  programNodes,
  programResponsibilities,
  programs,
  taskAssignments,
  taskProducts,
  taskUnits,
  units,
  users,
} from '../../db/schema.js';
import { inOrder, type DbOrTx, type Tx } from '../../db/connection.js';
import { programOutline } from '../../db/queries/outline.js';
import { unitSubtree } from '../../db/queries/units.js';
import { pgConstraint, pgErrorCode } from '../../db/errors.js';
import { AppError, type ErrorCode } from '../../errors.js';
import {
  checkAssignment,
  dueDate,
  missing,
  summarize,
  taskMeter,
  type AssignmentState,
  type Focal,
  type Product,
  type TaskMeter,
  type TaskView,
  viDate,
} from '../../domain/plan/assignment.js';
import { suggestAssignments, type ProgramSuggestions } from '../../domain/plan/suggest.js';
import { fold } from '../../domain/text.js';
import { canonicalJson } from '../../domain/audit-chain.js';
import { taskGroupOf } from '../../domain/plan/tree.js';
import { mutate, type AuditRecorder } from '../audit/audit-writer.js';
import { notify } from '../notifications/events.js';
import { versionConflict } from '../conflict.js';
import { authorize, authorizeAssignTo, authorizeForUnit, seesAllUnits } from '../policy.js';
import { actorUserId, type Ctx } from '../context.js';
import { now, type Deps } from '../deps.js';
import type {
  AcceptSuggestionsBody,
  Accepted,
  AssignmentBody,
  BaselineEntry,
  BulkAssigned,
  BulkAssignmentBody,
  BaselineField,
  ImplementBody,
  Implemented,
  IncompleteDetails,
  ProgramMeter,
  TaskDetail,
  TaskList,
  TaskListQuery,
  TaskProblem,
} from '../../contract/tasks.js';

interface Loaded {
  program: typeof programs.$inferSelect;
  tasks: TaskView[];
}

/** Loads every task of a program with its assignment, in document order. */
async function loadTasks(db: DbOrTx, programId: string, nodeIds?: string[]): Promise<Loaded> {
  const [program] = await db.select().from(programs).where(eq(programs.id, programId));
  if (!program) throw new AppError('PROGRAM_NOT_FOUND', { id: programId });
  const nodes = await programOutline(db, programId);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const wanted = nodes.filter((n) => n.isTask && (!nodeIds || nodeIds.includes(n.id)));
  const ids = wanted.map((n) => n.id);
  const [assigns, roles, prods] = ids.length
    ? await inOrder([
        db.select().from(taskAssignments).where(eq(taskAssignments.programId, programId)),
        db.select().from(taskUnits).where(eq(taskUnits.programId, programId)),
        db
          .select()
          .from(taskProducts)
          .where(eq(taskProducts.programId, programId))
          .orderBy(asc(taskProducts.position)),
      ])
    : [[], [], []];
  const aBy = new Map(assigns.map((a) => [a.nodeId, a]));
  const rolesBy = groupBy(roles, (r) => r.nodeId);
  const prodsBy = groupBy(prods, (p) => p.nodeId);
  const tasks = wanted.map((n): TaskView => {
    const a = aBy.get(n.id);
    const g = taskGroupOf(byId, n.id);
    const focal: Focal | null =
      a && (a.focalUserId || a.focalName)
        ? { userId: a.focalUserId, name: a.focalName, position: a.focalPosition, phone: a.focalPhone }
        : null;
    const state: AssignmentState = {
      text: n.text,
      leadUnitId: rolesBy.get(n.id)?.find((r) => r.role === 'lead')?.unitId ?? null,
      cooperatingUnitIds: (rolesBy.get(n.id) ?? [])
        .filter((r) => r.role === 'cooperating')
        .map((r) => r.unitId),
      focal,
      deadline: a?.deadline ?? null,
      products: (prodsBy.get(n.id) ?? []).map((p) => ({
        kind: p.kind,
        description: p.description,
        dueDate: p.dueDate,
        indicator: p.indicator,
      })),
    };
    const meter = taskMeter(state);
    return {
      nodeId: n.id,
      programId,
      label: n.label,
      groupId: g?.id ?? null,
      groupLabel: g?.label ?? null,
      groupTitle: g?.title ?? null,
      ...state,
      dueDate: a?.dueDate ?? null,
      meter,
      missing: missing(meter),
      version: a?.version ?? 1,
      updatedAt: (a?.updatedAt ?? program.publishedAt).toISOString(),
    };
  });
  return { program, tasks };
}

function groupBy<T>(items: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

async function programOfTask(db: DbOrTx, nodeId: string): Promise<string> {
  const [n] = await db
    .select({ programId: programNodes.programId, isTask: programNodes.isTask })
    .from(programNodes)
    .where(eq(programNodes.id, nodeId));
  if (!n || !n.isTask) throw new AppError('TASK_NOT_FOUND', { nodeId });
  return n.programId;
}

export async function listTasks(
  deps: Deps,
  ctx: Ctx,
  programId: string,
  q: TaskListQuery = {},
): Promise<TaskList> {
  authorize(ctx, 'program.read');
  const { tasks, program } = await loadTasks(deps.db, programId);
  const words = q.q ? fold(q.q).split(' ') : [];
  const items = tasks.filter(
    (t) =>
      (!q.groupId || t.groupId === q.groupId) &&
      (!q.unitId ||
        (q.role !== 'cooperating' && t.leadUnitId === q.unitId) ||
        (q.role !== 'lead' && t.cooperatingUnitIds.includes(q.unitId))) &&
      (!q.missing || t.missing.includes(q.missing)) &&
      (!q.dueFrom || (t.dueDate !== null && t.dueDate >= q.dueFrom)) &&
      (!q.dueTo || (t.dueDate !== null && t.dueDate <= q.dueTo)) &&
      words.every((w) => fold(`${t.label} ${t.text}`).includes(w)),
  );
  return { program: { id: program.id, title: program.title, status: program.status }, items };
}

export async function getTask(deps: Deps, ctx: Ctx, nodeId: string): Promise<TaskDetail> {
  authorize(ctx, 'program.read');
  const programId = await programOfTask(deps.db, nodeId);
  const { tasks, program } = await loadTasks(deps.db, programId, [nodeId]);
  const [node] = await deps.db.select().from(programNodes).where(eq(programNodes.id, nodeId));
  const [base] = await deps.db
    .select()
    .from(programBaselines)
    .where(eq(programBaselines.programId, programId));
  const baseline = base?.snapshot[nodeId] ?? null;
  const task = tasks[0]!;
  return {
    task,
    program: {
      id: program.id,
      title: program.title,
      status: program.status,
      parentProgramId: program.parentProgramId,
      ownerUnitId: program.ownerUnitId,
    },
    source: {
      span: [node!.spanStart, node!.spanEnd],
      text: program.source.slice(node!.spanStart, node!.spanEnd),
    },
    extracted: node!.extracted,
    baseline,
    changedFromBaseline: baseline ? changedFields(baseline, task) : [],
  };
}

function entryOf(
  t: Pick<TaskView, 'leadUnitId' | 'cooperatingUnitIds' | 'deadline' | 'dueDate' | 'products'>,
): BaselineEntry {
  return {
    leadUnitId: t.leadUnitId,
    cooperatingUnitIds: t.cooperatingUnitIds,
    deadline: t.deadline,
    dueDate: t.dueDate,
    products: t.products,
  };
}

function normProduct(p: Product) {
  return {
    kind: p.kind,
    description: p.description.trim(),
    dueDate: p.dueDate ?? null,
    indicator: p.indicator ?? null,
  };
}

function changedFields(a: BaselineEntry, b: BaselineEntry): BaselineField[] {
  const out: BaselineField[] = [];
  if (a.leadUnitId !== b.leadUnitId) out.push('lead');
  if ([...a.cooperatingUnitIds].sort().join() !== [...b.cooperatingUnitIds].sort().join())
    out.push('cooperating');
  // Canonical JSON: PostgreSQL's jsonb does not keep key order.
  if (canonicalJson(a.deadline) !== canonicalJson(b.deadline)) out.push('deadline');
  if (canonicalJson(a.products.map(normProduct)) !== canonicalJson(b.products.map(normProduct)))
    out.push('products');
  return out;
}

/** A task's whole assignment, without the version it was read at. */
type AssignmentInput = Omit<AssignmentBody, 'version'>;

async function writeAssignment(
  tx: Tx,
  ctx: Ctx,
  program: typeof programs.$inferSelect,
  cur: TaskView,
  input: AssignmentInput,
) {
  const state: AssignmentState = { text: cur.text, ...input };
  const problems = checkAssignment(state, program.docDate);
  if (problems.length) {
    const p = problems[0]!;
    throw new AppError(
      p.code,
      { problems },
      p.code === 'ASSIGN_DEADLINE_BEFORE_PROGRAM'
        ? `Thời hạn ${viDate(p.due)} trước ngày ban hành chương trình (${viDate(p.programDate)})`
        : undefined,
    );
  }
  // Units must exist and be active; a focal user must belong to the lead unit.
  const unitIds = [
    ...new Set([...(input.leadUnitId ? [input.leadUnitId] : []), ...input.cooperatingUnitIds]),
  ];
  if (unitIds.length) {
    const found = await tx
      .select({ id: units.id, active: units.active })
      .from(units)
      .where(inArray(units.id, unitIds));
    for (const id of unitIds) {
      const u = found.find((x) => x.id === id);
      if (!u) throw new AppError('UNIT_NOT_FOUND', { unitId: id });
      if (!u.active) throw new AppError('ASSIGN_UNIT_INACTIVE', { unitId: id });
    }
  }
  if (input.focal?.userId) {
    const [u] = await tx.select({ unitId: users.unitId }).from(users).where(eq(users.id, input.focal.userId));
    if (!u || !input.leadUnitId || u.unitId !== input.leadUnitId) throw new AppError('ASSIGN_FOCAL_INVALID');
  }
  const next = { ...entryOf({ ...input, dueDate: input.deadline ? dueDate(input.deadline) : null }) };
  const changed = changedFields(entryOf(cur), next);
  const focalChanged = canonicalJson(cur.focal) !== canonicalJson(input.focal);
  if (changed.length === 0 && !focalChanged) return { changed, focalChanged, nothing: true };
  const reason = input.reason?.trim() || null;
  if (program.status === 'implementing' && changed.some((c) => c !== 'cooperating') && !reason) {
    throw new AppError('ASSIGN_REASON_REQUIRED', { changed });
  }
  const nodeId = cur.nodeId;
  await tx.delete(taskUnits).where(eq(taskUnits.nodeId, nodeId));
  const roleRows = [
    ...(input.leadUnitId ? [{ nodeId, programId: program.id, unitId: input.leadUnitId, role: 'lead' }] : []),
    ...input.cooperatingUnitIds.map((u) => ({
      nodeId,
      programId: program.id,
      unitId: u,
      role: 'cooperating',
    })),
  ];
  if (roleRows.length) await tx.insert(taskUnits).values(roleRows);
  await tx.delete(taskProducts).where(eq(taskProducts.nodeId, nodeId));
  if (input.products.length) {
    await tx.insert(taskProducts).values(
      input.products.map((p, position) => ({
        nodeId,
        programId: program.id,
        position,
        kind: p.kind,
        description: p.description.trim(),
        dueDate: p.dueDate,
        indicator: p.indicator ?? null,
      })),
    );
  }
  await tx.insert(taskAssignments).values({ nodeId, programId: program.id }).onConflictDoNothing();
  await tx
    .update(taskAssignments)
    .set({
      focalUserId: input.focal?.userId ?? null,
      focalName: input.focal?.name ?? null,
      focalPosition: input.focal?.position ?? null,
      focalPhone: input.focal?.phone ?? null,
      deadline: input.deadline,
      dueDate: next.dueDate,
      version: cur.version + 1,
      updatedAt: new Date(),
      updatedBy: actorUserId(ctx),
    })
    .where(eq(taskAssignments.nodeId, nodeId));
  return { changed, focalChanged, nothing: false, reason, before: entryOf(cur), after: next };
}

function mapDbError(e: unknown): never {
  if (pgErrorCode(e) === '23505' && pgConstraint(e) === 'task_units_one_lead')
    throw new AppError('ASSIGN_TWO_LEADS');
  if (pgErrorCode(e) === '23505' && pgConstraint(e) === 'task_units_node_unit_key')
    throw new AppError('ASSIGN_LEAD_IS_COOPERATING');
  throw e;
}

/** The start of a task's text, for lists that name tasks. */
function shortText(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 80 ? `${t.slice(0, 79).trimEnd()}…` : t;
}

/**
 * Runs `fn` for one task inside a savepoint: a refusal (an AppError, or a database rule mapped to one)
 * undoes that task's writes only and comes back as a problem naming the task; anything else is thrown.
 */
async function inSavepoint<T>(
  tx: Tx,
  task: Pick<TaskView, 'nodeId' | 'label' | 'text'>,
  fn: (sp: Tx) => Promise<T>,
): Promise<{ ok: T } | { problem: TaskProblem & { status: number } }> {
  try {
    return { ok: await tx.transaction(fn) };
  } catch (e) {
    let err: unknown = e;
    try {
      mapDbError(e);
    } catch (mapped) {
      err = mapped;
    }
    if (!(err instanceof AppError)) throw err;
    return {
      problem: {
        nodeId: task.nodeId,
        label: task.label,
        text: shortText(task.text),
        code: err.code,
        message: err.message,
        status: err.status,
      },
    };
  }
}

/** Saves a task's whole assignment (optimistic version; a reason once the program is implementing). */
export async function saveAssignment(
  deps: Deps,
  ctx: Ctx,
  nodeId: string,
  input: AssignmentBody,
): Promise<TaskDetail> {
  const programId = await programOfTask(deps.db, nodeId);
  await authorizeAssign(deps.db, ctx, programId);
  try {
    await mutate(deps.db, ctx, async (tx, audit) => {
      await tx.select().from(taskAssignments).where(eq(taskAssignments.nodeId, nodeId)).for('update');
      const { program, tasks } = await loadTasks(tx, programId, [nodeId]);
      const cur = tasks[0]!;
      const [row] = await tx.select().from(taskAssignments).where(eq(taskAssignments.nodeId, nodeId));
      if (row && row.version !== input.version) throw await versionConflict(tx, 'task', row);
      await authorizeAssignUnits(tx, ctx, cur, input);
      const r = await writeAssignment(tx, ctx, program, cur, input);
      if (r.nothing) {
        audit.nothingChanged();
        return;
      }
      await recordAssignment(tx, deps, ctx, audit, { program, cur, written: r, focal: input.focal });
    });
  } catch (e) {
    mapDbError(e);
  }
  return getTask(deps, ctx, nodeId);
}

/**
 * The audit event of one task's changed assignment (`task.adjust` once the program is implementing and
 * a deadline or lead moved, otherwise `task.assign`; `bulk` when it came from a bulk edit), and the
 * notification of the units it concerns, in the same transaction.
 */
async function recordAssignment(
  tx: Tx,
  deps: Deps,
  ctx: Ctx,
  audit: AuditRecorder,
  a: {
    program: { status: string };
    cur: TaskView;
    written: Exclude<Awaited<ReturnType<typeof writeAssignment>>, { nothing: true }>;
    focal: AssignmentInput['focal'];
    bulk?: { tasks: number };
  },
): Promise<void> {
  const { cur, written: r } = a;
  audit.record({
    action: a.program.status === 'implementing' && r.changed.length ? 'task.adjust' : 'task.assign',
    entityType: 'task',
    entityId: cur.nodeId,
    before: { ...r.before, focal: cur.focal },
    after: {
      ...r.after,
      focal: a.focal,
      changed: r.changed,
      reason: r.reason ?? null,
      ...(a.bulk ? { bulk: a.bulk } : {}),
    },
  });
  const unitsBefore = [cur.leadUnitId, ...cur.cooperatingUnitIds];
  await notify(tx, deps, ctx, {
    kind: 'task.assignment',
    nodeId: cur.nodeId,
    unitsBefore,
    reason: r.reason ?? null,
  });
}

/**
 * Monitors and admins assign every program's tasks; a unit assigns the tasks of its own plan (a
 * district's plan to its communes), which is how the cascade goes down to any depth.
 */
async function authorizeAssign(db: DbOrTx, ctx: Ctx, programId: string): Promise<void> {
  if (ctx.actor?.kind === 'user' && ctx.actor.role === 'unit') {
    const [p] = await db
      .select({ ownerUnitId: programs.ownerUnitId })
      .from(programs)
      .where(eq(programs.id, programId));
    authorizeForUnit(ctx, 'plan.edit', p?.ownerUnitId ?? null);
    return;
  }
  authorize(ctx, 'task.assign');
}

/**
 * A unit assigns its plan's items only to itself and the units below it in the units tree, as lead and
 * as cooperating units (ASSIGN_UNIT_OUT_OF_SCOPE); a unit the task already has in the same role may
 * stay. Monitors and admins assign to any unit.
 */
async function authorizeAssignUnits(tx: Tx, ctx: Ctx, cur: TaskView, input: AssignmentInput): Promise<void> {
  if (seesAllUnits(ctx) || ctx.actor?.kind !== 'user') return;
  const own = ctx.actor.unitId;
  const subtree = own ? await unitSubtree(tx, own) : new Set<string>();
  if (input.leadUnitId)
    authorizeAssignTo(ctx, [input.leadUnitId], subtree, new Set(cur.leadUnitId ? [cur.leadUnitId] : []));
  authorizeAssignTo(ctx, input.cooperatingUnitIds, subtree, new Set(cur.cooperatingUnitIds));
}

// ---- bulk edit ----

/** What a bulk edit makes of one task's assignment: the fields it sets, the task's own for the rest. */
function bulkInput(cur: TaskView, b: BulkAssignmentBody): AssignmentInput {
  const add = (b.cooperating?.unitIds ?? []).filter((u) => !cur.cooperatingUnitIds.includes(u));
  return {
    leadUnitId: b.leadUnitId ?? cur.leadUnitId,
    cooperatingUnitIds: !b.cooperating
      ? cur.cooperatingUnitIds
      : b.cooperating.mode === 'set'
        ? b.cooperating.unitIds
        : [...cur.cooperatingUnitIds, ...add],
    focal: b.focal ?? cur.focal,
    deadline: b.deadline ?? cur.deadline,
    products: b.product ? [b.product] : cur.products,
    reason: b.reason ?? null,
  };
}

/**
 * Sets the deadline, lead, cooperating units, focal person or a product of many tasks in one
 * transaction. Each task goes through the single edit's rules (versions, unit scope, checks); if one
 * fails, nothing is stored and the error lists every failing task. One audit event per task changed
 * (the action the single edit would record, with `bulk`), so each task's history shows it.
 */
export async function bulkAssign(
  deps: Deps,
  ctx: Ctx,
  programId: string,
  input: BulkAssignmentBody,
): Promise<BulkAssigned> {
  await authorizeAssign(deps.db, ctx, programId);
  const { tasks: _t, reason: _r, ...fields } = input;
  if (Object.keys(fields).length === 0) throw new AppError('ASSIGN_BULK_EMPTY');
  const nodeIds = [...new Set(input.tasks.map((x) => x.nodeId))];
  const updated = await mutate(deps.db, ctx, async (tx, audit) => {
    await tx.select().from(taskAssignments).where(inArray(taskAssignments.nodeId, nodeIds)).for('update');
    const { program, tasks } = await loadTasks(tx, programId, nodeIds);
    const rows = await tx.select().from(taskAssignments).where(inArray(taskAssignments.nodeId, nodeIds));
    const problems: (TaskProblem & { status: number })[] = [];
    let updated = 0;
    for (const { nodeId, version } of input.tasks) {
      const cur = tasks.find((x) => x.nodeId === nodeId);
      const done = await inSavepoint(tx, cur ?? { nodeId, label: '', text: '' }, async (sp) => {
        if (!cur) throw new AppError('TASK_NOT_FOUND', { nodeId });
        const row = rows.find((x) => x.nodeId === nodeId);
        if (row && row.version !== version) throw await versionConflict(sp, 'task', row);
        const next = bulkInput(cur, input);
        await authorizeAssignUnits(sp, ctx, cur, next);
        return writeAssignment(sp, ctx, program, cur, next);
      });
      if ('problem' in done) {
        problems.push(done.problem);
        continue;
      }
      const r = done.ok;
      if (r.nothing || !cur) continue;
      updated++;
      await recordAssignment(tx, deps, ctx, audit, {
        program,
        cur,
        written: r,
        focal: bulkInput(cur, input).focal,
        bulk: { tasks: nodeIds.length },
      });
    }
    if (problems.length) throw bulkRefusal(problems);
    if (updated === 0) audit.nothingChanged();
    return updated;
  });
  const { tasks } = await loadTasks(deps.db, programId, nodeIds);
  return { updated, items: tasks };
}

/**
 * The one error of a refused bulk edit, naming every failing task: a version conflict wins (409), then
 * a scope refusal keeps its own code and 403, otherwise ASSIGN_BULK_FAILED.
 */
function bulkRefusal(problems: (TaskProblem & { status: number })[]): AppError {
  const tasks = problems.map(({ status: _s, ...p }) => p);
  const names = (list: TaskProblem[]) =>
    `${list
      .slice(0, 10)
      .map((p) => `${p.label}: ${p.message}`)
      .join('; ')}${list.length > 10 ? `; … (${list.length} nhiệm vụ)` : ''}`;
  if (problems.some((p) => p.status === 409)) {
    const stale = tasks.filter((_, i) => problems[i]!.status === 409);
    return new AppError(
      'ASSIGN_BULK_CONFLICT',
      { tasks },
      `Có ${stale.length} nhiệm vụ đã được người khác thay đổi, không nhiệm vụ nào được lưu (${stale
        .slice(0, 10)
        .map((p) => p.label)
        .join(', ')}). Vui lòng tải lại rồi thử lại.`,
    );
  }
  const scope = problems.find((p) => p.status === 403);
  if (scope) return new AppError(scope.code as ErrorCode, { tasks }, names(tasks));
  return new AppError(
    'ASSIGN_BULK_FAILED',
    { tasks },
    `Không lưu được, không nhiệm vụ nào được thay đổi: ${names(tasks)}`,
  );
}

// ---- the "5 rõ" meter ----

export async function programMeter(deps: Deps, ctx: Ctx, programId: string): Promise<ProgramMeter> {
  authorize(ctx, 'program.read');
  const { tasks } = await loadTasks(deps.db, programId);
  const groups = new Map<
    string,
    { groupId: string | null; label: string | null; title: string | null; meters: TaskMeter[] }
  >();
  for (const t of tasks) {
    const k = t.groupId ?? '';
    const g = groups.get(k) ?? { groupId: t.groupId, label: t.groupLabel, title: t.groupTitle, meters: [] };
    g.meters.push(t.meter);
    groups.set(k, g);
  }
  return {
    program: summarize(tasks.map((t) => t.meter)),
    groups: [...groups.values()].map(({ meters, ...g }) => ({ ...g, summary: summarize(meters) })),
    tasks: tasks.map((t) => ({ nodeId: t.nodeId, label: t.label, missing: t.missing })),
  };
}

// ---- suggestions ----

async function suggestionsFor(
  db: DbOrTx,
  programId: string,
  today: Date,
): Promise<ProgramSuggestions & { program: typeof programs.$inferSelect }> {
  const [program] = await db.select().from(programs).where(eq(programs.id, programId));
  if (!program) throw new AppError('PROGRAM_NOT_FOUND', { id: programId });
  const nodes = await db
    .select({
      id: programNodes.id,
      label: programNodes.label,
      text: programNodes.text,
      extracted: programNodes.extracted,
    })
    .from(programNodes)
    .where(and(eq(programNodes.programId, programId), eq(programNodes.isTask, true)))
    .orderBy(asc(programNodes.position));
  const resp = await db
    .select()
    .from(programResponsibilities)
    .where(eq(programResponsibilities.programId, programId));
  const s = suggestAssignments(
    nodes.map((n) => ({ nodeId: n.id, label: n.label, text: n.text, extracted: n.extracted })),
    resp.map((r) => ({
      label: r.label,
      bodies: r.bodies,
      leadUnitId: r.leadUnitId,
      duties: r.duties,
    })),
    program.docDate,
    (program.implementedAt ?? today).toISOString().slice(0, 10),
  );
  return { ...s, program };
}

export async function programSuggestions(
  deps: Deps,
  ctx: Ctx,
  programId: string,
): Promise<ProgramSuggestions> {
  authorize(ctx, 'program.read');
  const { program: _p, ...s } = await suggestionsFor(deps.db, programId, now(deps));
  return s;
}

/**
 * Accepts suggestions in bulk: for each chosen task, fills what is still empty (lead, cooperating,
 * deadline) from the suggestion; with `monitoring`, sets the program's monitoring unit. A task whose
 * suggestion breaks a rule (a deadline before the program's date, an inactive unit) is skipped — its
 * writes undone in a savepoint — and listed with its number and why; the others are saved.
 */
export async function acceptSuggestions(
  deps: Deps,
  ctx: Ctx,
  programId: string,
  input: AcceptSuggestionsBody,
): Promise<Accepted> {
  authorize(ctx, 'task.assign');
  try {
    return await mutate(deps.db, ctx, async (tx, audit) => {
      const s = await suggestionsFor(tx, programId, now(deps));
      const { tasks } = await loadTasks(tx, programId);
      let accepted = 0;
      const skipped: TaskProblem[] = [];
      for (const sug of s.tasks.filter((x) => input.nodeIds.includes(x.nodeId))) {
        const cur = tasks.find((t) => t.nodeId === sug.nodeId)!;
        const lead =
          input.parts.includes('lead') && !cur.leadUnitId && sug.lead ? sug.lead.unitId : cur.leadUnitId;
        const coop =
          input.parts.includes('cooperating') && cur.cooperatingUnitIds.length === 0
            ? sug.cooperating.map((c) => c.unitId).filter((u) => u !== lead)
            : cur.cooperatingUnitIds;
        const deadline =
          input.parts.includes('deadline') && !cur.deadline && sug.deadline
            ? sug.deadline.deadline
            : cur.deadline;
        const done = await inSavepoint(tx, cur, (sp) =>
          writeAssignment(sp, ctx, s.program, cur, {
            leadUnitId: lead,
            cooperatingUnitIds: coop,
            focal: cur.focal,
            deadline,
            products: cur.products,
            reason: 'Chấp nhận đề xuất từ văn bản',
          }),
        );
        if ('problem' in done) {
          const { status: _s, ...p } = done.problem;
          skipped.push(p);
          continue;
        }
        const r = done.ok;
        if (r.nothing) continue;
        accepted++;
        audit.record({
          action: 'task.accept_suggestion',
          entityType: 'task',
          entityId: cur.nodeId,
          before: r.before,
          after: {
            ...r.after,
            changed: r.changed,
            sources: { lead: sug.lead?.source ?? null, deadline: sug.deadline?.source ?? null },
          },
        });
      }
      if (input.monitoring && s.monitoring && s.program.monitoringUnitId !== s.monitoring.unitId) {
        await tx
          .update(programs)
          .set({ monitoringUnitId: s.monitoring.unitId, updatedAt: new Date() })
          .where(eq(programs.id, programId));
        audit.record({
          action: 'program.set_monitoring',
          entityType: 'program',
          entityId: programId,
          before: { monitoringUnitId: s.program.monitoringUnitId },
          after: { monitoringUnitId: s.monitoring.unitId, source: s.monitoring.source },
        });
        accepted++;
      }
      if (accepted === 0) audit.nothingChanged();
      return { accepted, skipped };
    });
  } catch (e) {
    mapDbError(e);
  }
}

// ---- Triển khai ----

export async function startImplementation(
  deps: Deps,
  ctx: Ctx,
  programId: string,
  input: ImplementBody = {},
): Promise<Implemented> {
  authorize(ctx, 'task.assign');
  return mutate(deps.db, ctx, async (tx, audit) => {
    const [locked] = await tx.select().from(programs).where(eq(programs.id, programId)).for('update');
    if (!locked) throw new AppError('PROGRAM_NOT_FOUND', { id: programId });
    if (locked.status === 'implementing') throw new AppError('PROGRAM_ALREADY_IMPLEMENTING');
    const { tasks } = await loadTasks(tx, programId);
    const incomplete: IncompleteDetails['tasks'] = tasks
      .filter((t) => !t.meter.nguoi || !t.meter.tienDo)
      .map((t) => ({
        nodeId: t.nodeId,
        label: t.label,
        missing: t.missing.filter((m) => m === 'nguoi' || m === 'tienDo'),
      }));
    if (incomplete.length) {
      throw new AppError(
        'PROGRAM_INCOMPLETE',
        { tasks: incomplete },
        `Chưa thể triển khai: ${incomplete.length} nhiệm vụ chưa có cơ quan chủ trì hoặc thời hạn (${incomplete
          .slice(0, 10)
          .map((t) => t.label)
          .join(', ')}${incomplete.length > 10 ? ', …' : ''}).`,
      );
    }
    const snapshot = Object.fromEntries(tasks.map((t) => [t.nodeId, entryOf(t)]));
    await tx.insert(programBaselines).values({ programId, snapshot, createdBy: actorUserId(ctx) });
    const now = new Date();
    // Units' own plans are due 30 days after "Triển khai" unless the monitor says otherwise.
    const plansDueDate =
      input.plansDueDate ?? new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    await tx
      .update(programs)
      .set({ status: 'implementing', implementedAt: now, plansDueDate, updatedAt: now })
      .where(eq(programs.id, programId));
    audit.record({
      action: 'program.implement',
      entityType: 'program',
      entityId: programId,
      before: { status: locked.status },
      after: {
        status: 'implementing',
        plansDueDate,
        tasks: tasks.length,
        meter: summarize(tasks.map((t) => t.meter)),
      },
    });
    return { status: 'implementing' as const, tasks: tasks.length };
  });
}
