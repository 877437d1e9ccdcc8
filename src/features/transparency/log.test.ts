/**
 * The public log against a real app on both databases: checkpoints signed from the leaves the
 * portal fixture wrote, every leaf's inclusion proof, consistency between checkpoints, the text
 * downloads witnesses fetch, and the verify page (server-side result, the browser's script).
 */
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../test/support/db.js';
import { setPublic, startPortalApp, type PortalApp } from '../../../test/support/portal.js';
import { parseVerifierKey, verifierKey, type NoteKey } from '../../domain/signed-note.js';
import { checkConsistency, checkInclusion, openTlogCheckpoint } from '../../domain/transparency/verify.js';
import { parseLeaf } from '../../domain/transparency/statements.js';
import type { LogCheckpoints, LogConsistency, LogLeaf, PublicLogState } from '../../contract/public.js';
import { signCheckpoint } from './log.service.js';

const ORIGIN = 'thucthi.local/cong-khai';

function testLogKey(name = 'thucthi-audit-test'): NoteKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { name, privateKey, publicKey };
}

describe.each(DB_KINDS)('the public log on %s', (kind) => {
  let r: PortalApp;
  let key: NoteKey;
  beforeAll(async () => {
    r = await startPortalApp(kind);
    key = testLogKey();
    r.t.deps.publicLog = { key, origin: ORIGIN };
  });
  afterAll(async () => r?.t.close());

  it('serves the log before any checkpoint, then signs one covering every leaf', async () => {
    const anon = r.t.client();
    const before = await anon.get<PublicLogState>('/api/public/log');
    expect(before.status).toBe(200);
    expect(before.body.checkpoint).toBeNull();
    expect(before.body.treeSize).toBeGreaterThanOrEqual(3);
    expect(before.body.origin).toBe(ORIGIN);
    expect(before.body.verifierKey).toBe(verifierKey(key));
    expect((await anon.get('/api/public/log/checkpoint')).body).toMatchObject({
      code: 'PUBLIC_LOG_NO_CHECKPOINT',
    });
    const leaf0 = await anon.get<LogLeaf>('/api/public/log/leaves/0');
    expect(leaf0.body.proof).toBeNull();
    expect(leaf0.body.reason).toContain('Chưa có điểm kiểm chứng');

    const s = await signCheckpoint(r.t.deps);
    expect(s.signed).toBe(true);
    const again = await signCheckpoint(r.t.deps);
    expect(again).toMatchObject({ signed: false, reason: 'unchanged' });
    // Another instance on the same database with another key signs nothing.
    const other = await signCheckpoint({
      ...r.t.deps,
      publicLog: { key: testLogKey('khac'), origin: ORIGIN },
    });
    expect(other).toMatchObject({
      signed: false,
      reason: 'inconsistent',
      message: expect.stringContaining('AUDIT_KEY_FILE'),
    });

    const state = (await anon.get<PublicLogState>('/api/public/log')).body;
    expect(state.checkpoint!.size).toBe(state.treeSize);
    expect(state.problem).toBeNull();
    const text = await anon.get('/api/public/log/checkpoint');
    expect(text.headers.get('content-type')).toContain('text/plain');
    expect(text.text).toBe(state.checkpoint!.note);
    // C2SP tlog-checkpoint in a signed note: origin, size, base64 root, blank line, signature.
    expect(text.text).toMatch(
      new RegExp(
        `^${ORIGIN}\\n${state.treeSize}\\n[A-Za-z0-9+/]{43}=\\n\\n— thucthi-audit-test [A-Za-z0-9+/=]+\\n$`,
        'u',
      ),
    );
    const k = await anon.get('/api/public/log/key');
    expect(k.text.trim()).toBe(verifierKey(key));
    const opened = openTlogCheckpoint(text.text, parseVerifierKey(k.text), ORIGIN);
    expect(opened.ok).toBe(true);

    // Every leaf verifies against it, and none names a person.
    for (let i = 0; i < state.treeSize; i++) {
      const l = (await anon.get<LogLeaf>(`/api/public/log/leaves/${i}`)).body;
      expect(l.proof, `leaf ${i}`).not.toBeNull();
      expect(
        checkInclusion(l.leaf, i, l.proof!, opened.ok ? opened.checkpoint : (null as never)),
      ).toMatchObject({
        ok: true,
        leafHash: l.hash,
      });
      expect(parseLeaf(l.leaf)).not.toBeNull();
      expect(l.leaf).not.toMatch(/Người thử|@|monitor\d|unit\d/u);
    }
    expect((await anon.get(`/api/public/log/leaves/${state.treeSize + 5}`)).body).toMatchObject({
      code: 'PUBLIC_NOT_FOUND',
    });
  });

  it('grows: a later checkpoint is consistent with the earlier one; history and proofs between them', async () => {
    const anon = r.t.client();
    const first = (await anon.get<PublicLogState>('/api/public/log')).body.checkpoint!;
    await setPublic(r, r.f.programId, false);
    await setPublic(r, r.f.programId, true);
    const grown = (await anon.get<PublicLogState>('/api/public/log')).body;
    expect(grown.treeSize).toBeGreaterThan(first.size);
    // A leaf not yet covered: no proof, the latest checkpoint is not offered.
    const fresh = (await anon.get<LogLeaf>(`/api/public/log/leaves/${grown.treeSize - 1}`)).body;
    expect(fresh.proof).toBeNull();
    expect(fresh.checkpoint).toBeNull();
    expect((await signCheckpoint(r.t.deps)).signed).toBe(true);
    const latest = (await anon.get<PublicLogState>('/api/public/log')).body.checkpoint!;
    const proof = await anon.get<LogConsistency>(
      `/api/public/log/consistency?from=${first.size}&to=${latest.size}`,
    );
    expect(proof.status, proof.text).toBe(200);
    expect(proof.body.fromRoot).toBe(first.rootHash);
    const a = openTlogCheckpoint(first.note, key);
    const b = openTlogCheckpoint(latest.note, key);
    if (!a.ok || !b.ok) throw new Error('checkpoints do not open');
    expect(checkConsistency(a.checkpoint, b.checkpoint, proof.body.hashes)).toEqual({ ok: true });
    // Default `to`: the latest; a size never signed as `to`, or from > to, is refused.
    expect((await anon.get<LogConsistency>(`/api/public/log/consistency?from=1`)).body.to).toBe(latest.size);
    expect((await anon.get(`/api/public/log/consistency?from=0&to=${latest.size - 1}`)).body).toMatchObject({
      code: 'PUBLIC_LOG_NO_CHECKPOINT',
    });
    expect((await anon.get(`/api/public/log/consistency?from=${latest.size + 1}`)).status).toBe(400);
    const history = (await anon.get<LogCheckpoints>('/api/public/log/checkpoints?limit=10')).body.items;
    expect(history.map((c) => c.size)).toEqual([latest.size, first.size]);
  });

  it('shows the verify page: the statement in Vietnamese, the server-side result, and the forms', async () => {
    const anon = r.t.client();
    const state = (await anon.get<PublicLogState>('/api/public/log')).body;
    let progressIdx = -1;
    for (let i = 0; i < state.checkpoint!.size && progressIdx < 0; i++) {
      const l = (await anon.get<LogLeaf>(`/api/public/log/leaves/${i}`)).body;
      if (l.kind === 'progress') progressIdx = i;
    }
    expect(progressIdx).toBeGreaterThanOrEqual(0);
    const res = await fetch(`${r.t.base}/cong-khai/kiem-chung?leaf=${progressIdx}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = await res.text();
    expect(page).toContain(`Lá số ${progressIdx}`);
    expect(page).toContain('Sở Tư pháp');
    expect(page).toContain('Tiến độ nhiệm vụ theo báo cáo đã được chấp nhận');
    expect(page).toMatch(/id="ket-qua-may-chu" class="ok"/u);
    expect(page).toContain('id="ket-qua-trinh-duyet"');
    expect(page).toContain('<script src="/cong-khai/kiem-chung.js" defer></script>');
    expect(page).not.toMatch(/<script>/u);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");

    const js = await fetch(`${r.t.base}/cong-khai/kiem-chung.js`);
    expect(js.headers.get('content-type')).toContain('javascript');
    expect(await js.text()).toContain('Đã kiểm chứng trong trình duyệt của bạn');

    const form = await (await fetch(`${r.t.base}/cong-khai/kiem-chung`)).text();
    expect(form).toContain('<label for="leaf">');
    expect(form).toContain('<label for="checkpoint">');

    // An old checkpoint pasted: consistent; the same with a byte changed: refused.
    const old = (await anon.get<LogCheckpoints>('/api/public/log/checkpoints')).body.items.at(-1)!;
    const ok = await (
      await fetch(`${r.t.base}/cong-khai/kiem-chung?checkpoint=${encodeURIComponent(old.note)}`)
    ).text();
    expect(ok).toMatch(/id="ket-qua-nhat-quan" class="ok"/u);
    const forged = old.note.replace(/\n(\d+)\n/u, (_m, n: string) => `\n${Number(n) + 1}\n`);
    const bad = await (
      await fetch(`${r.t.base}/cong-khai/kiem-chung?checkpoint=${encodeURIComponent(forged)}`)
    ).text();
    expect(bad).toMatch(/id="ket-qua-nhat-quan" class="late"/u);
    expect(bad).toContain('chữ ký');

    const none = await (await fetch(`${r.t.base}/cong-khai/kiem-chung?leaf=999999`)).text();
    expect(none).toContain('không có lá số 999999');
  });
});
