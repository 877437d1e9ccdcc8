/** Vietnamese words for periodic reports: statuses, reviews, fields, reminders and deadlines. */
import type { ReportStatus, ReviewState, StatusRules } from './api';
import type { ReportEntry, ReportGeneral } from '../../shared/report';
import { daysBetween, vnDate } from '../../shared/report';
import { infoOf, type TagInfo } from '../../lib/tagInfo';

export const REPORT_STATUS: Record<ReportStatus, TagInfo> = {
  not_started: { label: 'Chưa nộp', color: 'default' },
  drafting: { label: 'Đang soạn', color: 'processing' },
  submitted: { label: 'Đã nộp', color: 'blue' },
  returned: { label: 'Bị trả lại', color: 'orange' },
  accepted: { label: 'Đã duyệt', color: 'green' },
};

export function reportStatusInfo(s: string): TagInfo {
  return infoOf(REPORT_STATUS, s);
}

/** The unit still has to (re)submit. */
export const OUTSTANDING: readonly string[] = ['not_started', 'drafting', 'returned'];

export const REVIEW_STATE: Record<ReviewState, TagInfo> = {
  pending: { label: 'Chờ duyệt', color: 'gold' },
  accepted: { label: 'Đã duyệt', color: 'green' },
  returned: { label: 'Trả lại', color: 'orange' },
};

export function reviewInfo(s: string): TagInfo {
  return infoOf(REVIEW_STATE, s);
}

export const ENTRY_FIELD_LABELS: Record<keyof ReportEntry, string> = {
  status: 'Trạng thái',
  percent: 'Tỷ lệ hoàn thành',
  results: 'Kết quả đạt được',
  products: 'Sản phẩm',
  evidence: 'Tệp minh chứng',
  obstacles: 'Khó khăn, vướng mắc',
  proposals: 'Kiến nghị, đề xuất',
  reason: 'Lý do',
  completedOn: 'Ngày hoàn thành',
};

export const GENERAL_FIELD_LABELS: Record<keyof ReportGeneral, string> = {
  summary: 'Tóm tắt chung',
  obstacles: 'Khó khăn, vướng mắc chung',
  proposals: 'Kiến nghị, đề xuất chung',
  nextSteps: 'Phương hướng, nhiệm vụ kỳ tới',
};

export const REMINDER_KINDS: Record<string, string> = {
  period_before: 'Nhắc trước hạn',
  period_day: 'Nhắc đúng hạn',
  period_late: 'Nhắc quá hạn',
  period_manual: 'Nhắc của cán bộ theo dõi',
  period_escalation: 'Đôn đốc lãnh đạo đơn vị',
};

export function statusLabel(statuses: StatusRules, s: string | null | undefined): string {
  if (!s) return 'Chưa chọn';
  return statuses[s]?.label ?? s;
}

/** Tag colours of the official status grid. */
export function taskStatusColor(s: string | null | undefined): string {
  switch (s) {
    case 'done':
      return 'green';
    case 'in_progress':
      return 'blue';
    case 'paused':
      return 'orange';
    case 'obsolete':
      return 'default';
    default:
      return 'default';
  }
}

/** "20 MB". */
export function sizeLimit(bytes: number): string {
  const mb = bytes / 1048576;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1).replace('.', ',')} MB`;
}

/** "1,2 MB", "350 KB". */
export function fileSize(bytes: number): string {
  if (bytes >= 1048576) return `${(bytes / 1048576).toFixed(1).replace('.', ',')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} byte`;
}

/** The extensions the file picker offers for the allowed types. */
export function acceptList(types: Record<string, string>): string {
  return Object.keys(types)
    .flatMap((t) => (t === 'jpeg' ? ['.jpg', '.jpeg'] : [`.${t}`]))
    .join(',');
}

/** "PDF, DOCX, XLSX, DOC, XLS, PNG, JPEG". */
export function typeNames(types: Record<string, string>): string {
  return Object.keys(types)
    .map((t) => t.toUpperCase())
    .join(', ');
}

/** Days from today (in Vietnam) to a due date: positive left, negative late. */
export function daysLeft(dueDate: string, today = vnDate(new Date())): number {
  return daysBetween(today, dueDate);
}

/** "còn 5 ngày", "hôm nay là hạn gửi", "quá hạn 3 ngày". */
export function dueText(dueDate: string, today?: string): { text: string; late: boolean; soon: boolean } {
  const d = daysLeft(dueDate, today);
  if (d > 0) return { text: `còn ${d} ngày`, late: false, soon: d <= 3 };
  if (d === 0) return { text: 'hôm nay là hạn gửi', late: false, soon: true };
  return { text: `quá hạn ${-d} ngày`, late: true, soon: false };
}
