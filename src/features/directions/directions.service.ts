/**
 * The leader's directions (ý kiến chỉ đạo) tracked to closure (issue 13 point 5).
 *
 * A leader writes a direction on a task, a report, an obstacle, a unit or a program, to one or more
 * units. When it asks for action (with a due date, not before today) each unit's follow-up is `open`:
 * the unit answers (`answered`, with products or links), and the monitor or a leader closes it
 * (`closed`) or returns it to `open` with a comment ("chưa đạt"). A direction for information only
 * gives `info` rows, nothing to follow. Every step is audited and notified; open follow-ups are
 * reminded and escalated by the sweep (src/jobs/reminders-directions.ts).
 */
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.js';
import { directionUnits, directions, units, users } from '../../db/schema.js';
import { vnDate } from '../../domain/reporting/report.js';
import { AppError } from '../../errors.js';
import type {
  Direction,
  DirectionAnswerInput,
  DirectionCloseInput,
  DirectionFilters,
  DirectionInput,
  DirectionList,
  DirectionReturnInput,
} from '../../contract/directions.js';
import { mutate } from '../audit/audit-writer.js';
import { versionConflict } from '../conflict.js';
import { notify } from '../notifications/events.js';
import { authorize, authorizeForUnit, seesAllUnits } from '../policy.js';
import { actorUserId, type Ctx } from '../context.js';
import { now, type Deps } from '../deps.js';
import { resolveTarget, targetViews } from './targets.js';

/** At most this many directions in one list (the newest). */
const LIST_MAX = 1000;

/** A follow-up is overdue: action asked, not answered, and the due date passed. */
const isOverdue = (status: string, dueDate: string | null, today: string) =>
  status === 'open' && dueDate !== null && dueDate < today;

/** The directions matching `where`, newest first, each with its target, its leader and its units. */
export async function directionViews(
  db: DbOrTx,
  where: SQL | undefined,
  today: string,
): Promise<Direction[]> {
  const list = await db
    .select({ d: directions, leaderName: users.fullName })
    .from(directions)
    .innerJoin(users, eq(users.id, directions.leaderId))
    .where(where)
    .orderBy(desc(directions.createdAt), desc(directions.id))
    .limit(LIST_MAX);
  if (!list.length) return [];
  const ids = list.map((x) => x.d.id);
  const rows = await db
    .select({ du: directionUnits, unitName: units.name })
    .from(directionUnits)
    .innerJoin(units, eq(units.id, directionUnits.unitId))
    .where(inArray(directionUnits.directionId, ids))
    .orderBy(units.name);
  const people = [
    ...new Set(rows.flatMap((r) => [r.du.answeredBy, r.du.closedBy]).filter((x): x is string => !!x)),
  ];
  const names = new Map(
    people.length
      ? (
          await db.select({ id: users.id, name: users.fullName }).from(users).where(inArray(users.id, people))
        ).map((u) => [u.id, u.name])
      : [],
  );
  const programIds = [...new Set(list.map((x) => x.d.programId).filter((x): x is string => !!x))];
  const titles = await targetViews(
    db,
    programIds.map((id) => ({ targetType: 'program' as const, targetId: id })),
  );
  const targets = await targetViews(
    db,
    list.map((x) => x.d),
  );
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return list.map(({ d, leaderName }) => {
    const us = rows
      .filter((r) => r.du.directionId === d.id)
      .map(({ du, unitName }) => ({
        id: du.id,
        unitId: du.unitId,
        unitName,
        status: du.status,
        answer: du.answer,
        answerLinks: du.answerLinks,
        answeredAt: iso(du.answeredAt),
        answeredByName: du.answeredBy ? (names.get(du.answeredBy) ?? null) : null,
        closedAt: iso(du.closedAt),
        closedByName: du.closedBy ? (names.get(du.closedBy) ?? null) : null,
        closeComment: du.closeComment,
        returnComment: du.returnComment,
        returnedAt: iso(du.returnedAt),
        overdue: isOverdue(du.status, d.dueDate, today),
        version: du.version,
      }));
    const target = targets.get(`${d.targetType}:${d.targetId}`);
    return {
      id: d.id,
      targetType: d.targetType,
      targetId: d.targetId,
      targetLabel: target?.label ?? '',
      targetLink: target?.link ?? '',
      programId: d.programId,
      programTitle: d.programId ? (titles.get(`program:${d.programId}`)?.label ?? null) : null,
      text: d.text,
      requiresAction: d.requiresAction,
      dueDate: d.dueDate,
      leaderId: d.leaderId,
      leaderName,
      createdAt: d.createdAt.toISOString(),
      overdue: us.some((u) => u.overdue),
      units: us,
    };
  });
}

/** The unit of a signed-in user who sees only its own unit's data, else null. */
function ownUnitOnly(ctx: Ctx): string | null | undefined {
  if (seesAllUnits(ctx) || ctx.actor?.kind !== 'user') return undefined;
  return ctx.actor.unitId;
}

/**
 * The list of directions ("Theo dõi ý kiến chỉ đạo"). Units see only the directions addressed to them.
 * The state, unit and overdue filters apply to one same follow-up: "a unit of this direction, this
 * unit if named, in this state, overdue if asked".
 */
export async function listDirections(deps: Deps, ctx: Ctx, q: DirectionFilters = {}): Promise<DirectionList> {
  authorize(ctx, 'program.read');
  const today = vnDate(now(deps));
  const own = ownUnitOnly(ctx);
  const addressedTo = (unitId: string | null) =>
    sql`exists (select 1 from ${directionUnits} du where du.direction_id = ${directions.id} and du.unit_id = ${unitId})`;
  const conds: SQL[] = [];
  if (own !== undefined) conds.push(addressedTo(own));
  if (q.programId) conds.push(eq(directions.programId, q.programId));
  if (q.targetType) conds.push(eq(directions.targetType, q.targetType));
  if (q.targetId) conds.push(eq(directions.targetId, q.targetId));
  if (q.mine && ctx.actor?.kind === 'user') {
    const me = ctx.actor;
    conds.push(
      me.unitId
        ? sql`(${directions.leaderId} = ${me.id} or ${addressedTo(me.unitId)})`
        : eq(directions.leaderId, me.id),
    );
  }
  if (q.status || q.unitId || q.overdue) {
    const row: SQL[] = [sql`du.direction_id = ${directions.id}`];
    if (q.unitId) row.push(sql`du.unit_id = ${q.unitId}`);
    if (q.status) row.push(sql`du.status = ${q.status}`);
    if (q.overdue) row.push(sql`du.status = 'open' and ${directions.dueDate} < ${today}`);
    conds.push(sql`exists (select 1 from ${directionUnits} du where ${sql.join(row, sql` and `)})`);
  }
  const items = await directionViews(deps.db, conds.length ? and(...conds) : undefined, today);
  const counts: DirectionList['counts'] = { info: 0, open: 0, answered: 0, closed: 0, overdue: 0 };
  for (const d of items)
    for (const u of d.units) {
      counts[u.status]++;
      if (u.overdue) counts.overdue++;
    }
  return { counts, items };
}

async function viewOf(db: DbOrTx, id: string, today: string): Promise<Direction> {
  const [d] = await directionViews(db, eq(directions.id, id), today);
  if (!d) throw new AppError('DIRECTION_NOT_FOUND', { id });
  return d;
}

/** A leader writes a direction (direction.write: leaders only). */
export async function createDirection(deps: Deps, ctx: Ctx, input: DirectionInput): Promise<Direction> {
  authorize(ctx, 'direction.write');
  const leaderId = actorUserId(ctx);
  if (!leaderId) throw new AppError('AUTH_REQUIRED');
  const text = input.text.trim();
  if (!text) throw new AppError('DIRECTION_TEXT_REQUIRED');
  const today = vnDate(now(deps));
  const dueDate = input.requiresAction ? (input.dueDate ?? null) : null;
  if (input.requiresAction && !dueDate) throw new AppError('DIRECTION_DUE_REQUIRED');
  if (dueDate && dueDate < today) throw new AppError('DIRECTION_DUE_PAST', { dueDate, today });
  return mutate(deps.db, ctx, async (tx, audit) => {
    const target = await resolveTarget(tx, input.targetType, input.targetId);
    const unitIds = input.unitIds?.length ? [...new Set(input.unitIds)] : target.defaultUnitIds;
    if (!unitIds.length) throw new AppError('DIRECTION_UNITS_REQUIRED');
    const found = await tx.select({ id: units.id }).from(units).where(inArray(units.id, unitIds));
    const missing = unitIds.filter((id) => !found.some((u) => u.id === id));
    if (missing.length) throw new AppError('UNIT_NOT_FOUND', { id: missing[0] });
    const at = now(deps);
    const [d] = await tx
      .insert(directions)
      .values({
        targetType: input.targetType,
        targetId: input.targetId,
        programId: target.programId,
        text,
        requiresAction: input.requiresAction,
        dueDate,
        leaderId,
        createdAt: at,
        updatedAt: at,
        updatedBy: leaderId,
      })
      .returning();
    const status = input.requiresAction ? ('open' as const) : ('info' as const);
    await tx
      .insert(directionUnits)
      .values(
        unitIds.map((unitId) => ({ directionId: d!.id, unitId, status, updatedAt: at, updatedBy: leaderId })),
      );
    audit.record({
      action: 'direction.create',
      entityType: 'direction',
      entityId: d!.id,
      after: {
        targetType: d!.targetType,
        targetId: d!.targetId,
        programId: d!.programId,
        text,
        requiresAction: d!.requiresAction,
        dueDate,
        unitIds,
      },
    });
    await notify(tx, deps, ctx, { kind: 'direction.issued', directionId: d!.id });
    return viewOf(tx, d!.id, today);
  });
}

type UnitRow = typeof directionUnits.$inferSelect;

/**
 * One step on one unit's follow-up: locks the row, checks the version and the state, writes the
 * change, the audit event and the notification, and answers the whole direction.
 */
async function followUpStep(
  deps: Deps,
  ctx: Ctx,
  id: string,
  version: number,
  step: {
    action: 'direction.answer' | 'direction.close' | 'direction.return';
    /** Checks the actor may take it on this row (the unit scope). */
    scope?: (row: UnitRow) => void;
    from: readonly string[];
    change: (row: UnitRow, at: Date, by: string | null) => Partial<UnitRow>;
    notice: 'direction.answered' | 'direction.closed' | 'direction.returned';
  },
): Promise<Direction> {
  return mutate(deps.db, ctx, async (tx, audit) => {
    const [row] = await tx.select().from(directionUnits).where(eq(directionUnits.id, id)).for('update');
    if (!row) throw new AppError('DIRECTION_NOT_FOUND', { id });
    step.scope?.(row);
    if (row.version !== version) throw await versionConflict(tx, 'direction_unit', row);
    if (!step.from.includes(row.status))
      throw new AppError('DIRECTION_INVALID_STEP', { from: row.status, action: step.action });
    const at = now(deps);
    const by = actorUserId(ctx);
    const [r] = await tx
      .update(directionUnits)
      .set({ ...step.change(row, at, by), version: row.version + 1, updatedAt: at, updatedBy: by })
      .where(eq(directionUnits.id, id))
      .returning();
    const pick = (x: UnitRow) => ({
      unitId: x.unitId,
      status: x.status,
      answer: x.answer,
      answerLinks: x.answerLinks,
      closeComment: x.closeComment,
      returnComment: x.returnComment,
    });
    audit.record({
      action: step.action,
      entityType: 'direction_unit',
      entityId: id,
      before: { directionId: row.directionId, ...pick(row) },
      after: { directionId: row.directionId, ...pick(r!) },
    });
    await notify(tx, deps, ctx, { kind: step.notice, directionUnitId: id });
    return viewOf(tx, row.directionId, vnDate(at));
  });
}

/** The unit addressed answers (or corrects its answer before it is closed). */
export async function answerDirection(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: DirectionAnswerInput,
): Promise<Direction> {
  authorize(ctx, 'direction.answer');
  const answer = input.answer.trim();
  if (!answer) throw new AppError('DIRECTION_TEXT_REQUIRED');
  const links = (input.links ?? []).map((l) => ({ label: l.label.trim(), url: l.url.trim() }));
  return followUpStep(deps, ctx, id, input.version, {
    action: 'direction.answer',
    scope: (row) => authorizeForUnit(ctx, 'direction.answer', row.unitId),
    from: ['open', 'answered'],
    change: (_row, at, by) => ({
      status: 'answered',
      answer,
      answerLinks: links.filter((l) => l.label),
      answeredAt: at,
      answeredBy: by,
    }),
    notice: 'direction.answered',
  });
}

/** The monitor or a leader closes a unit's follow-up, with an optional comment. */
export async function closeDirectionUnit(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: DirectionCloseInput,
): Promise<Direction> {
  authorize(ctx, 'direction.close');
  const comment = input.comment?.trim() || null;
  return followUpStep(deps, ctx, id, input.version, {
    action: 'direction.close',
    from: ['open', 'answered'],
    change: (_row, at, by) => ({ status: 'closed', closedAt: at, closedBy: by, closeComment: comment }),
    notice: 'direction.closed',
  });
}

/** The monitor or a leader returns an answer as not yet done ("chưa đạt"): the follow-up is open again. */
export async function returnDirectionUnit(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: DirectionReturnInput,
): Promise<Direction> {
  authorize(ctx, 'direction.close');
  const comment = input.comment.trim();
  if (!comment) throw new AppError('DIRECTION_TEXT_REQUIRED');
  return followUpStep(deps, ctx, id, input.version, {
    action: 'direction.return',
    from: ['answered'],
    change: (_row, at, by) => ({ status: 'open', returnComment: comment, returnedAt: at, returnedBy: by }),
    notice: 'direction.returned',
  });
}
