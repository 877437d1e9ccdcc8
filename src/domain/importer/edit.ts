/**
 * Corrections a person makes to an imported structure before publishing: change a node's kind,
 * merge it into the node above, split it, indent or outdent it, and map a named body to a unit.
 * Rows of a task table are corrected the same way (merge, split, row ↔ group row), and their cells
 * can be moved to another column, whole or from a point on (see `rows` below).
 * Pure: each operation returns a new document; spans stay inside the source, so the result is still
 * lossless, and everything derived (labels, tasks, responsibilities) is recomputed.
 */
import type { CellPiece, DocNode, NodeKind, ParsedDocument, Span } from './types.js';
import { nodeText, rederive, titleOfText, type ParseOptions } from './parse.js';
import { bodyKey } from './bodies.js';
import { readableSource } from './furniture.js';

/** 'row' only for a group row of a table (and 'group' is what a table row becomes as a group row). */
export const EDITABLE_KINDS = ['section', 'group', 'subgroup', 'bullet', 'paragraph', 'row'] as const;
export type EditableKind = (typeof EDITABLE_KINDS)[number];

/** The columns of a task table a cell can be moved to (the parser names them; see COLUMN_NAMES in parse.ts). */
export const TABLE_COLUMNS = [
  'tt',
  'task',
  'lead',
  'cooperating',
  'deadline',
  'level',
  'submitTo',
  'products',
  'note',
] as const;

export type EditOp =
  | { op: 'setKind'; nodeId: string; kind: EditableKind }
  | { op: 'merge'; nodeId: string }
  /** `at`: an offset in the source; for a row with `column`, an offset in that cell's text. */
  | { op: 'split'; nodeId: string; at: number; column?: string }
  | { op: 'indent'; nodeId: string }
  | { op: 'outdent'; nodeId: string }
  | { op: 'mapBody'; text: string; unitCode: string | null }
  /** A row's cell read into the wrong column: moved to `to` (swapped when `to` has a value). */
  | { op: 'setCell'; nodeId: string; from: string; to: string }
  /** The part of cell `from` from offset `at` (in the cell's text) on moves to the start or end of cell `to`. */
  | { op: 'moveCellText'; nodeId: string; from: string; to: string; at: number };

export class EditError extends Error {
  readonly code = 'IMPORT_EDIT_INVALID';
}

interface Place {
  node: DocNode;
  siblings: DocNode[];
  index: number;
  parent: DocNode | null;
  grand: { siblings: DocNode[]; index: number } | null;
}

function clone(nodes: DocNode[]): DocNode[] {
  return nodes.map((n) => ({
    ...n,
    span: [n.span[0], n.span[1]],
    ...(n.cells ? { cells: { ...n.cells } } : {}),
    ...(n.cellPieces ? { cellPieces: clonePieces(n.cellPieces) } : {}),
    children: clone(n.children),
  }));
}

function clonePieces(p: Record<string, CellPiece[]>): Record<string, CellPiece[]> {
  return Object.fromEntries(
    Object.entries(p).map(([k, v]) => [
      k,
      v.map((x) => ({ text: x.text, span: x.span && [x.span[0], x.span[1]] })),
    ]),
  );
}

function find(sections: DocNode[], id: string): Place | null {
  const walk = (siblings: DocNode[], parent: DocNode | null, grand: Place['grand']): Place | null => {
    for (let i = 0; i < siblings.length; i++) {
      const n = siblings[i]!;
      if (n.id === id) return { node: n, siblings, index: i, parent, grand };
      const r = walk(n.children, n, { siblings, index: i });
      if (r) return r;
    }
    return null;
  };
  return walk(sections, null, null);
}

function nextId(sections: DocNode[]): string {
  let max = 0;
  const walk = (ns: DocNode[]) =>
    ns.forEach((n) => {
      max = Math.max(max, Number(n.id.slice(1)) || 0);
      walk(n.children);
    });
  walk(sections);
  return `n${max + 1}`;
}

function refresh(source: string, n: DocNode) {
  const { marker, text } = nodeText(source, n.span);
  if (marker && n.kind !== 'paragraph') n.marker = marker.marker;
  n.text = text;
  n.title = titleOfText(text);
}

const MARKER_KINDS: Record<string, NodeKind[]> = {
  section: ['section'],
  group: ['group'],
  subgroup: ['subgroup'],
  bullet: ['bullet'],
};

export function applyEdit(
  doc: ParsedDocument,
  op: EditOp,
  opts: ParseOptions & { bodyMap?: Record<string, string> } = {},
): { doc: ParsedDocument; bodyMap: Record<string, string> } {
  const bodyMap = { ...(opts.bodyMap ?? {}) };
  const sections = clone(doc.sections);
  if (op.op === 'mapBody') {
    const key = bodyKey(op.text);
    if (!key) throw new EditError('Thiếu tên cơ quan cần ghép');
    bodyMap[key] = op.unitCode ?? '';
    return { doc: rederive({ ...doc, sections }, { ...opts, bodyMap }), bodyMap };
  }
  const place = find(sections, op.nodeId);
  if (!place) throw new EditError(`Không có nút ${op.nodeId} trong cấu trúc`);
  const { node, siblings, index } = place;
  // Text is read with the page furniture blanked (furniture.ts); spans stay those of the source.
  const source = readableSource(doc);
  if (node.kind === 'table') throw new EditError('Không sửa được cả bảng: hãy chọn một hàng của bảng');
  if (op.op === 'setCell' || op.op === 'moveCellText') {
    if (node.kind !== 'row') throw new EditError('Chỉ hàng của bảng mới có ô để chuyển sang cột khác');
    if (op.op === 'setCell') setCell(source, node, op.from, op.to, tableOf(place));
    else moveCellText(source, node, op.from, op.to, op.at, tableOf(place));
    return { doc: rederive({ ...doc, sections }, { ...opts, bodyMap }), bodyMap };
  }
  if (node.kind === 'row' || isTableGroup(place)) {
    const other = editTableRow(doc, sections, place, op);
    return { doc: rederive({ ...doc, sections, other }, { ...opts, bodyMap }), bodyMap };
  }
  if (op.op === 'setKind' && op.kind === 'row')
    throw new EditError('Chỉ hàng tiêu đề nhóm của bảng mới đổi được thành hàng');
  if (op.op === 'merge' && (siblings[index - 1]?.kind === 'table' || siblings[index - 1]?.kind === 'row')) {
    const other = mergeIntoRow(doc, siblings, index);
    return { doc: rederive({ ...doc, sections, other }, { ...opts, bodyMap }), bodyMap };
  }

  switch (op.op) {
    case 'setKind': {
      if (node.kind === op.kind) break;
      if (op.kind === 'section' && place.parent)
        throw new EditError('Chỉ nút ở cấp cao nhất mới là phần (I, II, III)');
      node.kind = op.kind;
      const { marker } = nodeText(source, node.span);
      node.marker =
        marker && MARKER_KINDS[op.kind]?.includes(marker.kind as NodeKind)
          ? marker.marker
          : op.kind === 'bullet'
            ? '-'
            : '';
      break;
    }
    case 'merge': {
      const prev = siblings[index - 1];
      if (!prev) throw new EditError('Không có nút phía trên cùng cấp để gộp vào');
      if (prev.children.length)
        throw new EditError('Nút phía trên có nút con: chỉ gộp được vào nút không có nút con');
      if (prev.kind === 'table' || prev.kind === 'row') throw new EditError('Không gộp được vào bảng');
      prev.span = [prev.span[0], node.span[1]];
      prev.children = node.children;
      siblings.splice(index, 1);
      refresh(source, prev);
      break;
    }
    case 'split': {
      const [s, e] = node.span;
      if (!(op.at > s && op.at < e)) throw new EditError('Vị trí tách phải nằm trong nội dung của nút');
      const left = source.slice(s, op.at).trimEnd();
      const rightStart = op.at + (source.slice(op.at, e).length - source.slice(op.at, e).trimStart().length);
      if (!left.trim() || rightStart >= e) throw new EditError('Tách tại đây sẽ tạo ra một nút rỗng');
      const second: DocNode = {
        id: nextId(sections),
        kind:
          node.kind === 'section'
            ? 'group'
            : node.kind === 'group' || node.kind === 'subgroup'
              ? 'paragraph'
              : node.kind,
        marker: node.kind === 'bullet' ? node.marker : '',
        label: '',
        title: '',
        text: '',
        span: [rightStart, e],
        children: [],
      };
      node.span = [s, s + left.length];
      refresh(source, node);
      refresh(source, second);
      // The second part takes the children; headings keep them.
      if (node.kind === 'section' || node.kind === 'group' || node.kind === 'subgroup') second.children = [];
      else {
        second.children = node.children;
        node.children = [];
      }
      siblings.splice(index + 1, 0, second);
      break;
    }
    case 'indent': {
      const prev = siblings[index - 1];
      if (!prev || prev.kind === 'table' || prev.kind === 'row')
        throw new EditError('Không có nút phía trên cùng cấp để đưa vào');
      siblings.splice(index, 1);
      prev.children.push(node);
      break;
    }
    case 'outdent': {
      if (!place.parent || !place.grand) throw new EditError('Nút đã ở cấp cao nhất');
      siblings.splice(index, 1);
      // Following siblings become its children, so document order is kept.
      const after = siblings.splice(index);
      node.children.push(...after);
      place.grand.siblings.splice(place.grand.index + 1, 0, node);
      break;
    }
  }
  return { doc: rederive({ ...doc, sections }, { ...opts, bodyMap }), bodyMap };
}

// ---- rows of a task table ----
//
// A row's cells are views of its source text. The editor keeps, per column, the pieces of source a
// cell was read from (`cellPieces`, located on the first correction of a row), so that a merged row can
// be split again, a cell cut at a point, and every cell's text always comes from the source:
// - merge: a row joins the row above, cell by cell (texts joined with a space, pieces and spans
//   united), the case of a row continued after a page break; a paragraph read from the continuation
//   joins the task cell of the last row of the table above (move it on with moveCellText);
// - split at a point: the cell the point is in is cut (its first part stays), cells read before the
//   point stay, cells read after it go to the new row below; a value carried down from a merged cell
//   (not read from this row) stays in both;
// - row → group row: the rows under it (up to the next group row) become its children; group row →
//   row: it and its rows join the group row above (or stay in the table when there is none);
// - setCell: a cell moves to another column, or swaps with it when that column has a value;
// - moveCellText: the part of a cell from a point on moves to another column.

/** Source characters a cell's text may leave out: blanks and Markdown markup. */
const SKIPPED = /[\s*_\\#>]/;

/**
 * Where `text` (a cell as the parser wrote it, whitespace collapsed, markup removed) lies in
 * `source[from, to)`: the source offset of each of its characters (-1 for blanks), or null.
 */
function align(source: string, from: number, to: number, text: string): number[] | null {
  const first = text.search(/\S/);
  if (first < 0) return null;
  for (let p = from; p < to; p++) {
    if (source[p] !== text[first]) continue;
    const pos: number[] = new Array<number>(text.length).fill(-1);
    let j = p;
    let ok = true;
    for (let i = first; i < text.length && ok; i++) {
      if (/\s/.test(text[i]!)) continue;
      while (j < to && source[j] !== text[i] && SKIPPED.test(source[j]!)) j++;
      if (j < to && source[j] === text[i]) pos[i] = j++;
      else ok = false;
    }
    if (ok) return pos;
  }
  return null;
}

function locate(source: string, from: number, to: number, text: string): Span | null {
  const pos = align(source, from, to, text);
  if (!pos) return null;
  const real = pos.filter((x) => x >= 0);
  return [real[0]!, real[real.length - 1]! + 1];
}

const COLUMN_ORDER = new Map<string, number>(TABLE_COLUMNS.map((c, i) => [c, i]));

function orderColumns<T>(r: Record<string, T>): Record<string, T> {
  const keys = Object.keys(r);
  keys.sort((a, b) => (COLUMN_ORDER.get(a) ?? 99) - (COLUMN_ORDER.get(b) ?? 99));
  return Object.fromEntries(keys.map((k) => [k, r[k]!]));
}

const blankTo = (source: string, from: number, to: number, step: 1 | -1) => {
  for (let p = from; step > 0 ? p < to : p > to; p += step) {
    const c = source[step > 0 ? p : p - 1]!;
    if (c === '\n') return true;
    if (!/\s/.test(c)) return false;
  }
  return true;
};

const MAX_RUNS = 12;

/**
 * A cell read from several runs of lines (a gazette or PDF text whose columns alternate line by line):
 * its words in order, each run but the last ending a line and each but the first starting one.
 */
function locateRuns(source: string, from: number, to: number, text: string): CellPiece[] | null {
  const words = text.split(/\s+/).filter(Boolean);
  const out: CellPiece[] = [];
  let i = 0;
  let cursor = from;
  while (i < words.length && out.length < MAX_RUNS) {
    let found: CellPiece | null = null;
    for (let k = words.length; k > i && !found; k--) {
      const t = words.slice(i, k).join(' ');
      const sp = locate(source, cursor, to, t);
      if (!sp) continue;
      const endsLine = k === words.length || blankTo(source, sp[1], to, 1);
      const startsLine = out.length === 0 || blankTo(source, sp[0], from, -1);
      if (endsLine && startsLine) {
        found = { text: t, span: sp };
        i = k;
      }
    }
    if (!found) return null;
    out.push(found);
    cursor = found.span![1];
  }
  return i === words.length ? out : null;
}

/**
 * A row's pieces: kept ones, or located now from the parser's cells (in order, each after the last;
 * else anywhere in the row; else in runs of lines). A cell not found in the row is a value carried
 * from elsewhere (a merged cell): a piece with no span.
 */
function piecesOf(source: string, row: DocNode): Record<string, CellPiece[]> {
  if (row.cellPieces) return clonePieces(row.cellPieces);
  const out: Record<string, CellPiece[]> = {};
  const [s, e] = row.span;
  let cursor = s;
  for (const [col, text] of Object.entries(row.cells ?? {})) {
    if (!text.trim()) continue;
    const at = locate(source, cursor, e, text) ?? locate(source, s, e, text);
    const runs = at ? null : (locateRuns(source, cursor, e, text) ?? locateRuns(source, s, e, text));
    const ps: CellPiece[] = at ? [{ text, span: at }] : (runs ?? [{ text, span: null }]);
    out[col] = ps;
    const last = ps[ps.length - 1]!.span;
    if (last) cursor = last[1];
  }
  return out;
}

/** Stores pieces on a row and recomputes what follows from them: cells, number, text. */
function setPieces(row: DocNode, pieces: Record<string, CellPiece[]>) {
  const kept: Record<string, CellPiece[]> = {};
  const cells: Record<string, string> = {};
  for (const [col, ps] of Object.entries(orderColumns(pieces))) {
    const live = ps.filter((p) => p.text.trim());
    if (!live.length) continue;
    kept[col] = live;
    cells[col] = live.map((p) => p.text.trim()).join(' ');
  }
  const hadNumber = row.cells?.tt !== undefined;
  row.cellPieces = kept;
  row.cells = cells;
  if (cells.tt !== undefined || hadNumber) row.marker = (cells.tt ?? '').replace(/\.$/, '');
  const text =
    cells.task ??
    Object.entries(cells)
      .filter(([k]) => k !== 'tt')
      .map(([, v]) => v)
      .join(' ');
  row.text = text;
  row.title = row.kind === 'row' ? text : titleOfText(text);
}

function hasReadText(pieces: Record<string, CellPiece[]>): boolean {
  return Object.values(pieces).some((ps) => ps.some((p) => p.span && p.text.trim()));
}

/** Cuts a piece at source offset `at`: the parts before and after (either may be null). */
function cutPiece(source: string, p: CellPiece, at: number): [CellPiece | null, CellPiece | null] {
  if (!p.span) return [p, p];
  if (p.span[1] <= at) return [p, null];
  if (p.span[0] >= at) return [null, p];
  const pos = align(source, p.span[0], p.span[1], p.text);
  if (!pos) throw new EditError('Không xác định được vị trí của ô trong văn bản gốc để tách');
  const k = pos.findIndex((x) => x >= at);
  const leftText = p.text.slice(0, k).trim();
  const rightText = p.text.slice(k).trim();
  const lastLeft = Math.max(...pos.slice(0, k).filter((x) => x >= 0), -1);
  return [
    leftText ? { text: leftText, span: [p.span[0], lastLeft + 1] } : null,
    rightText ? { text: rightText, span: [pos[k]!, p.span[1]] } : null,
  ];
}

/** Splits pieces at source offset `at`: those read before it, those read after it (carried: both). */
function cutPieces(
  source: string,
  pieces: Record<string, CellPiece[]>,
  at: number,
): [Record<string, CellPiece[]>, Record<string, CellPiece[]>] {
  const left: Record<string, CellPiece[]> = {};
  const right: Record<string, CellPiece[]> = {};
  for (const [col, ps] of Object.entries(pieces))
    for (const p of ps) {
      const [a, b] = cutPiece(source, p, at);
      if (a) (left[col] ??= []).push(a);
      if (b) (right[col] ??= []).push(b);
    }
  return [left, right];
}

/** The source offset of position `at` in the text of cell `column`. */
function cellOffset(source: string, pieces: Record<string, CellPiece[]>, column: string, at: number): number {
  const ps = pieces[column];
  const text = ps?.map((p) => p.text.trim()).join(' ') ?? '';
  if (!ps || !text) throw new EditError(`Hàng không có ô “${column}”`);
  if (!(at > 0 && at < text.length)) throw new EditError('Vị trí tách phải nằm trong nội dung của ô');
  let start = 0;
  for (const p of ps) {
    const t = p.text.trim();
    if (at <= start + t.length) {
      if (!p.span)
        throw new EditError('Ô này không đọc từ chính hàng này (giá trị của ô gộp): không tách được');
      const k = at - start;
      if (k <= 0) return p.span[0];
      if (k >= t.length) return p.span[1];
      const pos = align(source, p.span[0], p.span[1], t);
      if (!pos) throw new EditError('Không xác định được vị trí của ô trong văn bản gốc để tách');
      const next = pos.slice(k).find((x) => x >= 0);
      return next ?? p.span[1];
    }
    start += t.length + 1;
  }
  throw new EditError('Vị trí tách phải nằm trong nội dung của ô');
}

/**
 * The `other` spans once [from, to) joins a node: text between the two parts of a merged row (a page
 * number read as noise) becomes the row's; page furniture stays furniture (a node does not own it).
 */
function absorbOther(doc: ParsedDocument, sections: DocNode[], keep: DocNode[], from: number, to: number) {
  const between = (sp: Span) => sp[1] > from && sp[0] < to && doc.source.slice(sp[0], sp[1]).trim() !== '';
  const walk = (ns: DocNode[]) =>
    ns.forEach((n) => {
      if (!keep.includes(n) && between(n.span))
        throw new EditError('Giữa hai phần cần gộp có nội dung khác của văn bản');
      walk(n.children);
    });
  walk(sections);
  return doc.other.filter((o) => o.kind === 'furniture' || !(o.span[0] >= from && o.span[1] <= to));
}

/** A group row: a group node directly in a table. */
function isTableGroup(place: Place): boolean {
  return place.node.kind === 'group' && place.parent?.kind === 'table';
}

function tableOf(place: Place): DocNode | null {
  if (place.parent?.kind === 'table') return place.parent;
  return null;
}

const columnName = (c: string) => COLUMN_LABELS[c] ?? c;

/** Vietnamese names of the columns, for messages. */
export const COLUMN_LABELS: Record<string, string> = {
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

function checkColumns(row: DocNode, from: string, to: string, table: DocNode | null) {
  if (from === to) throw new EditError('Cột đích phải khác cột hiện tại');
  if (!row.cells?.[from]) throw new EditError(`Hàng không có ô “${columnName(from)}”`);
  const known = new Set<string>(TABLE_COLUMNS);
  const walk = (n: DocNode) => {
    Object.keys(n.cells ?? {}).forEach((k) => known.add(k));
    n.children.forEach(walk);
  };
  if (table) walk(table);
  if (!known.has(to)) throw new EditError(`Bảng không có cột “${to}”`);
}

function setCell(source: string, row: DocNode, from: string, to: string, table: DocNode | null) {
  checkColumns(row, from, to, table);
  const pieces = piecesOf(source, row);
  const moved = pieces[from]!;
  const swapped = pieces[to];
  delete pieces[from];
  pieces[to] = moved;
  if (swapped) pieces[from] = swapped;
  setPieces(row, pieces);
}

function moveCellText(
  source: string,
  row: DocNode,
  from: string,
  to: string,
  at: number,
  table: DocNode | null,
) {
  checkColumns(row, from, to, table);
  const pieces = piecesOf(source, row);
  const cut = cellOffset(source, pieces, from, at);
  const [stay, moved] = cutPieces(source, { [from]: pieces[from]! }, cut);
  if (!stay[from]?.length || !moved[from]?.length)
    throw new EditError('Vị trí chuyển phải nằm trong nội dung của ô');
  const keep = stay[from].filter((p) => p.span);
  pieces[from] = keep;
  const start = (ps: CellPiece[]) => ps.find((p) => p.span)?.span?.[0] ?? -1;
  const target = pieces[to] ?? [];
  const movedPieces = moved[from].filter((p) => p.span);
  pieces[to] = start(movedPieces) < start(target) ? [...movedPieces, ...target] : [...target, ...movedPieces];
  setPieces(row, pieces);
}

function lastRow(n: DocNode): DocNode | null {
  for (let i = n.children.length - 1; i >= 0; i--) {
    const c = n.children[i]!;
    if (c.kind === 'row') return c;
    const r = lastRow(c);
    if (r) return r;
    if (c.kind === 'group') return null;
  }
  return null;
}

/** A node (a paragraph read from a row continued after a page break) joins the task cell of the row above. */
function mergeIntoRow(doc: ParsedDocument, siblings: DocNode[], index: number): ParsedDocument['other'] {
  const node = siblings[index]!;
  const prev = siblings[index - 1]!;
  const source = readableSource(doc);
  const row = prev.kind === 'row' ? prev : lastRow(prev);
  if (!row) throw new EditError('Bảng phía trên không có hàng để gộp vào');
  if (node.children.length) throw new EditError('Mục có mục con: không gộp được vào hàng của bảng');
  const pieces = piecesOf(source, row);
  const span = locate(source, node.span[0], node.span[1], node.text) ?? node.span;
  (pieces.task ??= []).push({ text: node.text, span });
  const other = absorbOther(doc, [], [], row.span[1], node.span[0]);
  row.span = [row.span[0], node.span[1]];
  setPieces(row, pieces);
  siblings.splice(index, 1);
  return other;
}

function editTableRow(
  doc: ParsedDocument,
  sections: DocNode[],
  place: Place,
  op: Exclude<EditOp, { op: 'mapBody' | 'setCell' | 'moveCellText' }>,
): ParsedDocument['other'] {
  const { node, siblings, index } = place;
  const source = readableSource(doc);
  const group = node.kind === 'group';
  switch (op.op) {
    case 'merge': {
      if (group) throw new EditError('Không gộp được hàng tiêu đề nhóm: đổi thành hàng trước');
      const prev = siblings[index - 1];
      if (!prev || prev.kind !== 'row')
        throw new EditError('Không có hàng phía trên trong cùng bảng (cùng nhóm) để gộp vào');
      const a = piecesOf(source, prev);
      const b = piecesOf(source, node);
      for (const [col, ps] of Object.entries(b)) (a[col] ??= []).push(...ps);
      const other = absorbOther(doc, sections, [prev, node], prev.span[1], node.span[0]);
      prev.span = [prev.span[0], node.span[1]];
      if (!prev.cells?.tt && node.cells?.tt) prev.cells = { ...prev.cells, tt: '' };
      setPieces(prev, a);
      siblings.splice(index, 1);
      return other;
    }
    case 'split': {
      if (group) throw new EditError('Không tách được hàng tiêu đề nhóm: đổi thành hàng trước');
      const pieces = piecesOf(source, node);
      const at = op.column === undefined ? op.at : cellOffset(source, pieces, op.column, op.at);
      const [s, e] = node.span;
      if (!(at > s && at < e)) throw new EditError('Vị trí tách phải nằm trong nội dung của hàng');
      const leftEnd = s + source.slice(s, at).trimEnd().length;
      const rightStart = at + (source.slice(at, e).length - source.slice(at, e).trimStart().length);
      const [left, right] = cutPieces(source, pieces, at);
      if (leftEnd <= s || rightStart >= e || !hasReadText(left) || !hasReadText(right))
        throw new EditError('Tách tại đây sẽ tạo ra một hàng rỗng');
      const second: DocNode = {
        id: nextId(sections),
        kind: 'row',
        marker: '',
        label: '',
        title: '',
        text: '',
        span: [rightStart, e],
        children: [],
      };
      node.span = [s, leftEnd];
      setPieces(node, left);
      setPieces(second, right);
      siblings.splice(index + 1, 0, second);
      return doc.other;
    }
    case 'setKind': {
      if (group && op.kind === 'row') {
        ensureCells(node);
        node.kind = 'row';
        setPieces(node, piecesOf(source, node));
        const rows = node.children;
        node.children = [];
        const above = siblings[index - 1];
        if (above?.kind === 'group') {
          siblings.splice(index, 1);
          above.children.push(node, ...rows);
        } else siblings.splice(index + 1, 0, ...rows);
        return doc.other;
      }
      if (!group && op.kind === 'group') {
        const table = tableOf(place) ?? (place.parent?.kind === 'group' ? place.parent : null);
        if (!table) throw new EditError('Hàng không nằm trong bảng');
        setPieces(node, piecesOf(source, node));
        node.kind = 'group';
        node.title = titleOfText(node.text);
        if (place.parent!.kind === 'table') {
          let end = index + 1;
          while (end < siblings.length && siblings[end]!.kind === 'row') end++;
          node.children = siblings.splice(index + 1, end - index - 1);
        } else {
          if (!place.grand) throw new EditError('Hàng không nằm trong bảng');
          const moved = siblings.splice(index);
          node.children = moved.slice(1);
          place.grand.siblings.splice(place.grand.index + 1, 0, node);
        }
        return doc.other;
      }
      if (node.kind === op.kind) return doc.other;
      throw new EditError(
        group
          ? 'Hàng tiêu đề nhóm của bảng chỉ đổi được thành hàng'
          : 'Hàng của bảng chỉ đổi được thành hàng tiêu đề nhóm',
      );
    }
    case 'indent':
    case 'outdent':
      throw new EditError('Không thụt vào hay lùi ra được hàng của bảng: dùng “Đổi thành nhóm”');
  }
}

/** A group row read by the parser has no cells: its number and text are its cells. */
function ensureCells(n: DocNode) {
  if (n.cells && Object.keys(n.cells).length) return;
  n.cells = { ...(n.marker ? { tt: n.marker } : {}), ...(n.text ? { task: n.text } : {}) };
}
