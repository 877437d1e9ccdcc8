/**
 * What the signed-in user may see and do in the UI, decided by the server's own table (`can()`), so
 * the two agree. Without a unit, a check is the role's; with one, it is also the unit scope.
 */
import type { Me } from '../api/types';
import { can, seesAllUnits } from '../shared/permissions';

export const isAdmin = (me: Me) => me.role === 'admin';
export const canManageUnits = (me: Me) => can(me, 'unit.manage');
export const canManageUsers = (me: Me) => can(me, 'user.manage');
export const canVerifyAudit = (me: Me) => can(me, 'audit.verify');
/**
 * The audit log page (the trail not narrowed to one record) is for everyone but unit focal points:
 * they see history on their own unit and account.
 */
export const canViewAuditLog = (me: Me) => can(me, 'audit.read', null);

/** Members and history of a unit: any role but `unit`, which sees only its own unit. */
export const canSeeUnitInternals = (me: Me, unitId: string) => can(me, 'unit.readMembers', unitId);

/** A unit's contact data: admins, and the unit itself. */
export const canEditUnitContact = (me: Me, unitId: string) => can(me, 'unit.editContact', unitId);

/** Importing documents (drafts, corrections, publishing as a program): admins and monitors. */
export const canImportDocuments = (me: Me) => can(me, 'program.import');

/** Assigning a program's tasks (lead, cooperating, deadline, products), suggestions and "Triển khai". */
export const canAssignTasks = (me: Me) => can(me, 'task.assign');

/** A unit's own tasks and plans: the unit itself, and every other role for any unit. */
export const canReadUnitTasks = (me: Me, unitId: string) => can(me, 'unit.readTasks', unitId);

/** Writing a unit's plan (and assigning its items further down): the unit, or a monitor or admin. */
export const canWritePlan = (me: Me, unitId: string) => can(me, 'plan.edit', unitId);

/**
 * The units a task may be assigned to, for the unit pickers: `undefined` (any unit) for monitors and
 * admins; for a unit user its own unit, the root of the subtree `/api/units?within=` lists (the server
 * refuses any other unit with ASSIGN_UNIT_OUT_OF_SCOPE).
 */
export const assignableWithin = (me: Me): string | undefined =>
  seesAllUnits(me) ? undefined : (me.unitId ?? undefined);

/** The annual review (every unit's figures, score and rank): everyone but unit focal points. */
export const canReadReview = (me: Me) => can(me, 'review.read');
