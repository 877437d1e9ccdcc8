import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DB_KINDS, type DbKind } from '../../../test/support/db.js';
import { startTestApp, type Client, type TestApp } from '../../../test/support/app.js';
import { openDatabase, rows, type Db } from '../../db/connection.js';
import { units } from '../../db/schema.js';
import { mutate } from './audit-writer.js';
import { verifyAuditChain } from './audit.service.js';
import { systemCtx } from '../context.js';
import { loadDemoDataIfEmpty } from '../system/demo.js';
import { findUnitByCode } from '../../db/queries/units.js';
import type { AuditEvent, AuditEvents } from '../../contract/audit.js';

async function tamper(db: Db, seq: number) {
  // A database superuser can switch the append-only trigger off; the chain must still tell.
  await db.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
  await db.execute(
    sql`update audit_events set after = jsonb_set(after, '{name}', '"Đã bị sửa"') where seq = ${seq}`,
  );
  await db.execute(sql`alter table audit_events enable trigger audit_events_no_update`);
}

const CLI = path.resolve('bin/thucthi.js');

describe.each(DB_KINDS)('audit trail on %s', (kind: DbKind) => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.loginAs('admin');
  });
  afterAll(async () => t?.close());

  it('records each API mutation with actor, before, after, request id and IP', async () => {
    const created = await admin.request<{ id: string; version: number }>(
      'POST',
      '/api/units',
      { code: 'NK-1', name: 'Đơn vị nhật ký', kind: 'other' },
      { headers: { 'x-request-id': 'req-nhat-ky-1' } },
    );
    expect(created.headers.get('x-request-id')).toBe('req-nhat-ky-1');
    await admin.patch(`/api/units/${created.body.id}`, { version: 1, name: 'Đơn vị nhật ký (sửa)' });
    const h = await admin.get<AuditEvents>(`/api/audit?entityType=unit&entityId=${created.body.id}`);
    expect(h.body.items.map((e) => e.action)).toEqual(['unit.update', 'unit.create']);
    const [upd, cre] = h.body.items as [AuditEvent, AuditEvent];
    expect(cre).toMatchObject({ requestId: 'req-nhat-ky-1', ip: '127.0.0.1', before: null });
    expect(cre.after).toMatchObject({ code: 'NK-1', name: 'Đơn vị nhật ký' });
    expect(cre.actorLabel).toMatch(/^admin/);
    expect(upd.before).toEqual({ name: 'Đơn vị nhật ký' });
    expect(upd.after).toEqual({ name: 'Đơn vị nhật ký (sửa)' });
    expect(upd.actorId).toBe(cre.actorId);
    expect(JSON.stringify(h.body)).not.toMatch(/argon2|passwordHash/);
  });

  it('writes nothing, data or event, when a mutation fails', async () => {
    const count = async () =>
      Number((await rows<{ n: string }>(t.deps.db, sql`select count(*) as n from audit_events`))[0]!.n);
    const before = await count();
    const dup = await admin.post('/api/units', { code: 'NK-1', name: 'Trùng mã', kind: 'other' });
    expect(dup.status).toBe(409);
    expect(await count()).toBe(before);
  });

  it('rolls back a mutation that forgets its audit event', async () => {
    await expect(
      mutate(t.deps.db, systemCtx('test'), async (tx) => {
        await tx
          .insert(units)
          .values({ code: 'KHONG-NK', name: 'Không nhật ký', kind: 'other', searchText: 'khong nhat ky' });
      }),
    ).rejects.toThrow(/no audit event/);
    expect(await findUnitByCode(t.deps.db, 'KHONG-NK')).toBeNull();
  });

  it('refuses to update or delete an event (append-only)', async () => {
    await expect(
      t.deps.db.execute(sql`update audit_events set action = 'x' where seq = 1`),
    ).rejects.toThrow();
    await expect(t.deps.db.execute(sql`delete from audit_events where seq = 1`)).rejects.toThrow();
  });

  it('keeps one valid chain under concurrent mutations', async () => {
    const list = await admin.get<{ items: { id: string; version: number }[] }>(
      '/api/units?kind=commune&limit=20',
    );
    const results = await Promise.all(
      list.body.items.map((u, i) =>
        admin.patch(`/api/units/${u.id}/contact`, { version: u.version, phone: `024 000 ${i}` }),
      ),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const v = await admin.get<{ ok: boolean; count: number }>('/api/audit/verify');
    expect(v.body.ok).toBe(true);
  });

  it('verify names the first event edited directly in SQL (API and CLI)', async () => {
    const ok = await admin.get<{ ok: boolean; count: number }>('/api/audit/verify');
    expect(ok.body).toMatchObject({ ok: true });
    const target = (await admin.get<AuditEvents>('/api/audit?entityType=unit&limit=200')).body.items.find(
      (e) => e.action === 'unit.create' && e.after?.code === 'NK-1',
    )!;
    await tamper(t.deps.db, target.seq);
    const broken = await admin.get<{ ok: boolean; count: number; brokenAt: { seq: number; reason: string } }>(
      '/api/audit/verify',
    );
    expect(broken.body).toMatchObject({
      ok: false,
      count: target.seq - 1,
      brokenAt: { seq: target.seq, reason: 'content' },
    });
    if (t.url) {
      const r = spawnSync(process.execPath, [CLI, 'audit', 'verify', '--database-url', t.url], {
        encoding: 'utf8',
      });
      expect(r.status).toBe(1);
      expect(r.stdout).toContain(`sự kiện #${target.seq}`);
    }
  });
});

describe('thucthi audit verify on an embedded data folder', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-audit-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints OK with the count, then the first broken event after an edit', async () => {
    const d = await openDatabase({ dataDir: dir });
    await loadDemoDataIfEmpty({ db: d.db, config: { sessionTtlHours: 12 } });
    const total = (await verifyAuditChain(d.db)).count;
    await d.close();

    // Data loaded in-process has no signed checkpoint yet: verify says so, `audit checkpoint` signs one.
    const unsigned = spawnSync(process.execPath, [CLI, 'audit', 'verify', '--data-dir', dir], {
      encoding: 'utf8',
    });
    expect(unsigned.status).toBe(1);
    expect(unsigned.stdout).toContain('không tìm thấy khóa ký nhật ký');
    const cp = spawnSync(process.execPath, [CLI, 'audit', 'checkpoint', '--data-dir', dir], {
      encoding: 'utf8',
    });
    expect(cp.status, cp.stderr).toBe(0);
    const ok = spawnSync(process.execPath, [CLI, 'audit', 'verify', '--data-dir', dir], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`OK: ${total} sự kiện`);

    const d2 = await openDatabase({ dataDir: dir });
    await tamper(d2.db, 42);
    await d2.close();
    const bad = spawnSync(process.execPath, [CLI, 'audit', 'verify', '--data-dir', dir], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('sự kiện #42');
    expect(bad.stdout).toContain('41 sự kiện trước đó toàn vẹn');
  });
});
