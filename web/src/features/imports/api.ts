import { api } from '../../api/client';
import type {
  DraftList,
  DraftStatus,
  HeadingBody,
  ImportDraft,
  ProposedUnitsBody,
  ProposedUnitsResult,
  PublishResult,
} from '../../shared/contract/imports';
import type { EditOp } from '../../shared/importer';

export type {
  DraftStats,
  DraftStatus,
  DraftSummary,
  HeadingBody,
  ImportDraft,
  ProposedUnitsBody,
} from '../../shared/contract/imports';
export type { EditableKind, EditOp } from '../../shared/importer';

/** The server's limit for an uploaded or pasted document. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const IMPORT_EXTENSIONS = ['.txt', '.md', '.docx', '.pdf'];

const path = (id: string) => `/api/imports/${encodeURIComponent(id)}`;

export const fetchImports = (status: DraftStatus | undefined, signal?: AbortSignal) =>
  api.get<DraftList>('/api/imports', { status }, signal);

export const fetchImport = (id: string, signal?: AbortSignal) =>
  api.get<ImportDraft>(path(id), undefined, signal);

export const importPastedText = (text: string, filename?: string) =>
  api.post<ImportDraft>('/api/imports', { text, ...(filename ? { filename } : {}) });

/** A unit's own implementation plan: the program it implements and the unit. */
export interface PlanTarget {
  parentProgramId: string;
  ownerUnitId: string;
}

/**
 * Uploads a file; the server answers at once with the draft in status `reading` and reads it in the
 * background (a long .docx, a scan read by OCR): the draft page shows its progress.
 */
export const importFile = (file: File, plan?: PlanTarget) =>
  api.postBytes<ImportDraft>('/api/imports', file, { filename: file.name, background: true, ...plan });

export const editImport = (id: string, version: number, op: EditOp) =>
  api.post<ImportDraft>(`${path(id)}/edits`, { version, op });

export const publishImport = (id: string, version: number) =>
  api.post<PublishResult>(`${path(id)}/publish`, { version });

export const discardImport = (id: string, version: number) =>
  api.post<ImportDraft>(`${path(id)}/discard`, { version });

export const editImportHeading = (id: string, body: HeadingBody) =>
  api.put<ImportDraft>(`${path(id)}/heading`, body);

/** Creates the proposed units kept by the person and maps the draft's bodies to them. */
export const createProposedUnits = (id: string, body: ProposedUnitsBody) =>
  api.post<ProposedUnitsResult>(`${path(id)}/proposed-units`, body);
