import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  addPlanItem,
  createPlan,
  fetchCoverage,
  fetchPlan,
  fetchProgramPlans,
  fetchUnitTasks,
  setItemLinks,
  type PlanItemInput,
  type PlanView,
} from './api';
import { planKeys, taskKeys } from '../tasks/keys';
import { auditKeys } from '../audit/hooks';

export function useUnitTasks(unitId: string | null | undefined) {
  return useQuery({
    queryKey: planKeys.unitTasks(unitId ?? ''),
    queryFn: ({ signal }) => fetchUnitTasks(unitId!, signal),
    enabled: !!unitId,
  });
}

export function useProgramPlans(programId: string) {
  return useQuery({
    queryKey: planKeys.ofProgram(programId),
    queryFn: ({ signal }) => fetchProgramPlans(programId, signal),
    enabled: !!programId,
  });
}

export function usePlan(planId: string | null | undefined) {
  return useQuery({
    queryKey: planKeys.detail(planId ?? ''),
    queryFn: ({ signal }) => fetchPlan(planId!, signal),
    enabled: !!planId,
  });
}

export function useCoverage(programId: string, enabled = true) {
  return useQuery({
    queryKey: planKeys.coverage(programId),
    queryFn: ({ signal }) => fetchCoverage(programId, signal),
    enabled: enabled && !!programId,
  });
}

function useAfterPlanChange() {
  const qc = useQueryClient();
  return (plan: PlanView) => {
    qc.setQueryData(planKeys.detail(plan.id), plan);
    void qc.invalidateQueries({
      queryKey: planKeys.all,
      predicate: (q) => q.queryKey.join('/') !== planKeys.detail(plan.id).join('/'),
    });
    // A plan's items are tasks of the plan (a program of its own).
    void qc.invalidateQueries({ queryKey: taskKeys.all });
    void qc.invalidateQueries({ queryKey: auditKeys.all });
  };
}

export function useCreatePlan(programId: string) {
  const after = useAfterPlanChange();
  return useMutation({
    mutationFn: (input: { unitId: string; title?: string }) => createPlan(programId, input),
    onSuccess: after,
  });
}

export function useAddPlanItem(planId: string) {
  const after = useAfterPlanChange();
  return useMutation({
    mutationFn: (input: PlanItemInput) => addPlanItem(planId, input),
    onSuccess: after,
  });
}

export function useSetItemLinks() {
  const after = useAfterPlanChange();
  return useMutation({
    mutationFn: ({ nodeId, parentNodeIds }: { nodeId: string; parentNodeIds: string[] }) =>
      setItemLinks(nodeId, parentNodeIds),
    onSuccess: after,
  });
}
