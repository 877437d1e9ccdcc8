import { Tag } from 'antd';
import {
  INSPECTION_KIND_LABELS,
  INSPECTION_PLAN_STATUS_LABELS,
  RECOMMENDATION_STATUS_LABELS,
  type InspectionKind,
} from '../../shared/inspections';
import type { InspectionConclusion, InspectionPlan, InspectionRecommendation } from './api';

const PLAN_COLORS: Record<InspectionPlan['status'], string> = {
  draft: 'default',
  active: 'blue',
  closed: 'green',
};
const CONCLUSION_LABELS: Record<InspectionConclusion['status'], { label: string; color: string }> = {
  draft: { label: 'Dự thảo', color: 'default' },
  issued: { label: 'Đã ban hành', color: 'green' },
  superseded: { label: 'Đã được thay thế', color: 'orange' },
};

export const kindLabel = (k: InspectionKind) => INSPECTION_KIND_LABELS[k].vi;

export const PlanStatusTag = ({ status }: { status: InspectionPlan['status'] }) => (
  <Tag color={PLAN_COLORS[status]} data-testid="inspection-status">
    {INSPECTION_PLAN_STATUS_LABELS[status]}
  </Tag>
);

export const ConclusionStatusTag = ({ status }: { status: InspectionConclusion['status'] }) => (
  <Tag color={CONCLUSION_LABELS[status].color}>{CONCLUSION_LABELS[status].label}</Tag>
);

export const RecommendationStatusTag = ({ status }: { status: InspectionRecommendation['status'] }) => (
  <Tag>{RECOMMENDATION_STATUS_LABELS[status]}</Tag>
);
