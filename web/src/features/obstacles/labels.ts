/** Vietnamese words for the obstacles register: the kind of an entry and its handling status. */
import type { ObstacleKind, ObstacleStatus } from './api';
import type { TagInfo } from '../../lib/tagInfo';

export const OBSTACLE_KIND_LABELS: Record<ObstacleKind, string> = {
  obstacle: 'Khó khăn, vướng mắc',
  proposal: 'Kiến nghị, đề xuất',
};

export const OBSTACLE_STATUS: Record<ObstacleStatus, TagInfo> = {
  open: { label: 'Mới', color: 'red' },
  assigned: { label: 'Đã giao xử lý', color: 'gold' },
  answered: { label: 'Đã trả lời', color: 'green' },
  closed: { label: 'Đã đóng', color: 'default' },
};
