/**
 * /api/home: the start page's overview across programs, for the person signed in. Monitors and
 * admins see the open periods with their submissions, the reports waiting for review and the units
 * overdue; leaders and supervisors the same counts and the consolidated reports (those awaiting approval first); a unit its
 * tasks due soon or overdue and its own reports. Lists are short (the newest or most urgent first).
 */
import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, Nullable, Uuid } from './common.js';
import { ObligationStatus } from './periods.js';

export const HomePeriod = Type.Object({
  id: Uuid,
  programId: Uuid,
  programTitle: Type.String(),
  label: Type.String(),
  dueDate: IsoDate,
  /** Units that must report, and those that have (submitted or accepted). */
  expected: Type.Integer(),
  submitted: Type.Integer(),
  /** Submitted, not yet accepted or returned. */
  waiting: Type.Integer(),
  /** Past the due day and not submitted. */
  overdue: Type.Integer(),
});
export type HomePeriod = Static<typeof HomePeriod>;

export const HomeReport = Type.Object({
  id: Uuid,
  periodId: Uuid,
  periodLabel: Type.String(),
  programTitle: Type.String(),
  unitId: Uuid,
  unitName: Type.String(),
  status: ObligationStatus,
  dueDate: IsoDate,
  submittedAt: Nullable(Type.String({ format: 'date-time' })),
});
export type HomeReport = Static<typeof HomeReport>;

export const HomeTask = Type.Object({
  nodeId: Uuid,
  programId: Uuid,
  programTitle: Type.String(),
  label: Type.String(),
  text: Type.String(),
  role: Type.Union([Type.Literal('lead'), Type.Literal('cooperating')]),
  dueDate: IsoDate,
  overdue: Type.Boolean(),
});
export type HomeTask = Static<typeof HomeTask>;

export const HomeConsolidation = Type.Object({
  id: Uuid,
  periodId: Uuid,
  periodLabel: Type.String(),
  programTitle: Type.String(),
  /** Where it is in approval: draft, sent (awaiting the leader), returned, approved. */
  status: Type.Union([
    Type.Literal('draft'),
    Type.Literal('sent'),
    Type.Literal('returned'),
    Type.Literal('approved'),
  ]),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type HomeConsolidation = Static<typeof HomeConsolidation>;

export const HomeOverview = Type.Object({
  /** The day "today" means (Vietnam). */
  today: IsoDate,
  /** What the person sees: every unit's work, or one unit's. */
  scope: Type.Union([Type.Literal('all'), Type.Literal('unit')]),
  counts: Type.Object({
    openPeriods: Type.Integer(),
    expected: Type.Integer(),
    submitted: Type.Integer(),
    waiting: Type.Integer(),
    overdue: Type.Integer(),
    openObstacles: Type.Integer(),
    tasksOverdue: Type.Integer(),
    tasksDueSoon: Type.Integer(),
  }),
  /** Open periods (for a unit: those it reports in). */
  periods: Type.Array(HomePeriod),
  /** Reports waiting for review (all units), or the unit's own reports in open periods. */
  reports: Type.Array(HomeReport),
  /** Reports past their due day, not submitted (all units; empty for a unit: see `reports`). */
  overdue: Type.Array(HomeReport),
  /** A unit's tasks overdue or due within `dueSoonDays` (empty for other roles). */
  tasks: Type.Array(HomeTask),
  dueSoonDays: Type.Integer(),
  /** Consolidated reports drafted (not for units). */
  consolidations: Type.Array(HomeConsolidation),
});
export type HomeOverview = Static<typeof HomeOverview>;
