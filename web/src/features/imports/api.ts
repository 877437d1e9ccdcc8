import { api } from '../../api/client';
import type { NodeKind, ParsedDocument } from '../../shared/importer';

export type DraftStatus = 'draft' | 'published' | 'discarded';

export interface DraftStats {
  sections: number;
  nodes: number;
  tasks: number;
  responsibilities: number;
  references: number;
  warnings: number;
  unmatchedBodies: number;
}

/** A draft: the normalised source and its parsed structure (every span points into `source`). */
export interface ImportDraft {
  id: string;
  status: DraftStatus;
  filename: string | null;
  format: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  programId: string | null;
  source: string;
  doc: Omit<ParsedDocument, 'source'>;
  /** Named bodies mapped by hand: folded name → unit code ('' = no unit). */
  bodyMap: Record<string, string>;
  stats: DraftStats;
}

export interface DraftSummary {
  id: string;
  status: DraftStatus;
  filename: string | null;
  format: string;
  title: string | null;
  docKind: string | null;
  programId: string | null;
  updatedAt: string;
  stats: DraftStats;
}

export type EditableKind = Exclude<NodeKind, 'table' | 'row'>;

export type EditOp =
  | { op: 'setKind'; nodeId: string; kind: EditableKind }
  | { op: 'merge'; nodeId: string }
  | { op: 'split'; nodeId: string; at: number }
  | { op: 'indent'; nodeId: string }
  | { op: 'outdent'; nodeId: string }
  | { op: 'mapBody'; text: string; unitCode: string | null };

/** The server's limit for an uploaded or pasted document. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const IMPORT_EXTENSIONS = ['.txt', '.md', '.docx'];

const path = (id: string) => `/api/imports/${encodeURIComponent(id)}`;

export const fetchImports = (status: DraftStatus | undefined, signal?: AbortSignal) =>
  api.get<{ items: DraftSummary[] }>('/api/imports', { status }, signal);

export const fetchImport = (id: string, signal?: AbortSignal) =>
  api.get<ImportDraft>(path(id), undefined, signal);

export const importPastedText = (text: string, filename?: string) =>
  api.post<ImportDraft>('/api/imports', { text, ...(filename ? { filename } : {}) });

export const importFile = (file: File) =>
  api.postBytes<ImportDraft>('/api/imports', file, { filename: file.name });

export const editImport = (id: string, version: number, op: EditOp) =>
  api.post<ImportDraft>(`${path(id)}/edits`, { version, op });

export const publishImport = (id: string, version: number) =>
  api.post<{ programId: string; draft: ImportDraft }>(`${path(id)}/publish`, { version });

export const discardImport = (id: string, version: number) =>
  api.post<ImportDraft>(`${path(id)}/discard`, { version });
