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

/** The assignment annex (Phụ lục phân công nhiệm vụ) as a file; its name comes from the server. */
export const annexUrl = (id: string, ext: 'docx' | 'xlsx') =>
  `/api/programs/${encodeURIComponent(id)}/annex.${ext}`;
