/**
 * Corrections a person makes to an imported structure before publishing: change a node's kind,
 * merge it into the node above, split it, indent or outdent it, and map a named body to a unit.
 * Pure: each operation returns a new document; spans stay inside the source, so the result is still
 * lossless, and everything derived (labels, tasks, responsibilities) is recomputed.
 */
import type { DocNode, NodeKind, ParsedDocument } from './types.js';
import { nodeText, rederive, titleOfText, type ParseOptions } from './parse.js';
import { bodyKey } from './bodies.js';
import { readableSource } from './furniture.js';

export const EDITABLE_KINDS = ['section', 'group', 'subgroup', 'bullet', 'paragraph'] as const;
export type EditableKind = (typeof EDITABLE_KINDS)[number];

export type EditOp =
  | { op: 'setKind'; nodeId: string; kind: EditableKind }
  | { op: 'merge'; nodeId: string }
  | { op: 'split'; nodeId: string; at: number }
  | { op: 'indent'; nodeId: string }
  | { op: 'outdent'; nodeId: string }
  | { op: 'mapBody'; text: string; unitCode: string | null };

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
  return nodes.map((n) => ({ ...n, span: [n.span[0], n.span[1]], children: clone(n.children) }));
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
  if (node.kind === 'table' || node.kind === 'row')
    throw new EditError('Không sửa được cấu trúc của bảng bằng thao tác này');

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
