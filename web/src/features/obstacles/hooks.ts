import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchObstacles, updateObstacle, type ObstacleFilters, type ObstacleInput } from './api';
import { periodKeys, useAfterPeriodChange } from '../periods/hooks';
import { useMutationThen } from '../../lib/query';

/** Under the period prefix: a submitted report (or a period change) refreshes the register. */
export const obstacleKeys = {
  ofProgram: (programId: string, f: ObstacleFilters = {}) =>
    [...periodKeys.all, 'obstacles', programId, f] as const,
};

export function useObstacles(programId: string, f: ObstacleFilters) {
  return useQuery({
    queryKey: obstacleKeys.ofProgram(programId, f),
    queryFn: ({ signal }) => fetchObstacles(programId, f, signal),
    enabled: !!programId,
    placeholderData: keepPreviousData,
  });
}

export function useUpdateObstacle() {
  return useMutationThen(
    ({ id, input }: { id: string; input: ObstacleInput }) => updateObstacle(id, input),
    useAfterPeriodChange(),
  );
}
