/** The words of recommendations and their remediation, shared with the server. */
export {
  RECOMMENDATION_STATUS_LABELS,
  type RecommendationStatus,
} from '../../../src/domain/supervision/kinds.ts';
