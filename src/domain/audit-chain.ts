/**
 * The audit trail's hash chain. Each event's hash covers its content and the previous event's hash,
 * so editing, deleting or reordering any stored event breaks verification from that event on.
 * Pure: node:crypto only.
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainEventContent {
  seq: number;
  at: string; // ISO 8601, millisecond precision, UTC
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

export interface ChainEvent extends ChainEventContent {
  prevHash: string;
  hash: string;
}

/** JSON with object keys sorted at every depth, so the same value always gives the same bytes. */
export function canonicalJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return '[' + v.map(canonicalJson).join(',') + ']';
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return (
      '{' +
      Object.keys(o)
        .filter((k) => o[k] !== undefined)
        .sort()
        .map((k) => JSON.stringify(k) + ':' + canonicalJson(o[k]))
        .join(',') +
      '}'
    );
  }
  return JSON.stringify(v);
}

export function hashEvent(prevHash: string, e: ChainEventContent): string {
  const content = canonicalJson({
    seq: e.seq,
    at: e.at,
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before ?? null,
    after: e.after ?? null,
    requestId: e.requestId,
    ip: e.ip,
  });
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

export type ChainBreak =
  { seq: number; reason: 'content' } | { seq: number; reason: 'link' } | { seq: number; reason: 'sequence' };

/**
 * Incremental verifier: feed events in seq order; returns the first break found.
 * Kept incremental so a long chain can be streamed in pages without holding it in memory.
 */
export class ChainVerifier {
  private prev = GENESIS_HASH;
  private expectedSeq = 1;
  count = 0;

  push(e: ChainEvent): ChainBreak | null {
    if (e.seq !== this.expectedSeq) return { seq: e.seq, reason: 'sequence' };
    if (e.prevHash !== this.prev) return { seq: e.seq, reason: 'link' };
    if (hashEvent(e.prevHash, e) !== e.hash) return { seq: e.seq, reason: 'content' };
    this.prev = e.hash;
    this.expectedSeq++;
    this.count++;
    return null;
  }
}

export const CHAIN_BREAK_MESSAGES: Record<ChainBreak['reason'], string> = {
  content: 'nội dung sự kiện đã bị sửa (mã băm không khớp)',
  link: 'liên kết tới sự kiện trước bị đứt (mã băm trước không khớp)',
  sequence: 'thứ tự sự kiện bị gián đoạn (thiếu hoặc thừa sự kiện)',
};
