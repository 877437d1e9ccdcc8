import { useQuery } from '@tanstack/react-query';
import { fetchProgram, fetchPrograms } from './api';
import { byId } from '../../lib/query';
import { recordKeys } from '../../lib/queryKeys';

export const programKeys = recordKeys('programs');

export function usePrograms() {
  return useQuery({ queryKey: programKeys.lists(), queryFn: ({ signal }) => fetchPrograms(signal) });
}

/** A published program does not change, so it is kept for a while. */
export function useProgram(id: string | undefined) {
  return useQuery({ ...byId(id, programKeys.detail, fetchProgram), staleTime: 5 * 60_000 });
}
