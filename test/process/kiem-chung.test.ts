/**
 * The public log attacked (issue 14 point 4), on both databases: the app's leaves and checkpoints,
 * then an attacker with the database owner's rights (and, for the fork, the signing key too)
 * (a) forges a leaf, (b) drops a leaf, (c) forks the log. The command-line verifier
 * (`thucthi kiem-chung`, a real process) and the domain verifier refuse each; the app refuses to
 * sign any of them; checkpoints made by the app verify.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import { runCli } from '../support/process.js';
import { setPublic, startPortalApp, type PortalApp } from '../support/portal.js';
import { transparencyCheckpoints, transparencyLeaves } from '../../src/db/schema.js';
import { signNote, tlogCheckpointText, verifierKey, type NoteKey } from '../../src/domain/signed-note.js';
import { MerkleTree } from '../../src/domain/transparency/merkle.js';
import { leafHash } from '../../src/domain/transparency/statements.js';
import {
  checkConsistency,
  checkInclusion,
  openTlogCheckpoint,
} from '../../src/domain/transparency/verify.js';
import { dropTreeCache, loadTree, signCheckpoint } from '../../src/features/transparency/log.service.js';
import type { LogLeaf, PublicLogState } from '../../src/contract/public.js';

const ORIGIN = 'thucthi.local/cong-khai';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-kiem-chung-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function cli(args: string[]) {
  const p = runCli(['kiem-chung', ...args]);
  const status = await p.exited;
  return { status, stdout: p.stdout(), stderr: p.stderr() };
}

describe.each(DB_KINDS)('the public log attacked, on %s', (kind) => {
  let r: PortalApp;
  let key: NoteKey;
  let keyText: string;
  let oldFile: string;
  let url: string;
  type LeafRow = typeof transparencyLeaves.$inferSelect;
  let original: LeafRow[];

  const db = () => r.t.deps.db;
  const anon = () => r.t.client();
  const state = async () => (await anon().get<PublicLogState>('/api/public/log')).body;
  const leafAt = async (i: number) => (await anon().get<LogLeaf>(`/api/public/log/leaves/${i}`)).body;
  /** As the table's owner: the append-only triggers off, `fn`, on again. */
  async function asOwner(fn: () => Promise<unknown>) {
    await db().execute(sql`alter table transparency_leaves disable trigger user`);
    await db().execute(sql`alter table transparency_checkpoints disable trigger user`);
    try {
      await fn();
    } finally {
      await db().execute(sql`alter table transparency_leaves enable trigger user`);
      await db().execute(sql`alter table transparency_checkpoints enable trigger user`);
    }
  }
  /** Puts the leaves back as they were (between attacks), and forgets the cached tree. */
  async function restoreLeaves() {
    await asOwner(async () => {
      await db().delete(transparencyLeaves);
      await db().insert(transparencyLeaves).values(original);
    });
    dropTreeCache(db());
    expect((await loadTree(db())).problem).toBeNull();
  }
  const current = async () => {
    const s = await state();
    const o = openTlogCheckpoint(s.checkpoint!.note, key, ORIGIN);
    if (!o.ok) throw new Error(o.reason);
    return o.checkpoint;
  };

  beforeAll(async () => {
    r = await startPortalApp(kind);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    key = { name: 'thucthi-audit-kiem-chung', privateKey, publicKey };
    keyText = verifierKey(key);
    r.t.deps.publicLog = { key, origin: ORIGIN };
    url = r.t.base;
    expect((await signCheckpoint(r.t.deps)).signed).toBe(true);
    oldFile = path.join(tmp, `${kind}-old.txt`);
    fs.writeFileSync(oldFile, (await state()).checkpoint!.note);
    // The log grows after the checkpoint someone kept, and is signed again.
    await setPublic(r, r.f.programId, false);
    await setPublic(r, r.f.programId, true);
    expect((await signCheckpoint(r.t.deps)).signed).toBe(true);
    original = await db().select().from(transparencyLeaves).orderBy(transparencyLeaves.idx);
  });
  afterAll(async () => r?.t.close());

  it('verifies the checkpoints, leaves and proofs the app made (online and offline)', async () => {
    const s = await state();
    const ok = await cli(['--url', url, '--key', keyText, '--leaf', '1', '--checkpoint', oldFile]);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`${s.checkpoint!.size} lá`);
    expect(ok.stdout).toContain('Lá số 1');
    expect(ok.stdout).toContain('mở rộng đúng điểm kiểm chứng cũ');
    expect(ok.stdout).toMatch(/OK: đã kiểm chứng/u);

    // No key given: it still verifies, with a warning that the key should come from elsewhere.
    const fetched = await cli(['--url', url, '--leaf', '0']);
    expect(fetched.status, fetched.stdout).toBe(0);
    expect(fetched.stderr).toContain('CẢNH BÁO');

    // Offline, from saved answers.
    const leafFile = path.join(tmp, `${kind}-leaf.json`);
    fs.writeFileSync(leafFile, JSON.stringify(await leafAt(2)));
    const off = await cli(['--key', keyText, '--proof-file', leafFile]);
    expect(off.status, off.stdout).toBe(0);
    // Someone else's key: refused.
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const other = verifierKey({ name: key.name, privateKey, publicKey });
    const wrong = await cli(['--url', url, '--key', other, '--leaf', '0']);
    expect(wrong.status).toBe(1);
    expect(wrong.stdout).toContain('KHÔNG HỢP LỆ');
    expect(wrong.stdout).toContain('không có chữ ký của khóa');
  });

  it('(a) refuses a forged leaf: its text changed, and its text and hash changed', async () => {
    const target = original.find((l) => l.kind === 'progress' && l.leaf.includes('"percent":40'));
    expect(target, 'a progress leaf at 40 %').toBeTruthy();
    const idx = target!.idx;
    const forgedText = target!.leaf.replace('"percent":40', '"percent":90');
    await asOwner(() =>
      db().execute(sql`update transparency_leaves set leaf = ${forgedText} where idx = ${idx}`),
    );

    // The running app's tree still holds the signed hashes: the forged text does not verify.
    const served = await leafAt(idx);
    expect(served.leaf).toContain('"percent":90');
    expect(checkInclusion(served.leaf, idx, served.proof!, await current())).toMatchObject({ ok: false });
    const c1 = await cli(['--url', url, '--key', keyText, '--leaf', String(idx)]);
    expect(c1.status, c1.stdout).toBe(1);
    expect(c1.stdout).toContain('không nằm trong cây đã ký');
    // A fresh load sees the stored hash disagree with the text, reports it, and signs nothing.
    dropTreeCache(db());
    expect((await loadTree(db())).problem).toMatchObject({ kind: 'hash-mismatch', index: idx });
    expect(await signCheckpoint(r.t.deps)).toMatchObject({ signed: false, reason: 'problem' });
    expect((await state()).problem).toContain(`lá số ${idx}`);

    // The attacker fixes the hash too: the tree loads, but it is not the signed tree.
    const forgedHash = leafHash(Buffer.from(forgedText, 'utf8')).toString('hex');
    await asOwner(() =>
      db().execute(sql`update transparency_leaves set hash = ${forgedHash} where idx = ${idx}`),
    );
    dropTreeCache(db());
    expect((await loadTree(db())).problem).toBeNull();
    expect(await signCheckpoint(r.t.deps)).toMatchObject({ signed: false, reason: 'inconsistent' });
    const again = await leafAt(idx);
    expect(checkInclusion(again.leaf, idx, again.proof!, await current())).toMatchObject({ ok: false });
    const c2 = await cli(['--url', url, '--key', keyText, '--leaf', String(idx)]);
    expect(c2.status, c2.stdout).toBe(1);
    // A leaf saved before the forgery still verifies offline against the signed checkpoint.
    const saved = path.join(tmp, `${kind}-saved.json`);
    const honestProof = new MerkleTree(original.map((l) => Buffer.from(l.hash, 'hex')));
    const cp = await current();
    fs.writeFileSync(
      saved,
      JSON.stringify({
        ...again,
        leaf: target!.leaf,
        proof: {
          treeSize: cp.size,
          hashes: honestProof.inclusionProof(idx, cp.size).map((h) => h.toString('base64')),
        },
      }),
    );
    expect((await cli(['--key', keyText, '--proof-file', saved])).status).toBe(0);
    const tampered = path.join(tmp, `${kind}-tampered.txt`);
    fs.writeFileSync(tampered, forgedText);
    const c3 = await cli(['--key', keyText, '--proof-file', saved, '--leaf-file', tampered]);
    expect(c3.status).toBe(1);
    await restoreLeaves();
    expect((await cli(['--url', url, '--key', keyText, '--leaf', String(idx)])).status).toBe(0);
  });

  it('(b) refuses a dropped leaf: a gap, and a gap closed by renumbering', async () => {
    const idx = 1;
    await asOwner(() => db().execute(sql`delete from transparency_leaves where idx = ${idx}`));
    dropTreeCache(db());
    expect((await loadTree(db())).problem).toMatchObject({ kind: 'gap', index: idx });
    expect(await signCheckpoint(r.t.deps)).toMatchObject({ signed: false, reason: 'problem' });
    const gone = await cli(['--url', url, '--key', keyText, '--leaf', String(idx)]);
    expect(gone.status).toBe(1);
    expect(gone.stdout).toContain('404');
    const after = await cli(['--url', url, '--key', keyText, '--leaf', String(idx + 1)]);
    expect(after.status).toBe(1);
    expect(after.stdout).toContain('chưa có điểm kiểm chứng bao gồm lá này');

    // The attacker renumbers the later leaves to hide the gap.
    await asOwner(async () => {
      for (const l of original.filter((x) => x.idx > idx))
        await db().execute(sql`update transparency_leaves set idx = ${l.idx - 1} where idx = ${l.idx}`);
    });
    dropTreeCache(db());
    expect((await loadTree(db())).problem).toBeNull();
    expect(await signCheckpoint(r.t.deps)).toMatchObject({ signed: false, reason: 'inconsistent' });
    const shifted = await leafAt(idx);
    expect(shifted.leaf).toBe(original[idx + 1]!.leaf);
    const cp = await current();
    expect(shifted.proof).toBeNull(); // the tree is now smaller than the signed checkpoint
    const honest = new MerkleTree(original.map((l) => Buffer.from(l.hash, 'hex')));
    expect(
      checkInclusion(
        shifted.leaf,
        idx,
        { treeSize: cp.size, hashes: honest.inclusionProof(idx, cp.size).map((h) => h.toString('base64')) },
        cp,
      ),
    ).toMatchObject({ ok: false });
    const c = await cli(['--url', url, '--key', keyText, '--checkpoint', oldFile]);
    expect(c.status, c.stdout).toBe(1);
    expect(c.stdout).toContain('KHÔNG HỢP LỆ');
    await restoreLeaves();
    expect((await cli(['--url', url, '--key', keyText, '--checkpoint', oldFile])).status).toBe(0);
  });

  it('(c) refuses a fork: the same prefix, another last leaf, signed with the same key', async () => {
    const honest = await current();
    const last = original.at(-1)!;
    const forgedText = last.leaf.replace('"public":true', '"public":false');
    expect(forgedText).not.toBe(last.leaf);
    const forgedHash = leafHash(Buffer.from(forgedText, 'utf8')).toString('hex');
    // Split view, in memory: two trees of the same size, both signed.
    const fork = new MerkleTree([
      ...original.slice(0, -1).map((l) => Buffer.from(l.hash, 'hex')),
      Buffer.from(forgedHash, 'hex'),
    ]);
    const forkNote = signNote(
      tlogCheckpointText({ origin: ORIGIN, size: fork.size, rootHash: fork.root().toString('hex') }),
      key,
    );
    const forkCp = openTlogCheckpoint(forkNote, key, ORIGIN);
    expect(forkCp.ok).toBe(true);
    if (!forkCp.ok) return;
    expect(forkCp.checkpoint.size).toBe(honest.size);
    expect(checkConsistency(honest, forkCp.checkpoint, [])).toMatchObject({ ok: false });

    // In the database: the last leaf rewritten, one more leaf appended, and a checkpoint of the
    // fork signed with the stolen key. The app itself refuses to sign it.
    const extra = { ...last, idx: last.idx + 1, leaf: last.leaf, hash: last.hash };
    await asOwner(async () => {
      await db().execute(
        sql`update transparency_leaves set leaf = ${forgedText}, hash = ${forgedHash} where idx = ${last.idx}`,
      );
      await db().insert(transparencyLeaves).values(extra);
    });
    dropTreeCache(db());
    const { tree } = await loadTree(db());
    expect(tree.size).toBe(honest.size + 1);
    expect(await signCheckpoint(r.t.deps)).toMatchObject({ signed: false, reason: 'inconsistent' });
    const note = signNote(
      tlogCheckpointText({ origin: ORIGIN, size: tree.size, rootHash: tree.root().toString('hex') }),
      key,
    );
    await db()
      .insert(transparencyCheckpoints)
      .values({ size: tree.size, rootHash: tree.root().toString('hex'), note, signedAt: new Date() });
    // The forked checkpoint is validly signed, and every leaf verifies in it…
    const now = await current();
    expect(now.size).toBe(honest.size + 1);
    const ok = await cli(['--url', url, '--key', keyText, '--leaf', String(last.idx)]);
    expect(ok.status, ok.stdout).toBe(0);
    // …but whoever kept the earlier checkpoint sees the fork.
    const honestFile = path.join(tmp, `${kind}-honest.txt`);
    const honestNote = (
      await db().select().from(transparencyCheckpoints).orderBy(transparencyCheckpoints.size)
    ).find((x) => x.size === honest.size)!.note;
    fs.writeFileSync(honestFile, honestNote);
    const forked = await cli(['--url', url, '--key', keyText, '--checkpoint', honestFile]);
    expect(forked.status, forked.stdout).toBe(1);
    expect(forked.stdout).toContain('viết lại hoặc rẽ nhánh');
    const proof = (await anon().get<{ hashes: string[] }>(`/api/public/log/consistency?from=${honest.size}`))
      .body;
    expect(checkConsistency(honest, now, proof.hashes)).toMatchObject({ ok: false });
    // The older checkpoint, from before the rewritten leaf, is still extended by the fork.
    expect((await cli(['--url', url, '--key', keyText, '--checkpoint', oldFile])).status).toBe(0);
  });
});
