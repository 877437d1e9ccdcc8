import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDebouncedValue } from './useDebouncedValue';

/**
 * Changes some parameters of the address in place (no new history entry): a value sets one, an
 * empty, null or undefined value removes it; the others are kept.
 */
export function usePatchSearchParams<P extends string = string>() {
  const [, setSp] = useSearchParams();
  return (changes: Partial<Record<P, string | null | undefined>>) =>
    setSp(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries<string | null | undefined>(changes)) {
          if (v === undefined || v === null || v === '') next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );
}

/**
 * The search box of a list whose search is in the address (`q`): what is typed is applied after a
 * pause, and the box follows the address when it changes from elsewhere (menu, Back).
 */
export function useSearchBox(q: string, apply: (q: string) => void, delayMs = 350) {
  const [search, setSearch] = useState(q);
  const debounced = useDebouncedValue(search.trim(), delayMs);
  const [prevQ, setPrevQ] = useState(q);
  if (q !== prevQ) {
    setPrevQ(q);
    if (q !== debounced) setSearch(q);
  }
  useEffect(() => {
    if (debounced !== q) apply(debounced);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only react to what the user typed
  }, [debounced]);
  return [search, setSearch] as const;
}
