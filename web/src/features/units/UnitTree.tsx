import { useMemo, useState } from 'react';
import { Button, Empty, Flex, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { Link } from 'react-router';
import type { Unit } from '../../api/types';

interface Node extends TreeDataNode {
  key: string;
  children: Node[];
}

const byName = (a: Unit, b: Unit) => a.name.localeCompare(b.name, 'vi');

/**
 * Builds the hierarchy from `parentId`. A unit whose parent is not in the list (because of a
 * filter) becomes a root and says which unit it belongs to.
 */
export function buildUnitTree(units: Unit[]): Node[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, Unit[]>();
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(u);
    children.set(parent, list);
  }
  const seen = new Set<string>();
  const build = (parent: string | null): Node[] =>
    (children.get(parent) ?? [])
      .slice()
      .sort(byName)
      .filter((u) => !seen.has(u.id) && seen.add(u.id))
      .map((u) => {
        const kids = build(u.id);
        return {
          key: u.id,
          title: (
            <span className="unit-tree-title">
              <Link to={`/don-vi/${u.id}`}>{u.name}</Link>{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {u.code}
                {kids.length > 0 ? ` · ${kids.length} đơn vị trực thuộc` : ''}
              </Typography.Text>
              {!u.active && <Tag style={{ marginLeft: 8 }}>Ngừng hoạt động</Tag>}
              {parent === null && u.parentId && u.parentName && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {' '}
                  (thuộc {u.parentName})
                </Typography.Text>
              )}
            </span>
          ),
          children: kids,
          isLeaf: kids.length === 0,
        };
      });
  return build(null);
}

function allKeys(nodes: Node[]): string[] {
  return nodes.flatMap((n) => (n.children.length ? [n.key, ...allKeys(n.children)] : []));
}

export function UnitTree({ units }: { units: Unit[] }) {
  const tree = useMemo(() => buildUnitTree(units), [units]);
  const [expanded, setExpanded] = useState<React.Key[] | null>(null);
  const expandedKeys = expanded ?? tree.filter((n) => n.children.length > 0).map((n) => n.key);

  if (tree.length === 0) return <Empty description="Không có đơn vị nào phù hợp" />;

  return (
    <>
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <Button size="small" onClick={() => setExpanded(allKeys(tree))}>
          Mở rộng tất cả
        </Button>
        <Button size="small" onClick={() => setExpanded([])}>
          Thu gọn
        </Button>
      </Flex>
      <Tree<Node>
        className="unit-tree"
        treeData={tree}
        expandedKeys={expandedKeys}
        onExpand={(keys) => setExpanded(keys)}
        selectable={false}
        showLine
        blockNode
      />
    </>
  );
}
