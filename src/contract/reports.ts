/**
 * Periodic reports: a unit's report of a period (draft, submission, review, versions, comparison),
 * its evidence files, and a unit's reports across periods. Request and response schemas.
 *
 * The report's content has its types in the domain (src/domain/reporting/report.ts); the schemas
 * here describe the same shapes, and the checks at the end of the file keep them in step.
 */
import { Type, type Static } from '@sinclair/typebox';
import { HttpUrl, IsoDate, Items, Nullable, Text, Uuid } from './common.js';
import { LIMITS } from '../domain/limits.js';
import {
  PERIOD_STATUSES,
  REPORT_STATUSES,
  REVIEW_STATES,
  type CarriedTask,
  type EntryProblem,
  type EvidenceRef,
  type ReportContent,
  type ReportContentInput,
  type ReportEntry,
  type ReportGeneral,
  type ReportProduct,
} from '../domain/reporting/report.js';
import type { ReportingRules } from '../domain/reporting/periods.js';

// ---- states ----

/** Where a unit's report of a period stands (the obligation's status). */
export const ReportStatus = Type.Union(REPORT_STATUSES.map((s) => Type.Literal(s)));
export type ReportStatus = Static<typeof ReportStatus>;

/** The monitor's decision on a submitted version. */
export const ReviewState = Type.Union(REVIEW_STATES.map((s) => Type.Literal(s)));
export type ReviewState = Static<typeof ReviewState>;

/** A reporting period takes reports while open. */
export const PeriodStatus = Type.Union(PERIOD_STATUSES.map((s) => Type.Literal(s)));
export type PeriodStatus = Static<typeof PeriodStatus>;

export const TaskRoleSchema = Type.Union([Type.Literal('lead'), Type.Literal('cooperating')]);

// ---- the report's content, as stored and returned (domain types ReportEntry, ReportContent…) ----

export const ReportProductSchema = Type.Object({
  description: Type.String(),
  /** Document number and date ("125/QĐ-UBND", "2026-03-02"), or a link. */
  number: Nullable(Type.String()),
  date: Nullable(Type.String()),
  link: Nullable(Type.String()),
});

export const EvidenceRefSchema = Type.Object({
  sha256: Type.String({ description: 'SHA-256 của nội dung tệp (hex)' }),
  filename: Type.String(),
  size: Type.Integer({ minimum: 0 }),
  mime: Type.String(),
});

export const ReportEntrySchema = Type.Object({
  status: Nullable(Type.String({ description: 'Mã trạng thái trong danh mục (done, in_progress…)' })),
  percent: Nullable(Type.Integer()),
  results: Type.String(),
  products: Type.Array(ReportProductSchema),
  evidence: Type.Array(EvidenceRefSchema),
  obstacles: Type.String(),
  proposals: Type.String(),
  reason: Type.String({ description: 'Lý do tạm dừng hoặc không còn phù hợp' }),
  completedOn: Nullable(Type.String({ description: 'Ngày hoàn thành (YYYY-MM-DD)' })),
});

export const ReportGeneralSchema = Type.Object({
  summary: Type.String(),
  obstacles: Type.String(),
  proposals: Type.String(),
  nextSteps: Type.String(),
});

export const ReportContentSchema = Type.Object({
  general: ReportGeneralSchema,
  entries: Type.Record(Type.String(), ReportEntrySchema, { description: 'Theo mã nhiệm vụ (nodeId)' }),
});

export const EntryProblemSchema = Type.Object({
  nodeId: Nullable(Uuid),
  code: Type.Union(
    (
      [
        'REPORT_STATUS_UNKNOWN',
        'REPORT_PERCENT_OUT_OF_RANGE',
        'REPORT_REASON_REQUIRED',
        'REPORT_DONE_NEEDS_RESULT',
        'REPORT_TASK_NOT_CARRIED',
        'REPORT_INCOMPLETE',
      ] as const
    ).map((c) => Type.Literal(c)),
  ),
  message: Type.String(),
});

/** `details` of a 400 on a draft or a submission whose entries fail the checks. */
export const ProblemDetails = Type.Object({ problems: Type.Optional(Type.Array(EntryProblemSchema)) });
export type ProblemDetails = Static<typeof ProblemDetails>;

// ---- the report's content, as a unit sends it (domain type ReportContentInput) ----

const DraftProduct = Type.Object(
  {
    description: Text(LIMITS.reportProductDescription, 1),
    number: Type.Optional(Nullable(Text(LIMITS.reportProductNumber))),
    date: Type.Optional(Nullable(IsoDate)),
    link: Type.Optional(Nullable(HttpUrl(LIMITS.reportProductLink))),
  },
  { additionalProperties: false },
);

/**
 * A file attached to an entry. Only `sha256` counts: the file must be one the unit uploaded, and the
 * stored name, size and type are the server's record of that upload (the others are accepted for
 * compatibility and ignored).
 */
const DraftEvidence = Type.Object(
  {
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    filename: Text(200, 1),
    size: Type.Integer({ minimum: 0 }),
    mime: Text(200),
  },
  { additionalProperties: false },
);

const DraftEntry = Type.Object(
  {
    status: Type.Optional(Nullable(Text(40))),
    percent: Type.Optional(Nullable(Type.Integer({ minimum: -1000, maximum: 1000 }))),
    results: Type.Optional(Text(LIMITS.entryResults)),
    products: Type.Optional(Type.Array(DraftProduct, { maxItems: 50 })),
    evidence: Type.Optional(Type.Array(DraftEvidence, { maxItems: 50 })),
    obstacles: Type.Optional(Text(LIMITS.entryObstacles)),
    proposals: Type.Optional(Text(LIMITS.entryProposals)),
    reason: Type.Optional(Text(LIMITS.entryReason)),
    completedOn: Type.Optional(Nullable(IsoDate)),
  },
  { additionalProperties: false },
);

/** A draft's content: any field may be left out (it is stored empty). */
export const DraftContent = Type.Object(
  {
    general: Type.Optional(
      Type.Object(
        {
          summary: Type.Optional(Text(LIMITS.reportSummary)),
          obstacles: Type.Optional(Text(LIMITS.reportObstacles)),
          proposals: Type.Optional(Text(LIMITS.reportProposals)),
          nextSteps: Type.Optional(Text(LIMITS.reportNextSteps)),
        },
        { additionalProperties: false },
      ),
    ),
    entries: Type.Record(Type.String({ format: 'uuid' }), DraftEntry, { maxProperties: 5000 }),
  },
  { additionalProperties: false },
);
export type DraftContent = Static<typeof DraftContent>;

// ---- requests ----

export const DraftBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }), content: DraftContent },
  { additionalProperties: false },
);
export type DraftBody = Static<typeof DraftBody>;

export const SubmitBody = Type.Object({ idempotencyKey: Text(100, 8) }, { additionalProperties: false });
export type SubmitBody = Static<typeof SubmitBody>;

export const ReviewBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('accept'), Type.Literal('return')]),
    comment: Type.Optional(Text(LIMITS.reviewComment)),
    taskComments: Type.Optional(
      Type.Record(Type.String({ format: 'uuid' }), Text(LIMITS.reviewTaskComment), { maxProperties: 5000 }),
    ),
  },
  { additionalProperties: false },
);
export type ReviewBody = Static<typeof ReviewBody>;

export const VersionParams = Type.Object({ id: Uuid, number: Type.Integer({ minimum: 1 }) });
export const CompareQuery = Type.Object({ a: Type.Integer({ minimum: 1 }), b: Type.Integer({ minimum: 1 }) });

export const UploadQuery = Type.Object({ filename: Text(255, 1) });
/** The file's bytes are the request body (a Buffer; any bytes pass the schema, the service checks them). */
export const UploadBody = Type.Unsafe<unknown>({
  content: { 'application/octet-stream': { schema: { description: 'Nội dung tệp minh chứng' } } },
});

export const FileParams = Type.Object({ sha256: Type.String({ maxLength: 64 }) });
export const FileQuery = Type.Object({ name: Type.Optional(Text(200)) });

// ---- responses ----

export const ReportTask = Type.Object({
  nodeId: Uuid,
  role: TaskRoleSchema,
  label: Type.String(),
  text: Type.String(),
  groupLabel: Nullable(Type.String()),
  groupTitle: Nullable(Type.String()),
  leadUnitId: Nullable(Type.String()),
  leadUnitName: Nullable(Type.String()),
  /** The due date frozen at "Triển khai" (or the current one). */
  dueDate: Nullable(Type.String()),
  /** The progress recorded from the last accepted report. */
  progress: Nullable(
    Type.Object({
      status: Type.String(),
      percent: Nullable(Type.Number()),
      completedOn: Nullable(Type.String()),
    }),
  ),
});
export type ReportTask = Static<typeof ReportTask>;

export const VersionSummary = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  submittedAt: Type.String({ format: 'date-time' }),
  late: Type.Boolean(),
  review: ReviewState,
  reviewComment: Nullable(Type.String()),
  /** The monitor's comment per task (nodeId). */
  taskComments: Type.Record(Type.String(), Type.String()),
  reviewedAt: Nullable(Type.String({ format: 'date-time' })),
});
export type VersionSummary = Static<typeof VersionSummary>;

export const VersionView = Type.Object({ ...VersionSummary.properties, content: ReportContentSchema });
export type VersionView = Static<typeof VersionView>;

/** A cooperating unit's latest submitted input on a task the unit leads. */
export const CooperatingInput = Type.Object({
  unitId: Uuid,
  unitName: Type.String(),
  version: Type.Integer(),
  review: ReviewState,
  entry: ReportEntrySchema,
});
export type CooperatingInput = Static<typeof CooperatingInput>;

export const ReportPeriod = Type.Object({
  id: Uuid,
  label: Type.String(),
  status: PeriodStatus,
  dueDate: Type.String(),
  cutoffStart: Type.String(),
  cutoffEnd: Type.String(),
});
export type ReportPeriod = Static<typeof ReportPeriod>;

/** The official status grid (config/reporting-rules.json). */
export const StatusRules = Type.Record(
  Type.String(),
  Type.Object({
    label: Type.String(),
    defaultPercent: Nullable(Type.Number()),
    needsReason: Type.Optional(Type.Boolean()),
    excludedFromRollup: Type.Optional(Type.Boolean()),
  }),
);
export type StatusRules = Static<typeof StatusRules>;

/** Evidence files accepted: the size limit and the MIME type of each type key. */
export const EvidenceRules = Type.Object({
  maxBytes: Type.Integer(),
  types: Type.Record(Type.String(), Type.String()),
});
export type EvidenceRules = Static<typeof EvidenceRules>;

export const ReportView = Type.Object({
  id: Uuid,
  periodId: Uuid,
  programId: Uuid,
  unitId: Uuid,
  unitName: Type.String(),
  status: ReportStatus,
  late: Type.Boolean(),
  /** The unit may save and submit (its status allows it and the period is open). */
  editable: Type.Boolean(),
  currentVersion: Type.Integer(),
  submittedAt: Nullable(Type.String({ format: 'date-time' })),
  version: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
  period: ReportPeriod,
  tasks: Type.Array(ReportTask),
  /** The draft; the last submitted version when there is no draft. */
  draft: ReportContentSchema,
  versions: Type.Array(VersionSummary),
  /** Cooperating units' latest submitted inputs, by task the unit leads. */
  cooperating: Type.Record(Type.String(), Type.Array(CooperatingInput)),
  statuses: StatusRules,
  evidence: EvidenceRules,
  /** SHA-256 of the files the unit marked public (shown on the portal once a report citing them is accepted). */
  publicFiles: Type.Array(Type.String()),
});
export type ReportView = Static<typeof ReportView>;

export const DraftSaved = Type.Object({ id: Uuid, status: ReportStatus, version: Type.Integer() });
export type DraftSaved = Static<typeof DraftSaved>;

export const SubmitResult = Type.Object({
  id: Uuid,
  status: ReportStatus,
  number: Type.Integer(),
  versionId: Uuid,
  late: Type.Boolean(),
  /** The same idempotency key was already submitted: its version is returned. */
  repeated: Type.Boolean(),
});
export type SubmitResult = Static<typeof SubmitResult>;

export const ReviewResult = Type.Object({ id: Uuid, status: ReportStatus, number: Type.Integer() });
export type ReviewResult = Static<typeof ReviewResult>;

export const Comparison = Type.Object({
  a: Type.Integer(),
  b: Type.Integer(),
  /** Changed fields of the general section. */
  general: Type.Array(Type.KeyOf(ReportGeneralSchema)),
  /** The tasks with a changed field. */
  tasks: Type.Array(
    Type.Object({
      nodeId: Uuid,
      label: Type.String(),
      changed: Type.Array(Type.KeyOf(ReportEntrySchema)),
      a: Nullable(ReportEntrySchema),
      b: Nullable(ReportEntrySchema),
    }),
  ),
});
export type Comparison = Static<typeof Comparison>;

export const UnitReport = Type.Object({
  id: Uuid,
  status: ReportStatus,
  late: Type.Boolean(),
  currentVersion: Type.Integer(),
  periodId: Uuid,
  label: Type.String(),
  dueDate: Type.String(),
  periodStatus: PeriodStatus,
  programId: Uuid,
});
export type UnitReport = Static<typeof UnitReport>;

export const UnitReportList = Items(UnitReport);
export type UnitReportList = Static<typeof UnitReportList>;

/** An evidence file's exact bytes, under its own MIME type. */
export const evidenceFileResponse = (mimes: readonly string[]) =>
  Type.Unsafe<Uint8Array>({
    description: 'Nội dung tệp minh chứng, đúng các byte đã tải lên',
    content: Object.fromEntries(
      [...new Set(mimes)].map((m) => [m, { schema: { type: 'string', format: 'binary' } }]),
    ),
  });

// ---- the schemas describe the domain's types ----

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <A, B>(ok: Same<A, B>) => ok;
const _product = same<Static<typeof ReportProductSchema>, ReportProduct>(true);
const _evidence = same<Static<typeof EvidenceRefSchema>, EvidenceRef>(true);
const _entry = same<Static<typeof ReportEntrySchema>, ReportEntry>(true);
const _general = same<Static<typeof ReportGeneralSchema>, ReportGeneral>(true);
const _content = same<Static<typeof ReportContentSchema>, ReportContent>(true);
const _problem = same<Static<typeof EntryProblemSchema>, EntryProblem>(true);
const _role = same<Static<typeof TaskRoleSchema>, CarriedTask['role']>(true);
const _statuses = same<StatusRules, ReportingRules['statuses']>(true);
const _evidenceRules = same<EvidenceRules, ReportingRules['evidence']>(true);
/** What a unit sends is a domain input; a complete report is a valid draft. */
const _draftIn: ReportContentInput = {} as DraftContent;
const _draftFull: DraftContent = {} as ReportContent;
