import { useState } from 'react';
import { App, Button, Flex, Segmented, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useReminders, useSweepReminders } from './hooks';
import type { Reminder, ReminderStatus, SweepResult } from './api';
import { REMINDER_STATUS, reminderKindLabel } from './labels';
import type { PeriodDetail } from '../periods/api';
import { scheduleText } from '../periods/labels';
import { formatDateTime } from '../../lib/format';
import { infoOf } from '../../lib/tagInfo';
import { InfoTag } from '../../layout/InfoTag';
import { ListTable } from '../../layout/ListTable';

function sweepMessage(r: SweepResult): string {
  if (!r.sent && !r.skipped && !r.planned) return 'Đã quét: chưa có lời nhắc nào đến hạn gửi';
  return [
    `Đã quét: gửi ${r.sent} lời nhắc`,
    r.skipped ? `bỏ qua ${r.skipped}` : '',
    r.planned ? `lập thêm ${r.planned} lời nhắc theo lịch` : '',
    r.emailsSent ? `${r.emailsSent} thư điện tử đã gửi` : '',
    r.emailsFailed ? `${r.emailsFailed} thư điện tử chưa gửi được` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

function Recipients({ r }: { r: Reminder }) {
  const list = r.outcome?.recipients ?? [];
  const emails = r.outcome?.emails ?? [];
  if (r.status !== 'sent') return <Typography.Text type="secondary">—</Typography.Text>;
  if (!list.length && !emails.length)
    return <Typography.Text type="warning">Không có người nhận (đơn vị chưa có tài khoản)</Typography.Text>;
  return (
    <div style={{ minWidth: 180 }}>
      {list.map((x, i) => (
        <div key={`${x.userId ?? x.name}-${i}`}>{x.name}</div>
      ))}
      {emails.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          Thư điện tử: {emails.join(', ')}
        </Typography.Text>
      )}
    </div>
  );
}

/**
 * "Nhắc việc, đôn đốc": every reminder of the period, planned from its schedule or sent by hand, with
 * who received it or why it was skipped; "Quét ngay" sends those due now.
 */
export function RemindersTab({ period }: { period: PeriodDetail }) {
  const { message } = App.useApp();
  const q = useReminders(period.id);
  const sweep = useSweepReminders();
  const [status, setStatus] = useState<ReminderStatus | 'all'>('all');
  const all = q.data?.items ?? [];
  const items = status === 'all' ? all : all.filter((r) => r.status === status);
  const count = (s: ReminderStatus) => all.filter((r) => r.status === s).length;

  const columns: TableColumnsType<Reminder> = [
    {
      title: 'Thời điểm',
      key: 'when',
      render: (_, r) => (
        <div className="nowrap">
          {r.status === 'pending' ? (
            <>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                Dự kiến{' '}
              </Typography.Text>
              {formatDateTime(r.dueAt)}
            </>
          ) : (
            <>
              {formatDateTime(r.sentAt)}
              {r.sentAt && formatDateTime(r.sentAt) !== formatDateTime(r.dueAt) && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  Đến hạn {formatDateTime(r.dueAt)}
                </Typography.Text>
              )}
            </>
          )}
        </div>
      ),
    },
    {
      title: 'Loại',
      key: 'kind',
      render: (_, r) => (
        <span className="nowrap">
          {reminderKindLabel(r.kind)}
          {r.kind !== 'period_manual' && r.offsetDays !== 0 && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {r.offsetDays < 0 ? `${-r.offsetDays} ngày trước hạn` : `${r.offsetDays} ngày sau hạn`}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: 'Đơn vị',
      key: 'unit',
      render: (_, r) =>
        r.obligationId ? (
          <Link to={`/bao-cao/${r.obligationId}`}>{r.unitName ?? '—'}</Link>
        ) : (
          (r.unitName ?? '—')
        ),
    },
    {
      title: 'Trạng thái',
      key: 'status',
      render: (_, r) => {
        const info = infoOf(REMINDER_STATUS, r.status);
        return (
          <div style={{ minWidth: 120 }}>
            <InfoTag info={info} data-testid="reminder-status" />
            {r.status === 'skipped' && r.outcome?.reason && (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {r.outcome.reason}
              </Typography.Text>
            )}
          </div>
        );
      },
    },
    { title: 'Người nhận', key: 'to', render: (_, r) => <Recipients r={r} /> },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={12} align="center" justify="space-between">
        <Typography.Text type="secondary">
          Lịch nhắc của kỳ: {scheduleText(period.schedule).toLocaleLowerCase('vi')}.
        </Typography.Text>
        <Tooltip title="Gửi ngay các lời nhắc đã đến hạn của mọi kỳ đang mở (hệ thống cũng tự quét định kỳ)">
          <Button
            icon={<SyncOutlined />}
            loading={sweep.isPending}
            onClick={() =>
              sweep.mutate(undefined, {
                onSuccess: (r) => message.success(sweepMessage(r)),
                onError: (e) => message.error(e.message),
              })
            }
            data-testid="sweep-button"
          >
            Quét ngay
          </Button>
        </Tooltip>
      </Flex>
      <Segmented
        value={status}
        onChange={(v) => setStatus(v as ReminderStatus | 'all')}
        options={[
          { value: 'all', label: `Tất cả (${all.length})` },
          { value: 'sent', label: `${REMINDER_STATUS.sent.label} (${count('sent')})` },
          { value: 'pending', label: `${REMINDER_STATUS.pending.label} (${count('pending')})` },
          { value: 'skipped', label: `${REMINDER_STATUS.skipped.label} (${count('skipped')})` },
        ]}
        aria-label="Lọc theo trạng thái"
        style={{ alignSelf: 'flex-start', maxWidth: '100%', overflowX: 'auto' }}
      />
      <ListTable<Reminder>
        rowKey="id"
        columns={columns}
        rows={items}
        query={q}
        pageSize={30}
        scroll={{ x: 'max-content' }}
        empty="Chưa có lời nhắc nào"
        data-testid="reminders-table"
      />
    </Flex>
  );
}
