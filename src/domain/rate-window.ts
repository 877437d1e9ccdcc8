/**
 * A per-key request counter over fixed one-minute windows (the portal's per-IP limit). Bounded in
 * memory: when it holds `maxKeys` keys it drops those whose window has passed, and if none has, it
 * starts over (a flood of distinct addresses then costs the limit, never the process). Pure.
 */
export interface RateDecision {
  allowed: boolean;
  /** Seconds until the key's window ends (for Retry-After). */
  retryAfterSeconds: number;
  remaining: number;
}

export class RateWindow {
  private readonly hits = new Map<string, { start: number; count: number }>();

  constructor(
    readonly perMinute: number,
    private readonly maxKeys = 50_000,
    private readonly windowMs = 60_000,
  ) {}

  /** Counts one request of `key` at `nowMs`. A limit of 0 allows everything. */
  hit(key: string, nowMs: number): RateDecision {
    if (this.perMinute <= 0) return { allowed: true, retryAfterSeconds: 0, remaining: Infinity };
    let e = this.hits.get(key);
    if (!e || nowMs - e.start >= this.windowMs) {
      if (!e && this.hits.size >= this.maxKeys) this.prune(nowMs);
      e = { start: nowMs, count: 0 };
      this.hits.set(key, e);
    }
    e.count++;
    const retryAfterSeconds = Math.max(1, Math.ceil((e.start + this.windowMs - nowMs) / 1000));
    return {
      allowed: e.count <= this.perMinute,
      retryAfterSeconds,
      remaining: Math.max(0, this.perMinute - e.count),
    };
  }

  get size(): number {
    return this.hits.size;
  }

  private prune(nowMs: number): void {
    for (const [k, e] of this.hits) if (nowMs - e.start >= this.windowMs) this.hits.delete(k);
    if (this.hits.size >= this.maxKeys) this.hits.clear();
  }
}
