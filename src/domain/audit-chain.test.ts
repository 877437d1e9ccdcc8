import { describe, expect, it } from 'vitest';
import { ChainVerifier, GENESIS_HASH, canonicalJson, hashEvent, type ChainEvent } from './audit-chain.js';

function chain(n: number): ChainEvent[] {
  const out: ChainEvent[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const c = {
      seq: i,
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      actorId: null,
      actorLabel: 'system:test',
      action: 'unit.update',
      entityType: 'unit',
      entityId: `u${i}`,
      before: { name: 'cũ', n: i },
      after: { name: 'mới', n: i },
      requestId: null,
      ip: null,
    };
    const hash = hashEvent(prev, c);
    out.push({ ...c, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

function verify(events: ChainEvent[]) {
  const v = new ChainVerifier();
  for (const e of events) {
    const b = v.push(e);
    if (b) return b;
  }
  return { ok: v.count };
}

describe('audit hash chain', () => {
  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });
  it('verifies an intact chain', () => {
    expect(verify(chain(10))).toEqual({ ok: 10 });
  });
  it('names an edited event', () => {
    const c = chain(10);
    c[4] = { ...c[4]!, after: { name: 'giả mạo', n: 5 } };
    expect(verify(c)).toEqual({ seq: 5, reason: 'content' });
  });
  it('names the event after a deleted one', () => {
    const c = chain(10);
    c.splice(6, 1);
    expect(verify(c)).toEqual({ seq: 8, reason: 'sequence' });
  });
  it('detects a re-hashed forgery by its broken link', () => {
    const c = chain(5);
    const forged = { ...c[2]!, actorLabel: 'kẻ giả mạo' };
    forged.hash = hashEvent(forged.prevHash, forged);
    c[2] = forged;
    expect(verify(c)).toEqual({ seq: 4, reason: 'link' });
  });
});
