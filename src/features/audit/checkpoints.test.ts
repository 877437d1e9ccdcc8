import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DB_KINDS, openTestDb, type DbKind, type TestDb } from '../../../test/support/db.js';
import { rows, type Db } from '../../db/connection.js';
import { hashEvent } from '../../domain/audit-chain.js';
import { mutate } from './audit-writer.js';
import { verifyAuditChain, verifyAuditChainAs } from './audit.service.js';
import { systemCtx } from '../context.js';
import { startCheckpointLoop } from '../../jobs/audit-checkpoint.js';
import {
  CHECKPOINT_LOG,
  checkpointPaths,
  loadOrCreateKey,
  readCheckpointLog,
  verifyWithCheckpoints,
  writeCheckpoint,
  type CheckpointPaths,
} from './checkpoints.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-checkpoints-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function addEvents(db: Db, n: number) {
  for (let i = 0; i < n; i++) {
    await mutate(db, systemCtx('test'), async (_tx, audit) => {
      audit.record({ action: 'unit.update', entityType: 'unit', entityId: `u-${i}`, after: { n: i } });
    });
  }
}

/** What a database superuser (or the table's owner) can do: switch the append-only triggers off. */
async function asOwner(db: Db, fn: () => Promise<unknown>) {
  await db.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
  await db.execute(sql`alter table audit_events disable trigger audit_events_no_truncate`);
  try {
    await fn();
  } finally {
    await db.execute(sql`alter table audit_events enable trigger audit_events_no_update`);
    await db.execute(sql`alter table audit_events enable trigger audit_events_no_truncate`);
  }
}

/** Edits event `from`, then recomputes its hash and every later hash and link: the chain verifies. */
async function rewriteFrom(db: Db, from: number) {
  type Row = {
    seq: string | number;
    at: Date | string;
    actor_id: string | null;
    actor_label: string;
    action: string;
    entity_type: string;
    entity_id: string;
    before: unknown;
    after: unknown;
    request_id: string | null;
    ip: string | null;
    prev_hash: string;
  };
  const all = await rows<Row>(db, sql`select * from audit_events where seq >= ${from} order by seq`);
  let prev = all[0]!.prev_hash;
  await asOwner(db, async () => {
    for (const r of all) {
      const seq = Number(r.seq);
      const after = seq === from ? { n: 'đã bị sửa' } : r.after;
      const hash = hashEvent(prev, {
        seq,
        at: new Date(r.at).toISOString(),
        actorId: r.actor_id,
        actorLabel: r.actor_label,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: r.before,
        after,
        requestId: r.request_id,
        ip: r.ip,
      });
      await db.execute(
        sql`update audit_events set after = ${JSON.stringify(after)}::jsonb, prev_hash = ${prev}, hash = ${hash} where seq = ${seq}`,
      );
      prev = hash;
    }
  });
}

describe.each(DB_KINDS)('signed audit checkpoints on %s', (kind: DbKind) => {
  let t: TestDb;
  let paths: CheckpointPaths;
  let n = 0;
  beforeEach(async () => {
    await t?.close();
    t = await openTestDb(kind);
    const dir = path.join(tmp, `${kind}-${++n}`);
    paths = checkpointPaths({ dataDir: dir, auditKeyFile: '', auditCheckpointDir: '' });
    await addEvents(t.database.db, 5);
    const w = await writeCheckpoint(t.database.db, paths);
    expect(w).toMatchObject({ written: true, checkpoint: { seq: 5 } });
  });
  afterAll(async () => t?.close());

  it('agrees with an untouched chain, and signs new heads as events are added', async () => {
    await addEvents(t.database.db, 2);
    expect((await verifyWithCheckpoints(t.database.db, paths)).ok).toBe(true);
    expect(await writeCheckpoint(t.database.db, paths, { skipUnchanged: true })).toMatchObject({
      written: true,
      checkpoint: { seq: 7 },
    });
    expect(await writeCheckpoint(t.database.db, paths, { skipUnchanged: true })).toMatchObject({
      written: false,
      reason: 'unchanged',
    });
    const r = await verifyWithCheckpoints(t.database.db, paths);
    expect(r).toMatchObject({ ok: true, checkpoints: 2, latest: { seq: 7 }, problems: [] });
    // The key file is private; its public half sits beside it.
    expect(fs.statSync(paths.keyFile).mode & 0o077).toBe(0);
    expect(fs.readFileSync(`${paths.keyFile}.pub`, 'utf8')).toMatch(/^thucthi-audit[^+]*\+[0-9a-f]{8}\+/);
  });

  it('reports the last events deleted, which the hash chain alone does not see', async () => {
    await asOwner(t.database.db, () => t.database.db.execute(sql`delete from audit_events where seq > 3`));
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true); // today's check: blind to it
    const r = await verifyWithCheckpoints(t.database.db, paths);
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ kind: 'truncated', headSeq: 3, checkpoint: { seq: 5 } });
    expect(r.problems[0]!.message).toContain('nhật ký bị cắt');
    // The running server's GET /api/audit/verify reports it too (what the busy-folder message points to).
    const api = await verifyAuditChainAs({ ...t.deps, auditCheckpoints: paths }, systemCtx('test'));
    expect(api).toMatchObject({ ok: true, checkpoints: { ok: false, problems: [{ kind: 'truncated' }] } });
    // A truncated chain is never signed: the evidence stays the latest checkpoint.
    expect(await writeCheckpoint(t.database.db, paths)).toMatchObject({
      written: false,
      reason: 'inconsistent',
    });
  });

  it('reports a TRUNCATE of the audit table', async () => {
    await asOwner(t.database.db, () => t.database.db.execute(sql`truncate audit_events`));
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
    const r = await verifyWithCheckpoints(t.database.db, paths);
    expect(r.problems[0]).toMatchObject({ kind: 'truncated', headSeq: 0 });
  });

  it('reports a rewritten event whose later hashes were all recomputed', async () => {
    await addEvents(t.database.db, 1);
    await rewriteFrom(t.database.db, 2);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
    const r = await verifyWithCheckpoints(t.database.db, paths);
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ kind: 'rewritten', checkpoint: { seq: 5 } });
    expect(r.problems[0]!.message).toContain('nhật ký bị viết lại');
  });

  it('reports a missing checkpoint log and a forged checkpoint', async () => {
    const log = path.join(paths.dir, CHECKPOINT_LOG);
    const text = fs.readFileSync(log, 'utf8');
    fs.rmSync(log);
    const missing = await verifyWithCheckpoints(t.database.db, paths);
    expect(missing.problems).toMatchObject([{ kind: 'missing-log' }]);
    expect(missing.problems[0]!.message).toContain('không có nhật ký điểm kiểm tra');
    // Someone lowers the checkpointed size to hide a truncation: the signature no longer matches.
    fs.writeFileSync(log, text.replace(/\n5\n/u, '\n3\n'));
    const forged = await verifyWithCheckpoints(t.database.db, paths);
    expect(forged.problems[0]).toMatchObject({ kind: 'bad-entry', index: 1 });
  });

  it('signs at an interval and at stop, and logs instead of signing a truncated chain', async () => {
    const errors: string[] = [];
    const log = {
      info: () => undefined,
      warn: () => undefined,
      error: (_o: unknown, m: string) => void errors.push(m),
    };
    const config = {
      dataDir: path.dirname(paths.keyFile),
      auditKeyFile: paths.keyFile,
      auditCheckpointDir: paths.dir,
      auditCheckpointSeconds: 1,
    };
    const stop = await startCheckpointLoop(t.database.db, config, log);
    await addEvents(t.database.db, 1);
    const { key } = loadOrCreateKey(paths.keyFile, { create: false });
    const seqs = () => readCheckpointLog(paths.dir, key)!.map((e) => e.checkpoint!.seq);
    for (let i = 0; i < 100 && !seqs().includes(6); i++) await new Promise((r) => setTimeout(r, 100));
    expect(seqs()).toEqual([5, 6]);
    await addEvents(t.database.db, 1);
    await stop();
    expect(seqs()).toEqual([5, 6, 7]);

    await asOwner(t.database.db, () => t.database.db.execute(sql`delete from audit_events where seq > 4`));
    const stop2 = await startCheckpointLoop(t.database.db, config, log);
    await stop2();
    expect(seqs()).toEqual([5, 6, 7]);
    expect(errors[0]).toContain('không ký điểm kiểm tra — nhật ký bị cắt');
  });
});
