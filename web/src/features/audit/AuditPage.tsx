import { useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Select, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useAuditEvents, useVerifyAudit } from './hooks';
import { actionInfo, actorDisplay, entityDisplayName, entityTypeLabel } from './labels';
import { ChangeList } from './ChangeList';
import { useUnitNames } from '../units/useUnitNames';
import { useUserNames } from '../users/useUserNames';
import { useMe } from '../auth/hooks';
import { canManageUsers, canVerifyAudit } from '../../lib/permissions';
import { errorMessage } from '../../api/client';
import { formatDateTime } from '../../lib/format';
import { PageHeader } from '../../layout/PageHeader';
import { PageSpin } from '../../layout/FullPageSpin';
import { useIsPhone } from '../../lib/useMediaQuery';
import { AuditTimeline } from './AuditTimeline';
import type { AuditEvent } from '../../api/types';
import { InfoTag } from '../../layout/InfoTag';
import { ListTable } from '../../layout/ListTable';

function EntityLink({ e, linkUsers, name }: { e: AuditEvent; linkUsers: boolean; name: string }) {
  if (e.entityType === 'unit') return <Link to={`/don-vi/${e.entityId}`}>{name}</Link>;
  if (e.entityType === 'task') return <Link to={`/nhiem-vu/${e.entityId}`}>{name}</Link>;
  if (e.entityType === 'program') return <Link to={`/chuong-trinh/${e.entityId}`}>{name}</Link>;
  if (e.entityType === 'import') return <Link to={`/nhap-van-ban/${e.entityId}`}>{name}</Link>;
  if (e.entityType === 'period') return <Link to={`/ky-bao-cao/${e.entityId}`}>{name}</Link>;
  if (e.entityType === 'report') return <Link to={`/bao-cao/${e.entityId}`}>{name}</Link>;
  if (e.entityType === 'user' && linkUsers) {
    const username = (e.after?.username ??
      e.before?.username ??
      (e.actorId === e.entityId ? e.actorLabel : undefined)) as string | undefined;
    const qs = new URLSearchParams({ ...(username ? { q: username } : {}), xem: e.entityId });
    return <Link to={`/nguoi-dung?${qs.toString()}`}>{name}</Link>;
  }
  return <span>{name}</span>;
}

/** Entity types that have events today (sessions are logged against the user). */
const FILTER_TYPES = [
  'unit',
  'user',
  'import',
  'program',
  'task',
  'period',
  'report',
  'file',
  'obstacle',
  'consolidation',
  'reminder',
  'system',
];

const BROKEN_REASONS: Record<string, string> = {
  content: 'nội dung sự kiện không khớp mã băm (đã bị sửa)',
  link: 'liên kết băm với sự kiện liền trước bị đứt',
  sequence: 'số thứ tự sự kiện không liên tục (có sự kiện bị xóa hoặc chèn)',
};

function VerifyButton() {
  const verify = useVerifyAudit();
  const r = verify.data;
  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }}>
      <div>
        <Button
          icon={<SafetyCertificateOutlined />}
          onClick={() => verify.mutate()}
          loading={verify.isPending}
        >
          Kiểm tra tính toàn vẹn
        </Button>
      </div>
      {verify.isError && <Alert type="error" showIcon title={errorMessage(verify.error)} />}
      {r?.ok === true && (
        <Alert
          type="success"
          showIcon
          title="Nhật ký toàn vẹn"
          description={`Đã kiểm tra ${r.count.toLocaleString('vi-VN')} sự kiện: chuỗi băm liền mạch, không có sự kiện nào bị sửa hoặc xóa.`}
        />
      )}
      {r?.ok === false && (
        <Alert
          type="error"
          showIcon
          title={`Nhật ký bị phá vỡ tại sự kiện số ${r.brokenAt.seq}`}
          description={
            <>
              {r.brokenAt.message}
              <br />
              <Typography.Text type="secondary">
                Nguyên nhân: {BROKEN_REASONS[r.brokenAt.reason] ?? r.brokenAt.reason}. Đã kiểm tra{' '}
                {r.count.toLocaleString('vi-VN')} sự kiện.
              </Typography.Text>
            </>
          }
        />
      )}
    </Flex>
  );
}

export default function AuditPage() {
  const me = useMe();
  const [entityType, setEntityType] = useState<string | undefined>(undefined);
  const q = useAuditEvents({ entityType });
  const unitName = useUnitNames();
  const userName = useUserNames(canManageUsers(me));
  const events = q.data?.pages.flatMap((p) => p.items) ?? [];
  const phone = useIsPhone();
  const renderEntity = (e: AuditEvent) => (
    <EntityLink e={e} linkUsers={canManageUsers(me)} name={entityDisplayName(e, { unitName, userName })} />
  );

  const columns: TableColumnsType<AuditEvent> = [
    {
      title: 'Thời gian',
      dataIndex: 'at',
      width: 124,
      render: (v: string, e) => <WithNote note={`Sự kiện số ${e.seq}`}>{formatDateTime(v)}</WithNote>,
    },
    {
      title: 'Người thực hiện',
      dataIndex: 'actorLabel',
      width: 140,
      render: (v: string, e) => <WithNote note={e.ip && `IP ${e.ip}`}>{actorDisplay(v)}</WithNote>,
    },
    {
      title: 'Thao tác',
      dataIndex: 'action',
      width: 160,
      render: (v: string) => {
        const info = actionInfo(v);
        return <InfoTag info={info} title={v} className="tag-wrap" />;
      },
    },
    {
      title: 'Đối tượng',
      key: 'entity',
      width: 200,
      render: (_, e) => (
        <Flex vertical>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {entityTypeLabel(e.entityType)}
          </Typography.Text>
          {renderEntity(e)}
        </Flex>
      ),
    },
    {
      title: 'Nội dung thay đổi',
      key: 'changes',
      minWidth: 240,
      render: (_, e) => <ChangeList event={e} unitName={unitName} />,
    },
  ];

  return (
    <>
      <PageHeader
        title="Nhật ký thay đổi"
        subTitle="Mọi thay đổi dữ liệu được ghi lại theo chuỗi băm, không sửa hay xóa được."
      />
      {canVerifyAudit(me) && <VerifyButton />}
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <Select
            aria-label="Loại đối tượng"
            style={{ minWidth: 220 }}
            value={entityType ?? ''}
            onChange={(v: string) => setEntityType(v || undefined)}
            options={[
              { value: '', label: 'Tất cả đối tượng' },
              ...FILTER_TYPES.map((value) => ({ value, label: entityTypeLabel(value) })),
            ]}
          />
          <Button onClick={() => void q.refetch()} loading={q.isRefetching && !q.isFetchingNextPage}>
            Làm mới
          </Button>
        </Flex>
        {q.isError && (
          <Alert type="error" showIcon title={errorMessage(q.error)} style={{ marginBottom: 16 }} />
        )}
        {phone ? (
          q.isPending ? (
            <PageSpin />
          ) : events.length === 0 ? (
            <Empty description="Chưa có sự kiện nào" />
          ) : (
            <AuditTimeline events={events} unitName={unitName} renderEntity={renderEntity} />
          )
        ) : (
          <div data-testid="audit-events">
            <ListTable<AuditEvent>
              rowKey="seq"
              columns={columns}
              rows={events}
              loading={q.isPending}
              pageSize={false}
              empty="Chưa có sự kiện nào"
            />
          </div>
        )}
        <Flex justify="center" align="center" gap={12} style={{ marginTop: 16 }}>
          <Typography.Text type="secondary">
            Đang hiển thị {events.length.toLocaleString('vi-VN')} sự kiện mới nhất
          </Typography.Text>
          {q.hasNextPage && (
            <Button onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
              Xem thêm
            </Button>
          )}
        </Flex>
      </Card>
    </>
  );
}

/** A cell's value with a small grey note under it (none without a `note`). */
function WithNote({ note, children }: { note: string | null | undefined; children: React.ReactNode }) {
  return (
    <Flex vertical>
      <span>{children}</span>
      {note && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
      )}
    </Flex>
  );
}
