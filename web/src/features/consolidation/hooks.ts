import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  consolidationStep,
  fetchConsolidation,
  fetchConsolidationVersions,
  type ApprovalStep,
  generateConsolidation,
  saveConsolidation,
  type Consolidation,
  type ConsolidationInput,
} from './api';
import { periodKeys } from '../periods/hooks';
import { auditKeys } from '../audit/hooks';
import { byId, useMutationThen } from '../../lib/query';

/** Under the period prefix: a change to a period (or a report) refreshes its consolidated report. */
export const consolidationKeys = {
  ofPeriod: (periodId: string) => [...periodKeys.all, 'consolidation', periodId] as const,
  versions: (periodId: string) => [...periodKeys.all, 'consolidation', periodId, 'versions'] as const,
};

export function useConsolidation(periodId: string) {
  return useQuery(byId(periodId, consolidationKeys.ofPeriod, fetchConsolidation));
}

function useAfterConsolidation(periodId: string) {
  const qc = useQueryClient();
  return (c: Consolidation) => {
    qc.setQueryData(consolidationKeys.ofPeriod(periodId), c);
    void qc.invalidateQueries({ queryKey: consolidationKeys.versions(periodId) });
    void qc.invalidateQueries({ queryKey: auditKeys.all });
  };
}

export function useGenerateConsolidation(periodId: string) {
  return useMutationThen(
    (version: number | undefined) => generateConsolidation(periodId, version),
    useAfterConsolidation(periodId),
  );
}

export function useSaveConsolidation(periodId: string) {
  return useMutationThen(
    (input: ConsolidationInput) => saveConsolidation(periodId, input),
    useAfterConsolidation(periodId),
  );
}

export function useConsolidationVersions(periodId: string) {
  return useQuery(byId(periodId, consolidationKeys.versions, fetchConsolidationVersions));
}

/** Send, return, approve or revise: the report comes back in its new status. */
export function useConsolidationStep(periodId: string) {
  return useMutationThen(
    (s: ApprovalStep) => consolidationStep(periodId, s),
    useAfterConsolidation(periodId),
  );
}
