/** The status tag and the table columns of recommendations, shared by the page and the cards. */
import { Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { formatIsoDate } from '../../lib/format';
import {
  RECOMMENDATION_STATUS_LABELS,
  type Recommendation,
  type RecommendationStatus,
} from './RecommendationApi';

const COLORS: Record<RecommendationStatus, string> = {
  open: 'blue',
  submitted: 'gold',
  returned: 'orange',
  closed: 'green',
};

export function RecommendationStatusTag({ r }: { r: Pick<Recommendation, 'status' | 'overdue'> }) {
  return (
    <>
      <Tag color={COLORS[r.status]}>{RECOMMENDATION_STATUS_LABELS[r.status]}</Tag>
      {r.overdue && <Tag color="red">Quá hạn</Tag>}
    </>
  );
}

/** The columns; `without` leaves out what the place already says (the unit on its page). */
export function recommendationColumns(without: ('unit' | 'body')[] = []): TableColumnsType<Recommendation> {
  const cols: TableColumnsType<Recommendation> = [
    {
      key: 'text',
      title: 'Kiến nghị',
      render: (_, r) => (
        <>
          <Link to={`/kien-nghi/${r.id}`}>{r.text}</Link>
          {r.expectedProduct && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              Sản phẩm: {r.expectedProduct}
            </Typography.Text>
          )}
        </>
      ),
    },
    ...(without.includes('unit')
      ? []
      : [{ key: 'unit', title: 'Đơn vị chịu trách nhiệm', dataIndex: 'responsibleUnitName' as const }]),
    ...(without.includes('body')
      ? []
      : [
          {
            key: 'body',
            title: 'Cơ quan kiểm tra, giám sát',
            render: (_: unknown, r: Recommendation) => (
              <>
                {r.bodyUnitName}
                {r.conclusionNumber && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    Kết luận số {r.conclusionNumber}
                  </Typography.Text>
                )}
              </>
            ),
          },
        ]),
    {
      key: 'task',
      title: 'Nhiệm vụ',
      render: (_, r) => (r.nodeId ? <Link to={`/nhiem-vu/${r.nodeId}`}>{r.taskLabel ?? 'Xem'}</Link> : '—'),
    },
    {
      key: 'due',
      title: 'Thời hạn',
      render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatIsoDate(r.dueDate)}</span>,
    },
    { key: 'status', title: 'Tình trạng', render: (_, r) => <RecommendationStatusTag r={r} /> },
  ];
  return cols;
}
