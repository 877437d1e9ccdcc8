import { useState } from 'react';
import { App, Button, Card, Descriptions, Divider, Flex, Tabs, Typography } from 'antd';
import { EditOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { usePeriod, useReportingRules, useUpdatePeriod } from './hooks';
import type { PeriodDetail } from './api';
import {
  PERIOD_STATUS,
  REVIEW_KIND_LABELS,
  canManageReporting,
  dueInText,
  periodKindLabel,
  scheduleText,
  windowText,
} from './labels';
import { EditPeriodModal } from './EditPeriodModal';
import { SubmissionMatrix } from './SubmissionMatrix';
import { DashboardTab } from '../dashboard/DashboardTab';
import { ObstaclesTab } from '../obstacles/ObstaclesTab';
import { RemindersTab } from '../reminders/RemindersTab';
import { ConsolidationTab } from '../consolidation/ConsolidationTab';
import { useMe } from '../auth/hooks';
import { readableTitle } from '../document/labels';
import { errorMessage, isApiError } from '../../api/client';
import { conflictText } from '../../layout/ConflictAlert';
import { BackLink, PageHeader } from '../../layout/PageHeader';
import { QueryPage } from '../../layout/QueryPage';
import { formatDateTime, formatIsoDate } from '../../lib/format';
import { useIsPhone } from '../../lib/useMediaQuery';
import { useTabParam } from '../../lib/useTabParam';
import { infoOf } from '../../lib/tagInfo';
import { InfoTag } from '../../layout/InfoTag';

const TABS = ['nop-bao-cao', 'tong-quan', 'kho-khan', 'nhac-viec', 'tong-hop'] as const;
type Tab = (typeof TABS)[number];

/** How many of the period's units have not submitted (not started, drafting or returned). */
export function notSubmitted(period: PeriodDetail): number {
  const c = period.counts;
  return c.not_started + c.drafting + c.returned;
}

/**
 * "Đóng kỳ" / "Mở lại kỳ": PATCH with the period's version, after a confirmation that says what it
 * does (how many units have not submitted, that no report can be submitted afterwards).
 */
function StatusButton({ period }: { period: PeriodDetail }) {
  const { message, modal } = App.useApp();
  const update = useUpdatePeriod(period.id);
  const closing = period.status === 'open';
  const run = () =>
    update.mutateAsync(
      { version: period.version, status: closing ? 'closed' : 'open' },
      {
        onSuccess: () => message.success(closing ? 'Đã đóng kỳ báo cáo' : 'Đã mở lại kỳ báo cáo'),
        onError: (e) =>
          isApiError(e, 'VERSION_CONFLICT')
            ? message.warning(`${conflictText(e)}`, 8)
            : message.error(errorMessage(e)),
      },
    );
  const missing = notSubmitted(period);
  const ask = () =>
    modal.confirm({
      title: closing ? `Đóng kỳ báo cáo ${period.label}?` : `Mở lại kỳ báo cáo ${period.label}?`,
      content: (
        <div data-testid="period-status-confirm">
          {closing ? (
            <>
              <p>
                {missing > 0 ? (
                  <>
                    Còn <strong>{missing}</strong>/{period.counts.total} đơn vị chưa nộp báo cáo.
                  </>
                ) : (
                  `Cả ${period.counts.total} đơn vị đã nộp báo cáo.`
                )}
              </p>
              <p style={{ marginBottom: 0 }}>
                Sau khi đóng kỳ, đơn vị không lưu và nộp được báo cáo của kỳ này nữa; các lời nhắc còn chờ
                sẽ bỏ qua. Có thể mở lại kỳ sau.
              </p>
            </>
          ) : (
            'Đơn vị lại lưu và nộp được báo cáo của kỳ này, lời nhắc được gửi tiếp theo lịch.'
          )}
        </div>
      ),
      okText: closing ? 'Đóng kỳ' : 'Mở lại kỳ',
      cancelText: 'Hủy',
      okButtonProps: { danger: closing },
      // A refused change keeps the dialog closed; its message says why.
      onOk: () => run().catch(() => undefined),
    });
  return (
    <Button
      icon={closing ? <LockOutlined /> : <UnlockOutlined />}
      loading={update.isPending}
      danger={closing}
      onClick={ask}
      data-testid={closing ? 'close-period-button' : 'reopen-period-button'}
    >
      {closing ? 'Đóng kỳ' : 'Mở lại kỳ'}
    </Button>
  );
}

function PeriodView({
  period,
  reload,
}: {
  period: PeriodDetail;
  reload: () => Promise<PeriodDetail | undefined>;
}) {
  const me = useMe();
  const manage = canManageReporting(me);
  const phone = useIsPhone();
  const rules = useReportingRules();
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useTabParam(
    TABS.filter((t) => t !== 'nhac-viec' || manage),
    { keepOthers: false },
  );

  const status = infoOf(PERIOD_STATUS, period.status);
  const programTitle = readableTitle(period.program?.title) || 'Chương trình';
  const overdue = period.status === 'open' && period.today > period.dueDate;

  return (
    <>
      <BackLink to={`/chuong-trinh/${period.programId}?xem=bao-cao`}>
        Các kỳ báo cáo của chương trình
      </BackLink>
      <PageHeader
        title={`Kỳ báo cáo ${period.label}`}
        subTitle={
          <Typography.Paragraph
            type="secondary"
            ellipsis={{ rows: 2, tooltip: programTitle }}
            style={{ margin: 0 }}
          >
            {programTitle}
          </Typography.Paragraph>
        }
        extra={
          <Flex wrap gap={8} align="center">
            <InfoTag info={status} data-testid="period-status" style={{ marginInlineEnd: 0 }} />
            {manage && (
              <>
                <Button
                  icon={<EditOutlined />}
                  onClick={() => setEditing(true)}
                  data-testid="edit-period-button"
                >
                  Sửa hạn gửi, lịch nhắc
                </Button>
                {/* Apart from the other actions: it closes the whole period, not one item. */}
                <Divider orientation="vertical" />
                <StatusButton period={period} />
              </>
            )}
          </Flex>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            {
              key: 'window',
              label: 'Thời gian chốt số liệu',
              children: <span data-testid="period-window">{windowText(period)}</span>,
            },
            {
              key: 'due',
              label: 'Hạn gửi báo cáo',
              children: (
                <span data-testid="period-due">
                  {formatIsoDate(period.dueDate)}{' '}
                  {period.status === 'open' && (
                    <Typography.Text type={overdue ? 'danger' : 'secondary'}>
                      ({dueInText(period)})
                    </Typography.Text>
                  )}
                </span>
              ),
            },
            {
              key: 'kind',
              label: 'Loại kỳ',
              children: `${periodKindLabel(period.kind, rules.data)} · ${REVIEW_KIND_LABELS[period.reviewKind] ?? period.reviewKind}`,
            },
            { key: 'opened', label: 'Mở kỳ lúc', children: formatDateTime(period.openedAt) },
            ...(period.closedAt
              ? [{ key: 'closed', label: 'Đóng kỳ lúc', children: formatDateTime(period.closedAt) }]
              : []),
            { key: 'schedule', label: 'Lịch nhắc', span: 'filled', children: scheduleText(period.schedule) },
          ]}
        />
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as Tab)}
          tabBarGutter={phone ? 16 : 24}
          destroyOnHidden
          items={[
            {
              key: 'nop-bao-cao',
              label: phone ? 'Nộp báo cáo' : 'Tình hình nộp báo cáo',
              children: <SubmissionMatrix period={period} manage={manage} />,
            },
            { key: 'tong-quan', label: 'Tổng quan', children: <DashboardTab periodId={period.id} /> },
            {
              key: 'kho-khan',
              label: phone ? 'Khó khăn' : 'Khó khăn, vướng mắc',
              children: <ObstaclesTab programId={period.programId} periodId={period.id} manage={manage} />,
            },
            ...(manage
              ? [
                  {
                    key: 'nhac-viec',
                    label: phone ? 'Nhắc việc' : 'Nhắc việc, đôn đốc',
                    children: <RemindersTab period={period} />,
                  },
                ]
              : []),
            {
              key: 'tong-hop',
              label: phone ? 'Tổng hợp' : 'Báo cáo tổng hợp',
              children: <ConsolidationTab periodId={period.id} manage={manage} />,
            },
          ]}
        />
      </Card>
      {manage && (
        <EditPeriodModal period={period} open={editing} reload={reload} onClose={() => setEditing(false)} />
      )}
    </>
  );
}

/** A reporting period: header, and tabs for submissions, dashboard, obstacles, reminders, consolidation. */
export default function PeriodPage() {
  const { id = '' } = useParams();
  const q = usePeriod(id);
  return (
    <QueryPage query={q} what="kỳ báo cáo" back={{ to: '/chuong-trinh', label: 'Về danh sách chương trình' }}>
      {(period) => <PeriodView period={period} reload={async () => (await q.refetch()).data} />}
    </QueryPage>
  );
}
