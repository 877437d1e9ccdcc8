/**
 * The document importer: normalised text → program metadata, a tree of sections, groups, sub-groups,
 * bullets and tables, tasks, responsibilities, references, recipients and signer. Pure and lossless:
 * every non-blank character of the normalised source belongs to exactly one node or `other` span.
 *
 * Rules (documented in README, "Nhập văn bản"):
 * - Markers: "I." sections, "1." groups, "a)" sub-groups (a, b, c, d, đ, e…), "-", "–", "•", "*"
 *   bullets and "+" sub-bullets. Markdown headings (#) and bold (**) around them are accepted.
 * - A line that does not end a sentence, followed (after any blank lines) by a line starting in
 *   lower case, is one paragraph: the break is joined (warning LINE_JOINED). Adjacent lines without a
 *   marker are joined too when the first does not end a sentence.
 * - An unbulleted paragraph belongs to the nearest numbered or lettered heading above it. If it comes
 *   after bullets of that heading it is an item of its own, numbered with them (warning
 *   UNBULLETED_ITEM, so the person importing can merge it into the bullet above if that was meant).
 * - Tasks are the items of the tasks section (II. NHIỆM VỤ, GIẢI PHÁP…): bullets, unbulleted items,
 *   table rows, and headings that have no items under them.
 */
import type {
  BodyMention,
  DocNode,
  DocReference,
  NodeKind,
  ParsedDocument,
  ProgramMeta,
  Responsibility,
  Signer,
  Span,
  Task,
  TimeExpression,
  Warning,
} from './types.js';
import { foldKeepOffsets, ImportError, IMPORT_MESSAGES, normalizeSource } from './normalize.js';
import { findReferences } from './references.js';
import { findTimes, parseVnDate, pickDeadline } from './times.js';
import { BodyMatcher, type DirectoryUnit } from './bodies.js';
import { finishBodies } from './proposals.js';
import { findFurniture, maskSpans, readableSource } from './furniture.js';
import { findFootnoteMarks } from './footnote-marks.js';
import { ROMAN_RE, romanOf } from '../roman.js';
import { headerGroups, readCellLines, type CellLine, type CellTable } from './cell-lines.js';

interface Line {
  start: number;
  end: number;
  raw: string;
  /** Without Markdown heading/quote prefixes and emphasis, trimmed. */
  text: string;
}

type OtherKind = ParsedDocument['other'][number]['kind'];

/** Words before a time that make it a target's, a plan's or a budget's time, not a deadline. */
const TARGET_TIME_RE =
  /(mục tiêu|chỉ tiêu|trung hạn|chiến lược|quy hoạch|tầm nhìn|định hướng|ngân sách|vốn|kinh phí)\s+(?:(?:tới|đến|trong|cho|của)\s+)?$/iu;
const TERMINAL_RE = /([.;:!?…]|\.\/\.)["”’)\]*_]*$/;
const ON_BEHALF_RE = /^(T\/M|TM\.?|T\.M\.|KT\.?|Q\.|TL\.|TUQ\.)\s*\S/;
const DOC_KINDS_RE =
  /^(CHƯƠNG TRÌNH HÀNH ĐỘNG|CHƯƠNG TRÌNH|KẾ HOẠCH HÀNH ĐỘNG|KẾ HOẠCH|NGHỊ QUYẾT|QUYẾT ĐỊNH|ĐỀ ÁN|CHỈ THỊ|KẾT LUẬN|HƯỚNG DẪN|QUY ĐỊNH|BÁO CÁO|THÔNG BÁO)(\s|$)/;
const MOTTO_RE =
  /^(ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc)$/i;
const PAGE_NUMBER_RE = /^(?:[-–—]\s*)?(?:Trang\s+)?\d{1,3}(?:\s*[-–—])?$|^\d{1,3}\s*\/\s*\d{1,3}$/;
/** "PHỤ LỤC", "Phụ lục I", "PHỤ LỤC 2: DANH MỤC …" on a line of its own. */
const ANNEX_RE =
  /^(?:PHỤ LỤC SỐ|Phụ lục số|PHỤ LỤC|Phụ lục)(?:\s+([IVX]{1,5}|\d{1,2}))?\s*[.:]?\s*(?:[-–]\s*)?(.*)$/u;
const FOOTNOTE_RE = /^\[\d{1,3}\]\s+\S/u;
const TT_LINE_RE = /^(S\s?TT|TT)\.?$/u;

function isAnnexLine(l: Line): boolean {
  const m = ANNEX_RE.exec(l.text);
  if (!m) return false;
  const rest = m[2] ?? '';
  return rest === '' || (isUpperLine(rest) && rest.length < 300);
}

const SIGNED_RE = /^\((?:đã ký|ký|ký, ghi rõ họ tên[^)]*|ký tên, đóng dấu|đã ký và đóng dấu)\)$/i;

/** Strips Markdown markup around a line's text: heading hashes, quote marks, emphasis. */
function stripMarkup(s: string): string {
  return s
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/^\s*>\s?/, '')
    .replace(/\*\*|__/g, '')
    .replace(/(^|[\s(])\*(?=\S)|(?<=\S)\*(?=[\s).,;:]|$)/g, '$1')
    .replace(/\\([*_#|.-])/g, '$1')
    .trim();
}

function clean(s: string): string {
  return stripMarkup(s.replace(/\n/g, ' '))
    .replace(/[ \t]+/g, ' ')
    .trim();
}

function splitLines(source: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  for (const raw of source.split('\n')) {
    const start = pos;
    pos += raw.length + 1;
    if (raw.trim() === '') continue;
    // Exclude leading/trailing blanks from the span.
    const lead = raw.length - raw.trimStart().length;
    const trail = raw.length - raw.trimEnd().length;
    out.push({
      start: start + lead,
      end: start + raw.length - trail,
      raw: raw.trim(),
      text: stripMarkup(raw),
    });
  }
  return out;
}

interface Marker {
  kind: 'section' | 'group' | 'subgroup' | 'bullet' | 'article';
  marker: string;
  rest: string;
  rank: number;
}

function markerOf(text: string): Marker | null {
  let m = /^([IVX]{1,5})[.)]\s+(\S.*)$/.exec(text);
  if (m && ROMAN_RE.test(m[1]!)) return { kind: 'section', marker: m[1]!, rest: m[2]!, rank: 1 };
  m = /^Điều\s+(\d{1,3})[.:]\s*(.*)$/.exec(text);
  if (m) return { kind: 'article', marker: m[1]!, rest: m[2]!, rank: 2 };
  m = /^(\d{1,2}\.\d{1,2})\.?\s+(\S.*)$/.exec(text);
  if (m) return { kind: 'subgroup', marker: m[1]!, rest: m[2]!, rank: 3 };
  m = /^(\d{1,2})[.)]\s+(\S.*)$/.exec(text);
  if (m) return { kind: 'group', marker: m[1]!, rest: m[2]!, rank: 2 };
  m = /^([a-zđ])\)\s+(\S.*)$/.exec(text);
  if (m) return { kind: 'subgroup', marker: m[1]!, rest: m[2]!, rank: 3 };
  m = /^([-–—•*●▪])\s+(\S.*)$/.exec(text);
  if (m) return { kind: 'bullet', marker: '-', rest: m[2]!, rank: 4 };
  m = /^\+\s+(\S.*)$/.exec(text);
  if (m) return { kind: 'bullet', marker: '+', rest: m[1]!, rank: 5 };
  return null;
}

/** Table rows: Markdown "| a | b |", text "a | b | c", or tab-separated cells. */
function tableCells(raw: string, inTable = false): string[] | null {
  const t = raw.trim();
  // Inside a table a group row may span all columns ("I | CẢI CÁCH THỂ CHẾ"): one separator is enough.
  const need = inTable ? 1 : 2;
  if (/^\|.*\|$/.test(t))
    return t
      .slice(1, -1)
      .split('|')
      .map((c) => clean(c));
  // " | (1) | (2)": a first cell left empty (trimmed away with the line's space).
  if (/^\|\s/.test(t) && (t.match(/ \| /g)?.length ?? 0) >= need)
    return ['', ...t.slice(2).split(' | ')].map((c) => clean(c));
  if ((t.match(/ \| /g)?.length ?? 0) >= need)
    // "… | Xong trong tháng 5/2026 |": a last cell left empty.
    return (/ \|$/.test(t) ? `${t} ` : t).split(' | ').map((c) => clean(c));
  if ((t.match(/\t/g)?.length ?? 0) >= need) return t.split('\t').map((c) => clean(c));
  return null;
}

function isSeparatorRow(raw: string): boolean {
  return /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/.test(raw.trim());
}

function startsLower(s: string): boolean {
  return /^[\p{Ll}]/u.test(s.replace(/^["“(*_]+/, ''));
}

function isUpperLine(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

const COLUMN_NAMES: [string, RegExp][] = [
  ['tt', /^(s?tt|so tt|so thu tu)$/],
  ['task', /(nhiem vu|noi dung|ten nhiem vu|cong viec)/],
  ['lead', /(chu tri|don vi thuc hien|co quan thuc hien)/],
  ['cooperating', /phoi hop/],
  ['deadline', /(thoi gian|thoi han|tien do)/],
  ['submitTo', /cap trinh/],
  ['products', /(san pham|ket qua)/],
  ['monitor', /(theo doi|don doc)/],
  ['funding', /kinh phi/],
  ['note', /ghi chu/],
];

function columnOf(header: string): string | null {
  const f = foldKeepOffsets(header).trim();
  return COLUMN_NAMES.find(([, re]) => re.test(f))?.[0] ?? null;
}

/** A line of text that is a table's header ("STT Tên nhiệm vụ Cơ quan chủ trì Thời gian"). */
function headerLine(text: string): boolean {
  const g = text.length <= 160 ? headerGroups(text.split(/\s+/), columnOf) : null;
  return !!g && g.length >= 3 && g[0]!.col === 'tt';
}

export interface ParseOptions {
  /** The units directory, to match the bodies the document names. */
  units?: DirectoryUnit[];
  /** Manual matches chosen by a person: folded body text → unit code. */
  bodyMap?: Record<string, string>;
}

/** Warnings that come from reading the text (kept through corrections), not from the derived structure. */
const TEXT_WARNINGS = new Set(['LINE_JOINED', 'UNBULLETED_ITEM', 'UNPARSED_LINE', 'OCR_TEXT']);

/** Recomputes labels, tasks, responsibilities and their warnings after the tree was corrected. */
export function rederive(doc: ParsedDocument, opts: ParseOptions = {}): ParsedDocument {
  const b = new Builder();
  const matcher = new BodyMatcher(opts.units ?? [], opts.bodyMap);
  const derived = deriveStructure(readableSource(doc), doc.sections, matcher, b);
  return finishBodies(
    {
      ...doc,
      ...derived,
      warnings: [...doc.warnings.filter((w) => TEXT_WARNINGS.has(w.code)), ...b.warnings].sort(
        (x, y) => x.span[0] - y.span[0],
      ),
    },
    opts,
  );
}

class Builder {
  nodes: DocNode[] = [];
  warnings: Warning[] = [];
  other: ParsedDocument['other'] = [];
  private seq = 0;
  newNode(kind: NodeKind, marker: string, title: string, text: string, span: Span): DocNode {
    const n: DocNode = { id: `n${++this.seq}`, kind, marker, label: '', title, text, span, children: [] };
    return n;
  }
  addOther(kind: OtherKind, span: Span) {
    const last = this.other[this.other.length - 1];
    if (last && last.kind === kind && last.span[1] <= span[0]) {
      // keep separate spans; merging would swallow text in between
    }
    this.other.push({ kind, span });
  }
  warn(code: string, message: string, span: Span, nodeId?: string) {
    this.warnings.push({ code, message, span, ...(nodeId ? { nodeId } : {}) });
  }
  /** Warns of every body named in node `nodeId` that matches no unit of the directory. */
  warnUnmatched(bodies: BodyMention[], nodeId: string) {
    for (const x of bodies)
      if (x.match === 'none')
        this.warn(
          'BODY_UNMATCHED',
          /^(các|những)\s/iu.test(x.text)
            ? `Chưa khớp cụm "${x.text}" với đơn vị nào trong danh mục: chọn đơn vị nếu cần`
            : `Chưa khớp "${x.text}" với danh mục đơn vị (đề xuất thêm đơn vị mới)`,
          x.span,
          nodeId,
        );
  }
}

/** Parses a document given as text (plain or Markdown). Throws ImportError for unusable input. */
export function parseDocument(raw: string, opts: ParseOptions = {}): ParsedDocument {
  const original = normalizeSource(raw);
  // Page furniture is blanked before reading, so a page break does not cut a paragraph or a row.
  const furniture = findFurniture(original);
  // Footnote markers glued to words ("57-NQ/TW¹", "năm 20302") are masked too: numbers and years read right.
  const footnoteMarks = findFootnoteMarks(
    original,
    furniture.map(([s]) => s),
  ).filter(([s, e]) => !furniture.some(([fs, fe]) => s < fe && e > fs));
  const source = maskSpans(original, [...furniture, ...footnoteMarks]);
  const allLines = splitLines(source);
  const b = new Builder();
  // Footnotes after the text ("[1] Nghị quyết số 10-NQ/TW …", as the Word reader writes them): kept
  // as footnotes, out of the body.
  let footAt = allLines.length;
  while (footAt > 0 && FOOTNOTE_RE.test(allLines[footAt - 1]!.text)) footAt--;
  for (const l of allLines.slice(footAt)) b.addOther('footnote', [l.start, l.end]);
  const lines = allLines.slice(0, footAt);
  const matcher = new BodyMatcher(opts.units ?? [], opts.bodyMap);

  // ---- zones ----
  const isSectionLine = (l: Line) => {
    const m = markerOf(l.text);
    return m?.kind === 'section' && (isUpperLine(m.rest) || /^#/.test(l.raw));
  };
  let programStart = 0;
  let wrapper: ProgramMeta['wrapper'] = null;
  let wrapperMeta: ProgramMeta | null = null;
  let wrapperClosing: ReturnType<typeof parseClosing> | null = null;
  const firstArticle = lines.findIndex((l) => /^Điều\s+1[.:]/.test(l.text));
  const firstSectionIdx = lines.findIndex(isSectionLine);
  if (firstArticle >= 0 && (firstSectionIdx < 0 || firstArticle < firstSectionIdx)) {
    const attachedKind = lines.findIndex(
      (l, i) => i > firstArticle && DOC_KINDS_RE.test(l.text) && isUpperLine(l.text),
    );
    const mentionsAttached = lines
      .slice(firstArticle, attachedKind < 0 ? undefined : attachedKind)
      .some((l) => /kèm theo/i.test(l.text));
    if (attachedKind > 0 && mentionsAttached) {
      // The attached program's own header (issuer, motto, number, date) sits between the wrapper's
      // signature and the program's kind line.
      let ps = attachedKind;
      const headerLike = (t: string) =>
        MOTTO_RE.test(t) ||
        /^[-–—_*=.\s]+$/.test(t) ||
        /^Số\b/u.test(t) ||
        /^\p{Lu}[\p{L} .]+,\s*ngày\b/u.test(t) ||
        (isUpperLine(t) && !ON_BEHALF_RE.test(t));
      while (ps - 1 > firstArticle && headerLike(lines[ps - 1]!.text)) ps--;
      // …but not the wrapper's signer position lines right under its on-behalf line.
      while (
        ps < attachedKind &&
        lines.slice(firstArticle, ps).every((l) => !/^\p{Lu}\p{Ll}+(\s+\p{Lu}\p{Ll}*)+$/u.test(l.text)) &&
        ON_BEHALF_RE.test(lines[ps - 1]?.text ?? '')
      )
        ps++;
      programStart = ps;
      const wLines = lines.slice(0, programStart);
      const wMeta = parseHeader(wLines.slice(0, Math.max(0, firstArticle)), b, 'wrapper');
      wrapperMeta = wMeta;
      const span: Span = [wLines[0]!.start, wLines[wLines.length - 1]!.end];
      // The wrapper's own "Nơi nhận" and signature come after its articles.
      const wClose = wLines.findIndex(
        (l, i) =>
          i > firstArticle &&
          (/^Nơi nhận/.test(l.text) || (ON_BEHALF_RE.test(l.text) && isUpperLine(l.text))),
      );
      const articlesEnd = wClose < 0 ? wLines.length : wClose;
      for (const l of wLines.slice(firstArticle, articlesEnd)) b.addOther('wrapper', [l.start, l.end]);
      if (wClose >= 0) wrapperClosing = parseClosing(wLines.slice(wClose), b);
      wrapper = {
        kind: wMeta.docKind,
        number: wMeta.number,
        date: wMeta.date,
        title: wMeta.title,
        text: source.slice(span[0], span[1]),
        span,
      };
      // the wrapper's metadata lines were recorded as 'wrapper' by parseHeader
    }
  }
  const allProgLines = lines.slice(programStart);
  // Phụ lục (annex) parts: from a "PHỤ LỤC" / "Phụ lục I" line to the next one or the end.
  const firstSection = allProgLines.findIndex(isSectionLine);
  const annexStarts: number[] = [];
  allProgLines.forEach((l, i) => {
    if (i === 0) return;
    if (isAnnexLine(l)) annexStarts.push(i);
    // "DANH MỤC NHIỆM VỤ …" over a task table, after the body, without a "PHỤ LỤC" line above it.
    else if (
      firstSection >= 0 &&
      i > firstSection &&
      /^DANH MỤC\s/u.test(l.text) &&
      isUpperLine(l.text) &&
      !annexStarts.some((a) => i - a <= 4) &&
      allProgLines.slice(i + 1, i + 9).some((x) => tableCells(x.raw) !== null || TT_LINE_RE.test(x.text))
    )
      annexStarts.push(i);
  });
  const progLines = allProgLines.slice(0, annexStarts[0] ?? allProgLines.length);
  let bodyStart = progLines.findIndex(isSectionLine);
  if (bodyStart < 0) {
    // No Roman sections: the body starts at the first numbered item, bullet or table row.
    bodyStart = progLines.findIndex((l) => {
      const m = markerOf(l.text);
      return (m && m.kind !== 'article') || tableCells(l.raw) !== null;
    });
  }
  // A document that is only a Phụ lục (a task table under a header) has no body.
  if (bodyStart < 0 && annexStarts.length) bodyStart = progLines.length;
  if (bodyStart < 0) throw new ImportError('IMPORT_NO_STRUCTURE', IMPORT_MESSAGES.IMPORT_NO_STRUCTURE);

  // Closing: after the last section heading, from "Trên đây", "Nơi nhận" or an on-behalf line.
  let lastSection = bodyStart;
  progLines.forEach((l, i) => {
    if (i >= bodyStart && isSectionLine(l)) lastSection = i;
  });
  const isClosingLine = (l: Line) =>
    /^(Trên đây|Nơi nhận)/.test(l.text) || (ON_BEHALF_RE.test(l.text) && isUpperLine(l.text));
  let closingStart = progLines.findIndex((l, i) => i > lastSection && isClosingLine(l));
  if (closingStart < 0) closingStart = progLines.length;

  const program = parseHeader(progLines.slice(0, bodyStart), b, 'header');
  program.wrapper = wrapper;
  // The closing may also follow the last Phụ lục.
  const annexZones = annexStarts.map((a, k) =>
    allProgLines.slice(a, annexStarts[k + 1] ?? allProgLines.length),
  );
  let closingLines = progLines.slice(closingStart);
  const lastZone = annexZones[annexZones.length - 1];
  if (lastZone && closingLines.length === 0) {
    const c = lastZone.findIndex((l, i) => i > 0 && /^Nơi nhận/.test(l.text));
    const at =
      c >= 0 ? c : lastZone.findIndex((l, i) => i > 2 && ON_BEHALF_RE.test(l.text) && isUpperLine(l.text));
    if (at > 0) closingLines = lastZone.splice(at);
  }
  let closing = parseClosing(closingLines, b);
  if (wrapperMeta) {
    // An attached program has no header of its own: it is issued by the wrapper.
    for (const k of ['issuer', 'parentIssuer', 'number', 'place', 'date'] as const)
      program[k] ??= wrapperMeta[k];
    if (program.motto.length === 0) program.motto = wrapperMeta.motto;
    if (wrapperClosing && !closing.signer && closing.recipients.length === 0) closing = wrapperClosing;
  }

  // ---- body and annexes: paragraphs, then the tree ----
  interface Para {
    lines: Line[];
    marker: Marker | null;
    cells: string[] | null;
    separator?: boolean;
    cellTable?: CellTable;
  }
  /**
   * A table whose header is written as text just above its first row (one line, or a line a header
   * cell): the paragraphs that read as the row's column names, one for each of its cells, TT first,
   * become the table's header row.
   */
  const headerAbove = (paras: Para[], cells: string[]) => {
    if (!/^(\d{1,3}|[IVX]{1,6})[.)]?$/u.test(cells[0]?.trim() ?? '')) return;
    for (let k = paras.length - 1; k >= 0 && paras.length - k <= 12; k--) {
      const q = paras[k]!;
      if (q.cells || q.cellTable || q.marker || q.lines.some((x) => x.text.length > 120)) return;
      const ls = paras.slice(k).flatMap((x) => x.lines);
      const texts = ls.map((x) => x.text);
      const groups = [texts, texts.flatMap((t) => t.split(/\s+/))]
        .map((t) => headerGroups(t, columnOf))
        .find((g) => g && g.length === cells.length && g[0]!.col === 'tt');
      if (groups) {
        paras.splice(k, paras.length - k, {
          lines: ls,
          marker: null,
          cells: groups.map((g) => g.text),
        });
        return;
      }
    }
  };
  // The width a hard-wrapped text is wrapped at: most lines of such a text are about as long (0 when
  // its lines are whole paragraphs).
  const wrapWidth = (() => {
    const lens = lines
      .map((l) => l.text.length)
      .filter((n) => n >= 40)
      .sort((x, y) => x - y);
    if (lens.length < 30) return 0;
    const p80 = lens[Math.floor(lens.length * 0.8)]!;
    const near = lens.filter((n) => n >= p80 * 0.85 && n <= p80 * 1.1).length;
    return near >= lens.length * 0.4 && p80 < 130 ? Math.round(p80 * 0.9) : 0;
  })();
  /** The columns of the last table header read (a header may stand apart from its rows). */
  let lastHeader: { cols: (string | null)[]; node: DocNode } | null = null;
  const buildInto = (root: DocNode, rootRank: number, body: Line[], inAnnex: boolean) => {
    const paras: Para[] = [];
    for (let i = 0; i < body.length; i++) {
      const l = body[i]!;
      if (TT_LINE_RE.test(l.text)) {
        const cl: CellLine[] = body.map((x, k) => {
          const pageBreak = k > 0 && furniture.some(([fs]) => fs >= body[k - 1]!.end && fs < x.start);
          const gap = k > 0 ? source.slice(body[k - 1]!.end, x.start) : '';
          return {
            start: x.start,
            end: x.end,
            text: x.text,
            pageBreak,
            blankBefore: pageBreak ? 0 : Math.max(0, gap.split('\n').length - 2),
          };
        });
        const t = readCellLines(cl, i, columnOf, !inAnnex);
        if (t) {
          paras.push({ lines: body.slice(i, i + 1), marker: null, cells: null, cellTable: t });
          i = t.consumedUntil - 1;
          continue;
        }
      }
      if (PAGE_NUMBER_RE.test(l.text)) {
        b.addOther('noise', [l.start, l.end]);
        continue;
      }
      if (/^([-*_=]\s*){3,}$/.test(l.raw) && !tableCells(l.raw)) {
        b.addOther('noise', [l.start, l.end]);
        continue;
      }
      const cells = tableCells(l.raw, !!paras[paras.length - 1]?.cells);
      if (cells) {
        if (!paras[paras.length - 1]?.cells) headerAbove(paras, cells);
        paras.push({ lines: [l], marker: null, cells, separator: isSeparatorRow(l.raw) });
        continue;
      }
      const marker = markerOf(l.text);
      const prev = paras[paras.length - 1];
      if (prev && !prev.cells && !marker) {
        const last = prev.lines[prev.lines.length - 1]!;
        // Lines parted only by a page break (its furniture blanked) are adjacent.
        const pageBreak = furniture.some(([fs]) => fs >= last.end && fs < l.start);
        const adjacent = pageBreak || !/\n\s*\n/.test(source.slice(last.end, l.start));
        const prevEnds = TERMINAL_RE.test(last.text);
        const prevIsHeading = prev.marker && prev.marker.kind !== 'bullet' && prev.lines.length === 1;
        // A hard-wrapped text (gazette, PDF): a line as long as the page is wide goes on below even when
        // the next line starts with a capital ("… và phát triển" / "Quỹ bảo hiểm y tế …").
        const fullWidth =
          adjacent &&
          wrapWidth > 0 &&
          !isUpperLine(last.text) &&
          // a heading set in bold holds fewer characters a line
          last.text.length >= (prevIsHeading ? wrapWidth * 0.8 : wrapWidth);
        if (
          (!prevEnds && (startsLower(l.text) || (adjacent && !prevIsHeading && !isUpperLine(last.text)))) ||
          (fullWidth && !isUpperLine(l.text))
        ) {
          if (!adjacent || pageBreak)
            b.warn('LINE_JOINED', 'Đã nối dòng bị ngắt (ngắt trang hoặc xuống dòng cứng)', [
              last.start,
              l.end,
            ]);
          prev.lines.push(l);
          continue;
        }
      }
      paras.push({ lines: [l], marker, cells: null });
    }
    if (!inAnnex && !paras.some((p) => p.marker || p.cells))
      throw new ImportError('IMPORT_NO_STRUCTURE', IMPORT_MESSAGES.IMPORT_NO_STRUCTURE);

    const stack: { node: DocNode; rank: number }[] = [{ node: root, rank: rootRank }];
    const top = () => stack[stack.length - 1]!;
    const popTo = (rank: number) => {
      while (stack.length > 1 && top().rank >= rank) stack.pop();
    };
    const headingRanks = new Set([1, 2, 3]);
    let table: { node: DocNode; columns: (string | null)[]; group: DocNode | null; rank: number } | null =
      null;

    for (const p of paras) {
      const span: Span = [p.lines[0]!.start, p.lines[p.lines.length - 1]!.end];
      const fullText = clean(source.slice(span[0], span[1]));
      if (p.cellTable) {
        addCellTable(top().node, p.cellTable, span);
        table = null;
        continue;
      }
      if (p.cells) {
        // The separator of a Markdown table, or the row numbering the columns ("(1) | (2) | (3)").
        const numbering =
          p.cells.filter(Boolean).length >= 3 && p.cells.every((c) => c === '' || /^\(?\d{1,2}\)?$/.test(c));
        if (p.separator || numbering) {
          b.addOther('noise', span);
          continue;
        }
        const cols = p.cells.map(columnOf);
        // A header names columns: short cells, most of them known column names.
        const isHeader =
          cols.filter(Boolean).length >= 2 && cols.includes('task') && p.cells.every((c) => c.length <= 40);
        if (!table || isHeader) {
          // A new table under the current heading.
          while (stack.length > 1 && !headingRanks.has(top().rank)) stack.pop();
          const tnode = b.newNode(
            'table',
            '',
            'Bảng',
            isHeader ? p.cells.filter(Boolean).join('; ') : '',
            isHeader ? span : [span[0], span[0]],
          );
          top().node.children.push(tnode);
          // Rows whose header stands apart (above a caption line, or as a table of its own) take the
          // columns of the last header with as many cells.
          const apart =
            !isHeader && lastHeader && lastHeader.cols.length === p.cells.length ? lastHeader : null;
          if (apart && top().node.children.includes(apart.node) && apart.node.children.length === 0) {
            // Its rows go into the header's own table.
            top().node.children.pop();
            table = { node: apart.node, columns: apart.cols, group: null, rank: top().rank + 1 };
          } else
            table = {
              node: tnode,
              columns: isHeader
                ? cols
                : (apart?.cols ?? p.cells.map((_, i) => (i === 0 ? 'tt' : i === 1 ? 'task' : null))),
              group: null,
              rank: top().rank + 1,
            };
          if (isHeader) {
            lastHeader = { cols, node: tnode };
            continue;
          }
        }
        const cells: Record<string, string> = {};
        table.columns.forEach((c, i) => {
          if (c && p.cells![i]) cells[c] = p.cells![i]!;
        });
        const tt = (cells.tt ?? p.cells[0] ?? '').replace(/\.$/, '');
        const others = Object.entries(cells).filter(([k, v]) => k !== 'tt' && k !== 'task' && v);
        const roman = ROMAN_RE.test(tt) && tt !== '';
        const spread = new Set(p.cells.filter(Boolean)).size === 1 && p.cells.filter(Boolean).length > 1;
        // A row with neither TT nor task text goes on the row above (its TT and task cells merged down).
        const container = table.group ?? table.node;
        const above = container.children[container.children.length - 1];
        // So does a row whose TT and task are those of the row above (cells merged down in Word).
        const continues =
          above?.kind === 'row' &&
          above.cells &&
          ((!tt && !cells.task) || (!!tt && tt === above.marker && cells.task === above.cells.task));
        if (continues && others.length && above.cells) {
          for (const [k, v] of others)
            if (above.cells[k] !== v) above.cells[k] = above.cells[k] ? `${above.cells[k]}\n${v}` : v;
          above.span = [above.span[0], span[1]];
          continue;
        }
        // A group row that names a lead is itself a task (a group without rows under it).
        const groupTask = roman && !!cells.lead && !spread;
        if (
          !groupTask &&
          (roman || spread || (others.length === 0 && tt && !/^\d/.test(tt) && !cells.task))
        ) {
          const title = cells.task ?? p.cells.filter(Boolean).find((c) => c !== tt) ?? fullText;
          const g = b.newNode('group', tt, title, title, span);
          table.node.children.push(g);
          table.group = g;
        } else {
          const text = cells.task ?? p.cells.filter(Boolean).join(' ');
          const r = b.newNode('row', tt, text, text, span);
          r.cells = cells;
          if (groupTask) {
            table.node.children.push(r);
            table.group = null;
          } else container.children.push(r);
        }
        continue;
      }
      table = null;
      const m = p.marker;
      if (m?.kind === 'article') {
        b.warn('UNPARSED_LINE', 'Điều khoản nằm trong phần nội dung chương trình', span);
        const n = b.newNode('paragraph', '', fullText, fullText, span);
        top().node.children.push(n);
        continue;
      }
      if (m) {
        const text = clean(m.rest + source.slice(p.lines[0]!.end, span[1]));
        const kind: NodeKind = m.kind;
        const n = b.newNode(kind, m.marker, titleOf(text), text, span);
        popTo(m.rank);
        top().node.children.push(n);
        stack.push({ node: n, rank: m.rank });
        continue;
      }
      // "Trong quá trình thực hiện, … ./." at the very end of the body closes the document.
      if (p === paras[paras.length - 1] && /\.\/\.\s*$/.test(fullText) && stack.length > 2) {
        b.addOther('closing', span);
        continue;
      }
      // Unbulleted paragraph: an item of the nearest heading.
      while (stack.length > 1 && !headingRanks.has(top().rank)) stack.pop();
      const parent = top().node;
      const n = b.newNode('paragraph', '', titleOf(fullText), fullText, span);
      if (parent.children.some((c) => c.kind === 'bullet')) {
        b.warn(
          'UNBULLETED_ITEM',
          'Đoạn không có gạch đầu dòng sau các gạch đầu dòng: được coi là một mục riêng (có thể gộp vào mục trên)',
          span,
          n.id,
        );
      } else if (parent === root) {
        b.warn('UNPARSED_LINE', 'Đoạn văn nằm ngoài các phần của văn bản', span, n.id);
      }
      parent.children.push(n);
    }
  };

  /** A one-cell-per-line table (see cell-lines.ts) as a table node with its group rows and rows. */
  const addCellTable = (parent: DocNode, t: CellTable, at: Span) => {
    const header = t.columns.slice(1).join('; ');
    const tnode = b.newNode('table', '', 'Bảng', header, [at[0], t.headerEnd]);
    parent.children.push(tnode);
    let group: DocNode | null = null;
    for (const r of t.rows) {
      const span: Span = [r.start, r.end];
      const text = clean(r.cells.task ?? '');
      if (r.group) {
        group = b.newNode('group', r.tt, text, text, span);
        tnode.children.push(group);
        continue;
      }
      if (r.subRows?.length) {
        // A numbered row heading unnumbered sub-rows: a sub-group whose rows are the tasks.
        const sub = b.newNode('subgroup', r.tt, titleOf(text), text, span);
        for (const x of r.subRows) {
          const t = clean(x.cells.task ?? '');
          const row = b.newNode('row', '', t, t, [x.start, x.end]);
          row.cells = { tt: '', ...x.cells };
          sub.children.push(row);
        }
        (group ?? tnode).children.push(sub);
        continue;
      }
      const n = b.newNode('row', r.tt, text, text, span);
      n.cells = { tt: r.tt, ...r.cells };
      (group ?? tnode).children.push(n);
    }
    // A header repeated after a page break is furniture, like the running header.
    for (const rep of t.repeated) furniture.push([rep.start, rep.end]);
  };

  /** A Phụ lục: its heading and title lines, then its table(s) and items, as a top-level part. */
  const buildAnnex = (zone: Line[]): DocNode => {
    // "PHỤ LỤC I: …", or a "DANH MỤC NHIỆM VỤ …" heading standing for one.
    const m = ANNEX_RE.exec(zone[0]!.text) ?? ([zone[0]!.text, undefined, zone[0]!.text] as const);
    let k = 1;
    while (k < zone.length && k < 14) {
      const l = zone[k]!;
      if (tableCells(l.raw) || TT_LINE_RE.test(l.text) || headerLine(l.text)) break;
      const mk = markerOf(l.text);
      if (mk && mk.kind !== 'bullet' && !isUpperLine(l.text)) break;
      k++;
    }
    const span: Span = [zone[0]!.start, zone[k - 1]!.end];
    const whole = clean(source.slice(zone[0]!.start, zone[k - 1]!.end).replace(/^[^\n]*/, m[2] ?? ''));
    const title =
      clean(whole.replace(/\([^)]*\)?/g, ' ').replace(/[-_=–]{3,}/g, ' ')) ||
      (m[1] ? `Phụ lục ${m[1]}` : 'Phụ lục');
    const node = b.newNode('section', m[1] ?? '', title, whole || title, span);
    node.part = 'annex';
    buildInto(node, 1, zone.slice(k), true);
    return node;
  };

  const root = b.newNode('section', '', '', '', [0, 0]);
  if (bodyStart < closingStart) buildInto(root, 0, progLines.slice(bodyStart, closingStart), false);
  for (const zone of annexZones) root.children.push(buildAnnex(zone));

  const derived = deriveStructure(source, root.children, matcher, b);

  if (!program.issuer && closing.signer?.onBehalf) {
    program.issuer =
      closing.signer.onBehalf.replace(/^(T\/M|TM\.?|T\.M\.|KT\.?|Q\.|TL\.|TUQ\.)\s*/, '').trim() || null;
  }
  program.partyLayout = isParty(program, closing.signer);
  const firstAnnex = root.children.find((c) => c.part === 'annex');
  if (!program.docKind && !program.title && firstAnnex && root.children[0] === firstAnnex) {
    program.docKind = 'PHỤ LỤC';
    program.title = firstAnnex.title;
    // "(Ban hành kèm theo Quyết định số 877/QĐ-BTP ngày 03/3/2025 của Bộ trưởng Bộ Tư pháp)"
    const note =
      /kèm theo\s+(?:Quyết định|Kế hoạch|Nghị quyết|Chương trình|Chỉ thị|Công văn|Văn bản)\s+số\s*:?\s*(\d[\p{L}\d/.\-\s]*?)\s+ngày\s+(\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})/u.exec(
        firstAnnex.text,
      );
    if (note && !program.number) {
      program.number = note[1]!.replace(/\s*([-/])\s*/g, '$1').trim();
      program.date = parseVnDate('ngày ' + note[2]!);
    }
  }

  for (const f of furniture) b.addOther('furniture', f);
  for (const f of footnoteMarks) b.addOther('footnote', f);
  return finishBodies(
    {
      source: original,
      program,
      sections: root.children,
      ...derived,
      recipients: closing.recipients,
      signer: closing.signer,
      warnings: b.warnings.sort((x, y) => x.span[0] - y.span[0]),
      other: b.other.sort((x, y) => x.span[0] - y.span[0]),
    },
    opts,
  );
}

/**
 * Everything that follows from the tree: labels, references, tasks and responsibilities, and their
 * warnings. Run after parsing and again after each correction of the tree.
 */
function deriveStructure(
  source: string,
  sections: DocNode[],
  matcher: BodyMatcher,
  b: Builder,
): Pick<ParsedDocument, 'tasks' | 'responsibilities' | 'references'> {
  const root = { children: sections } as DocNode;
  // ---- labels ----
  const label = (n: DocNode, parentLabel: string) => {
    let item = 0;
    let tableNo = 0;
    let groupNo = 0;
    let headingNo = 0;
    let sectionNo = 0;
    const annexes = n.children.filter((c) => c.part === 'annex').length;
    let annexNo = 0;
    for (const c of n.children) {
      if (c.part === 'annex') {
        annexNo++;
        c.label = c.marker ? `PL.${c.marker}` : annexes > 1 ? `PL.${annexNo}` : 'PL';
      } else if (c.kind === 'section') c.label = c.marker || romanOf(sectionNo + 1);
      if (c.kind === 'section') sectionNo += c.part === 'annex' ? 0 : 1;
      else if (c.kind === 'group' || c.kind === 'subgroup') {
        headingNo++;
        if (n.kind === 'table') c.label = `${parentLabel}.${++groupNo}`;
        else
          c.label = parentLabel ? `${parentLabel}.${c.marker || headingNo}` : c.marker || String(headingNo);
      } else if (c.kind === 'table') c.label = `${parentLabel}.B${++tableNo}`;
      else if (c.kind === 'row')
        c.label = `${n.kind === 'table' ? parentLabel.replace(/\.B\d+$/, '') : parentLabel}.${c.marker || ++item}`;
      else if (isIntro(c) || isNoteNode(c)) c.label = `${parentLabel}.0`;
      else c.label = `${parentLabel}${parentLabel ? '.' : ''}${++item}`;
      label(c, c.kind === 'table' ? c.label : c.label);
    }
  };
  label(root, '');
  // Rows of a table group: "II.1.3" (section II, first group row, TT 3).
  // An unnumbered row is labelled under the numbered row above it ("PL.III.6.1"), like a sub-row.
  const labelRows = (rows: DocNode[], base: string) => {
    let k = 0;
    let last: string | null = null;
    let sub = 0;
    for (const r of rows) {
      if (r.kind === 'group') continue;
      if (r.marker) {
        r.label = `${base}.${r.marker}`;
        last = r.label;
        sub = 0;
        k++;
      } else r.label = last ? `${last}.${++sub}` : `${base}.${++k}`;
      let j = 0;
      for (const x of r.children) x.label = `${r.label}.${x.marker || ++j}`;
    }
  };
  const relabelTable = (t: DocNode, base: string) => {
    let g = 0;
    for (const c of t.children) {
      if (c.kind === 'group') {
        g++;
        c.label = `${base}.${c.marker || g}`;
        labelRows(c.children, c.label);
      }
    }
    labelRows(t.children, base);
  };
  const hasItems = (n: DocNode) =>
    n.children.some(
      (c) =>
        !isIntro(c) &&
        !isNoteNode(c) &&
        (c.kind === 'paragraph' || c.kind === 'bullet' || c.kind === 'group'),
    );
  const walk = (n: DocNode, f: (x: DocNode, parent: DocNode) => void) => {
    for (const c of n.children) {
      f(c, n);
      walk(c, f);
    }
  };
  walk(root, (c, parent) => {
    // Rows directly in a table next to other items are numbered under the table ("II.B1.3").
    if (c.kind === 'table')
      relabelTable(
        c,
        hasItems(parent) && !c.children.some((x) => x.kind === 'group') ? c.label : parent.label,
      );
  });

  // ---- references ----
  const references = findReferences(source);
  const refSpans: Span[] = references.flatMap((r) => r.citations);

  // ---- tasks ----
  const sectionRole = (s: DocNode): 'purpose' | 'tasks' | 'organisation' | 'other' => {
    if (s.part === 'annex') return 'tasks';
    const f = foldKeepOffsets(s.title);
    if (/muc dich|muc tieu|yeu cau/.test(f) && !/nhiem vu/.test(f)) return 'purpose';
    if (/to chuc thuc hien|trach nhiem/.test(f)) return 'organisation';
    if (/nhiem vu|giai phap|noi dung|danh muc/.test(f)) return 'tasks';
    return 'other';
  };
  let taskSections = sections.filter((s) => sectionRole(s) === 'tasks');
  if (taskSections.length === 0) {
    const withTable = sections.filter((s) => hasKind(s, 'table'));
    taskSections = withTable.length
      ? withTable
      : sections.filter((s) => sectionRole(s) === 'other').slice(0, 1);
    if (taskSections.length === 0 && sections.length === 0) taskSections = [];
  }
  const tasks: Task[] = [];
  const makeTask = (n: DocNode, group: DocNode | null) => {
    const times = findTimes(source.slice(n.span[0], n.span[1]), n.span[0], refSpans);
    let lead: BodyMention | null = null;
    let leads: BodyMention[] = [];
    let cooperating: BodyMention[] = [];
    let deadline: TimeExpression | null = null;
    let products: string[] = [];
    let submitTo: string | null = null;
    if (n.kind === 'row' && n.cells) {
      const cellSpan = n.span;
      const cellBodies = (v: string | undefined) => {
        if (!v || NO_BODY_CELL_RE.test(v)) return [];
        const whole = matcher.matchPhrase(v, cellSpan);
        if (whole.match !== 'none') return [whole];
        const found = resolveBodies(v, 0, matcher).map((m) => ({ ...m, span: cellSpan }));
        // A cell of the lead or cooperating column names a body even when its name does not start like
        // one ("Viettel Phú Thọ"): kept as written, to be matched or proposed.
        const name = clean(v).replace(/[.;,]+$/, '');
        const notAName =
          GENERIC_RE.test(name) ||
          name.split(/\s+/).length > 12 ||
          /^\d/.test(name) ||
          findTimes(name, 0).length > 0;
        return found.length || notAName ? found : [{ ...whole, text: name }];
      };
      // "Ủy ban nhân dân cấp tỉnh trình Hội đồng nhân dân cùng cấp": the lead, and the level it submits to.
      const tr = n.cells.lead ? /^(.+?)\s+trình\s+(.+)$/u.exec(n.cells.lead) : null;
      if (tr && !n.cells.submitTo) submitTo = clean(tr[2]!).replace(/[.;]+$/, '');
      leads = cellBodies(tr ? tr[1] : n.cells.lead);
      cooperating = cellBodies(n.cells.cooperating);
      if (n.cells.deadline) {
        const dt = findTimes(n.cells.deadline, 0);
        deadline = pickDeadline(dt.map((t) => ({ ...t, span: cellSpan })));
        if (!deadline)
          deadline = {
            text: n.cells.deadline,
            span: cellSpan,
            kind: 'recurrence',
            value: n.cells.deadline,
            relation: 'in',
          };
      }
      products = (n.cells.products ?? '').split(/\s*[;\n]\s*/).filter(Boolean);
    } else {
      const r = leadAndCooperating(source, n.span, matcher);
      leads = r.leads;
      cooperating = r.cooperating;
      const pm = /sản phẩm(?: cụ thể)?(?: là)?\s*:\s*([^.;]+)/i.exec(n.text);
      if (pm) products = pm[1]!.split(/\s*,\s*/).filter(Boolean);
    }
    // A time that dates a target or a plan named in the text ("đạt mục tiêu tới năm 2026", "kế hoạch
    // đầu tư công trung hạn giai đoạn 2026 - 2030") is not the task's deadline.
    deadline ??= pickDeadline(
      n.kind === 'row'
        ? times
        : times.filter(
            (t) =>
              !TARGET_TIME_RE.test(source.slice(Math.max(n.span[0], t.span[0] - 40), t.span[0])) &&
              !/^\s*,?\s*(đạt|phấn đấu)\s/u.test(source.slice(t.span[1], t.span[1] + 20)),
          ),
    );
    if (leads.length === 1) lead = leads[0]!;
    if (leads.length > 1)
      b.warn(
        'TWO_LEADS',
        `Nhiệm vụ ${n.label} có ${leads.length} cơ quan chủ trì: giữ nguyên như văn bản, cần xác định một cơ quan chủ trì`,
        n.span,
        n.id,
      );
    b.warnUnmatched([...leads, ...cooperating], n.id);
    if (n.kind === 'row' && !n.marker)
      b.warn(
        'ROW_UNNUMBERED',
        `Hàng ${n.label} của bảng không có số thứ tự: giữ là một nhiệm vụ, cần kiểm tra (có thể là phần tiếp của hàng trên)`,
        n.span,
        n.id,
      );
    tasks.push({
      nodeId: n.id,
      label: n.label,
      text: n.text,
      groupLabel: group?.label ?? null,
      groupTitle: group?.title ?? null,
      lead,
      leads,
      cooperating,
      deadline,
      times,
      products,
      submitTo: (n.kind === 'row' && n.cells?.submitTo) || submitTo,
      linkedGroupLabel: null,
      span: n.span,
    });
  };
  // "a) Chỉ tiêu" / "Mục tiêu" under a group of the tasks section lists targets, not tasks.
  const isTargets = (c: DocNode) =>
    /^(cac )?(chi tieu|muc tieu|muc dich|yeu cau|quan diem)(\s|,|$)/.test(foldKeepOffsets(c.title));
  // "(Phân công nhiệm vụ theo Phụ lục đính kèm)": a note.
  const isNote = isNoteNode;
  // A plan whose tasks are a), b) … items: most of its lettered items have nothing under them.
  const bodyLetters = taskSections
    .filter((x) => x.part !== 'annex')
    .flatMap((x) => x.children.flatMap((g) => g.children.filter((c) => c.kind === 'subgroup')));
  const itemisedPlan =
    bodyLetters.length >= 5 &&
    bodyLetters.filter((x) => x.children.length === 0).length >= bodyLetters.length * 0.7;
  const collectTasks = (n: DocNode, group: DocNode | null) => {
    for (const c of n.children) {
      if (isNote(c)) continue;
      if ((c.kind === 'group' || c.kind === 'subgroup') && c.children.length && isTargets(c)) continue;
      if (c.kind === 'group' || c.kind === 'subgroup') {
        // In a plan organised as a), b) … items, the item is the task and its "-" lines are its parts.
        const itemised =
          c.kind === 'subgroup' &&
          itemisedPlan &&
          c.children.every((x) => x.kind === 'bullet' || isIntro(x) || isNote(x));
        if (!itemised && c.children.some((x) => !isNote(x))) collectTasks(c, c);
        else makeTask(c, group);
      } else if (c.kind === 'table') collectTasks(c, group);
      else if (isIntro(c))
        continue; // "… như sau:" introduces, it is not a task
      else makeTask(c, group);
    }
  };
  // A Phụ lục is the group of the rows that have no group row above them.
  for (const s of taskSections) collectTasks(s, s.part === 'annex' ? s : null);
  // Annex rows belong to the body group of the same name ("I. Cải cách thể chế" in the Phụ lục,
  // "1. Cải cách thể chế" in section II): linked, both kept.
  const bodyGroups = taskSections
    .filter((s) => s.part !== 'annex')
    .flatMap((s) => s.children.filter((c) => c.kind === 'group' || c.kind === 'subgroup'));
  const nameKey = (t: string) =>
    foldKeepOffsets(t)
      .replace(/[^a-z0-9 ]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  for (const t of tasks) {
    if (!t.label.startsWith('PL') || !t.groupTitle) continue;
    const key = nameKey(t.groupTitle);
    if (key.split(' ').length < 2) continue;
    const g = bodyGroups.find((x) => {
      const k = nameKey(x.title);
      return k === key || (k.length > 12 && (k.startsWith(key) || key.startsWith(k)));
    });
    if (g) t.linkedGroupLabel = g.label;
  }

  // ---- responsibilities ----
  const responsibilities: Responsibility[] = [];
  for (const s of sections.filter((x) => sectionRole(x) === 'organisation')) {
    for (const g of s.children) {
      if (g.kind !== 'group' && g.kind !== 'subgroup') continue;
      const colon = source.slice(g.span[0], g.span[1]).indexOf(': ');
      const headSpan: Span = [g.span[0], colon > 0 ? g.span[0] + colon : g.span[1]];
      const bodies = responsibilityBodies(source, headSpan, matcher);
      const duties =
        colon > 0
          ? clean(source.slice(g.span[0] + colon + 1, g.span[1]))
          : g.children.map((c) => c.text).join(' ');
      const lc = leadAndCooperating(source, g.span, matcher);
      responsibilities.push({
        nodeId: g.id,
        label: g.label,
        bodies,
        lead: lc.leads.length === 1 ? lc.leads[0]! : bodies.length === 1 ? bodies[0]! : null,
        cooperating: lc.cooperating,
        duties,
        span: g.span,
      });
      b.warnUnmatched(bodies, g.id);
      // A bullet that starts by naming a body ("Ban Nội chính Thành ủy chủ trì, …") is a responsibility of its own.
      for (const c of g.children) {
        const textStart =
          c.span[0] + (source.slice(c.span[0], c.span[1]).match(/^[-–—•*+]?\s*/)?.[0].length ?? 0);
        const mentions = matcher.findMentions(source.slice(textStart, c.span[1]), textStart);
        const leading: BodyMention[] = [];
        let at = textStart;
        for (const mt of mentions) {
          const between = source.slice(at, mt.span[0]);
          if (leading.length === 0 ? between.trim() !== '' : !/^\s*(,|và)?\s*$/.test(between)) break;
          leading.push(mt);
          at = mt.span[1];
        }
        if (leading.length === 0) continue;
        const sub = leadAndCooperating(source, c.span, matcher);
        responsibilities.push({
          nodeId: c.id,
          label: c.label,
          bodies: leading,
          lead: sub.leads.length === 1 ? sub.leads[0]! : leading.length === 1 ? leading[0]! : null,
          cooperating: sub.cooperating,
          duties: clean(source.slice(at, c.span[1])).replace(/^[,:]\s*/, ''),
          span: c.span,
        });
      }
    }
  }

  return { tasks, responsibilities, references };
}

/** A node's own text from its span: markup and its marker removed, whitespace collapsed. */
export function nodeText(source: string, span: Span): { marker: Marker | null; text: string } {
  const t = clean(source.slice(span[0], span[1]));
  const m = markerOf(t);
  return { marker: m, text: m && m.kind !== 'article' ? m.rest : t };
}

export function titleOfText(text: string): string {
  return titleOf(text);
}

/** "(Phân công nhiệm vụ theo Phụ lục đính kèm)": a note in brackets; not an item, labelled ".0". */
function isNoteNode(n: DocNode): boolean {
  return n.kind === 'paragraph' && /^\(.*\)\.?$/.test(n.text);
}

/** "Các nhiệm vụ … như sau:": a paragraph that introduces what follows; not an item, labelled ".0". */
function isIntro(n: DocNode): boolean {
  return n.kind === 'paragraph' && /:$/.test(n.text);
}

function hasKind(n: DocNode, kind: NodeKind): boolean {
  return n.children.some((c) => c.kind === kind || hasKind(c, kind));
}

function titleOf(text: string): string {
  const t = text.length > 200 ? text.slice(0, 200) : text;
  const stop = t.search(/[.;:](\s|$)/);
  return (stop > 20 ? t.slice(0, stop) : t).trim();
}

const VERB_STOP =
  /(?<!các|những)\s(?:tham mưu|triển khai|xây dựng|tổ chức|thực hiện|nghiên cứu|đề xuất|báo cáo|hướng dẫn|kiểm tra|theo dõi|rà soát|ban hành|trình|chỉ đạo|tăng cường|để|nhằm|công khai|cung cấp|tuyên truyền|giám sát|tổng hợp|biên soạn|cập nhật|số hóa|tiếp nhận|giải quyết|bố trí|phổ biến|đôn đốc|lồng ghép|tập huấn|thẩm định|xử lý|sơ kết|tổng kết|đánh giá|đẩy mạnh|quán triệt|kiểm soát|bảo đảm|đảm bảo|hoàn thiện|nâng cao|phát động|vận động|tham gia|là cơ quan|có trách nhiệm|căn cứ|chịu trách nhiệm|thường xuyên|định kỳ|hằng năm|hàng năm|trước ngày|trong năm|trong quý|hằng quý)(?=[\s,.;:]|$)|[;.:(]|$/u;

/** How the name of an organisation starts, for bodies not (yet) in the directory. */
const BODY_WORD_RE =
  /^(Sở|Ban|Bộ|Ủy ban|UBND|HĐND|Cục|Chi cục|Tổng cục|Phòng|Văn phòng|Đảng ủy|Đảng đoàn|Hội|Viện|Tòa|Công an|Thanh tra|Trung tâm|Liên đoàn|Mặt trận|Thành đoàn|Đoàn|Kho bạc|Ngân hàng|Bảo hiểm|Học viện|Trường|Cơ quan|Thường trực|Quận|Huyện|Xã|Phường|Thị xã|Chính phủ|Thủ tướng|Đài|Báo|Các|Chi bộ|Đảng bộ|Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Đảng|MTTQ|BCS|Thuế|Vụ|Cấp ủy|Cấp uỷ|Thủ trưởng|Cơ sở|Người đứng đầu|Tổng cục|Kiểm toán|Tập đoàn|Tổng công ty|Bảo hiểm xã hội|Ngân hàng Nhà nước)(?=[\s,.;:]|$)/u;

/** A table cell that refers elsewhere instead of naming a body ("Theo phân công tại Quyết định số …"). */
export const NO_BODY_CELL_RE = /^(Theo|Như|Căn cứ|Tại)\s/u;

const GENERIC_RE = /^(các |những )?(cơ quan|đơn vị|ngành|địa phương|tổ chức|bộ phận)( có)?( liên quan)?$/iu;

/**
 * Splits a list of bodies ("Sở Nội vụ, Sở Tài chính và Sở Tư pháp", "Các sở, ban, ngành Thành phố",
 * "Văn phòng HĐND và UBND xã") into one phrase per body, with its offset in `text`.
 * Commas separate bodies unless the next piece does not start like a body ("ban", "ngành…");
 * "và" separates only when both sides start with the same word (Bộ … và Bộ …) or the right side
 * starts with "các".
 */
export function splitBodyList(text: string): { text: string; at: number }[] {
  const raw: { text: string; at: number }[] = [];
  const re = /[^,;\n/]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const t = m[0].trim();
    if (t) raw.push({ text: t, at: m.index + lead });
  }
  const merged: { text: string; at: number }[] = [];
  for (const p of raw) {
    const prev = merged[merged.length - 1];
    if (prev && !BODY_WORD_RE.test(p.text) && !/^[\p{Lu}]/u.test(p.text) && !/^(các|những)\s/u.test(p.text)) {
      prev.text = text.slice(prev.at, p.at + p.text.length);
      continue;
    }
    merged.push({ ...p });
  }
  const out: { text: string; at: number }[] = [];
  for (const p of merged) {
    let rest = p;
    for (;;) {
      const i = rest.text.search(/\svà\s/u);
      if (i < 0) break;
      const left = rest.text.slice(0, i);
      const right = rest.text.slice(i + 4).trimStart();
      const head = (s: string) => s.split(/\s+/)[0]!.toLowerCase();
      if (!(head(left) === head(right) || /^các\s/iu.test(right))) break;
      out.push({ text: left.trim(), at: rest.at });
      rest = { text: right, at: rest.at + rest.text.indexOf(right, i) };
    }
    out.push(rest);
  }
  return out
    .map((p) => {
      const lead = /^(?:[*_]+|(?:với|và)\s+)+/u.exec(p.text)?.[0].length ?? 0;
      return {
        text: p.text
          .slice(lead)
          .replace(/[*_.]+$/, '')
          .replace(/[*_]+/g, '')
          .trim(),
        at: p.at + lead,
      };
    })
    .filter((p) => p.text.length > 1 && !GENERIC_RE.test(p.text));
}

/** Resolves each listed body against the directory; keeps unknown ones that look like a body. */
/** Names with a comma inside, folded: their commas do not part two bodies. */
const COMMA_NAMES = ['van hoa, the thao', 'chinh sach, chien luoc', 'thong tin, truyen thong'];
const commaNamesOf = new WeakMap<BodyMatcher, string[]>();
const PROTECTED_COMMA = '\u201a';

/** The text with the commas inside known names ("Bộ Văn hóa, Thể thao và Du lịch") replaced, offsets kept. */
function protectCommas(text: string, matcher: BodyMatcher): string {
  let names = commaNamesOf.get(matcher);
  if (!names) {
    names = [
      ...COMMA_NAMES,
      ...matcher.units
        .flatMap((u) => [u.name, u.shortName ?? ''].filter((n) => n.includes(',')))
        .map((n) => foldKeepOffsets(n)),
    ];
    commaNamesOf.set(matcher, names);
  }
  const folded = foldKeepOffsets(text);
  let out = text;
  for (const n of names)
    for (let i = folded.indexOf(n); i >= 0; i = folded.indexOf(n, i + 1))
      for (let k = i; k < i + n.length; k++)
        if (out[k] === ',') out = out.slice(0, k) + PROTECTED_COMMA + out.slice(k + 1);
  return out;
}

function resolveBodies(text: string, offset: number, matcher: BodyMatcher): BodyMention[] {
  const out: BodyMention[] = [];
  for (const p0 of splitBodyList(protectCommas(text, matcher))) {
    const p = { ...p0, text: p0.text.split(PROTECTED_COMMA).join(',') };
    const span: Span = [offset + p.at, offset + p.at + p.text.length];
    const m = matcher.matchPhrase(p.text, span);
    if (m.match !== 'none') {
      out.push(m);
      continue;
    }
    // Known bodies inside the phrase count only if nothing but separators is left over
    // ("Trung tâm Phục vụ hành chính công xã" is not the city's centre).
    const inner = matcher.findMentions(p.text, span[0]).filter((x) => x.match !== 'none');
    let rest = p.text;
    for (const x of inner) rest = rest.replace(x.text, ' ');
    if (inner.length && /^(?:[\s,;]|và|các)*$/u.test(rest)) out.push(...inner);
    else if ((BODY_WORD_RE.test(p.text) || /^các\s/u.test(p.text)) && p.text.split(/\s+/).length <= 14)
      out.push(m);
  }
  return out;
}

/** "X chủ trì, phối hợp với Y, Z …" in a span of the source. */
function leadAndCooperating(
  source: string,
  span: Span,
  matcher: BodyMatcher,
): { leads: BodyMention[]; cooperating: BodyMention[] } {
  const text = source.slice(span[0], span[1]);
  const f = foldKeepOffsets(text);
  // "X chủ trì" — not "một cơ quan chủ trì" (the noun) nor "chủ trì tham mưu" without a subject.
  const ctRe = /\bchu tri\b/g;
  let ct: RegExpExecArray | null = null;
  for (let m = ctRe.exec(f); m; m = ctRe.exec(f)) {
    if (!/(co quan|don vi|vai tro|nguyen tac)\s*$/.test(f.slice(Math.max(0, m.index - 20), m.index))) {
      ct = m;
      break;
    }
  }
  if (!ct) return { leads: [], cooperating: [] };
  // The lead: the bodies named in the clause just before "chủ trì".
  let clauseStart = Math.max(0, text.slice(0, ct.index).search(/[^.;:]*$/));
  const marker = /^\s*(?:[-–—•*+]|\d+[.)]|[a-zđ]\))\s*/u.exec(text.slice(clauseStart));
  if (marker) clauseStart += marker[0].length;
  let leadText = text.slice(clauseStart, ct.index);
  // "…, Sở Tư pháp là cơ quan thường trực, chủ trì" / "Sở Tư pháp được giao chủ trì"
  leadText = leadText.replace(/\s+(là cơ quan thường trực|được giao|có trách nhiệm)[\s,]*$/u, '');
  const leads =
    leadText.split(/\s+/).length <= 16 ? resolveBodies(leadText, span[0] + clauseStart, matcher) : [];
  const after = f.slice(ct.index + ct[0].length);
  const ph = /^[\s,]*(?:va\s+)?phoi hop(?:\s+voi)?\s+/.exec(after);
  let cooperating: BodyMention[] = [];
  if (ph) {
    const startRel = ct.index + ct[0].length + ph[0].length;
    const rest = text.slice(startRel);
    const stop = rest.search(VERB_STOP);
    cooperating = resolveBodies(rest.slice(0, stop < 0 ? rest.length : stop), span[0] + startRel, matcher);
  }
  return { leads, cooperating };
}

/** Who a responsibility item names: its heading if short, else the subject before the first verb. */
function responsibilityBodies(source: string, head: Span, matcher: BodyMatcher): BodyMention[] {
  const raw = source.slice(head[0], head[1]);
  const marker = /^\s*(?:[-–—•*+]|\d+[.)]|[a-zđ]\))\s*/u.exec(raw);
  const start = head[0] + (marker?.[0].length ?? 0);
  let text = source.slice(start, head[1]);
  const stop = text.search(VERB_STOP);
  const words = text.split(/\s+/).length;
  const ct = text.search(/\s+chủ trì(?=[\s,.;:]|$)/u);
  if (ct > 0) text = text.slice(0, ct).replace(/\s+(là cơ quan thường trực|được giao)[\s,]*$/u, '');
  else if (words > 16) {
    text = text.slice(0, stop < 0 ? text.length : stop).replace(/\s+chủ trì[\s,]*$/u, '');
  }
  text = text.replace(/[:.]\s*$/, '');
  return resolveBodies(text, start, matcher);
}

/** A heading with nothing read yet. */
export function emptyProgramMeta(): ProgramMeta {
  return {
    issuer: null,
    parentIssuer: null,
    motto: [],
    number: null,
    place: null,
    date: null,
    docKind: null,
    title: null,
    preamble: null,
    wrapper: null,
    partyLayout: false,
  };
}

/** The header block: issuing body, motto, number, place and date, kind, title, preamble. */
function parseHeader(lines: Line[], b: Builder, as: 'header' | 'wrapper'): ProgramMeta {
  const meta = emptyProgramMeta();
  const issuerLines: string[] = [];
  const titleParts: string[] = [];
  const preambleParts: string[] = [];
  let state: 'top' | 'title' | 'preamble' = 'top';
  /** Title text on the kind line itself ("CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ"): the next line still starts the title. */
  let kindRest = 0;
  for (const l of lines) {
    let kind: OtherKind = as === 'wrapper' ? 'wrapper' : 'header';
    let lineText = l.text;
    // "Lào Cai, ngày       tháng      năm 2026": place and date (blank in an unsigned copy), also in the
    // right-hand column of a line.
    const pdm = /(?:^|\s{3,}|\t|\s\|\s)(\p{Lu}[\p{L}.]*(?: [\p{L}.]+){0,4}),\s*ngày\b(.*)$/u.exec(lineText);
    if (pdm && !meta.place && state === 'top') {
      meta.place = pdm[1]!.trim();
      meta.date = parseVnDate('ngày' + pdm[2]!);
      lineText = lineText.slice(0, pdm.index);
    }
    // "Số: 180/2026/NĐ- CP", "Số 11- KH/TW", "Số:      /KH-UBND" (no number yet: none is invented).
    // "…/NĐ-" then "CP" on the next line: the number goes on.
    if (
      meta.number &&
      /[-/]$/.test(meta.number) &&
      /^[\p{Lu}Đ]{1,10}(?:[-/][\p{Lu}Đ]{1,10})?$/u.test(lineText.trim())
    ) {
      meta.number += lineText.trim();
      b.addOther(kind, [l.start, l.end]);
      continue;
    }
    const nm = /^Số\s*:?\s*(.*)$/u.exec(lineText.trim());
    if (nm && state === 'top' && meta.number === null) {
      const rest = nm[1]!;
      const cut = rest.search(/\t|\s\|\s|\s{3,}(?=\p{Lu}{2})/u);
      const numText = (cut >= 0 ? rest.slice(0, cut) : rest).replace(/\s*([-/])\s*/g, '$1').trim();
      if (/^\d/.test(numText)) meta.number = numText.replace(/[,.;]$/, '');
      lineText = cut >= 0 ? rest.slice(cut) : '';
    }
    // Two header columns on one line ("THÀNH ỦY HÀ NỘI    ĐẢNG CỘNG SẢN VIỆT NAM").
    const parts = lineText
      .split(/\t+|\s{3,}|\s\|\s/)
      .map((x) => x.trim())
      .filter(Boolean);
    for (const part of parts) {
      const t = part.replace(/^[*_\s]+|[*_\s]+$/g, '');
      if (!t) continue;
      if (/^[-–—_*=.]+$/.test(t)) {
        // The rule under a title ends it.
        if (state === 'title' && titleParts.length > kindRest) state = 'preamble';
        continue;
      }
      if (state === 'top' && MOTTO_RE.test(t)) {
        meta.motto.push(t);
        continue;
      }
      const num = /^Số\s*:?\s*(\S+)/.exec(t);
      if (num && state === 'top') {
        meta.number = num[1]!.replace(/[,.;]$/, '');
        continue;
      }
      const pd = /^([\p{L} .]+?),\s*ngày\s+(.+)$/u.exec(t);
      if (pd && parseVnDate('ngày ' + pd[2]!) && !meta.date && t.length < 80) {
        meta.place = pd[1]!.trim();
        meta.date = parseVnDate('ngày ' + pd[2]!);
        continue;
      }
      if (state === 'top' && DOC_KINDS_RE.test(t) && isUpperLine(t)) {
        meta.docKind = DOC_KINDS_RE.exec(t)![1]!;
        const rest = t.slice(meta.docKind.length).trim();
        if (rest) titleParts.push(rest);
        kindRest = rest ? 1 : 0;
        state = 'title';
        continue;
      }
      if (state === 'top' && isUpperLine(t)) {
        issuerLines.push(t);
        continue;
      }
      if (state === 'title') {
        if (
          /^\(.*\)$/.test(t) ||
          startsLower(t) ||
          (titleParts.length === kindRest && !TERMINAL_RE.test(t) && t.length < 400) ||
          // A title wrapped over lines: the line before did not end a sentence.
          (titleParts.length > kindRest &&
            !TERMINAL_RE.test(titleParts[titleParts.length - 1]!) &&
            !/^\(/.test(titleParts[titleParts.length - 1]!) &&
            !/^(Căn cứ|Theo đề nghị|Xét|Thực hiện|Nhằm|Để)(?=\s|$)/u.test(t) &&
            !(isUpperLine(t) && !isUpperLine(titleParts[titleParts.length - 1]!)) &&
            t.length < 200)
        ) {
          titleParts.push(t);
          continue;
        }
        state = 'preamble';
      }
      if (state === 'preamble' || state === 'top') {
        preambleParts.push(t);
        kind = 'preamble';
      }
    }
    b.addOther(kind, [l.start, l.end]);
  }
  // "ỦY BAN NHÂN DÂN" / "XÃ ĐẠI THANH" is one name broken over two lines.
  for (let i = issuerLines.length - 1; i > 0; i--) {
    if (
      /^(XÃ|PHƯỜNG|THỊ TRẤN|HUYỆN|QUẬN|THỊ XÃ|TỈNH|THÀNH PHỐ)\s/.test(issuerLines[i]!) &&
      /^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|UBND|HĐND)$/.test(issuerLines[i - 1]!)
    ) {
      issuerLines.splice(i - 1, 2, `${issuerLines[i - 1]} ${issuerLines[i]}`);
    }
  }
  if (issuerLines.length) {
    meta.issuer = issuerLines[issuerLines.length - 1]!;
    if (issuerLines.length > 1) meta.parentIssuer = issuerLines.slice(0, -1).join(' ');
  }
  meta.title = titleParts.length
    ? titleParts
        .join(' ')
        .replace(/\s*\((?:Ban hành )?[Kk]èm theo[^)]*\)?\s*$/u, '')
        .trim() || titleParts.join(' ')
    : null;
  meta.preamble = preambleParts.length ? preambleParts.join('\n') : null;
  return meta;
}

/** "Trên đây…", "Nơi nhận:" with its list, and the signature block. */
/**
 * "Nơi nhận:            TM. ỦY BAN NHÂN DÂN" — the recipients and the signature side by side (a text
 * from a two-column table or a PDF): each line cut at its wide gap, the left column read first.
 */
function splitColumns(lines: Line[]): Line[] {
  const cut = (l: Line) => {
    const m = /\S(\s{3,}|\t+)\S/u.exec(l.raw);
    if (!m) return null;
    const at = m.index + 1;
    const leftRaw = l.raw.slice(0, at).trimEnd();
    const rightRaw = l.raw.slice(at + m[1]!.length);
    const mk = (raw: string, start: number): Line => ({
      start,
      end: start + raw.length,
      raw,
      text: stripMarkup(raw),
    });
    return [mk(leftRaw, l.start), mk(rightRaw, l.start + at + m[1]!.length)] as const;
  };
  const twoCol = lines.some((l) => /^Nơi nhận/.test(l.text) && cut(l) && ON_BEHALF_RE.test(cut(l)![1].text));
  if (!twoCol) return lines;
  const left: Line[] = [];
  const right: Line[] = [];
  for (const l of lines) {
    const c = cut(l);
    if (c) {
      left.push(c[0]);
      right.push(c[1]);
    } else if (/^[-–•+]\s*\S|^Nơi nhận/.test(l.text)) left.push(l);
    else right.push(l);
  }
  return [...left, ...right];
}

function parseClosing(
  lines0: Line[],
  b: Builder,
): { recipients: ParsedDocument['recipients']; signer: Signer | null } {
  const recipients: ParsedDocument['recipients'] = [];
  const signerLines: Line[] = [];
  let inRecipients = false;
  const lines = splitColumns(lines0);
  for (const l of lines) {
    const t = l.text;
    if (/^Nơi nhận\s*:?/.test(t)) {
      inRecipients = true;
      b.addOther('recipients', [l.start, l.end]);
      const inline = t.replace(/^Nơi nhận\s*:?\s*/, '');
      if (inline)
        recipients.push({
          text: inline.replace(/^[-–•+]\s*/, '').replace(/[,;.]$/, ''),
          span: [l.start, l.end],
        });
      continue;
    }
    if (inRecipients && /^[-–•+]\s*\S/.test(t) && !ON_BEHALF_RE.test(t)) {
      recipients.push({
        text: t
          .replace(/^[-–•+]\s*/, '')
          .replace(/[,;.]+$/, '')
          .trim(),
        span: [l.start, l.end],
      });
      b.addOther('recipients', [l.start, l.end]);
      continue;
    }
    inRecipients = false;
    if (ON_BEHALF_RE.test(t) || signerLines.length > 0 || (isUpperLine(t) && !/^Trên đây/.test(t))) {
      signerLines.push(l);
      b.addOther('signer', [l.start, l.end]);
      continue;
    }
    b.addOther('closing', [l.start, l.end]);
  }
  if (signerLines.length === 0) return { recipients, signer: null };
  const texts = signerLines.map((l) => l.text).filter((t) => !SIGNED_RE.test(t) && !/^[-–_.]+$/.test(t));
  // "TM. CHÍNH PHỦ" / "KT. THỦ TƯỚNG": every on-behalf line, in order, then the position.
  const behalfLines = texts.filter((t) => ON_BEHALF_RE.test(t));
  const onBehalf = behalfLines.length ? behalfLines.join(' ') : null;
  const upper = texts.filter((t) => !behalfLines.includes(t) && isUpperLine(t));
  const name =
    [...texts]
      .reverse()
      .find((t) => !isUpperLine(t) && /^[\p{Lu}][\p{Ll}]*(\s+[\p{Lu}][\p{Ll}]*)+$/u.test(t)) ?? null;
  return {
    recipients,
    signer: {
      onBehalf,
      position: upper.length ? upper.join(' ') : null,
      name,
      span: [signerLines[0]!.start, signerLines[signerLines.length - 1]!.end],
    },
  };
}

function isParty(meta: ProgramMeta, signer: Signer | null): boolean {
  if (meta.motto.some((m) => /ĐẢNG CỘNG SẢN/i.test(m))) return true;
  if (meta.number && /\/(TW|TU|TƯ|HU|QU|ĐU|TXU)$/.test(meta.number)) return true;
  const who = `${meta.issuer ?? ''} ${signer?.onBehalf ?? ''}`;
  return /(THÀNH ỦY|TỈNH ỦY|HUYỆN ỦY|QUẬN ỦY|ĐẢNG ỦY|ĐẢNG BỘ|BAN CHẤP HÀNH|BAN THƯỜNG VỤ|BAN CÁN SỰ)/.test(
    who,
  );
}

export type { DocReference };
