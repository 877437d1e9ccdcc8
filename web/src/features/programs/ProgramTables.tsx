import { Button } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { ProgramReference, ProgramResponsibility } from './api';
import { MentionList } from '../document/Mentions';
import { referenceLevelLabel } from '../document/labels';
import type { UnitLookup } from '../units/useUnitNames';
import { ExpandableText } from '../../layout/ExpandableText';
import { ListTable, dateColumn } from '../../layout/ListTable';

const PAGE = 20;

function LabelCell({ label, onShow }: { label: string; onShow: () => void }) {
  return (
    <Button type="link" size="small" onClick={onShow} style={{ paddingInline: 0 }} className="nowrap">
      {label || '—'}
    </Button>
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
      render: (v: string) => <ExpandableText rows={3}>{v || '—'}</ExpandableText>,
    },
  ];
  return (
    <ListTable<ProgramResponsibility>
      rowKey="nodeId"
      size="middle"
      columns={columns}
      rows={items}
      pageSize={PAGE}
      empty="Văn bản không có phần tổ chức thực hiện nêu trách nhiệm"
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
    dateColumn('Ngày', 'date', 'day'),
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
    <ListTable<ProgramReference>
      rowKey={(r) => `${r.kind}-${r.number}`}
      size="middle"
      columns={columns}
      rows={items}
      pageSize={PAGE}
      empty="Văn bản không dẫn chiếu văn bản nào"
    />
  );
}
