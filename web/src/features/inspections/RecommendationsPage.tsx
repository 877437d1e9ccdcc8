import { useState } from 'react';
import { Card, Checkbox, Col, Flex, Row, Select, Statistic } from 'antd';
import { PageHeader } from '../../layout/PageHeader';
import { ListTable } from '../../layout/ListTable';
import { useMe } from '../auth/hooks';
import { UnitSelect } from '../units/UnitSelect';
import {
  RECOMMENDATION_STATUS_LABELS,
  useRecommendations,
  type RecommendationFilters,
  type RecommendationStatus,
} from './RecommendationApi';
import { recommendationColumns } from './RecommendationBits';

const SCOPE_TEXT: Record<string, string> = {
  unit: 'Các kiến nghị sau kiểm tra, giám sát mà đơn vị phải khắc phục và báo cáo kết quả.',
  supervisor:
    'Các kiến nghị trong kết luận của cơ quan mình; xem xét, chấp nhận hoặc trả lại báo cáo khắc phục.',
};

/** "Kiến nghị cần khắc phục": the unit's own, the body's, or every one, with filters. */
export default function RecommendationsPage() {
  const me = useMe();
  const [f, setF] = useState<RecommendationFilters>(me.role === 'unit' ? { open: true } : {});
  const q = useRecommendations(f);
  const c = q.data?.counts;
  const stat = (title: string, value: number | undefined, color?: string) => (
    <Col xs={12} md={6}>
      <Card size="small">
        <Statistic
          title={title}
          value={value ?? 0}
          styles={{ content: { color: value ? color : undefined } }}
        />
      </Card>
    </Col>
  );
  return (
    <>
      <PageHeader
        title="Kiến nghị cần khắc phục"
        subTitle={SCOPE_TEXT[me.role] ?? 'Mọi kiến nghị sau kiểm tra, giám sát và tình hình khắc phục.'}
      />
      <Flex vertical gap={16}>
        <Row gutter={[12, 12]} data-testid="recommendation-counts">
          {stat('Chưa hoàn thành', c?.open, '#d46b08')}
          {stat('Quá hạn', c?.overdue, '#cf1322')}
          {stat('Chờ xem xét', c?.submitted, '#d48806')}
          {stat('Đã hoàn thành', c?.closed, '#389e0d')}
        </Row>
        <Card size="small">
          <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
            <Select<RecommendationStatus | undefined>
              aria-label="Tình trạng"
              placeholder="Mọi tình trạng"
              allowClear
              style={{ minWidth: 200 }}
              value={f.status}
              onChange={(status) => setF({ ...f, status })}
              options={Object.entries(RECOMMENDATION_STATUS_LABELS).map(([value, label]) => ({
                value,
                label,
              }))}
            />
            {me.role !== 'unit' && (
              <UnitSelect
                id="recommendation-unit"
                placeholder="Đơn vị chịu trách nhiệm"
                style={{ minWidth: 280 }}
                value={f.unitId ?? null}
                onChange={(unitId) => setF({ ...f, unitId: unitId ?? undefined })}
              />
            )}
            <Checkbox
              checked={!!f.open}
              onChange={(e) => setF({ ...f, open: e.target.checked || undefined })}
            >
              Chưa hoàn thành
            </Checkbox>
            <Checkbox
              checked={!!f.overdue}
              onChange={(e) => setF({ ...f, overdue: e.target.checked || undefined })}
            >
              Quá hạn
            </Checkbox>
          </Flex>
          <ListTable
            data-testid="recommendations"
            rowKey="id"
            query={q}
            rows={q.data?.items ?? []}
            columns={recommendationColumns(me.role === 'unit' ? ['unit'] : [])}
            empty="Không có kiến nghị nào"
          />
        </Card>
      </Flex>
    </>
  );
}
