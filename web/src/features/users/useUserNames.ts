import { useCallback, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { fetchUsers, type UserListParams } from './api';
import { userKeys } from './hooks';

const ALL: UserListParams = { active: 'all', limit: 500 };

/** Turns user ids into "Full name (username)" for administrators (only they may list users). */
export function useUserNames(enabled: boolean): (id: string) => string | undefined {
  const { data } = useQuery({
    queryKey: userKeys.list(ALL),
    queryFn: ({ signal }) => fetchUsers(ALL, signal),
    staleTime: 5 * 60_000,
    enabled,
  });
  const map = useMemo(
    () => new Map((data?.items ?? []).map((u) => [u.id, `${u.fullName} (${u.username})`])),
    [data],
  );
  return useCallback((id: string) => map.get(id), [map]);
}
