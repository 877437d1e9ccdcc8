/**
 * Permission checks. Services call these before they read or write; routes never decide. The table of
 * who may do what is the domain's (src/domain/permissions.ts), shared with the web.
 */
import { AppError } from '../errors.js';
import {
  mayAssignTo,
  roleMay,
  seesAllUnits as roleSeesAllUnits,
  withinBodyScope,
  withinUnitScope,
  type Action,
} from '../domain/permissions.js';
import type { Actor, Ctx, UserActor } from './context.js';

export type { Action } from '../domain/permissions.js';

export function requireUser(ctx: Ctx): UserActor {
  if (!ctx.actor || ctx.actor.kind !== 'user') throw new AppError('AUTH_REQUIRED');
  return ctx.actor;
}

function isSystem(a: Actor | null): boolean {
  return a?.kind === 'system';
}

/** Role check. The system actor (CLI, seed) may do everything. */
export function authorize(ctx: Ctx, action: Action): void {
  if (isSystem(ctx.actor)) return;
  const u = requireUser(ctx);
  if (!roleMay(u.role, action)) throw new AppError('FORBIDDEN_ROLE', { action, role: u.role });
}

/**
 * Role check plus unit scope: a `unit` user may act on `unitId` only when it is its own unit.
 * Other roles with the grant are not limited by unit.
 */
export function authorizeForUnit(ctx: Ctx, action: Action, unitId: string | null): void {
  authorize(ctx, action);
  const a = ctx.actor;
  if (a?.kind === 'user' && !withinUnitScope(a, action, unitId)) {
    throw new AppError('FORBIDDEN_UNIT_SCOPE', { unitId });
  }
}

/**
 * Role check plus body scope: a `supervisor` may manage only its own body's plans (`bodyUnitId`).
 */
export function authorizeForBody(ctx: Ctx, action: Action, bodyUnitId: string): void {
  authorize(ctx, action);
  const a = ctx.actor;
  if (a?.kind === 'user' && !withinBodyScope(a, bodyUnitId)) {
    throw new AppError('FORBIDDEN_BODY_SCOPE', { bodyUnitId });
  }
}

/** True when the actor reads everything (no unit restriction). */
export function seesAllUnits(ctx: Ctx): boolean {
  return ctx.actor?.kind === 'system' || (ctx.actor?.kind === 'user' && roleSeesAllUnits(ctx.actor));
}

/**
 * The units a task's assignment names (lead and cooperating) must be ones the actor may assign to: for
 * a `unit` user its own unit and the units below it (`subtree`, see `unitSubtree`); `kept` are units the
 * task already has in the same role, which the unit may leave in place (a monitor put them there).
 */
export function authorizeAssignTo(
  ctx: Ctx,
  unitIds: readonly string[],
  subtree: ReadonlySet<string>,
  kept: ReadonlySet<string> = new Set(),
): void {
  const a = ctx.actor;
  if (a?.kind !== 'user') return;
  const out = unitIds.filter((id) => !kept.has(id) && !mayAssignTo(a, id, subtree));
  if (out.length) throw new AppError('ASSIGN_UNIT_OUT_OF_SCOPE', { unitIds: out });
}
