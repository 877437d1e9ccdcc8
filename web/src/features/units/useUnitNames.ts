import { useCallback, useMemo } from 'react';
import { useAllUnits } from './hooks';

/** Turns unit ids into names using the cached full directory (at most 1000 units). */
export function useUnitNames(enabled = true): (id: string) => string | undefined {
  const { data } = useAllUnits(enabled);
  const map = useMemo(() => new Map((data?.items ?? []).map((u) => [u.id, u.name])), [data]);
  return useCallback((id: string) => map.get(id), [map]);
}
