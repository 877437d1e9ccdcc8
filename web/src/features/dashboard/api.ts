/** The dashboard of a reporting period: reports received, progress rolled up by group and unit. */
import { api } from '../../api/client';
import type { Dashboard } from '../../shared/contract/dashboard';

export type { Dashboard, Rolled } from '../../shared/contract/dashboard';

const enc = encodeURIComponent;

export const fetchDashboard = (id: string, signal?: AbortSignal) =>
  api.get<Dashboard>(`/api/periods/${enc(id)}/dashboard`, undefined, signal);
