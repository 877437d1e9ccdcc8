/** Bringing a piece of a scrolling panel into view, also when the panel is hidden at the time. */
import { useEffect, useRef } from 'react';

/**
 * Scrolls `el` into the upper third of `box` unless it is already well inside it. Returns false when
 * the box is hidden (an inactive tab), so the caller can try again once it shows.
 */
export function scrollWithin(box: HTMLElement, el: HTMLElement): boolean {
  const b = box.getBoundingClientRect();
  if (b.height === 0) return false;
  const r = el.getBoundingClientRect();
  const margin = Math.min(48, b.height / 4);
  if (r.top >= b.top + margin && r.bottom <= b.bottom - margin / 2) return true;
  box.scrollTo({ top: box.scrollTop + (r.top - b.top) - b.height / 4, behavior: 'smooth' });
  return true;
}

/**
 * Runs `attempt` now and, while it reports that the box is hidden, again whenever the box's size
 * changes (a tab shown, a panel opened).
 */
export function useScrollRequest(
  box: React.RefObject<HTMLElement | null>,
  request: unknown,
  attempt: (box: HTMLElement) => boolean,
) {
  const pending = useRef<(() => boolean) | null>(null);
  const latest = useRef(attempt);
  useEffect(() => {
    latest.current = attempt;
  });
  useEffect(() => {
    const el = box.current;
    if (!el || !request) return;
    const run = () => latest.current(el);
    pending.current = run() ? null : run;
  }, [box, request]);
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      if (pending.current && pending.current()) pending.current = null;
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [box]);
}
