import { useState } from 'react';
import { Alert, Button, Empty, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useProgramPeriods, useReportingRules } from './hooks';
import type { PeriodListItem } from './api';
import {
  PERIOD_STATUS,
  REVIEW_KIND_LABELS,
  canManageReporting,
  obligationStatusInfo,
  periodKindLabel,
  windowText,
} from './labels';
import { OpenPeriodModal } from './OpenPeriodModal';
import { useMe } from '../auth/hooks';
import { useProgramTasks } from '../tasks/hooks';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { PageSpin } from '../../layout/FullPageSpin';
import { InfoTag } from '../../layout/InfoTag';
import { dateColumn } from '../../layout/ListTable';

/**
 * "Báo cáo định kỳ" of a program: its reporting periods with how many units have reported, and
 * (for the monitor) opening a new period. A unit user follows the link to its own report.
 */
export function PeriodsTab({ programId }: { programId: string }) {
  const me = useMe();
  const manage = canManageReporting(me);
  const isUnit = me.role === 'unit';
  const q = useProgramPeriods(programId);
  const rules = useReportingRules();
  // Shares the cache of the program page, which reads the program's status the same way.
  const status = useProgramTasks(programId, {}).data?.program.status;
  const [opening, setOpening] = useState(false);

  if (q.isPending) return <PageSpin />;
  if (q.isError) return <ApiErrorAlert error={q.error} />;
  const items = q.data.items;
  const notImplementing = status === 'published';

  const columns: TableColumnsType<PeriodListItem> = [
    {
      title: 'Kỳ báo cáo',
      key: 'label',
      render: (_, p) => {
        const to = isUnit
          ? p.myObligationId
            ? `/bao-cao/${p.myObligationId}`
            : null
          : `/ky-bao-cao/${p.id}`;
        return (
          <div>
            {to ? (
              <Link to={to} data-testid="period-link">
                <strong>{p.label}</strong>
              </Link>
            ) : (
              <strong>{p.label}</strong>
            )}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {periodKindLabel(p.kind, rules.data)} · {REVIEW_KIND_LABELS[p.reviewKind] ?? p.reviewKind}
            </Typography.Text>
          </div>
        );
      },
    },
    {
      title: 'Thời gian chốt số liệu',
      key: 'window',
      render: (_, p) => <span className="nowrap">{windowText(p)}</span>,
    },
    dateColumn('Hạn gửi', 'dueDate', 'day'),
    {
      title: 'Trạng thái',
      key: 'status',
      render: (_, p) => (
        <Tag color={PERIOD_STATUS[p.status]?.color} style={{ marginInlineEnd: 0 }}>
          {PERIOD_STATUS[p.status]?.label ?? p.status}
        </Tag>
      ),
    },
    ...(isUnit
      ? [
          {
            title: 'Báo cáo của đơn vị',
            key: 'mine',
            render: (_: unknown, p: PeriodListItem) => {
              if (!p.myStatus) return <Typography.Text type="secondary">Không phải báo cáo</Typography.Text>;
              const info = obligationStatusInfo(p.myStatus);
              return <InfoTag info={info} />;
            },
          },
        ]
      : [
          {
            title: 'Đã nộp/tổng',
            key: 'submitted',
            align: 'right' as const,
            render: (_: unknown, p: PeriodListItem) => {
              const n = p.counts.submitted + p.counts.accepted;
              return (
                <Tooltip title={`${p.counts.accepted} đã duyệt, ${p.counts.submitted} chờ duyệt`}>
                  <Typography.Text
                    type={p.counts.total > 0 && n === p.counts.total ? 'success' : undefined}
                    className="nowrap"
                    data-testid="period-submitted-count"
                  >
                    {n}/{p.counts.total}
                  </Typography.Text>
                </Tooltip>
              );
            },
          },
          {
            title: 'Muộn, quá hạn',
            key: 'late',
            render: (_: unknown, p: PeriodListItem) => (
              <Flex wrap gap={4}>
                {p.counts.late > 0 && <Tag color="volcano">{p.counts.late} nộp muộn</Tag>}
                {p.counts.overdue > 0 && <Tag color="red">{p.counts.overdue} quá hạn chưa nộp</Tag>}
                {p.counts.late === 0 && p.counts.overdue === 0 && (
                  <Typography.Text type="secondary">Không có</Typography.Text>
                )}
              </Flex>
            ),
          },
        ]),
  ];

  return (
    <Flex vertical gap={12}>
      {manage && (
        <Flex wrap gap={8} align="center" justify="space-between">
          <Typography.Text type="secondary">
            Mỗi kỳ tạo một báo cáo cho mọi đơn vị chủ trì, phối hợp nhiệm vụ còn đang thực hiện.
          </Typography.Text>
          <Tooltip title={notImplementing ? 'Chương trình chưa được triển khai' : undefined}>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setOpening(true)}
              disabled={notImplementing || !rules.data}
              loading={rules.isPending}
              data-testid="open-period-button"
            >
              Mở kỳ báo cáo
            </Button>
          </Tooltip>
        </Flex>
      )}
      {manage && notImplementing && (
        <Alert
          type="info"
          showIcon
          title="Chương trình chưa được triển khai"
          description="Kỳ báo cáo chỉ mở được sau khi “Triển khai” chương trình (mọi nhiệm vụ có cơ quan chủ trì và thời hạn)."
        />
      )}
      {rules.isError && <ApiErrorAlert error={rules.error} />}
      {items.length === 0 ? (
        <Empty description="Chưa có kỳ báo cáo nào" />
      ) : (
        <Table<PeriodListItem>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={items}
          pagination={items.length > 20 ? { pageSize: 20 } : false}
          scroll={{ x: 'max-content' }}
          data-testid="periods-table"
        />
      )}
      {manage && rules.data && (
        <OpenPeriodModal
          programId={programId}
          rules={rules.data}
          periods={items}
          open={opening}
          onClose={() => setOpening(false)}
        />
      )}
    </Flex>
  );
}
