/**
 * Vietnamese words for assignments: the "5 rõ", deadlines, products, focal persons, roles and the
 * program's status.
 */
import {
  FIVE_CLEAR_LABELS,
  PRODUCT_KIND_LABELS,
  RECURRENCE_LABELS,
  type Clear,
  type Deadline,
  type Focal,
  type Product,
} from '../../shared/assignment';
import { formatIsoDate } from '../../lib/format';
import type { BaselineField, ProgramStatus } from './api';
import { infoOf, type TagInfo } from '../../lib/tagInfo';

/** Short names of the "5 rõ", for tags in tables. */
export const CLEAR_SHORT: Record<Clear, string> = {
  nguoi: 'Người',
  viec: 'Việc',
  dauMoi: 'Đầu mối',
  tienDo: 'Tiến độ',
  hieuQua: 'Hiệu quả',
};

/** "Rõ người (cơ quan chủ trì)". */
export function clearLabel(c: Clear): string {
  return FIVE_CLEAR_LABELS[c] ?? c;
}

/** "Rõ người". */
export function clearName(c: Clear): string {
  return `Rõ ${CLEAR_SHORT[c].toLocaleLowerCase('vi')}`;
}

export const PROGRAM_STATUS: Record<ProgramStatus, TagInfo> = {
  published: { label: 'Đang phân công', color: 'gold' },
  implementing: { label: 'Đang triển khai', color: 'green' },
};

export function programStatusInfo(s: string | null | undefined): TagInfo {
  return infoOf(PROGRAM_STATUS, s);
}

export const TASK_ROLE_LABELS: Record<'lead' | 'cooperating', string> = {
  lead: 'Chủ trì',
  cooperating: 'Phối hợp',
};

export const SUGGESTION_HOW: Record<'text' | 'responsibility', string> = {
  text: 'theo văn bản',
  responsibility: 'theo trách nhiệm mục III',
};

export const BASELINE_FIELD_LABELS: Record<BaselineField, string> = {
  lead: 'Cơ quan chủ trì',
  cooperating: 'Cơ quan phối hợp',
  deadline: 'Thời hạn',
  products: 'Sản phẩm',
};

/** A deadline in words: "31/12/2027", "Năm 2030 (đến 31/12/2030)", "Hằng quý, lần đầu 15/03/2026". */
export function deadlineLabel(d: Deadline | null | undefined): string {
  if (!d) return '—';
  switch (d.kind) {
    case 'date':
      return formatIsoDate(d.date);
    case 'period':
      return `${d.label} (${formatIsoDate(d.start)} – ${formatIsoDate(d.end)})`;
    case 'recurrence':
      return `${RECURRENCE_LABELS[d.recurrence] ?? d.recurrence}, lần đầu ${formatIsoDate(d.firstDue)}`;
    default:
      return '—';
  }
}

export function productKindLabel(k: string): string {
  return (PRODUCT_KIND_LABELS as Record<string, string>)[k] ?? k;
}

/** "Báo cáo: Báo cáo sơ kết (hạn 30/06/2027; chỉ tiêu: 100 % cán bộ được tập huấn)". */
export function productLabel(p: Product): string {
  const extra = [
    p.dueDate ? `hạn ${formatIsoDate(p.dueDate)}` : '',
    p.indicator
      ? `chỉ tiêu: ${p.indicator.name} ${p.indicator.target.toLocaleString('vi-VN')}${p.indicator.unit ? ` ${p.indicator.unit}` : ''}`
      : '',
  ].filter(Boolean);
  return `${productKindLabel(p.kind)}: ${p.description}${extra.length ? ` (${extra.join('; ')})` : ''}`;
}

/** "Nguyễn Văn A, Phó Giám đốc, 0912 345 678". */
export function focalLabel(f: Focal | null | undefined): string {
  if (!f) return '—';
  const s = [f.name, f.position, f.phone].filter((x) => x && x.trim()).join(', ');
  return s || '—';
}
