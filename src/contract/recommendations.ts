/**
 * Corrective actions (issue 13, point 4): the recommendations (kiến nghị) of issued inspection
 * conclusions, the remediation reports (báo cáo khắc phục) of their responsible units, and the
 * inspecting body's decision on each (accept, return with a comment).
 */
import { Type, type Static } from '@sinclair/typebox';
import { HttpUrl, IsoDate, LiteralUnion, Nullable, Text, Uuid } from './common.js';
import { LIMITS } from '../domain/limits.js';
import {
  RECOMMENDATION_STATUSES,
  REMEDIATION_DECISIONS,
  REMEDIATION_STATES,
} from '../domain/supervision/kinds.js';
import { ReportProductSchema } from './reports.js';

const DateTime = Type.String({ format: 'date-time' });

export const RecommendationStatus = LiteralUnion(RECOMMENDATION_STATUSES);
export const RemediationState = LiteralUnion(REMEDIATION_STATES);
export const RemediationDecision = LiteralUnion(REMEDIATION_DECISIONS);

export const RecommendationFilters = Type.Object(
  {
    status: Type.Optional(RecommendationStatus),
    /** Only the ones not closed (open, submitted, returned). */
    open: Type.Optional(Type.Boolean({ description: 'Chỉ các kiến nghị chưa hoàn thành' })),
    overdue: Type.Optional(Type.Boolean({ description: 'Chỉ các kiến nghị chưa hoàn thành đã quá hạn' })),
    unitId: Type.Optional(Uuid),
    /** A task of a program: the recommendations tied to it. */
    nodeId: Type.Optional(Uuid),
    /** The recommendations of a program's inspection plans (or tied to its tasks). */
    programId: Type.Optional(Uuid),
    /** An inspecting body's (plan's) recommendations. */
    bodyUnitId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type RecommendationFilters = Static<typeof RecommendationFilters>;

/** A file attached to a remediation report (an evidence file the unit uploaded). */
export const AttachedFileSchema = Type.Object({
  sha256: Type.String(),
  name: Type.String(),
  size: Type.Integer({ minimum: 0 }),
  mimeType: Type.String(),
});

export const Recommendation = Type.Object({
  id: Uuid,
  seq: Type.Integer(),
  text: Type.String(),
  expectedProduct: Type.String(),
  dueDate: IsoDate,
  status: RecommendationStatus,
  /** Not closed and its deadline has passed (Vietnam's date). */
  overdue: Type.Boolean(),
  closedAt: Nullable(DateTime),
  responsibleUnitId: Uuid,
  responsibleUnitName: Type.String(),
  nodeId: Nullable(Uuid),
  taskLabel: Nullable(Type.String()),
  planId: Uuid,
  planTitle: Type.String(),
  programId: Nullable(Uuid),
  bodyUnitId: Uuid,
  bodyUnitName: Type.String(),
  conclusionId: Uuid,
  conclusionNumber: Nullable(Type.String()),
  conclusionIssuedOn: Nullable(Type.String()),
  findingText: Nullable(Type.String()),
  version: Type.Integer(),
  updatedAt: DateTime,
});
export type Recommendation = Static<typeof Recommendation>;

export const RecommendationCounts = Type.Object({
  open: Type.Integer({ description: 'Chưa hoàn thành (đang khắc phục, chờ xem xét, bị trả lại)' }),
  overdue: Type.Integer({ description: 'Chưa hoàn thành, đã quá hạn' }),
  submitted: Type.Integer({ description: 'Đã báo cáo khắc phục, chờ cơ quan kiểm tra xem xét' }),
  closed: Type.Integer({ description: 'Đã hoàn thành' }),
});
export type RecommendationCounts = Static<typeof RecommendationCounts>;

export const RecommendationList = Type.Object({
  counts: RecommendationCounts,
  items: Type.Array(Recommendation),
});
export type RecommendationList = Static<typeof RecommendationList>;

export const RemediationReport = Type.Object({
  id: Uuid,
  seq: Type.Integer(),
  state: RemediationState,
  result: Type.String(),
  products: Type.Array(ReportProductSchema),
  files: Type.Array(AttachedFileSchema),
  submittedAt: DateTime,
  submittedByName: Nullable(Type.String()),
  decision: Nullable(RemediationDecision),
  decisionComment: Nullable(Type.String()),
  decidedAt: Nullable(DateTime),
  decidedByName: Nullable(Type.String()),
});
export type RemediationReport = Static<typeof RemediationReport>;

export const RecommendationDetail = Type.Object({
  recommendation: Recommendation,
  reports: Type.Array(RemediationReport),
  /** What the signed-in user may do now. */
  can: Type.Object({ report: Type.Boolean(), decide: Type.Boolean() }),
});
export type RecommendationDetail = Static<typeof RecommendationDetail>;

const RemediationProductInput = Type.Object(
  {
    description: Text(LIMITS.reportProductDescription, 1),
    number: Type.Optional(Nullable(Text(LIMITS.reportProductNumber))),
    date: Type.Optional(Nullable(IsoDate)),
    link: Type.Optional(Nullable(HttpUrl(LIMITS.reportProductLink))),
  },
  { additionalProperties: false },
);

export const RemediationInput = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    state: RemediationState,
    result: Text(LIMITS.entryResults, 1),
    products: Type.Optional(Type.Array(RemediationProductInput, { maxItems: 50 })),
    /** Evidence files the unit uploaded (by SHA-256); name, size and type come from its upload record. */
    files: Type.Optional(
      Type.Array(
        Type.Object({ sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }) }, { additionalProperties: false }),
        {
          maxItems: 50,
        },
      ),
    ),
  },
  { additionalProperties: false },
);
export type RemediationInput = Static<typeof RemediationInput>;

export const RemediationDecisionInput = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    decision: LiteralUnion(['accept', 'return']),
    comment: Type.Optional(Text(LIMITS.reviewComment)),
  },
  { additionalProperties: false },
);
export type RemediationDecisionInput = Static<typeof RemediationDecisionInput>;

export const RecommendationStep = Type.Object({
  id: Uuid,
  status: RecommendationStatus,
  version: Type.Integer(),
  reportId: Uuid,
});
export type RecommendationStep = Static<typeof RecommendationStep>;
