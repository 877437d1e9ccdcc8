import { Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeadlineText, UnitName, UnitNames } from './TaskBits';
import { BASELINE_FIELD_LABELS, focalLabel, productLabel } from './labels';
import { baselineChanges } from './formValues';
import type { BaselineEntry, BaselineField, TaskView } from './api';
import type { UnitLookup } from '../units/useUnitNames';
import type { Product } from '../../shared/assignment';
import { useIsPhone } from '../../lib/useMediaQuery';
import { FactList } from '../document/NodeFacts';

export function ProductList({ products }: { products: Product[] }) {
  if (products.length === 0) return <Typography.Text type="secondary">Chưa có</Typography.Text>;
  return (
    <ul className="product-list">
      {products.map((p, i) => (
        <li key={i}>{productLabel(p)}</li>
      ))}
    </ul>
  );
}

/** The assignment as read-only facts (for those who may not change it). */
export function AssignmentSummary({ task, units }: { task: TaskView; units: UnitLookup }) {
  return (
    <FactList
      labelWidth={170}
      items={[
        {
          key: 'lead',
          label: 'Cơ quan chủ trì',
          children: task.leadUnitId ? (
            <UnitName id={task.leadUnitId} units={units} />
          ) : (
            <Typography.Text type="secondary">Chưa giao</Typography.Text>
          ),
        },
        {
          key: 'coop',
          label: 'Cơ quan phối hợp',
          children: <UnitNames ids={task.cooperatingUnitIds} units={units} />,
        },
        { key: 'focal', label: 'Đầu mối', children: focalLabel(task.focal) },
        { key: 'deadline', label: 'Thời hạn', children: <DeadlineText deadline={task.deadline} /> },
        { key: 'products', label: 'Sản phẩm', children: <ProductList products={task.products} /> },
      ]}
    />
  );
}

interface BaselineRow {
  key: BaselineField;
  before: React.ReactNode;
  now: React.ReactNode;
  changed: boolean;
}

/** After "Triển khai": the frozen assignment next to the current one, adjusted parts highlighted. */
export function BaselineComparison({
  baseline,
  task,
  units,
}: {
  baseline: BaselineEntry;
  task: TaskView;
  units: UnitLookup;
}) {
  const phone = useIsPhone();
  const changed = baselineChanges(baseline, task);
  const lead = (id: string | null) =>
    id ? <UnitName id={id} units={units} /> : <Typography.Text type="secondary">Chưa giao</Typography.Text>;
  const rows: BaselineRow[] = [
    { key: 'lead', before: lead(baseline.leadUnitId), now: lead(task.leadUnitId) },
    {
      key: 'cooperating',
      before: <UnitNames ids={baseline.cooperatingUnitIds} units={units} />,
      now: <UnitNames ids={task.cooperatingUnitIds} units={units} />,
    },
    {
      key: 'deadline',
      before: <DeadlineText deadline={baseline.deadline} />,
      now: <DeadlineText deadline={task.deadline} />,
    },
    {
      key: 'products',
      before: <ProductList products={baseline.products} />,
      now: <ProductList products={task.products} />,
    },
  ].map((r) => ({ ...r, key: r.key as BaselineField, changed: changed.includes(r.key as BaselineField) }));

  const columns: TableColumnsType<BaselineRow> = [
    {
      title: 'Nội dung',
      dataIndex: 'key',
      width: phone ? 110 : 150,
      render: (k: BaselineField, r) => (
        <>
          <div>{BASELINE_FIELD_LABELS[k]}</div>
          {r.changed && (
            <Tag color="orange" style={{ marginTop: 4 }}>
              Đã điều chỉnh
            </Tag>
          )}
        </>
      ),
    },
    { title: 'Khi triển khai (ban đầu)', dataIndex: 'before', minWidth: 200, responsive: ['sm'] },
    { title: 'Hiện tại', dataIndex: 'now', minWidth: 200, responsive: ['sm'] },
    {
      title: 'Ban đầu → hiện tại',
      key: 'both',
      responsive: ['xs'],
      render: (_, r) => (
        <>
          <Typography.Text type="secondary">Ban đầu:</Typography.Text>
          <div>{r.before}</div>
          <Typography.Text type="secondary">Hiện tại:</Typography.Text>
          <div>{r.now}</div>
        </>
      ),
    },
  ];
  return (
    <Table<BaselineRow>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: true }}
      rowClassName={(r) => (r.changed ? 'baseline-changed' : '')}
      data-testid="baseline-table"
    />
  );
}
