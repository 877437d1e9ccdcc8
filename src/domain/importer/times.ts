/** Time expressions in Vietnamese tasks, normalised. Pure. */
import type { Span, TimeExpression } from './types.js';
import { foldKeepOffsets } from './normalize.js';

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function iso(d: number, m: number, y: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Parses a written date: "18/4/2022", "18-4-2022", "ngày 09 tháng 11 năm 2022". */
export function parseVnDate(s: string): string | null {
  const f = foldKeepOffsets(s);
  let m = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/.exec(f);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = /(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})/.exec(f);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  return null;
}

interface Rule {
  re: RegExp;
  make(m: RegExpExecArray): Omit<TimeExpression, 'text' | 'span'> | null;
}

const BEFORE = /(truoc|cham nhat|hoan thanh truoc|xong truoc)\s*(ngay\s*)?$/;

/** What may stand between a cited document's number and its date: "…/QH14 ngày 19/6/2020", "…/TW (khóa XIII) ban hành ngày …". */
const CITED_DATE_GAP = /^[\s,]*(?:\([^)]{0,40}\)\s*)?(?:ban hanh\s*)?(?:ngay\s*)?$/;
/** A vision horizon is not a deadline: "tầm nhìn đến năm 2050", "định hướng đến năm 2045". */
const VISION_BEFORE = /(tam nhin|dinh huong)(\s+(den|toi))?(\s+nam)?\s*$/;

// Patterns run on folded text (no diacritics, lower case), offsets unchanged.
const RULES: Rule[] = [
  {
    re: /(?:ngay\s+)?(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/g,
    make: (m) => {
      const v = iso(+m[1]!, +m[2]!, +m[3]!);
      return v ? { kind: 'date', value: v, relation: 'in' } : null;
    },
  },
  {
    re: /ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})/g,
    make: (m) => {
      const v = iso(+m[1]!, +m[2]!, +m[3]!);
      return v ? { kind: 'date', value: v, relation: 'in' } : null;
    },
  },
  {
    re: /quy\s+(iv|iii|ii|i|[1-4])\s*(?:\/|nam\s+|-\s*)(\d{4})/g,
    make: (m) => ({ kind: 'quarter', value: `${m[2]}-Q${ROMAN[m[1]!] ?? m[1]}`, relation: 'by' }),
  },
  {
    re: /thang\s+(\d{1,2})\s*(?:\/|nam\s+)(\d{4})/g,
    make: (m) =>
      +m[1]! >= 1 && +m[1]! <= 12
        ? { kind: 'month', value: `${m[2]}-${m[1]!.padStart(2, '0')}`, relation: 'by' }
        : null,
  },
  {
    re: /(?:giai doan\s+|tu nam\s+)?(\d{4})\s*(?:-|–|den nam|den)\s*(\d{4})/g,
    make: (m) => (+m[1]! < +m[2]! ? { kind: 'range', value: `${m[1]}/${m[2]}`, relation: 'in' } : null),
  },
  {
    re: /(?:(?:den|truoc|trong|cuoi|dau)\s+)?nam\s+(\d{4})/g,
    make: (m) => ({ kind: 'year', value: m[1]!, relation: /^(den|truoc|cuoi)/.test(m[0]) ? 'by' : 'in' }),
  },
  {
    re: /(?:dinh ky\s+)?(?:hang|hàng)\s+nam/g,
    make: () => ({ kind: 'recurrence', value: 'yearly', relation: 'in' }),
  },
  {
    re: /(?:dinh ky\s+|hang\s+)?(?:6|sau)\s+thang(?!\s+(?:dau|cuoi)\s+nam\s+\d)/g,
    make: () => ({ kind: 'recurrence', value: 'half-yearly', relation: 'in' }),
  },
  {
    re: /(?:dinh ky\s+)?hang\s+quy/g,
    make: () => ({ kind: 'recurrence', value: 'quarterly', relation: 'in' }),
  },
  {
    re: /(?:dinh ky\s+)?hang\s+thang/g,
    make: () => ({ kind: 'recurrence', value: 'monthly', relation: 'in' }),
  },
  { re: /thuong xuyen/g, make: () => ({ kind: 'recurrence', value: 'continuous', relation: 'in' }) },
];

/**
 * Finds time expressions in `text` (a slice of the source starting at `offset`). Overlapping
 * matches keep the earliest, longest one; spans inside `exclude` (e.g. a cited document's date) are skipped.
 */
export function findTimes(text: string, offset = 0, exclude: Span[] = []): TimeExpression[] {
  const f = foldKeepOffsets(text);
  const found: TimeExpression[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(f); m; m = rule.re.exec(f)) {
      const start = m.index;
      const end = start + m[0].length;
      // Word boundaries: not inside a longer number or word.
      if (/[a-z0-9]/.test(f[start - 1] ?? ' ') || /[0-9]/.test(f[end] ?? ' ')) continue;
      const made = rule.make(m);
      if (!made) continue;
      const abs: Span = [offset + start, offset + end];
      if (exclude.some(([a, b]) => abs[0] < b && a < abs[1])) continue;
      // A cited document's date ("Nghị quyết số 115/2020/QH14 ngày 19/6/2020") is not a deadline.
      if (
        made.kind === 'date' &&
        exclude.some(([, b]) => b <= abs[0] && CITED_DATE_GAP.test(f.slice(b - offset, start)))
      )
        continue;
      if (VISION_BEFORE.test(f.slice(Math.max(0, start - 30), start))) continue;
      if (found.some((t) => t.span[0] < abs[1] && abs[0] < t.span[1])) continue;
      let relation = made.relation;
      if (BEFORE.test(f.slice(Math.max(0, start - 25), start).trimEnd() + ' ')) relation = 'before';
      if (/(truoc|cham nhat)\s*$/.test(f.slice(Math.max(0, start - 20), start))) relation = 'before';
      found.push({ ...made, relation, text: text.slice(start, end), span: abs });
    }
  }
  return found.sort((a, b) => a.span[0] - b.span[0]);
}

const DEADLINE_PREFERENCE: TimeExpression['kind'][] = [
  'date',
  'month',
  'quarter',
  'year',
  'range',
  'recurrence',
];

/** The deadline of a task: a "before" date first, then the most precise expression. */
export function pickDeadline(times: TimeExpression[]): TimeExpression | null {
  if (times.length === 0) return null;
  const before = times.find((t) => t.relation === 'before');
  if (before) return before;
  for (const k of DEADLINE_PREFERENCE) {
    const t = times.find((x) => x.kind === k);
    if (t) return t;
  }
  return times[0]!;
}
