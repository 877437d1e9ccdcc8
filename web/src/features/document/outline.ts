/**
 * The tree of a document (a draft's nested nodes or a program's flat rows) in one shape, with
 * look-ups by id and by position in the source.
 */
import type { DocNode, Span } from '../../shared/importer';

/** What a node of a document says, whether it comes from a draft or a program. */
export interface NodeFields {
  id: string;
  kind: string;
  marker: string;
  label: string;
  title: string;
  text: string;
  span: Span;
  isTask: boolean;
  /** Cells by column name, for a row of a task table. */
  cells: Record<string, string> | null;
  parentId: string | null;
  /** Read by OCR from a scanned page: to be checked against the original. */
  ocr?: boolean;
}

export interface OutlineNode extends NodeFields {
  depth: number;
  children: OutlineNode[];
}

export interface Outline {
  roots: OutlineNode[];
  byId: Map<string, OutlineNode>;
  /** Every node in document order (pre-order). */
  order: OutlineNode[];
}

type Base = Omit<OutlineNode, 'parentId' | 'depth' | 'children'>;

function index(roots: OutlineNode[]): Outline {
  const byId = new Map<string, OutlineNode>();
  const order: OutlineNode[] = [];
  const walk = (ns: OutlineNode[]) =>
    ns.forEach((n) => {
      byId.set(n.id, n);
      order.push(n);
      walk(n.children);
    });
  walk(roots);
  return { roots, byId, order };
}

/** From a draft's nested `sections`; `taskIds` are the nodes the parser made tasks of. */
export function outlineFromDoc(sections: DocNode[], taskIds: ReadonlySet<string>): Outline {
  const convert = (ns: DocNode[], parentId: string | null, depth: number): OutlineNode[] =>
    ns.map((n) => {
      const node: OutlineNode = {
        id: n.id,
        kind: n.kind,
        marker: n.marker,
        label: n.label,
        title: n.title,
        text: n.text,
        span: n.span,
        isTask: taskIds.has(n.id),
        cells: n.cells ?? null,
        parentId,
        ...(n.ocr ? { ocr: true } : {}),
        depth,
        children: [],
      };
      node.children = convert(n.children, n.id, depth + 1);
      return node;
    });
  return index(convert(sections, null, 0));
}

/** From a program's flat rows in document order, linked by `parentId`. */
export function outlineFromFlat(rows: (Base & { parentId: string | null })[]): Outline {
  const nodes = new Map<string, OutlineNode>();
  for (const r of rows) nodes.set(r.id, { ...r, depth: 0, children: [] });
  const roots: OutlineNode[] = [];
  for (const r of rows) {
    const n = nodes.get(r.id)!;
    const parent = r.parentId ? nodes.get(r.parentId) : undefined;
    if (parent && parent !== n) parent.children.push(n);
    else roots.push(n);
  }
  const setDepth = (ns: OutlineNode[], d: number) =>
    ns.forEach((n) => {
      n.depth = d;
      setDepth(n.children, d + 1);
    });
  setDepth(roots, 0);
  return index(roots);
}

/** Ids of the node's ancestors, nearest last. */
export function ancestorIds(outline: Outline, id: string): string[] {
  const out: string[] = [];
  let cur = outline.byId.get(id)?.parentId ?? null;
  while (cur && !out.includes(cur)) {
    out.unshift(cur);
    cur = outline.byId.get(cur)?.parentId ?? null;
  }
  return out;
}

export function siblingsOf(outline: Outline, id: string): OutlineNode[] {
  const n = outline.byId.get(id);
  if (!n) return [];
  return n.parentId ? (outline.byId.get(n.parentId)?.children ?? []) : outline.roots;
}

export function previousSibling(outline: Outline, id: string): OutlineNode | null {
  const sibs = siblingsOf(outline, id);
  const i = sibs.findIndex((s) => s.id === id);
  return i > 0 ? sibs[i - 1]! : null;
}

/** The innermost node whose span contains `offset` (the shortest span; the deeper one on a tie). */
export function nodeAt(outline: Outline, offset: number): OutlineNode | null {
  let best: OutlineNode | null = null;
  for (const n of outline.order) {
    if (n.span[0] <= offset && offset < n.span[1]) {
      const len = n.span[1] - n.span[0];
      const bestLen = best ? best.span[1] - best.span[0] : Infinity;
      if (len < bestLen || (len === bestLen && best && n.depth > best.depth)) best = n;
    }
  }
  return best;
}

/** Ids of the nodes that have children (for a fully expanded tree). */
export function parentIds(outline: Outline): string[] {
  return outline.order.filter((n) => n.children.length > 0).map((n) => n.id);
}
