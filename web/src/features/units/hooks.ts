import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createUnit,
  fetchUnit,
  fetchUnitMembers,
  fetchUnits,
  importUnitsCsv,
  updateUnit,
  updateUnitContact,
  UNITS_MAX_LIMIT,
  type UnitContactPatch,
  type UnitInput,
  type UnitListParams,
  type UnitPatch,
} from './api';
import { auditKeys } from '../audit/hooks';
import type { Unit } from '../../api/types';
import { byId, useMutationThen } from '../../lib/query';
import { recordKeys } from '../../lib/queryKeys';

const unitRecordKeys = recordKeys<UnitListParams>('units');

export const unitKeys = {
  ...unitRecordKeys,
  members: (id: string) => [...unitRecordKeys.all, 'members', id] as const,
};

export function useUnits(params: UnitListParams, enabled = true) {
  return useQuery({
    queryKey: unitKeys.list(params),
    queryFn: ({ signal }) => fetchUnits(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Every unit (active or not), for the tree and for turning ids into names. Cached for a while. */
export function useAllUnits(enabled = true) {
  const params: UnitListParams = { active: 'all', limit: UNITS_MAX_LIMIT };
  return useQuery({
    queryKey: unitKeys.list(params),
    queryFn: ({ signal }) => fetchUnits(params, signal),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useUnit(id: string | undefined) {
  return useQuery(byId(id, unitKeys.detail, fetchUnit));
}

export function useUnitMembers(id: string, enabled = true) {
  return useQuery({
    queryKey: unitKeys.members(id),
    queryFn: ({ signal }) => fetchUnitMembers(id, signal),
    enabled,
  });
}

function useAfterUnitChange() {
  const qc = useQueryClient();
  return (unit?: Unit) => {
    if (unit) qc.setQueryData(unitKeys.detail(unit.id), unit);
    void qc.invalidateQueries({ queryKey: unitKeys.all });
    void qc.invalidateQueries({ queryKey: auditKeys.all });
  };
}

export function useCreateUnit() {
  return useMutationThen((input: Partial<UnitInput>) => createUnit(input), useAfterUnitChange());
}

export function useUpdateUnit() {
  return useMutationThen(
    ({ id, patch }: { id: string; patch: UnitPatch }) => updateUnit(id, patch),
    useAfterUnitChange(),
  );
}

export function useUpdateUnitContact() {
  return useMutationThen(
    ({ id, patch }: { id: string; patch: UnitContactPatch }) => updateUnitContact(id, patch),
    useAfterUnitChange(),
  );
}

export function useImportUnits() {
  const after = useAfterUnitChange();
  return useMutationThen(
    (csv: string) => importUnitsCsv(csv),
    () => after(),
  );
}
