/**
 * The cascade: a unit's tasks in every program, its implementation plan (kế hoạch thực hiện) with
 * items linked to the program's tasks, and the coverage matrix the monitor reads.
 */
import { Type, type Static } from '@sinclair/typebox';
import { DeadlineSchema, IsoDate, Items, Nullable, Text, Uuid } from './common.js';
import { LIMITS } from '../domain/limits.js';
import { ProgramStatus } from './programs.js';

export const TaskRoleSchema = Type.Union([Type.Literal('lead'), Type.Literal('cooperating')]);

/** A task, in any program, the unit leads or cooperates on. */
export const UnitTask = Type.Object({
  nodeId: Uuid,
  label: Type.String(),
  text: Type.String(),
  role: TaskRoleSchema,
  programId: Uuid,
  programTitle: Type.String(),
  programStatus: ProgramStatus,
  dueDate: Nullable(IsoDate),
  deadline: Nullable(DeadlineSchema),
  /** The unit's own plan for this program, if it has written one. */
  planId: Nullable(Uuid),
});
export type UnitTask = Static<typeof UnitTask>;

export const UnitTaskList = Items(UnitTask);
export type UnitTaskList = Static<typeof UnitTaskList>;

export const PlanSummary = Type.Object({
  id: Uuid,
  unitId: Uuid,
  title: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type PlanSummary = Static<typeof PlanSummary>;

export const PlanList = Items(PlanSummary);
export type PlanList = Static<typeof PlanList>;

export const PlanItem = Type.Object({
  nodeId: Uuid,
  label: Type.String(),
  text: Type.String(),
  dueDate: Nullable(IsoDate),
  person: Nullable(Type.String()),
  /** The tasks of the parent program this item carries out. */
  parentNodeIds: Type.Array(Uuid),
});
export type PlanItem = Static<typeof PlanItem>;

/** A unit's plan: itself a program (its items are tasks), under the program it implements. */
export const PlanView = Type.Object({
  id: Uuid,
  parentProgramId: Uuid,
  unitId: Uuid,
  title: Type.String(),
  items: Type.Array(PlanItem),
  createdAt: Type.String({ format: 'date-time' }),
});
export type PlanView = Static<typeof PlanView>;

export const CreatePlanBody = Type.Object(
  { unitId: Uuid, title: Type.Optional(Text(500)) },
  { additionalProperties: false },
);
export type CreatePlanBody = Static<typeof CreatePlanBody>;

export const PlanItemBody = Type.Object(
  {
    text: Text(LIMITS.planItemText, 1),
    parentNodeIds: Type.Array(Uuid, { maxItems: 200 }),
    deadline: Type.Optional(Nullable(DeadlineSchema)),
    person: Type.Optional(Nullable(Text(LIMITS.planItemPerson))),
  },
  { additionalProperties: false },
);
export type PlanItemBody = Static<typeof PlanItemBody>;

export const LinksBody = Type.Object(
  { parentNodeIds: Type.Array(Uuid, { maxItems: 200 }) },
  { additionalProperties: false },
);
export type LinksBody = Static<typeof LinksBody>;

export const CoverageCell = Type.Object({
  role: TaskRoleSchema,
  /** The unit's plan has an item linked to this task. */
  covered: Type.Boolean(),
});
export type CoverageCell = Static<typeof CoverageCell>;

/** Program tasks × units: who leads or cooperates, whether the unit's plan covers it, and the gaps. */
export const Coverage = Type.Object({
  units: Type.Array(Type.Object({ unitId: Uuid, name: Type.String(), planId: Nullable(Uuid) })),
  rows: Type.Array(
    Type.Object({
      nodeId: Uuid,
      label: Type.String(),
      groupLabel: Nullable(Type.String()),
      text: Type.String(),
      /** unitId → the unit's part in the task. */
      cells: Type.Record(Type.String(), CoverageCell),
    }),
  ),
  gaps: Type.Object({
    /** Tasks without a lead unit. */
    noLead: Type.Array(Uuid),
    leadNotCovered: Type.Array(Type.Object({ nodeId: Uuid, unitId: Uuid })),
    unitsWithoutPlan: Type.Array(Uuid),
    /** Units whose plan is past due (after the program's plansDueDate). */
    plansOverdue: Type.Array(Uuid),
  }),
  plansDueDate: Nullable(IsoDate),
});
export type Coverage = Static<typeof Coverage>;
