import { Suspense, lazy } from 'react';
import { Card, Col, Flex, Progress, Row, Statistic, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useDashboard } from './hooks';
import { RecommendationDashboardCard } from '../inspections/RecommendationDashboardCard';
import type { Dashboard } from './api';
import { percentText } from './labels';
import { useReportingRules } from '../periods/hooks';
import { obligationStatusInfo } from '../periods/labels';
import { formatIsoDate } from '../../lib/format';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { PageSpin } from '../../layout/FullPageSpin';
import { InfoTag } from '../../layout/InfoTag';
import { useIsPhone } from '../../lib/useMediaQuery';
import { ListTable, dateColumn, type ListTableProps } from '../../layout/ListTable';

const DashboardCharts = lazy(() => import('./DashboardCharts'));

type OverdueTask = Dashboard['overdueTasks'][number];
type NotReported = Dashboard['unitsNotReported'][number];

/** A list of the dashboard in a card titled with its count, ten rows a page. */
function ListCard<T extends object>({
  testId,
  title,
  ...table
}: { testId: string; title: string } & Omit<ListTableProps<T>, 'title'>) {
  return (
    <Card size="small" title={`${title} (${table.rows.length})`} data-testid={testId}>
      <ListTable<T> pageSize={10} {...table} />
    </Card>
  );
}

function StatCard({ testId, title, children }: { testId: string; title: string; children: React.ReactNode }) {
  return (
    <Col xs={12} md={8} xl={6} xxl={6}>
      <Card size="small" data-testid={testId} style={{ height: '100%' }}>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {title}
        </Typography.Text>
        {children}
      </Card>
    </Col>
  );
}

/**
 * "Tổng quan": the program's progress on the reference day (today, or the cut-off end when earlier):
 * completion, on time and late, units yet to report, open obstacles; charts by task group, by lead
 * unit and by status; the overdue tasks and the units not reported.
 */
export function DashboardTab({ periodId }: { periodId: string }) {
  const q = useDashboard(periodId);
  const phone = useIsPhone();
  const rules = useReportingRules();
  if (q.isPending) return <PageSpin />;
  if (q.isError) return <ApiErrorAlert error={q.error} />;
  const d = q.data;
  const o = d.overall;
  const statusLabel = (s: string) => rules.data?.statuses[s]?.label ?? s;
  const atCutoff = d.referenceDay === d.period.cutoffEnd;

  const overdueColumns: TableColumnsType<OverdueTask> = [
    {
      title: 'Nhiệm vụ',
      key: 'task',
      render: (_, t) => (
        <div>
          <Link to={`/nhiem-vu/${t.nodeId}`} className="nowrap">
            {t.label}
          </Link>
          <Typography.Paragraph
            type="secondary"
            ellipsis={{ rows: 2, tooltip: t.text }}
            style={{ margin: 0, fontSize: 12 }}
          >
            {t.text}
          </Typography.Paragraph>
        </div>
      ),
    },
    {
      title: 'Cơ quan chủ trì',
      key: 'lead',
      width: 180,
      render: (_, t) => t.leadUnitName ?? '—',
    },
    dateColumn('Thời hạn', 'dueDate', 'day', { width: 100 }),
    {
      title: 'Tình trạng',
      key: 'status',
      width: 150,
      render: (_, t) => (
        <span>
          {statusLabel(t.status)}
          {t.percent !== null && t.status !== 'done' ? ` (${t.percent}%)` : ''}
        </span>
      ),
    },
  ];

  const unitColumns: TableColumnsType<NotReported> = [
    {
      title: 'Đơn vị',
      key: 'unit',
      render: (_, u) => <Link to={`/bao-cao/${u.obligationId}`}>{u.unitName}</Link>,
    },
    {
      title: 'Tình trạng báo cáo',
      key: 'status',
      render: (_, u) => {
        const info = obligationStatusInfo(u.status);
        return <InfoTag info={info} />;
      },
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="dashboard">
      <Typography.Text data-testid="dashboard-reference-day">
        Tính đến ngày <strong>{formatIsoDate(d.referenceDay)}</strong>{' '}
        <Typography.Text type="secondary">
          ({atCutoff ? 'ngày chốt số liệu của kỳ' : 'hôm nay'}; tiến độ theo các báo cáo đã duyệt, đúng hạn
          hay quá hạn so với thời hạn khi triển khai)
        </Typography.Text>
      </Typography.Text>
      <Row gutter={[12, 12]}>
        <StatCard testId="dashboard-completion" title="Tỷ lệ hoàn thành">
          <Flex align="center" gap={12}>
            <Statistic value={percentText(o.percent)} />
            <Progress
              type="circle"
              size={44}
              percent={Math.round(o.percent)}
              showInfo={false}
              aria-label={`Tỷ lệ hoàn thành ${percentText(o.percent)}`}
            />
          </Flex>
        </StatCard>
        <StatCard testId="dashboard-tasks" title="Nhiệm vụ (tính tiến độ)">
          <Statistic value={o.tasks} />
        </StatCard>
        <StatCard testId="dashboard-done" title="Đã hoàn thành">
          <Statistic value={o.done} suffix={<span style={{ fontSize: 14 }}>/ {o.tasks}</span>} />
        </StatCard>
        <StatCard testId="dashboard-on-time" title="Đúng hạn / quá hạn">
          <Statistic
            value={o.onTime}
            styles={{ content: { color: '#389e0d' } }}
            suffix={<span style={{ fontSize: 16, color: o.late ? '#cf1322' : undefined }}>/ {o.late}</span>}
          />
          {o.notDue > 0 && <Typography.Text type="secondary">{o.notDue} nhiệm vụ chưa đến hạn</Typography.Text>}
        </StatCard>
        <StatCard testId="dashboard-on-time-rate" title="Tỷ lệ đúng hạn">
          <Statistic value={percentText(o.onTimeRate)} />
        </StatCard>
        <StatCard testId="dashboard-units-not-reported" title="Đơn vị chưa báo cáo">
          <Statistic
            value={d.unitsNotReported.length}
            styles={{ content: { color: d.unitsNotReported.length ? '#cf1322' : undefined } }}
            suffix={<span style={{ fontSize: 14 }}>/ {d.reports.total}</span>}
          />
        </StatCard>
        <StatCard testId="dashboard-open-obstacles" title="Khó khăn, kiến nghị đang mở">
          <Statistic
            value={d.openObstacles}
            styles={{ content: { color: d.openObstacles ? '#d46b08' : undefined } }}
          />
        </StatCard>
        <StatCard testId="dashboard-reports" title="Báo cáo đã duyệt / đã nộp">
          <Statistic
            value={d.reports.accepted}
            suffix={<span style={{ fontSize: 14 }}>/ {d.reports.accepted + d.reports.submitted}</span>}
          />
        </StatCard>
        <RecommendationDashboardCard counts={d.recommendations} />
      </Row>
      <Suspense fallback={<PageSpin />}>
        <DashboardCharts data={d} rules={rules.data} />
      </Suspense>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={16}>
          <ListCard<OverdueTask>
            testId="dashboard-overdue"
            title="Nhiệm vụ quá hạn"
            rowKey="nodeId"
            columns={overdueColumns}
            rows={d.overdueTasks}
            tableLayout="fixed"
            scroll={phone ? { x: 600 } : undefined}
            empty="Không có nhiệm vụ quá hạn"
          />
        </Col>
        <Col xs={24} xxl={8}>
          <ListCard<NotReported>
            testId="dashboard-not-reported"
            title="Đơn vị chưa báo cáo"
            rowKey="obligationId"
            columns={unitColumns}
            rows={d.unitsNotReported}
            scroll={undefined}
            empty="Mọi đơn vị đã nộp báo cáo"
          />
        </Col>
      </Row>
    </Flex>
  );
}
