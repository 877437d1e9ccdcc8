import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, DatePicker, Flex, Select, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ClearOutlined, EditOutlined } from '@ant-design/icons';
import { BulkEditModal } from './BulkEditModal';
import type { ProgramNode } from './api';
import { hasTaskFilters, useTaskFilters } from './taskFilters';
import { useMeter, useProgramTasks } from '../tasks/hooks';
import type { TaskView } from '../tasks/api';
import {
  DeadlineText,
  MeterTags,
  UnitName,
  UnitNames,
  taskLabelColumn,
  taskTextColumn,
} from '../tasks/TaskBits';
import { clearName } from '../tasks/labels';
import { DATE_FORMAT, toDay, toIso } from '../tasks/formValues';
import { Mention, MentionList } from '../document/Mentions';
import { Deadline } from '../document/NodeFacts';
import { UnitSelect } from '../units/UnitSelect';
import type { UnitLookup } from '../units/useUnitNames';
import { FIVE_CLEAR, type Clear } from '../../shared/assignment';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useIsPhone, useMediaQuery } from '../../lib/useMediaQuery';
import { errorMessage } from '../../api/client';
import { foldFilter } from '../../lib/search';
import { SearchInput } from '../../layout/ListFilters';
import { ListTable } from '../../layout/ListTable';

const PAGE = 20;

/** The quick selectors' criteria: tasks still missing a deadline, a lead, a focal person, a product. */
const QUICK_MISSING: [Clear, string][] = [
  ['tienDo', 'Thiếu thời hạn'],
  ['nguoi', 'Thiếu chủ trì'],
  ['dauMoi', 'Thiếu đầu mối'],
  ['hieuQua', 'Thiếu sản phẩm'],
];

/** The tasks a quick selector picks among those shown: a group, a missing criterion, or all. */
function quickPick(items: TaskView[], v: string): string[] {
  const [kind, arg] = v.split(':');
  return items
    .filter((t) =>
      kind === 'nhom' ? t.groupId === arg : kind === 'thieu' ? t.missing.includes(arg as Clear) : true,
    )
    .map((t) => t.nodeId);
}

/** The assigned lead, or else what the document names (shown as such, in grey). */
function LeadCell({ t, node, units }: { t: TaskView; node?: ProgramNode; units: UnitLookup }) {
  if (t.leadUnitId) return <UnitName id={t.leadUnitId} units={units} />;
  const x = node?.extracted;
  const named = x ? (x.leads.length > 1 ? x.leads : x.lead ? [x.lead] : []) : [];
  if (named.length === 0) return <Typography.Text type="secondary">Chưa giao</Typography.Text>;
  return (
    <div className="from-text">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        Chưa giao · văn bản nêu:
      </Typography.Text>
      {named.length > 1 ? (
        <MentionList mentions={named} units={units} />
      ) : (
        <div>
          <Mention mention={named[0]!} units={units} />
        </div>
      )}
    </div>
  );
}

function DeadlineCell({ t, node }: { t: TaskView; node?: ProgramNode }) {
  if (t.deadline) return <DeadlineText deadline={t.deadline} />;
  const d = node?.extracted?.deadline;
  if (!d) return <Typography.Text type="secondary">Chưa có</Typography.Text>;
  return (
    <div className="from-text">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        Chưa có · văn bản nêu:
      </Typography.Text>
      <div>
        <Deadline time={d} />
      </div>
    </div>
  );
}

/**
 * "Nhiệm vụ" of a program: every task with its assignment and "5 rõ", filtered on the server by
 * group, unit and role, missing criterion, deadline window and words (case and diacritics ignored).
 */
export function ProgramTasksTab({
  programId,
  nodes,
  units,
  canAssign = false,
}: {
  programId: string;
  nodes: ProgramNode[];
  units: UnitLookup;
  /** Row selection and "Giao hàng loạt" for those who assign the program's tasks. */
  canAssign?: boolean;
}) {
  const phone = useIsPhone();
  const compact = !useMediaQuery('(min-width: 768px)');
  const [filters, setFilters] = useTaskFilters();
  const [search, setSearch] = useState(filters.q ?? '');
  const debounced = useDebouncedValue(search.trim(), 300);
  useEffect(() => {
    if ((filters.q ?? '') !== debounced) setFilters({ q: debounced || undefined });
    // Only the typed words drive this; the address may also change from elsewhere.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const list = useProgramTasks(programId, filters);
  const meter = useMeter(programId);
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const items = list.data?.items ?? [];
  const filtered = hasTaskFilters(filters);
  const [selected, setSelected] = useState<string[]>([]);
  const [bulkOpen, setBulkOpen] = useState(false);
  const chosen = items.filter((t) => selected.includes(t.nodeId));

  const groupOptions = (meter.data?.groups ?? [])
    .filter((g) => g.groupId)
    .map((g) => ({ value: g.groupId!, label: `${g.label ?? ''} ${g.title ?? ''}`.trim() }));

  const columns: TableColumnsType<TaskView> = [
    taskLabelColumn(),
    taskTextColumn('Nhiệm vụ', {
      minWidth: phone ? 220 : 280,
      rows: 3,
      facts:
        compact &&
        ((t) => (
          <div className="task-facts-inline">
            <div>
              <Typography.Text type="secondary">Chủ trì: </Typography.Text>
              <LeadCell t={t} node={byId.get(t.nodeId)} units={units} />
            </div>
            <div>
              <Typography.Text type="secondary">Thời hạn: </Typography.Text>
              <DeadlineCell t={t} node={byId.get(t.nodeId)} />
            </div>
            <div style={{ marginTop: 4 }}>
              <MeterTags meter={t.meter} compact />
            </div>
          </div>
        )),
    }),
    {
      title: 'Chủ trì',
      key: 'lead',
      minWidth: 180,
      responsive: ['md'],
      render: (_, t) => <LeadCell t={t} node={byId.get(t.nodeId)} units={units} />,
    },
    {
      title: 'Phối hợp',
      key: 'coop',
      minWidth: 170,
      responsive: ['lg'],
      render: (_, t) => <UnitNames ids={t.cooperatingUnitIds} units={units} max={3} />,
    },
    {
      title: 'Thời hạn',
      key: 'deadline',
      minWidth: 130,
      responsive: ['md'],
      render: (_, t) => <DeadlineCell t={t} node={byId.get(t.nodeId)} />,
    },
    {
      title: '5 rõ',
      key: 'meter',
      width: 150,
      responsive: ['md'],
      render: (_, t) => <MeterTags meter={t.meter} compact />,
    },
  ];

  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 12 }} className="task-filters">
        <SearchInput
          label="Tìm nhiệm vụ"
          placeholder="Tìm theo nội dung hoặc số hiệu…"
          value={search}
          onChange={setSearch}
          style={{ width: phone ? '100%' : 280 }}
        />
        <Select
          aria-label="Nhóm nhiệm vụ"
          placeholder="Nhóm nhiệm vụ"
          allowClear
          value={filters.groupId}
          onChange={(v: string | undefined) => setFilters({ groupId: v })}
          options={groupOptions}
          showSearch={{ filterOption: foldFilter }}
          style={{ width: phone ? '100%' : 240 }}
          popupMatchSelectWidth={false}
          optionRender={(o) => <div style={{ whiteSpace: 'normal', maxWidth: 420 }}>{o.label}</div>}
        />
        <Select<Clear>
          aria-label="Nhiệm vụ còn thiếu"
          placeholder="Còn thiếu…"
          allowClear
          value={filters.missing}
          onChange={(v: Clear | undefined) => setFilters({ missing: v })}
          options={FIVE_CLEAR.map((c) => ({
            value: c,
            label: `Thiếu ${clearName(c).toLocaleLowerCase('vi')}`,
          }))}
          style={{ width: phone ? '100%' : 190 }}
        />
        <Flex gap={8} style={{ width: phone ? '100%' : undefined }}>
          <div style={{ flex: 1, minWidth: phone ? 0 : 240 }}>
            <UnitSelect
              value={filters.unitId ?? null}
              onChange={(v) => setFilters({ unitId: v ?? undefined })}
              placeholder="Đơn vị được giao…"
              active="all"
            />
          </div>
          <Select
            aria-label="Vai trò của đơn vị"
            value={filters.role ?? 'all'}
            disabled={!filters.unitId}
            onChange={(v: string) => setFilters({ role: v === 'all' ? undefined : (v as 'lead') })}
            options={[
              { value: 'all', label: 'Chủ trì hoặc phối hợp' },
              { value: 'lead', label: 'Chủ trì' },
              { value: 'cooperating', label: 'Phối hợp' },
            ]}
            style={{ width: phone ? 130 : 190 }}
          />
        </Flex>
        <DatePicker.RangePicker
          aria-label="Thời hạn trong khoảng"
          format={DATE_FORMAT}
          placeholder={['Hạn từ ngày', 'đến ngày']}
          allowEmpty={[true, true]}
          value={[toDay(filters.dueFrom), toDay(filters.dueTo)]}
          onChange={(v) =>
            setFilters({ dueFrom: toIso(v?.[0]) ?? undefined, dueTo: toIso(v?.[1]) ?? undefined })
          }
          style={{ width: phone ? '100%' : 270 }}
        />
        {filtered && (
          <Button
            icon={<ClearOutlined />}
            onClick={() => {
              setSearch('');
              setFilters(null);
            }}
          >
            Xóa bộ lọc
          </Button>
        )}
      </Flex>
      {canAssign && (
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }} data-testid="bulk-bar">
          <Select<string>
            aria-label="Chọn nhanh nhiệm vụ"
            placeholder="Chọn nhanh…"
            value={null}
            onChange={(v) => setSelected(quickPick(items, v))}
            options={[
              ...groupOptions.map((g) => ({ value: `nhom:${g.value}`, label: `Cả nhóm ${g.label}` })),
              ...QUICK_MISSING.map(([c, label]) => ({ value: `thieu:${c}`, label })),
              { value: 'tat-ca', label: 'Tất cả đang hiển thị' },
            ]}
            style={{ width: phone ? '100%' : 260 }}
            popupMatchSelectWidth={false}
          />
          <Typography.Text type="secondary" data-testid="bulk-count">
            Đã chọn {chosen.length} nhiệm vụ
          </Typography.Text>
          {chosen.length > 0 && <Button onClick={() => setSelected([])}>Bỏ chọn</Button>}
          <Button
            type="primary"
            icon={<EditOutlined />}
            disabled={chosen.length === 0}
            onClick={() => setBulkOpen(true)}
            data-testid="bulk-edit"
          >
            Giao hàng loạt
          </Button>
        </Flex>
      )}
      {canAssign && bulkOpen && (
        <BulkEditModal
          programId={programId}
          tasks={chosen}
          implementing={list.data?.program.status === 'implementing'}
          open={bulkOpen}
          onClose={() => setBulkOpen(false)}
          onSaved={() => setSelected([])}
        />
      )}
      {list.isError && (
        <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} />
      )}
      {filtered && list.data && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="tasks-count">
          {items.length} nhiệm vụ phù hợp
          {filters.missing ? ` · còn thiếu: ${clearName(filters.missing).toLocaleLowerCase('vi')}` : ''}
        </Typography.Paragraph>
      )}
      <ListTable<TaskView>
        rowKey="nodeId"
        size="middle"
        columns={columns}
        rows={items}
        loading={list.isFetching}
        rowSelection={
          canAssign
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                preserveSelectedRowKeys: false,
              }
            : undefined
        }
        pagination={
          items.length > PAGE
            ? { pageSize: PAGE, showSizeChanger: false, showTotal: (t) => `${t} nhiệm vụ` }
            : false
        }
        empty={filtered ? 'Không có nhiệm vụ nào phù hợp' : 'Chương trình không có nhiệm vụ'}
        data-testid="tasks-table"
      />
    </>
  );
}
