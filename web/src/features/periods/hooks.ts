import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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
  return useQuery({
    queryKey: periodKeys.ofProgram(programId),
    queryFn: ({ signal }) => fetchProgramPeriods(programId, signal),
    enabled: !!programId,
  });
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
  return useQuery({
    queryKey: periodKeys.dashboard(id),
    queryFn: ({ signal }) => fetchDashboard(id, signal),
    enabled: !!id,
  });
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
  return useQuery({
    queryKey: periodKeys.reminders(periodId),
    queryFn: ({ signal }) => fetchReminders(periodId, signal),
    enabled: enabled && !!periodId,
  });
}

export function useConsolidation(periodId: string) {
  return useQuery({
    queryKey: periodKeys.consolidation(periodId),
    queryFn: ({ signal }) => fetchConsolidation(periodId, signal),
    enabled: !!periodId,
  });
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
  const after = useAfterPeriodChange();
  return useMutation({
    mutationFn: (input: OpenPeriodInput) => openPeriod(programId, input),
    onSuccess: after,
  });
}

export function useUpdatePeriod(id: string) {
  const after = useAfterPeriodChange();
  return useMutation({
    mutationFn: (patch: PeriodPatch) => updatePeriod(id, patch),
    onSuccess: after,
  });
}

export function useRemind(periodId: string) {
  const after = useAfterPeriodChange();
  return useMutation({
    mutationFn: (obligationIds?: string[]) => remindUnits(periodId, obligationIds),
    onSuccess: after,
  });
}

export function useSweepReminders() {
  const after = useAfterPeriodChange();
  return useMutation({ mutationFn: () => sweepReminders(), onSuccess: after });
}

export function useUpdateObstacle() {
  const after = useAfterPeriodChange();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: ObstacleInput }) => updateObstacle(id, input),
    onSuccess: after,
  });
}

function useAfterConsolidation(periodId: string) {
  const qc = useQueryClient();
  return (c: Consolidation) => {
    qc.setQueryData(periodKeys.consolidation(periodId), c);
    void qc.invalidateQueries({ queryKey: auditKeys.all });
  };
}

export function useGenerateConsolidation(periodId: string) {
  const after = useAfterConsolidation(periodId);
  return useMutation({ mutationFn: () => generateConsolidation(periodId), onSuccess: after });
}

export function useSaveConsolidation(periodId: string) {
  const after = useAfterConsolidation(periodId);
  return useMutation({
    mutationFn: (input: ConsolidationInput) => saveConsolidation(periodId, input),
    onSuccess: after,
  });
}
