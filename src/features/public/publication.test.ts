/**
 * Publishing a program on the portal: only the monitor decides; accepted progress, and only it, goes
 * to the public log with the audit event that made it; a program published late logs its history once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { DB_KINDS } from '../../../test/support/db.js';
import { setPublic, startPortalApp, type PortalApp } from '../../../test/support/portal.js';
import { auditEvents, transparencyLeaves } from '../../db/schema.js';
import {
  leafBytes,
  leafHash,
  parseLeaf,
  type ProgressStatement,
} from '../../domain/transparency/statements.js';

describe.each(DB_KINDS)('publication (%s)', (kind) => {
  let r: PortalApp;
  beforeAll(async () => {
    r = await startPortalApp(kind);
  }, 120_000);
  afterAll(async () => r?.t.close());

  // The fixture program's leaves (the demo data's seed program is public too).
  const leaves = () =>
    r.t.deps.db
      .select()
      .from(transparencyLeaves)
      .where(eq(transparencyLeaves.programId, r.f.programId))
      .orderBy(asc(transparencyLeaves.idx));

  it('logs the program, then each accepted task its unit leads, with the event that made it', async () => {
    const all = await leaves();
    const every = await r.t.deps.db.select().from(transparencyLeaves).orderBy(asc(transparencyLeaves.idx));
    expect(every.map((l) => l.idx)).toEqual(every.map((_, i) => i));
    expect(all.map((l) => l.kind)).toEqual(['program', 'progress', 'progress']);
    for (const l of all) {
      // The stored hash is the RFC 6962 leaf hash of the stored bytes, which are the canonical form.
      expect(l.hash).toBe(leafHash(Buffer.from(l.leaf, 'utf8')).toString('hex'));
      const c = parseLeaf(l.leaf)!;
      expect(leafBytes(c).toString('utf8')).toBe(l.leaf);
      const [ev] = await r.t.deps.db.select().from(auditEvents).where(eq(auditEvents.seq, l.auditSeq));
      expect(ev!.hash).toBe(c.auditHash);
      expect(ev!.action).toBe(l.kind === 'program' ? 'program.publicize' : 'report.accept');
    }
    const progress = all.slice(1).map((l) => parseLeaf(l.leaf)!.statement as ProgressStatement);
    const c = progress.find((p) => p.task.id === r.f.c)!;
    expect(c).toMatchObject({
      status: 'done',
      statusLabel: 'Đã hoàn thành',
      percent: 100,
      unit: { id: r.f.stp },
    });
    expect(c.products[0]).toMatchObject({ number: '125/QĐ-STP', date: '2026-03-02' });
    // Only the file the unit marked public is stated; obstacles and proposals never are.
    expect(c.evidence.map((f) => f.sha256)).toEqual([r.publicSha]);
    const a = progress.find((p) => p.task.id === r.f.a)!;
    expect(a.evidence).toEqual([]);
    expect(JSON.stringify(progress)).not.toMatch(/Thiếu kinh phí|Đề nghị bố trí/);
    // Sở Nội vụ's report is submitted, not accepted: nothing of it.
    expect(progress.some((p) => p.task.id === r.f.b)).toBe(false);
  });

  it('withdrawing states it; publishing again logs no accepted progress twice', async () => {
    await setPublic(r, r.f.programId, false);
    const again = await setPublic(r, r.f.programId, true);
    expect(again.leaves).toBe(1);
    const all = await leaves();
    expect(all.map((l) => l.kind)).toEqual(['program', 'progress', 'progress', 'program', 'program']);
    expect(parseLeaf(all[3]!.leaf)!.statement).toMatchObject({ kind: 'program', public: false });
  });

  it('only monitors and admins publish; a stale version is refused', async () => {
    const p = await r.monitor.get<{ version: number }>(`/api/programs/${r.f.programId}`);
    const unit = await r.stpUser.request('PUT', `/api/programs/${r.f.programId}/publicity`, {
      public: false,
      version: p.body.version,
    });
    expect(unit.status).toBe(403);
    const stale = await r.monitor.request('PUT', `/api/programs/${r.f.programId}/publicity`, {
      public: false,
      version: p.body.version - 1,
    });
    expect(stale.status).toBe(409);
  });
});
