/** The words of inspections, shared with the server (src/domain/supervision/kinds.ts). */
export {
  ANNOUNCEMENTS,
  INSPECTION_KINDS,
  INSPECTION_KIND_LABELS,
  INSPECTION_PLAN_STATUSES,
  INSPECTION_PLAN_STATUS_LABELS,
  RECOMMENDATION_STATUS_LABELS,
  type InspectionKind,
} from '../../../src/domain/supervision/kinds.ts';
