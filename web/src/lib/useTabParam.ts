import { useSearchParams } from 'react-router';

/**
 * A page's tab in the address (`?xem=`), so that Back and a shared link return to it. The first tab
 * is the default and is left out of the address; `keepOthers: false` drops the other parameters.
 */
export function useTabParam<T extends string>(
  tabs: readonly T[],
  { keepOthers = true }: { keepOthers?: boolean } = {},
): [T, (t: string) => void] {
  const [sp, setSp] = useSearchParams();
  const first = tabs[0]!;
  const raw = sp.get('xem');
  const tab = (tabs as readonly string[]).includes(raw ?? '') ? (raw as T) : first;
  const setTab = (t: string) =>
    setSp(
      (prev) => {
        const next = new URLSearchParams(keepOthers ? prev : undefined);
        if (t === first) next.delete('xem');
        else next.set('xem', t);
        return next;
      },
      { replace: true },
    );
  return [tab, setTab];
}
