/**
 * The annual review (kiểm điểm, đánh giá hằng năm; issue 13 point 7): for a program and a year, every
 * unit's figures (tasks, products, reports, obstacles, recommendations, directions, citizens'
 * satisfaction), its score from the configured weights, its rating and its rank.
 */
import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, LiteralUnion, Nullable, Uuid, type Agrees, type Check } from './common.js';
import { CRITERIA, type UnitFigures } from '../domain/review/scoring.js';

export const ReviewCriterion = LiteralUnion(CRITERIA);
export type ReviewCriterion = Static<typeof ReviewCriterion>;

export const ReviewQuery = Type.Object({
  year: Type.Optional(
    Type.Integer({ minimum: 2000, maximum: 2100, description: 'Năm kiểm điểm (mặc định: năm hiện tại)' }),
  ),
});
export type ReviewQuery = Static<typeof ReviewQuery>;

const Count = Type.Integer({ minimum: 0 });

export const ReviewFigures = Type.Object({
  tasksLed: Count,
  tasksCooperated: Count,
  doneOnTime: Count,
  doneLate: Count,
  overdue: Count,
  notDue: Count,
  products: Count,
  productNumbers: Type.Array(Type.String()),
  reportsDue: Count,
  reportsOnTime: Count,
  obstaclesRaised: Count,
  obstaclesResolved: Count,
  recommendationsReceived: Count,
  recommendationsClosed: Count,
  recommendationsOverdue: Count,
  directionsReceived: Count,
  directionsDue: Count,
  directionsOnTime: Count,
  citizenSatisfaction: Nullable(Type.Number({ minimum: 0, maximum: 100 })),
});
export type ReviewFigures = Static<typeof ReviewFigures>;
export type FiguresAgree = Check<Agrees<UnitFigures, ReviewFigures>>;

export const ReviewCriterionScore = Type.Object({
  key: ReviewCriterion,
  /** 0–1; null when the unit has nothing to judge on it (left out). */
  rate: Nullable(Type.Number()),
  /** The weight after scaling, 0–1. */
  share: Type.Number(),
  points: Type.Number(),
});

export const ReviewUnit = Type.Object({
  unitId: Uuid,
  unitName: Type.String(),
  rank: Nullable(Type.Integer({ minimum: 1 })),
  score: Nullable(Type.Number()),
  rating: Nullable(Type.String()),
  figures: ReviewFigures,
  criteria: Type.Array(ReviewCriterionScore),
});
export type ReviewUnit = Static<typeof ReviewUnit>;

export const AnnualReview = Type.Object({
  program: Type.Object({ id: Uuid, title: Type.String(), number: Nullable(Type.String()) }),
  year: Type.Integer(),
  /** The day the figures stand on: today, or the year's last day for a past year. */
  asOf: IsoDate,
  criteria: Type.Array(Type.Object({ key: ReviewCriterion, label: Type.String(), weight: Type.Number() })),
  ratings: Type.Array(Type.Object({ min: Type.Number(), label: Type.String() })),
  /** The year's reporting periods (latest first), for the links to their reports and obstacles. */
  periods: Type.Array(Type.Object({ id: Uuid, label: Type.String(), dueDate: IsoDate })),
  units: Type.Array(ReviewUnit),
});
export type AnnualReview = Static<typeof AnnualReview>;

export const REVIEW_DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const REVIEW_XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const ReviewDocx = Type.String({
  format: 'binary',
  description:
    'Báo cáo kiểm điểm, đánh giá kết quả thực hiện (.docx, thể thức văn bản), tải về dưới tên bao-cao-kiem-diem-nam-<năm>.docx',
});
export const ReviewXlsx = Type.String({
  format: 'binary',
  description:
    'Bảng kiểm điểm, đánh giá (.xlsx: số liệu từng đơn vị, điểm, xếp hạng; trọng số), tải về dưới tên kiem-diem-danh-gia-nam-<năm>.xlsx',
});
