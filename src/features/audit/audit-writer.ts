/**
 * The one place that writes audit events, and the one way to run a mutation.
 *
 * `mutate()` opens the transaction, hands the service an `audit` recorder, and appends the recorded
 * events to the hash chain in that same transaction before it commits. A mutation that records no
 * event and does not say `audit.nothingChanged()` is a programming error and is rolled back.
 */
import { sql } from 'drizzle-orm';
import { auditEvents, transparencyLeaves, type AuditRow } from '../../db/schema.js';
import { rows, type Db, type Tx } from '../../db/connection.js';
import { GENESIS_HASH, hashEvent } from '../../domain/audit-chain.js';
import type { AuditAction } from '../../domain/audit-actions.js';
import {
  LEAF_VERSION,
  leafBytes,
  leafHash,
  type LeafContent,
  type PublicStatement,
} from '../../domain/transparency/statements.js';
import { actorLabel, type Ctx } from '../context.js';

/** Serialises appends to the chain across transactions and app instances. */
const AUDIT_CHAIN_LOCK = 727_2702;

export interface AuditInput {
  /** One of the catalog's actions (src/domain/audit-actions.ts). */
  action: AuditAction;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  /**
   * The public statements this event makes (issue 14): each becomes a leaf of the public log, citing
   * this event's sequence number and hash, in the same transaction. Only for data the portal shows.
   */
  leaves?: LeafInput[];
}

/** A public statement and what it is about (for the portal's lookups). */
export interface LeafInput {
  statement: PublicStatement;
  programId: string | null;
  nodeId?: string | null;
  /** The report version (progress, evidence) or the published document. */
  refId?: string | null;
}

/** Called after a transaction that appended leaves has committed (the portal's cache listens). */
type LeavesListener = (size: number) => void;
const leavesListeners = new Set<LeavesListener>();
export function onPublicLeavesCommitted(fn: LeavesListener): () => void {
  leavesListeners.add(fn);
  return () => void leavesListeners.delete(fn);
}

export interface AuditRecorder {
  record(e: AuditInput): void;
  /** Declares that this call changed nothing (e.g. an update with identical values). */
  nothingChanged(): void;
}

/** JSON-safe copy: Dates to ISO strings, undefined dropped, secrets removed. */
export function auditSnapshot<T extends object>(row: T | null | undefined): Record<string, unknown> | null {
  if (!row) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (v === undefined || k === 'passwordHash' || k === 'searchText') continue;
    out[k] = v instanceof Date ? v.toISOString() : v;
  }
  return out;
}

/** Appends the events to the chain and their statements to the public log; returns the log's new size, or null. */
async function appendEvents(tx: Tx, ctx: Ctx, events: AuditInput[]): Promise<number | null> {
  if (events.length === 0) return null;
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const last = await rows<{ seq: string | number; hash: string }>(
    tx,
    sql`select seq, hash from audit_events order by seq desc limit 1`,
  );
  let seq = last[0] ? Number(last[0].seq) : 0;
  let prevHash = last[0]?.hash ?? GENESIS_HASH;
  const actorId = ctx.actor?.kind === 'user' ? ctx.actor.id : null;
  const label = actorLabel(ctx.actor);
  let nextLeaf: number | null = null;
  for (const e of events) {
    seq++;
    // Millisecond precision, so the value read back from timestamptz hashes the same.
    const at = new Date();
    const content = {
      seq,
      at: at.toISOString(),
      actorId,
      actorLabel: label,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      // Every caller records an object (a snapshot or the changed fields), the column's type.
      before: (e.before ?? null) as AuditRow['before'],
      after: (e.after ?? null) as AuditRow['after'],
      requestId: ctx.requestId,
      ip: ctx.ip,
    };
    const hash = hashEvent(prevHash, content);
    await tx.insert(auditEvents).values({ ...content, at, prevHash, hash });
    prevHash = hash;
    if (e.leaves?.length) {
      if (nextLeaf === null) {
        const lastLeaf = await rows<{ idx: string | number }>(
          tx,
          sql`select idx from transparency_leaves order by idx desc limit 1`,
        );
        nextLeaf = lastLeaf[0] ? Number(lastLeaf[0].idx) + 1 : 0;
      }
      for (const l of e.leaves) {
        const leaf: LeafContent = {
          v: LEAF_VERSION,
          auditSeq: seq,
          auditHash: hash,
          at: content.at,
          statement: l.statement,
        };
        const bytes = leafBytes(leaf);
        await tx.insert(transparencyLeaves).values({
          idx: nextLeaf++,
          auditSeq: seq,
          kind: l.statement.kind,
          programId: l.programId,
          nodeId: l.nodeId ?? null,
          refId: l.refId ?? null,
          leaf: bytes.toString('utf8'),
          hash: leafHash(bytes).toString('hex'),
          at,
        });
      }
    }
  }
  return nextLeaf;
}

export async function mutate<T>(
  db: Db,
  ctx: Ctx,
  fn: (tx: Tx, audit: AuditRecorder) => Promise<T>,
): Promise<T> {
  let logSize: number | null = null;
  const result = await db.transaction(async (tx) => {
    const events: AuditInput[] = [];
    let declaredNoChange = false;
    const recorder: AuditRecorder = {
      record: (e) => void events.push(e),
      nothingChanged: () => void (declaredNoChange = true),
    };
    const result = await fn(tx, recorder);
    if (events.length === 0 && !declaredNoChange) {
      throw new Error('mutate(): the mutation recorded no audit event');
    }
    logSize = await appendEvents(tx, ctx, events);
    return result;
  });
  if (logSize !== null) for (const fn of leavesListeners) fn(logSize);
  return result;
}
