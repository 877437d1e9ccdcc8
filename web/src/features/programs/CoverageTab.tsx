import { useMemo, useState } from 'react';
import { Alert, Collapse, Descriptions, Empty, Flex, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useCoverage } from '../plans/hooks';
import type { Coverage, CoverageCell } from '../plans/api';
import { useMeter } from '../tasks/hooks';
import { TASK_ROLE_LABELS } from '../tasks/labels';
import { errorMessage } from '../../api/client';
import { formatIsoDate } from '../../lib/format';
import { PageSpin } from '../../layout/FullPageSpin';
import { useIsPhone } from '../../lib/useMediaQuery';
import { foldFilter } from '../../lib/search';

type TaskRow = Coverage['rows'][number];
type MatrixRow =
  | { kind: 'group'; key: string; label: string | null; title: string | null; count: number }
  | { kind: 'task'; key: string; row: TaskRow };

const ROLE_SHORT: Record<CoverageCell['role'], string> = { lead: 'CT', cooperating: 'PH' };

function CellTag({
  cell,
  row,
  unitId,
  unitName,
}: {
  cell: CoverageCell;
  row: TaskRow;
  unitId: string;
  unitName: string;
}) {
  const color = cell.covered ? 'success' : cell.role === 'lead' ? 'warning' : 'default';
  const state = cell.covered ? 'đã có trong kế hoạch của đơn vị' : 'chưa có trong kế hoạch của đơn vị';
  return (
    <Tag
      color={color}
      className={`cov-cell ${cell.covered ? 'cov-covered' : 'cov-missing'}`}
      title={`${row.label} — ${unitName}: ${TASK_ROLE_LABELS[cell.role]}, ${state}`}
      data-task={row.label}
      data-node={row.nodeId}
      data-unit={unitId}
      data-covered={cell.covered ? 'true' : 'false'}
    >
      {ROLE_SHORT[cell.role]}
    </Tag>
  );
}

function TaskLinks({ ids, labelOf }: { ids: string[]; labelOf: (id: string) => string }) {
  if (ids.length === 0) return <Typography.Text type="secondary">Không có</Typography.Text>;
  return (
    <Flex wrap gap={6}>
      {ids.map((id) => (
        <Link key={id} to={`/nhiem-vu/${id}`}>
          {labelOf(id)}
        </Link>
      ))}
    </Flex>
  );
}

function UnitList({
  ids,
  nameOf,
  planOf,
}: {
  ids: string[];
  nameOf: (id: string) => string;
  planOf?: boolean;
}) {
  if (ids.length === 0) return <Typography.Text type="secondary">Không có</Typography.Text>;
  return (
    <ul className="unit-names">
      {ids.map((id) => (
        <li key={id}>
          <Link to={planOf ? `/nhiem-vu?don-vi=${id}` : `/don-vi/${id}`}>{nameOf(id)}</Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * "Bao phủ": program tasks × units carrying them (CT chủ trì, PH phối hợp), green when the unit's own
 * plan has an item linked to the task; and the gaps: tasks without a lead, leads not yet planned,
 * units without a plan, plans overdue.
 */
export function CoverageTab({ programId }: { programId: string }) {
  const phone = useIsPhone();
  const q = useCoverage(programId);
  const meter = useMeter(programId);
  const [shown, setShown] = useState<string[]>([]);

  const titles = useMemo(
    () => new Map((meter.data?.groups ?? []).map((g) => [g.label ?? '', g.title])),
    [meter.data],
  );
  const data = q.data;
  /** Task rows under their group; with units chosen, only the tasks those units carry. */
  const rows = useMemo<MatrixRow[]>(() => {
    const out: MatrixRow[] = [];
    const wanted = (data?.rows ?? []).filter((r) => shown.length === 0 || shown.some((u) => r.cells[u]));
    let current: string | null | undefined = undefined;
    for (const r of wanted) {
      if (r.groupLabel !== current) {
        current = r.groupLabel;
        out.push({
          kind: 'group',
          key: `group-${r.groupLabel ?? 'none'}-${out.length}`,
          label: r.groupLabel,
          title: titles.get(r.groupLabel ?? '') ?? null,
          count: wanted.filter((x) => x.groupLabel === r.groupLabel).length,
        });
      }
      out.push({ kind: 'task', key: r.nodeId, row: r });
    }
    return out;
  }, [data, titles, shown]);

  if (q.isPending) return <PageSpin />;
  if (q.isError || !data) return <Alert type="error" showIcon title={errorMessage(q.error)} />;

  const nameOf = (id: string) => data.units.find((u) => u.unitId === id)?.name ?? id;
  const labelOf = (id: string) => data.rows.find((r) => r.nodeId === id)?.label ?? id;
  const units = shown.length ? data.units.filter((u) => shown.includes(u.unitId)) : data.units;
  const span = units.length + 1;

  const columns: TableColumnsType<MatrixRow> = [
    {
      title: 'Nhiệm vụ',
      key: 'task',
      fixed: 'left',
      width: phone ? 86 : 280,
      onCell: (r) => (r.kind === 'group' ? { colSpan: span, className: 'cov-group-cell' } : {}),
      render: (_, r) =>
        r.kind === 'group' ? (
          <span className="cov-group">
            <strong>{r.label ?? 'Khác'}</strong> {r.title ?? ''}{' '}
            <Typography.Text type="secondary">({r.count} nhiệm vụ)</Typography.Text>
          </span>
        ) : (
          <div>
            <Link to={`/nhiem-vu/${r.row.nodeId}`} className="nowrap">
              {r.row.label}
            </Link>
            {!phone && (
              <Typography.Paragraph
                type="secondary"
                ellipsis={{ rows: 2, tooltip: r.row.text }}
                style={{ margin: 0, fontSize: 12 }}
              >
                {r.row.text}
              </Typography.Paragraph>
            )}
          </div>
        ),
    },
    ...units.map((u) => ({
      key: u.unitId,
      width: 104,
      align: 'center' as const,
      title: (
        <div className="cov-unit-head">
          <div className="cov-unit-name">{u.name}</div>
          {u.planId ? (
            <Link to={`/ke-hoach/${u.planId}`} style={{ fontSize: 12 }}>
              Xem kế hoạch
            </Link>
          ) : (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              Chưa có kế hoạch
            </Typography.Text>
          )}
        </div>
      ),
      onCell: (r: MatrixRow) => (r.kind === 'group' ? { colSpan: 0 } : {}),
      render: (_: unknown, r: MatrixRow) => {
        if (r.kind !== 'task') return null;
        const cell = r.row.cells[u.unitId];
        return cell ? <CellTag cell={cell} row={r.row} unitId={u.unitId} unitName={u.name} /> : null;
      },
    })),
  ];

  const g = data.gaps;
  const gapItems = [
    {
      key: 'no-lead',
      label: (
        <span>
          Nhiệm vụ chưa có cơ quan chủ trì{' '}
          <Tag color={g.noLead.length ? 'red' : 'green'}>{g.noLead.length}</Tag>
        </span>
      ),
      children: <TaskLinks ids={g.noLead} labelOf={labelOf} />,
    },
    {
      key: 'lead-not-covered',
      label: (
        <span>
          Chủ trì nhưng chưa có trong kế hoạch của đơn vị{' '}
          <Tag color={g.leadNotCovered.length ? 'orange' : 'green'}>{g.leadNotCovered.length}</Tag>
        </span>
      ),
      children:
        g.leadNotCovered.length === 0 ? (
          <Typography.Text type="secondary">Không có</Typography.Text>
        ) : (
          <ul className="unit-names">
            {g.leadNotCovered.map((x) => (
              <li key={`${x.nodeId}-${x.unitId}`}>
                <Link to={`/nhiem-vu/${x.nodeId}`}>{labelOf(x.nodeId)}</Link> — {nameOf(x.unitId)}
              </li>
            ))}
          </ul>
        ),
    },
    {
      key: 'no-plan',
      label: (
        <span>
          Đơn vị chưa lập kế hoạch{' '}
          <Tag color={g.unitsWithoutPlan.length ? 'orange' : 'green'}>{g.unitsWithoutPlan.length}</Tag>
        </span>
      ),
      children: <UnitList ids={g.unitsWithoutPlan} nameOf={nameOf} planOf />,
    },
    {
      key: 'overdue',
      label: (
        <span>
          Quá hạn lập kế hoạch{' '}
          <Tag color={g.plansOverdue.length ? 'red' : 'green'}>{g.plansOverdue.length}</Tag>
        </span>
      ),
      children: <UnitList ids={g.plansOverdue} nameOf={nameOf} planOf />,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'due',
            label: 'Hạn các đơn vị lập kế hoạch',
            children: data.plansDueDate
              ? formatIsoDate(data.plansDueDate)
              : 'Đặt khi triển khai chương trình',
          },
          {
            key: 'plans',
            label: 'Đơn vị đã lập kế hoạch',
            children: `${data.units.filter((u) => u.planId).length}/${data.units.length}`,
          },
        ]}
      />
      <Collapse size="small" items={gapItems} data-testid="coverage-gaps" />
      {data.units.length === 0 ? (
        <Empty description="Chưa có nhiệm vụ nào được giao cho đơn vị" />
      ) : (
        <>
          <Flex wrap gap={12} align="center" justify="space-between">
            <Flex wrap gap={8} align="center" className="cov-legend">
              <Tag color="success">CT</Tag>
              <Tag color="success">PH</Tag>
              <span>đã có trong kế hoạch của đơn vị</span>
              <Tag color="warning">CT</Tag>
              <Tag>PH</Tag>
              <span>chưa có</span>
              <Typography.Text type="secondary">(CT: chủ trì, PH: phối hợp)</Typography.Text>
            </Flex>
            <Select
              mode="multiple"
              allowClear
              aria-label="Chỉ hiện đơn vị"
              id="coverage-units"
              placeholder="Chỉ hiện đơn vị…"
              value={shown}
              onChange={setShown}
              options={data.units.map((u) => ({ value: u.unitId, label: u.name }))}
              showSearch={{ filterOption: foldFilter }}
              style={{ minWidth: phone ? '100%' : 320, maxWidth: '100%' }}
              maxTagCount="responsive"
            />
          </Flex>
          <Table<MatrixRow>
            rowKey="key"
            size="small"
            bordered
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
            sticky={{ offsetHeader: 64 }}
            rowClassName={(r) => (r.kind === 'group' ? 'cov-group-row' : '')}
            data-testid="coverage-table"
          />
        </>
      )}
    </Flex>
  );
}
