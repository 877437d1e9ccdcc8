import { Tag } from 'antd';
import type { DraftStatus } from './api';

export const DRAFT_STATUS_LABELS: Record<DraftStatus, { label: string; color: string }> = {
  draft: { label: 'Đang soạn', color: 'processing' },
  published: { label: 'Đã ban hành', color: 'success' },
  discarded: { label: 'Đã hủy', color: 'default' },
};

export function DraftStatusTag({ status }: { status: string }) {
  const s = DRAFT_STATUS_LABELS[status as DraftStatus] ?? { label: status, color: 'default' };
  return <Tag color={s.color}>{s.label}</Tag>;
}
