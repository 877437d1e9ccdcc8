/** Vietnamese words for reminders: what each reminder was for and whether it was sent. */
import type { ReminderStatus } from './api';
import type { TagInfo } from '../../lib/tagInfo';

const REMINDER_KIND_LABELS: Record<string, string> = {
  before: 'Nhắc trước hạn',
  day: 'Nhắc đúng hạn',
  late: 'Nhắc quá hạn',
  escalation: 'Đôn đốc lãnh đạo',
  manual: 'Nhắc thủ công',
};

/** "period_before" → "Nhắc trước hạn"; a task deadline's reminder says so. */
export function reminderKindLabel(kind: string): string {
  const [target, what = ''] = kind.split('_');
  const label = REMINDER_KIND_LABELS[what] ?? kind;
  if (target === 'direction') return `${label} (ý kiến chỉ đạo)`;
  return target === 'task' ? `${label} (thời hạn nhiệm vụ)` : label;
}

export const REMINDER_STATUS: Record<ReminderStatus, TagInfo> = {
  sent: { label: 'Đã gửi', color: 'green' },
  skipped: { label: 'Bỏ qua', color: 'default' },
  pending: { label: 'Chờ gửi', color: 'blue' },
};
