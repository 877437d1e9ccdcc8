import { useState } from 'react';
import { Alert, Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useAuditEvents, useVerifyAudit } from './hooks';
import { actionInfo, actorDisplay, entityDisplayName, entityTypeLabel, ENTITY_TYPE_LABELS } from './labels';
import { ChangeList } from './ChangeList';
import { useUnitNames } from '../units/useUnitNames';
import { useMe } from '../auth/hooks';
import { canManageUsers, canVerifyAudit } from '../../lib/permissions';
import { errorMessage } from '../../api/client';
import { formatDateTime } from '../../lib/format';
import { PageHeader } from '../../layout/PageHeader';
import type { AuditEvent } from '../../api/types';

function EntityLink({ e, linkUsers }: { e: AuditEvent; linkUsers: boolean }) {
  const name = entityDisplayName(e);
  if (e.entityType === 'unit') return <Link to={`/don-vi/${e.entityId}`}>{name}</Link>;
  if (e.entityType === 'user' && linkUsers) return <Link to={`/nguoi-dung?xem=${e.entityId}`}>{name}</Link>;
  return <span>{name}</span>;
}

function VerifyButton() {
  const verify = useVerifyAudit();
  const r = verify.data;
  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }}>
      <div>
        <Button icon={<SafetyCertificateOutlined />} onClick={() => verify.mutate()} loading={verify.isPending}>
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
                Mã lý do: {r.brokenAt.reason}. Đã kiểm tra {r.count.toLocaleString('vi-VN')} sự kiện.
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
  const events = q.data?.pages.flatMap((p) => p.items) ?? [];

  const columns: TableColumnsType<AuditEvent> = [
    { title: 'Số', dataIndex: 'seq', width: 72 },
    { title: 'Thời gian', dataIndex: 'at', width: 140, render: (v: string) => formatDateTime(v) },
    { title: 'Người thực hiện', dataIndex: 'actorLabel', width: 160, render: (v: string) => actorDisplay(v) },
    {
      title: 'Thao tác',
      dataIndex: 'action',
      width: 170,
      render: (v: string) => {
        const info = actionInfo(v);
        return (
          <Tag color={info.color} title={v}>
            {info.label}
          </Tag>
        );
      },
    },
    {
      title: 'Đối tượng',
      key: 'entity',
      width: 240,
      render: (_, e) => (
        <Flex vertical>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {entityTypeLabel(e.entityType)}
          </Typography.Text>
          <EntityLink e={e} linkUsers={canManageUsers(me)} />
        </Flex>
      ),
    },
    { title: 'Nội dung thay đổi', key: 'changes', render: (_, e) => <ChangeList event={e} unitName={unitName} /> },
    { title: 'Địa chỉ IP', dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <>
      <PageHeader title="Nhật ký thay đổi" subTitle="Mọi thay đổi dữ liệu được ghi lại theo chuỗi băm, không sửa hay xóa được." />
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
              ...Object.entries(ENTITY_TYPE_LABELS).map(([value, label]) => ({ value, label })),
            ]}
          />
          <Button onClick={() => void q.refetch()} loading={q.isRefetching && !q.isFetchingNextPage}>
            Làm mới
          </Button>
        </Flex>
        {q.isError && <Alert type="error" showIcon title={errorMessage(q.error)} style={{ marginBottom: 16 }} />}
        <Table<AuditEvent>
          rowKey="seq"
          size="small"
          columns={columns}
          dataSource={events}
          loading={q.isPending}
          pagination={false}
          scroll={{ x: 1100 }}
          locale={{ emptyText: 'Chưa có sự kiện nào' }}
        />
        <Flex justify="center" align="center" gap={12} style={{ marginTop: 16 }}>
          <Typography.Text type="secondary">Đang hiển thị {events.length.toLocaleString('vi-VN')} sự kiện mới nhất</Typography.Text>
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
