/**
 * A PDF page is a bag of positioned text runs and drawn lines. This turns those into the text the
 * parser reads, as close as possible to what docx.ts gives for the same document:
 *
 * - lines are rebuilt from the runs' baselines, left to right, and the lines of one paragraph (a full
 *   line followed by a line that is not indented again) are joined into one, also across a page break;
 * - paragraphs are separated by a blank line;
 * - a table drawn with rules becomes Markdown pipe rows `a | b | c`, one row per line (merged cells as
 *   docx.ts writes them: a cell merged down carries its value, a cell spanning columns fills each of
 *   them, a row-wide group heading is written once); a table continued on the next page goes on, and a
 *   row split by the page break is joined;
 * - a two-column layout without rules (the header block: issuer | motto, number | place and date; the
 *   closing block: Nơi nhận | signer) is read left block first, then right block; a line of three or
 *   more such columns (a table without rules) gives one cell per line, in reading order;
 * - page numbers alone on the top or bottom line of a page are left out; footnotes (smaller text under
 *   the body of a page) are kept at the end of the paragraph whose superscript marker cites them (the
 *   marker itself is left out, as docx.ts does), or else after the paragraph that runs over the page
 *   break.
 *
 * Pure: positions in, text out. Coordinates are PDF user space (y grows upwards); any unit works as
 * long as it is the same for positions and sizes (OCR passes pixels).
 */

export interface PdfTextItem {
  str: string;
  /** Left end of the run's baseline. */
  x: number;
  y: number;
  width: number;
  /** Font size (the run's height). */
  size: number;
}

/** A drawn straight line (a table rule), axis-aligned. */
export interface PdfRule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PdfPageContent {
  width: number;
  height: number;
  items: PdfTextItem[];
  rules: PdfRule[];
}

// ---- internal shapes (top-down coordinates: `top` grows downwards) ----

interface Run {
  str: string;
  x0: number;
  x1: number;
  base: number; // baseline, top-down
  size: number;
}

interface Line {
  runs: Run[];
  x0: number;
  x1: number;
  base: number;
  size: number;
  /** Superscript footnote markers left out of the line. */
  marks?: number;
}

interface Seg {
  horizontal: boolean;
  /** y for horizontal, x for vertical. */
  at: number;
  from: number;
  to: number;
}

interface Grid {
  xs: number[];
  ys: number[];
  /** Region id of each grid cell [row][col]. */
  region: number[][];
  top: number;
  bottom: number;
  left: number;
  right: number;
}

interface TableBlock {
  kind: 'table';
  top: number;
  bottom: number;
  cols: number[]; // the column boundaries (xs)
  rows: string[][]; // cell texts, '' for the continuation of a vertical merge
}

interface LinesBlock {
  kind: 'line';
  top: number;
  line: Line;
}

interface ColumnsBlock {
  kind: 'columns';
  top: number;
  /** Paragraphs in reading order. */
  paragraphs: string[];
}

type Block = TableBlock | LinesBlock | ColumnsBlock;

const TOL = 2; // points: rules and boundaries closer than this are one

const isBlank = (s: string) => /^\s*$/.test(s);

// ---------------------------------------------------------------------------------------------------
// Runs → lines.

function runsOf(page: PdfPageContent): Run[] {
  const out: Run[] = [];
  for (const it of page.items) {
    if (it.str === '' || !(it.size > 0)) continue;
    out.push({
      // eslint-disable-next-line no-control-regex -- control characters are what is removed
      str: it.str.replace(/[\u0000-\u0008\u000b-\u001f]/g, ''),
      x0: it.x,
      x1: it.x + Math.max(0, it.width),
      base: page.height - it.y,
      size: it.size,
    });
  }
  return out;
}

function groupLines(runs: Run[]): Line[] {
  const sorted = [...runs].sort((a, b) => a.base - b.base || a.x0 - b.x0);
  const lines: Line[] = [];
  let cur: Run[] = [];
  let curBase = 0;
  let curSize = 0;
  const flush = () => {
    if (cur.some((r) => !isBlank(r.str))) lines.push(makeLine(cur));
    cur = [];
  };
  for (const r of sorted) {
    if (cur.length && r.base - curBase > 0.45 * Math.max(curSize, r.size)) flush();
    if (!cur.length) {
      curBase = r.base;
      curSize = r.size;
    }
    cur.push(r);
    if (!isBlank(r.str) && r.size > curSize) curSize = r.size;
  }
  flush();
  return lines;
}

function makeLine(runs: Run[]): Line {
  const ink = runs.filter((r) => !isBlank(r.str));
  // The line's baseline and size are those of its widest stretch of text of one size.
  const bySize = new Map<number, number>();
  for (const r of ink) bySize.set(round(r.size), (bySize.get(round(r.size)) ?? 0) + (r.x1 - r.x0 + 0.01));
  const size = [...bySize.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const main = ink.filter((r) => round(r.size) === size);
  const base = median(main.map((r) => r.base));
  // Superscript footnote markers (smaller, raised, digits or stars) are left out, as docx.ts does.
  const isMark = (r: Run) =>
    r.size < 0.8 * size && base - r.base > 0.15 * size && /^[\s\d*]+$/.test(r.str) && !isBlank(r.str);
  const kept = runs.filter((r) => !isMark(r)).sort((a, b) => a.x0 - b.x0);
  const inkKept = kept.filter((r) => !isBlank(r.str));
  const marks = runs.filter(isMark).length;
  return {
    runs: kept,
    x0: Math.min(...inkKept.map((r) => r.x0)),
    x1: Math.max(...inkKept.map((r) => r.x1)),
    base,
    size,
    ...(marks ? { marks } : {}),
  };
}

const round = (v: number) => Math.round(v * 2) / 2;

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
}

/** The text of runs in x order: a space where the runs leave a gap, several for a wide one. */
function textOfRuns(runs: Run[]): string {
  let out = '';
  let prevEnd: number | null = null;
  for (const r of runs) {
    const spaceW = 0.28 * r.size;
    if (isBlank(r.str)) {
      const w = r.x1 - r.x0;
      out += w > 1.5 * r.size ? ' '.repeat(Math.max(2, Math.round(w / spaceW))) : ' ';
      prevEnd = r.x1;
      continue;
    }
    if (prevEnd !== null && !/\s$/.test(out) && !/^\s/.test(r.str)) {
      const gap = r.x0 - prevEnd;
      if (gap > 1.5 * r.size) out += ' '.repeat(Math.max(2, Math.round(gap / spaceW)));
      else if (gap > 0.15 * r.size) out += ' ';
    }
    out += r.str;
    prevEnd = r.x1;
  }
  return out.replace(/\s+$/, '').replace(/^\s+/, '');
}

function trimBlank(runs: Run[]): Run[] {
  let e = runs.length;
  while (e > 0 && isBlank(runs[e - 1]!.str)) e--;
  return runs.slice(0, e);
}

function lineOfRuns(runs: Run[], size: number, base: number): Line {
  const ink = runs.filter((r) => !isBlank(r.str));
  return {
    runs,
    x0: Math.min(...ink.map((r) => r.x0)),
    x1: Math.max(...ink.map((r) => r.x1)),
    base,
    size,
  };
}

// ---------------------------------------------------------------------------------------------------
// Rules → tables.

function segmentsOf(page: PdfPageContent): Seg[] {
  const segs: Seg[] = [];
  for (const r of page.rules) {
    const x1 = Math.min(r.x1, r.x2);
    const x2 = Math.max(r.x1, r.x2);
    const y1 = page.height - Math.max(r.y1, r.y2);
    const y2 = page.height - Math.min(r.y1, r.y2);
    if (y2 - y1 <= TOL && x2 - x1 > TOL) segs.push({ horizontal: true, at: (y1 + y2) / 2, from: x1, to: x2 });
    else if (x2 - x1 <= TOL && y2 - y1 > TOL)
      segs.push({ horizontal: false, at: (x1 + x2) / 2, from: y1, to: y2 });
  }
  return segs;
}

const crosses = (h: Seg, v: Seg) =>
  v.at >= h.from - TOL && v.at <= h.to + TOL && h.at >= v.from - TOL && h.at <= v.to + TOL;

function distinct(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) {
    if (!out.length || v - out[out.length - 1]! > TOL) out.push(v);
  }
  return out;
}

function gridsOf(segs: Seg[]): Grid[] {
  // Connected groups of rules that cross each other.
  const parent = segs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < segs.length; i++)
    for (let j = i + 1; j < segs.length; j++) {
      const a = segs[i]!;
      const b = segs[j]!;
      if (a.horizontal === b.horizontal) continue;
      if (crosses(a.horizontal ? a : b, a.horizontal ? b : a)) parent[find(i)] = find(j);
    }
  const groups = new Map<number, Seg[]>();
  segs.forEach((s, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), s]));
  const grids: Grid[] = [];
  for (const g of groups.values()) {
    const hs = g.filter((s) => s.horizontal);
    const vs = g.filter((s) => !s.horizontal);
    const xs = distinct(vs.map((s) => s.at));
    const ys = distinct(hs.map((s) => s.at));
    if (xs.length < 3 || ys.length < 2) continue; // two columns at least
    const rows = ys.length - 1;
    const cols = xs.length - 1;
    const hasV = (x: number, y0: number, y1: number) => {
      const mid = (y0 + y1) / 2;
      return vs.some((s) => Math.abs(s.at - x) <= TOL && s.from <= mid && s.to >= mid);
    };
    const hasH = (y: number, x0: number, x1: number) => {
      const mid = (x0 + x1) / 2;
      return hs.some((s) => Math.abs(s.at - y) <= TOL && s.from <= mid && s.to >= mid);
    };
    const id = (r: number, c: number) => r * cols + c;
    const p = Array.from({ length: rows * cols }, (_, i) => i);
    const f = (i: number): number => (p[i] === i ? i : (p[i] = f(p[i]!)));
    const join = (a: number, b: number) => {
      const ra = f(a);
      const rb = f(b);
      if (ra !== rb) p[Math.max(ra, rb)] = Math.min(ra, rb);
    };
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        if (c + 1 < cols && !hasV(xs[c + 1]!, ys[r]!, ys[r + 1]!)) join(id(r, c), id(r, c + 1));
        if (r + 1 < rows && !hasH(ys[r + 1]!, xs[c]!, xs[c + 1]!)) join(id(r, c), id(r + 1, c));
      }
    grids.push({
      xs,
      ys,
      region: Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(id(r, c)))),
      top: ys[0]!,
      bottom: ys[ys.length - 1]!,
      left: xs[0]!,
      right: xs[xs.length - 1]!,
    });
  }
  return grids;
}

function indexIn(bounds: number[], v: number): number {
  for (let i = 0; i + 1 < bounds.length; i++) if (v >= bounds[i]! - TOL && v < bounds[i + 1]! + TOL) return i;
  return -1;
}

/** Joins the lines of a paragraph or a cell: a space between them, none after a hyphen that splits a number. */
function joinLines(parts: string[]): string {
  let out = '';
  for (const p of parts) {
    if (!out) out = p;
    else if (/[\p{L}\p{N}][-–]$/u.test(out) && /^[\p{Lu}\p{N}]+[/-]/u.test(p)) out += p;
    else out += ` ${p}`;
  }
  return out;
}

function tableOf(grid: Grid, runs: Run[]): TableBlock {
  const rows = grid.ys.length - 1;
  const cols = grid.xs.length - 1;
  const inRegion = new Map<number, Run[]>();
  for (const r of runs) {
    const cx = isBlank(r.str) ? r.x0 : (r.x0 + Math.min(r.x1, r.x0 + 2 * r.size)) / 2;
    const cy = r.base - 0.3 * r.size;
    const row = indexIn(grid.ys, cy);
    const col = indexIn(grid.xs, cx);
    if (row < 0 || col < 0) continue;
    const reg = grid.region[row]![col]!;
    inRegion.set(reg, [...(inRegion.get(reg) ?? []), r]);
  }
  const textOf = (reg: number) =>
    joinLines(groupLines(inRegion.get(reg) ?? []).map((l) => textOfRuns(l.runs)))
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/\|/g, '/');
  // As docx.ts writes Word tables: a cell merged down carries its value into the rows below; a cell
  // spanning columns gives its value to each of them, except a row-wide heading (a group row), once.
  const out: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < cols;) {
      const reg = grid.region[r]![c]!;
      let end = c;
      while (end + 1 < cols && grid.region[r]![end + 1] === reg) end++;
      const span = end - c + 1;
      const value = textOf(reg);
      const rowWide = c <= 1 && end === cols - 1 && span > 1;
      for (let k = 0; k < (rowWide ? 1 : span); k++) cells.push(value);
      c = end + 1;
    }
    out.push(cells);
  }
  const rowsKept = out.filter((cells) => cells.some((c) => c !== ''));
  return {
    kind: 'table',
    top: grid.top,
    bottom: grid.bottom,
    cols: grid.xs,
    rows: rowsKept,
  };
}

// ---------------------------------------------------------------------------------------------------
// Lines → blocks of one page.

const PAGE_NUMBER = /^[-–—\s]*(?:Trang\s+)?\d{1,4}(?:\s*\/\s*\d{1,4})?[-–—\s]*$/i;

interface PageBlocks {
  blocks: Block[];
  footnotes: string[];
  size: number;
  width: number;
  height: number;
}

function pageBlocks(page: PdfPageContent): PageBlocks {
  const runs = runsOf(page);
  const segs = segmentsOf(page);
  const grids = gridsOf(segs);
  const inGrid = (r: Run) => {
    const cy = r.base - 0.3 * r.size;
    const cx = r.x0 + 0.5 * Math.min(r.x1 - r.x0, r.size);
    return grids.findIndex(
      (g) => cy >= g.top - TOL && cy <= g.bottom + TOL && cx >= g.left - TOL && cx <= g.right + TOL,
    );
  };
  const perGrid = grids.map(() => [] as Run[]);
  const free: Run[] = [];
  for (const r of runs) {
    const g = inGrid(r);
    if (g >= 0) perGrid[g]!.push(r);
    else free.push(r);
  }
  const tables = grids.map((g, i) => tableOf(g, perGrid[i]!)).filter((t) => t.rows.length > 0);
  let lines = groupLines(free);
  // Page numbers alone on the first or last line of the page.
  const edge = (l: Line) => l.base < page.height * 0.12 || l.base > page.height * 0.88;
  const textOfLine = (l: Line) => textOfRuns(l.runs);
  lines = lines.filter((l, i) => {
    const firstOrLast = i === 0 || i === lines.length - 1;
    return !(firstOrLast && edge(l) && PAGE_NUMBER.test(textOfLine(l)));
  });
  // The body's size: the size most of the text is set in.
  const sizeWeight = new Map<number, number>();
  for (const l of lines) sizeWeight.set(l.size, (sizeWeight.get(l.size) ?? 0) + (l.x1 - l.x0));
  const body = [...sizeWeight.entries()].filter(([s]) => s > 0).sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
  // Footnotes: the smaller lines under the last line of body size (and under every table).
  const lastBody = Math.max(
    -Infinity,
    ...lines.filter((l) => l.size >= 0.9 * body).map((l) => l.base),
    ...tables.map((t) => t.bottom),
  );
  // … and under the short rule that separates footnotes from the body.
  const below = lines.filter((l) => l.base > lastBody && l.size < 0.85 * body);
  const separator = below.length
    ? segs.some(
        (s) =>
          s.horizontal &&
          s.to - s.from < 0.5 * page.width &&
          s.at > lastBody &&
          s.at < below[0]!.base - below[0]!.size * 0.8 &&
          !grids.some((g) => s.at >= g.top - TOL && s.at <= g.bottom + TOL),
      )
    : false;
  const footLines = separator ? below : [];
  lines = lines.filter((l) => !footLines.includes(l));
  const footnotes = paragraphsOf(footLines, page.width);

  const blocks: Block[] = [...tables];
  blocks.push(...columnBlocks(lines));
  blocks.sort((a, b) => a.top - b.top);
  return { blocks, footnotes, size: body, width: page.width, height: page.height };
}

/** Joins lines into paragraphs on their own (footnotes, one column of a layout block). */
function paragraphsOf(lines: Line[], pageWidth: number): string[] {
  if (!lines.length) return [];
  const right = Math.max(...lines.map((l) => l.x1));
  const left = Math.min(...lines.map((l) => l.x0));
  const out: string[][] = [];
  let prev: Line | null = null;
  for (const l of lines) {
    const t = textOfRuns(l.runs);
    if (prev && continues(prev, l, left, right, pageWidth, null)) out[out.length - 1]!.push(t);
    else out.push([t]);
    prev = l;
  }
  return out.map(joinLines);
}

const isCaps = (s: string) => /\p{Lu}/u.test(s) && s === s.toLocaleUpperCase('vi');

const MARKER = /^(?:[-+•–*]\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|[a-zđ]\)\s|[IVXLC]{1,6}\.\s)/u;

/**
 * Whether line `l` goes on with the paragraph of line `p`: `p` runs to the right margin, `l` is not
 * indented more than the text's left edge allows and opens no item, and (on one page) no extra space
 * stands between them.
 */
function continues(
  p: Line,
  l: Line,
  left: number,
  right: number,
  pageWidth: number,
  leading: number | null,
): boolean {
  const textWidth = Math.max(1, right - left);
  const full = p.x1 >= right - Math.max(2.5 * p.size, 0.06 * textWidth);
  if (!full) return false;
  if (Math.abs(p.size - l.size) > 0.15 * p.size) return false;
  // On one page (leading given): the next line, without extra space between.
  if (leading !== null && (l.base - p.base > 1.3 * leading || l.base <= p.base)) return false;
  const indented = l.x0 > left + Math.max(1.5 * l.size, 0.02 * pageWidth);
  if (indented) return false;
  // A heading in capitals is followed by its own lines (the subject under the title).
  const pt = textOfRuns(p.runs);
  const lt = textOfRuns(l.runs);
  if (isCaps(pt) && !isCaps(lt)) return false;
  return !MARKER.test(lt);
}

type Interval = [number, number];

/** The ink of a line: x-intervals covered by text (blank runs are not ink). */
function inkOf(line: Line): Interval[] {
  const out: Interval[] = [];
  for (const r of line.runs) {
    if (isBlank(r.str)) continue;
    const last = out[out.length - 1];
    if (last && r.x0 <= last[1] + 0.3 * line.size) last[1] = Math.max(last[1], r.x1);
    else out.push([r.x0, r.x1]);
  }
  return out;
}

/** The parts of `white` that no ink of the line covers. */
function subtractInk(white: Interval[], ink: Interval[]): Interval[] {
  let out = white;
  for (const [a, b] of ink) {
    const next: Interval[] = [];
    for (const [x, y] of out) {
      if (b <= x || a >= y) next.push([x, y]);
      else {
        if (a > x) next.push([x, a]);
        if (b < y) next.push([b, y]);
      }
    }
    out = next;
  }
  return out;
}

/** The gaps inside a line wider than `min`. */
function gapsOf(ink: Interval[], min: number): Interval[] {
  const out: Interval[] = [];
  for (let k = 1; k < ink.length; k++)
    if (ink[k]![0] - ink[k - 1]![1] >= min) out.push([ink[k - 1]![1], ink[k]![0]]);
  return out;
}

/**
 * Finds the stretches of lines set in two or more columns without rules (the gutter: an empty strip
 * that runs down every line of the stretch, with text on both sides of it in some of them) and turns
 * each into one block; every other line stays a line block.
 */
function columnBlocks(lines: Line[]): Block[] {
  const inks = lines.map(inkOf);
  const out: Block[] = [];
  const straddles = (ink: Interval[], [a, b]: Interval) =>
    ink.some((i) => i[1] <= a + TOL) && ink.some((i) => i[0] >= b - TOL);
  let i = 0;
  while (i < lines.length) {
    const l = lines[i]!;
    const min = 1.5 * l.size;
    let white = gapsOf(inks[i]!, min);
    if (!white.length) {
      out.push({ kind: 'line', top: l.base - l.size, line: l });
      i++;
      continue;
    }
    // Grow the stretch while a wide enough strip stays empty in every line.
    let end = i;
    for (let j = i + 1; j < lines.length; j++) {
      if (lines[j]!.base - lines[j - 1]!.base > 4 * lines[j]!.size) break;
      const w = subtractInk(white, inks[j]!).filter(([a, b]) => b - a >= min);
      if (!w.length) break;
      white = w;
      end = j;
    }
    // Trailing lines on one side only belong to what follows, unless they go on at the column's own line
    // spacing and size (the rest of the Nơi nhận list under the signer's name).
    const grown = end;
    while (end > i && !white.some((g) => straddles(inks[end]!, g))) end--;
    const steps = lines
      .slice(i + 1, end + 1)
      .map((x, k) => x.base - lines[i + k]!.base)
      .sort((a, b) => a - b);
    const step = steps.length ? steps[Math.floor(steps.length / 2)]! : 0;
    while (
      end < grown &&
      end > i &&
      step > 0 &&
      lines[end + 1]!.base - lines[end]!.base <= 1.6 * step &&
      Math.abs(lines[end + 1]!.size - lines[end]!.size) <= 0.15 * lines[end]!.size
    )
      end++;
    const stretch = lines.slice(i, end + 1);
    const gutters = white.filter((g) => stretch.some((_, k) => straddles(inks[i + k]!, g)));
    const both = gutters.length
      ? stretch.filter((_, k) => gutters.some((g) => straddles(inks[i + k]!, g))).length
      : 0;
    const widest = gutters.reduce((m, g) => Math.max(m, g[1] - g[0]), 0);
    if (!gutters.length || (both < 2 && widest < 4 * l.size)) {
      out.push({ kind: 'line', top: l.base - l.size, line: l });
      i++;
      continue;
    }
    const cuts = gutters.map((g) => (g[0] + g[1]) / 2).sort((a, b) => a - b);
    const columns: Line[][] = cuts.map(() => []);
    columns.push([]);
    for (const line of stretch) {
      const parts: Run[][] = columns.map(() => []);
      for (const r of line.runs) {
        const c = cuts.filter((x) => r.x0 >= x).length;
        parts[c]!.push(r);
      }
      parts.forEach((runs, c) => {
        if (runs.some((r) => !isBlank(r.str)))
          columns[c]!.push(lineOfRuns(trimBlank(runs), line.size, line.base));
      });
    }
    let paragraphs: string[];
    if (columns.length === 2) {
      // Left block, then right block (as docx.ts reads a layout table's cells).
      paragraphs = columns.flatMap((col) => col.map((x) => textOfRuns(x.runs)));
    } else {
      // Three or more columns: a table without rules, one cell per line in reading order.
      paragraphs = [];
      for (const line of stretch)
        for (const col of columns)
          for (const x of col) if (x.base === line.base) paragraphs.push(textOfRuns(x.runs));
    }
    out.push({ kind: 'columns', top: stretch[0]!.base - stretch[0]!.size, paragraphs });
    i = end + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Pages → text.

/** Left and right edge of the body text for each page size (most lines of a page size share them). */
function marginsBySize(pages: PageBlocks[]): Map<string, { left: number; right: number; leading: number }> {
  const key = (p: PageBlocks) => `${Math.round(p.width)}x${Math.round(p.height)}`;
  const lefts = new Map<string, number[]>();
  const rights = new Map<string, number[]>();
  const leads = new Map<string, number[]>();
  for (const p of pages) {
    const k = key(p);
    let prev: Line | null = null;
    for (const b of p.blocks) {
      if (b.kind !== 'line') {
        prev = null;
        continue;
      }
      const l = b.line;
      if (l.size >= 0.9 * p.size) {
        lefts.set(k, [...(lefts.get(k) ?? []), round(l.x0)]);
        rights.set(k, [...(rights.get(k) ?? []), l.x1]);
        if (prev) leads.set(k, [...(leads.get(k) ?? []), l.base - prev.base]);
      }
      prev = l;
    }
  }
  const out = new Map<string, { left: number; right: number; leading: number }>();
  for (const p of pages) {
    const k = key(p);
    if (out.has(k)) continue;
    const ls = lefts.get(k) ?? [0];
    const rs = (rights.get(k) ?? [p.width]).sort((a, b) => a - b);
    // The left edge: the leftmost position many lines start at (continuation lines of paragraphs).
    const counts = new Map<number, number>();
    for (const v of ls) counts.set(v, (counts.get(v) ?? 0) + 1);
    const common = [...counts.entries()].filter(([, n]) => n >= Math.max(2, ls.length * 0.1)).map(([v]) => v);
    const left = common.length ? Math.min(...common) : Math.min(...ls);
    const right = rs[Math.floor(rs.length * 0.9)] ?? p.width;
    const lead = (leads.get(k) ?? []).filter((v) => v > 0).sort((a, b) => a - b);
    out.set(k, { left, right, leading: lead.length ? lead[Math.floor(lead.length * 0.25)]! : p.size * 1.2 });
  }
  return out;
}

/** The text of a PDF's pages for the importer: paragraphs separated by blank lines, tables as pipe rows. */
export function pdfPagesToText(pages: PdfPageContent[]): string {
  const laid = pages.map(pageBlocks);
  const margins = marginsBySize(laid);
  const out: string[] = []; // blocks of the output, joined by blank lines
  // A footnote is kept at the end of the paragraph that cites it (docx.ts leaves footnotes out; keeping
  // them reads the documents they cite, and a paragraph of its own would read as one more item).
  let para: { parts: string[]; last: Line; key: string; notes: string[] } | null = null;
  let pageNotes: string[] = [];
  const claim = (l: Line) => (l.marks ? pageNotes.splice(0, l.marks) : []);
  let table: { block: TableBlock; lines: string[][] } | null = null;
  let pendingFootnotes: string[] = [];
  const flushPara = () => {
    if (para) out.push([joinLines(para.parts), ...para.notes].join(' '));
    para = null;
    if (pendingFootnotes.length) {
      out.push(...pendingFootnotes);
      pendingFootnotes = [];
    }
  };
  const flushTable = () => {
    if (table) out.push(table.lines.map((r) => r.join(' | ')).join('\n'));
    table = null;
    if (pendingFootnotes.length && !para) {
      out.push(...pendingFootnotes);
      pendingFootnotes = [];
    }
  };
  laid.forEach((page, pageIndex) => {
    pageNotes = [...page.footnotes];
    const key = `${Math.round(page.width)}x${Math.round(page.height)}`;
    const m = margins.get(key)!;
    page.blocks.forEach((b, bi) => {
      const firstOnPage = bi === 0 && pageIndex > 0;
      if (b.kind === 'table') {
        flushPara();
        const same =
          table &&
          firstOnPage &&
          table.block.cols.length === b.cols.length &&
          table.block.cols.every((x, k) => Math.abs(x - b.cols[k]!) <= 3 * TOL);
        if (table && same) {
          const rows = b.rows.map((r) => [...r]);
          // The header row repeated on the new page is the table's own header: kept once.
          const head = table.lines[0]!.join(' | ');
          if (rows.length && rows[0]!.join(' | ') === head && rows[0]!.some((c) => /\p{L}/u.test(c)))
            rows.shift();
          const lastRow = table.lines[table.lines.length - 1];
          if (rows.length && rows[0]![0] === '' && lastRow && lastRow.length === rows[0]!.length) {
            const first = rows.shift()!;
            first.forEach((c, k) => {
              if (c) lastRow[k] = lastRow[k] ? `${lastRow[k]} ${c}` : c;
            });
          }
          table.lines.push(...rows);
          table.block = b;
        } else {
          flushTable();
          table = { block: b, lines: b.rows.map((r) => [...r]) };
        }
        return;
      }
      flushTable();
      if (b.kind === 'columns') {
        flushPara();
        out.push(...b.paragraphs.filter((p) => p !== ''));
        return;
      }
      const t = textOfRuns(b.line.runs);
      if (
        para &&
        para.key === key &&
        continues(para.last, b.line, m.left, m.right, page.width, firstOnPage ? null : m.leading)
      ) {
        para.parts.push(t);
        para.notes.push(...claim(b.line));
        para.last = b.line;
      } else if (
        para &&
        para.key !== key &&
        firstOnPage &&
        continues(para.last, b.line, m.left, m.right, page.width, null)
      ) {
        para.parts.push(t);
        para.notes.push(...claim(b.line));
        para.last = b.line;
      } else {
        flushPara();
        para = { parts: [t], last: b.line, key, notes: claim(b.line) };
      }
    });
    // A paragraph or a table may go on over the page break: footnotes wait for it to end.
    pendingFootnotes.push(...pageNotes);
    if (!para && !table) {
      out.push(...pendingFootnotes);
      pendingFootnotes = [];
    }
  });
  flushPara();
  flushTable();
  if (pendingFootnotes.length) out.push(...pendingFootnotes);
  const text = out
    .map((b) => b.replace(/[ \t]+$/gm, ''))
    .filter((b) => b.trim() !== '')
    .join('\n\n')
    .normalize('NFC');
  return text === '' ? '' : `${text}\n`;
}
