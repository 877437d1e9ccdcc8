import type { ReactNode } from 'react';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnType } from 'antd';
import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { CLEAR_SHORT, TASK_ROLE_LABELS, clearLabel, deadlineLabel, programStatusInfo } from './labels';
import { FIVE_CLEAR, type Deadline, type TaskMeter } from '../../shared/assignment';
import type { UnitLookup } from '../units/useUnitNames';
import { formatIsoDate } from '../../lib/format';
import { InfoTag } from '../../layout/InfoTag';
import { ExpandableText } from '../../layout/ExpandableText';

export function ProgramStatusTag({ status }: { status: string | null | undefined }) {
  const info = programStatusInfo(status);
  return <InfoTag info={info} data-testid="program-status" style={{ marginInlineEnd: 0 }} />;
}

/**
 * The "5 rõ" of one task: green when clear, grey when missing. `compact` uses short names (for
 * tables), with the full criterion in a tooltip.
 */
export function MeterTags({ meter, compact = false }: { meter: TaskMeter; compact?: boolean }) {
  return (
    <Flex wrap gap={compact ? 2 : 6} className={compact ? 'meter-tags compact' : 'meter-tags'}>
      {FIVE_CLEAR.map((c) => {
        const ok = meter[c];
        const tag = (
          <Tag
            key={c}
            color={ok ? 'success' : 'default'}
            icon={ok ? <CheckCircleFilled /> : <MinusCircleOutlined />}
            className={ok ? 'meter-tag meter-ok' : 'meter-tag meter-missing'}
            aria-label={`${clearLabel(c)}: ${ok ? 'đã rõ' : 'còn thiếu'}`}
          >
            {compact ? CLEAR_SHORT[c] : clearLabel(c)}
          </Tag>
        );
        return compact ? (
          <Tooltip key={c} title={`${clearLabel(c)}: ${ok ? 'đã rõ' : 'còn thiếu'}`}>
            {tag}
          </Tooltip>
        ) : (
          tag
        );
      })}
    </Flex>
  );
}

/** A deadline in words, with its last day underneath for a period or recurrence. */
export function DeadlineText({ deadline }: { deadline: Deadline | null | undefined }) {
  if (!deadline) return <Typography.Text type="secondary">Chưa có</Typography.Text>;
  if (deadline.kind === 'date') return <span className="nowrap">{formatIsoDate(deadline.date)}</span>;
  return <span>{deadlineLabel(deadline)}</span>;
}

/** A unit by id, linked to its page; the id itself when the directory does not know it. */
export function UnitName({ id, units, link = true }: { id: string; units: UnitLookup; link?: boolean }) {
  const u = units.byId(id);
  // The directory is cached for the whole app; until it arrives the name is left blank.
  if (!u) return <Typography.Text type="secondary">…</Typography.Text>;
  return link ? <Link to={`/don-vi/${u.id}`}>{u.name}</Link> : <>{u.name}</>;
}

/** Unit names, one per line; at most `max`, then "và n đơn vị khác". */
export function UnitNames({
  ids,
  units,
  max = Infinity,
  empty = '—',
}: {
  ids: string[];
  units: UnitLookup;
  max?: number;
  empty?: React.ReactNode;
}) {
  if (ids.length === 0) return <>{empty}</>;
  const shown = ids.slice(0, max);
  const rest = ids.length - shown.length;
  return (
    <ul className="unit-names">
      {shown.map((id) => (
        <li key={id}>
          <UnitName id={id} units={units} />
        </li>
      ))}
      {rest > 0 && (
        <li>
          <Typography.Text type="secondary">và {rest} đơn vị khác</Typography.Text>
        </li>
      )}
    </ul>
  );
}

export function RoleTag({ role }: { role: 'lead' | 'cooperating' }) {
  return <Tag color={role === 'lead' ? 'blue' : 'default'}>{TASK_ROLE_LABELS[role]}</Tag>;
}

/** The "Số hiệu" column of a task table: the task's label, a link to its page. */
export function taskLabelColumn<T extends { nodeId: string; label: string }>(width = 90): TableColumnType<T> {
  return {
    title: <span className="nowrap">Số hiệu</span>,
    dataIndex: 'label',
    width,
    render: (v: string, t) => (
      <Link to={`/nhiem-vu/${t.nodeId}`} className="nowrap" aria-label={`Mở nhiệm vụ ${v}`}>
        {v || '—'}
      </Link>
    ),
  };
}

/**
 * The text column of a task table: the text, folded after `rows` lines, with `facts` under it (the
 * facts of the columns a narrow screen hides; `false` on a wide one).
 */
export function taskTextColumn<T extends { text: string }>(
  title: string,
  { minWidth, rows, facts }: { minWidth: number; rows: number; facts: ((t: T) => ReactNode) | false },
): TableColumnType<T> {
  return {
    title,
    dataIndex: 'text',
    minWidth,
    render: (v: string, t) => (
      <>
        <ExpandableText rows={rows}>{v}</ExpandableText>
        {facts && facts(t)}
      </>
    ),
  };
}
