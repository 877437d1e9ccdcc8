import { api } from '../../api/client';
import type { ActiveFilter, Page, Unit, UnitKind, UserSummary } from '../../api/types';

export interface UnitListParams {
  q?: string;
  kind?: UnitKind;
  active?: ActiveFilter;
  parentId?: string;
  limit?: number;
  offset?: number;
}

export interface UnitInput {
  code: string;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  parentId: string | null;
  active: boolean;
  email: string | null;
  phone: string | null;
  address: string | null;
}

export type UnitPatch = Partial<UnitInput> & { version: number };

export interface UnitContactPatch {
  version: number;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
}

export interface UnitImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

export interface UnitCsvLineError {
  line: number;
  code: string;
  message: string;
}

export const UNITS_EXPORT_URL = '/api/units/export.csv';
/** The server caps `limit` at 1000; the tree view asks for everything in one page. */
export const UNITS_MAX_LIMIT = 1000;

export const fetchUnits = (p: UnitListParams, signal?: AbortSignal) =>
  api.get<Page<Unit>>('/api/units', { ...p }, signal);

export const fetchUnit = (id: string, signal?: AbortSignal) =>
  api.get<Unit>(`/api/units/${encodeURIComponent(id)}`, undefined, signal);

export const fetchUnitMembers = (id: string, signal?: AbortSignal) =>
  api.get<{ items: UserSummary[] }>(`/api/units/${encodeURIComponent(id)}/members`, undefined, signal);

export const createUnit = (input: Partial<UnitInput>) => api.post<Unit>('/api/units', input);

export const updateUnit = (id: string, patch: UnitPatch) =>
  api.patch<Unit>(`/api/units/${encodeURIComponent(id)}`, patch);

export const updateUnitContact = (id: string, patch: UnitContactPatch) =>
  api.patch<Unit>(`/api/units/${encodeURIComponent(id)}/contact`, patch);

export const importUnitsCsv = (csvText: string) =>
  api.postText<UnitImportResult>('/api/units/import', csvText, 'text/csv; charset=utf-8');
