/**
 * "Phản hồi cho đơn vị": in one place, the answers to the unit's obstacles and proposals, and every
 * report's review history (submitted, returned with the reviewer's comments, resubmitted, accepted).
 */
import { Card, Empty, Flex, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import { useUnitFeedback, type ReportHistory, type ReviewStep } from './earlier';
import { ReportStatusTag } from './ReportBits';
import { reviewInfo } from './labels';
import { obstacleColumns } from '../obstacles/columns';
import { UnitChooser, useChosenUnit } from '../units/UnitChooser';
import { formatDateTime } from '../../lib/format';
import { InfoTag } from '../../layout/InfoTag';
import { ListTable } from '../../layout/ListTable';
import { PageHeader } from '../../layout/PageHeader';
import { PageSpin } from '../../layout/FullPageSpin';
import { ApiErrorAlert } from '../../layout/ApiErrorAlert';

const by = (name: string | null) => (name ? ` (${name})` : '');

function steps(s: ReviewStep) {
  const items = [
    {
      key: `nop-${s.number}`,
      color: 'blue',
      content: (
        <span data-testid="history-submitted">
          {s.number === 1 ? 'Nộp' : 'Nộp lại'} phiên bản {s.number} lúc {formatDateTime(s.submittedAt)}
          {by(s.submittedByName)}
          {s.late && <Typography.Text type="warning"> · nộp muộn</Typography.Text>}
        </span>
      ),
    },
  ];
  if (s.review === 'pending')
    items.push({
      key: `cho-${s.number}`,
      color: 'gray',
      content: <span>Đang chờ cán bộ theo dõi xem xét</span>,
    });
  else
    items.push({
      key: `duyet-${s.number}`,
      color: s.review === 'accepted' ? 'green' : 'orange',
      content: (
        <div data-testid={`history-${s.review}`}>
          <Flex wrap gap={6} align="center">
            <InfoTag info={reviewInfo(s.review)} style={{ marginInlineEnd: 0 }} />
            <span>
              {s.review === 'accepted' ? 'Được chấp nhận' : 'Bị trả lại'}
              {s.reviewedAt && ` lúc ${formatDateTime(s.reviewedAt)}`}
              {by(s.reviewerName)}
            </span>
          </Flex>
          {s.reviewComment && (
            <div className="report-text" data-testid="history-comment">
              Ý kiến: {s.reviewComment}
            </div>
          )}
          {s.taskComments.map((c) => (
            <div key={c.nodeId} className="report-text">
              Nhiệm vụ <Link to={`/nhiem-vu/${c.nodeId}`}>{c.label || '…'}</Link>: {c.comment}
            </div>
          ))}
        </div>
      ),
    });
  return items;
}

function ReportHistoryCard({ r }: { r: ReportHistory }) {
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="report-history"
      title={
        <Flex wrap gap={8} align="center">
          <Link to={`/bao-cao/${r.obligationId}`}>Báo cáo kỳ {r.periodLabel}</Link>
          <ReportStatusTag status={r.status} />
        </Flex>
      }
    >
      <Timeline items={r.steps.flatMap(steps)} />
    </Card>
  );
}

function Feedback({ unitId }: { unitId: string }) {
  const q = useUnitFeedback(unitId);
  if (q.isPending) return <PageSpin />;
  if (q.isError) return <ApiErrorAlert error={q.error} />;
  const { obstacles, reports } = q.data;
  const answered = obstacles.filter((o) => o.answer).length;
  return (
    <>
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={`Khó khăn, vướng mắc, kiến nghị và trả lời (${answered}/${obstacles.length} đã trả lời)`}
      >
        <ListTable
          rowKey="id"
          columns={obstacleColumns()}
          rows={obstacles}
          empty="Đơn vị chưa nêu khó khăn, vướng mắc hay kiến nghị nào"
          data-testid="feedback-obstacles"
        />
      </Card>
      <Typography.Title level={5}>Lịch sử xem xét báo cáo</Typography.Title>
      {reports.length === 0 ? (
        <Card>
          <Empty description="Đơn vị chưa nộp báo cáo nào" />
        </Card>
      ) : (
        reports.map((r) => <ReportHistoryCard key={r.obligationId} r={r} />)
      )}
    </>
  );
}

export default function FeedbackPage() {
  const chosen = useChosenUnit();
  return (
    <>
      <PageHeader
        title="Phản hồi cho đơn vị"
        subTitle="Trả lời khó khăn, vướng mắc, kiến nghị của đơn vị và ý kiến của cán bộ theo dõi về từng lần nộp báo cáo."
      />
      <UnitChooser chosen={chosen} id="feedback-unit" label="Đơn vị:" />
      {chosen.unitId ? (
        <Feedback key={chosen.unitId} unitId={chosen.unitId} />
      ) : (
        !chosen.own && (
          <Card>
            <Empty description="Chọn một đơn vị để xem phản hồi" />
          </Card>
        )
      )}
    </>
  );
}
