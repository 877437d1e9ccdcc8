import { Descriptions, Flex, Tag, Typography } from 'antd';
import { NodeKindTag } from './OutlineTree';
import { cellLabel, cellsInOrder } from './labels';
import type { OutlineNode } from './outline';
import { ExpandableText } from '../../layout/ExpandableText';

/** The heading of a node's detail: kind, label, whether it is a task, and its text (and table cells). */
export function NodeSummary({
  node,
  extra,
  hideCells,
}: {
  node: OutlineNode;
  extra?: React.ReactNode;
  /** The cells are shown elsewhere (the draft's row editor). */
  hideCells?: boolean;
}) {
  const cells = hideCells ? [] : cellsInOrder(node.cells);
  return (
    <div className="node-summary">
      <Flex wrap align="center" gap={4} style={{ marginBottom: 8 }}>
        <NodeKindTag kind={node.kind} />
        {node.label && <Typography.Text strong>{node.label}</Typography.Text>}
        {node.isTask && (
          <Tag color="green" style={{ marginInlineStart: 4 }}>
            Nhiệm vụ
          </Tag>
        )}
        {extra}
      </Flex>
      <ExpandableText
        rows={5}
        style={{ marginBottom: cells.length ? 8 : 12, overflowWrap: 'anywhere' }}
        data-testid="node-text"
      >
        {node.text || node.title || '—'}
      </ExpandableText>
      {cells.length > 0 && (
        <Descriptions
          size="small"
          column={1}
          bordered
          style={{ marginBottom: 12 }}
          items={cells.map(([k, v]) => ({ key: k, label: cellLabel(k), children: v }))}
        />
      )}
    </div>
  );
}
