import { Alert, Empty, Flex, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useReportReminders } from './hooks';
import { REMINDER_KINDS } from './labels';
import { errorMessage } from '../../api/client';
import { formatDateTime, fromNow } from '../../lib/format';
import { PageSpin } from '../../layout/FullPageSpin';

/** The reminders the unit has received for this report. */
export function RemindersList({ reportId }: { reportId: string }) {
  const q = useReportReminders(reportId);
  if (q.isPending) return <PageSpin />;
  if (q.isError) return <Alert type="error" showIcon title={errorMessage(q.error)} />;
  const items = q.data.items;
  if (!items.length) return <Empty description="Đơn vị chưa nhận lời nhắc nào cho báo cáo này" />;
  return (
    <Flex vertical gap={10} data-testid="report-reminders">
      {items.map((r) => (
        <Flex key={r.id} gap={10} align="flex-start" data-testid="report-reminder">
          <BellOutlined style={{ marginTop: 4, color: '#d46b08' }} />
          <div style={{ minWidth: 0 }}>
            <Flex wrap gap={6} align="center">
              <Typography.Text strong>
                {r.outcome?.title ?? REMINDER_KINDS[r.kind] ?? 'Lời nhắc'}
              </Typography.Text>
              <Tag style={{ marginInlineEnd: 0 }}>{REMINDER_KINDS[r.kind] ?? r.kind}</Tag>
            </Flex>
            {r.sentAt && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(r.sentAt)} ({fromNow(r.sentAt)})
              </Typography.Text>
            )}
          </div>
        </Flex>
      ))}
    </Flex>
  );
}
