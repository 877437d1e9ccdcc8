import { useState } from 'react';
import { Alert, Button, Card, Flex, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useUsers } from './hooks';
import type { UserListParams } from './api';
import { CreateUserModal, EditUserModal, ROLE_OPTIONS } from './UserFormModal';
import { OneTimePasswordModal, type OneTimePasswordInfo } from './OneTimePasswordModal';
import { UserRowActions } from './UserActions';
import { UserDetailDrawer } from './UserDetailDrawer';
import { UserStatusTags } from './UserStatusTags';
import { useMe } from '../auth/hooks';
import { isRoleValue, roleLabel } from '../../lib/format';
import { usePatchSearchParams, useSearchBox } from '../../lib/useAddressParams';
import { useIsPhone } from '../../lib/useMediaQuery';
import { errorMessage } from '../../api/client';
import { PageHeader } from '../../layout/PageHeader';
import { ActiveFilterSelect, SearchInput } from '../../layout/ListFilters';
import type { ActiveFilter, User } from '../../api/types';

const PAGE_SIZE = 20;

type Param = 'q' | 'vai-tro' | 'trang-thai' | 'trang' | 'xem';

export default function UsersPage() {
  const me = useMe();
  const phone = useIsPhone();
  const [sp] = useSearchParams();
  const q = sp.get('q') ?? '';
  const roleRaw = sp.get('vai-tro');
  const role = isRoleValue(roleRaw) ? roleRaw : undefined;
  const activeRaw = sp.get('trang-thai');
  const active: ActiveFilter = activeRaw === 'true' || activeRaw === 'false' ? activeRaw : 'all';
  const page = Math.max(1, Number(sp.get('trang')) || 1);
  const viewingId = sp.get('xem');

  const patch = usePatchSearchParams<Param>();
  // A filter change goes back to the first page; opening an account does not.
  const update = (changes: Partial<Record<Param, string | undefined>>) =>
    patch('trang' in changes || 'xem' in changes ? changes : { trang: undefined, ...changes });

  const [search, setSearch] = useSearchBox(q, (v) => update({ q: v }));

  const params: UserListParams = {
    q: q || undefined,
    role,
    active,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const list = useUsers(params);

  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [otp, setOtp] = useState<OneTimePasswordInfo | null>(null);

  const items = list.data?.items ?? [];
  const viewing = viewingId ? items.find((u) => u.id === viewingId) : undefined;
  const reload = async (id: string) => (await list.refetch()).data?.items.find((u) => u.id === id);

  const columns: TableColumnsType<User> = [
    {
      title: 'Tên đăng nhập',
      dataIndex: 'username',
      responsive: ['sm'],
      render: (v: string, u) => (
        <Typography.Link
          className="nowrap"
          onClick={() => update({ xem: u.id })}
          aria-label={`Xem ${u.fullName}`}
        >
          {v}
        </Typography.Link>
      ),
    },
    {
      title: 'Họ và tên',
      dataIndex: 'fullName',
      minWidth: 150,
      render: (v: string, u) =>
        phone ? (
          <>
            <Typography.Link onClick={() => update({ xem: u.id })}>{v}</Typography.Link>
            <Typography.Text type="secondary" className="nowrap" style={{ display: 'block', fontSize: 12 }}>
              {u.username}
            </Typography.Text>
          </>
        ) : (
          v
        ),
    },
    { title: 'Vai trò', dataIndex: 'role', minWidth: 120, render: (v: string) => roleLabel(v) },
    {
      title: 'Đơn vị',
      dataIndex: 'unitName',
      minWidth: 150,
      render: (v: string | null, u) => (u.unitId && v ? <Link to={`/don-vi/${u.unitId}`}>{v}</Link> : '—'),
    },
    { title: 'Trạng thái', key: 'status', width: 150, render: (_, u) => <UserStatusTags user={u} /> },
    {
      title: 'Thao tác',
      key: 'actions',
      render: (_, u) => (
        <UserRowActions
          user={u}
          isSelf={u.id === me.id}
          onEdit={setEditing}
          onPassword={setOtp}
          onHistory={(x) => update({ xem: x.id })}
        />
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Người dùng"
        subTitle="Tài khoản đăng nhập, vai trò và đơn vị của người dùng."
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            Thêm người dùng
          </Button>
        }
      />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <SearchInput
            label="Tìm người dùng"
            placeholder="Tìm theo tên đăng nhập, họ tên hoặc thư điện tử…"
            value={search}
            onChange={setSearch}
            onEnter={() => update({ q: search.trim() })}
            style={{ flex: '1 1 260px', maxWidth: phone ? undefined : 420 }}
          />
          <Select
            aria-label="Vai trò"
            placeholder="Tất cả vai trò"
            allowClear
            value={role}
            onChange={(v: string | undefined) => update({ 'vai-tro': v })}
            options={ROLE_OPTIONS}
            style={{ flex: '1 1 200px', maxWidth: phone ? undefined : 240 }}
          />
          <ActiveFilterSelect
            label="Trạng thái tài khoản"
            inactive="Đã khóa"
            value={active}
            onChange={(v) => update({ 'trang-thai': v === 'all' ? undefined : v })}
            phone={phone}
          />
        </Flex>
        {list.isError && (
          <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 16 }} />
        )}
        <Table<User>
          rowKey="id"
          columns={columns}
          dataSource={items}
          loading={list.isFetching}
          scroll={{ x: true }}
          locale={{ emptyText: 'Không có người dùng nào phù hợp' }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total, [from, to]) => `${from}–${to} trên ${total} người dùng`,
            onChange: (p) => update({ trang: p > 1 ? String(p) : undefined }),
          }}
        />
      </Card>
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(user, password) =>
          setOtp({ username: user.username, fullName: user.fullName, password, reason: 'create' })
        }
      />
      <EditUserModal user={editing} reload={reload} onClose={() => setEditing(null)} />
      <OneTimePasswordModal info={otp} onClose={() => setOtp(null)} />
      <UserDetailDrawer
        userId={viewingId}
        user={viewing}
        isSelf={viewingId === me.id}
        onClose={() => update({ xem: undefined })}
        onEdit={setEditing}
        onPassword={setOtp}
      />
    </>
  );
}
