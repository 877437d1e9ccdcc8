import { useQuery } from '@tanstack/react-query';
import { fetchHome } from './api';
import { periodKeys } from '../periods/hooks';

/** Under the period prefix: a change to a period or a report refreshes the overview. */
export const homeKeys = { overview: [...periodKeys.all, 'home'] as const };

export function useHome() {
  return useQuery({ queryKey: homeKeys.overview, queryFn: ({ signal }) => fetchHome(signal) });
}
