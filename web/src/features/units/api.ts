import { api } from '../../api/client';
import type {
  UnitContactBody,
  UnitCreateBody,
  UnitImportResult,
  UnitListQuery,
  UnitMembers,
  UnitPage,
  Unit,
  UnitPatchBody,
} from '../../shared/contract/units';

export type { UnitCsvLineError, UnitImportResult } from '../../shared/contract/units';
export type {
  UnitContactBody as UnitContactPatch,
  UnitListQuery as UnitListParams,
  UnitPatchBody as UnitPatch,
};
/** Every field of a new unit, as the form fills them in (empty optional fields are then left out). */
export type UnitInput = Required<UnitCreateBody>;

export const UNITS_EXPORT_URL = '/api/units/export.csv';
/** The server caps `limit` at 1000; the tree view asks for everything in one page. */
export const UNITS_MAX_LIMIT = 1000;

export const fetchUnits = (p: UnitListQuery, signal?: AbortSignal) =>
  api.get<UnitPage>('/api/units', { ...p }, signal);

export const fetchUnit = (id: string, signal?: AbortSignal) =>
  api.get<Unit>(`/api/units/${encodeURIComponent(id)}`, undefined, signal);

export const fetchUnitMembers = (id: string, signal?: AbortSignal) =>
  api.get<UnitMembers>(`/api/units/${encodeURIComponent(id)}/members`, undefined, signal);

export const createUnit = (input: Partial<UnitInput>) => api.post<Unit>('/api/units', input);

export const updateUnit = (id: string, patch: UnitPatchBody) =>
  api.patch<Unit>(`/api/units/${encodeURIComponent(id)}`, patch);

export const updateUnitContact = (id: string, patch: UnitContactBody) =>
  api.patch<Unit>(`/api/units/${encodeURIComponent(id)}/contact`, patch);

export const importUnitsCsv = (csvText: string) =>
  api.postText<UnitImportResult>('/api/units/import', csvText, 'text/csv; charset=utf-8');
