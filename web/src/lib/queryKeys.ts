/**
 * The query keys of a feature whose records are listed and opened one by one, all under `[root]`:
 * `list(params)` (one key per set of filters) below `lists()`, `detail(id)` below `details()`.
 * Invalidating `all`, `lists()` or `details()` refreshes everything, every list or every record.
 */
export function recordKeys<ListParams = void>(root: string) {
  const all = [root] as const;
  const lists = () => [...all, 'list'] as const;
  const details = () => [...all, 'detail'] as const;
  return {
    all,
    lists,
    list: (params: ListParams) => [...lists(), params] as const,
    details,
    detail: (id: string) => [...details(), id] as const,
  };
}
