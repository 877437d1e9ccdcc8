import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { TaskListFilters } from '../tasks/api';
import { FIVE_CLEAR, isIsoDate, type Clear } from '../../shared/assignment';

/** Filters of the program's task list, kept in the address so they survive a reload and can be shared. */
const PARAMS: Record<keyof TaskListFilters, string> = {
  groupId: 'nhom',
  unitId: 'don-vi',
  role: 'vai-tro',
  missing: 'thieu',
  dueFrom: 'tu',
  dueTo: 'den',
  q: 'tim',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readTaskFilters(sp: URLSearchParams): TaskListFilters {
  const f: TaskListFilters = {};
  const get = (k: keyof TaskListFilters) => sp.get(PARAMS[k]) ?? '';
  if (UUID.test(get('groupId'))) f.groupId = get('groupId');
  if (UUID.test(get('unitId'))) f.unitId = get('unitId');
  const role = get('role');
  if (f.unitId && (role === 'lead' || role === 'cooperating')) f.role = role;
  const missing = get('missing');
  if ((FIVE_CLEAR as readonly string[]).includes(missing)) f.missing = missing as Clear;
  if (isIsoDate(get('dueFrom'))) f.dueFrom = get('dueFrom');
  if (isIsoDate(get('dueTo'))) f.dueTo = get('dueTo');
  const q = get('q').trim().slice(0, 200);
  if (q) f.q = q;
  return f;
}

export function hasTaskFilters(f: TaskListFilters): boolean {
  return Object.values(f).some((v) => v !== undefined && v !== '');
}

/** The current filters and a setter that merges a change (undefined removes a filter). */
export function useTaskFilters(): [
  TaskListFilters,
  (patch: Partial<TaskListFilters> | null, tab?: string) => void,
] {
  const [sp, setSp] = useSearchParams();
  const filters = useMemo(() => readTaskFilters(sp), [sp]);
  const set = useCallback(
    (patch: Partial<TaskListFilters> | null, tab?: string) =>
      setSp(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (patch === null) for (const p of Object.values(PARAMS)) next.delete(p);
          else
            for (const [k, v] of Object.entries(patch)) {
              const name = PARAMS[k as keyof TaskListFilters];
              if (v === undefined || v === null || v === '') next.delete(name);
              else next.set(name, String(v));
            }
          if (!next.get(PARAMS.unitId)) next.delete(PARAMS.role);
          if (tab) next.set('xem', tab);
          return next;
        },
        { replace: true },
      ),
    [setSp],
  );
  return [filters, set];
}
