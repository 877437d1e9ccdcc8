/**
 * A background job inside the app: one pass every `seconds` (0 = off), the first soon after the
 * start, never two passes at once; the stop function waits for a pass under way.
 */
export interface JobLog {
  error(o: unknown, msg: string): void;
  info(o: unknown, msg: string): void;
}

export function startLoop<R>(
  seconds: number,
  firstAfterMs: number,
  pass: () => Promise<R>,
  report: { done(r: R): void; failed(e: unknown): void },
): () => Promise<void> {
  if (seconds <= 0) return async () => undefined;
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = pass()
      .then(report.done)
      .catch(report.failed)
      .finally(() => (running = null));
  };
  const timer = setInterval(tick, seconds * 1000);
  timer.unref();
  setTimeout(tick, firstAfterMs).unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
