/**
 * Reporting periods and their data cut-off windows (Nghị định 09/2019/NĐ-CP Điều 12), from the rules
 * in config/reporting-rules.json: a period's window runs from day 15 of the month before it starts to
 * day 14 of its last month; the sending deadline is a number of working days after the cut-off,
 * counted on the working-day calendar (src/domain/calendar: weekends, Điều 112 holidays with Tết and
 * Giỗ Tổ from the lunar calendar, nghỉ bù, the yearly swaps). Pure: the rules and the calendar are
 * parameters.
 */
import type { WorkingCalendar } from '../calendar/working-days.js';

/** Period kinds a monitor can open: those of the rules file, and ad hoc (chuyên đề, đột xuất). */
export const PERIOD_KINDS = [
  'monthly',
  'quarterly',
  'half-yearly',
  'nine-months',
  'yearly',
  'adhoc',
] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface PeriodRule {
  label: string;
  /** Periods per year. */
  count: number;
  /** Length in months. */
  months: number;
}

export interface ReportingRules {
  periods: Record<string, PeriodRule>;
  cutoff: { startDay: number; endDay: number };
  sendingDeadlineWorkingDays: number;
  statuses: Record<
    string,
    { label: string; defaultPercent: number | null; needsReason?: boolean; excludedFromRollup?: boolean }
  >;
  reminders: {
    before: number[];
    onDay: boolean;
    everyDaysLate: number;
    escalateAfterDaysLate: number;
    hourLocal: number;
    taskBefore: number[];
  };
  evidence: { maxBytes: number; types: Record<string, string> };
}

export interface PeriodWindow {
  kind: string;
  year: number;
  /** 1-based index within the year (month, quarter, half). */
  index: number;
  label: string;
  cutoffStart: string;
  cutoffEnd: string;
  sendingDeadline: string;
}

function iso(y: number, m: number, d: number): string {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.toISOString().slice(0, 10);
}

const ROMAN = ['I', 'II', 'III', 'IV'];

function label(kind: string, rule: PeriodRule, year: number, index: number): string {
  switch (kind) {
    case 'monthly':
      return `Tháng ${index}/${year}`;
    case 'quarterly':
      return `Quý ${ROMAN[index - 1]}/${year}`;
    case 'half-yearly':
      return index === 1 ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`;
    case 'nine-months':
      return `9 tháng năm ${year}`;
    case 'yearly':
      return `Năm ${year}`;
    default:
      return `${rule.label} ${index}/${year}`;
  }
}

/** Adds working days (of the working-day calendar: not a weekend, holiday, nghỉ bù or swap) to a date. */
export function addWorkingDays(date: string, days: number, calendar: WorkingCalendar): string {
  return calendar.addWorkingDays(date, days);
}

/**
 * The cut-off window of a period. `index` counts from 1 within the year; a period covering months
 * [first .. last] runs from `startDay` of the month before `first` to `endDay` of `last`.
 * Periods that do not start in January (the second half, a quarter) start after the previous one.
 */
export function periodWindow(
  rules: ReportingRules,
  kind: string,
  year: number,
  index: number,
  calendar: WorkingCalendar,
): PeriodWindow {
  const rule = rules.periods[kind];
  if (!rule) throw new Error(`Không có kỳ báo cáo "${kind}" trong cấu hình`);
  if (!Number.isInteger(index) || index < 1 || index > rule.count)
    throw new Error(`Kỳ ${index} không hợp lệ cho "${kind}"`);
  const firstMonth = (index - 1) * rule.months + 1;
  const lastMonth = firstMonth + rule.months - 1;
  const cutoffStart = iso(year, firstMonth - 1, rules.cutoff.startDay); // month 0 = December of the previous year
  const cutoffEnd = iso(year, lastMonth, rules.cutoff.endDay);
  return {
    kind,
    year,
    index,
    label: label(kind, rule, year, index),
    cutoffStart,
    cutoffEnd,
    sendingDeadline: addWorkingDays(cutoffEnd, rules.sendingDeadlineWorkingDays, calendar),
  };
}

/** Every period of a kind in a year, in order. */
export function periodsOfYear(
  rules: ReportingRules,
  kind: string,
  year: number,
  calendar: WorkingCalendar,
): PeriodWindow[] {
  const rule = rules.periods[kind];
  if (!rule) throw new Error(`Không có kỳ báo cáo "${kind}" trong cấu hình`);
  return Array.from({ length: rule.count }, (_, i) => periodWindow(rules, kind, year, i + 1, calendar));
}
