/** What the signed-in user may see and do in the UI. The server enforces the same rules. */
import type { Me } from '../api/types';

export const isAdmin = (me: Me) => me.role === 'admin';
export const canManageUnits = isAdmin;
export const canManageUsers = isAdmin;
export const canVerifyAudit = isAdmin;
/** The audit log page is for everyone but unit focal points (they see history on their own unit and account). */
export const canViewAuditLog = (me: Me) => me.role !== 'unit';

/** Members and history of a unit: any role but `unit`, which sees only its own unit. */
export const canSeeUnitInternals = (me: Me, unitId: string) => me.role !== 'unit' || me.unitId === unitId;

export const canEditUnitContact = (me: Me, unitId: string) =>
  me.role === 'admin' || (me.role === 'unit' && me.unitId === unitId);

/** Importing documents (drafts, corrections, publishing as a program): admins and monitors. */
export const canImportDocuments = (me: Me) => me.role === 'admin' || me.role === 'monitor';

/** Assigning a program's tasks (lead, cooperating, deadline, products), suggestions and "Triển khai". */
export const canAssignTasks = (me: Me) => me.role === 'admin' || me.role === 'monitor';

/** A unit's own tasks and plans: the unit itself, and monitors and admins for any unit. */
export const canReadUnitTasks = (me: Me, unitId: string) => me.role !== 'unit' || me.unitId === unitId;

/** Writing a unit's plan (and assigning its items further down): the unit, or a monitor or admin. */
export const canWritePlan = (me: Me, unitId: string) =>
  me.role === 'admin' || me.role === 'monitor' || (me.role === 'unit' && me.unitId === unitId);
