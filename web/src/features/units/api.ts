import { api } from '../../api/client';
import type * as C from '../../shared/contract/units';

export type { UnitCsvLineError, UnitImportResult } from '../../shared/contract/units';
export type UnitContactPatch = C.UnitContactBody;
export type UnitListParams = C.UnitListQuery;
export type UnitPatch = C.UnitPatchBody;
/** Every field of a new unit, as the form fills them in (empty optional fields are then left out). */
export type UnitInput = Required<C.UnitCreateBody>;

export const UNITS_EXPORT_URL = '/api/units/export.csv';
/** The server caps `limit` at 1000; the tree view asks for everything in one page. */
export const UNITS_MAX_LIMIT = 1000;

export const fetchUnits = (p: C.UnitListQuery, signal?: AbortSignal) =>
  api.get<C.UnitPage>('/api/units', { ...p }, signal);

export const fetchUnit = (id: string, signal?: AbortSignal) =>
  api.get<C.Unit>(`/api/units/${encodeURIComponent(id)}`, undefined, signal);

export const fetchUnitMembers = (id: string, signal?: AbortSignal) =>
  api.get<C.UnitMembers>(`/api/units/${encodeURIComponent(id)}/members`, undefined, signal);

export const createUnit = (input: Partial<UnitInput>) => api.post<C.Unit>('/api/units', input);

export const updateUnit = (id: string, patch: C.UnitPatchBody) =>
  api.patch<C.Unit>(`/api/units/${encodeURIComponent(id)}`, patch);

export const updateUnitContact = (id: string, patch: C.UnitContactBody) =>
  api.patch<C.Unit>(`/api/units/${encodeURIComponent(id)}/contact`, patch);

export const importUnitsCsv = (csvText: string) =>
  api.postText<C.UnitImportResult>('/api/units/import', csvText, 'text/csv; charset=utf-8');
