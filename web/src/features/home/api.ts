/** The start page's overview across programs, for the person signed in. */
import { api } from '../../api/client';
import type { HomeOverview } from '../../shared/contract/home';

export type {
  HomeConsolidation,
  HomeOverview,
  HomePeriod,
  HomeReport,
  HomeTask,
} from '../../shared/contract/home';

export const fetchHome = (signal?: AbortSignal) => api.get<HomeOverview>('/api/home', undefined, signal);
