import { api } from '../../api/client';
import type { Clear, Deadline, Focal, MeterSummary, Product, TaskView } from '../../shared/assignment';

export type { TaskView };
import type { ProgramTaskExtract } from '../programs/api';

/** `published`: tasks are being assigned; `implementing`: after "Triển khai" (a baseline is frozen). */
export type ProgramStatus = 'published' | 'implementing';

export interface TaskListFilters {
  groupId?: string;
  unitId?: string;
  role?: 'lead' | 'cooperating';
  missing?: Clear;
  dueFrom?: string;
  dueTo?: string;
  q?: string;
}

export interface TaskList {
  program: { id: string; title: string; status: ProgramStatus };
  items: TaskView[];
}

export type BaselineField = 'lead' | 'cooperating' | 'deadline' | 'products';

export interface BaselineEntry {
  leadUnitId: string | null;
  cooperatingUnitIds: string[];
  deadline: Deadline | null;
  dueDate: string | null;
  products: Product[];
}

export interface TaskDetail {
  task: TaskView;
  program: { id: string; title: string; status: ProgramStatus; source: string };
  source: { span: [number, number]; text: string };
  /** What the importer read in the task's text (null for items added to a unit plan). */
  extracted: ProgramTaskExtract | null;
  /** The assignment frozen at "Triển khai", or null before it. */
  baseline: BaselineEntry | null;
  changedFromBaseline: BaselineField[];
}

export interface AssignmentInput {
  version: number;
  leadUnitId: string | null;
  cooperatingUnitIds: string[];
  focal: Focal | null;
  deadline: Deadline | null;
  products: Product[];
  reason?: string | null;
}

export interface MeterView {
  program: MeterSummary;
  groups: { groupId: string | null; label: string | null; title: string | null; summary: MeterSummary }[];
  tasks: { nodeId: string; label: string; missing: Clear[] }[];
}

export interface UnitSuggestion {
  unitId: string;
  /** The words of the document the suggestion comes from. */
  source: string;
  /** `text`: named in the task itself; `responsibility`: matched to a duty in section III. */
  how: 'text' | 'responsibility';
}

export interface TaskSuggestion {
  nodeId: string;
  label: string;
  lead: UnitSuggestion | null;
  /** Two or more leads named in the text, for a person to choose. */
  leadChoices: UnitSuggestion[];
  cooperating: UnitSuggestion[];
  deadline: { deadline: Deadline; source: string } | null;
}

export interface ProgramSuggestions {
  tasks: TaskSuggestion[];
  monitoring: UnitSuggestion | null;
  bodies: { text: string; unitIds: string[]; labels: string[] }[];
}

export type SuggestionPart = 'lead' | 'cooperating' | 'deadline';

/** `details` of a 400 PROGRAM_INCOMPLETE. */
export interface IncompleteDetails {
  tasks: { nodeId: string; label: string; missing: Clear[] }[];
}

const enc = encodeURIComponent;

export const fetchProgramTasks = (programId: string, f: TaskListFilters, signal?: AbortSignal) =>
  api.get<TaskList>(`/api/programs/${enc(programId)}/tasks`, { ...f }, signal);

export const fetchTask = (nodeId: string, signal?: AbortSignal) =>
  api.get<TaskDetail>(`/api/tasks/${enc(nodeId)}`, undefined, signal);

export const saveAssignment = (nodeId: string, input: AssignmentInput) =>
  api.put<TaskDetail>(`/api/tasks/${enc(nodeId)}/assignment`, input);

export const fetchMeter = (programId: string, signal?: AbortSignal) =>
  api.get<MeterView>(`/api/programs/${enc(programId)}/meter`, undefined, signal);

export const fetchSuggestions = (programId: string, signal?: AbortSignal) =>
  api.get<ProgramSuggestions>(`/api/programs/${enc(programId)}/suggestions`, undefined, signal);

export const acceptSuggestions = (
  programId: string,
  input: { nodeIds: string[]; parts: SuggestionPart[]; monitoring?: boolean },
) => api.post<{ accepted: number }>(`/api/programs/${enc(programId)}/suggestions/accept`, input);

export const implementProgram = (programId: string, input: { plansDueDate?: string }) =>
  api.post<{ status: 'implementing'; tasks: number }>(`/api/programs/${enc(programId)}/implement`, input);
