import type { ReactNode } from 'react';
import { Card, Col, Progress, Row, Statistic, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useHome } from './hooks';
import type { HomeConsolidation, HomeOverview, HomePeriod, HomeReport, HomeTask } from './api';
import { obligationStatusInfo } from '../periods/labels';
import { TASK_ROLE_LABELS } from '../tasks/labels';
import { APPROVAL_STATUS } from '../consolidation/ApprovalPanel';
import type { Me } from '../../api/types';
import { formatDateTime, formatIsoDate } from '../../lib/format';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';
import { PageSpin } from '../../layout/FullPageSpin';
import { InfoTag } from '../../layout/InfoTag';
import { ListTable } from '../../layout/ListTable';

const TWO_LINES = { ellipsis: { rows: 2, tooltip: true } } as const;

/** A record's name over a grey line of where it belongs. */
function Named({ to, name, note }: { to: string; name: string; note: string }) {
  return (
    <>
      <Link to={to} className="clamp-3" title={name}>
        {name}
      </Link>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }} {...TWO_LINES}>
        {note}
      </Typography.Paragraph>
    </>
  );
}

const due = (d: string) => <span className="nowrap">{formatIsoDate(d)}</span>;

const periodColumns: TableColumnsType<HomePeriod> = [
  {
    title: 'Kỳ báo cáo',
    key: 'period',
    render: (_, p) => <Named to={`/ky-bao-cao/${p.id}`} name={p.label} note={p.programTitle} />,
  },
  { title: 'Hạn nộp', dataIndex: 'dueDate', width: 100, render: due },
  {
    title: 'Đã nộp',
    key: 'submitted',
    width: 150,
    render: (_, p) => (
      <>
        {p.submitted}/{p.expected} đơn vị
        <Progress percent={p.expected ? Math.round((p.submitted / p.expected) * 100) : 0} size="small" />
      </>
    ),
  },
  {
    title: 'Chờ duyệt · quá hạn',
    key: 'waiting',
    width: 130,
    render: (_, p) => `${p.waiting} · ${p.overdue}`,
  },
];

const reportColumns = (unitView: boolean): TableColumnsType<HomeReport> => [
  {
    title: unitView ? 'Kỳ báo cáo' : 'Đơn vị',
    key: 'report',
    render: (_, r) => (
      <Named
        to={`/bao-cao/${r.id}`}
        name={unitView ? r.periodLabel : r.unitName}
        note={unitView ? r.programTitle : `${r.periodLabel} · ${r.programTitle}`}
      />
    ),
  },
  { title: 'Hạn nộp', dataIndex: 'dueDate', width: 100, render: due },
  {
    title: unitView ? 'Trạng thái' : 'Nộp lúc',
    key: 'status',
    width: 130,
    render: (_, r) =>
      unitView || !r.submittedAt ? (
        <InfoTag info={obligationStatusInfo(r.status)} />
      ) : (
        <span className="nowrap">{formatDateTime(r.submittedAt)}</span>
      ),
  },
];

const taskColumns: TableColumnsType<HomeTask> = [
  {
    title: 'Nhiệm vụ',
    key: 'task',
    render: (_, t) => (
      <Named to={`/nhiem-vu/${t.nodeId}`} name={`${t.label}. ${t.text}`} note={t.programTitle} />
    ),
  },
  { title: 'Vai trò', dataIndex: 'role', width: 90, render: (r: HomeTask['role']) => TASK_ROLE_LABELS[r] },
  {
    title: 'Thời hạn',
    key: 'due',
    width: 110,
    render: (_, t) => (
      <>
        {due(t.dueDate)}
        {t.overdue && <InfoTag info={{ label: 'Quá hạn', color: 'red' }} />}
      </>
    ),
  },
];

const consolidationColumns: TableColumnsType<HomeConsolidation> = [
  {
    title: 'Dự thảo báo cáo tổng hợp',
    key: 'c',
    render: (_, c) => (
      <Named to={`/ky-bao-cao/${c.periodId}?xem=tong-hop`} name={c.periodLabel} note={c.programTitle} />
    ),
  },
  {
    title: 'Trạng thái',
    dataIndex: 'status',
    width: 120,
    render: (v: HomeConsolidation['status']) => (
      <Tag color={APPROVAL_STATUS[v].color}>{APPROVAL_STATUS[v].label}</Tag>
    ),
  },
  {
    title: 'Cập nhật',
    dataIndex: 'updatedAt',
    width: 130,
    render: (v: string) => <span className="nowrap">{formatDateTime(v)}</span>,
  },
];

function Block({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Col xs={24} xl={12}>
      <Card title={title} size="small" data-testid={testId} style={{ height: '100%' }}>
        {children}
      </Card>
    </Col>
  );
}

function Counts({ items }: { items: [string, number, string, string?][] }) {
  return (
    <Row gutter={[12, 12]} className="stat-grid" style={{ marginBottom: 16 }}>
      {items.map(([title, value, key, suffix]) => (
        <Col
          key={key}
          xs={12}
          md={8}
          xl={Math.floor(24 / items.length) || 4}
          data-testid={`home-count-${key}`}
        >
          <Card size="small">
            <Statistic title={title} value={value} suffix={suffix} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function UnitOverview({ h }: { h: HomeOverview }) {
  const c = h.counts;
  return (
    <>
      <Counts
        items={[
          ['Nhiệm vụ quá hạn', c.tasksOverdue, 'tasks-overdue'],
          [`Nhiệm vụ đến hạn trong ${h.dueSoonDays} ngày`, c.tasksDueSoon, 'tasks-soon'],
          ['Báo cáo phải nộp', c.expected - c.submitted, 'reports-due'],
          ['Khó khăn, vướng mắc chưa xong', c.openObstacles, 'obstacles'],
        ]}
      />
      <Row gutter={[16, 16]}>
        <Block title="Nhiệm vụ của đơn vị sắp đến hạn, quá hạn" testId="home-tasks">
          <ListTable<HomeTask>
            rowKey="nodeId"
            columns={taskColumns}
            rows={h.tasks}
            pageSize={false}
            empty={`Không có nhiệm vụ nào quá hạn hay đến hạn trong ${h.dueSoonDays} ngày tới`}
          />
        </Block>
        <Block title="Báo cáo của đơn vị trong các kỳ đang mở" testId="home-reports">
          <ListTable<HomeReport>
            rowKey="id"
            columns={reportColumns(true)}
            rows={h.reports}
            pageSize={false}
            empty="Không có kỳ báo cáo nào đang mở"
          />
        </Block>
      </Row>
    </>
  );
}

function StaffOverview({ h, me }: { h: HomeOverview; me: Me }) {
  const c = h.counts;
  const leads = me.role === 'leader' || me.role === 'supervisor';
  return (
    <>
      <Counts
        items={[
          ['Kỳ báo cáo đang mở', c.openPeriods, 'periods'],
          ['Đơn vị đã nộp / phải nộp', c.submitted, 'submitted', `/ ${c.expected}`],
          ['Báo cáo chờ duyệt', c.waiting, 'waiting'],
          ['Đơn vị quá hạn chưa nộp', c.overdue, 'overdue'],
          ['Khó khăn, vướng mắc chưa xong', c.openObstacles, 'obstacles'],
        ]}
      />
      <Row gutter={[16, 16]}>
        {leads && (
          <Block
            title={`Chờ lãnh đạo phê duyệt (${h.consolidations.filter((x) => x.status === 'sent').length})`}
            testId="home-approval"
          >
            <Typography.Paragraph type="secondary">
              Báo cáo tổng hợp cơ quan theo dõi đã trình duyệt đứng đầu danh sách; mở để ký duyệt hoặc trả
              lại.
            </Typography.Paragraph>
            <ListTable<HomeConsolidation>
              rowKey="id"
              columns={consolidationColumns}
              rows={h.consolidations}
              pageSize={false}
              empty="Chưa có báo cáo tổng hợp nào"
            />
          </Block>
        )}
        <Block title={`Kỳ báo cáo đang mở (đã nộp ${c.submitted}/${c.expected})`} testId="home-periods">
          <ListTable<HomePeriod>
            rowKey="id"
            columns={periodColumns}
            rows={h.periods}
            pageSize={false}
            empty="Không có kỳ báo cáo nào đang mở"
          />
        </Block>
        <Block title="Báo cáo chờ duyệt" testId="home-waiting">
          <ListTable<HomeReport>
            rowKey="id"
            columns={reportColumns(false)}
            rows={h.reports}
            pageSize={false}
            empty="Không có báo cáo nào chờ duyệt"
          />
        </Block>
        <Block title="Đơn vị quá hạn chưa nộp báo cáo" testId="home-overdue">
          <ListTable<HomeReport>
            rowKey="id"
            columns={reportColumns(true).map((col, i) => (i === 0 ? reportColumns(false)[0]! : col))}
            rows={h.overdue}
            pageSize={false}
            empty="Không có đơn vị nào quá hạn"
          />
        </Block>
        {!leads && h.consolidations.length > 0 && (
          <Block title="Dự thảo báo cáo tổng hợp" testId="home-consolidations">
            <ListTable<HomeConsolidation>
              rowKey="id"
              columns={consolidationColumns}
              rows={h.consolidations}
              pageSize={false}
            />
          </Block>
        )}
      </Row>
    </>
  );
}

/** What awaits the person signed in, across programs: the start page's overview. */
export function HomeOverviewPanel({ me }: { me: Me }) {
  const q = useHome();
  if (q.isPending) return <PageSpin />;
  if (q.isError) return <ApiErrorAlert error={q.error} />;
  return (
    <div data-testid="home-overview" style={{ marginBottom: 24 }}>
      {q.data.scope === 'unit' ? <UnitOverview h={q.data} /> : <StaffOverview h={q.data} me={me} />}
    </div>
  );
}
