/**
 * What a unit reads about its own reporting: the accepted report a new period's draft starts from
 * (copy forward), the obstacles still open from earlier periods, the answers and review history of
 * its reports ("Phản hồi"), and a task's accepted progress per period.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Nullable, Uuid } from './common.js';
import { Obstacle } from './obstacles.js';
import { ReportEntrySchema, ReportStatus, ReviewState } from './reports.js';

const At = Type.String({ format: 'date-time' });

/** The unit's last accepted report of the same program, in an earlier period. */
export const AcceptedReport = Type.Object({
  obligationId: Uuid,
  periodId: Uuid,
  periodLabel: Type.String(),
  number: Type.Integer(),
  acceptedAt: Nullable(At),
  /** The accepted entries of the tasks the unit still carries (by nodeId). */
  entries: Type.Record(Type.String(), ReportEntrySchema),
});
export type AcceptedReport = Static<typeof AcceptedReport>;

export const EarlierReports = Type.Object({
  accepted: Nullable(AcceptedReport),
  /** The draft was started from `accepted` ("Sao chép từ báo cáo kỳ trước"). */
  copied: Type.Boolean(),
  /** A copy can be made now: the report is open, has no draft and was never submitted. */
  canCopy: Type.Boolean(),
  /** The unit's obstacles and proposals of this program still open from earlier periods. */
  openObstacles: Type.Array(Obstacle),
});
export type EarlierReports = Static<typeof EarlierReports>;

export const CopyForwardBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type CopyForwardBody = Static<typeof CopyForwardBody>;

export const CopyForwardResult = Type.Object({
  id: Uuid,
  status: ReportStatus,
  version: Type.Integer(),
  /** The tasks whose entries were copied. */
  copied: Type.Array(Uuid),
  fromObligationId: Uuid,
  fromPeriodLabel: Type.String(),
});
export type CopyForwardResult = Static<typeof CopyForwardResult>;

/** One submission of a report and what the reviewer said. */
export const ReviewStep = Type.Object({
  number: Type.Integer(),
  submittedAt: At,
  submittedByName: Nullable(Type.String()),
  late: Type.Boolean(),
  review: ReviewState,
  reviewComment: Nullable(Type.String()),
  taskComments: Type.Array(Type.Object({ nodeId: Uuid, label: Type.String(), comment: Type.String() })),
  reviewedAt: Nullable(At),
  reviewerName: Nullable(Type.String()),
});
export type ReviewStep = Static<typeof ReviewStep>;

export const ReportHistory = Type.Object({
  obligationId: Uuid,
  programId: Uuid,
  periodId: Uuid,
  periodLabel: Type.String(),
  status: ReportStatus,
  steps: Type.Array(ReviewStep),
});
export type ReportHistory = Static<typeof ReportHistory>;

/** "Phản hồi": a unit's obstacles with their answers, and its reports' review history. */
export const UnitFeedback = Type.Object({
  obstacles: Type.Array(Obstacle),
  reports: Type.Array(ReportHistory),
});
export type UnitFeedback = Static<typeof UnitFeedback>;

/** A task's lead unit's accepted entry in one period. */
export const AcceptedProgress = Type.Object({
  periodId: Uuid,
  periodLabel: Type.String(),
  obligationId: Uuid,
  number: Type.Integer(),
  acceptedAt: Nullable(At),
  entry: ReportEntrySchema,
});
export type AcceptedProgress = Static<typeof AcceptedProgress>;

export const TaskReporting = Type.Object({
  leadUnitId: Nullable(Uuid),
  leadUnitName: Nullable(Type.String()),
  /** Newest period first. */
  accepted: Type.Array(AcceptedProgress),
  /** The lead unit's latest report entry not yet accepted (a draft, a submitted or returned version). */
  latest: Nullable(
    Type.Object({
      obligationId: Uuid,
      periodLabel: Type.String(),
      state: Type.Union([Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('returned')]),
      number: Nullable(Type.Integer()),
      at: At,
      entry: ReportEntrySchema,
    }),
  ),
});
export type TaskReporting = Static<typeof TaskReporting>;
