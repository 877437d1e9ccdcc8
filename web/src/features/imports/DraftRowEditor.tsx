import { useEffect, useRef, useState } from 'react';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { Button, Flex, Input, Select, Tooltip, Typography } from 'antd';
import {
  ApartmentOutlined,
  MergeCellsOutlined,
  ScissorOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { EditRequest } from './DraftNodePanel';
import { cellLabel } from '../document/labels';
import { previousSibling, type Outline, type OutlineNode } from '../document/outline';

/** The columns a cell can be moved to, besides those the table already has. */
const BASE_COLUMNS = ['tt', 'task', 'lead', 'cooperating', 'deadline', 'products', 'note'];

/** The columns offered for a row: the usual ones and every column a row of its table has. */
function columnsOf(outline: Outline, node: OutlineNode): string[] {
  let table: OutlineNode | undefined = node;
  while (table && table.kind !== 'table')
    table = table.parentId ? outline.byId.get(table.parentId) : undefined;
  const used = new Set<string>();
  const walk = (n: OutlineNode) => {
    Object.keys(n.cells ?? {}).forEach((k) => used.add(k));
    n.children.forEach(walk);
  };
  if (table) walk(table);
  else Object.keys(node.cells ?? {}).forEach((k) => used.add(k));
  const out = [...BASE_COLUMNS];
  // "Cấp trình": the parser's column name, whichever it uses.
  out.splice(5, 0, used.has('level') ? 'level' : 'submitTo');
  for (const k of used) if (!out.includes(k)) out.push(k);
  return out;
}

function Why({ reason, children }: { reason: string | null; children: React.ReactElement }) {
  return reason ? <Tooltip title={reason}>{children}</Tooltip> : children;
}

/**
 * A cell's text, read from the document: the cursor moves in it (by mouse or arrow keys) to choose
 * where to cut, but nothing can be typed, pasted or deleted. (A `readonly` field would not let the
 * keyboard move the cursor.)
 */
function SourceCell({ id, text, onCaret }: { id: string; text: string; onCaret: (at: number) => void }) {
  const ref = useRef<TextAreaRef>(null);
  useEffect(() => {
    const el = ref.current?.resizableTextArea?.textArea;
    if (!el) return;
    const block = (e: Event) => e.preventDefault();
    el.addEventListener('beforeinput', block);
    return () => el.removeEventListener('beforeinput', block);
  }, []);
  const report = (e: React.SyntheticEvent<HTMLTextAreaElement>) => onCaret(e.currentTarget.selectionStart);
  const reportKey = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key !== 'Tab' && e.key !== 'Shift') report(e);
  };
  return (
    <Input.TextArea
      ref={ref}
      id={id}
      aria-readonly
      value={text}
      onChange={() => undefined}
      autoSize={{ minRows: 1, maxRows: 6 }}
      spellCheck={false}
      onSelect={report}
      onKeyUp={reportKey}
      onClick={report}
    />
  );
}

interface CellCaret {
  column: string;
  at: number;
}

/**
 * A row of a task table in the draft: its cells as a small form (column → text, read from the
 * document, not typed) and the corrections of a row: merge into the row above, split at the cursor
 * put in a cell (or in the source text), make it a group row, move a cell or the part of it after the
 * cursor to another column. A group row of a table can become a row again.
 */
export function DraftRowEditor({
  outline,
  node,
  sourceCaret,
  pending,
  onEdit,
}: {
  outline: Outline;
  node: OutlineNode;
  sourceCaret: number | null;
  pending: boolean;
  onEdit: (req: EditRequest) => void;
}) {
  const [caret, setCaret] = useState<CellCaret | null>(null);
  // An unnumbered row's label ends with its empty number ("II."): name it by what it is.
  const name = node.label && !node.label.endsWith('.') ? node.label : 'hàng không đánh số';

  if (node.kind === 'group') {
    return (
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">
          Hàng tiêu đề nhóm của bảng. Nếu thực ra là một nhiệm vụ, đổi thành hàng: hàng này và các hàng trong
          nhóm chuyển vào nhóm phía trên.
        </Typography.Text>
        <div>
          <Button
            icon={<UnorderedListOutlined />}
            disabled={pending}
            onClick={() =>
              onEdit({
                op: { op: 'setKind', nodeId: node.id, kind: 'row' },
                done: `Đã đổi ${name} thành hàng`,
              })
            }
          >
            Đổi thành hàng
          </Button>
        </div>
      </Flex>
    );
  }

  const columns = columnsOf(outline, node);
  // In the table's order (the database does not keep the order of a row's cells).
  const cells = Object.entries(node.cells ?? {})
    .filter(([, v]) => v)
    .sort(([a], [b]) => columns.indexOf(a) - columns.indexOf(b));
  const prev = previousSibling(outline, node.id);
  const mergeWhy =
    prev?.kind === 'row' ? null : 'Không có hàng phía trên trong cùng bảng (cùng nhóm) để gộp vào';
  const cellText = caret ? (node.cells?.[caret.column] ?? '') : '';
  const inCell = !!caret && caret.at > 0 && caret.at < cellText.length;
  const inSource = sourceCaret !== null && sourceCaret > node.span[0] && sourceCaret < node.span[1];
  const splitWhy =
    inCell || inSource
      ? null
      : 'Đặt con trỏ trong một ô (hoặc trong văn bản gốc của hàng), đúng chỗ muốn tách';
  const moveWhy = inCell ? null : 'Đặt con trỏ trong một ô, ngay trước phần muốn chuyển';

  return (
    <Flex vertical gap={12} data-testid="row-editor">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        Nội dung ô lấy từ văn bản gốc, không gõ lại được; có thể chuyển ô sang cột khác, gộp hoặc tách hàng.
      </Typography.Text>
      <Flex vertical gap={10} role="group" aria-label={`Các ô của ${name}`}>
        {cells.map(([col, text]) => {
          const id = `cell-${node.id}-${col}`;
          return (
            <div key={col} data-testid={`cell-${col}`}>
              <Flex align="center" justify="space-between" gap={8} wrap style={{ marginBottom: 4 }}>
                <Typography.Text strong id={`${id}-label`}>
                  <label htmlFor={id}>{cellLabel(col)}</label>
                </Typography.Text>
                <Select<string>
                  size="small"
                  aria-label={`Chuyển ô “${cellLabel(col)}” sang cột`}
                  placeholder="Chuyển ô sang cột…"
                  value={null}
                  disabled={pending}
                  style={{ minWidth: 190 }}
                  options={columns
                    .filter((c) => c !== col)
                    .map((c) => ({
                      value: c,
                      label: node.cells?.[c] ? `${cellLabel(c)} (đổi chỗ)` : cellLabel(c),
                    }))}
                  onChange={(to) =>
                    onEdit({
                      op: { op: 'setCell', nodeId: node.id, from: col, to },
                      done: `Đã chuyển ô “${cellLabel(col)}” của ${name} sang cột “${cellLabel(to)}”`,
                    })
                  }
                />
              </Flex>
              <SourceCell
                id={id}
                text={text}
                // At either end of a cell there is nothing to cut: that clears this cell's cursor, but
                // passing through another cell (Tab to a button) keeps the cursor set there.
                onCaret={(at) =>
                  setCaret((c) =>
                    at > 0 && at < text.length ? { column: col, at } : c?.column === col ? null : c,
                  )
                }
              />
            </div>
          );
        })}
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
                done: `Đã gộp ${name} vào hàng ${prev.label && !prev.label.endsWith('.') ? prev.label : 'trên'}`,
                selectAfter: prev.id,
              })
            }
          >
            Gộp vào hàng trên
          </Button>
        </Why>
        <Why reason={splitWhy}>
          <Button
            icon={<ScissorOutlined />}
            disabled={!!splitWhy || pending}
            onClick={() => {
              const op = inCell
                ? { op: 'split' as const, nodeId: node.id, at: caret.at, column: caret.column }
                : { op: 'split' as const, nodeId: node.id, at: sourceCaret! };
              setCaret(null);
              onEdit({ op, done: `Đã tách ${name} làm hai hàng` });
            }}
          >
            Tách hàng
          </Button>
        </Why>
        <Button
          icon={<ApartmentOutlined />}
          disabled={pending}
          onClick={() =>
            onEdit({
              op: { op: 'setKind', nodeId: node.id, kind: 'group' },
              done: `Đã đổi ${name} thành nhóm của các hàng dưới nó`,
            })
          }
        >
          Đổi thành nhóm
        </Button>
      </Flex>
      <Flex align="center" gap={8} wrap>
        <Typography.Text id={`move-${node.id}`}>Phần sau con trỏ:</Typography.Text>
        <Why reason={moveWhy}>
          <Select<string>
            aria-labelledby={`move-${node.id}`}
            placeholder="Chuyển sang cột…"
            value={null}
            disabled={!!moveWhy || pending}
            style={{ minWidth: 200 }}
            options={columns
              .filter((c) => c !== caret?.column)
              .map((c) => ({ value: c, label: cellLabel(c) }))}
            onChange={(to) => {
              if (!caret) return;
              setCaret(null);
              onEdit({
                op: { op: 'moveCellText', nodeId: node.id, from: caret.column, to, at: caret.at },
                done: `Đã chuyển phần sau con trỏ của ô “${cellLabel(caret.column)}” sang cột “${cellLabel(to)}”`,
              });
            }}
          />
        </Why>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {inCell
          ? `Con trỏ ở ô “${cellLabel(caret.column)}”: “…${cellText.slice(Math.max(0, caret.at - 24), caret.at)}|${cellText.slice(caret.at, caret.at + 24)}…”. Tách hàng: phần trước con trỏ và các ô trước ở lại, phần sau và các ô sau sang hàng mới.`
          : 'Để tách hoặc chuyển một phần ô: bấm vào ô (hoặc dùng phím mũi tên) đúng chỗ, rồi chọn thao tác.'}
      </Typography.Text>
    </Flex>
  );
}
