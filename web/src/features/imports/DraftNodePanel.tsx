import { Button, Divider, Empty, Flex, Select, Tag, Tooltip, Typography } from 'antd';
import {
  MergeCellsOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  ScissorOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { BodyMapSelect } from './BodyMapSelect';
import { DraftRowEditor } from './DraftRowEditor';
import type { EditableKind, EditOp } from './api';
import { NodeSummary } from '../document/NodeSummary';
import { ResponsibilityFacts, TaskFacts } from '../document/NodeFacts';
import { MatchTag, type MentionLike } from '../document/Mentions';
import { EDITABLE_KIND_OPTIONS, nodeKindLabel } from '../document/labels';
import { previousSibling, type Outline, type OutlineNode } from '../document/outline';
import type { UnitLookup } from '../units/useUnitNames';
import type { Responsibility, Task } from '../../shared/importer';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';

export interface EditRequest {
  op: EditOp;
  /** Said when it worked. */
  done: string;
  /** The node to select afterwards (e.g. the one a paragraph was merged into). */
  selectAfter?: string;
}

const CONTEXT = 28;

/** Bodies that are not matched, or were matched by hand: each can be (re)mapped to a unit. */
function mappable(task: Task | undefined, resp: Responsibility | undefined): MentionLike[] {
  const all: MentionLike[] = [
    ...(task ? [...(task.lead ? [task.lead] : []), ...task.leads, ...task.cooperating] : []),
    ...(resp ? [...resp.bodies, ...(resp.lead ? [resp.lead] : []), ...resp.cooperating] : []),
  ];
  const seen = new Set<string>();
  return all.filter((m) => {
    if (m.match !== 'none' && m.match !== 'manual') return false;
    if (seen.has(m.text)) return false;
    seen.add(m.text);
    return true;
  });
}

/** The last row of a table (the row a paragraph continued after a page break joins). */
function lastRow(n: OutlineNode): OutlineNode | null {
  for (let i = n.children.length - 1; i >= 0; i--) {
    const c = n.children[i]!;
    if (c.kind === 'row') return c;
    const r = lastRow(c);
    if (r) return r;
    if (c.kind === 'group') return null;
  }
  return null;
}

function Why({ reason, children }: { reason: string | null; children: React.ReactElement }) {
  return reason ? <Tooltip title={reason}>{children}</Tooltip> : children;
}

/**
 * The selected node of a draft: its text and what was extracted from it, and the corrections that
 * apply to it. Buttons that cannot work say why instead of failing on the server.
 */
export function DraftNodePanel({
  source,
  outline,
  node,
  task,
  responsibility,
  caret,
  editable,
  pending,
  error,
  units,
  onEdit,
}: {
  source: string;
  outline: Outline;
  node: OutlineNode | null;
  task: Task | undefined;
  responsibility: Responsibility | undefined;
  caret: number | null;
  editable: boolean;
  pending: boolean;
  error: unknown;
  units: UnitLookup;
  onEdit: (req: EditRequest) => void;
}) {
  if (!node)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description="Chọn một mục trong cấu trúc hoặc bấm vào văn bản gốc để xem chi tiết và sửa."
      />
    );

  const parent = node.parentId ? outline.byId.get(node.parentId) : undefined;
  /** A row of a table, or a group row of a table: corrected in the row editor. */
  const tableRow = node.kind === 'row' || (node.kind === 'group' && parent?.kind === 'table');
  const isTable = node.kind === 'table' || tableRow;
  const prev = previousSibling(outline, node.id);
  const name = node.label || nodeKindLabel(node.kind).toLowerCase();
  const rowAbove = prev?.kind === 'table' ? lastRow(prev) : null;
  const mergeWhy = isTable
    ? 'Không sửa được cấu trúc của bảng'
    : !prev
      ? 'Không có mục phía trên cùng cấp để gộp vào'
      : prev.kind === 'table'
        ? rowAbove
          ? node.children.length > 0
            ? 'Mục có mục con: không gộp được vào hàng của bảng'
            : null
          : 'Bảng phía trên không có hàng để gộp vào'
        : prev.children.length > 0
          ? 'Mục phía trên có mục con: chỉ gộp được vào mục không có mục con'
          : null;
  const indentWhy = isTable
    ? 'Không sửa được cấu trúc của bảng'
    : !prev || prev.kind === 'table' || prev.kind === 'row'
      ? 'Không có mục phía trên cùng cấp để thụt vào'
      : null;
  const outdentWhy = isTable
    ? 'Không sửa được cấu trúc của bảng'
    : !node.parentId
      ? 'Mục đã ở cấp cao nhất'
      : null;
  const [s, e] = node.span;
  const caretInside = caret !== null && caret > s && caret < e;
  const splitWhy = isTable
    ? 'Không sửa được cấu trúc của bảng'
    : !caretInside
      ? 'Bấm vào văn bản gốc, đúng chỗ muốn tách (trong đoạn đang chọn)'
      : null;
  const toMap = mappable(task, responsibility);

  return (
    <div className="draft-node-panel" data-testid="node-panel">
      {node.ocr && (
        <Tag color="orange" className="node-ocr" data-testid="node-ocr">
          OCR — đọc từ bản quét, cần đối chiếu với bản gốc
        </Tag>
      )}
      <NodeSummary key={node.id} node={node} hideCells={editable && tableRow} />
      {task && <TaskFacts data={task} units={units} />}
      {responsibility && <ResponsibilityFacts data={responsibility} units={units} />}

      {editable && toMap.length > 0 && (
        <>
          <Divider titlePlacement="start" plain style={{ marginBlock: 12 }}>
            Ghép cơ quan với đơn vị
          </Divider>
          <Flex vertical gap={10}>
            {toMap.map((m) => (
              <div key={m.text}>
                <div style={{ marginBottom: 4 }}>
                  <Typography.Text>{m.text}</Typography.Text> <MatchTag match={m.match} />
                </div>
                <Flex gap={8} wrap>
                  <div style={{ flex: '1 1 220px', minWidth: 0 }}>
                    <BodyMapSelect
                      text={m.text}
                      disabled={pending}
                      onMap={(unitCode) =>
                        onEdit({
                          op: { op: 'mapBody', text: m.text, unitCode },
                          done: `Đã ghép “${m.text}” với ${units.byCode(unitCode)?.name ?? unitCode}`,
                        })
                      }
                    />
                  </div>
                  {m.match === 'manual' && (
                    <Button
                      icon={<UndoOutlined />}
                      disabled={pending}
                      onClick={() =>
                        onEdit({
                          op: { op: 'mapBody', text: m.text, unitCode: null },
                          done: `Đã bỏ ghép “${m.text}”`,
                        })
                      }
                    >
                      Bỏ ghép
                    </Button>
                  )}
                </Flex>
              </div>
            ))}
          </Flex>
        </>
      )}

      {editable && tableRow && (
        <>
          <Divider titlePlacement="start" plain style={{ marginBlock: 12 }}>
            {node.kind === 'row' ? 'Sửa hàng của bảng' : 'Sửa hàng tiêu đề nhóm'}
          </Divider>
          {!!error && <ApiErrorAlert error={error} style={{ marginBottom: 12 }} />}
          <DraftRowEditor
            key={node.id}
            outline={outline}
            node={node}
            sourceCaret={caret}
            pending={pending}
            onEdit={onEdit}
          />
        </>
      )}

      {editable && node.kind === 'table' && (
        <Typography.Text type="secondary">Chọn một hàng của bảng để sửa hàng đó.</Typography.Text>
      )}

      {editable && !isTable && (
        <>
          <Divider titlePlacement="start" plain style={{ marginBlock: 12 }}>
            Sửa cấu trúc
          </Divider>
          {!!error && <ApiErrorAlert error={error} style={{ marginBottom: 12 }} />}
          <Flex vertical gap={12}>
            <Flex align="center" gap={8} wrap>
              <Typography.Text id="node-kind-label">Loại:</Typography.Text>
              <Select<EditableKind>
                aria-labelledby="node-kind-label"
                value={isTable ? undefined : (node.kind as EditableKind)}
                placeholder={nodeKindLabel(node.kind)}
                disabled={isTable || pending}
                options={EDITABLE_KIND_OPTIONS.map((o) => ({
                  ...o,
                  disabled: o.value === 'section' && !!node.parentId,
                }))}
                onChange={(kind) =>
                  onEdit({
                    op: { op: 'setKind', nodeId: node.id, kind },
                    done: `Đã đổi ${name} thành ${nodeKindLabel(kind).toLowerCase()}`,
                  })
                }
                style={{ minWidth: 180 }}
              />
            </Flex>
            <Flex gap={8} wrap>
              <Why reason={mergeWhy}>
                <Button
                  icon={<MergeCellsOutlined />}
                  disabled={!!mergeWhy || pending}
                  onClick={() =>
                    prev &&
                    onEdit({
                      op: { op: 'merge', nodeId: node.id },
                      done: rowAbove
                        ? `Đã gộp ${name} vào ô nhiệm vụ của hàng ${rowAbove.label || 'trên'}`
                        : `Đã gộp ${name} vào ${prev.label || 'mục trên'}`,
                      selectAfter: rowAbove?.id ?? prev.id,
                    })
                  }
                >
                  Gộp vào mục trên
                </Button>
              </Why>
              <Why reason={splitWhy}>
                <Button
                  icon={<ScissorOutlined />}
                  disabled={!!splitWhy || pending}
                  onClick={() =>
                    caretInside &&
                    onEdit({
                      op: { op: 'split', nodeId: node.id, at: caret },
                      done: `Đã tách ${name} làm hai`,
                    })
                  }
                >
                  Tách tại vị trí con trỏ
                </Button>
              </Why>
              <Why reason={indentWhy}>
                <Button
                  icon={<MenuUnfoldOutlined />}
                  disabled={!!indentWhy || pending}
                  onClick={() =>
                    onEdit({
                      op: { op: 'indent', nodeId: node.id },
                      done: `Đã đưa ${name} vào trong ${prev?.label || 'mục trên'}`,
                    })
                  }
                >
                  Thụt vào
                </Button>
              </Why>
              <Why reason={outdentWhy}>
                <Button
                  icon={<MenuFoldOutlined />}
                  disabled={!!outdentWhy || pending}
                  onClick={() =>
                    onEdit({
                      op: { op: 'outdent', nodeId: node.id },
                      done: `Đã đưa ${name} ra ngoài một cấp`,
                    })
                  }
                >
                  Lùi ra
                </Button>
              </Why>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {caretInside ? (
                <>
                  Sẽ tách tại: “…{source.slice(Math.max(s, caret - CONTEXT), caret)}
                  <span className="split-caret" aria-label="vị trí tách">
                    |
                  </span>
                  {source.slice(caret, Math.min(e, caret + CONTEXT))}…”
                </>
              ) : (
                'Để tách: bấm vào văn bản gốc đúng chỗ muốn tách trong đoạn đang chọn, rồi bấm “Tách tại vị trí con trỏ”.'
              )}
            </Typography.Text>
          </Flex>
        </>
      )}
    </div>
  );
}
