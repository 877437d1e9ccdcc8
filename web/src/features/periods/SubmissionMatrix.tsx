import { useState } from 'react';
import { Alert, App, Button, Flex, Input, Popconfirm, Tag, Typography, theme } from 'antd';
import type { TableColumnsType } from 'antd';
import { BellOutlined, NotificationOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { usePeriod } from './hooks';
import type { MatrixFilter, MatrixRow, PeriodCounts, PeriodDetail } from './api';
import { MATRIX_FILTERS, OBLIGATION_STATUS, obligationStatusInfo } from './labels';
import { useRemind } from '../reminders/hooks';
import type { RemindResult } from '../reminders/api';
import { formatDateTime } from '../../lib/format';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useIsPhone } from '../../lib/useMediaQuery';
import { usePatchSearchParams } from '../../lib/useAddressParams';
import { InfoTag } from '../../layout/InfoTag';
import { ListTable, dateColumn } from '../../layout/ListTable';

const OUTSTANDING = new Set(['not_started', 'drafting', 'returned']);

const TILE_COLORS: Record<MatrixFilter | 'all', string> = {
  all: '#1a56a8',
  not_started: '#8c8c8c',
  drafting: '#08979c',
  submitted: '#1d39c4',
  returned: '#d46b08',
  accepted: '#389e0d',
  late: '#d4380d',
  overdue: '#cf1322',
};

/** A count that filters the table when clicked. */
function CountTile({
  k,
  label,
  count,
  active,
  onClick,
}: {
  k: MatrixFilter | 'all';
  label: string;
  count: number;
  active: boolean;
  onClick: () => void;
}) {
  const { token } = theme.useToken();
  const color = TILE_COLORS[k];
  return (
    <button
      type="button"
      onClick={onClick}
      aria-pressed={active}
      data-testid={`status-count-${k}`}
      data-count={count}
      style={{
        cursor: 'pointer',
        minWidth: 104,
        padding: '8px 12px',
        textAlign: 'left',
        background: active ? `${color}14` : token.colorBgContainer,
        borderTop: `1px solid ${active ? color : token.colorBorderSecondary}`,
        borderRight: `1px solid ${active ? color : token.colorBorderSecondary}`,
        borderBottom: `1px solid ${active ? color : token.colorBorderSecondary}`,
        borderLeft: `4px solid ${color}`,
        borderRadius: token.borderRadius,
        font: 'inherit',
      }}
    >
      <div
        style={{
          fontSize: 22,
          fontWeight: 600,
          lineHeight: 1.2,
          color: count ? color : token.colorTextTertiary,
        }}
      >
        {count}
      </div>
      <div style={{ fontSize: 12, color: token.colorTextSecondary, whiteSpace: 'nowrap' }}>{label}</div>
    </button>
  );
}

export function remindMessage(r: RemindResult): string {
  if (r.reminded === 0) return 'Không có đơn vị nào cần nhắc (các đơn vị đã nộp báo cáo)';
  const sent = r.items.filter((x) => x.status === 'sent');
  const nobody = sent.filter((x) => x.recipients === 0).length;
  const skipped = r.items.length - sent.length;
  return [
    `Đã gửi nhắc tới ${sent.length} đơn vị`,
    nobody ? `${nobody} đơn vị chưa có tài khoản đầu mối để nhận thông báo trong hệ thống` : '',
    skipped ? `${skipped} lời nhắc được bỏ qua` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/**
 * "Tình hình nộp báo cáo": counts per status (click to filter), search, and one row per unit with
 * its report's status, tasks, version, submission time and reminders; the monitor reminds units.
 */
export function SubmissionMatrix({ period, manage }: { period: PeriodDetail; manage: boolean }) {
  const { message } = App.useApp();
  const phone = useIsPhone();
  const [sp] = useSearchParams();
  const patchParams = usePatchSearchParams<'loc'>();
  const raw = sp.get('loc');
  const filter = (MATRIX_FILTERS as string[]).includes(raw ?? '') ? (raw as MatrixFilter) : undefined;
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const query = usePeriod(period.id, { status: filter, q: q || undefined });
  const remind = useRemind(period.id);
  const [selected, setSelected] = useState<string[]>([]);
  const open = period.status === 'open';

  const setFilter = (f: MatrixFilter | undefined) => {
    setSelected([]);
    patchParams({ loc: f });
  };

  const data = query.data ?? period;
  const counts: PeriodCounts = data.counts;
  // Until the filtered list arrives, the unfiltered one would show the wrong rows.
  const rows = query.data?.rows ?? (filter || q ? [] : period.rows);
  const outstanding = counts.not_started + counts.drafting + counts.returned;

  const doRemind = (ids?: string[]) =>
    remind.mutate(ids, {
      onSuccess: (r) => {
        message.success(remindMessage(r));
        setSelected([]);
      },
      onError: (e) => message.error(e.message),
    });
  const pendingRow = remind.isPending && remind.variables?.length === 1 ? remind.variables[0] : undefined;

  const columns: TableColumnsType<MatrixRow> = [
    {
      title: 'Đơn vị',
      key: 'unit',
      fixed: phone ? undefined : 'left',
      render: (_, r) => (
        <div style={{ minWidth: 180 }}>
          <Link to={`/bao-cao/${r.obligationId}`} data-testid="matrix-unit-link">
            {r.unitName}
          </Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {r.unitCode}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: 'Tình trạng',
      key: 'status',
      render: (_, r) => {
        const info = obligationStatusInfo(r.status);
        return (
          <Flex wrap gap={4}>
            <InfoTag info={info} data-testid="matrix-status" style={{ marginInlineEnd: 0 }} />
            {r.late && (
              <Tag color={OBLIGATION_STATUS.late.color} style={{ marginInlineEnd: 0 }}>
                Nộp muộn
              </Tag>
            )}
            {r.overdue && (
              <Tag color={OBLIGATION_STATUS.overdue.color} style={{ marginInlineEnd: 0 }}>
                Quá hạn
              </Tag>
            )}
          </Flex>
        );
      },
    },
    {
      title: 'Nhiệm vụ',
      key: 'tasks',
      render: (_, r) => (
        <span className="nowrap" title={`${r.tasks} nhiệm vụ phải báo cáo`}>
          {[
            r.leadTasks ? `${r.leadTasks} chủ trì` : '',
            r.tasks > r.leadTasks ? `${r.tasks - r.leadTasks} phối hợp` : '',
          ]
            .filter(Boolean)
            .join(', ') || '—'}
        </span>
      ),
    },
    {
      title: 'Phiên bản',
      key: 'version',
      align: 'right',
      render: (_, r) => (r.currentVersion > 0 ? r.currentVersion : '—'),
    },
    dateColumn('Nộp lúc', 'submittedAt', 'moment'),
    {
      title: 'Đã nhắc',
      key: 'reminders',
      render: (_, r) =>
        r.reminders > 0 ? (
          <div className="nowrap">
            {r.reminders} lần
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              Gần nhất {formatDateTime(r.lastReminderAt)}
            </Typography.Text>
          </div>
        ) : (
          <Typography.Text type="secondary">Chưa nhắc</Typography.Text>
        ),
    },
    ...(manage && open
      ? [
          {
            title: '',
            key: 'actions',
            render: (_: unknown, r: MatrixRow) =>
              OUTSTANDING.has(r.status) ? (
                <Button
                  size="small"
                  icon={<BellOutlined />}
                  onClick={() => doRemind([r.obligationId])}
                  loading={pendingRow === r.obligationId}
                  disabled={remind.isPending && pendingRow !== r.obligationId}
                  data-testid="remind-row-button"
                  aria-label={`Nhắc ${r.unitName}`}
                >
                  Nhắc
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} data-testid="status-counts">
        <CountTile
          k="all"
          label="Tất cả đơn vị"
          count={counts.total}
          active={!filter}
          onClick={() => setFilter(undefined)}
        />
        {MATRIX_FILTERS.map((f) => (
          <CountTile
            key={f}
            k={f}
            label={OBLIGATION_STATUS[f].label}
            count={counts[f] ?? 0}
            active={filter === f}
            onClick={() => setFilter(filter === f ? undefined : f)}
          />
        ))}
      </Flex>
      <Flex wrap gap={8} align="center" justify="space-between">
        <Input.Search
          allowClear
          placeholder="Tìm đơn vị (tên hoặc mã)…"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: phone ? '100%' : 320 }}
          aria-label="Tìm đơn vị"
          data-testid="matrix-search"
        />
        {manage && open && (
          <Flex wrap gap={8}>
            {selected.length > 0 && (
              <Button
                icon={<BellOutlined />}
                onClick={() => doRemind(selected)}
                loading={remind.isPending && !pendingRow}
                data-testid="remind-selected-button"
              >
                Nhắc {selected.length} đơn vị đã chọn
              </Button>
            )}
            <Popconfirm
              title="Nhắc tất cả đơn vị chưa nộp?"
              description={`Gửi ngay thông báo (và thư điện tử nếu có) tới ${outstanding} đơn vị chưa nộp hoặc bị trả lại.`}
              okText="Gửi nhắc"
              cancelText="Hủy"
              onConfirm={() => doRemind()}
              disabled={outstanding === 0}
            >
              <Button
                type="primary"
                icon={<NotificationOutlined />}
                disabled={outstanding === 0}
                loading={remind.isPending && !pendingRow && selected.length === 0}
                data-testid="remind-all-button"
              >
                Nhắc tất cả đơn vị chưa nộp
              </Button>
            </Popconfirm>
          </Flex>
        )}
      </Flex>
      {manage && !open && <Alert type="info" showIcon title="Kỳ báo cáo đã đóng: không gửi nhắc được nữa." />}
      <ListTable<MatrixRow>
        rowKey="obligationId"
        columns={columns}
        rows={rows}
        query={query}
        pageSize={50}
        scroll={{ x: 'max-content' }}
        rowSelection={
          manage && open
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                getCheckboxProps: (r) => ({
                  disabled: !OUTSTANDING.has(r.status),
                  'aria-label': `Chọn ${r.unitName}`,
                }),
              }
            : undefined
        }
        empty={filter || q ? 'Không có đơn vị phù hợp bộ lọc' : 'Kỳ này không có đơn vị phải báo cáo'}
        data-testid="matrix-table"
      />
    </Flex>
  );
}
