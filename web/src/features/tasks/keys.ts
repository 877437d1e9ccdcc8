import type { TaskListFilters } from './api';

/** Query keys of assignments and of unit plans (a change to one refreshes the other). */
export const taskKeys = {
  all: ['tasks'] as const,
  lists: () => [...taskKeys.all, 'list'] as const,
  list: (programId: string, filters: TaskListFilters) => [...taskKeys.lists(), programId, filters] as const,
  detail: (nodeId: string) => [...taskKeys.all, 'detail', nodeId] as const,
  meter: (programId: string) => [...taskKeys.all, 'meter', programId] as const,
  suggestions: (programId: string) => [...taskKeys.all, 'suggestions', programId] as const,
};

export const planKeys = {
  all: ['plans'] as const,
  unitTasks: (unitId: string) => [...planKeys.all, 'unit-tasks', unitId] as const,
  ofProgram: (programId: string) => [...planKeys.all, 'of-program', programId] as const,
  detail: (planId: string) => [...planKeys.all, 'detail', planId] as const,
  coverage: (programId: string) => [...planKeys.all, 'coverage', programId] as const,
};
