import { Card } from 'antd';
import { Link } from 'react-router';
import { ListTable } from '../../layout/ListTable';
import { useRecommendations } from './RecommendationApi';
import { recommendationColumns } from './RecommendationBits';

/**
 * The open recommendations after inspections of a unit (its page) or of a task (the task's page),
 * as far as the signed-in user may see them.
 */
export function RecommendationCard({ unitId, nodeId }: { unitId?: string; nodeId?: string }) {
  const q = useRecommendations({ open: true, unitId, nodeId });
  const rows = q.data?.items ?? [];
  return (
    <Card
      size="small"
      data-testid="recommendation-card"
      title={`Kiến nghị sau kiểm tra, giám sát chưa hoàn thành (${rows.length})`}
      extra={<Link to="/kien-nghi">Tất cả kiến nghị</Link>}
    >
      <ListTable
        rowKey="id"
        query={q}
        rows={rows}
        pageSize={5}
        columns={recommendationColumns(unitId ? ['unit'] : [])}
        empty="Không có kiến nghị nào cần khắc phục"
      />
    </Card>
  );
}
