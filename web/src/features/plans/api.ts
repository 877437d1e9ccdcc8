import { api } from '../../api/client';
import type { Deadline } from '../../shared/assignment';
import type { ProgramStatus } from '../tasks/api';

export interface UnitTask {
  nodeId: string;
  label: string;
  text: string;
  role: 'lead' | 'cooperating';
  programId: string;
  programTitle: string;
  programStatus: ProgramStatus;
  dueDate: string | null;
  deadline: Deadline | null;
  /** The unit's own plan for this program, if it has written one. */
  planId: string | null;
}

export interface PlanSummary {
  id: string;
  unitId: string;
  title: string;
  createdAt: string;
}

export interface PlanItem {
  nodeId: string;
  label: string;
  text: string;
  dueDate: string | null;
  person: string | null;
  /** The tasks of the parent program this item carries out. */
  parentNodeIds: string[];
}

export interface PlanView {
  id: string;
  parentProgramId: string;
  unitId: string;
  title: string;
  items: PlanItem[];
  createdAt: string;
}

export interface PlanItemInput {
  text: string;
  parentNodeIds: string[];
  deadline?: Deadline | null;
  person?: string | null;
}

export interface CoverageCell {
  role: 'lead' | 'cooperating';
  /** The unit's plan has an item linked to this task. */
  covered: boolean;
}

export interface Coverage {
  units: { unitId: string; name: string; planId: string | null }[];
  rows: {
    nodeId: string;
    label: string;
    groupLabel: string | null;
    text: string;
    cells: Record<string, CoverageCell>;
  }[];
  gaps: {
    noLead: string[];
    leadNotCovered: { nodeId: string; unitId: string }[];
    unitsWithoutPlan: string[];
    plansOverdue: string[];
  };
  plansDueDate: string | null;
}

const enc = encodeURIComponent;

export const fetchUnitTasks = (unitId: string, signal?: AbortSignal) =>
  api.get<{ items: UnitTask[] }>(`/api/units/${enc(unitId)}/tasks`, undefined, signal);

export const fetchProgramPlans = (programId: string, signal?: AbortSignal) =>
  api.get<{ items: PlanSummary[] }>(`/api/programs/${enc(programId)}/plans`, undefined, signal);

export const createPlan = (programId: string, input: { unitId: string; title?: string }) =>
  api.post<PlanView>(`/api/programs/${enc(programId)}/plans`, input);

export const fetchPlan = (planId: string, signal?: AbortSignal) =>
  api.get<PlanView>(`/api/plans/${enc(planId)}`, undefined, signal);

export const addPlanItem = (planId: string, input: PlanItemInput) =>
  api.post<PlanView>(`/api/plans/${enc(planId)}/items`, input);

export const setItemLinks = (nodeId: string, parentNodeIds: string[]) =>
  api.put<PlanView>(`/api/tasks/${enc(nodeId)}/links`, { parentNodeIds });

export const fetchCoverage = (programId: string, signal?: AbortSignal) =>
  api.get<Coverage>(`/api/programs/${enc(programId)}/coverage`, undefined, signal);
