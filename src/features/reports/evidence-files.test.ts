/**
 * Evidence files (issue 10, points 1 and 6): who may read a file, which files a draft may reference
 * and what it says about them, the extension checked against the content, no uploads into accepted
 * reports or closed periods, the quota per unit and period, and the sweep of unreferenced files.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../test/support/db.js';
import { startTestApp, type Client, type TestApp } from '../../../test/support/app.js';
import {
  PDF_BYTES,
  openAnnualPeriod,
  reportingProgram,
  type ReportingFixture,
} from '../../../test/support/reporting.js';
import { emptyEntry, type EvidenceRef } from '../../domain/reporting/report.js';
import type { PeriodDetail } from '../../contract/periods.js';
import type { ReportView as Report } from '../../contract/reports.js';
import { MIGRATIONS_DIR, rows } from '../../db/connection.js';
import { sweepFiles } from '../../jobs/file-sweep.js';

const entry = (o: Record<string, unknown>) => ({ ...emptyEntry(), ...o });
/** A distinct small PDF for each tag. */
const pdf = (tag: string) => Buffer.concat([PDF_BYTES, Buffer.from(`%${tag}\n`)]);
const pdfSha = (tag: string) => createHash('sha256').update(pdf(tag)).digest('hex');
const DAY = 86_400_000;

describe.each(DB_KINDS)('evidence files on %s', (kind) => {
  let t: TestApp;
  let monitor: Client;
  let leader: Client;
  let stp: Client;
  let snv: Client;
  let yte: Client;
  let f: ReportingFixture;
  let clock = new Date('2026-11-27T03:00:00Z');
  let stpOb: string;
  let snvOb: string;

  const up = (c: Client, ob: string, bytes: Buffer, filename: string) =>
    c.request<EvidenceRef & { code?: string; message?: string }>(
      'POST',
      `/api/reports/${ob}/files?filename=${encodeURIComponent(filename)}`,
      undefined,
      { raw: bytes, contentType: 'application/octet-stream' },
    );
  const download = (c: Client, sha: string, name?: string) =>
    fetch(`${t.base}/api/files/${sha}${name ? `?name=${encodeURIComponent(name)}` : ''}`, {
      headers: { cookie: c.cookie! },
    });
  const report = async (c: Client, ob: string) => (await c.get<Report>(`/api/reports/${ob}`)).body;
  const saveDraft = async (c: Client, ob: string, entries: Record<string, unknown>) => {
    const rep = await report(c, ob);
    return c.request('PUT', `/api/reports/${ob}/draft`, { version: rep.version, content: { entries } });
  };
  const fileRows = async (sha: string) =>
    (
      await rows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from files where sha256 = ${sha}`)
    )[0]!.n;

  beforeAll(async () => {
    t = await startTestApp(kind, {
      config: { sessionTtlHours: 24 * 400, sessionIdleMinutes: 0, evidenceGraceDays: 7 },
    });
    t.deps.clock = () => clock;
    monitor = await t.loginAs('monitor', { unitCode: 'BNC-TU' });
    leader = await t.loginAs('leader');
    stp = await t.loginAs('unit', { unitCode: 'SO-TU-PHAP' });
    snv = await t.loginAs('unit', { unitCode: 'SO-NOI-VU' });
    yte = await t.loginAs('unit', { unitCode: 'SO-Y-TE' });
    f = await reportingProgram(t, monitor);
    const period = await openAnnualPeriod(monitor, f);
    stpOb = period.obligationOf(f.stp);
    snvOb = period.obligationOf(f.snv);
  });
  afterAll(async () => t?.close());

  it("keeps a unit's evidence from other units, and takes a draft's file facts from the server's record", async () => {
    const a = await up(stp, stpOb, pdf('stp-1'), 'Quyết định 12.pdf');
    expect(a.status).toBe(201);
    const sha = a.body.sha256;
    // The uploading unit, the monitor and a leader read it; another unit does not.
    expect((await download(stp, sha)).status).toBe(200);
    expect((await download(monitor, sha)).status).toBe(200);
    expect((await download(leader, sha)).status).toBe(200);
    const other = await download(snv, sha);
    expect(other.status).toBe(403);
    expect(((await other.json()) as { code: string }).code).toBe('FORBIDDEN_UNIT_SCOPE');
    // Another unit cannot attach it to its own report.
    const steal = await saveDraft(snv, snvOb, {
      [f.b]: entry({
        status: 'in_progress',
        evidence: [{ sha256: sha, filename: 'x.pdf', size: 1, mime: 'application/pdf' }],
      }),
    });
    expect([steal.status, steal.body.code]).toEqual([400, 'FILE_NOT_UPLOADED_BY_UNIT']);
    expect((await download(snv, sha)).status).toBe(403);
    // The owner's draft stores the server's name, size and type, whatever the client says.
    const lie = await saveDraft(stp, stpOb, {
      [f.a]: entry({
        status: 'in_progress',
        evidence: [
          { sha256: sha, filename: 'hoa-don.hta', size: 1, mime: 'text/html' },
          { sha256: sha, filename: 'lan-hai.pdf', size: 2, mime: 'text/html' },
        ],
      }),
    });
    expect(lie.status).toBe(200);
    const stored = (await report(stp, stpOb)).draft.entries[f.a]!.evidence;
    expect(stored).toEqual([
      { sha256: sha, filename: 'Quyết định 12.pdf', size: pdf('stp-1').length, mime: 'application/pdf' },
    ]);
    // The same bytes uploaded by the other unit are its own upload: it may then read and attach them.
    const b = await up(snv, snvOb, pdf('stp-1'), 'ban-sao.pdf');
    expect([b.status, b.body.sha256]).toEqual([201, sha]);
    expect((await download(snv, sha)).status).toBe(200);
    const mine = await saveDraft(snv, snvOb, {
      [f.b]: entry({ status: 'in_progress', evidence: [b.body] }),
    });
    expect(mine.status).toBe(200);
    expect((await report(snv, snvOb)).draft.entries[f.b]!.evidence[0]!.filename).toBe('ban-sao.pdf');
    const n = await rows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from evidence_uploads where sha256 = ${sha}`,
    );
    expect(n[0]!.n).toBe(2);
  });

  it("lets the lead unit read a cooperating unit's submitted evidence, and nobody else", async () => {
    const c = await up(snv, snvOb, pdf('snv-coop'), 'phoi-hop.pdf');
    expect(c.status).toBe(201);
    const own = (await report(snv, snvOb)).draft.entries;
    const save = await saveDraft(snv, snvOb, {
      ...own,
      [f.a]: entry({ status: 'in_progress', results: 'Đã góp ý dự thảo.', evidence: [c.body] }),
      [f.b]: entry({ ...own[f.b], status: 'in_progress', results: 'Đang thực hiện.' }),
    });
    expect(save.status).toBe(200);
    // Before submission the lead unit does not see it.
    expect((await download(stp, c.body.sha256)).status).toBe(403);
    const sub = await snv.post(`/api/reports/${snvOb}/submit`, { idempotencyKey: 'snv-coop-0001' });
    expect(sub.status).toBe(200);
    const lead = await report(stp, stpOb);
    expect(lead.cooperating[f.a]![0]!.entry.evidence[0]!.sha256).toBe(c.body.sha256);
    expect((await download(stp, c.body.sha256)).status).toBe(200);
    expect((await download(yte, c.body.sha256)).status).toBe(403);
  });

  it('stores and serves a file only under an extension of its detected type', async () => {
    for (const name of ['hoa-don.hta', 'trang.html', 'cai-dat.exe', 'anh.png']) {
      const r = await up(stp, stpOb, pdf('ext'), name);
      expect([r.status, r.body.code], name).toEqual([415, 'FILE_EXTENSION_MISMATCH']);
      expect(r.body.message).toContain('PDF');
      expect(r.body.message).toContain('.pdf');
    }
    const bare = await up(stp, stpOb, pdf('ext'), 'Báo cáo tháng 11');
    expect([bare.status, bare.body.filename]).toEqual([201, 'Báo cáo tháng 11.pdf']);
    const upper = await up(stp, stpOb, pdf('ext'), 'KE-HOACH.PDF');
    expect([upper.status, upper.body.filename]).toEqual([201, 'KE-HOACH.PDF']);
    const res = await download(monitor, bare.body.sha256);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const cd = res.headers.get('content-disposition') ?? '';
    expect(cd).toMatch(/^attachment;/);
    expect(cd).toMatch(/\.pdf"; filename\*=UTF-8''[^;]*\.pdf$/);
    // The plain name is the same words without diacritics.
    expect(cd).toContain('filename="Bao cao thang 11.pdf"');
    // A name asked for in the address still gets the right extension.
    const asked = await download(monitor, bare.body.sha256, 'bao-cao.html');
    expect(asked.headers.get('content-disposition')).toContain("UTF-8''bao-cao.html.pdf");
  });

  it('counts distinct bytes against the quota of the unit for the period', async () => {
    const before = t.deps.config.evidenceQuotaBytes;
    const used = (
      await rows<{ n: number }>(
        t.deps.db,
        sql`select coalesce(sum(size), 0)::int as n from
              (select distinct sha256, size from evidence_uploads where obligation_id = ${stpOb}) d`,
      )
    )[0]!.n;
    const one = pdf('quota-1').length;
    t.deps.config.evidenceQuotaBytes = used + 2 * one + 1;
    try {
      expect((await up(stp, stpOb, pdf('quota-1'), 'q1.pdf')).status).toBe(201);
      expect((await up(stp, stpOb, pdf('quota-2'), 'q2.pdf')).status).toBe(201);
      const over = await up(stp, stpOb, pdf('quota-3'), 'q3.pdf');
      expect([over.status, over.body.code]).toEqual([413, 'FILE_QUOTA_EXCEEDED']);
      expect(over.body.message).toContain('hạn mức');
      // The same bytes again take no more room.
      expect((await up(stp, stpOb, pdf('quota-1'), 'q1-lan-hai.pdf')).status).toBe(201);
    } finally {
      t.deps.config.evidenceQuotaBytes = before;
    }
  });

  it('refuses uploads into a submitted or accepted report and into a closed period', async () => {
    // Sở Nội vụ submitted above: its report is read-only until returned, then accepted.
    const sub = await up(snv, snvOb, pdf('late'), 'muon.pdf');
    expect([sub.status, sub.body.code]).toEqual([409, 'REPORT_READ_ONLY']);
    const acc = await monitor.post(`/api/reports/${snvOb}/review`, { decision: 'accept' });
    expect(acc.status).toBe(200);
    const accepted = await up(snv, snvOb, pdf('late'), 'muon.pdf');
    expect([accepted.status, accepted.body.code]).toEqual([409, 'FILE_REPORT_ACCEPTED']);
    const half = await monitor.post<{ id: string }>(`/api/programs/${f.programId}/periods`, {
      kind: 'half-yearly',
      year: 2027,
      index: 1,
    });
    const hp = (await monitor.get<PeriodDetail>(`/api/periods/${half.body.id}`)).body;
    const ob = hp.rows.find((x) => x.unitId === f.stp)!.obligationId;
    expect((await up(stp, ob, pdf('half'), 'ky-sau.pdf')).status).toBe(201);
    const closed = await monitor.patch(`/api/periods/${half.body.id}`, {
      version: hp.version,
      status: 'closed',
    });
    expect(closed.status).toBe(200);
    const r = await up(stp, ob, pdf('half-2'), 'ky-sau-2.pdf');
    expect([r.status, r.body.code]).toEqual([409, 'PERIOD_CLOSED']);
  });

  it('removes files no report references once the grace period is over, and keeps the others', async () => {
    const start = clock;
    const loose = await up(stp, stpOb, pdf('sweep-loose'), 'nhap.pdf');
    const kept = await up(stp, stpOb, pdf('sweep-kept'), 'giu.pdf');
    const own = (await report(stp, stpOb)).draft.entries;
    expect(
      (
        await saveDraft(stp, stpOb, {
          ...own,
          [f.c]: entry({ status: 'in_progress', evidence: [kept.body] }),
        })
      ).status,
    ).toBe(200);
    // Within the grace period nothing goes.
    clock = new Date(start.getTime() + 6 * DAY);
    await sweepFiles(t.deps);
    expect(await fileRows(loose.body.sha256)).toBe(1);
    // After it, the unreferenced file goes (with its upload record); the referenced one, and the one
    // in Sở Nội vụ's submitted version, stay.
    clock = new Date(start.getTime() + 8 * DAY);
    const r = await sweepFiles(t.deps);
    expect(r.removed).toBeGreaterThanOrEqual(1);
    expect(await fileRows(loose.body.sha256)).toBe(0);
    expect(await fileRows(kept.body.sha256)).toBe(1);
    expect(await fileRows(pdfSha('snv-coop'))).toBe(1);
    expect((await download(stp, loose.body.sha256)).status).toBe(404);
    const uploads = await rows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from evidence_uploads where sha256 = ${loose.body.sha256}`,
    );
    expect(uploads[0]!.n).toBe(0);
    // Once the draft drops it, the other file goes a grace period after the last look.
    const again = (await report(stp, stpOb)).draft.entries;
    expect((await saveDraft(stp, stpOb, { ...again, [f.c]: entry({ status: 'in_progress' }) })).status).toBe(
      200,
    );
    clock = new Date(start.getTime() + 9 * DAY);
    await sweepFiles(t.deps);
    expect(await fileRows(kept.body.sha256)).toBe(1);
    clock = new Date(start.getTime() + 16 * DAY);
    await sweepFiles(t.deps);
    expect(await fileRows(kept.body.sha256)).toBe(0);
    expect(await fileRows(pdfSha('snv-coop'))).toBe(1);
    const audit = await rows<{ n: number }>(
      t.deps.db,
      sql`select count(*)::int as n from audit_events where action = 'file.sweep'`,
    );
    expect(audit[0]!.n).toBeGreaterThanOrEqual(2);
    // A draft cannot bring a removed file back.
    const ghost = await saveDraft(stp, stpOb, {
      ...again,
      [f.c]: entry({ status: 'in_progress', evidence: [loose.body] }),
    });
    expect([ghost.status, ghost.body.code]).toEqual([404, 'FILE_NOT_FOUND']);
  });

  it("back-fills upload records for files stored before them (the migration's statements)", async () => {
    // Forget the records of Sở Tư pháp's first file, as before the migration.
    const sha = pdfSha('stp-1');
    await t.deps.db.execute(sql`delete from evidence_uploads where sha256 = ${sha}`);
    expect((await download(stp, sha)).status).toBe(200); // still referenced by its draft
    // A file stored with no audit event, referenced by a draft under a misleading name.
    const legacy = pdf('legacy');
    const lsha = pdfSha('legacy');
    await t.deps.db.execute(
      sql`insert into files (sha256, size, mime, content) values (${lsha}, ${legacy.length}, 'application/pdf', ${legacy})`,
    );
    await t.deps.db.execute(
      sql`update report_obligations set draft = jsonb_set(draft, ${`{entries,${f.c},evidence}`}::text[],
            jsonb_build_array(jsonb_build_object('sha256', ${lsha}::text, 'filename', 'cu.hta', 'size', 1, 'mime', 'text/html')))
          where id = ${stpOb}`,
    );
    const text = readFileSync(path.join(MIGRATIONS_DIR, '0006_evidence_uploads.sql'), 'utf8');
    const statements = text
      .slice(text.indexOf('-- Back-fill'))
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .filter((s) => s && !s.startsWith('UPDATE'));
    for (const s of statements) await t.deps.db.execute(sql.raw(s));
    const recs = await rows<{ unit_id: string; filename: string; obligation_id: string }>(
      t.deps.db,
      sql`select unit_id, filename, obligation_id from evidence_uploads where sha256 = ${sha}`,
    );
    recs.sort((x, y) => (x.unit_id === f.stp ? -1 : y.unit_id === f.stp ? 1 : 0));
    // From the audit trail: both uploads, with their names and reports.
    expect(recs.map((x) => [x.unit_id, x.filename, x.obligation_id])).toEqual([
      [f.stp, 'Quyết định 12.pdf', stpOb],
      [f.snv, 'ban-sao.pdf', snvOb],
    ]);
    const fromDraft = await rows<{ unit_id: string; filename: string; size: number; mime: string }>(
      t.deps.db,
      sql`select unit_id, filename, size, mime from evidence_uploads where sha256 = ${lsha}`,
    );
    expect(fromDraft).toEqual([
      { unit_id: f.stp, filename: 'cu.hta.pdf', size: legacy.length, mime: 'application/pdf' },
    ]);
    const res = await download(stp, lsha);
    expect(res.headers.get('content-disposition')).toContain("UTF-8''cu.hta.pdf");
  });
});
