import { Alert, Button, Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { useAuditEvents } from './hooks';
import { actionInfo, actorDisplay } from './labels';
import { ChangeList } from './ChangeList';
import { useUnitNames } from '../units/useUnitNames';
import { PageSpin } from '../../layout/FullPageSpin';
import { errorMessage, isApiError } from '../../api/client';
import { formatDateTime } from '../../lib/format';

export interface EntityHistoryProps {
  entityType: string;
  entityId: string;
}

/** The audit trail of one record: who changed what and when, newest first. */
export function EntityHistory({ entityType, entityId }: EntityHistoryProps) {
  const q = useAuditEvents({ entityType, entityId });
  const unitName = useUnitNames();

  if (q.isPending) return <PageSpin />;
  if (q.isError) {
    const forbidden = isApiError(q.error) && q.error.status === 403;
    return (
      <Alert
        type={forbidden ? 'info' : 'error'}
        showIcon
        title={forbidden ? 'Bạn không có quyền xem lịch sử thay đổi này' : errorMessage(q.error)}
      />
    );
  }
  const events = q.data.pages.flatMap((p) => p.items);
  if (events.length === 0) return <Empty description="Chưa có thay đổi nào được ghi nhận" />;

  return (
    <>
      <Timeline
        items={events.map((e) => {
          const info = actionInfo(e.action);
          return {
            key: e.seq,
            color: info.color === 'red' ? 'red' : info.color === 'green' ? 'green' : 'blue',
            content: (
              <Flex vertical gap={4}>
                <Flex wrap gap={8} align="center">
                  <Typography.Text strong>{formatDateTime(e.at)}</Typography.Text>
                  <Tag color={info.color}>{info.label}</Tag>
                  <Typography.Text type="secondary">bởi {actorDisplay(e.actorLabel)}</Typography.Text>
                </Flex>
                <ChangeList event={e} unitName={unitName} />
              </Flex>
            ),
          };
        })}
      />
      {q.hasNextPage && (
        <Button onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
          Xem thêm
        </Button>
      )}
    </>
  );
}
