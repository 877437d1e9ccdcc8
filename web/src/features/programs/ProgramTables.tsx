import { useMemo, useState } from 'react';
import { Button, Input, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { ProgramNode, ProgramReference, ProgramResponsibility } from './api';
import { Mention, MentionList } from '../document/Mentions';
import { Deadline } from '../document/NodeFacts';
import { referenceLevelLabel } from '../document/labels';
import type { UnitLookup } from '../units/useUnitNames';
import { formatIsoDate } from '../../lib/format';
import { useIsPhone, useMediaQuery } from '../../lib/useMediaQuery';
import { foldText } from '../../shared/domain';

const PAGE = 20;

function LabelCell({ label, onShow }: { label: string; onShow: () => void }) {
  return (
    <Button type="link" size="small" onClick={onShow} style={{ paddingInline: 0 }} className="nowrap">
      {label || '—'}
    </Button>
  );
}

/** Every task with what was extracted from it; the label opens it in the content tree. */
function LeadOf({ node, units }: { node: ProgramNode; units: UnitLookup }) {
  const x = node.extracted;
  if (!x) return <>—</>;
  if (x.leads.length > 1) return <MentionList mentions={x.leads} units={units} />;
  return x.lead ? <Mention mention={x.lead} units={units} /> : <>—</>;
}

export function TasksTable({
  nodes,
  units,
  onShow,
}: {
  nodes: ProgramNode[];
  units: UnitLookup;
  onShow: (nodeId: string) => void;
}) {
  const phone = useIsPhone();
  /** Below the `md` breakpoint the lead and deadline move under the text (their columns are hidden). */
  const compact = !useMediaQuery('(min-width: 768px)');
  const [search, setSearch] = useState('');
  const tasks = useMemo(() => {
    const q = foldText(search.trim());
    const all = nodes.filter((n) => n.isTask);
    if (!q) return all;
    return all.filter((n) => {
      const x = n.extracted;
      const names = [x?.lead, ...(x?.cooperating ?? [])]
        .flatMap((m) => (m ? [m.text, ...m.unitIds.map((id) => units.byId(id)?.name ?? '')] : []))
        .join(' ');
      return foldText(`${n.label} ${n.text} ${names}`).includes(q);
    });
  }, [nodes, search, units]);

  const columns: TableColumnsType<ProgramNode> = [
    {
      title: <span className="nowrap">Số hiệu</span>,
      dataIndex: 'label',
      width: 90,
      render: (v: string, n) => <LabelCell label={v} onShow={() => onShow(n.id)} />,
    },
    {
      title: 'Nhiệm vụ',
      dataIndex: 'text',
      minWidth: phone ? 220 : 280,
      render: (v: string, n) => (
        <>
          <Typography.Paragraph
            ellipsis={{ rows: 3, expandable: 'collapsible', symbol: (o) => (o ? 'Thu gọn' : 'Xem thêm') }}
            style={{ margin: 0 }}
          >
            {v}
          </Typography.Paragraph>
          {compact && (
            <div className="task-facts-inline">
              <div>
                <Typography.Text type="secondary">Chủ trì: </Typography.Text>
                <LeadOf node={n} units={units} />
              </div>
              <div>
                <Typography.Text type="secondary">Thời hạn: </Typography.Text>
                <Deadline time={n.extracted?.deadline ?? null} />
              </div>
            </div>
          )}
        </>
      ),
    },
    {
      title: 'Chủ trì (đề xuất)',
      key: 'lead',
      minWidth: 200,
      responsive: ['md'],
      render: (_, n) => <LeadOf node={n} units={units} />,
    },
    {
      title: 'Phối hợp',
      key: 'coop',
      minWidth: 200,
      responsive: ['md'],
      render: (_, n) => <MentionList mentions={n.extracted?.cooperating ?? []} units={units} />,
    },
    {
      title: 'Thời hạn',
      key: 'deadline',
      minWidth: 140,
      responsive: ['md'],
      render: (_, n) => <Deadline time={n.extracted?.deadline ?? null} />,
    },
  ];

  return (
    <>
      <Input
        aria-label="Tìm nhiệm vụ"
        placeholder="Tìm theo nội dung, số hiệu hoặc cơ quan…"
        prefix={<SearchOutlined />}
        allowClear
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        maxLength={200}
        style={{ maxWidth: 420, marginBottom: 12 }}
      />
      <Table<ProgramNode>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={tasks}
        scroll={{ x: true }}
        pagination={
          tasks.length > PAGE
            ? { pageSize: PAGE, showSizeChanger: false, showTotal: (t) => `${t} nhiệm vụ` }
            : false
        }
        locale={{ emptyText: search ? 'Không có nhiệm vụ nào phù hợp' : 'Chương trình không có nhiệm vụ' }}
        data-testid="tasks-table"
      />
    </>
  );
}

/** "Tổ chức thực hiện": who is responsible for what. */
export function ResponsibilitiesTable({
  items,
  labelOf,
  units,
  onShow,
}: {
  items: ProgramResponsibility[];
  labelOf: (nodeId: string) => string;
  units: UnitLookup;
  onShow: (nodeId: string) => void;
}) {
  const columns: TableColumnsType<ProgramResponsibility> = [
    {
      title: <span className="nowrap">Số hiệu</span>,
      dataIndex: 'label',
      width: 90,
      render: (v: string, r) => <LabelCell label={v || labelOf(r.nodeId)} onShow={() => onShow(r.nodeId)} />,
    },
    {
      title: 'Cơ quan',
      key: 'bodies',
      minWidth: 240,
      render: (_, r) => <MentionList mentions={r.bodies} units={units} />,
    },
    {
      title: 'Chủ trì',
      dataIndex: 'leadUnitId',
      minWidth: 160,
      render: (v: string | null) => {
        const u = v ? units.byId(v) : undefined;
        return u ? <Link to={`/don-vi/${u.id}`}>{u.name}</Link> : '—';
      },
    },
    {
      title: 'Nhiệm vụ được giao',
      dataIndex: 'duties',
      minWidth: 300,
      render: (v: string) => (
        <Typography.Paragraph
          ellipsis={{ rows: 3, expandable: 'collapsible', symbol: (o) => (o ? 'Thu gọn' : 'Xem thêm') }}
          style={{ margin: 0 }}
        >
          {v || '—'}
        </Typography.Paragraph>
      ),
    },
  ];
  return (
    <Table<ProgramResponsibility>
      rowKey="nodeId"
      size="middle"
      columns={columns}
      dataSource={items}
      scroll={{ x: true }}
      pagination={items.length > PAGE ? { pageSize: PAGE, showSizeChanger: false } : false}
      locale={{ emptyText: 'Văn bản không có phần tổ chức thực hiện nêu trách nhiệm' }}
    />
  );
}

/** Documents cited in the program, each with how often; the count points at the places in the text. */
export function ReferencesTable({
  items,
  onShowCitations,
}: {
  items: ProgramReference[];
  onShowCitations: (reference: ProgramReference) => void;
}) {
  const columns: TableColumnsType<ProgramReference> = [
    { title: 'Loại văn bản', dataIndex: 'kind', minWidth: 120 },
    {
      title: 'Số, ký hiệu',
      dataIndex: 'number',
      minWidth: 130,
      render: (v: string) => <span className="nowrap">{v}</span>,
    },
    {
      title: 'Ngày',
      dataIndex: 'date',
      render: (v: string | null) => <span className="nowrap">{formatIsoDate(v)}</span>,
    },
    {
      title: 'Cấp ban hành',
      dataIndex: 'level',
      minWidth: 110,
      render: (v: string) => referenceLevelLabel(v),
    },
    {
      title: 'Số lần dẫn chiếu',
      key: 'citations',
      align: 'right',
      render: (_, r) => (
        <Button
          type="link"
          size="small"
          onClick={() => onShowCitations(r)}
          aria-label={`Xem ${r.citations.length} chỗ dẫn chiếu ${r.number} trong văn bản gốc`}
        >
          {r.citations.length} lần
        </Button>
      ),
    },
  ];
  return (
    <Table<ProgramReference>
      rowKey={(r) => `${r.kind}-${r.number}`}
      size="middle"
      columns={columns}
      dataSource={items}
      scroll={{ x: true }}
      pagination={items.length > PAGE ? { pageSize: PAGE, showSizeChanger: false } : false}
      locale={{ emptyText: 'Văn bản không dẫn chiếu văn bản nào' }}
    />
  );
}
