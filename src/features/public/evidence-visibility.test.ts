/**
 * Evidence files public or internal (issue 14 point 1), on both databases: the unit decides for its
 * own files only; a change on a file an accepted report of a public program cites is stated in the
 * public log (one leaf per task and version), and nothing is stated for drafts, submitted or returned
 * versions, or a program that is not public.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, gt } from 'drizzle-orm';
import { DB_KINDS } from '../../../test/support/db.js';
import { setPublic, startPortalApp, type PortalApp } from '../../../test/support/portal.js';
import { PDF_BYTES, entry } from '../../../test/support/reporting.js';
import type { Client } from '../../../test/support/app.js';
import { auditEvents, transparencyLeaves } from '../../db/schema.js';
import { parseLeaf, type EvidenceStatement } from '../../domain/transparency/statements.js';
import type { EvidenceVisibility } from '../../contract/portal.js';
import type { ReportView } from '../../contract/reports.js';
import { ERRORS } from '../../errors.js';

/** The error code of a refusal. */
const code = (res: { body: unknown }) => (res.body as { code?: string }).code;

describe.each(DB_KINDS)('evidence visibility (%s)', (kind) => {
  let r: PortalApp;
  let stpOb: string;
  let admin: Client;
  beforeAll(async () => {
    r = await startPortalApp(kind);
    stpOb = r.obligationOf(r.f.stp);
    admin = await r.t.loginAs('admin');
  }, 120_000);
  afterAll(async () => r?.t.close());

  const set = (c: Client, ob: string, sha: string, value: boolean) =>
    c.request<EvidenceVisibility>('PUT', `/api/reports/${ob}/files/${sha}/visibility`, { public: value });
  const size = async () => (await r.t.deps.db.select().from(transparencyLeaves)).length;
  const leavesAfter = async (n: number) =>
    (
      await r.t.deps.db
        .select()
        .from(transparencyLeaves)
        .where(gt(transparencyLeaves.idx, n - 1))
        .orderBy(asc(transparencyLeaves.idx))
    ).map((l) => ({ row: l, c: parseLeaf(l.leaf)! }));

  it('lets a unit decide only for its own files', async () => {
    // Sở Nội vụ on Sở Tư pháp's report, a monitor, anonymous: refused.
    const other = await set(r.snvUser, stpOb, r.internalSha, true);
    expect([other.status, other.body]).toMatchObject([403, { code: 'FORBIDDEN_UNIT_SCOPE' }]);
    expect((await set(r.monitor, stpOb, r.internalSha, true)).status).toBe(403);
    expect((await set(r.t.client(), stpOb, r.internalSha, true)).status).toBe(401);
    // Its own report, but a file it never uploaded: 404 with a clear code.
    const snvOb = r.obligationOf(r.f.snv);
    const foreign = await set(r.snvUser, snvOb, r.internalSha, true);
    expect([foreign.status, code(foreign)]).toEqual([404, 'PUBLIC_FILE_NOT_CITED']);
    expect((foreign.body as unknown as { message: string }).message).toBe(ERRORS.PUBLIC_FILE_NOT_CITED.vi);
    // The report says which files are public: the fixture's one only.
    const rep = (await r.stpUser.get<ReportView>(`/api/reports/${stpOb}`)).body;
    expect(rep.publicFiles).toEqual([r.publicSha]);
  });

  it('states a change on a file an accepted report cites, one leaf per task, with its audit event', async () => {
    const before = await size();
    const res = await set(r.stpUser, stpOb, r.internalSha, true);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ sha256: r.internalSha, unitId: r.f.stp, public: true, leaves: 1 });
    const added = await leavesAfter(before);
    expect(added).toHaveLength(1);
    const s = added[0]!.c.statement as EvidenceStatement;
    expect(s).toMatchObject({
      kind: 'evidence',
      public: true,
      task: { id: r.f.a },
      unit: { id: r.f.stp },
      file: { sha256: r.internalSha, filename: 'bien-ban-noi-bo.pdf' },
      program: { id: r.f.programId },
    });
    expect(added[0]!.row).toMatchObject({ kind: 'evidence', nodeId: r.f.a, programId: r.f.programId });
    const [ev] = await r.t.deps.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.seq, added[0]!.row.auditSeq));
    expect(ev!.action).toBe('evidence.publicize');
    expect(JSON.stringify(added[0]!.c)).not.toMatch(/Người thử|@/);
    // Asking again changes nothing and states nothing.
    const again = await set(r.stpUser, stpOb, r.internalSha, true);
    expect(again.body.leaves).toBe(0);
    expect(await size()).toBe(before + 1);
    // Back to internal: stated too.
    const back = await set(r.stpUser, stpOb, r.publicSha, false);
    expect(back.body).toMatchObject({ public: false, leaves: 1 });
    const [w] = await leavesAfter(before + 1);
    expect(w!.c.statement).toMatchObject({ kind: 'evidence', public: false, task: { id: r.f.c } });
    const [ev2] = await r.t.deps.db.select().from(auditEvents).where(eq(auditEvents.seq, w!.row.auditSeq));
    expect(ev2!.action).toBe('evidence.internalize');
    // An admin may decide for any unit.
    expect((await set(admin, stpOb, r.publicSha, true)).body).toMatchObject({ public: true, leaves: 1 });
  });

  it('states nothing for a program that is not public', async () => {
    await setPublic(r, r.f.programId, false);
    const before = await size();
    const res = await set(r.stpUser, stpOb, r.internalSha, false);
    expect(res.body).toMatchObject({ public: false, leaves: 0 });
    expect(await size()).toBe(before);
    const ev = await r.t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'evidence.internalize'), eq(auditEvents.entityId, r.internalSha)));
    expect(ev).toHaveLength(1);
    await setPublic(r, r.f.programId, true);
  });

  it('states nothing for drafts and versions not accepted', async () => {
    const snvOb = r.obligationOf(r.f.snv);
    // Sở Nội vụ's submitted report goes back to it; it attaches a file to its draft and marks it public.
    const back = await r.monitor.post(`/api/reports/${snvOb}/review`, {
      decision: 'return',
      comment: 'Đề nghị bổ sung kết quả.',
    });
    expect(back.status, back.text).toBe(200);
    const up = await r.snvUser.request<{ sha256: string; filename: string; size: number; mime: string }>(
      'POST',
      `/api/reports/${snvOb}/files?filename=${encodeURIComponent('ke-hoach.pdf')}`,
      undefined,
      { raw: Buffer.concat([PDF_BYTES, Buffer.from('\n% snv\n')]), contentType: 'application/octet-stream' },
    );
    expect(up.status, up.text).toBe(201);
    const rep = (await r.snvUser.get<ReportView>(`/api/reports/${snvOb}`)).body;
    const saved = await r.snvUser.request('PUT', `/api/reports/${snvOb}/draft`, {
      version: rep.version,
      content: {
        general: {},
        entries: { [r.f.b]: entry({ status: 'in_progress', percent: 20, evidence: [up.body] }) },
      },
    });
    expect(saved.status, saved.text).toBe(200);
    const before = await size();
    const res = await set(r.snvUser, snvOb, up.body.sha256, true);
    expect(res.body).toMatchObject({ public: true, leaves: 0 });
    expect(await size()).toBe(before);
    expect((await r.snvUser.get<ReportView>(`/api/reports/${snvOb}`)).body.publicFiles).toEqual([
      up.body.sha256,
    ]);
  });
});
