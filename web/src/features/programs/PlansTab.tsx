import { Alert, App, Button, Flex, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useCreatePlan, useProgramPlans } from '../plans/hooks';
import type { PlanSummary } from '../plans/api';
import { UnitName } from '../tasks/TaskBits';
import { readableTitle } from '../document/labels';
import { useMe } from '../auth/hooks';
import type { UnitLookup } from '../units/useUnitNames';
import { errorMessage } from '../../api/client';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { ListTable, dateColumn } from '../../layout/ListTable';

/** "Kế hoạch của đơn vị": the implementation plans units have written for this program. */
export function PlansTab({ programId, units }: { programId: string; units: UnitLookup }) {
  const me = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const q = useProgramPlans(programId);
  const create = useCreatePlan(programId);
  const items = q.data?.items ?? [];
  const mine = me.role === 'unit' && me.unitId ? items.find((p) => p.unitId === me.unitId) : undefined;

  const columns: TableColumnsType<PlanSummary> = [
    {
      title: 'Đơn vị',
      dataIndex: 'unitId',
      minWidth: 180,
      render: (v: string) => <UnitName id={v} units={units} />,
    },
    {
      title: 'Kế hoạch',
      dataIndex: 'title',
      minWidth: 260,
      render: (v: string, p) => (
        <Link to={`/ke-hoach/${p.id}`}>
          <Typography.Paragraph
            ellipsis={{ rows: 2, tooltip: readableTitle(v) }}
            style={{ margin: 0, color: 'inherit' }}
          >
            {readableTitle(v)}
          </Typography.Paragraph>
        </Link>
      ),
    },
    dateColumn('Lập lúc', 'createdAt', 'moment', { responsive: ['sm'] }),
  ];

  return (
    <Flex vertical gap={12}>
      {me.role === 'unit' && me.unitId && (
        <Flex wrap gap={12} align="center">
          {mine ? (
            <Button type="primary" onClick={() => navigate(`/ke-hoach/${mine.id}`)}>
              Xem kế hoạch của đơn vị mình
            </Button>
          ) : (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              loading={create.isPending}
              onClick={() =>
                create.mutate(
                  { unitId: me.unitId! },
                  {
                    onSuccess: (p) => {
                      message.success('Đã lập kế hoạch của đơn vị');
                      navigate(`/ke-hoach/${p.id}`);
                    },
                  },
                )
              }
            >
              Lập kế hoạch của đơn vị mình
            </Button>
          )}
        </Flex>
      )}
      {create.isError && <ApiErrorAlert error={create.error} style={{ marginBottom: 0 }} />}
      {q.isError && <Alert type="error" showIcon title={errorMessage(q.error)} />}
      <ListTable<PlanSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        rows={items}
        loading={q.isPending}
        empty="Chưa có đơn vị nào lập kế hoạch thực hiện chương trình này"
        data-testid="plans-table"
      />
    </Flex>
  );
}
