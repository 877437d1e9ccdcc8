/**
 * A program's tasks and their assignment: the list, one task, the "5 rõ" meter, suggestions read
 * from the document, and "Triển khai". The schemas describe the domain's own types (TaskView,
 * MeterSummary in src/domain/plan/assignment.ts, suggestions in src/domain/plan/suggest.ts);
 * src/features/tasks/tasks.test.ts checks they agree.
 */
import { Type, type Static } from '@sinclair/typebox';
import { DeadlineSchema, IsoDate, LiteralUnion, Nullable, Search, Text, Uuid } from './common.js';
import { LIMITS } from '../domain/limits.js';
import { SpanSchema } from './imports.js';
import { ProgramStatus, ProgramTaskExtract } from './programs.js';
import { FIVE_CLEAR, PRODUCT_KINDS } from '../domain/plan/assignment.js';

// ---- an assignment ----

export const ClearSchema = LiteralUnion(FIVE_CLEAR);

export const ProductSchema = Type.Object(
  {
    kind: LiteralUnion(PRODUCT_KINDS),
    description: Text(LIMITS.productDescription, 1),
    dueDate: Nullable(IsoDate),
    indicator: Type.Optional(
      Nullable(
        Type.Object(
          // A target may be fractional (a rate, a share).
          {
            name: Text(LIMITS.indicatorName, 1),
            target: Type.Number({ minimum: 0, maximum: 1e12 }),
            unit: Text(LIMITS.indicatorUnit),
          },
          { additionalProperties: false },
        ),
      ),
    ),
  },
  { additionalProperties: false },
);

export const FocalSchema = Type.Object(
  {
    userId: Nullable(Uuid),
    name: Nullable(Text(LIMITS.focalName)),
    position: Nullable(Text(LIMITS.focalPosition)),
    phone: Nullable(Type.String({ maxLength: LIMITS.phone, pattern: '^[0-9+().\\s-]*$' })),
  },
  { additionalProperties: false },
);

export const TaskMeterSchema = Type.Record(ClearSchema, Type.Boolean());

/** A task with its assignment and meter (TaskView in src/domain/plan/assignment.ts). */
export const TaskViewSchema = Type.Object({
  nodeId: Uuid,
  programId: Uuid,
  label: Type.String(),
  text: Type.String(),
  groupId: Nullable(Uuid),
  groupLabel: Nullable(Type.String()),
  groupTitle: Nullable(Type.String()),
  leadUnitId: Nullable(Uuid),
  cooperatingUnitIds: Type.Array(Uuid),
  focal: Nullable(FocalSchema),
  deadline: Nullable(DeadlineSchema),
  dueDate: Nullable(IsoDate),
  products: Type.Array(ProductSchema),
  meter: TaskMeterSchema,
  missing: Type.Array(ClearSchema),
  version: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
});

/** The "5 rõ" over a set of tasks (MeterSummary in src/domain/plan/assignment.ts). */
export const MeterSummarySchema = Type.Object({
  tasks: Type.Integer(),
  complete: Type.Integer(),
  clear: Type.Record(ClearSchema, Type.Integer()),
  /** Share of all criteria over all tasks that are clear, 0..1. */
  score: Type.Number(),
});

// ---- the task list ----

export const TaskListQuery = Type.Object({
  groupId: Type.Optional(Uuid),
  unitId: Type.Optional(Uuid),
  role: Type.Optional(Type.Union([Type.Literal('lead'), Type.Literal('cooperating')])),
  missing: Type.Optional(ClearSchema),
  dueFrom: Type.Optional(IsoDate),
  dueTo: Type.Optional(IsoDate),
  q: Search,
});
export type TaskListQuery = Static<typeof TaskListQuery>;

export const TaskList = Type.Object({
  program: Type.Object({ id: Uuid, title: Type.String(), status: ProgramStatus }),
  items: Type.Array(TaskViewSchema),
});
export type TaskList = Static<typeof TaskList>;

// ---- one task ----

/** A task's assignment as frozen at "Triển khai". */
export const BaselineEntry = Type.Object({
  leadUnitId: Nullable(Uuid),
  cooperatingUnitIds: Type.Array(Uuid),
  deadline: Nullable(DeadlineSchema),
  dueDate: Nullable(IsoDate),
  products: Type.Array(ProductSchema),
});
export type BaselineEntry = Static<typeof BaselineEntry>;

export const BaselineField = LiteralUnion(['lead', 'cooperating', 'deadline', 'products']);
export type BaselineField = Static<typeof BaselineField>;

export const TaskDetail = Type.Object({
  task: TaskViewSchema,
  program: Type.Object({
    id: Uuid,
    title: Type.String(),
    status: ProgramStatus,
    parentProgramId: Nullable(Uuid),
    ownerUnitId: Nullable(Uuid),
  }),
  source: Type.Object({ span: SpanSchema, text: Type.String() }),
  /** What the importer read in the task's text (null for items added to a unit plan). */
  extracted: Nullable(ProgramTaskExtract),
  /** The assignment frozen at "Triển khai", or null before it. */
  baseline: Nullable(BaselineEntry),
  changedFromBaseline: Type.Array(BaselineField),
});
export type TaskDetail = Static<typeof TaskDetail>;

export const AssignmentBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
    leadUnitId: Nullable(Uuid),
    cooperatingUnitIds: Type.Array(Uuid, { maxItems: 500 }),
    focal: Nullable(FocalSchema),
    deadline: Nullable(DeadlineSchema),
    products: Type.Array(ProductSchema, { maxItems: 50 }),
    /** Required once the program is in implementation, for a change of lead, deadline or products. */
    reason: Type.Optional(Nullable(Text(LIMITS.adjustmentReason))),
  },
  { additionalProperties: false },
);
export type AssignmentBody = Static<typeof AssignmentBody>;

// ---- the "5 rõ" meter ----

export const MissingTask = Type.Object({
  nodeId: Uuid,
  label: Type.String(),
  missing: Type.Array(ClearSchema),
});
export type MissingTask = Static<typeof MissingTask>;

export const ProgramMeter = Type.Object({
  program: MeterSummarySchema,
  groups: Type.Array(
    Type.Object({
      groupId: Nullable(Uuid),
      label: Nullable(Type.String()),
      title: Nullable(Type.String()),
      summary: MeterSummarySchema,
    }),
  ),
  tasks: Type.Array(MissingTask),
});
export type ProgramMeter = Static<typeof ProgramMeter>;

// ---- suggestions ----

/** UnitSuggestion in src/domain/plan/suggest.ts. */
export const UnitSuggestionSchema = Type.Object({
  unitId: Uuid,
  /** The words of the document the suggestion comes from. */
  source: Type.String(),
  /** `text`: named in the task itself; `responsibility`: matched to a duty in section III. */
  how: Type.Union([Type.Literal('text'), Type.Literal('responsibility')]),
});

/** TaskSuggestion in src/domain/plan/suggest.ts. */
export const TaskSuggestionSchema = Type.Object({
  nodeId: Uuid,
  label: Type.String(),
  lead: Nullable(UnitSuggestionSchema),
  leadChoices: Type.Array(UnitSuggestionSchema),
  cooperating: Type.Array(UnitSuggestionSchema),
  deadline: Nullable(Type.Object({ deadline: DeadlineSchema, source: Type.String() })),
});

/** ProgramSuggestions in src/domain/plan/suggest.ts. */
export const ProgramSuggestionsSchema = Type.Object({
  tasks: Type.Array(TaskSuggestionSchema),
  monitoring: Nullable(UnitSuggestionSchema),
  bodies: Type.Array(
    Type.Object({ text: Type.String(), unitIds: Type.Array(Uuid), labels: Type.Array(Type.String()) }),
  ),
});

export const SuggestionPart = LiteralUnion(['lead', 'cooperating', 'deadline']);
export type SuggestionPart = Static<typeof SuggestionPart>;

export const AcceptSuggestionsBody = Type.Object(
  {
    nodeIds: Type.Array(Uuid, { maxItems: 20000 }),
    parts: Type.Array(SuggestionPart, { minItems: 1, maxItems: 3 }),
    monitoring: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type AcceptSuggestionsBody = Static<typeof AcceptSuggestionsBody>;

/** A task a bulk step left out or refused, with why: its number, the start of its text, a code and its message. */
export const TaskProblem = Type.Object({
  nodeId: Uuid,
  label: Type.String(),
  text: Type.String(),
  code: Type.String(),
  message: Type.String(),
});
export type TaskProblem = Static<typeof TaskProblem>;

/** How many suggestions were taken, and the tasks skipped because their suggestion breaks a rule. */
export const Accepted = Type.Object({ accepted: Type.Integer(), skipped: Type.Array(TaskProblem) });
export type Accepted = Static<typeof Accepted>;

// ---- bulk edit ----

/**
 * Sets the same fields on many tasks in one step; a field left out is kept as each task has it.
 * Cooperating units are set (replacing) or added; a product replaces the tasks' products.
 */
export const BulkAssignmentBody = Type.Object(
  {
    tasks: Type.Array(
      Type.Object(
        { nodeId: Uuid, version: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 5000 },
    ),
    leadUnitId: Type.Optional(Uuid),
    cooperating: Type.Optional(
      Type.Object(
        {
          mode: LiteralUnion(['set', 'add']),
          unitIds: Type.Array(Uuid, { maxItems: 500 }),
        },
        { additionalProperties: false },
      ),
    ),
    focal: Type.Optional(FocalSchema),
    deadline: Type.Optional(DeadlineSchema),
    product: Type.Optional(ProductSchema),
    /** Required once the program is in implementation, for a change of lead, deadline or products. */
    reason: Type.Optional(Nullable(Text(LIMITS.adjustmentReason))),
  },
  { additionalProperties: false },
);
export type BulkAssignmentBody = Static<typeof BulkAssignmentBody>;

export const BulkAssigned = Type.Object({ updated: Type.Integer(), items: Type.Array(TaskViewSchema) });
export type BulkAssigned = Static<typeof BulkAssigned>;

/** `details` of a refused bulk edit (ASSIGN_BULK_FAILED, ASSIGN_BULK_CONFLICT): every task that failed. */
export const BulkFailedDetails = Type.Object({ tasks: Type.Array(TaskProblem) });
export type BulkFailedDetails = Static<typeof BulkFailedDetails>;

// ---- Triển khai ----

export const ImplementBody = Type.Optional(
  Type.Object({ plansDueDate: Type.Optional(IsoDate) }, { additionalProperties: false }),
);
export type ImplementBody = Static<typeof ImplementBody>;

export const Implemented = Type.Object({ status: Type.Literal('implementing'), tasks: Type.Integer() });
export type Implemented = Static<typeof Implemented>;

/** `details` of a 400 PROGRAM_INCOMPLETE: the tasks without a lead or a deadline. */
export const IncompleteDetails = Type.Object({ tasks: Type.Array(MissingTask) });
export type IncompleteDetails = Static<typeof IncompleteDetails>;
