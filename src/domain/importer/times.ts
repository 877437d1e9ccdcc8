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

/** "05-31" from day and month, when the day exists in some year (29/02 included). */
function monthDay(d: number, m: number): string | null {
  return iso(d, m, 2000) ? `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null;
}

/**
 * Parses a written date: "18/4/2022", "18-4-2022", "18.4.2022", "ngày 09 tháng 11 năm 2022" (also
 * across a line break).
 */
export function parseVnDate(s: string): string | null {
  const f = foldKeepOffsets(s);
  let m = /(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})/.exec(f);
  if (m) return iso(+m[1]!, +m[3]!, +m[4]!);
  m = /(\d{1,2})\s+thang\s+(\d{1,2})\s*(?:,\s*)?nam\s+(\d{4})/.exec(f);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  return null;
}

type Made = Omit<TimeExpression, 'text' | 'span'>;

interface Rule {
  re: RegExp;
  make(m: RegExpExecArray, f: string): Made | null;
}

/** Words before an expression that make it a limit not to pass: "trước ngày …", "chậm nhất là ngày …". */
const BEFORE = /(truoc|cham nhat(\s+la)?|khong muon hon)\s*(ngay\s*)?$/;

/** A document number in folded text: "115/2020/qh14", "49-ct /tw", "364/ttr-bng-\nnvvh". */
const NUMBER_F =
  /\d{1,5}\s*(?:\/\s*\d{4}\s*)?[-/]\s*[a-z]{1,8}\d{0,3}(?:\s*[-/]\s*[a-z0-9]{1,10}){0,3}(?![a-z0-9])|\bde an\s+(?:so\s+)?\d{1,3}(?![\d/])/g;
/** What may stand between a cited document and its date: "(khóa XIII)", "của Ban Bí thư", "ban hành". */
const CITED_DATE_GAP =
  /^[\s,]*(?:\([^()]{0,80}\)[\s,]*)?(?:cua\s+[a-z ,\n]{2,70}?\s*)?(?:ban hanh\s*)?(?:ngay\s*)?$/;
/** Words that make the gap a task's own wording, not a citation: "…/NQ-CP, hoàn thành trước ngày …". */
const DEADLINE_WORDS =
  /\b(truoc|cham nhat|hoan thanh|xong|thoi han|trong|den|hang (?:nam|quy|thang)|dinh ky)\b/;
/** A law cited by name just before (original text): "Luật Tổ chức Chính phủ ", "Luật bảo hiểm y tế ". */
const LAW_BEFORE = /(?<!\p{L})Luật\s+([\p{L} ,\n]{2,90}?)\s*(?:ngày\s*)?$/u;

/** The date starting at `start` is the date of a document cited right before it. */
function citedDateBefore(text: string, f: string, start: number, exclude: Span[], offset: number): boolean {
  const from = Math.max(0, start - 160);
  const fb = f.slice(from, start);
  const gapOk = (gap: string) => CITED_DATE_GAP.test(gap) && !DEADLINE_WORDS.test(gap);
  let lastEnd = -1;
  NUMBER_F.lastIndex = 0;
  for (let m = NUMBER_F.exec(fb); m; m = NUMBER_F.exec(fb)) lastEnd = m.index + m[0].length;
  if (lastEnd >= 0 && gapOk(fb.slice(lastEnd))) return true;
  for (const [, b] of exclude)
    if (b - offset <= start && b - offset >= from && gapOk(f.slice(b - offset, start))) return true;
  const law = LAW_BEFORE.exec(text.slice(from, start));
  return !!law && !DEADLINE_WORDS.test(foldKeepOffsets(law[1]!));
}
/** A vision horizon is not a deadline: "tầm nhìn đến năm 2050", "định hướng đến năm 2045". */
const VISION_BEFORE = /(tam nhin|dinh huong)(\s+(den|toi))?(\s+nam)?\s*$/;
/** The Official Gazette's running header: "CÔNG BÁO/Số 286/Ngày 27-05-2026". */
const GAZETTE_BEFORE = /cong bao\s*\/\s*so\s*\d+\s*\/\s*$/;

const QUARTER = '(iv|iii|ii|i|[1-4])';
const QUARTER_LIST = new RegExp(
  `(?:(?:xong |hoan thanh )?trong\\s+|tu\\s+)?quy\\s+${QUARTER}((?:\\s*(?:,|va|-|–|den)\\s*(?:quy\\s+)?${QUARTER})*)\\s*(?:\\/|,?\\s*nam\\s+|-\\s*)(\\d{4})`,
  'g',
);
const quarterOf = (s: string) => ROMAN[s] ?? +s;

// Patterns run on folded text (no diacritics, lower case), offsets unchanged. Every match is a
// candidate; the earliest, then longest, candidates win (see findTimes).
const RULES: Rule[] = [
  {
    // "ngày 30/6/2026", "30-6-2026", "30.6.2026"
    re: /(?:ngay\s+)?(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})/g,
    make: (m) => {
      const v = iso(+m[1]!, +m[3]!, +m[4]!);
      return v ? { kind: 'date', value: v, relation: 'in' } : null;
    },
  },
  {
    // "ngày 30 tháng 6 năm 2026"
    re: /ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s*(?:,\s*)?nam\s+(\d{4})/g,
    make: (m) => {
      const v = iso(+m[1]!, +m[2]!, +m[3]!);
      return v ? { kind: 'date', value: v, relation: 'in' } : null;
    },
  },
  {
    // "trước ngày 31/12 hằng năm", "trước ngày 01 tháng 12 hằng năm", "trước ngày 31/01 năm liền kề"
    re: /(?:(?:dinh ky|hang nam)\s+)?(?:truoc\s+)?ngay\s+(\d{1,2})\s*(?:\/|thang\s+)\s*(\d{1,2})(?:\s+cua)?\s+(?:hang|moi)\s+nam|(?:truoc\s+)?ngay\s+(\d{1,2})\s*(?:\/|thang\s+)\s*(\d{1,2})\s+nam\s+(?:lien ke|tiep theo|sau)/g,
    make: (m) => {
      const md = monthDay(+(m[1] ?? m[3])!, +(m[2] ?? m[4])!);
      return md ? { kind: 'recurrence', value: `yearly:${md}`, relation: 'before' } : null;
    },
  },
  {
    // "định kỳ hằng năm báo cáo … trước ngày 31 tháng 12": a day without a year after "hằng năm"
    re: /(?:truoc\s+)?ngay\s+(\d{1,2})\s*(?:\/|thang\s+)\s*(\d{1,2})(?!\s*(?:[/.-]|,?\s*nam)\s*\d)(?![\d/])/g,
    make: (m, f) => {
      const md = monthDay(+m[1]!, +m[2]!);
      const sentence = f
        .slice(Math.max(0, m.index - 160), m.index)
        .split(/[.;]/)
        .pop()!;
      return md && /(hang|moi) nam/.test(sentence)
        ? { kind: 'recurrence', value: `yearly:${md}`, relation: 'before' }
        : null;
    },
  },
  {
    // "trong tháng 01 hằng năm": by the end of that month every year
    re: /(?:trong\s+)?thang\s+(\d{1,2})\s+(?:hang|moi)\s+nam/g,
    make: (m) => {
      const mo = +m[1]!;
      if (mo < 1 || mo > 12) return null;
      const last = new Date(Date.UTC(2001, mo, 0)).getUTCDate();
      return { kind: 'recurrence', value: `yearly:${monthDay(last, mo)}`, relation: 'by' };
    },
  },
  {
    // "trước ngày 05 của tháng liền kề", "trước ngày 25 hằng tháng"
    re: /(?:truoc\s+)?ngay\s+\d{1,2}\s+(?:cua\s+)?(?:thang\s+(?:lien ke|tiep theo|sau)|hang thang)/g,
    make: () => ({ kind: 'recurrence', value: 'monthly', relation: 'before' }),
  },
  {
    // "Từ quý III/2026 đến quý III/2030": the period ends with the last quarter
    re: new RegExp(
      `(?:tu\\s+)?quy\\s+${QUARTER}\\s*(?:\\/|,?\\s*nam\\s+)(\\d{4})\\s*(?:den|-|–)\\s*(?:het\\s+)?quy\\s+${QUARTER}\\s*(?:\\/|,?\\s*nam\\s+)(\\d{4})`,
      'g',
    ),
    make: (m) =>
      +m[4]! >= +m[2]! ? { kind: 'quarter', value: `${m[4]}-Q${quarterOf(m[3]!)}`, relation: 'by' } : null,
  },
  {
    // "Quý II/2026", "trong quý II năm 2026", "Quý III, IV/2026", "quý I và II năm 2027": the last quarter named
    re: QUARTER_LIST,
    make: (m) => {
      const qs = [m[1]!, ...[...m[2]!.matchAll(/(iv|iii|ii|i|[1-4])(?![a-z])/g)].map((x) => x[1]!)];
      return { kind: 'quarter', value: `${m[4]}-Q${Math.max(...qs.map(quarterOf))}`, relation: 'by' };
    },
  },
  {
    // "6 tháng đầu năm 2026", "sáu tháng cuối năm 2026"
    re: /(?:6|sau)\s+thang\s+(dau|cuoi)\s+nam\s+(\d{4})/g,
    make: (m) => ({ kind: 'month', value: `${m[2]}-${m[1] === 'dau' ? '06' : '12'}`, relation: 'by' }),
  },
  {
    // "Tháng 6/2026", "trong tháng 6 năm 2026", "tháng 12-2025"
    re: /(?:(?:xong |hoan thanh )?trong\s+|tu\s+)?thang\s+(\d{1,2})\s*(?:\/|-|,?\s*nam\s+)\s*(\d{4})/g,
    make: (m) =>
      +m[1]! >= 1 && +m[1]! <= 12
        ? { kind: 'month', value: `${m[2]}-${m[1]!.padStart(2, '0')}`, relation: 'by' }
        : null,
  },
  {
    // A bare month in a deadline column: "12/2028" (not "11/2025/NĐ-CP", not a day "30/6/2026")
    re: /(?<![\d/.-]\s*)(\d{1,2})\s*\/\s*(\d{4})(?!\s*[/-]\s*[a-z0-9])/g,
    make: (m) =>
      +m[1]! >= 1 && +m[1]! <= 12
        ? { kind: 'month', value: `${m[2]}-${m[1]!.padStart(2, '0')}`, relation: 'by' }
        : null,
  },
  {
    // "Năm 2026 và các năm tiếp theo": from that year on, every year
    re: /(?:tu\s+)?nam\s+(\d{4})\s+va\s+(?:cac|nhung)\s+nam\s+(?:tiep theo|sau|ke tiep)/g,
    make: () => ({ kind: 'recurrence', value: 'yearly', relation: 'in' }),
  },
  {
    // "Giai đoạn 2026 - 2030", "2026–2027", "Năm 2026-2027", "từ năm 2026 đến năm 2030"
    re: /(?:giai doan\s+|(?:tu\s+)?nam\s+|thoi ky\s+)?(\d{4})\s*(?:-|–|—|den nam|den)\s*(?:nam\s+)?(\d{4})/g,
    make: (m) => (+m[1]! < +m[2]! ? { kind: 'range', value: `${m[1]}/${m[2]}`, relation: 'in' } : null),
  },
  {
    re: /(?:(?:den|truoc|trong|cuoi|dau|tu|vao|xong trong|hoan thanh trong)\s+)?nam\s+(\d{4})/g,
    make: (m) => ({
      kind: 'year',
      value: m[1]!,
      relation: /^(den|truoc|cuoi|xong|hoan thanh)/.test(m[0]) ? 'by' : 'in',
    }),
  },
  {
    re: /(?:dinh ky\s+)?hang\s+nam/g,
    make: () => ({ kind: 'recurrence', value: 'yearly', relation: 'in' }),
  },
  {
    re: /(?:dinh ky\s+|hang\s+)?(?:6|sau)\s+thang(?:\s+(?:mot lan|\/\s*lan|1 lan))?(?!\s+(?:dau|cuoi)\s+nam\s+\d)/g,
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

/** A horizon right after: the expression ends a name ("Quy hoạch tỉnh … thời kỳ 2021 - 2030, tầm nhìn đến năm 2050"). */
const HORIZON_AFTER = /^\s*,?\s*(tam nhin|dinh huong)\s+(den|toi)?\s*(nam\s+)?\d{4}/;
/** A cited document's subject, up to here: "… 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ về … giai đoạn 2021 - 2030". */
const CITED_SUBJECT = /^[^.;:]{0,120}?\s(ve|ban hanh)\s[^.;:]*$/;
/** "chi thường xuyên", "vùng thường xuyên bị …", "chủ động, thường xuyên lãnh đạo": a word of the sentence, not a deadline. */
const CONTINUOUS_ALONE_BEFORE = /(^|[.;:!?]|^\s*[-+•*–]|\b[a-zđ]\)|\b\d+\.|thuc hien|to chuc|trien khai)\s*$/;
const CONTINUOUS_ALONE_AFTER =
  /^\s*(?:$|[.;]|,?\s*(?:lien tuc|hang nam|hang quy|hang thang|trong|khi|theo)\b)/;
/** "kế hoạch … hằng năm", "chương trình … hằng năm và dài hạn": the kind of plan, not when the task falls due. */
const PLAN_OF_THE_YEAR = /(ke hoach|chuong trinh|nghi quyet|du toan)[a-z ,-]{0,60}$/;

/** Time words that are part of what the sentence says, not when the task falls due. */
function notADeadline(
  made: Made,
  f: string,
  start: number,
  end: number,
  length: number,
  exclude: Span[],
  offset: number,
): boolean {
  const before = f.slice(Math.max(0, start - 200), start);
  if (HORIZON_AFTER.test(f.slice(end, end + 30))) return true;
  // A period inside the subject of a document cited in the same sentence ("… về đẩy mạnh … Chương
  // trình tổng thể cải cách hành chính giai đoạn 2021 - 2030"). A year ("… của Đảng đến năm 2030")
  // is still read: the seed's golden test keeps it.
  if (made.kind === 'range') {
    let lastEnd = -1;
    NUMBER_F.lastIndex = 0;
    for (let m = NUMBER_F.exec(before); m; m = NUMBER_F.exec(before)) lastEnd = m.index + m[0].length;
    for (const [, b] of exclude) {
      const rel = b - offset - (start - before.length);
      if (rel >= 0 && rel <= before.length) lastEnd = Math.max(lastEnd, rel);
    }
    if (lastEnd >= 0 && CITED_SUBJECT.test(before.slice(lastEnd))) return true;
  }
  if (made.value === 'continuous') {
    return !CONTINUOUS_ALONE_BEFORE.test(before) && !CONTINUOUS_ALONE_AFTER.test(f.slice(end, end + 30));
  }
  if (made.value === 'yearly' && /^(dinh ky\s+)?hang nam$|^hang nam$/.test(f.slice(start, end))) {
    if (PLAN_OF_THE_YEAR.test(before.split(/[.;:]/).pop()!) || /^\s*va dai han/.test(f.slice(end, end + 15)))
      return true;
  }
  // "từ năm 2027" in a sentence: when it starts, not when it is due (a short deadline cell keeps it).
  if (/^tu\s/.test(f.slice(start, end)) && length > 60) return true;
  return false;
}

/** A deadline cell holding only a year: "2026", "Năm 2026." */
const BARE_YEAR = /^\s*(\d{4})\s*[.;]?\s*$/;

/**
 * Finds time expressions in `text` (a slice of the source starting at `offset`). Overlapping
 * matches keep the earliest, then longest one. Not read as a deadline: anything inside `exclude`
 * (the cited documents' spans), a date written right after a cited document's number, even when the
 * caller passes no spans ("Nghị quyết số 03/NQ-CP ngày 09/01/2025", "Luật … ngày 18 tháng 02 năm
 * 2025"), a vision horizon ("tầm nhìn đến năm 2050") and the Official Gazette's running header.
 */
export function findTimes(text: string, offset = 0, exclude: Span[] = []): TimeExpression[] {
  const f = foldKeepOffsets(text);
  /** `drop`: read, but not a deadline (a cited document's date, a vision year): it still hides what it covers. */
  const candidates: (Made & { start: number; end: number; drop?: boolean })[] = [];
  const bare = BARE_YEAR.exec(f);
  if (bare) {
    const start = f.indexOf(bare[1]!);
    candidates.push({ kind: 'year', value: bare[1]!, relation: 'in', start, end: start + 4 });
  }
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(f); m; m = rule.re.exec(f)) {
      const start = m.index;
      const end = start + m[0].replace(/\s+$/, '').length;
      // Word boundaries: not inside a longer number or word.
      if (/[a-z0-9]/.test(f[start - 1] ?? ' ') || /[0-9a-z]/.test(f[end] ?? ' ')) continue;
      const made = rule.make(m, f);
      if (!made) continue;
      const abs: Span = [offset + start, offset + end];
      const drop = (): void => void candidates.push({ ...made, start, end, drop: true });
      if (exclude.some(([a, b]) => abs[0] < b && a < abs[1])) {
        drop();
        continue;
      }
      const before = f.slice(Math.max(0, start - 160), start);
      // A cited document's date ("Nghị quyết số 115/2020/QH14 ngày 19/6/2020") is not a deadline.
      if (
        (made.kind === 'date' || /^ngay/.test(m[0])) &&
        (citedDateBefore(text, f, start, exclude, offset) || GAZETTE_BEFORE.test(before))
      ) {
        drop();
        continue;
      }
      if (
        VISION_BEFORE.test(f.slice(Math.max(0, start - 30), start)) ||
        notADeadline(made, f, start, end, text.length, exclude, offset)
      ) {
        drop();
        continue;
      }
      let relation = made.relation;
      if (BEFORE.test(f.slice(Math.max(0, start - 25), start).trimEnd() + ' ')) relation = 'before';
      if (/(truoc|cham nhat)/.test(m[0].slice(0, 12))) relation = 'before';
      candidates.push({ ...made, relation, start, end });
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const found: TimeExpression[] = [];
  let last = -1;
  for (const c of candidates) {
    if (c.start < last) continue;
    last = c.end;
    if (c.drop) continue;
    found.push({
      kind: c.kind,
      value: c.value,
      relation: c.relation,
      text: text.slice(c.start, c.end),
      span: [offset + c.start, offset + c.end],
    });
  }
  return found;
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
