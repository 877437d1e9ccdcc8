/**
 * On the task page: the lead unit's accepted progress per period (status, %, results, date of
 * acceptance) and its latest report entry not yet accepted (a draft, or a version submitted or
 * returned), marked as such. For the lead unit itself and the roles that read every unit's reports.
 */
import { Alert, Card, Flex, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useTaskReporting, type AcceptedProgress, type TaskReporting } from '../reports/earlier';
import { percentText, TaskStatusTag } from '../reports/EntryView';
import { useReportingRules } from '../reports/hooks';
import type { StatusRules } from '../reports/api';
import type { ReportEntry } from '../../shared/report';
import { useMe } from '../auth/hooks';
import { can } from '../../shared/permissions';
import { formatDateTime } from '../../lib/format';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { ListTable } from '../../layout/ListTable';

const LATEST: Record<NonNullable<TaskReporting['latest']>['state'], string> = {
  draft: 'Bản nháp chưa nộp',
  submitted: 'Đã nộp, chờ duyệt',
  returned: 'Bị trả lại, đang sửa',
};

function EntrySummary({ entry, statuses }: { entry: ReportEntry; statuses: StatusRules }) {
  return (
    <Flex vertical gap={2}>
      <Flex wrap gap={6} align="center">
        <TaskStatusTag statuses={statuses} status={entry.status} />
        <span>{percentText(statuses, entry)}</span>
      </Flex>
      {entry.results && <Typography.Text className="report-text">{entry.results}</Typography.Text>}
    </Flex>
  );
}

export function TaskReportingCard({ nodeId, leadUnitId }: { nodeId: string; leadUnitId: string | null }) {
  const me = useMe();
  const allowed = !!leadUnitId && can(me, 'report.read', leadUnitId);
  const q = useTaskReporting(nodeId, allowed);
  const rules = useReportingRules();
  if (!allowed) return null;
  const statuses = rules.data?.statuses ?? {};
  const columns: TableColumnsType<AcceptedProgress> = [
    {
      title: 'Kỳ báo cáo',
      key: 'period',
      render: (_, a) => <Link to={`/bao-cao/${a.obligationId}`}>{a.periodLabel}</Link>,
    },
    {
      title: 'Tình trạng, kết quả đã được chấp nhận',
      key: 'entry',
      render: (_, a) => <EntrySummary entry={a.entry} statuses={statuses} />,
    },
    {
      title: 'Chấp nhận lúc',
      key: 'at',
      responsive: ['sm'],
      render: (_, a) => (a.acceptedAt ? formatDateTime(a.acceptedAt) : '—'),
    },
  ];
  const latest = q.data?.latest;
  return (
    <Card
      size="small"
      title="Tiến độ theo báo cáo của đơn vị chủ trì"
      extra={q.data?.leadUnitName}
      data-testid="task-reporting"
    >
      {q.isError && <ApiErrorAlert error={q.error} />}
      {latest && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="task-latest"
          title={
            <Flex wrap gap={6} align="center">
              <span>
                Báo cáo mới nhất, kỳ <Link to={`/bao-cao/${latest.obligationId}`}>{latest.periodLabel}</Link>
              </span>
              <Tag color="orange">Chưa được chấp nhận</Tag>
              <Typography.Text type="secondary">
                {LATEST[latest.state]}
                {latest.number ? ` (phiên bản ${latest.number})` : ''} · {formatDateTime(latest.at)}
              </Typography.Text>
            </Flex>
          }
          description={<EntrySummary entry={latest.entry} statuses={statuses} />}
        />
      )}
      <ListTable<AcceptedProgress>
        rowKey="periodId"
        columns={columns}
        rows={q.data?.accepted ?? []}
        query={q}
        empty="Chưa có báo cáo nào của đơn vị chủ trì được chấp nhận"
        data-testid="task-accepted"
      />
    </Card>
  );
}
