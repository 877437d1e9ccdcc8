import { Card, Col, Flex, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import type { RecommendationCounts } from './RecommendationApi';

/** The dashboard's figures on the program's recommendations after inspections. */
export function RecommendationDashboardCard({ counts }: { counts: RecommendationCounts }) {
  return (
    <Col xs={24} md={16} xl={12}>
      <Card size="small" data-testid="dashboard-recommendations" style={{ height: '100%' }}>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          <Link to="/kien-nghi">Kiến nghị sau kiểm tra, giám sát</Link>
        </Typography.Text>
        <Flex gap={24} wrap>
          <Statistic
            title="Chưa hoàn thành"
            value={counts.open}
            styles={{ content: { color: counts.open ? '#d46b08' : undefined } }}
          />
          <Statistic
            title="Quá hạn"
            value={counts.overdue}
            styles={{ content: { color: counts.overdue ? '#cf1322' : undefined } }}
          />
          <Statistic title="Đã hoàn thành" value={counts.closed} styles={{ content: { color: '#389e0d' } }} />
        </Flex>
      </Card>
    </Col>
  );
}
