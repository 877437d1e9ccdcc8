import { useMutation, type QueryKey } from '@tanstack/react-query';

/**
 * The query of one thing by its id (or of what belongs to it), waiting until the id is known and
 * `enabled`. Spread it to add options: `useQuery({ ...byId(id, keys.detail, fetchIt), staleTime })`.
 */
export function byId<T, K extends QueryKey>(
  id: string | null | undefined,
  key: (id: string) => K,
  fetch: (id: string, signal: AbortSignal) => Promise<T>,
  enabled = true,
) {
  return {
    queryKey: key(id ?? ''),
    queryFn: ({ signal }: { signal: AbortSignal }) => fetch(id!, signal),
    enabled: enabled && !!id,
  };
}

/** A mutation that, once it succeeds, refreshes what it made stale (`after`, the feature's own). */
export function useMutationThen<TData, TVars = void>(
  mutationFn: (vars: TVars) => Promise<TData>,
  after: (data: NoInfer<TData>) => void,
) {
  return useMutation({ mutationFn, onSuccess: (data: TData) => after(data) });
}
