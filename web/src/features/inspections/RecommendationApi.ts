/** Corrective actions on recommendations: the API, its queries and the shared words. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useMutationThen } from '../../lib/query';
import type {
  RecommendationDetail,
  RecommendationFilters,
  RecommendationList,
  RecommendationStep,
  RemediationDecisionInput,
  RemediationInput,
} from '../../shared/contract/recommendations';

export type {
  Recommendation,
  RecommendationCounts,
  RecommendationDetail,
  RecommendationFilters,
  RecommendationList,
  RemediationReport,
} from '../../shared/contract/recommendations';
export {
  RECOMMENDATION_STATUS_LABELS,
  type RecommendationStatus,
} from '../../shared/recommendations';

const enc = encodeURIComponent;

export const recommendationKeys = {
  all: ['recommendations'] as const,
  list: (f: RecommendationFilters) => [...recommendationKeys.all, 'list', f] as const,
  detail: (id: string) => [...recommendationKeys.all, 'detail', id] as const,
};

export function useRecommendations(f: RecommendationFilters, enabled = true) {
  return useQuery({
    queryKey: recommendationKeys.list(f),
    queryFn: ({ signal }) => api.get<RecommendationList>('/api/recommendations', { ...f }, signal),
    enabled,
  });
}

export function useRecommendation(id: string | undefined) {
  return useQuery({
    queryKey: recommendationKeys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      api.get<RecommendationDetail>(`/api/recommendations/${enc(id!)}`, undefined, signal),
    enabled: !!id,
  });
}

function useRefresh() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: recommendationKeys.all });
}

export function useSubmitRemediation() {
  return useMutationThen(
    ({ id, input }: { id: string; input: RemediationInput }) =>
      api.post<RecommendationStep>(`/api/recommendations/${enc(id)}/remediation`, input),
    useRefresh(),
  );
}

export function useDecideRemediation() {
  return useMutationThen(
    ({ id, input }: { id: string; input: RemediationDecisionInput }) =>
      api.post<RecommendationStep>(`/api/recommendations/${enc(id)}/decision`, input),
    useRefresh(),
  );
}
