import { useQuery } from '@tanstack/react-query';
import { fetchDashboard } from './api';
import { periodKeys } from '../periods/hooks';
import { byId } from '../../lib/query';

/** Under the period prefix: a change to a period (or a report) refreshes its dashboard. */
export const dashboardKeys = {
  ofPeriod: (periodId: string) => [...periodKeys.all, 'dashboard', periodId] as const,
};

export function useDashboard(id: string) {
  return useQuery(byId(id, dashboardKeys.ofPeriod, fetchDashboard));
}
