import { describe, expect, it } from 'vitest';
import { RateWindow } from './rate-window.js';

describe('RateWindow', () => {
  it('allows the limit per minute and per key, then refuses until the window ends', () => {
    const w = new RateWindow(3);
    const t0 = 1_000_000;
    expect([1, 2, 3].map((i) => w.hit('a', t0 + i).allowed)).toEqual([true, true, true]);
    const refused = w.hit('a', t0 + 10_000);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBe(51); // the window began at t0 + 1
    expect(w.hit('b', t0 + 10_000).allowed).toBe(true);
    expect(w.hit('a', t0 + 60_001).allowed).toBe(true);
  });

  it('0 disables the limit', () => {
    const w = new RateWindow(0);
    for (let i = 0; i < 1000; i++) expect(w.hit('a', i).allowed).toBe(true);
  });

  it('stays bounded under a flood of distinct keys', () => {
    const w = new RateWindow(5, 100);
    for (let i = 0; i < 10_000; i++) w.hit(`ip${i}`, 1000);
    expect(w.size).toBeLessThanOrEqual(100);
    // Old windows are dropped first.
    const v = new RateWindow(5, 10);
    for (let i = 0; i < 10; i++) v.hit(`old${i}`, 0);
    v.hit('new', 61_000);
    expect(v.size).toBe(1);
  });
});
