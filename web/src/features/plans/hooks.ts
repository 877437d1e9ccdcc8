import { useQuery, useQueryClient } from '@tanstack/react-query';
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
import { byId, useMutationThen } from '../../lib/query';

export function useUnitTasks(unitId: string | null | undefined) {
  return useQuery(byId(unitId, planKeys.unitTasks, fetchUnitTasks));
}

export function useProgramPlans(programId: string) {
  return useQuery(byId(programId, planKeys.ofProgram, fetchProgramPlans));
}

export function usePlan(planId: string | null | undefined) {
  return useQuery(byId(planId, planKeys.detail, fetchPlan));
}

export function useCoverage(programId: string, enabled = true) {
  return useQuery(byId(programId, planKeys.coverage, fetchCoverage, enabled));
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
  return useMutationThen(
    (input: { unitId: string; title?: string }) => createPlan(programId, input),
    useAfterPlanChange(),
  );
}

export function useAddPlanItem(planId: string) {
  return useMutationThen((input: PlanItemInput) => addPlanItem(planId, input), useAfterPlanChange());
}

export function useSetItemLinks() {
  return useMutationThen(
    ({ nodeId, parentNodeIds }: { nodeId: string; parentNodeIds: string[] }) =>
      setItemLinks(nodeId, parentNodeIds),
    useAfterPlanChange(),
  );
}
