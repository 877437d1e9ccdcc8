import { api } from '../../api/client';
import type { Program, ProgramList } from '../../shared/contract/programs';

export type {
  Program,
  ProgramMention,
  ProgramNode,
  ProgramReference,
  ProgramResponsibility,
  ProgramSummary,
  ProgramTaskExtract,
} from '../../shared/contract/programs';

export const fetchPrograms = (signal?: AbortSignal) =>
  api.get<ProgramList>('/api/programs', undefined, signal);

export const fetchProgram = (id: string, signal?: AbortSignal) =>
  api.get<Program>(`/api/programs/${encodeURIComponent(id)}`, undefined, signal);
