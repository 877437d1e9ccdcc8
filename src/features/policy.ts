/**
 * Permissions, in one place. Services call these before they read or write; routes never decide.
 *
 * - admin: users, the units directory, settings, audit verification.
 * - monitor, leader, supervisor: read everything of the directory and the audit trail.
 * - unit: acts only for its own unit (reads its members and its history, edits its contact data).
 */
import { AppError } from '../errors.js';
import type { Role } from '../domain/roles.js';
import type { Actor, Ctx, UserActor } from './context.js';

const ALL_ACTIONS = [
  'unit.read',
  'unit.manage',
  'unit.editContact',
  'unit.readMembers',
  'user.manage',
  'audit.read',
  'audit.verify',
  'program.read',
  'program.import',
  'task.assign',
  'plan.edit',
  'unit.readTasks',
  'report.read',
  'report.write',
  'report.manage',
] as const;
export type Action = (typeof ALL_ACTIONS)[number];

const ROLE_GRANTS: Record<Role, readonly Action[]> = {
  // Administrators may do everything.
  admin: ALL_ACTIONS,
  monitor: [
    'unit.read',
    'unit.readMembers',
    'audit.read',
    'program.read',
    'program.import',
    'task.assign',
    'plan.edit',
    'unit.readTasks',
    'report.read',
    'report.manage',
  ],
  leader: ['unit.read', 'unit.readMembers', 'audit.read', 'program.read', 'unit.readTasks', 'report.read'],
  supervisor: [
    'unit.read',
    'unit.readMembers',
    'audit.read',
    'program.read',
    'unit.readTasks',
    'report.read',
  ],
  unit: [
    'unit.read',
    'unit.editContact',
    'unit.readMembers',
    'audit.read',
    'program.read',
    'plan.edit',
    'unit.readTasks',
    'report.read',
    'report.write',
  ],
};

/** Actions a `unit` user may take only on its own unit's data. */
const UNIT_SCOPED: ReadonlySet<Action> = new Set([
  'unit.editContact',
  'unit.readMembers',
  'audit.read',
  'plan.edit',
  'unit.readTasks',
  'report.read',
  'report.write',
]);

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
  if (!ROLE_GRANTS[u.role].includes(action)) throw new AppError('FORBIDDEN_ROLE', { action, role: u.role });
}

/**
 * Role check plus unit scope: a `unit` user may act on `unitId` only when it is its own unit.
 * Other roles with the grant are not limited by unit.
 */
export function authorizeForUnit(ctx: Ctx, action: Action, unitId: string | null): void {
  authorize(ctx, action);
  const a = ctx.actor;
  if (
    a?.kind === 'user' &&
    a.role === 'unit' &&
    UNIT_SCOPED.has(action) &&
    (unitId === null || a.unitId !== unitId)
  ) {
    throw new AppError('FORBIDDEN_UNIT_SCOPE', { unitId });
  }
}

/** True when the actor reads everything (no unit restriction). */
export function seesAllUnits(ctx: Ctx): boolean {
  return ctx.actor?.kind === 'system' || (ctx.actor?.kind === 'user' && ctx.actor.role !== 'unit');
}
