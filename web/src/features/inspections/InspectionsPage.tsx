/** Kiểm tra giám sát: the plans the reader may see; a supervisor (or admin) plans a new one. */
import { useState } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { ListTable, dateColumn } from '../../layout/ListTable';
import { useInspections } from './hooks';
import { PlanFormModal } from './PlanFormModal';
import { PlanStatusTag, kindLabel } from './labels';
import type { InspectionPlanSummary } from './api';

export default function InspectionsPage() {
  const q = useInspections();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="Kiểm tra giám sát"
        subTitle="Kế hoạch kiểm tra, giám sát; đợt làm việc; kết luận và kiến nghị"
        extra={
          q.data?.canCreate && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="inspection-create"
            >
              Lập kế hoạch
            </Button>
          )
        }
      />
      <ListTable<InspectionPlanSummary>
        data-testid="inspections-table"
        rowKey="id"
        rows={q.data?.items ?? []}
        query={q}
        empty="Chưa có kế hoạch kiểm tra, giám sát nào"
        columns={[
          {
            title: 'Kế hoạch',
            dataIndex: 'title',
            render: (t: string, r) => <Link to={`/kiem-tra-giam-sat/${r.id}`}>{t}</Link>,
          },
          { title: 'Loại hình', dataIndex: 'kind', render: kindLabel },
          { title: 'Cơ quan', dataIndex: 'bodyUnitName' },
          { title: 'Năm', dataIndex: 'year', render: (y: number | null) => y ?? 'Đột xuất' },
          { title: 'Đối tượng', dataIndex: 'subjectNames', render: (n: string[]) => n.join('; ') },
          dateColumn('Từ ngày', 'startsOn', 'day'),
          dateColumn('Đến ngày', 'endsOn', 'day'),
          { title: 'Đợt làm việc', dataIndex: 'visitCount', align: 'right' },
          { title: 'Kết luận số', dataIndex: 'conclusionNumber', render: (n: string | null) => n ?? '—' },
          {
            title: 'Trạng thái',
            dataIndex: 'status',
            render: (s: InspectionPlanSummary['status']) => <PlanStatusTag status={s} />,
          },
        ]}
      />
      {creating && <PlanFormModal open onClose={() => setCreating(false)} />}
    </>
  );
}
