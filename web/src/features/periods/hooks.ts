import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  fetchPeriod,
  fetchProgramPeriods,
  fetchReportingRules,
  openPeriod,
  updatePeriod,
  type MatrixFilter,
  type OpenPeriodInput,
  type PeriodPatch,
} from './api';
import { auditKeys } from '../audit/hooks';
import { byId, useMutationThen } from '../../lib/query';

/**
 * Every reporting query's key starts with `periodKeys.all`: the period's dashboard, reminders,
 * consolidated report (`features/dashboard`, `reminders`, `consolidation`) and a program's
 * obstacles (`features/obstacles`) too, so invalidating `['periods']` refreshes them all.
 */
export const periodKeys = {
  all: ['periods'] as const,
  ofProgram: (programId: string) => [...periodKeys.all, 'of-program', programId] as const,
  details: (id: string) => [...periodKeys.all, 'detail', id] as const,
  detail: (id: string, filter: { status?: MatrixFilter; q?: string }) =>
    [...periodKeys.details(id), filter] as const,
};

/**
 * The reporting rules (`/api/reporting/rules`), for periods and reports alike. They come from the
 * server's configuration file and do not change while the app runs, so no write refreshes them.
 */
export const rulesQuery = {
  queryKey: ['reporting-rules'] as const,
  queryFn: ({ signal }: { signal?: AbortSignal }) => fetchReportingRules(signal),
  staleTime: Infinity,
};

export function useReportingRules() {
  return useQuery(rulesQuery);
}

export function useProgramPeriods(programId: string) {
  return useQuery(byId(programId, periodKeys.ofProgram, fetchProgramPeriods));
}

export function usePeriod(id: string, filter: { status?: MatrixFilter; q?: string } = {}) {
  return useQuery({
    queryKey: periodKeys.detail(id, filter),
    queryFn: ({ signal }) => fetchPeriod(id, filter, signal),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
}

/** Every reporting query may change after a write: periods, matrix, reminders, dashboard, audit. */
export function useAfterPeriodChange() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: periodKeys.all });
    void qc.invalidateQueries({ queryKey: auditKeys.all });
  };
}

export function useOpenPeriod(programId: string) {
  return useMutationThen((input: OpenPeriodInput) => openPeriod(programId, input), useAfterPeriodChange());
}

export function useUpdatePeriod(id: string) {
  return useMutationThen((patch: PeriodPatch) => updatePeriod(id, patch), useAfterPeriodChange());
}
