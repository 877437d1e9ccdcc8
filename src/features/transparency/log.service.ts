/**
 * The verifiable public log (issue 14 point 4), like Certificate Transparency (RFC 9162).
 *
 * Leaves are written by `mutate()` with the audit event that makes them (`transparency_leaves`,
 * append-only). This module keeps an in-process Merkle tree of them, loaded incrementally (a cheap
 * `idx >= size` query before each use) and checked while loading: indexes without a gap, each stored
 * hash equal to the hash of the stored leaf text. A problem found there is reported (the log's state
 * says it, no checkpoint is signed while it lasts), never skipped over. Leaves already in the tree are
 * not read again: a later rewrite of them shows as a tree that no longer matches the signed
 * checkpoints (proofs fail for the rewritten text; a fresh process refuses to sign).
 *
 * `signCheckpoint` signs the tree's head as a C2SP tlog-checkpoint (a signed note, Ed25519, the
 * audit checkpoint key) into `transparency_checkpoints` when the tree grew — after checking the new
 * tree extends the latest signed one, so the log never signs a fork.
 *
 * Witnesses (C2SP tlog-witness, https://c2sp.org/tlog-witness): a witness keeps the last checkpoint
 * it co-signed; it fetches `GET /api/public/log/checkpoint` (the signed note), verifies our signature
 * with the verifier key it obtained out of band, fetches `GET /api/public/log/consistency?from=<its
 * size>&to=<new size>`, verifies the proof (RFC 9162 §2.1.4.2), and only then adds its own signature
 * line to the note (and publishes it). Two witnesses shown different trees of the same size (a split
 * view) then hold two signed checkpoints that no consistency proof can join. Cosignatures are not
 * accepted back yet; a note with extra signature lines still verifies with our key.
 */
import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../db/connection.js';
import { transparencyCheckpoints } from '../../db/schema.js';
import { MerkleTree } from '../../domain/transparency/merkle.js';
import { leafHash } from '../../domain/transparency/statements.js';
import {
  openNote,
  parseTlogCheckpoint,
  signNote,
  tlogCheckpointText,
  verifierKey,
} from '../../domain/signed-note.js';
import { AppError } from '../../errors.js';
import type {
  LogCheckpoint,
  LogCheckpoints,
  LogConsistency,
  LogLeaf,
  PublicLogState,
} from '../../contract/public.js';
import { now, type Deps } from '../deps.js';

export interface LogProblem {
  kind: 'gap' | 'hash-mismatch';
  index: number;
  message: string;
}

interface TreeCache {
  tree: MerkleTree;
  problem: LogProblem | null;
  loading: Promise<void> | null;
}

const caches = new WeakMap<Db, TreeCache>();
const BATCH = 5000;

/** The tree of the stored leaves, brought up to date (stopping at the first problem). */
export async function loadTree(db: Db): Promise<{ tree: MerkleTree; problem: LogProblem | null }> {
  let c = caches.get(db);
  if (!c) {
    c = { tree: new MerkleTree(), problem: null, loading: null };
    caches.set(db, c);
  }
  const cache = c;
  while (cache.loading) await cache.loading;
  cache.loading = (async () => {
    // A problem is looked at again each time (one query from where the tree stopped): it stays
    // reported while it lasts, and the tree goes on once the leaves are put back.
    cache.problem = null;
    for (;;) {
      const batch = await rows<{ idx: string | number; leaf: string; hash: string }>(
        db,
        sql`select idx, leaf, hash from transparency_leaves where idx >= ${cache.tree.size} order by idx limit ${BATCH}`,
      );
      for (const r of batch) {
        const idx = Number(r.idx);
        const at = cache.tree.size;
        if (idx !== at) {
          cache.problem = {
            kind: 'gap',
            index: at,
            message: `sổ công khai thiếu lá số ${at} (lá tiếp theo có số ${idx}): một lá đã bị xóa (leaf ${at} missing)`,
          };
          return;
        }
        const h = leafHash(Buffer.from(r.leaf, 'utf8'));
        if (h.toString('hex') !== r.hash) {
          cache.problem = {
            kind: 'hash-mismatch',
            index: at,
            message: `lá số ${at}: mã băm đã lưu không khớp với nội dung lá: nội dung đã bị sửa (leaf ${at}: stored hash differs from its text)`,
          };
          return;
        }
        cache.tree.append(h);
      }
      if (batch.length < BATCH) return;
    }
  })().finally(() => (cache.loading = null));
  await cache.loading;
  return cache;
}

/** Forgets the cached tree of `db` (tests that rewrite the table as an attacker would). */
export function dropTreeCache(db: Db): void {
  caches.delete(db);
}

interface CheckpointRow {
  size: string | number;
  root_hash: string;
  note: string;
  signed_at: Date | string;
}

function toCheckpoint(r: CheckpointRow): LogCheckpoint {
  return {
    size: Number(r.size),
    rootHash: r.root_hash,
    note: r.note,
    signedAt: new Date(r.signed_at).toISOString(),
  };
}

export async function latestCheckpoint(db: Db): Promise<LogCheckpoint | null> {
  const r = await rows<CheckpointRow>(
    db,
    sql`select size, root_hash, note, signed_at from transparency_checkpoints order by size desc limit 1`,
  );
  return r[0] ? toCheckpoint(r[0]) : null;
}

async function checkpointAt(db: Db, size: number): Promise<LogCheckpoint | null> {
  const r = await rows<CheckpointRow>(
    db,
    sql`select size, root_hash, note, signed_at from transparency_checkpoints where size = ${size}`,
  );
  return r[0] ? toCheckpoint(r[0]) : null;
}

export type SignResult =
  | { signed: true; checkpoint: LogCheckpoint }
  | { signed: false; reason: 'no-key' | 'unchanged'; checkpoint: LogCheckpoint | null }
  | { signed: false; reason: 'problem' | 'inconsistent'; message: string };

/**
 * Signs the current tree head when it grew since the latest checkpoint. Refuses (never signs) when
 * the leaves have a problem, when the tree is smaller than the latest checkpoint, or when it does not
 * extend it (its root at the checkpoint's size differs: a rewritten or forked log). Safe with several
 * instances: one row per size (`on conflict do nothing`), and the row kept is checked.
 */
export async function signCheckpoint(deps: Deps): Promise<SignResult> {
  const log = deps.publicLog;
  if (!log) return { signed: false, reason: 'no-key', checkpoint: await latestCheckpoint(deps.db) };
  const { tree, problem } = await loadTree(deps.db);
  if (problem) return { signed: false, reason: 'problem', message: problem.message };
  const latest = await latestCheckpoint(deps.db);
  const size = tree.size;
  if (latest) {
    // Several instances on one database must share the key (AUDIT_KEY_FILE): checkpoints signed by
    // two keys would leave every verifier holding one of them unable to check the other's.
    if (!openNote(latest.note, log.key).ok)
      return {
        signed: false,
        reason: 'inconsistent',
        message:
          `điểm kiểm chứng gần nhất (${latest.size} lá) không được ký bằng khóa ${log.key.name} của máy chủ này: ` +
          `các máy chủ dùng chung cơ sở dữ liệu phải dùng chung một khóa ký (AUDIT_KEY_FILE) (latest checkpoint signed by another key)`,
      };
    if (latest.size > size)
      return {
        signed: false,
        reason: 'inconsistent',
        message: `sổ công khai có ${size} lá, ít hơn ${latest.size} lá của điểm kiểm chứng đã ký: lá đã bị xóa (log shrank)`,
      };
    if (tree.root(latest.size).toString('hex') !== latest.rootHash)
      return {
        signed: false,
        reason: 'inconsistent',
        message:
          `cây hiện tại không mở rộng điểm kiểm chứng đã ký (${latest.size} lá, gốc ${latest.rootHash}): ` +
          `các lá đã ký bị sửa; không ký một nhánh rẽ (not signing a fork)`,
      };
    if (latest.size === size) return { signed: false, reason: 'unchanged', checkpoint: latest };
  }
  const rootHash = tree.root(size).toString('hex');
  const note = signNote(tlogCheckpointText({ origin: log.origin, size, rootHash }), log.key);
  await deps.db
    .insert(transparencyCheckpoints)
    .values({ size, rootHash, note, signedAt: now(deps) })
    .onConflictDoNothing();
  const kept = await checkpointAt(deps.db, size);
  if (!kept || kept.rootHash !== rootHash)
    return {
      signed: false,
      reason: 'inconsistent',
      message: `một điểm kiểm chứng khác đã được ký cho ${size} lá với gốc ${kept?.rootHash ?? '?'} (another root signed for this size)`,
    };
  return { signed: true, checkpoint: kept };
}

// ---- what the public routes answer ----

export async function logState(deps: Deps): Promise<PublicLogState> {
  const { tree, problem } = await loadTree(deps.db);
  return {
    origin: deps.publicLog?.origin ?? null,
    verifierKey: deps.publicLog ? verifierKey(deps.publicLog.key) : null,
    treeSize: tree.size,
    checkpoint: await latestCheckpoint(deps.db),
    problem: problem?.message ?? null,
  };
}

export async function checkpointNote(deps: Deps): Promise<string> {
  const cp = await latestCheckpoint(deps.db);
  if (!cp) throw new AppError('PUBLIC_LOG_NO_CHECKPOINT');
  return cp.note;
}

export function publicKeyText(deps: Deps): string {
  if (!deps.publicLog) throw new AppError('PUBLIC_LOG_NO_CHECKPOINT');
  return verifierKey(deps.publicLog.key) + '\n';
}

const b64 = (b: Buffer) => b.toString('base64');

export async function leafWithProof(deps: Deps, idx: number): Promise<LogLeaf> {
  const r = await rows<{ idx: string | number; kind: string; leaf: string; hash: string; at: Date | string }>(
    deps.db,
    sql`select idx, kind, leaf, hash, at from transparency_leaves where idx = ${idx}`,
  );
  const row = r[0];
  if (!row) throw new AppError('PUBLIC_NOT_FOUND', { leaf: idx });
  const { tree, problem } = await loadTree(deps.db);
  const cp = await latestCheckpoint(deps.db);
  let proof: LogLeaf['proof'] = null;
  let reason: string | null = null;
  if (!cp || cp.size <= idx) {
    reason = 'Chưa có điểm kiểm chứng bao gồm lá này; vui lòng xem lại sau ít phút.';
  } else if (tree.size < cp.size) {
    reason = `Không lập được bằng chứng: ${problem?.message ?? 'sổ công khai chưa đủ lá'}.`;
  } else {
    proof = { treeSize: cp.size, hashes: tree.inclusionProof(idx, cp.size).map(b64) };
  }
  return {
    index: Number(row.idx),
    kind: row.kind,
    at: new Date(row.at).toISOString(),
    leaf: row.leaf,
    hash: row.hash,
    checkpoint: cp && cp.size > idx ? cp : null,
    proof,
    reason,
  };
}

export async function consistency(deps: Deps, from: number, to?: number): Promise<LogConsistency> {
  const target = to === undefined ? await latestCheckpoint(deps.db) : await checkpointAt(deps.db, to);
  if (!target) throw new AppError('PUBLIC_LOG_NO_CHECKPOINT', { size: to ?? null });
  if (from > target.size)
    throw new AppError('VALIDATION_FAILED', [
      { path: '/from', rule: 'maximum', message: `phải không lớn hơn ${target.size}` },
    ]);
  const { tree, problem } = await loadTree(deps.db);
  if (tree.size < target.size)
    throw new AppError('PUBLIC_LOG_PROBLEM', { problem: problem?.message ?? null });
  return {
    from,
    to: target.size,
    fromRoot: tree.root(from).toString('hex'),
    toRoot: target.rootHash,
    hashes: tree.consistencyProof(from, target.size).map(b64),
  };
}

export async function listCheckpoints(deps: Deps, limit: number): Promise<LogCheckpoints> {
  const r = await rows<CheckpointRow>(
    deps.db,
    sql`select size, root_hash, note, signed_at from transparency_checkpoints order by size desc limit ${limit}`,
  );
  return { items: r.map(toCheckpoint) };
}

/** A checkpoint signed by this log (its key and origin), parsed; null otherwise. */
export function ownCheckpoint(deps: Deps, note: string) {
  if (!deps.publicLog) return null;
  const opened = openNote(note, deps.publicLog.key);
  if (!opened.ok) return null;
  const c = parseTlogCheckpoint(opened.text);
  return c && c.origin === deps.publicLog.origin ? c : null;
}
