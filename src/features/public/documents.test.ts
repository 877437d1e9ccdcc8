/**
 * Published documents (issue 14 point 1), on both databases: only an approved consolidated report of
 * a public program is published; its .docx and .pdf are served anonymously with the SHA-256 the public
 * log states; a withdrawn document, or one of a program no longer public, answers 404; the annual
 * review is published too (without PDF when LibreOffice is missing); the evidence sweep keeps the
 * published files.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, gt, inArray } from 'drizzle-orm';
import { DB_KINDS } from '../../../test/support/db.js';
import {
  approveConsolidation,
  setPublic,
  startPortalApp,
  type PortalApp,
} from '../../../test/support/portal.js';
import type { Client } from '../../../test/support/app.js';
import { auditEvents, files, transparencyLeaves } from '../../db/schema.js';
import { parseLeaf, type DocumentStatement } from '../../domain/transparency/statements.js';
import type { PublicDocumentList, PublishedDocument } from '../../contract/portal.js';
import type { Consolidation } from '../../contract/consolidation.js';
import { ERRORS } from '../../errors.js';
import { sweepFiles } from '../../jobs/file-sweep.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The error code of a refusal. */
const code = (res: { body: unknown }) => (res.body as { code?: string }).code;

describe.each(DB_KINDS)('published documents (%s)', (kind) => {
  let r: PortalApp;
  let leader: Client;
  let consolidation: Consolidation;
  let published: PublishedDocument;
  beforeAll(async () => {
    r = await startPortalApp(kind);
    leader = await r.t.loginAs('leader');
    const g = await r.monitor.post<Consolidation>(`/api/periods/${r.periodId}/consolidation`);
    expect(g.status, g.text).toBe(200);
    consolidation = g.body;
  }, 120_000);
  afterAll(async () => r?.t.close());

  const publish = (c: Client, body: Record<string, unknown>) =>
    c.post<PublishedDocument>('/api/public-documents', body);
  const download = async (path: string) => {
    const res = await fetch(`${r.t.base}${path}`);
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  };
  const size = async () => (await r.t.deps.db.select().from(transparencyLeaves)).length;
  const leavesAfter = async (n: number) =>
    (
      await r.t.deps.db
        .select()
        .from(transparencyLeaves)
        .where(gt(transparencyLeaves.idx, n - 1))
        .orderBy(asc(transparencyLeaves.idx))
    ).map((l) => ({ row: l, s: parseLeaf(l.leaf)!.statement as DocumentStatement }));

  it('publishes only an approved consolidated report, and only monitors and admins do', async () => {
    const draft = await publish(r.monitor, { kind: 'consolidated', consolidationId: consolidation.id });
    expect([draft.status, draft.body]).toMatchObject([
      409,
      { code: 'PUBLIC_CONSOLIDATION_NOT_APPROVED', message: ERRORS.PUBLIC_CONSOLIDATION_NOT_APPROVED.vi },
    ]);
    await approveConsolidation(r, leader, consolidation.version, { number: '125', date: '2026-12-10' });
    for (const c of [r.stpUser, leader])
      expect((await publish(c, { kind: 'consolidated', consolidationId: consolidation.id })).status).toBe(
        403,
      );
    expect(
      (await publish(r.t.client(), { kind: 'consolidated', consolidationId: consolidation.id })).status,
    ).toBe(401);
  });

  it('serves the .docx and .pdf whose SHA-256 the public log states', async () => {
    const before = await size();
    const res = await publish(r.monitor, { kind: 'consolidated', consolidationId: consolidation.id });
    expect(res.status, res.text).toBe(201);
    published = res.body;
    expect(published).toMatchObject({
      kind: 'consolidated',
      programId: r.f.programId,
      consolidationId: consolidation.id,
      public: true,
      docxUrl: `/cong-khai/tai-lieu/${published.id}.docx`,
    });
    expect(published.number).toMatch(/^125[-/]/);
    const docx = await download(published.docxUrl);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toMatch(/wordprocessingml/);
    expect(docx.headers.get('content-disposition')).toMatch(/^attachment; filename="[a-z0-9-]+\.docx"$/);
    expect(docx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const added = await leavesAfter(before);
    expect(added).toHaveLength(1);
    const s = added[0]!.s;
    expect(s).toMatchObject({
      kind: 'document',
      documentId: published.id,
      documentKind: 'consolidated',
      public: true,
      program: { id: r.f.programId },
    });
    expect(s.docxSha256).toBe(sha(docx.bytes));
    expect(published.docxSha256).toBe(s.docxSha256);
    // LibreOffice is installed where the tests run: the PDF is there too, with its hash in the leaf.
    expect(published.pdfNote).toBeNull();
    const pdf = await download(published.pdfUrl!);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(s.pdfSha256).toBe(sha(pdf.bytes));
    // Nothing personal in the statement beyond the document's own published signer.
    expect(JSON.stringify(s)).not.toMatch(/Người thử|@/);
    const [ev] = await r.t.deps.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.seq, added[0]!.row.auditSeq));
    expect(ev!.action).toBe('document.publish');
    // ETag: the file's hash.
    const again = await fetch(`${r.t.base}${published.docxUrl}`, {
      headers: { 'if-none-match': `"${s.docxSha256}"` },
    });
    expect(again.status).toBe(304);
    // Once is enough while it is published.
    const twice = await publish(r.monitor, { kind: 'consolidated', consolidationId: consolidation.id });
    expect([twice.status, code(twice)]).toEqual([409, 'PUBLIC_DOCUMENT_ALREADY_PUBLISHED']);
    const list = await r.monitor.get<PublicDocumentList>(`/api/public-documents?programId=${r.f.programId}`);
    expect(list.body.items.map((d) => d.id)).toEqual([published.id]);
    expect((await r.stpUser.get('/api/public-documents')).status).toBe(403);
  });

  it('answers 404 for anything not published: bad names, a program withdrawn', async () => {
    for (const p of [
      `/cong-khai/tai-lieu/${published.id}.xlsx`,
      `/cong-khai/tai-lieu/${published.id}`,
      '/cong-khai/tai-lieu/00000000-0000-4000-8000-000000000000.docx',
      '/cong-khai/tai-lieu/..%2F..%2Fetc.docx',
    ]) {
      const res = await download(p);
      expect(res.status, p).toBe(404);
      expect(JSON.parse(res.bytes.toString('utf8')).code).toBe('PUBLIC_NOT_FOUND');
    }
    await setPublic(r, r.f.programId, false);
    expect((await download(published.docxUrl)).status).toBe(404);
    const refused = await publish(r.monitor, { kind: 'review', year: 2026, programId: r.f.programId });
    expect([refused.status, code(refused)]).toEqual([409, 'PUBLIC_PROGRAM_NOT_PUBLIC']);
    await setPublic(r, r.f.programId, true);
    expect((await download(published.docxUrl)).status).toBe(200);
  });

  it('publishes the annual review, without PDF when LibreOffice is missing', async () => {
    const future = await publish(r.monitor, { kind: 'review', year: 2027, programId: r.f.programId });
    expect([future.status, code(future)]).toEqual([400, 'PUBLIC_REVIEW_YEAR_NOT_STARTED']);
    const saved = process.env.SOFFICE_BIN;
    process.env.SOFFICE_BIN = '/khong/co/soffice';
    let res;
    try {
      res = await publish(r.monitor, { kind: 'review', year: 2026, programId: r.f.programId });
    } finally {
      if (saved === undefined) delete process.env.SOFFICE_BIN;
      else process.env.SOFFICE_BIN = saved;
    }
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ kind: 'review', year: 2026, pdfSha256: null, pdfUrl: null });
    expect(res.body.pdfNote).toMatch(/LibreOffice/);
    const docx = await download(res.body.docxUrl);
    expect(docx.status).toBe(200);
    expect(sha(docx.bytes)).toBe(res.body.docxSha256);
    expect((await download(`/cong-khai/tai-lieu/${res.body.id}.pdf`)).status).toBe(404);
  });

  it('keeps published files through the evidence sweep, withdrawn ones too', async () => {
    const shas = [published.docxSha256, published.pdfSha256!];
    // Even when due (as if the same bytes had been uploaded as evidence), they stay.
    await r.t.deps.db
      .update(files)
      .set({ sweepAt: new Date('2026-01-01T00:00:00Z') })
      .where(inArray(files.sha256, shas));
    r.t.deps.clock = () => new Date('2027-06-01T00:00:00Z');
    try {
      await sweepFiles(r.t.deps);
    } finally {
      r.t.deps.clock = () => new Date('2026-11-27T03:00:00Z');
    }
    const left = await r.t.deps.db
      .select({ sha256: files.sha256 })
      .from(files)
      .where(inArray(files.sha256, shas));
    expect(left).toHaveLength(2);
    expect((await download(published.docxUrl)).status).toBe(200);
  });

  it('withdraws: the portal answers 404 and the log states it', async () => {
    const before = await size();
    expect((await r.stpUser.post(`/api/public-documents/${published.id}/withdraw`)).status).toBe(403);
    const res = await r.monitor.post<PublishedDocument>(`/api/public-documents/${published.id}/withdraw`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.public).toBe(false);
    for (const p of [published.docxUrl, published.pdfUrl!]) expect((await download(p)).status).toBe(404);
    const [w] = await leavesAfter(before);
    expect(w!.s).toMatchObject({ kind: 'document', documentId: published.id, public: false });
    expect(w!.s.docxSha256).toBe(published.docxSha256);
    // Again: nothing more.
    expect((await r.monitor.post(`/api/public-documents/${published.id}/withdraw`)).status).toBe(200);
    expect(await size()).toBe(before + 1);
    // Withdrawn, it may be published again (a new document).
    const again = await publish(r.monitor, { kind: 'consolidated', consolidationId: consolidation.id });
    expect(again.status, again.text).toBe(201);
    expect(again.body.id).not.toBe(published.id);
  });
});
