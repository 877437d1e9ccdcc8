/**
 * Tables whose cells sit one per line — the Official Gazette's text and PDF-to-text give a table as
 * its header cells, then for each row its TT, then the lines of each cell in column order, with no
 * mark where one cell ends and the next begins; a narrow column wraps after every word or two. Pure.
 *
 * Reading rules:
 * - The header starts at a line "TT" / "STT"; its lines are grouped into column names so that every
 *   group is a known column ("Cơ quan" + "chủ trì" → lead), as many groups as possible.
 * - A row starts at its TT value on a line of its own ("1", "1.", "II"), numbered in sequence; a Roman
 *   TT (or "I. Title") is a group row, its text the group's title.
 * - A row's lines are cut into cells in column order: a cell starts on a line that begins with a
 *   capital or a digit, after a line that does not end with a comma or a joining word; the task column
 *   is the wide one (its lines are long); lead and cooperating cells name bodies; the deadline cell
 *   holds a time. Among the possible cuts the best scoring one is kept.
 * - A row broken by a page break is one row: each page's part is cut into cells on its own and the
 *   parts joined cell by cell. The header repeated after a page break is skipped.
 */
import { foldKeepOffsets } from './normalize.js';
import { ROMAN_NUMERALS, ROMAN_RE } from '../roman.js';

export interface CellLine {
  start: number;
  end: number;
  text: string;
  /** A page break (furniture) lies between this line and the one before. */
  pageBreak: boolean;
  /** Blank lines between this line and the one before (no page break between): an empty cell. */
  blankBefore?: number;
}

export interface CellRow {
  tt: string;
  group: boolean;
  /** Column name → text (header columns; 'tt' omitted). */
  cells: Record<string, string>;
  start: number;
  end: number;
  /** Unnumbered sub-rows ("-" in the TT or task column) each with its own lead: the row is their heading. */
  subRows?: { cells: Record<string, string>; start: number; end: number }[];
}

export interface CellTable {
  columns: string[];
  headerEnd: number;
  rows: CellRow[];
  /** Lines of repeated headers (skipped). */
  repeated: { start: number; end: number }[];
  /** Lines before the table's header (title lines). */
  consumedUntil: number;
}

const TT_HEADER_RE = /^(S\s?TT|Số\s*TT|TT)\.?$/iu;
const ROW_TT_RE = /^(\d{1,3}|[IVX]{1,6})\s*[.)]?$/u;
const ROW_INLINE_RE = /^(\d{1,3})[.)]?\s+(\p{Lu}.*)$/u;
const GROUP_INLINE_RE = /^([IVX]{1,6})[.)]?\s+(\p{Lu}.*)$/u;

const BODY_START_RE =
  /^(Sở|Ban|Bộ|Ủy|Uỷ|UBND|HĐND|Cục|Chi cục|Tổng cục|Phòng(?=\s+\p{Lu})|Văn phòng|Đảng|Hội|Viện|Tòa|Toà|Công an|Thanh tra|Trung tâm|Liên|Mặt trận|Đoàn|Kho bạc|Ngân hàng|Bảo hiểm|Học viện|Trường|Cơ quan|Cơ sở|Các|Chính phủ|Thủ tướng|Đài|Báo|Thông tấn|Tập đoàn|Tổng công ty|Kiểm toán|Quốc hội|Vụ|Thuế|BHXH|NHNN|TTXVN|VTV|VOV|Tỉnh|Thành)/u;
const TIME_RE =
  /(thường xuyên|đã hoàn thành|hoàn thành|hằng năm|hàng năm|hằng quý|hàng quý|định kỳ|năm\s*\d{4}|quý\s*[IV1-4]|tháng\s*\d|\b\d{4}\b|trước ngày|giai đoạn|kịp thời|liên tục|theo (kế hoạch|tiến độ|yêu cầu))/iu;
/** A line ending with these cannot end a cell. */
const JOINING_END_RE =
  /(,|;|-|–|\/|\(|&|\((?:[ivx]{1,4}|\d{1,2}|[a-zđ])\)|(?<![\p{L}])(và|các|của|về|ở|với|cho|theo|trong|tại|có|được|là|để|những|cơ|ban|nhân|bộ|sở|ủy|uỷ|cục|tổ|hội|vụ|thông|ngành|phát|khoa|công|quốc|trung|tài|nội|ngoại|xây|kế|nông|văn|y|giáo|lao|thanh|kiểm|từ|đến|quý|tháng|năm|trước|sau)|(?<![\p{L}])(?<!(?:chương|quy|lộ|công|quá|tờ|giáo|đệ)\s)trình)$/iu;
/** Kinds of document a product cell names ("Nghị định của Chính phủ", "Đề án/kế hoạch triển khai"). */
const PRODUCT_START_RE =
  /^(Nghị định|Nghị quyết|Quyết định|Thông tư|Chỉ thị|Luật|Đề án|Báo cáo|Kế hoạch|Chương trình|Văn bản|Tờ trình|Hướng dẫn|Các văn bản|Công văn|Các hoạt động|Hoạt động|Hội nghị|Bộ tiêu chí|Hệ thống|Cơ sở dữ liệu|Dự thảo|Đề xuất|Chiến lược|Quy chế|Quy định|Quy hoạch|Sổ tay|Tài liệu)/u;
/** A time written at the end of another column's line ("… văn bản phối hợp Thường xuyên"). */
const GLUED_TIME_RE =
  /^(.*[\p{L}\d.,;)])\s+((?:Thường xuyên|Hằng năm|Hàng năm|Hằng quý|Hàng quý|Định kỳ|Đã hoàn thành|Hoàn thành)\b.*|(?:Năm|Quý|Tháng|Trước|Giai đoạn)\s+[\dIVX][\d/IVX\s\-–]*)$/u;
/** A body named at the end of a wide line ("… theo lộ trình phù hợp Bộ Y tế"). */
const GLUED_BODY_RE = /^(.*\p{Ll}[,.;]?)\s+((?:Bộ|Sở|Ủy ban|Uỷ ban|UBND|Ban|Cục)\s+\p{Lu}[\p{L}\s&,]*)$/u;
/** An acronym line ("PCPNN,", "TTXVN") rarely starts a cell. */
const ACRONYM_RE = /^(?!UBND|HĐND|BHXH|NHNN|TTXVN|VTV|VOV|MTTQ)[\p{Lu}]{3,}\b/u;

/** A cell that starts by naming a body: "Bộ Ngoại giao", "Các bộ, ngành" — not "Các chương trình". */
function namesBody(text: string): boolean {
  if (!BODY_START_RE.test(text)) return false;
  const m = /^(?:Các|Những)\s+(\p{L}+)/u.exec(text);
  return (
    !m ||
    /^(bộ|sở|ban|ngành|cơ|đơn|tổ|địa|tỉnh|thành|cấp|huyện|xã|phường|quận|doanh|hội|trường|viện|ủy|uỷ|tập|tổng|ngân|cục|vụ|chi|lực|đài|báo|lực|nhà|quỹ|bệnh)$/iu.test(
      m[1]!,
    )
  );
}

/** Folded column name of a header text (same names as parse.ts). */
export type ColumnOf = (header: string) => string | null;

function startsCell(text: string): boolean {
  return /^[\p{Lu}\d"“(]/u.test(text);
}

/** Groups header lines into column names: every group known, as many groups as possible. */
export function headerColumns(texts: string[], columnOf: ColumnOf): string[] | null {
  return headerGroups(texts, columnOf)?.map((g) => g.col) ?? null;
}

/** The same grouping, with each group's text ("Cơ quan chủ trì" → lead). */
export function headerGroups(texts: string[], columnOf: ColumnOf): { col: string; text: string }[] | null {
  const n = texts.length;
  // best[i] = the most groups for texts[i..]
  const best: { count: number; groups: { col: string; text: string }[] }[] = [];
  best[n] = { count: 0, groups: [] };
  for (let i = n - 1; i >= 0; i--) {
    if (!startsCell(texts[i]!)) continue;
    for (let j = i + 1; j <= n && j - i <= 5; j++) {
      const rest = best[j];
      if (!rest) continue;
      const text = texts.slice(i, j).join(' ');
      const col = columnOf(text);
      if (!col || rest.groups.some((g) => g.col === col)) continue;
      if (!best[i] || rest.count + 1 > best[i]!.count)
        best[i] = { count: rest.count + 1, groups: [{ col, text }, ...rest.groups] };
    }
  }
  return best[0] && best[0].groups.some((g) => g.col === 'task') ? best[0].groups : null;
}

function nextRoman(r: string | null): string {
  if (!r) return 'I';
  return ROMAN_NUMERALS[ROMAN_NUMERALS.indexOf(r as (typeof ROMAN_NUMERALS)[number]) + 1] ?? '';
}

/**
 * Reads a one-cell-per-line table starting at `lines[from]` (the TT header line). Returns null when
 * the lines are not such a table.
 */
export function readCellLines(
  lines: CellLine[],
  from: number,
  columnOf: ColumnOf,
  inBody = false,
): CellTable | null {
  if (!TT_HEADER_RE.test(lines[from]?.text ?? '')) return null;
  // Header: lines up to the first row start.
  let h = from + 1;
  while (
    h < lines.length &&
    h - from < 25 &&
    !ROW_TT_RE.test(lines[h]!.text) &&
    !GROUP_INLINE_RE.test(lines[h]!.text)
  )
    h++;
  const headerTexts = lines.slice(from + 1, h).map((l) => l.text);
  const cols = headerColumns(headerTexts, columnOf);
  if (!cols) return null;
  const columns = ['tt', ...cols];
  const headerKey = headerTexts.map((t) => foldKeepOffsets(t)).join(' ');

  // Rows.
  interface Chunk {
    tt: string;
    group: boolean;
    title: string | null;
    lines: CellLine[];
    start: number;
    end: number;
  }
  const chunks: Chunk[] = [];
  const repeated: { start: number; end: number }[] = [];
  let lastNo = 0;
  let afterGroup = true;
  let lastRoman: string | null = null;
  let i = h;
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    // A section heading ("III. TỔ CHỨC THỰC HIỆN") or the closing ends a table inside the body.
    if (
      inBody &&
      (/^[IVX]{1,5}\.\s+\p{Lu}{2,}(\s+\p{Lu}+)*[\s,\p{Lu}]*$/u.test(l.text) ||
        /^(Nơi nhận|Trên đây)/u.test(l.text))
    )
      break;
    // The header repeated on a new page.
    if (TT_HEADER_RE.test(l.text) && l.pageBreak) {
      let k = i + 1;
      const texts: string[] = [];
      while (k < lines.length && texts.length < headerTexts.length)
        texts.push(foldKeepOffsets(lines[k++]!.text));
      if (texts.join(' ') === headerKey) {
        repeated.push({ start: l.start, end: lines[k - 1]!.end });
        // The row goes on after the repeated header as after a page break.
        if (lines[k]) lines[k] = { ...lines[k]!, pageBreak: true };
        i = k - 1;
        continue;
      }
    }
    const numbered = ROW_INLINE_RE.exec(l.text);
    const tt =
      ROW_TT_RE.exec(l.text)?.[1] ?? (numbered && +numbered[1]! === lastNo + 1 ? numbered[1] : undefined);
    const inline = GROUP_INLINE_RE.exec(l.text);
    const roman = tt && ROMAN_RE.test(tt) ? tt : inline && ROMAN_RE.test(inline[1]!) ? inline[1]! : null;
    if (roman && roman === nextRoman(lastRoman)) {
      lastRoman = roman;
      afterGroup = true;
      chunks.push({
        tt: roman,
        group: true,
        title: inline ? inline[2]! : null,
        lines: [],
        start: l.start,
        end: l.end,
      });
      continue;
    }
    // Numbers run on across group rows or start again at 1 under each.
    if (tt && /^\d+$/.test(tt) && (+tt === lastNo + 1 || (+tt === 1 && afterGroup))) {
      lastNo = +tt;
      afterGroup = false;
      // "10. Xây dựng Luật …": the task's first line shares the line with its number.
      const first = numbered && !ROW_TT_RE.test(l.text) ? numbered[2]! : null;
      const lines = first ? [{ ...l, start: l.end - first.length, text: first, pageBreak: false }] : [];
      chunks.push({ tt, group: false, title: null, lines, start: l.start, end: l.end });
      continue;
    }
    const cur = chunks[chunks.length - 1];
    if (!cur) return null;
    cur.lines.push(l);
    cur.end = l.end;
  }
  if (!chunks.some((c) => !c.group)) return null;

  const rows: CellRow[] = chunks.map((c) => {
    if (c.group) {
      const title = [c.title, ...c.lines.map((l) => l.text)].filter(Boolean).join(' ');
      return { tt: c.tt, group: true, cells: { task: title }, start: c.start, end: c.end };
    }
    // A note written across the whole table after the row (a blank, its TT cell, then lines wider
    // than any column) belongs to the row as its note.
    const note = noteLines(c.lines);
    if (note) {
      const cells = cutRow(c.lines.slice(0, c.lines.length - note.length), cols);
      cells.note = [cells.note, ...note.map((l) => l.text)].filter(Boolean).join(' ');
      return { tt: c.tt, group: false, cells, start: c.start, end: c.end };
    }
    // "-" lines part the row into its heading and unnumbered sub-rows.
    const dashes = c.lines.flatMap((l, k) => (/^[-–]$/u.test(l.text) ? [k] : []));
    if (dashes.length === 0)
      return { tt: c.tt, group: false, cells: cutRow(c.lines, cols), start: c.start, end: c.end };
    const head = c.lines.slice(0, dashes[0]);
    const subRows = dashes.map((d, k) => {
      const part = c.lines.slice(d + 1, dashes[k + 1] ?? c.lines.length);
      return {
        cells: cutRow(part, cols),
        start: c.lines[d]!.start,
        end: (part[part.length - 1] ?? c.lines[d]!).end,
      };
    });
    // A cell merged down over sub-rows is written once, in the first: carried to the next ones.
    for (let k = 1; k < subRows.length; k++)
      for (const col of cols)
        if (col !== 'task' && !subRows[k]!.cells[col] && subRows[k - 1]!.cells[col])
          subRows[k]!.cells[col] = subRows[k - 1]!.cells[col]!;
    return {
      tt: c.tt,
      group: false,
      cells: cutRow(head, cols),
      start: c.start,
      end: head.length ? head[head.length - 1]!.end : c.end,
      subRows,
    };
  });
  return { columns, headerEnd: lines[h - 1]!.end, rows, repeated, consumedUntil: i };
}

/** The lines that end a row after a blank line, each (but the last) much wider than the row's others. */
function noteLines(lines: CellLine[]): CellLine[] | null {
  for (let b = lines.length - 1; b > 0; b--) {
    if (!lines[b]!.blankBefore || lines[b]!.pageBreak) continue;
    const before = Math.max(...lines.slice(0, b).map((l) => l.text.length));
    const rest = lines.slice(b);
    const wide = rest.every((l, k) => k === rest.length - 1 || l.text.length >= before * 1.5);
    return wide && rest[0]!.text.length >= before * 1.5 ? rest : null;
  }
  return null;
}

/** One line, or one of two pieces of a line that holds the end of one cell and the next cell. */
interface Piece {
  text: string;
  /** Blank lines before it: a cell left empty. */
  blank: number;
}

/**
 * Splits lines where a narrow column's text ran onto the line of the column before it: a time at the
 * end of a line ("Các hoạt động, văn bản phối hợp Thường xuyên"), a body at the end of a wide line
 * ("… theo lộ trình phù hợp Bộ Y tế"). The pieces are only possible cuts: kept together they read
 * as the line.
 */
function pieces(part: CellLine[]): Piece[] {
  const wide = Math.max(30, ...part.map((l) => l.text.length));
  return part.flatMap((l, k): Piece[] => {
    const blank = k > 0 ? (l.blankBefore ?? 0) : 0;
    const t = GLUED_TIME_RE.exec(l.text);
    const b = GLUED_BODY_RE.exec(l.text);
    const at =
      t && !JOINING_END_RE.test(t[1]!)
        ? t
        : b && l.text.length >= wide * 0.55 && b[2]!.length <= 30 && !JOINING_END_RE.test(b[1]!)
          ? b
          : null;
    if (!at) return [{ text: l.text, blank }];
    return [
      { text: at[1]!, blank },
      { text: at[2]!, blank: 0 },
    ];
  });
}

/** Cuts a row's lines into cells, page part by page part. */
function cutRow(lines: CellLine[], cols: string[]): Record<string, string> {
  const parts: CellLine[][] = [];
  for (const l of lines) {
    if (parts.length === 0 || l.pageBreak) parts.push([]);
    parts[parts.length - 1]!.push(l);
  }
  const out: Record<string, string[]> = {};
  const widths = new Map<string, number>();
  parts.forEach((part, p) => {
    // Columns whose text stopped on a joining word before the page break go on after it.
    const open = new Set(
      Object.entries(out)
        .filter(([, v]) => JOINING_END_RE.test(v[v.length - 1]!.trim()))
        .map(([k]) => k),
    );
    // A body's name that stopped on a capitalised word may go on ("Ủy ban Công tác" / "về các tổ chức …").
    const named = new Set(
      Object.entries(out)
        .filter(
          ([k, v]) =>
            (k === 'lead' || k === 'cooperating') &&
            /(?:^|\s)\p{Lu}[\p{L}&]*$/u.test(v[v.length - 1]!.trim()),
        )
        .map(([k]) => k),
    );
    const ps = pieces(part);
    const lastWords = new Map(
      Object.entries(out).map(([k, v]) => [
        k,
        /(\p{L}+)\P{L}*$/u.exec(v[v.length - 1]!)?.[1]?.toLowerCase() ?? '',
      ]),
    );
    const ranges: [number, number][] = [];
    const cells = cutPart(ps, cols, p > 0, open, p < parts.length - 1, widths, ranges, named, lastWords);
    cells.forEach((c, k) => {
      if (c) (out[cols[k]!] ??= []).push(c);
    });
    // How wide each narrow column is, from the lines it got: its text after a page break is as wide.
    ranges.forEach(([a, b], k) => {
      for (let q = a; q < b; q++)
        widths.set(cols[k]!, Math.max(widths.get(cols[k]!) ?? 0, ps[q]!.text.length));
    });
  });
  return Object.fromEntries(
    Object.entries(out).map(([k, v]) => [k, v.join(' ').replace(/\s+/g, ' ').trim()]),
  );
}

function cellScore(
  col: string,
  texts: string[],
  wide: number,
  continued: boolean,
  open: boolean,
  width?: number,
): number {
  if (texts.length === 0) {
    // After a page break most cells have ended: only those left open go on.
    if (continued) return open ? -1.5 : -0.5;
    return col === 'task' ? -20 : col === 'lead' ? -4 : -1.5;
  }
  const text = texts.join(' ');
  let s = open ? 3 : 0;
  // A narrow column's lines after a page break are no wider than before it.
  if (width && col !== 'task') s -= 2 * texts.filter((t) => t.length > width + 2).length;
  const long = texts.filter((t, i) => i < texts.length - 1 && t.length >= wide * 0.55).length;
  const longAny = texts.filter((t) => t.length >= wide * 0.6).length;
  // The task column is the wide one: its lines are long but the last of a paragraph.
  const short = texts.filter((t, i) => i < texts.length - 1 && t.length < wide * 0.4).length;
  if (col === 'task') {
    s += long * 1.5 + (texts.length > 1 ? 1 : 0) - short * 1.5;
    // A short line naming a body after the task's last sentence is the lead's.
    const last = texts[texts.length - 1]!;
    if (
      texts.length > 1 &&
      /[.;]$/.test(texts[texts.length - 2]!.trim()) &&
      last.length < wide * 0.4 &&
      namesBody(last)
    )
      s -= 3;
  } else s -= longAny * 3;
  if (col === 'lead' || col === 'cooperating') {
    s += namesBody(text) ? 2 : -1;
    if (!namesBody(text) && PRODUCT_START_RE.test(text)) s -= 1.5;
    // A line inside the cell that starts another body after a closed line, or names a document (the
    // product's), starts the next cell.
    for (let i = 1; i < texts.length; i++) {
      if (PRODUCT_START_RE.test(texts[i]!) && !namesBody(texts[i]!)) s -= 2.5;
      else if (namesBody(texts[i]!) && !JOINING_END_RE.test(texts[i - 1]!.trim())) s -= 1;
    }
  }
  if (col === 'products' && PRODUCT_START_RE.test(text)) s += 1.5;
  if (col === 'deadline') {
    const head = texts.slice(0, 2).join(' ').slice(0, 30);
    const startsTime =
      /^(Năm|Quý|Tháng|Thường|Hằng|Hàng|Giai đoạn|Trong|Trước|Từ|Định kỳ|Xong|Hoàn thành|Đã hoàn thành|\d)/u.test(
        texts[0]!,
      );
    s += startsTime && TIME_RE.test(head) ? 3.5 : TIME_RE.test(head) ? 2 : TIME_RE.test(text) ? 0.5 : -2;
  }
  if (ACRONYM_RE.test(texts[0]!) && col !== 'task') s -= 1.5;
  if (col !== 'task' && texts.length > 0 && /[.]$/.test(texts[texts.length - 1]!)) s += 0.3;
  if (
    col !== 'deadline' &&
    col !== 'task' &&
    /^(Năm\s+\d{4}|Quý|Thường xuyên|Hằng năm|Hàng năm|Đã hoàn thành|\d{4})/u.test(text)
  )
    s -= 2;
  return s;
}

/** Two-syllable words of bodies and documents that a narrow column often breaks in two. */
const COMPOUNDS = new Set([
  'ủy ban',
  'uỷ ban',
  'cơ quan',
  'cơ sở',
  'nhân dân',
  'tổ chức',
  'đơn vị',
  'địa phương',
  'liên quan',
  'chính phủ',
  'chính quyền',
  'thành phố',
  'doanh nghiệp',
  'quốc gia',
  'trung ương',
  'ngoại giao',
  'tư pháp',
  'tài chính',
  'nội vụ',
  'công an',
  'y tế',
  'kế hoạch',
  'đề án',
  'báo cáo',
  'nghị định',
  'nghị quyết',
  'quyết định',
  'thông tư',
  'văn bản',
  'chương trình',
  'hướng dẫn',
]);
const firstWord = (t: string) => /^\P{L}*(\p{L}+)/u.exec(t)?.[1]?.toLowerCase() ?? '';

/** An empty cell where the text leaves a blank line (the gazette's mark of an empty cell). */
const BLANK_EMPTY_SCORE = 3.5;

/**
 * The best cut of one part of a row into the given columns (after TT). `more`: the row goes on after
 * a page break, so cells may stop on a joining word here.
 */
function cutPart(
  ps: Piece[],
  cols: string[],
  continued: boolean,
  open: Set<string>,
  more = false,
  widths?: Map<string, number>,
  ranges?: [number, number][],
  named?: Set<string>,
  lastWords?: Map<string, string>,
): string[] {
  const texts = ps.map((p) => p.text);
  const n = texts.length;
  const k = cols.length;
  const wide = Math.max(30, ...texts.map((t) => t.length));
  // A cut before line j is allowed when j starts a cell and line j-1 may end one.
  // After a page break a cell's text goes on in lower case: a cut may fall before any line there, at
  // a small cost.
  const can = (j: number) => j === 0 || j === n || continued || startsCell(texts[j]!);
  const lower = (e: number) => (e > 0 && e < n && !startsCell(texts[e]!) ? -0.5 : 0);
  // Cutting after a line that ends with a comma or a joining word is possible only at a cost: the
  // cell may go on after a page break (less when one follows).
  const pen = (e: number) =>
    e > 0 && e < n && JOINING_END_RE.test(texts[e - 1]!.trim()) ? (more ? -2 : -4) : 0;
  const blankAt = (j: number) => (j > 0 && j < n ? ps[j]!.blank : 0);
  const NEG = -Infinity;
  // dp[c][j]: best score placing columns c.. on lines j.., the cell before ending at j;
  // ne[c][j]: the same with cell c not empty (c = k: nothing left, j = n).
  const dp: number[][] = Array.from({ length: k + 1 }, () => Array<number>(n + 1).fill(NEG));
  const ne: number[][] = Array.from({ length: k + 1 }, () => Array<number>(n + 1).fill(NEG));
  const neCut: number[][] = Array.from({ length: k + 1 }, () => Array<number>(n + 1).fill(-1));
  /** How many columns from c on are left empty at j (0: cell c is not empty). */
  const run: number[][] = Array.from({ length: k + 1 }, () => Array<number>(n + 1).fill(0));
  ne[k]![n] = 0;
  dp[k]![n] = 0;
  const fillNe = (c: number) => {
    for (let j = n; j >= 0; j--) {
      if (!can(j)) continue;
      for (let e = j + 1; e <= n; e++) {
        if (!can(e) || dp[c + 1]![e] === NEG) continue;
        const v =
          cellScore(cols[c]!, texts.slice(j, e), wide, continued, open.has(cols[c]!), widths?.get(cols[c]!)) +
          // A word cut in two by the page break ("Ủy" / "ban công tác …") is one cell's.
          (continued && COMPOUNDS.has(`${lastWords?.get(cols[c]!) ?? ''} ${firstWord(texts[j]!)}`) ? 2 : 0) +
          // A cell that had ended rarely goes on after the page break.
          (continued && cols[c] !== 'task' && !open.has(cols[c]!) && !named?.has(cols[c]!) ? -1 : 0) +
          pen(e) +
          lower(e) +
          dp[c + 1]![e]!;
        if (v > ne[c]![j]!) {
          ne[c]![j] = v;
          neCut[c]![j] = e;
        }
      }
    }
  };
  for (let c = k - 1; c >= 0; c--) {
    fillNe(c);
    for (let j = n; j >= 0; j--) {
      if (!can(j)) continue;
      let best = ne[c]![j]!;
      let bestRun = 0;
      let empties = 0;
      // Columns c … c+m-1 left empty at j: the first ones where a blank line marks them cost nothing.
      for (let m = 1; c + m <= k; m++) {
        const col = cols[c + m - 1]!;
        empties +=
          m <= blankAt(j) && col !== 'task'
            ? BLANK_EMPTY_SCORE
            : cellScore(col, [], wide, continued, open.has(col));
        const rest = ne[c + m]![j]!;
        if (rest !== NEG && empties + rest > best) {
          best = empties + rest;
          bestRun = m;
        }
      }
      dp[c]![j] = best;
      run[c]![j] = bestRun;
    }
  }
  if (dp[0]![0] === NEG) return [texts.join(' '), ...Array<string>(k - 1).fill('')];
  const out: string[] = [];
  let j = 0;
  for (let c = 0; c < k;) {
    const m = run[c]![j]!;
    for (let q = 0; q < m; q++) {
      if (ranges) ranges[c + q] = [j, j];
      out.push('');
    }
    c += m;
    if (c >= k) break;
    const e = neCut[c]![j]!;
    out.push(texts.slice(j, e).join(' '));
    if (ranges) ranges[c] = [j, e];
    j = e;
    c++;
  }
  return out;
}
