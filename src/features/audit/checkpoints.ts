/**
 * Signed checkpoints of the audit chain, kept outside the database.
 *
 * The hash chain shows an edited or removed middle event, but not the last events removed, a
 * TRUNCATE, or a rewrite that recomputes every later hash. So the head of the chain (last sequence
 * number, its hash, the time) is signed with an Ed25519 key that lives in a file, not in the database,
 * and appended as a C2SP signed note to a log in a folder meant for another disk or an off-site copy.
 * `verifyWithCheckpoints` then checks the chain against every checkpoint in that log.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../db/connection.js';
import { GENESIS_HASH } from '../../domain/audit-chain.js';
import {
  checkpointText,
  openNote,
  parseCheckpointText,
  parseSignerKey,
  signNote,
  signerKey,
  validKeyName,
  verifierKey,
  type AuditCheckpoint,
  type NoteKey,
} from '../../domain/signed-note.js';
import { verifyAuditChain } from './audit.service.js';

export const CHECKPOINT_LOG = 'audit-checkpoints.log';
export const DEFAULT_KEY_NAME = 'thucthi-audit';

export interface CheckpointPaths {
  keyFile: string;
  dir: string;
}

/**
 * The key file and checkpoint folder: from AUDIT_KEY_FILE / AUDIT_CHECKPOINT_DIR, else in the data
 * folder. On PostgreSQL the default folder is per database (host, port, name), so one installation
 * pointed at another database never mixes their checkpoints.
 */
export function checkpointPaths(c: {
  dataDir: string;
  auditKeyFile: string;
  auditCheckpointDir: string;
  databaseUrl?: string | undefined;
}): CheckpointPaths {
  let dflt = path.join(c.dataDir, 'audit-checkpoints');
  if (c.databaseUrl) {
    try {
      const u = new URL(c.databaseUrl);
      const id = `${u.hostname || 'localhost'}_${u.port || '5432'}_${u.pathname.replace(/^\//u, '') || 'postgres'}`;
      dflt = path.join(dflt, id.replace(/[^A-Za-z0-9_.-]/gu, '_'));
    } catch {
      /* not a URL: keep the data folder's */
    }
  }
  return {
    keyFile: path.resolve(c.auditKeyFile || path.join(c.dataDir, 'audit-signing.key')),
    dir: path.resolve(c.auditCheckpointDir || dflt),
  };
}

export interface LoadedKey {
  key: NoteKey;
  /** True when this call generated the key (first start). */
  created: boolean;
}

/** Reads the signing key, or generates it (mode 0600) with its public verifier key beside it. */
export function loadOrCreateKey(keyFile: string, opts: { create?: boolean } = {}): LoadedKey {
  if (fs.existsSync(keyFile))
    return { key: parseSignerKey(fs.readFileSync(keyFile, 'utf8')), created: false };
  if (opts.create === false) {
    throw Object.assign(
      new Error(
        `Không tìm thấy khóa ký nhật ký ${keyFile} (AUDIT_KEY_FILE): không thể kiểm tra các điểm kiểm tra đã ký. ` +
          `(Audit signing key not found.)`,
      ),
      { code: 'AUDIT_KEY_MISSING' },
    );
  }
  const name = `${DEFAULT_KEY_NAME}-${os.hostname()}`.replace(/[\s+]/gu, '-');
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const key: NoteKey = { name: validKeyName(name) ? name : DEFAULT_KEY_NAME, privateKey, publicKey };
  fs.mkdirSync(path.dirname(keyFile), { recursive: true });
  // Written whole to a temporary file, then linked into place: of several instances starting at once,
  // one key wins and the others read it, never a half-written file.
  const tmp = `${keyFile}.tmp-${process.pid}-${Date.now()}`;
  const fd = fs.openSync(tmp, 'wx', 0o600);
  try {
    fs.writeSync(fd, signerKey(key) + '\n');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(tmp, keyFile);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return { key: parseSignerKey(fs.readFileSync(keyFile, 'utf8')), created: false };
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  fs.writeFileSync(`${keyFile}.pub`, verifierKey(key) + '\n', { mode: 0o644 });
  return { key, created: true };
}

/** The Vietnamese log line of a first start. */
export function keyCreatedMessage(keyFile: string, dir: string): string {
  return (
    `Đã tạo khóa ký nhật ký mới (Ed25519) tại ${keyFile}; khóa công khai tại ${keyFile}.pub. ` +
    `Hãy sao lưu khóa ở nơi an toàn, tách khỏi cơ sở dữ liệu; điểm kiểm tra đã ký được ghi vào ${dir} ` +
    `— nên đặt AUDIT_CHECKPOINT_DIR trên một ổ đĩa khác hoặc sao chép ra ngoài. ` +
    `(New audit signing key generated; keep it apart from the database.)`
  );
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export async function chainHead(db: Db): Promise<ChainHead> {
  const r = await rows<{ seq: string | number; hash: string }>(
    db,
    sql`select seq, hash from audit_events order by seq desc limit 1`,
  );
  return r[0] ? { seq: Number(r[0].seq), hash: r[0].hash } : { seq: 0, hash: GENESIS_HASH };
}

async function hashAt(db: Db, seq: number): Promise<string | null> {
  if (seq === 0) return GENESIS_HASH;
  const r = await rows<{ hash: string }>(db, sql`select hash from audit_events where seq = ${seq}`);
  return r[0]?.hash ?? null;
}

export interface LogEntry {
  /** 1-based position in the log. */
  index: number;
  checkpoint: AuditCheckpoint | null;
  problem: 'malformed' | 'unsigned' | 'bad-signature' | null;
}

/**
 * Reads the checkpoint log: notes separated by a blank line (each note has one blank line inside,
 * between its text and its signatures). Null when the log does not exist.
 */
export function readCheckpointLog(dir: string, key: NoteKey): LogEntry[] | null {
  const file = path.join(dir, CHECKPOINT_LOG);
  if (!fs.existsSync(file)) return null;
  const blocks = fs.readFileSync(file, 'utf8').split('\n\n');
  const out: LogEntry[] = [];
  for (let i = 0; i + 1 < blocks.length; i += 2) {
    const text = blocks[i]! + '\n';
    const sigs = blocks[i + 1]!.endsWith('\n') ? blocks[i + 1]! : blocks[i + 1]! + '\n';
    const opened = openNote(`${text}\n${sigs}`, key);
    const checkpoint = parseCheckpointText(text);
    out.push({
      index: out.length + 1,
      checkpoint: opened.ok ? checkpoint : null,
      problem: opened.ok ? (checkpoint ? null : 'malformed') : opened.reason,
    });
  }
  return out;
}

export type CheckpointProblem =
  | { kind: 'missing-key'; message: string }
  | { kind: 'missing-log'; message: string }
  | { kind: 'bad-entry'; message: string; index: number }
  | { kind: 'truncated'; message: string; checkpoint: AuditCheckpoint; headSeq: number }
  | { kind: 'rewritten'; message: string; checkpoint: AuditCheckpoint; hash: string | null };

/** Compares one checkpoint with the chain whose head is `head`; `hashOf` reads a stored event's hash. */
async function compare(
  c: AuditCheckpoint,
  head: ChainHead,
  hashOf: (seq: number) => Promise<string | null>,
): Promise<CheckpointProblem | null> {
  if (head.seq < c.seq) {
    return {
      kind: 'truncated',
      checkpoint: c,
      headSeq: head.seq,
      message:
        `nhật ký bị cắt: điểm kiểm tra đã ký lúc ${c.at} ghi nhận ${c.seq} sự kiện, nay chỉ còn ${head.seq} ` +
        `(các sự kiện cuối đã bị xóa hoặc bảng bị TRUNCATE) (audit trail truncated: checkpoint at seq ${c.seq}, head now ${head.seq})`,
    };
  }
  const hash = await hashOf(c.seq);
  if (hash !== c.hash) {
    return {
      kind: 'rewritten',
      checkpoint: c,
      hash,
      message:
        `nhật ký bị viết lại: mã băm của sự kiện #${c.seq} khác với điểm kiểm tra đã ký lúc ${c.at} ` +
        `(một sự kiện đã bị sửa và các mã băm sau được tính lại) (audit trail rewritten: hash at seq ${c.seq} differs from the signed checkpoint)`,
    };
  }
  return null;
}

export interface CheckpointVerifyResult {
  chain: Awaited<ReturnType<typeof verifyAuditChain>>;
  head: ChainHead;
  checkpoints: number;
  latest: AuditCheckpoint | null;
  problems: CheckpointProblem[];
  ok: boolean;
}

/** The chain's own verification, then every signed checkpoint of the log against it. */
export async function verifyWithCheckpoints(db: Db, paths: CheckpointPaths): Promise<CheckpointVerifyResult> {
  const chain = await verifyAuditChain(db);
  const head = await chainHead(db);
  const problems: CheckpointProblem[] = [];
  let latest: AuditCheckpoint | null = null;
  if (!fs.existsSync(paths.keyFile)) {
    problems.push({
      kind: 'missing-key',
      message:
        `không tìm thấy khóa ký nhật ký ${paths.keyFile} (AUDIT_KEY_FILE): không thể kiểm tra các điểm kiểm tra đã ký ` +
        `(chạy "thucthi audit checkpoint" để tạo khóa và ký điểm kiểm tra đầu tiên) (audit signing key missing)`,
    });
    return { chain, head, checkpoints: 0, latest, problems, ok: false };
  }
  const { key } = loadOrCreateKey(paths.keyFile, { create: false });
  const log = readCheckpointLog(paths.dir, key);
  if (log === null || log.length === 0) {
    problems.push({
      kind: 'missing-log',
      message:
        `không có nhật ký điểm kiểm tra ${path.join(paths.dir, CHECKPOINT_LOG)} (đã bị xóa, hoặc AUDIT_CHECKPOINT_DIR sai): ` +
        `không thể biết các sự kiện cuối có bị xóa hay không (checkpoint log missing)`,
    });
  } else {
    for (const e of log) {
      if (e.problem || !e.checkpoint) {
        problems.push({
          kind: 'bad-entry',
          index: e.index,
          message: `điểm kiểm tra thứ ${e.index} trong nhật ký không có chữ ký hợp lệ của khóa ${key.name} (${e.problem}) (checkpoint ${e.index}: invalid signature)`,
        });
        continue;
      }
      latest = e.checkpoint;
    }
    // Every checkpoint is checked (the latest first): a rewrite below an old checkpoint shows too.
    const seen = new Set<number>();
    for (const e of [...log].reverse()) {
      if (!e.checkpoint || seen.has(e.checkpoint.seq)) continue;
      seen.add(e.checkpoint.seq);
      const p = await compare(e.checkpoint, head, (seq) => hashAt(db, seq));
      if (p) {
        problems.push(p);
        break;
      }
    }
  }
  return {
    chain,
    head,
    checkpoints: log?.length ?? 0,
    latest,
    problems,
    ok: chain.ok && problems.length === 0,
  };
}

export type WriteResult =
  | { written: true; checkpoint: AuditCheckpoint }
  | { written: false; reason: 'unchanged'; checkpoint: AuditCheckpoint }
  | { written: false; reason: 'inconsistent'; problem: CheckpointProblem };

/**
 * Signs the current head and appends it to the log. Refuses when the head no longer agrees with the
 * latest checkpoint (signing it would bless a truncation or rewrite). `skipUnchanged` (the interval)
 * writes nothing when the head has not moved since the latest checkpoint.
 */
export async function writeCheckpoint(
  db: Db,
  paths: CheckpointPaths,
  opts: { key?: NoteKey; skipUnchanged?: boolean; at?: Date } = {},
): Promise<WriteResult> {
  const key = opts.key ?? loadOrCreateKey(paths.keyFile).key;
  const head = await chainHead(db);
  const log = readCheckpointLog(paths.dir, key) ?? [];
  const latest = [...log].reverse().find((e) => e.checkpoint)?.checkpoint ?? null;
  if (latest) {
    const p = await compare(latest, head, (seq) => hashAt(db, seq));
    if (p) return { written: false, reason: 'inconsistent', problem: p };
    if (opts.skipUnchanged && latest.seq === head.seq && latest.hash === head.hash)
      return { written: false, reason: 'unchanged', checkpoint: latest };
  }
  const checkpoint: AuditCheckpoint = {
    origin: key.name,
    seq: head.seq,
    hash: head.hash,
    at: (opts.at ?? new Date()).toISOString(),
  };
  fs.mkdirSync(paths.dir, { recursive: true });
  const fd = fs.openSync(path.join(paths.dir, CHECKPOINT_LOG), 'a', 0o644);
  try {
    // One write of the whole note, then fsync: a crash leaves at most one torn last entry.
    fs.writeSync(fd, signNote(checkpointText(checkpoint), key) + '\n');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return { written: true, checkpoint };
}
