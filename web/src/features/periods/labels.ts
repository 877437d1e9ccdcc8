/**
 * Vietnamese words for reporting periods: kinds, the status of each unit's report, the window and
 * the reminder schedule; and who may manage periods.
 */
import type { MatrixFilter, PeriodDetail, PeriodKind, PeriodStatus, ReportingRules, ReviewKind } from './api';
import type { Me } from '../../api/types';
import { formatIsoDate } from '../../lib/format';
import { infoOf, type TagInfo } from '../../lib/tagInfo';

/** Opening, closing and reminding, the obstacles register and the consolidated report (the server agrees). */
export const canManageReporting = (me: Me) => me.role === 'admin' || me.role === 'monitor';

const KIND_LABELS: Record<PeriodKind, string> = {
  monthly: 'Hằng tháng',
  quarterly: 'Hằng quý',
  'half-yearly': '6 tháng',
  'nine-months': '9 tháng',
  yearly: 'Hằng năm',
  adhoc: 'Chuyên đề/đột xuất',
};

/** The kind's name, as the rules file gives it when loaded. */
export function periodKindLabel(kind: string, rules?: ReportingRules): string {
  return rules?.periods[kind]?.label ?? KIND_LABELS[kind as PeriodKind] ?? kind;
}

export const REVIEW_KIND_LABELS: Record<ReviewKind, string> = {
  so_ket: 'Sơ kết',
  tong_ket: 'Tổng kết',
};

export const PERIOD_STATUS: Record<PeriodStatus, TagInfo> = {
  open: { label: 'Đang mở', color: 'green' },
  closed: { label: 'Đã đóng', color: 'default' },
};

/** Report statuses and the two extra filters of the matrix, in the order of the count tags. */
export const MATRIX_FILTERS: MatrixFilter[] = [
  'not_started',
  'drafting',
  'submitted',
  'returned',
  'accepted',
  'late',
  'overdue',
];

export const OBLIGATION_STATUS: Record<MatrixFilter, TagInfo> = {
  not_started: { label: 'Chưa nộp', color: 'default' },
  drafting: { label: 'Đang soạn', color: 'cyan' },
  submitted: { label: 'Đã nộp', color: 'geekblue' },
  returned: { label: 'Bị trả lại', color: 'orange' },
  accepted: { label: 'Đã duyệt', color: 'green' },
  late: { label: 'Nộp muộn', color: 'volcano' },
  overdue: { label: 'Quá hạn chưa nộp', color: 'red' },
};

export function obligationStatusInfo(s: string | null | undefined): TagInfo {
  return infoOf(OBLIGATION_STATUS, s);
}

/** "15/06/2026 – 14/09/2026". */
export function windowText(p: { cutoffStart: string; cutoffEnd: string }): string {
  return `${formatIsoDate(p.cutoffStart)} – ${formatIsoDate(p.cutoffEnd)}`;
}

/** Whole days from `a` to `b` (ISO dates). */
export function daysFrom(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** "còn 5 ngày", "hôm nay", "quá hạn 3 ngày", for the sending deadline seen on `today`. */
export function dueInText(p: Pick<PeriodDetail, 'dueDate' | 'today'>): string {
  const d = daysFrom(p.today, p.dueDate);
  return d > 0 ? `còn ${d} ngày` : d === 0 ? 'hạn gửi là hôm nay' : `đã quá hạn ${-d} ngày`;
}

/** The reminder schedule in words: "Trước hạn 7, 3 ngày; đúng hạn; quá hạn nhắc mỗi 3 ngày; …". */
export function scheduleText(s: {
  before: number[];
  onDay: boolean;
  everyDaysLate: number;
  escalateAfterDaysLate: number;
}): string {
  const parts = [
    s.before.length ? `trước hạn ${[...s.before].sort((a, b) => b - a).join(', ')} ngày` : '',
    s.onDay ? 'đúng ngày hạn' : '',
    s.everyDaysLate > 0 ? `quá hạn nhắc mỗi ${s.everyDaysLate} ngày` : '',
    s.escalateAfterDaysLate > 0 ? `đôn đốc lãnh đạo sau ${s.escalateAfterDaysLate} ngày quá hạn` : '',
  ].filter(Boolean);
  const t = parts.join('; ') || 'không nhắc tự động';
  return t.charAt(0).toLocaleUpperCase('vi') + t.slice(1);
}
