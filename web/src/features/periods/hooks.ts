import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  fetchConsolidation,
  fetchDashboard,
  fetchObstacles,
  fetchPeriod,
  fetchProgramPeriods,
  fetchReminders,
  fetchReportingRules,
  generateConsolidation,
  openPeriod,
  remindUnits,
  saveConsolidation,
  sweepReminders,
  updateObstacle,
  updatePeriod,
  type Consolidation,
  type ConsolidationInput,
  type MatrixFilter,
  type ObstacleFilters,
  type ObstacleInput,
  type OpenPeriodInput,
  type PeriodPatch,
} from './api';
import { auditKeys } from '../audit/hooks';
import { byId, useMutationThen } from '../../lib/query';

export const periodKeys = {
  all: ['periods'] as const,
  rules: () => [...periodKeys.all, 'rules'] as const,
  ofProgram: (programId: string) => [...periodKeys.all, 'of-program', programId] as const,
  details: (id: string) => [...periodKeys.all, 'detail', id] as const,
  detail: (id: string, filter: { status?: MatrixFilter; q?: string }) =>
    [...periodKeys.details(id), filter] as const,
  dashboard: (id: string) => [...periodKeys.all, 'dashboard', id] as const,
  reminders: (id: string) => [...periodKeys.all, 'reminders', id] as const,
  consolidation: (id: string) => [...periodKeys.all, 'consolidation', id] as const,
  obstacles: (programId: string, f: ObstacleFilters = {}) =>
    [...periodKeys.all, 'obstacles', programId, f] as const,
};

/** The reporting rules come from a configuration file: they do not change while the app runs. */
export function useReportingRules() {
  return useQuery({
    queryKey: periodKeys.rules(),
    queryFn: ({ signal }) => fetchReportingRules(signal),
    staleTime: 60 * 60_000,
  });
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

export function useDashboard(id: string) {
  return useQuery(byId(id, periodKeys.dashboard, fetchDashboard));
}

export function useObstacles(programId: string, f: ObstacleFilters) {
  return useQuery({
    queryKey: periodKeys.obstacles(programId, f),
    queryFn: ({ signal }) => fetchObstacles(programId, f, signal),
    enabled: !!programId,
    placeholderData: keepPreviousData,
  });
}

export function useReminders(periodId: string, enabled = true) {
  return useQuery(byId(periodId, periodKeys.reminders, fetchReminders, enabled));
}

export function useConsolidation(periodId: string) {
  return useQuery(byId(periodId, periodKeys.consolidation, fetchConsolidation));
}

/** Every reporting query may change after a write: periods, matrix, reminders, dashboard, audit. */
function useAfterPeriodChange() {
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

export function useRemind(periodId: string) {
  return useMutationThen(
    (obligationIds?: string[]) => remindUnits(periodId, obligationIds),
    useAfterPeriodChange(),
  );
}

export function useSweepReminders() {
  return useMutationThen(() => sweepReminders(), useAfterPeriodChange());
}

export function useUpdateObstacle() {
  return useMutationThen(
    ({ id, input }: { id: string; input: ObstacleInput }) => updateObstacle(id, input),
    useAfterPeriodChange(),
  );
}

function useAfterConsolidation(periodId: string) {
  const qc = useQueryClient();
  return (c: Consolidation) => {
    qc.setQueryData(periodKeys.consolidation(periodId), c);
    void qc.invalidateQueries({ queryKey: auditKeys.all });
  };
}

export function useGenerateConsolidation(periodId: string) {
  return useMutationThen(() => generateConsolidation(periodId), useAfterConsolidation(periodId));
}

export function useSaveConsolidation(periodId: string) {
  return useMutationThen(
    (input: ConsolidationInput) => saveConsolidation(periodId, input),
    useAfterConsolidation(periodId),
  );
}
