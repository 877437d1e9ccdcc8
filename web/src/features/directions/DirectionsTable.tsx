import { useState } from 'react';
import { Button, Flex, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckOutlined, MessageOutlined, RollbackOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { Direction, DirectionUnit } from './api';
import { FollowUpModal, type FollowUpMode } from './FollowUpModal';
import {
  DIRECTION_TARGET_LABELS,
  DIRECTION_UNIT_STATUS_COLORS,
  DIRECTION_UNIT_STATUS_LABELS,
} from './labels';
import { useMe } from '../auth/hooks';
import { can } from '../../shared/permissions';
import { ListTable } from '../../layout/ListTable';
import { formatDate, formatDateTime, formatIsoDate } from '../../lib/format';

type Open = { mode: FollowUpMode; direction: Direction; row: DirectionUnit };

/** One unit's follow-up: its state, its answer, and the buttons the user may press. */
function UnitFollowUp({ d, u, onStep }: { d: Direction; u: DirectionUnit; onStep: (o: Open) => void }) {
  const me = useMe();
  const mayAnswer = can(me, 'direction.answer', u.unitId) && (u.status === 'open' || u.status === 'answered');
  const mayClose = can(me, 'direction.close') && (u.status === 'open' || u.status === 'answered');
  const mayReturn = can(me, 'direction.close') && u.status === 'answered';
  return (
    <div data-testid="direction-unit" data-unit={u.unitId} data-status={u.status}>
      <Flex wrap gap={4} align="center">
        <Typography.Text strong>{u.unitName}</Typography.Text>
        <Tag color={DIRECTION_UNIT_STATUS_COLORS[u.status]}>{DIRECTION_UNIT_STATUS_LABELS[u.status]}</Tag>
        {u.overdue && <Tag color="red">Quá hạn</Tag>}
      </Flex>
      {u.answer && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>
          {u.answer}
          <Typography.Text type="secondary">
            {' '}
            ({u.answeredByName ?? ''} {formatDateTime(u.answeredAt)})
          </Typography.Text>
        </Typography.Paragraph>
      )}
      {u.answerLinks.length > 0 && (
        <ul style={{ margin: '0 0 4px', paddingLeft: 18 }}>
          {u.answerLinks.map((l, i) => (
            <li key={i}>
              {l.url ? (
                <a href={l.url} target="_blank" rel="noreferrer">
                  {l.label}
                </a>
              ) : (
                l.label
              )}
            </li>
          ))}
        </ul>
      )}
      {u.status === 'open' && u.returnComment && (
        <Typography.Paragraph type="warning" style={{ margin: '4px 0' }}>
          Chưa đạt ({formatDateTime(u.returnedAt)}): {u.returnComment}
        </Typography.Paragraph>
      )}
      {u.status === 'closed' && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
          Kết thúc {formatDateTime(u.closedAt)}
          {u.closedByName ? ` — ${u.closedByName}` : ''}
          {u.closeComment ? `: ${u.closeComment}` : ''}
        </Typography.Paragraph>
      )}
      {(mayAnswer || mayClose || mayReturn) && (
        <Flex wrap gap={4} style={{ marginBottom: 6 }}>
          {mayAnswer && (
            <Button
              size="small"
              type={u.status === 'open' ? 'primary' : 'default'}
              icon={<MessageOutlined />}
              onClick={() => onStep({ mode: 'answer', direction: d, row: u })}
              data-testid="direction-answer"
            >
              {u.status === 'open' ? 'Trả lời' : 'Sửa trả lời'}
            </Button>
          )}
          {mayClose && (
            <Button
              size="small"
              icon={<CheckOutlined />}
              onClick={() => onStep({ mode: 'close', direction: d, row: u })}
              data-testid="direction-close"
            >
              Kết thúc
            </Button>
          )}
          {mayReturn && (
            <Button
              size="small"
              icon={<RollbackOutlined />}
              onClick={() => onStep({ mode: 'return', direction: d, row: u })}
              data-testid="direction-return"
            >
              Chưa đạt
            </Button>
          )}
        </Flex>
      )}
    </div>
  );
}

/** Directions with each unit's follow-up; `showTarget`: the column of what each was written on. */
export function DirectionsTable({
  items,
  query,
  showTarget = true,
  empty = 'Chưa có ý kiến chỉ đạo nào',
}: {
  items: readonly Direction[];
  query?: { isError: boolean; error: unknown; isFetching: boolean };
  showTarget?: boolean;
  empty?: string;
}) {
  const [open, setOpen] = useState<Open | null>(null);
  const columns: TableColumnsType<Direction> = [
    ...(showTarget
      ? [
          {
            title: 'Về',
            key: 'target',
            width: 240,
            render: (_: unknown, d: Direction) => (
              <>
                <Typography.Text type="secondary">{DIRECTION_TARGET_LABELS[d.targetType]}</Typography.Text>
                <br />
                {d.targetLink ? <Link to={d.targetLink}>{d.targetLabel}</Link> : d.targetLabel}
              </>
            ),
          },
        ]
      : []),
    {
      title: 'Ý kiến chỉ đạo',
      key: 'text',
      render: (_: unknown, d: Direction) => (
        <>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
            {d.text}
          </Typography.Paragraph>
          <Typography.Text type="secondary">
            {d.leaderName} — {formatDate(d.createdAt)}
          </Typography.Text>
        </>
      ),
    },
    {
      title: 'Đơn vị thực hiện',
      key: 'units',
      width: 360,
      render: (_: unknown, d: Direction) => (
        <Flex vertical gap={6}>
          {d.units.map((u) => (
            <UnitFollowUp key={u.id} d={d} u={u} onStep={setOpen} />
          ))}
        </Flex>
      ),
    },
    {
      title: 'Thời hạn',
      key: 'due',
      width: 120,
      render: (_: unknown, d: Direction) =>
        d.requiresAction ? (
          <>
            {formatIsoDate(d.dueDate)}
            {d.overdue && (
              <>
                <br />
                <Tag color="red" data-testid="direction-overdue">
                  Quá hạn
                </Tag>
              </>
            )}
          </>
        ) : (
          <Typography.Text type="secondary">Để biết</Typography.Text>
        ),
    },
  ];
  return (
    <>
      <ListTable<Direction>
        rowKey="id"
        columns={columns}
        rows={items}
        query={query}
        empty={empty}
        data-testid="directions-table"
      />
      {open && (
        <FollowUpModal
          key={`${open.mode}:${open.row.id}`}
          mode={open.mode}
          direction={open.direction}
          row={open.row}
          onClose={() => setOpen(null)}
        />
      )}
    </>
  );
}
