/**
 * Vietnamese labels for the parts of an imported document: node kinds, how a named body was matched
 * to the units directory, reference levels, time expressions and warnings.
 */
import type { BodyMention, DocReference, NodeKind, TimeExpression } from '../../shared/importer';
import { formatIsoDate } from '../../lib/format';
import { infoOf, type TagInfo } from '../../lib/tagInfo';

export const NODE_KIND_LABELS: Record<NodeKind, TagInfo> = {
  section: { label: 'Phần', color: 'magenta' },
  group: { label: 'Mục', color: 'geekblue' },
  subgroup: { label: 'Mục con', color: 'cyan' },
  bullet: { label: 'Gạch đầu dòng', color: 'default' },
  paragraph: { label: 'Đoạn', color: 'gold' },
  table: { label: 'Bảng', color: 'purple' },
  row: { label: 'Dòng', color: 'purple' },
};

export function nodeKindLabel(kind: string): string {
  return NODE_KIND_LABELS[kind as NodeKind]?.label ?? kind;
}

export function nodeKindColor(kind: string): string {
  return NODE_KIND_LABELS[kind as NodeKind]?.color ?? 'default';
}

/** The kinds a person may give a node (tables and rows come only from the document). */
export const EDITABLE_KIND_OPTIONS: { value: NodeKind; label: string }[] = (
  ['section', 'group', 'subgroup', 'bullet', 'paragraph'] as const
).map((k) => ({ value: k, label: NODE_KIND_LABELS[k].label }));

export type MatchQuality = BodyMention['match'];

export const MATCH_LABELS: Record<MatchQuality, TagInfo> = {
  exact: { label: 'khớp chính xác', color: 'green' },
  folded: { label: 'khớp không dấu', color: 'cyan' },
  abbreviation: { label: 'khớp viết tắt', color: 'blue' },
  collective: { label: 'nhóm đơn vị', color: 'purple' },
  manual: { label: 'ghép tay', color: 'gold' },
  none: { label: 'chưa khớp', color: 'red' },
};

export function matchLabel(m: string): TagInfo {
  return infoOf(MATCH_LABELS, m);
}

export const REFERENCE_LEVEL_LABELS: Record<DocReference['level'], string> = {
  central: 'Trung ương',
  city: 'Thành phố',
  government: 'Chính phủ',
  ministry: 'Bộ, ngành',
  local: 'Địa phương',
  unknown: 'Chưa rõ',
};

export function referenceLevelLabel(level: string): string {
  return REFERENCE_LEVEL_LABELS[level as DocReference['level']] ?? 'Chưa rõ';
}

export const WARNING_LABELS: Record<string, string> = {
  LINE_JOINED: 'Nối dòng',
  UNBULLETED_ITEM: 'Đoạn không gạch đầu dòng',
  TWO_LEADS: 'Hai cơ quan chủ trì',
  BODY_UNMATCHED: 'Cơ quan chưa khớp',
  BODY_VARIANT: 'Có thể trùng cơ quan',
  BODY_FORMER: 'Cơ quan trước đây',
  UNPARSED_LINE: 'Dòng chưa đọc được',
};

export function warningLabel(code: string): string {
  return WARNING_LABELS[code] ?? code;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

const RECURRENCE: Record<string, string> = {
  yearly: 'Hằng năm',
  'half-yearly': '6 tháng một lần',
  quarterly: 'Hằng quý',
  monthly: 'Hằng tháng',
  continuous: 'Thường xuyên',
};

/** A time expression in words: "Trước ngày 30/06/2026", "Quý II/2026", "Giai đoạn 2022–2030", "Hằng năm". */
export function timeLabel(t: Pick<TimeExpression, 'kind' | 'value' | 'relation' | 'text'>): string {
  switch (t.kind) {
    case 'date': {
      const d = formatIsoDate(t.value);
      return t.relation === 'before'
        ? `Trước ngày ${d}`
        : t.relation === 'by'
          ? `Đến ngày ${d}`
          : `Ngày ${d}`;
    }
    case 'month': {
      const [y, m] = t.value.split('-');
      const s = `tháng ${Number(m)}/${y}`;
      return t.relation === 'before' ? `Trước ${s}` : `Trong ${s}`;
    }
    case 'quarter': {
      const [y, q] = t.value.split('-Q');
      const s = `quý ${ROMAN[Number(q) - 1] ?? q}/${y}`;
      return t.relation === 'before' ? `Trước ${s}` : `Trong ${s}`;
    }
    case 'year':
      return t.relation === 'before'
        ? `Trước năm ${t.value}`
        : t.relation === 'by'
          ? `Đến năm ${t.value}`
          : `Năm ${t.value}`;
    case 'range': {
      const [a, b] = t.value.split('/');
      return `Giai đoạn ${a}–${b}`;
    }
    case 'recurrence': {
      // "yearly:12-31": every year, by that day.
      const day = /^yearly:(\d{2})-(\d{2})$/.exec(t.value);
      if (day) return `Hằng năm, ${t.relation === 'before' ? 'trước' : 'đến'} ngày ${day[2]}/${day[1]}`;
      return RECURRENCE[t.value] ?? t.text;
    }
    default:
      return t.text;
  }
}

/** "CHƯƠNG TRÌNH HÀNH ĐỘNG" → "Chương trình hành động" (document kinds are written in capitals). */
export function sentenceCase(s: string | null | undefined): string {
  if (!s) return '';
  const t = s.trim();
  if (t !== t.toLocaleUpperCase('vi')) return t.charAt(0).toLocaleUpperCase('vi') + t.slice(1);
  const lower = t.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/** The first facts of a document's card: its kind and its number ("—" where the document has none). */
export function docKindAndNumberItems(docKind: string | null | undefined, number: string | null | undefined) {
  return [
    { key: 'kind', label: 'Loại văn bản', children: sentenceCase(docKind) || '—' },
    { key: 'number', label: 'Số', children: number ?? '—' },
  ];
}

/** "UBND thành phố (Thành ủy)": the issuer and, in brackets, the body above it; "—" when unknown. */
export function issuerText(
  issuer: string | null | undefined,
  parentIssuer: string | null | undefined,
): string {
  return issuer ? `${issuer}${parentIssuer ? ` (${parentIssuer})` : ''}` : '—';
}

/** A short name for a document: its kind and number, e.g. "Chương trình hành động số 45-CTr/TU". */
export function documentName(docKind: string | null | undefined, number: string | null | undefined): string {
  const kind = sentenceCase(docKind) || 'Văn bản';
  return number ? `${kind} số ${number}` : kind;
}

/** The title line(s) after the kind, first letter capitalised: "Thực hiện Nghị quyết số 27-NQ/TW …". */
export function documentTitle(title: string | null | undefined): string {
  const t = (title ?? '').trim();
  return t ? t.charAt(0).toLocaleUpperCase('vi') + t.slice(1) : '';
}

/**
 * A title as a sentence: a document kind written in capitals is lowered, at the start
 * ("CHƯƠNG TRÌNH HÀNH ĐỘNG thực hiện …" → "Chương trình hành động thực hiện …") and inside
 * ("Kế hoạch thực hiện CHƯƠNG TRÌNH HÀNH ĐỘNG …" → "Kế hoạch thực hiện chương trình hành động …").
 * Single capitalised words (HĐND, UBND) are kept.
 */
export function readableTitle(title: string | null | undefined): string {
  const words = (title ?? '').trim().split(/\s+/).filter(Boolean);
  const caps = (w: string) => /\p{L}{2}/u.test(w) && w === w.toLocaleUpperCase('vi');
  let i = 0;
  while (i < words.length) {
    let j = i;
    while (j < words.length && caps(words[j]!)) j++;
    if (j - i >= (i === 0 ? 2 : 3)) for (let k = i; k < j; k++) words[k] = words[k]!.toLocaleLowerCase('vi');
    i = Math.max(j, i + 1);
  }
  return documentTitle(words.join(' '));
}

/** Columns of a task table, as the parser names them. */
export const CELL_LABELS: Record<string, string> = {
  tt: 'Số thứ tự',
  task: 'Nhiệm vụ',
  lead: 'Cơ quan chủ trì',
  cooperating: 'Cơ quan phối hợp',
  deadline: 'Thời gian hoàn thành',
  level: 'Cấp trình',
  submitTo: 'Cấp trình',
  products: 'Sản phẩm',
  note: 'Ghi chú',
};

/** A row's filled cells in the usual column order (the database does not keep the order of its keys). */
export function cellsInOrder(cells: Record<string, string> | null | undefined): [string, string][] {
  const order = Object.keys(CELL_LABELS);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return Object.entries(cells ?? {})
    .filter(([, v]) => v)
    .sort(([a], [b]) => rank(a) - rank(b));
}

export function cellLabel(column: string): string {
  return CELL_LABELS[column] ?? column;
}
