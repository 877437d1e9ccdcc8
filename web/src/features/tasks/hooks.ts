import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  acceptSuggestions,
  bulkAssign,
  fetchMeter,
  fetchProgramTasks,
  fetchSuggestions,
  fetchTask,
  implementProgram,
  saveAssignment,
  type AssignmentInput,
  type BulkAssignmentBody,
  type SuggestionPart,
  type TaskDetail,
  type TaskListFilters,
} from './api';
import { planKeys, taskKeys } from './keys';
import { auditKeys } from '../audit/hooks';
import { byId, useMutationThen } from '../../lib/query';

export function useProgramTasks(programId: string, filters: TaskListFilters = {}, enabled = true) {
  return useQuery({
    queryKey: taskKeys.list(programId, filters),
    queryFn: ({ signal }) => fetchProgramTasks(programId, filters, signal),
    placeholderData: keepPreviousData,
    enabled: enabled && !!programId,
  });
}

export function useTask(nodeId: string) {
  return useQuery(byId(nodeId, taskKeys.detail, fetchTask));
}

export function useMeter(programId: string) {
  return useQuery(byId(programId, taskKeys.meter, fetchMeter));
}

/** Suggestions are read from the published document: they do not change. */
export function useSuggestions(programId: string, enabled = true) {
  return useQuery({
    ...byId(programId, taskKeys.suggestions, fetchSuggestions, enabled),
    staleTime: 10 * 60_000,
  });
}

/** After any assignment: task lists, the meter, unit tasks, coverage and the audit trail are stale. */
export function useAfterAssignmentChange() {
  const qc = useQueryClient();
  return (detail?: TaskDetail) => {
    if (detail) qc.setQueryData(taskKeys.detail(detail.task.nodeId), detail);
    void qc.invalidateQueries({
      queryKey: taskKeys.all,
      predicate: (q) => !detail || q.queryKey.join('/') !== taskKeys.detail(detail.task.nodeId).join('/'),
    });
    void qc.invalidateQueries({ queryKey: planKeys.all });
    void qc.invalidateQueries({ queryKey: auditKeys.all });
  };
}

export function useSaveAssignment(nodeId: string) {
  return useMutationThen(
    (input: AssignmentInput) => saveAssignment(nodeId, input),
    useAfterAssignmentChange(),
  );
}

export function useAcceptSuggestions(programId: string) {
  const after = useAfterAssignmentChange();
  return useMutation({
    mutationFn: (input: { nodeIds: string[]; parts: SuggestionPart[]; monitoring?: boolean }) =>
      acceptSuggestions(programId, input),
    onSuccess: () => after(),
  });
}

export function useImplementProgram(programId: string) {
  const after = useAfterAssignmentChange();
  return useMutation({
    mutationFn: (input: { plansDueDate?: string }) => implementProgram(programId, input),
    onSuccess: () => after(),
  });
}

export function useBulkAssign(programId: string) {
  const after = useAfterAssignmentChange();
  return useMutation({
    mutationFn: (input: BulkAssignmentBody) => bulkAssign(programId, input),
    onSuccess: () => after(),
  });
}
