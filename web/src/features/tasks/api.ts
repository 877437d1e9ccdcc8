import { api } from '../../api/client';
import type {
  Accepted,
  AcceptSuggestionsBody,
  AssignmentBody,
  BulkAssigned,
  BulkAssignmentBody,
  ImplementBody,
  Implemented,
  ProgramMeter,
  TaskDetail,
  TaskList,
  TaskListQuery,
} from '../../shared/contract/tasks';
import type { ProgramSuggestions } from '../../shared/assignment';

export type { ProgramSuggestions, TaskSuggestion, TaskView, UnitSuggestion } from '../../shared/assignment';
export type { ProgramStatus } from '../../shared/contract/programs';
export type {
  BaselineEntry,
  BaselineField,
  BulkAssignmentBody,
  BulkFailedDetails,
  TaskProblem,
  IncompleteDetails,
  SuggestionPart,
  TaskDetail,
  TaskList,
} from '../../shared/contract/tasks';
/** The body of PUT /api/tasks/:id/assignment. */
export type AssignmentInput = AssignmentBody;
export type TaskListFilters = TaskListQuery;
export type MeterView = ProgramMeter;

const enc = encodeURIComponent;

export const fetchProgramTasks = (programId: string, f: TaskListFilters, signal?: AbortSignal) =>
  api.get<TaskList>(`/api/programs/${enc(programId)}/tasks`, { ...f }, signal);

export const fetchTask = (nodeId: string, signal?: AbortSignal) =>
  api.get<TaskDetail>(`/api/tasks/${enc(nodeId)}`, undefined, signal);

export const saveAssignment = (nodeId: string, input: AssignmentInput) =>
  api.put<TaskDetail>(`/api/tasks/${enc(nodeId)}/assignment`, input);

export const fetchMeter = (programId: string, signal?: AbortSignal) =>
  api.get<ProgramMeter>(`/api/programs/${enc(programId)}/meter`, undefined, signal);

export const fetchSuggestions = (programId: string, signal?: AbortSignal) =>
  api.get<ProgramSuggestions>(`/api/programs/${enc(programId)}/suggestions`, undefined, signal);

export const acceptSuggestions = (programId: string, input: AcceptSuggestionsBody) =>
  api.post<Accepted>(`/api/programs/${enc(programId)}/suggestions/accept`, input);

export const implementProgram = (programId: string, input: ImplementBody) =>
  api.post<Implemented>(`/api/programs/${enc(programId)}/implement`, input);

export const bulkAssign = (programId: string, input: BulkAssignmentBody) =>
  api.post<BulkAssigned>(`/api/programs/${enc(programId)}/assignments/bulk`, input);
