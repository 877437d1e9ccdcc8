import { useState } from 'react';
import { Alert, Button, Card, Flex, Segmented, Select, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import {
  ApartmentOutlined,
  DownloadOutlined,
  EditOutlined,
  PlusOutlined,
  TableOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useUnits } from './hooks';
import { UNITS_EXPORT_URL, UNITS_MAX_LIMIT, type UnitListParams } from './api';
import { CreateUnitModal, EditUnitModal, KIND_OPTIONS } from './UnitFormModal';
import { UnitImportModal } from './UnitImportModal';
import { UnitTree } from './UnitTree';
import { UNIT_ACTIVE_COLUMN, UNIT_CODE_COLUMN } from './unitColumns';
import { useMe } from '../auth/hooks';
import { canManageUnits } from '../../lib/permissions';
import { isUnitKindValue, unitKindLabel } from '../../lib/format';
import { usePatchSearchParams, useSearchBox } from '../../lib/useAddressParams';
import { useIsPhone } from '../../lib/useMediaQuery';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { PageHeader } from '../../layout/PageHeader';
import { ActiveFilterSelect, SearchInput } from '../../layout/ListFilters';
import { PageSpin } from '../../layout/FullPageSpin';
import type { ActiveFilter, Unit } from '../../api/types';
import { ListTable } from '../../layout/ListTable';

const PAGE_SIZES = [20, 50, 100];

type View = 'bang' | 'cay';

/** Filters live in the address bar so that Back returns to the same list. */
function useUnitFilters() {
  const [sp] = useSearchParams();
  const kindRaw = sp.get('loai');
  const activeRaw = sp.get('trang-thai');
  const page = Math.max(1, Number(sp.get('trang')) || 1);
  const sizeRaw = Number(sp.get('so-dong'));
  const filters = {
    q: sp.get('q') ?? '',
    kind: isUnitKindValue(kindRaw) ? kindRaw : undefined,
    active: (activeRaw === 'true' || activeRaw === 'false' ? activeRaw : 'all') as ActiveFilter,
    page,
    pageSize: PAGE_SIZES.includes(sizeRaw) ? sizeRaw : 20,
    view: (sp.get('xem') === 'cay' ? 'cay' : 'bang') as View,
  };
  const patch = usePatchSearchParams<'q' | 'loai' | 'trang-thai' | 'trang' | 'so-dong' | 'xem'>();
  // Any filter change goes back to the first page.
  const update = (changes: Parameters<typeof patch>[0]) => patch({ trang: undefined, ...changes });
  return { filters, update };
}

export default function UnitsPage() {
  const me = useMe();
  const admin = canManageUnits(me);
  const phone = useIsPhone();
  const { filters, update } = useUnitFilters();
  const [search, setSearch] = useSearchBox(filters.q, (q) => update({ q }));
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);

  const isTree = filters.view === 'cay';
  const base: UnitListParams = { q: filters.q || undefined, kind: filters.kind, active: filters.active };
  const params: UnitListParams = isTree
    ? { ...base, limit: UNITS_MAX_LIMIT }
    : { ...base, limit: filters.pageSize, offset: (filters.page - 1) * filters.pageSize };
  const list = useUnits(params);

  // On a phone the code moves under the name and the short name and kind are hidden; the rest scrolls.
  const columns: TableColumnsType<Unit> = [
    UNIT_CODE_COLUMN,
    {
      title: 'Tên đơn vị',
      dataIndex: 'name',
      minWidth: 200,
      render: (v: string, u) => (
        <>
          <Link to={`/don-vi/${u.id}`}>{v}</Link>
          {phone && (
            <Typography.Text type="secondary" className="nowrap" style={{ display: 'block', fontSize: 12 }}>
              {u.code}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: 'Tên viết tắt',
      dataIndex: 'shortName',
      responsive: ['md'],
      minWidth: 120,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: 'Loại',
      dataIndex: 'kind',
      responsive: ['md'],
      minWidth: 120,
      render: (v: string) => unitKindLabel(v),
    },
    {
      title: 'Đơn vị cấp trên',
      dataIndex: 'parentName',
      minWidth: 170,
      render: (v: string | null, u) =>
        u.parentId && v ? <Link to={`/don-vi/${u.parentId}`}>{v}</Link> : '—',
    },
    UNIT_ACTIVE_COLUMN,
  ];
  if (admin) {
    columns.push({
      title: 'Thao tác',
      key: 'actions',
      render: (_, u) => (
        <Button
          size="small"
          icon={<EditOutlined />}
          onClick={() => setEditingId(u.id)}
          aria-label={`Sửa ${u.name}`}
        >
          Sửa
        </Button>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title="Danh mục đơn vị"
        subTitle="Các cơ quan, đơn vị tham gia thực hiện và theo dõi Chương trình hành động."
        extra={
          <>
            {admin && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                Thêm đơn vị
              </Button>
            )}
            {admin && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                Nhập CSV
              </Button>
            )}
            <Button icon={<DownloadOutlined />} href={UNITS_EXPORT_URL} download>
              Xuất CSV
            </Button>
          </>
        }
      />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <SearchInput
            label="Tìm đơn vị"
            placeholder="Tìm theo tên, tên viết tắt hoặc mã…"
            value={search}
            onChange={setSearch}
            onEnter={() => update({ q: search.trim() })}
            style={{ flex: '1 1 260px', maxWidth: phone ? undefined : 420 }}
          />
          <Select
            aria-label="Loại đơn vị"
            placeholder="Tất cả loại đơn vị"
            allowClear
            value={filters.kind}
            onChange={(v: string | undefined) => update({ loai: v })}
            options={KIND_OPTIONS}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ flex: '1 1 200px', maxWidth: phone ? undefined : 260 }}
          />
          <ActiveFilterSelect
            label="Trạng thái hoạt động"
            inactive="Ngừng hoạt động"
            value={filters.active}
            onChange={(v) => update({ 'trang-thai': v === 'all' ? undefined : v })}
            phone={phone}
          />
          <Segmented<View>
            value={filters.view}
            onChange={(v) => update({ xem: v === 'cay' ? 'cay' : undefined })}
            options={[
              { value: 'bang', label: 'Bảng', icon: <TableOutlined /> },
              { value: 'cay', label: 'Cây', icon: <ApartmentOutlined /> },
            ]}
          />
        </Flex>
        {list.isError && <ApiErrorAlert error={list.error} />}
        {isTree ? (
          list.data && !list.isPlaceholderData ? (
            <>
              {list.data.total > list.data.items.length && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={`Chỉ hiển thị ${list.data.items.length} trên ${list.data.total} đơn vị; hãy lọc bớt để xem đầy đủ.`}
                />
              )}
              <UnitTree units={list.data.items} />
            </>
          ) : (
            !list.isError && <PageSpin />
          )
        ) : (
          <ListTable<Unit>
            rowKey="id"
            size="middle"
            columns={columns}
            rows={list.data?.items ?? []}
            loading={list.isFetching}
            empty="Không có đơn vị nào phù hợp"
            pagination={{
              current: filters.page,
              pageSize: filters.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              showTotal: (total, [from, to]) => `${from}–${to} trên ${total} đơn vị`,
              onChange: (page, pageSize) =>
                update({
                  trang: page > 1 ? String(page) : undefined,
                  'so-dong': pageSize !== 20 ? String(pageSize) : undefined,
                }),
            }}
          />
        )}
      </Card>
      {admin && <CreateUnitModal open={creating} onClose={() => setCreating(false)} />}
      {admin && <UnitImportModal open={importing} onClose={() => setImporting(false)} />}
      {admin && <EditUnitModal unitId={editingId} onClose={() => setEditingId(null)} />}
    </>
  );
}
