import { useQuery } from '@tanstack/react-query';
import { fetchReview } from './api';

export const reviewKeys = {
  all: ['review'] as const,
  of: (programId: string, year: number) => ['review', programId, year] as const,
};

export function useReview(programId: string | undefined, year: number) {
  return useQuery({
    queryKey: reviewKeys.of(programId ?? '', year),
    queryFn: ({ signal }) => fetchReview(programId!, year, signal),
    enabled: !!programId,
  });
}
