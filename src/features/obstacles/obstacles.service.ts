/**
 * The obstacles register: every obstacle (khó khăn, vướng mắc) and proposal (kiến nghị, đề xuất)
 * raised in a submitted report is an item the monitor assigns to a handling unit, answers and
 * closes. Open items stay open across periods until closed.
 */
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.js';
import { obstacles, programNodes, reportingPeriods, units } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { mutate } from '../audit/audit-writer.js';
import { notify } from '../notifications/events.js';
import { versionConflict } from '../conflict.js';
import { authorize, seesAllUnits } from '../policy.js';
import { actorUserId, type Ctx } from '../context.js';
import { now, type Deps } from '../deps.js';
import type {
  Obstacle,
  ObstacleFilters,
  ObstacleInput,
  ObstacleList,
  ObstacleStep,
} from '../../contract/obstacles.js';

/** The obstacles matching `where`, newest first, with their unit, handling unit, task and period. */
export async function obstacleRows(db: DbOrTx, where: SQL | undefined): Promise<Obstacle[]> {
  const handling = sql`hu.name`;
  const list = await db
    .select({
      id: obstacles.id,
      kind: obstacles.kind,
      text: obstacles.text,
      status: obstacles.status,
      unitId: obstacles.unitId,
      unitName: units.name,
      handlingUnitId: obstacles.handlingUnitId,
      handlingUnitName: sql<string | null>`${handling}`,
      answer: obstacles.answer,
      nodeId: obstacles.nodeId,
      taskLabel: programNodes.label,
      periodId: obstacles.periodId,
      periodLabel: reportingPeriods.label,
      obligationId: obstacles.obligationId,
      raisedAt: obstacles.raisedAt,
      closedAt: obstacles.closedAt,
      version: obstacles.version,
    })
    .from(obstacles)
    .innerJoin(units, eq(units.id, obstacles.unitId))
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, obstacles.periodId))
    .leftJoin(programNodes, eq(programNodes.id, obstacles.nodeId))
    .leftJoin(sql`units hu`, sql`hu.id = ${obstacles.handlingUnitId}`)
    .where(where)
    .orderBy(desc(obstacles.raisedAt));
  return list.map((o) => ({
    ...o,
    raisedAt: o.raisedAt.toISOString(),
    closedAt: o.closedAt?.toISOString() ?? null,
  }));
}

export async function listObstacles(
  deps: Deps,
  ctx: Ctx,
  programId: string,
  q: ObstacleFilters = {},
): Promise<ObstacleList> {
  authorize(ctx, 'report.read');
  const mine = !seesAllUnits(ctx) && ctx.actor?.kind === 'user' ? ctx.actor.unitId : null;
  const items = await obstacleRows(
    deps.db,
    and(
      eq(obstacles.programId, programId),
      q.status ? eq(obstacles.status, q.status) : sql`true`,
      q.open ? sql`${obstacles.status} <> 'closed'` : sql`true`,
      q.periodId ? eq(obstacles.periodId, q.periodId) : sql`true`,
      mine ? sql`(${obstacles.unitId} = ${mine} or ${obstacles.handlingUnitId} = ${mine})` : sql`true`,
    ),
  );
  const counts: ObstacleList['counts'] = { open: 0, assigned: 0, answered: 0, closed: 0 };
  for (const o of items) counts[o.status]++;
  return { counts, items };
}

/** Moves an obstacle on: assign (handling unit), answer (text), close, reopen. */
export async function updateObstacle(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: ObstacleInput,
): Promise<ObstacleStep> {
  authorize(ctx, 'report.manage');
  return mutate(deps.db, ctx, async (tx, audit) => {
    const [o] = await tx.select().from(obstacles).where(eq(obstacles.id, id)).for('update');
    if (!o) throw new AppError('OBSTACLE_NOT_FOUND', { id });
    if (o.version !== input.version) throw await versionConflict(tx, 'obstacle', o);
    const t = now(deps);
    const set: Partial<typeof obstacles.$inferInsert> = {};
    switch (input.action) {
      case 'assign': {
        if (o.status === 'closed' || !input.handlingUnitId)
          throw new AppError('OBSTACLE_INVALID_STEP', { from: o.status, action: input.action });
        const [u] = await tx
          .select({ id: units.id })
          .from(units)
          .where(inArray(units.id, [input.handlingUnitId]));
        if (!u) throw new AppError('UNIT_NOT_FOUND', { id: input.handlingUnitId });
        set.handlingUnitId = input.handlingUnitId;
        set.status = o.status === 'answered' ? 'answered' : 'assigned';
        break;
      }
      case 'answer':
        if (o.status === 'closed' || !input.answer?.trim())
          throw new AppError('OBSTACLE_INVALID_STEP', { from: o.status, action: input.action });
        set.answer = input.answer.trim();
        set.status = 'answered';
        break;
      case 'close':
        if (o.status === 'closed')
          throw new AppError('OBSTACLE_INVALID_STEP', { from: o.status, action: input.action });
        set.status = 'closed';
        set.closedAt = t;
        break;
      case 'reopen':
        if (o.status !== 'closed')
          throw new AppError('OBSTACLE_INVALID_STEP', { from: o.status, action: input.action });
        set.status = o.answer ? 'answered' : o.handlingUnitId ? 'assigned' : 'open';
        set.closedAt = null;
        break;
    }
    const [r] = await tx
      .update(obstacles)
      .set({ ...set, version: o.version + 1, updatedAt: t, updatedBy: actorUserId(ctx) })
      .where(eq(obstacles.id, id))
      .returning();
    audit.record({
      action: `obstacle.${input.action}`,
      entityType: 'obstacle',
      entityId: id,
      before: { status: o.status, handlingUnitId: o.handlingUnitId, answer: o.answer },
      after: { status: r!.status, handlingUnitId: r!.handlingUnitId, answer: r!.answer },
    });
    await notify(tx, deps, ctx, { kind: 'obstacle.step', obstacleId: id, action: input.action });
    return { id, status: r!.status, version: r!.version };
  });
}
