/**
 * The leader's directions (ý kiến chỉ đạo, issue 13 point 5): written on a task, a report, an obstacle,
 * a unit or a program, to one or more units; when action is asked each unit answers and the monitor or
 * the leader closes its follow-up, or returns it ("chưa đạt").
 */
import { Type, type Static } from '@sinclair/typebox';
import { HttpUrl, IsoDate, LiteralUnion, Nullable, Text, Uuid } from './common.js';
import { LIMITS } from '../domain/limits.js';
import { DIRECTION_TARGETS, DIRECTION_UNIT_STATUSES } from '../domain/supervision/kinds.js';

export const DirectionTarget = LiteralUnion(DIRECTION_TARGETS);
export type DirectionTarget = Static<typeof DirectionTarget>;

export const DirectionUnitStatus = LiteralUnion(DIRECTION_UNIT_STATUSES);
export type DirectionUnitStatus = Static<typeof DirectionUnitStatus>;

/** A product or link given with an answer: its title and, optionally, its address. */
export const DirectionLink = Type.Object(
  {
    label: Text(LIMITS.directionLinkLabel, 1),
    url: HttpUrl(LIMITS.directionLinkUrl),
  },
  { additionalProperties: false },
);
export type DirectionLink = Static<typeof DirectionLink>;

export const DirectionFilters = Type.Object({
  status: Type.Optional(DirectionUnitStatus),
  unitId: Type.Optional(Uuid),
  programId: Type.Optional(Uuid),
  overdue: Type.Optional(Type.Boolean({ description: 'Chỉ các ý kiến chỉ đạo có đơn vị quá hạn trả lời' })),
  mine: Type.Optional(
    Type.Boolean({ description: 'Lãnh đạo: ý kiến mình viết; người khác: ý kiến gửi đơn vị mình' }),
  ),
  targetType: Type.Optional(DirectionTarget),
  targetId: Type.Optional(Uuid),
});
export type DirectionFilters = Static<typeof DirectionFilters>;

/** One unit a direction is addressed to, and its follow-up. */
export const DirectionUnit = Type.Object({
  id: Uuid,
  unitId: Uuid,
  unitName: Type.String(),
  status: DirectionUnitStatus,
  answer: Nullable(Type.String()),
  answerLinks: Type.Array(DirectionLink),
  answeredAt: Nullable(Type.String({ format: 'date-time' })),
  answeredByName: Nullable(Type.String()),
  closedAt: Nullable(Type.String({ format: 'date-time' })),
  closedByName: Nullable(Type.String()),
  closeComment: Nullable(Type.String()),
  returnComment: Nullable(Type.String()),
  returnedAt: Nullable(Type.String({ format: 'date-time' })),
  /** Action asked, no answer yet, and the due date has passed. */
  overdue: Type.Boolean(),
  version: Type.Integer(),
});
export type DirectionUnit = Static<typeof DirectionUnit>;

export const Direction = Type.Object({
  id: Uuid,
  targetType: DirectionTarget,
  targetId: Uuid,
  /** What it was written on, in words ("Nhiệm vụ 1.2: …", "Báo cáo kỳ Năm 2026 — Sở Tư pháp"). */
  targetLabel: Type.String(),
  /** The web page of the target. */
  targetLink: Type.String(),
  programId: Nullable(Uuid),
  programTitle: Nullable(Type.String()),
  text: Type.String(),
  requiresAction: Type.Boolean(),
  dueDate: Nullable(Type.String()),
  leaderId: Uuid,
  leaderName: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  /** One of its units is overdue. */
  overdue: Type.Boolean(),
  units: Type.Array(DirectionUnit),
});
export type Direction = Static<typeof Direction>;

export const DirectionList = Type.Object({
  /** Follow-ups (direction × unit) of the listed directions, by state, and how many are overdue. */
  counts: Type.Object({
    info: Type.Integer(),
    open: Type.Integer(),
    answered: Type.Integer(),
    closed: Type.Integer(),
    overdue: Type.Integer(),
  }),
  items: Type.Array(Direction),
});
export type DirectionList = Static<typeof DirectionList>;

export const DirectionInput = Type.Object(
  {
    targetType: DirectionTarget,
    targetId: Uuid,
    text: Text(LIMITS.directionText, 1),
    /**
     * The units addressed; left out or empty: the task's lead unit, the report's unit, the obstacle's
     * handling unit (else the unit that raised it), the unit itself. A program needs them.
     */
    unitIds: Type.Optional(Type.Array(Uuid, { maxItems: LIMITS.directionUnits, uniqueItems: true })),
    requiresAction: Type.Boolean(),
    /** Required when action is asked; not before today. */
    dueDate: Type.Optional(Nullable(IsoDate)),
  },
  { additionalProperties: false },
);
export type DirectionInput = Static<typeof DirectionInput>;

export const DirectionAnswerInput = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    answer: Text(LIMITS.directionAnswer, 1),
    links: Type.Optional(Type.Array(DirectionLink, { maxItems: LIMITS.directionLinks })),
  },
  { additionalProperties: false },
);
export type DirectionAnswerInput = Static<typeof DirectionAnswerInput>;

export const DirectionCloseInput = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    comment: Type.Optional(Text(LIMITS.directionComment)),
  },
  { additionalProperties: false },
);
export type DirectionCloseInput = Static<typeof DirectionCloseInput>;

export const DirectionReturnInput = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    /** Why it is not yet done ("chưa đạt"): required. */
    comment: Text(LIMITS.directionComment, 1),
  },
  { additionalProperties: false },
);
export type DirectionReturnInput = Static<typeof DirectionReturnInput>;
