import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createDirection,
  fetchDirections,
  followUp,
  type DirectionFilters,
  type DirectionInput,
} from './api';
import { useMutationThen } from '../../lib/query';

export const directionKeys = {
  all: ['directions'] as const,
  list: (f: DirectionFilters) => [...directionKeys.all, f] as const,
};

export function useDirections(f: DirectionFilters, enabled = true) {
  return useQuery({
    queryKey: directionKeys.list(f),
    queryFn: ({ signal }) => fetchDirections(f, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

function useAfterChange() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: directionKeys.all });
}

export function useCreateDirection() {
  return useMutationThen((input: DirectionInput) => createDirection(input), useAfterChange());
}

export function useFollowUp() {
  return useMutationThen(followUp, useAfterChange());
}
