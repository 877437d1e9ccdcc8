import { useCallback, useMemo } from 'react';
import { useAllUnits } from './hooks';
import type { Unit } from '../../api/types';

/** Turns unit ids into names using the cached full directory (at most 1000 units). */
export function useUnitNames(enabled = true): (id: string) => string | undefined {
  const { data } = useAllUnits(enabled);
  const map = useMemo(() => new Map((data?.items ?? []).map((u) => [u.id, u.name])), [data]);
  return useCallback((id: string) => map.get(id), [map]);
}

export interface UnitLookup {
  byId: (id: string) => Unit | undefined;
  byCode: (code: string) => Unit | undefined;
}

/** Units by id and by code from the cached full directory (for names in imported documents). */
export function useUnitLookup(enabled = true): UnitLookup {
  const { data } = useAllUnits(enabled);
  return useMemo(() => {
    const items = data?.items ?? [];
    const ids = new Map(items.map((u) => [u.id, u]));
    const codes = new Map(items.map((u) => [u.code, u]));
    return { byId: (id: string) => ids.get(id), byCode: (code: string) => codes.get(code) };
  }, [data]);
}
