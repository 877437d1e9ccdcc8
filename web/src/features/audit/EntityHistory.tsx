import { Alert, Button, Empty } from 'antd';
import { useAuditEvents } from './hooks';
import { AuditTimeline } from './AuditTimeline';
import { useUnitNames } from '../units/useUnitNames';
import { PageSpin } from '../../layout/FullPageSpin';
import { errorMessage, isApiError } from '../../api/client';

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
      <AuditTimeline events={events} unitName={unitName} />
      {q.hasNextPage && (
        <Button onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
          Xem thêm
        </Button>
      )}
    </>
  );
}
