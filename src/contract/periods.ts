/**
 * Reporting periods: the reporting rules, opening, listing and editing periods, and a period's
 * "who has reported" matrix. The status of a unit's report (an obligation of a period) is declared
 * here too, for the reports, the dashboard and the reminders.
 */
import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, Items, Nullable, Text, Uuid, type Agrees, type Check } from './common.js';
import { LIMITS } from '../domain/limits.js';
import { PERIOD_KINDS, type ReportingRules as DomainReportingRules } from '../domain/reporting/periods.js';
import type { ReminderSchedule as DomainReminderSchedule } from '../domain/reporting/report.js';

const DateTime = Type.String({ format: 'date-time' });

// ---- vocabularies ----

export const PeriodKind = Type.Union(
  PERIOD_KINDS.map((k) => Type.Literal(k)),
  { description: 'monthly | quarterly | half-yearly | nine-months | yearly | adhoc (chuyên đề, đột xuất)' },
);
export type PeriodKind = Static<typeof PeriodKind>;

export const PeriodStatus = Type.Union([Type.Literal('open'), Type.Literal('closed')]);
export type PeriodStatus = Static<typeof PeriodStatus>;

/** Sơ kết (interim) or tổng kết (final), for the consolidated report. */
export const ReviewKind = Type.Union([Type.Literal('so_ket'), Type.Literal('tong_ket')]);
export type ReviewKind = Static<typeof ReviewKind>;

/** Where a unit's report of a period stands; `late` and `overdue` are separate flags, not statuses. */
export const OBLIGATION_STATUSES = ['not_started', 'drafting', 'submitted', 'returned', 'accepted'] as const;
export const ObligationStatus = Type.Union(OBLIGATION_STATUSES.map((s) => Type.Literal(s)));
export type ObligationStatus = Static<typeof ObligationStatus>;

/** The matrix's filters: a report status, or reported late, or overdue and not yet sent. */
export const MatrixFilter = Type.Union([
  ...OBLIGATION_STATUSES.map((s) => Type.Literal(s)),
  Type.Literal('late'),
  Type.Literal('overdue'),
]);
export type MatrixFilter = Static<typeof MatrixFilter>;

// ---- the rules (config/reporting-rules.json) ----

export const ReportingRules = Type.Object({
  periods: Type.Record(
    Type.String(),
    Type.Object({
      label: Type.String(),
      count: Type.Integer({ description: 'Số kỳ trong năm' }),
      months: Type.Integer({ description: 'Số tháng của kỳ' }),
    }),
  ),
  cutoff: Type.Object({ startDay: Type.Integer(), endDay: Type.Integer() }),
  sendingDeadlineWorkingDays: Type.Integer(),
  holidays: Type.Array(IsoDate, {
    description:
      'Ngày nghỉ lễ, tết, nghỉ bù và nghỉ hoán đổi (không kể thứ Bảy, Chủ nhật) của năm trước, năm nay và năm sau, tính theo lịch ngày làm việc (config/holidays.json, Bộ luật Lao động 2019 Điều 112)',
  }),
  workDays: Type.Array(IsoDate, {
    description: 'Ngày làm bù (thứ Bảy, Chủ nhật làm việc theo quyết định hoán đổi) của cùng các năm',
  }),
  statuses: Type.Record(
    Type.String(),
    Type.Object({
      label: Type.String(),
      defaultPercent: Nullable(Type.Number()),
      needsReason: Type.Optional(Type.Boolean()),
      excludedFromRollup: Type.Optional(Type.Boolean()),
    }),
  ),
  reminders: Type.Object({
    before: Type.Array(Type.Integer()),
    onDay: Type.Boolean(),
    everyDaysLate: Type.Integer(),
    escalateAfterDaysLate: Type.Integer(),
    hourLocal: Type.Number(),
    taskBefore: Type.Array(Type.Integer()),
  }),
  evidence: Type.Object({
    maxBytes: Type.Integer(),
    types: Type.Record(Type.String(), Type.String(), { description: 'Loại tệp → kiểu MIME' }),
  }),
});
/** The rules as served: the file's, plus the days off of the working-day calendar around today. */
export type ReportingRules = DomainReportingRules & { holidays: string[]; workDays: string[] };
type _ReportingRulesFits = Check<Agrees<ReportingRules, Static<typeof ReportingRules>>>;

// ---- reminder schedules ----

/** A period's reminder schedule: days before the deadline, on the day, every N days late, escalation. */
export const ReminderSchedule = Type.Object({
  before: Type.Array(Type.Integer({ minimum: 1, maximum: 90 }), { maxItems: 5 }),
  onDay: Type.Boolean(),
  everyDaysLate: Type.Integer({ minimum: 0, maximum: 60 }),
  escalateAfterDaysLate: Type.Integer({ minimum: 0, maximum: 365 }),
});
export type ReminderSchedule = DomainReminderSchedule;
type _ReminderScheduleFits = Check<Agrees<DomainReminderSchedule, Static<typeof ReminderSchedule>>>;

/** A schedule as sent to open or edit a period: what is left out keeps its value. */
export const ScheduleInput = Type.Partial(ReminderSchedule, { additionalProperties: false });
export type ScheduleInput = Static<typeof ScheduleInput>;

// ---- periods ----

export const PeriodCounts = Type.Object({
  total: Type.Integer(),
  not_started: Type.Integer(),
  drafting: Type.Integer(),
  submitted: Type.Integer(),
  returned: Type.Integer(),
  accepted: Type.Integer(),
  late: Type.Integer({ description: 'Đã nộp muộn' }),
  overdue: Type.Integer({ description: 'Quá hạn mà chưa nộp (kỳ đang mở)' }),
});
export type PeriodCounts = Static<typeof PeriodCounts>;

const periodFields = {
  id: Uuid,
  programId: Uuid,
  kind: PeriodKind,
  year: Type.Integer(),
  index: Type.Integer({ description: 'Thứ tự kỳ trong năm (tháng, quý, …); kỳ chuyên đề đánh số lần lượt' }),
  label: Type.String(),
  cutoffStart: IsoDate,
  cutoffEnd: IsoDate,
  dueDate: IsoDate,
  reviewKind: ReviewKind,
  status: PeriodStatus,
  schedule: ReminderSchedule,
  openedAt: DateTime,
  closedAt: Nullable(DateTime),
  version: Type.Integer(),
  counts: PeriodCounts,
};

export const PeriodSummary = Type.Object(periodFields);
export type PeriodSummary = Static<typeof PeriodSummary>;

export const PeriodListItem = Type.Object({
  ...periodFields,
  /** For a unit user: its own report in the period. */
  myObligationId: Nullable(Uuid),
  myStatus: Nullable(ObligationStatus),
});
export type PeriodListItem = Static<typeof PeriodListItem>;

export const PeriodList = Items(PeriodListItem);
export type PeriodList = Static<typeof PeriodList>;

/** One unit's line in the "who has reported" matrix. */
export const MatrixRow = Type.Object({
  obligationId: Uuid,
  unitId: Uuid,
  unitName: Type.String(),
  unitCode: Type.String(),
  status: ObligationStatus,
  late: Type.Boolean(),
  overdue: Type.Boolean(),
  tasks: Type.Integer(),
  leadTasks: Type.Integer(),
  currentVersion: Type.Integer(),
  submittedAt: Nullable(DateTime),
  lastReminderAt: Nullable(DateTime),
  reminders: Type.Integer(),
});
export type MatrixRow = Static<typeof MatrixRow>;

/** A period and its matrix (a unit user sees only its own row, and counts of it). */
export const PeriodDetail = Type.Object({
  ...periodFields,
  program: Nullable(Type.Object({ id: Uuid, title: Type.String(), number: Nullable(Type.String()) })),
  today: IsoDate,
  rows: Type.Array(MatrixRow),
});
export type PeriodDetail = Static<typeof PeriodDetail>;

export const PeriodQuery = Type.Object({
  status: Type.Optional(MatrixFilter),
  q: Type.Optional(Text(200)),
});
export type PeriodQuery = Static<typeof PeriodQuery>;

export const OpenPeriodInput = Type.Object(
  {
    kind: PeriodKind,
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    index: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
    label: Type.Optional(Text(LIMITS.periodLabel)),
    cutoffStart: Type.Optional(IsoDate),
    cutoffEnd: Type.Optional(IsoDate),
    dueDate: Type.Optional(IsoDate),
    reviewKind: Type.Optional(ReviewKind),
    schedule: Type.Optional(ScheduleInput),
  },
  { additionalProperties: false },
);
export type OpenPeriodInput = Static<typeof OpenPeriodInput>;

export const OpenPeriodResult = Type.Object({
  id: Uuid,
  obligations: Type.Integer({ description: 'Số đơn vị phải báo cáo trong kỳ' }),
});
export type OpenPeriodResult = Static<typeof OpenPeriodResult>;

export const PeriodPatch = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    dueDate: Type.Optional(IsoDate),
    label: Type.Optional(Text(LIMITS.periodLabel)),
    schedule: Type.Optional(ScheduleInput),
    status: Type.Optional(PeriodStatus),
  },
  { additionalProperties: false },
);
export type PeriodPatch = Static<typeof PeriodPatch>;

export const PeriodVersion = Type.Object({ id: Uuid, version: Type.Integer() });
export type PeriodVersion = Static<typeof PeriodVersion>;
