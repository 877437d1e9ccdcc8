import { api } from '../../api/client';
import type {
  Coverage,
  CreatePlanBody,
  LinksBody,
  PlanItemBody,
  PlanList,
  PlanView,
  UnitTaskList,
} from '../../shared/contract/plans';

export type {
  Coverage,
  CoverageCell,
  PlanItem,
  PlanSummary,
  PlanView,
  UnitTask,
} from '../../shared/contract/plans';
/** The body of POST /api/plans/:id/items. */
export type PlanItemInput = PlanItemBody;

const enc = encodeURIComponent;

export const fetchUnitTasks = (unitId: string, signal?: AbortSignal) =>
  api.get<UnitTaskList>(`/api/units/${enc(unitId)}/tasks`, undefined, signal);

export const fetchProgramPlans = (programId: string, signal?: AbortSignal) =>
  api.get<PlanList>(`/api/programs/${enc(programId)}/plans`, undefined, signal);

export const createPlan = (programId: string, input: CreatePlanBody) =>
  api.post<PlanView>(`/api/programs/${enc(programId)}/plans`, input);

export const fetchPlan = (planId: string, signal?: AbortSignal) =>
  api.get<PlanView>(`/api/plans/${enc(planId)}`, undefined, signal);

export const addPlanItem = (planId: string, input: PlanItemInput) =>
  api.post<PlanView>(`/api/plans/${enc(planId)}/items`, input);

export const setItemLinks = (nodeId: string, parentNodeIds: LinksBody['parentNodeIds']) =>
  api.put<PlanView>(`/api/tasks/${enc(nodeId)}/links`, { parentNodeIds });

export const fetchCoverage = (programId: string, signal?: AbortSignal) =>
  api.get<Coverage>(`/api/programs/${enc(programId)}/coverage`, undefined, signal);
