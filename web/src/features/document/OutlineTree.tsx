import { useMemo, useRef, useState } from 'react';
import { Empty, Tag, Tooltip, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { ancestorIds, parentIds, type Outline, type OutlineNode } from './outline';
import { nodeKindColor, nodeKindLabel } from './labels';
import { scrollWithin, useScrollRequest } from './scroll';

export interface TreeScrollRequest {
  id: string;
  seq: number;
}

export interface OutlineTreeProps {
  outline: Outline;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Expand to the node and bring it into view (after a pick in the source text). */
  scrollTo?: TreeScrollRequest | null;
  /** Nodes with warnings get a sign. */
  flagged?: ReadonlySet<string>;
  height?: number | string;
}

interface Item extends TreeDataNode {
  key: string;
  node: OutlineNode;
  children: Item[];
}

const NO_FLAGS: ReadonlySet<string> = new Set();

export function NodeKindTag({ kind }: { kind: string }) {
  return (
    <Tag color={nodeKindColor(kind)} className="outline-kind">
      {nodeKindLabel(kind)}
    </Tag>
  );
}

function toItems(nodes: OutlineNode[]): Item[] {
  return nodes.map((n) => ({
    key: n.id,
    node: n,
    children: toItems(n.children),
    isLeaf: !n.children.length,
  }));
}

/** The document's structure: kind, label and title of every node; the selection follows the source text. */
export function OutlineTree({
  outline,
  selectedId,
  onSelect,
  scrollTo = null,
  flagged = NO_FLAGS,
  height,
}: OutlineTreeProps) {
  const box = useRef<HTMLDivElement>(null);
  const items = useMemo(() => toItems(outline.roots), [outline]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());

  // A node picked elsewhere is revealed: its ancestors open again.
  const [lastScroll, setLastScroll] = useState<TreeScrollRequest | null>(null);
  if (scrollTo !== lastScroll) {
    setLastScroll(scrollTo);
    if (scrollTo) {
      const up = ancestorIds(outline, scrollTo.id);
      if (up.some((id) => collapsed.has(id)))
        setCollapsed(new Set([...collapsed].filter((k) => !up.includes(k))));
    }
  }

  useScrollRequest(box, scrollTo, (container) => {
    if (!scrollTo) return true;
    const el = container.querySelector<HTMLElement>(`[data-tree-node="${CSS.escape(scrollTo.id)}"]`);
    return el ? scrollWithin(container, el) : true;
  });

  if (items.length === 0) return <Empty description="Chưa nhận ra cấu trúc nào" />;

  const expandedKeys = parentIds(outline).filter((id) => !collapsed.has(id));

  return (
    <div ref={box} className="outline-tree-box" style={{ height, overflowY: height ? 'auto' : undefined }}>
      <Tree<Item>
        className="outline-tree"
        treeData={items}
        blockNode
        showLine
        expandedKeys={expandedKeys}
        onExpand={(_keys, info) => {
          const id = String(info.node.key);
          const next = new Set(collapsed);
          if (info.expanded) next.delete(id);
          else next.add(id);
          setCollapsed(next);
        }}
        selectedKeys={selectedId ? [selectedId] : []}
        onSelect={(_keys, info) => onSelect(String(info.node.key))}
        titleRender={(item) => {
          const n = item.node;
          return (
            <span className="outline-title" data-tree-node={n.id}>
              <NodeKindTag kind={n.kind} />
              {n.label && <strong className="outline-label">{n.label}</strong>}
              <span className="outline-text">{n.title || n.text || '—'}</span>
              {n.isTask && (
                <Tag color="green" className="outline-task">
                  Nhiệm vụ
                </Tag>
              )}
              {n.ocr && (
                <Tooltip title="Đọc bằng OCR từ bản quét: cần đối chiếu với bản gốc">
                  <Tag color="orange" className="outline-ocr">
                    OCR
                  </Tag>
                </Tooltip>
              )}
              {flagged.has(n.id) && (
                <Tooltip title="Có cảnh báo cần xem">
                  <WarningOutlined className="outline-flag" aria-label="Có cảnh báo" />
                </Tooltip>
              )}
            </span>
          );
        }}
      />
    </div>
  );
}
