import type { DraftStatus } from './api';
import { infoOf, type TagInfo } from '../../lib/tagInfo';
import { InfoTag } from '../../layout/InfoTag';

export const DRAFT_STATUS_LABELS: Record<DraftStatus, TagInfo> = {
  reading: { label: 'Đang đọc', color: 'processing' },
  failed: { label: 'Không đọc được', color: 'error' },
  draft: { label: 'Đang soạn', color: 'processing' },
  published: { label: 'Đã ban hành', color: 'success' },
  discarded: { label: 'Đã hủy', color: 'default' },
};

export function DraftStatusTag({ status }: { status: string }) {
  const s = infoOf(DRAFT_STATUS_LABELS, status);
  return <InfoTag info={s} />;
}
