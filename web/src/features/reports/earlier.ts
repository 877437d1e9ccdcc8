/**
 * A unit's earlier reports: the accepted report a new period's draft starts from (copy forward), the
 * obstacles still open, the unit's feedback page and a task's accepted progress.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  CopyForwardResult,
  EarlierReports,
  TaskReporting,
  UnitFeedback,
} from '../../shared/contract/feedback';
import { reportKeys } from './hooks';
import { auditKeys } from '../audit/hooks';
import { byId } from '../../lib/query';

export type {
  AcceptedProgress,
  AcceptedReport,
  EarlierReports,
  ReportHistory,
  ReviewStep,
  TaskReporting,
  UnitFeedback,
} from '../../shared/contract/feedback';

const enc = encodeURIComponent;

export const fetchEarlier = (id: string, signal?: AbortSignal) =>
  api.get<EarlierReports>(`/api/reports/${enc(id)}/earlier`, undefined, signal);

export const copyForward = (id: string, version: number) =>
  api.post<CopyForwardResult>(`/api/reports/${enc(id)}/copy-forward`, { version });

export const fetchUnitFeedback = (unitId: string, signal?: AbortSignal) =>
  api.get<UnitFeedback>(`/api/units/${enc(unitId)}/feedback`, undefined, signal);

export const fetchTaskReporting = (nodeId: string, signal?: AbortSignal) =>
  api.get<TaskReporting>(`/api/tasks/${enc(nodeId)}/reporting`, undefined, signal);

/** Under the reports' prefix: a save, submission or review refreshes them all. */
export const earlierKeys = {
  ofReport: (id: string) => [...reportKeys.all, 'earlier', id] as const,
  feedback: (unitId: string) => [...reportKeys.all, 'feedback', unitId] as const,
  task: (nodeId: string) => [...reportKeys.all, 'task', nodeId] as const,
};

export function useEarlierReports(id: string) {
  return useQuery(byId(id, earlierKeys.ofReport, fetchEarlier));
}

export function useUnitFeedback(unitId: string | null | undefined) {
  return useQuery(byId(unitId, earlierKeys.feedback, fetchUnitFeedback));
}

export function useTaskReporting(nodeId: string, enabled: boolean) {
  return useQuery(byId(nodeId, earlierKeys.task, fetchTaskReporting, enabled));
}

/** Copies forward, then waits for the report and its earlier reports to be fetched again. */
export function useCopyForward(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => copyForward(id, version),
    onSuccess: async () => {
      void qc.invalidateQueries({ queryKey: auditKeys.all });
      void qc.invalidateQueries({ queryKey: ['periods'] });
      await qc.invalidateQueries({ queryKey: reportKeys.all });
    },
  });
}
