import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Empty, Row, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useUnit, useUnitMembers, useUnits } from './hooks';
import { EditUnitModal } from './UnitFormModal';
import { UnitContactModal } from './UnitContactModal';
import { UnitActiveTag, UnitLinkOrDash } from './UnitTags';
import { UNIT_ACTIVE_COLUMN, UNIT_CODE_COLUMN } from './unitColumns';
import { UNITS_MAX_LIMIT } from './api';
import { EntityHistory } from '../audit/EntityHistory';
import { RecommendationCard } from '../inspections/RecommendationCard';
import { UserActiveTag } from '../users/UserStatusTags';
import { useMe } from '../auth/hooks';
import {
  canEditUnitContact,
  canManageUnits,
  canManageUsers,
  canSeeUnitInternals,
} from '../../lib/permissions';
import { formatDateTime, roleLabel, unitKindLabel } from '../../lib/format';
import { errorMessage } from '../../api/client';
import { BackLink, PageHeader } from '../../layout/PageHeader';
import { QueryPage } from '../../layout/QueryPage';
import type { Unit, UserSummary } from '../../api/types';
import { ListTable, type ListTableProps } from '../../layout/ListTable';
import { DirectionsCard } from '../directions/DirectionsCard';

/** True when the previous history entry belongs to this app (react-router numbers its entries). */
function canGoBack(): boolean {
  const idx = (window.history.state as { idx?: unknown } | null)?.idx;
  return typeof idx === 'number' && idx > 0;
}

function Members({ unitId }: { unitId: string }) {
  const me = useMe();
  const members = useUnitMembers(unitId);
  const columns: TableColumnsType<UserSummary> = [
    {
      title: 'Họ và tên',
      dataIndex: 'fullName',
      render: (v: string, u) =>
        canManageUsers(me) ? (
          <Link to={`/nguoi-dung?${new URLSearchParams({ q: u.username, xem: u.id }).toString()}`}>{v}</Link>
        ) : (
          v
        ),
    },
    { title: 'Tên đăng nhập', dataIndex: 'username' },
    { title: 'Vai trò', dataIndex: 'role', minWidth: 120, render: (v: string) => roleLabel(v) },
    {
      title: 'Trạng thái',
      dataIndex: 'active',
      render: (v: boolean) => <UserActiveTag active={v} />,
    },
  ];
  return (
    <QueryTable
      query={members}
      columns={columns}
      pageSize={false}
      empty="Đơn vị chưa có tài khoản người dùng nào"
    />
  );
}

function Children({ unitId }: { unitId: string }) {
  const list = useUnits({ parentId: unitId, active: 'all', limit: UNITS_MAX_LIMIT });
  const columns: TableColumnsType<Unit> = [
    UNIT_CODE_COLUMN,
    {
      title: 'Tên đơn vị',
      dataIndex: 'name',
      minWidth: 180,
      render: (v: string, u) => <Link to={`/don-vi/${u.id}`}>{v}</Link>,
    },
    { title: 'Loại', dataIndex: 'kind', responsive: ['md'], render: (v: string) => unitKindLabel(v) },
    UNIT_ACTIVE_COLUMN,
  ];
  return <QueryTable query={list} columns={columns} empty="Không có đơn vị trực thuộc" />;
}

/** A card's list on this page: the rows the query loaded, or why it could not load them. */
function QueryTable<T extends { id: string }>({
  query,
  ...table
}: { query: UseQueryResult<{ items: T[] }> } & Omit<ListTableProps<T>, 'rows' | 'loading'>) {
  if (query.isError) return <Alert type="error" showIcon title={errorMessage(query.error)} />;
  return <ListTable<T> rowKey="id" rows={query.data?.items ?? []} loading={query.isPending} {...table} />;
}

export default function UnitDetailPage() {
  const { id = '' } = useParams();
  const unit = useUnit(id);
  return (
    <QueryPage query={unit} what="đơn vị" back={{ to: '/don-vi', label: 'Về danh mục đơn vị' }}>
      {(u) => <UnitView u={u} />}
    </QueryPage>
  );
}

function UnitView({ u }: { u: Unit }) {
  const me = useMe();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [editingContact, setEditingContact] = useState(false);
  const internals = canSeeUnitInternals(me, u.id);

  const tabs = [
    { key: 'truc-thuoc', label: 'Đơn vị trực thuộc', children: <Children unitId={u.id} /> },
    ...(internals
      ? [
          { key: 'thanh-vien', label: 'Thành viên', children: <Members unitId={u.id} /> },
          {
            key: 'lich-su',
            label: 'Lịch sử thay đổi',
            children: <EntityHistory entityType="unit" entityId={u.id} />,
          },
        ]
      : []),
  ];

  return (
    <>
      <BackLink onClick={() => (canGoBack() ? navigate(-1) : navigate('/don-vi'))}>Quay lại</BackLink>
      <PageHeader
        title={u.name}
        subTitle={
          <>
            <Typography.Text code>{u.code}</Typography.Text> · {unitKindLabel(u.kind)} ·{' '}
            <UnitActiveTag active={u.active} />
          </>
        }
        extra={
          canManageUnits(me) && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
              Sửa đơn vị
            </Button>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title="Thông tin chung" style={{ height: '100%' }}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'code', label: 'Mã đơn vị', children: u.code },
                { key: 'name', label: 'Tên đơn vị', children: u.name },
                { key: 'short', label: 'Tên viết tắt', children: u.shortName ?? '—' },
                { key: 'kind', label: 'Loại đơn vị', children: unitKindLabel(u.kind) },
                {
                  key: 'parent',
                  label: 'Đơn vị cấp trên',
                  children: <UnitLinkOrDash id={u.parentId} name={u.parentName} />,
                },
                { key: 'active', label: 'Trạng thái', children: <UnitActiveTag active={u.active} /> },
                { key: 'updated', label: 'Cập nhật lần cuối', children: formatDateTime(u.updatedAt) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card
            title="Liên hệ"
            style={{ height: '100%' }}
            extra={
              canEditUnitContact(me, u.id) && (
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditingContact(true)}>
                  Sửa liên hệ
                </Button>
              )
            }
          >
            {u.email || u.phone || u.address ? (
              <Descriptions
                column={1}
                size="small"
                items={[
                  {
                    key: 'email',
                    label: 'Thư điện tử',
                    children: u.email ? <a href={`mailto:${u.email}`}>{u.email}</a> : '—',
                  },
                  {
                    key: 'phone',
                    label: 'Điện thoại',
                    children: u.phone ? <a href={`tel:${u.phone}`}>{u.phone}</a> : '—',
                  },
                  { key: 'address', label: 'Địa chỉ', children: u.address ?? '—' },
                ]}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có thông tin liên hệ" />
            )}
          </Card>
        </Col>
        <Col span={24}>
          <RecommendationCard unitId={u.id} />
        </Col>
        <Col span={24}>
          <Card>
            <Tabs items={tabs} />
            <DirectionsCard targetType="unit" targetId={u.id} targetLabel={u.name} />
            {!internals && (
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                Bạn chỉ xem được thành viên và lịch sử thay đổi của đơn vị mình.
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
      </Row>
      <EditUnitModal unitId={editing ? u.id : null} onClose={() => setEditing(false)} />
      <UnitContactModal unitId={editingContact ? u.id : null} onClose={() => setEditingContact(false)} />
    </>
  );
}
