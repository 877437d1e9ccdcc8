/**
 * Permissions, in one place: which role may take which action, and which actions a `unit` user may
 * take only on its own unit's data. Pure; the server's policy (src/features/policy.ts) throws from
 * these answers and the web shows or hides controls with the same `can()`.
 *
 * - admin: users, the units directory, settings, audit verification; everything else too.
 * - monitor, leader, supervisor: read everything of the directory and the audit trail.
 * - unit: acts only for its own unit (reads its members and its history, edits its contact data), and
 *   assigns its plan's items only to itself and the units below it in the units tree.
 * - `report.readAll` (the dashboard and the consolidated report of a period: every unit's results and
 *   obstacles together) is the monitor's working document until it is issued: units do not hold it.
 * - `consolidation.approve` (ký duyệt or return the consolidated report the monitor sent): leaders only,
 *   not even admins.
 * - Supervision (issue 13): `inspection.read` — everyone signed in (a unit sees only the plans it is a
 *   subject of, from the day they are visible to it); `inspection.manage` (plans, visits, conclusions,
 *   and accepting or returning remediation) — supervisors, and only on their own body's plans
 *   (`withinBodyScope`), and admins; `remediation.write` — the unit responsible for a recommendation;
 *   `direction.write` — leaders only (a direction is the leader's word; not even admins);
 *   `direction.answer` — the units a direction is addressed to; `direction.close` — monitors and
 *   leaders; `review.read` (the annual review with every unit's figures) — all but units.
 * - Public portal (issue 14): `portal.publish` — monitors (and admins) make a program public
 *   ("công khai") or withdraw it, and publish or withdraw its consolidated reports and the annual
 *   review; `evidence.publicize` — a unit marks its own evidence files public or internal.
 *   Reading the portal needs no account at all (routes marked public, src/features/public).
 */
import type { Role } from './roles.js';

export const ALL_ACTIONS = [
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
  'report.readAll',
  'report.write',
  'report.manage',
  'consolidation.approve',
  'inspection.read',
  'inspection.manage',
  'remediation.write',
  'direction.write',
  'direction.answer',
  'direction.close',
  'review.read',
  'portal.publish',
  'evidence.publicize',
] as const;
export type Action = (typeof ALL_ACTIONS)[number];

/** Leaders and supervisors read everything a monitor reads and change nothing. */
const READ_EVERYTHING: readonly Action[] = [
  'unit.read',
  'unit.readMembers',
  'audit.read',
  'program.read',
  'unit.readTasks',
  'report.read',
  'report.readAll',
  'inspection.read',
  'review.read',
];

export const ROLE_GRANTS: Readonly<Record<Role, readonly Action[]>> = {
  // Administrators may do everything but sign: approving the consolidated report and writing a
  // direction are the leader's.
  admin: ALL_ACTIONS.filter((a) => a !== 'consolidation.approve' && a !== 'direction.write'),
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
    'report.readAll',
    'report.manage',
    'inspection.read',
    'direction.close',
    'review.read',
    'portal.publish',
  ],
  leader: [...READ_EVERYTHING, 'consolidation.approve', 'direction.write', 'direction.close'],
  supervisor: [...READ_EVERYTHING, 'inspection.manage'],
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
    'inspection.read',
    'remediation.write',
    'direction.answer',
    'evidence.publicize',
  ],
};

/** Actions a `unit` user may take only on its own unit's data. */
export const UNIT_SCOPED_ACTIONS = [
  'unit.editContact',
  'unit.readMembers',
  'audit.read',
  'plan.edit',
  'unit.readTasks',
  'report.read',
  'report.write',
  'remediation.write',
  'direction.answer',
  'evidence.publicize',
] as const satisfies readonly Action[];

const UNIT_SCOPED: ReadonlySet<Action> = new Set(UNIT_SCOPED_ACTIONS);

/** Who acts, as far as permissions go: a signed-in user's role and unit. */
export interface PermissionActor {
  role: Role;
  unitId: string | null;
}

/** The role check alone: the role has the grant. */
export function roleMay(role: Role, action: Action): boolean {
  return ROLE_GRANTS[role].includes(action);
}

export function isUnitScoped(action: Action): boolean {
  return UNIT_SCOPED.has(action);
}

/**
 * The unit-scope check alone: a `unit` user may take a unit-scoped action on `unitId` only when it is
 * its own unit (`null`, no unit, never is). Other roles, and actions that are not unit-scoped, are not
 * limited by unit.
 */
export function withinUnitScope(actor: PermissionActor, action: Action, unitId: string | null): boolean {
  return !(actor.role === 'unit' && isUnitScoped(action) && (unitId === null || actor.unitId !== unitId));
}

/** True when the actor reads everything (no unit restriction): every role but `unit`. */
export function seesAllUnits(actor: PermissionActor): boolean {
  return actor.role !== 'unit';
}

/**
 * The body scope of supervision: a `supervisor` acts only on the plans of its own body (`bodyUnitId`,
 * the plan's inspecting unit); admins on any. Other roles never manage plans (the role check says so).
 */
export function withinBodyScope(actor: PermissionActor, bodyUnitId: string): boolean {
  return actor.role !== 'supervisor' || (actor.unitId !== null && actor.unitId === bodyUnitId);
}

/**
 * May `actor` name `unitId` as a lead or cooperating unit of a task it assigns? Monitors and admins
 * assign to any unit; a `unit` user only to its own unit and the units below it, `subtree` being the
 * ids of its unit and all its descendants in the units tree (see `unitSubtree`).
 */
export function mayAssignTo(actor: PermissionActor, unitId: string, subtree: ReadonlySet<string>): boolean {
  return actor.role !== 'unit' || (actor.unitId !== null && subtree.has(unitId));
}

/**
 * May `actor` take `action`?
 *
 * - `can(actor, action)`: the role check (the server's `authorize`).
 * - `can(actor, action, unitId)`: the role check plus the unit scope for data of `unitId`, where `null`
 *   means data of no unit, which a `unit` user may not touch with a unit-scoped action (the server's
 *   `authorizeForUnit`).
 */
export function can(actor: PermissionActor, action: Action, unitId?: string | null): boolean {
  if (!roleMay(actor.role, action)) return false;
  return unitId === undefined || withinUnitScope(actor, action, unitId);
}
