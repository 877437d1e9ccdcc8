/**
 * The public portal (issue 14, points 1, 2, 3, 5): pages and JSON/CSV for anyone, progress only from
 * the public log, nothing of what is not public (404 for every route with such ids), Atom feeds,
 * caching with ETag / Last-Modified invalidated by an accepted report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { SaxesParser } from 'saxes';
import { DB_KINDS } from '../../../test/support/db.js';
import type { Client } from '../../../test/support/app.js';
import { setPublic, startPortalApp, type PortalApp } from '../../../test/support/portal.js';
import { PDF_BYTES, implementSeedProgram } from '../../../test/support/reporting.js';
import { reportVersions, transparencyLeaves } from '../../db/schema.js';
import { parseLeaf, type ProgressStatement } from '../../domain/transparency/statements.js';
import { BOM, parseCsv } from '../../domain/csv.js';
import type {
  PublicProgramDetail,
  PublicProgramList,
  PublicSearchResult,
  PublicTaskDetail,
  PublicUnitDetail,
  PublicUnitList,
} from '../../contract/public.js';

const NO_SUCH = '00000000-0000-4000-8000-000000000000';

/** Every public route that takes an id. */
const ID_ROUTES = [
  '/cong-khai/chuong-trinh/:id',
  '/cong-khai/chuong-trinh/:id/thay-doi.atom',
  '/cong-khai/nhiem-vu/:id',
  '/cong-khai/don-vi/:id',
  '/api/public/programs/:id',
  '/api/public/programs/:id/tasks.csv',
  '/api/public/programs/:id/progress.csv',
  '/api/public/tasks/:id',
  '/api/public/units/:id',
];

/** Parses XML strictly (well-formed, namespaces); returns the elements' names in order. */
function parseXml(xml: string): { name: string; attrs: Record<string, string>; text: string }[] {
  const p = new SaxesParser({ xmlns: true });
  const out: { name: string; attrs: Record<string, string>; text: string }[] = [];
  const stack: (typeof out)[number][] = [];
  p.on('opentag', (t) => {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(t.attributes)) attrs[k] = typeof v === 'string' ? v : v.value;
    const e = { name: `${t.uri}|${t.local}`, attrs, text: '' };
    out.push(e);
    stack.push(e);
  });
  p.on('text', (s) => {
    if (stack.length) stack.at(-1)!.text += s;
  });
  p.on('closetag', () => void stack.pop());
  p.write(xml).close();
  return out;
}

describe.each(DB_KINDS)('public portal (%s)', (kind) => {
  let r: PortalApp;
  let anon: Client;
  let programTitle: string;
  beforeAll(async () => {
    r = await startPortalApp(kind);
    anon = r.t.client();
    programTitle = (await r.monitor.get<{ title: string }>(`/api/programs/${r.f.programId}`)).body.title;
  }, 120_000);
  afterAll(async () => r?.t.close());

  const leaves = async () =>
    (await r.t.deps.db.select().from(transparencyLeaves).orderBy(asc(transparencyLeaves.idx))).map((l) => ({
      ...l,
      c: parseLeaf(l.leaf)!,
    }));

  it('lists the published programs without a login, with counts from accepted reports', async () => {
    const page = await anon.get('/cong-khai');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toContain(programTitle);
    expect(page.text).toContain('<form class="search" action="/cong-khai/tim-kiem" method="get"');
    const list = await anon.get<PublicProgramList>('/api/public/programs');
    expect(list.status).toBe(200);
    const p = list.body.items.find((x) => x.id === r.f.programId)!;
    // Three tasks; Sở Tư pháp's accepted report: A in progress, C done. B (Sở Nội vụ) is only submitted.
    expect(p).toMatchObject({ taskCount: 3, reportedCount: 2, doneCount: 1, percentDone: 33 });
    expect(p.lastAcceptedAt).toBe('2026-11-27T03:00:00.000Z');
    expect(p.source).toBe('Kế hoạch ngày 15/01/2026');
  });

  it('shows a program: groups, tasks, units, deadline, state from the log, its source', async () => {
    const res = await anon.get(`/cong-khai/chuong-trinh/${r.f.programId}`);
    expect(res.status).toBe(200);
    const t = res.text;
    expect(t).toContain('<link rel="alternate" type="application/atom+xml"');
    expect(t).toContain(`/cong-khai/chuong-trinh/${r.f.programId}/thay-doi.atom`);
    expect(t).toContain('Nguồn:');
    expect(t).toContain('Công tác pháp luật');
    expect(t).toContain('Sở Tư pháp');
    expect(t).toContain('Sở Nội vụ');
    expect(t).toContain('30/06/2026');
    expect(t).toContain('Đã hoàn thành');
    expect(t).toContain(`href="/cong-khai/nhiem-vu/${r.f.c}"`);
    const d = (await anon.get<PublicProgramDetail>(`/api/public/programs/${r.f.programId}`)).body;
    const rows = d.groups.flatMap((g) => g.tasks);
    expect(rows.map((x) => x.id).sort()).toEqual([r.f.a, r.f.b, r.f.c].sort());
    const a = rows.find((x) => x.id === r.f.a)!;
    expect(a).toMatchObject({
      status: 'in_progress',
      percent: 40,
      leadUnit: { id: r.f.stp, name: 'Sở Tư pháp' },
      deadline: '30/06/2026',
      // Not done and past its deadline on 27/11/2026.
      timeliness: 'overdue',
      timelinessLabel: 'Quá hạn',
    });
    expect(a.cooperatingUnits.map((u) => u.name)).toEqual(['Sở Nội vụ']);
    // Sở Nội vụ's report was submitted, not accepted: nothing of it.
    const b = rows.find((x) => x.id === r.f.b)!;
    expect(b).toMatchObject({ status: null, percent: null, statusLabel: 'Chưa có báo cáo được chấp nhận' });
    expect(t).not.toContain('Bản nháp chưa duyệt');
    expect(JSON.stringify(d)).not.toContain('Bản nháp chưa duyệt');
  });

  it('shows a task: its accepted history with the log entry, products, and never obstacles or people', async () => {
    const res = await anon.get(`/cong-khai/nhiem-vu/${r.f.c}`);
    expect(res.status).toBe(200);
    const all = await leaves();
    const leafC = all.find((l) => l.kind === 'progress' && l.nodeId === r.f.c)!;
    expect(res.text).toContain(`href="/cong-khai/kiem-chung?leaf=${leafC.idx}"`);
    expect(res.text).toContain(`Sổ công khai, mục số ${leafC.idx}`);
    expect(res.text).toContain('125/QĐ-STP');
    expect(res.text).toContain('02/03/2026');
    expect(res.text).toContain('Tổ chức 3 hội nghị tập huấn cho 600 cán bộ.');
    expect(res.text).toMatch(/Báo cáo kỳ .* của Sở Tư pháp .*được Ban Nội chính Thành ủy chấp nhận/);
    const d = (await anon.get<PublicTaskDetail>(`/api/public/tasks/${r.f.c}`)).body;
    expect(d.history).toHaveLength(1);
    expect(d.history[0]).toMatchObject({ leafIdx: leafC.idx, status: 'done', percent: 100 });
    expect(d.delivered).toEqual([
      expect.objectContaining({ number: '125/QĐ-STP', date: '2026-03-02', leafIdx: leafC.idx }),
    ]);
    for (const text of [res.text, JSON.stringify(d), (await anon.get(`/cong-khai/nhiem-vu/${r.f.a}`)).text]) {
      expect(text).not.toMatch(/Thiếu kinh phí|Đề nghị bố trí|Người thử|[\w.-]+@[\w-]+\.\w/);
    }
  });

  it('serves an evidence file only when a public leaf names it and its latest state is public', async () => {
    const url = (sha: string) => `/cong-khai/tep/${sha}/quyet-dinh-ban-hanh.pdf`;
    // Marked public by the unit before its report was accepted: the progress leaf names it.
    const ok = await fetch(r.t.base + url(r.publicSha));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/pdf');
    expect(ok.headers.get('content-disposition')).toContain('quyet-dinh-ban-hanh.pdf');
    expect(Buffer.from(await ok.arrayBuffer()).equals(PDF_BYTES)).toBe(true);
    const again = await fetch(r.t.base + url(r.publicSha), {
      headers: { 'if-none-match': ok.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
    const task = await anon.get(`/cong-khai/nhiem-vu/${r.f.c}`);
    expect(task.text).toContain(`href="/cong-khai/tep/${r.publicSha}/quyet-dinh-ban-hanh.pdf"`);
    // Attached to task A but left internal: no public leaf names it.
    expect((await anon.get(url(r.internalSha))).status).toBe(404);
    expect((await anon.get(`/cong-khai/nhiem-vu/${r.f.a}`)).text).not.toContain(r.internalSha);
    // The unit makes it internal again (an evidence leaf): gone from the page and the download.
    const stpOb = r.obligationOf(r.f.stp);
    const vis = (pub: boolean) =>
      r.stpUser.request('PUT', `/api/reports/${stpOb}/files/${r.publicSha}/visibility`, { public: pub });
    expect((await vis(false)).status).toBe(200);
    expect((await anon.get(url(r.publicSha))).status).toBe(404);
    expect((await anon.get(`/cong-khai/nhiem-vu/${r.f.c}`)).text).not.toContain(
      `/cong-khai/tep/${r.publicSha}`,
    );
    expect((await leaves()).at(-1)!.kind).toBe('evidence');
    // And public again.
    expect((await vis(true)).status).toBe(200);
    expect((await anon.get(url(r.publicSha))).status).toBe(200);
    expect((await anon.get(`/cong-khai/nhiem-vu/${r.f.c}`)).text).toContain(`/cong-khai/tep/${r.publicSha}`);
  });

  it("shows a unit: the tasks it leads, its on-time rate and its accepted reports' timeliness", async () => {
    const page = await anon.get(`/cong-khai/don-vi/${r.f.stp}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Sở Tư pháp');
    const u = (await anon.get<PublicUnitDetail>(`/api/public/units/${r.f.stp}`)).body;
    expect(u.tasks.map((t) => t.id).sort()).toEqual([r.f.a, r.f.c].sort());
    expect(u.reports).toEqual({ accepted: 1, onTime: 1, late: 0 });
    // C done on time, A not done and past its deadline.
    expect(u).toMatchObject({ onTime: 1, late: 1, onTimeRate: 50 });
    // Sở Nội vụ leads B, whose report is not accepted: its page exists, with no accepted report.
    const snv = (await anon.get<PublicUnitDetail>(`/api/public/units/${r.f.snv}`)).body;
    expect(snv.reports.accepted).toBe(0);
    expect(snv.tasks.map((t) => t.statusLabel)).toEqual(['Chưa có báo cáo được chấp nhận']);
  });

  it('finds tasks and programs ignoring case and diacritics', async () => {
    for (const q of ['tap huan', 'TẬP HUẤN', 'Hội Nghị']) {
      const s = (await anon.get<PublicSearchResult>(`/api/public/search?q=${encodeURIComponent(q)}`)).body;
      expect(s.tasks.map((t) => t.id)).toEqual([r.f.c]);
    }
    const s = (await anon.get<PublicSearchResult>(`/api/public/search?q=chu+trinh+bao+cao`)).body;
    expect(s.programs.map((p) => p.id)).toEqual([r.f.programId]);
    const page = await anon.get(`/cong-khai/tim-kiem?q=${encodeURIComponent('to chuc hoi nghi')}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`href="/cong-khai/nhiem-vu/${r.f.c}"`);
    expect(page.text).toContain('value="to chuc hoi nghi"');
    expect((await anon.get('/cong-khai/tim-kiem')).status).toBe(200);
  });

  it('gives CSV twins with a BOM and ASCII download names, and documents them with a licence', async () => {
    const list = await anon.get('/api/public/programs.csv');
    expect(list.status).toBe(200);
    expect(list.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(list.headers.get('content-disposition')).toBe('attachment; filename="chuong-trinh-cong-khai.csv"');
    // fetch's text() drops a BOM: look at the bytes.
    const bytes = Buffer.from(await (await fetch(r.t.base + '/api/public/programs.csv')).arrayBuffer());
    expect(bytes.subarray(0, 3).toString('utf8')).toBe(BOM);
    const rows = parseCsv(list.text);
    expect(rows[0]!.cells.slice(0, 3)).toEqual(['Mã định danh', 'Số, ký hiệu', 'Ngày ban hành']);
    expect(rows.some((x) => x.cells[0] === r.f.programId)).toBe(true);
    const tasks = await anon.get(`/api/public/programs/${r.f.programId}/tasks.csv`);
    expect(tasks.status).toBe(200);
    expect(tasks.headers.get('content-disposition')).toMatch(
      /^attachment; filename="nhiem-vu-[a-z0-9-]+\.csv"$/,
    );
    const t = parseCsv(tasks.text);
    expect(t).toHaveLength(4);
    const c = t.find((x) => x.cells[0] === r.f.c)!.cells;
    expect(c).toContain('Sở Tư pháp');
    expect(c).toContain('Đã hoàn thành');
    // The accepted history: one row per progress leaf of the program, nothing else of the reports.
    const progress = await anon.get(`/api/public/programs/${r.f.programId}/progress.csv`);
    expect(progress.status).toBe(200);
    expect(progress.headers.get('content-disposition')).toMatch(
      /^attachment; filename="tien-do-[a-z0-9-]+\.csv"$/,
    );
    const pr = parseCsv(progress.text);
    const progressLeaves = (await leaves()).filter(
      (l) => l.kind === 'progress' && l.programId === r.f.programId,
    );
    expect(pr.slice(1).map((x) => Number(x.cells[0]))).toEqual(progressLeaves.map((l) => l.idx));
    const cRow = pr.find((x) => x.cells[1] === r.f.c)!.cells;
    expect(cRow).toContain('Đã hoàn thành');
    expect(cRow.join('|')).toContain('125/QĐ-STP');
    expect(progress.text).not.toMatch(/Thiếu kinh phí|Đề nghị bố trí|Bản nháp chưa duyệt/);
    // The units dataset: the figures of each unit's page, in JSON and CSV.
    const unitsJson = (await anon.get<PublicUnitList>('/api/public/units')).body.items;
    const stp = unitsJson.find((u) => u.id === r.f.stp)!;
    const stpPage = (await anon.get<PublicUnitDetail>(`/api/public/units/${r.f.stp}`)).body;
    expect(stp).toMatchObject({
      name: 'Sở Tư pháp',
      onTime: stpPage.onTime,
      late: stpPage.late,
      onTimeRate: stpPage.onTimeRate,
      reports: stpPage.reports,
    });
    expect(stp.tasks).toBe(stpPage.tasks.length);
    const unitsCsv = parseCsv((await anon.get('/api/public/units.csv')).text);
    expect(unitsCsv.find((x) => x.cells[0] === r.f.stp)!.cells.slice(1, 3)).toEqual([
      'Sở Tư pháp',
      String(stp.tasks),
    ]);
    const data = await anon.get('/cong-khai/du-lieu');
    expect(data.status).toBe(200);
    expect(data.text).toContain('/api/public/units.csv');
    expect(data.text).toContain(`/api/public/programs/${r.f.programId}/progress.csv`);
    expect(data.text).toContain('Creative Commons Attribution 4.0 (CC BY 4.0)');
    expect(data.text).toContain(`/api/public/programs/${r.f.programId}/tasks.csv`);
    expect(data.text).toContain('<code>lastAcceptedAt</code>');
  });

  it('publishes a valid Atom feed per program: one entry per leaf, newest first', async () => {
    const res = await anon.get(`/cong-khai/chuong-trinh/${r.f.programId}/thay-doi.atom`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const els = parseXml(res.text);
    const A = 'http://www.w3.org/2005/Atom|';
    expect(els[0]!.name).toBe(A + 'feed');
    const mine = (await leaves()).filter((l) => l.programId === r.f.programId);
    const entries = els.filter((e) => e.name === A + 'entry');
    expect(entries).toHaveLength(mine.length);
    const titles = els.filter((e) => e.name === A + 'title').map((e) => e.text);
    // Feed title first, then the entries newest first; the last entry is the program made public.
    const leafC = mine.find((l) => l.kind === 'progress' && l.nodeId === r.f.c)!;
    expect(titles).toContain(
      `Nhiệm vụ ${(leafC.c.statement as ProgressStatement).task.label}: Đã hoàn thành (100%) — báo cáo kỳ ${(leafC.c.statement as ProgressStatement).period.label} của Sở Tư pháp được chấp nhận`,
    );
    expect(titles.at(-1)).toMatch(/^Chương trình được công khai/);
    const links = els
      .filter((e) => e.name === A + 'link' && e.attrs.rel === 'alternate')
      .map((e) => e.attrs.href);
    expect(links).toContain(`${r.t.base}/cong-khai/nhiem-vu/${r.f.c}`);
    for (const e of els.filter((x) => x.name === A + 'updated')) expect(Date.parse(e.text)).not.toBeNaN();
    for (const e of els.filter((x) => x.name === A + 'id')) expect(e.text).toMatch(/^tag:thucthi,2026:/);
  });

  it('lists the published documents on the program page, with their downloads', async () => {
    const saved = process.env.SOFFICE_BIN;
    process.env.SOFFICE_BIN = '/khong/co/soffice'; // no PDF: faster, and the page offers the .docx only
    let res;
    try {
      res = await r.monitor.post<{ id: string; title: string; docxUrl: string }>('/api/public-documents', {
        kind: 'review',
        year: 2026,
        programId: r.f.programId,
      });
    } finally {
      if (saved === undefined) delete process.env.SOFFICE_BIN;
      else process.env.SOFFICE_BIN = saved;
    }
    expect(res.status, res.text).toBe(201);
    const d = (await anon.get<PublicProgramDetail>(`/api/public/programs/${r.f.programId}`)).body;
    expect(d.documents).toEqual([
      expect.objectContaining({ id: res.body.id, kind: 'review', docxUrl: res.body.docxUrl, pdfUrl: null }),
    ]);
    const page = await anon.get(`/cong-khai/chuong-trinh/${r.f.programId}`);
    expect(page.text).toContain('Báo cáo đã công bố');
    expect(page.text).toContain(`href="${res.body.docxUrl}"`);
    expect(page.text).not.toContain('Tải .pdf');
  });

  it('answers 404 on every route for what is not public: unknown ids, a program not public, a unit plan, a draft, a pending version, internal files', async () => {
    // Another program, never made public, and a unit's own plan under the public one.
    const d = await r.monitor.post<{ id: string; version: number }>('/api/imports', {
      text: 'KẾ HOẠCH\nKhông công khai\n\nI. NHIỆM VỤ\n\n1. Nội bộ\n\n- Rà soát nội bộ chưa công khai.\n',
    });
    const hidden = (
      await r.monitor.post<{ programId: string }>(`/api/imports/${d.body.id}/publish`, {
        version: d.body.version,
      })
    ).body.programId;
    const hiddenTask = (await r.monitor.get<{ items: { nodeId: string }[] }>(`/api/programs/${hidden}/tasks`))
      .body.items[0]!.nodeId;
    const draft = await r.monitor.post<{ id: string }>('/api/imports', {
      text: 'KẾ HOẠCH\nBản nháp\n\nI. NHIỆM VỤ\n\n1. Nháp\n\n- Việc trong bản nháp.\n',
    });
    expect(draft.status).toBe(201);
    const plan = await r.stpUser.post<{ id: string }>(`/api/programs/${r.f.programId}/plans`, {
      unitId: r.f.stp,
    });
    expect(plan.status).toBe(201);
    const planItem = await r.stpUser.post<{ items: { nodeId: string }[] }>(
      `/api/plans/${plan.body.id}/items`,
      {
        text: 'Việc riêng của kế hoạch đơn vị',
        parentNodeIds: [r.f.a],
      },
    );
    const pending = await r.t.deps.db
      .select({ id: reportVersions.id })
      .from(reportVersions)
      .where(eq(reportVersions.unitId, r.f.snv));
    const ids = [
      NO_SUCH,
      'not-a-uuid',
      hidden,
      hiddenTask,
      d.body.id,
      draft.body.id,
      plan.body.id,
      planItem.body.items[0]!.nodeId,
      pending[0]!.id,
      r.obligationOf(r.f.snv),
    ];
    for (const route of ID_ROUTES)
      for (const id of ids) {
        if (id === 'not-a-uuid' && route.startsWith('/api/')) continue; // a 400: the id is not a uuid
        const res = await anon.get(route.replace(':id', id));
        expect(res.status, `${route} ${id}`).toBe(404);
        if (route.startsWith('/api/')) expect(res.body).toMatchObject({ code: 'PUBLIC_NOT_FOUND' });
        else expect(res.text).toContain('Không có thông tin công khai này');
      }
    for (const sha of [r.internalSha, '0'.repeat(64), 'abc'])
      expect((await anon.get(`/cong-khai/tep/${sha}/tep.pdf`)).status).toBe(404);
    // Withdrawn, the public program is gone too, and comes back when published again.
    await setPublic(r, r.f.programId, false);
    for (const route of ID_ROUTES)
      expect((await anon.get(route.replace(':id', r.f.programId))).status, route).toBe(404);
    expect((await anon.get(`/cong-khai/nhiem-vu/${r.f.c}`)).status).toBe(404);
    expect((await anon.get(`/api/public/units/${r.f.stp}`)).status).toBe(404);
    // A public file of a program withdrawn is not public any more.
    expect((await anon.get(`/cong-khai/tep/${r.publicSha}/tep.pdf`)).status).toBe(404);
    // (The demo data's seed program stays public.)
    const listed = (await anon.get<PublicProgramList>('/api/public/programs')).body.items;
    expect(listed.map((p) => p.id)).not.toContain(r.f.programId);
    const found = (await anon.get<PublicSearchResult>('/api/public/search?q=tap+huan')).body.tasks;
    expect(found.filter((t) => t.programId === r.f.programId)).toEqual([]);
    await setPublic(r, r.f.programId, true);
    expect((await anon.get(`/cong-khai/nhiem-vu/${r.f.c}`)).status).toBe(200);
  });

  it('caches with a strong ETag and Last-Modified; a new accepted report changes both content and ETag', async () => {
    const url = `/cong-khai/chuong-trinh/${r.f.programId}`;
    const first = await anon.get(url);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers.get('cache-control')).toBe('public, no-cache');
    // fetch asks for gzip, as browsers do: the compressed form, made once, under its own ETag.
    expect(first.headers.get('content-encoding')).toBe('gzip');
    expect(first.headers.get('vary')).toBe('accept-encoding');
    expect(etag).toMatch(/-gz"$/);
    const lastModified = first.headers.get('last-modified')!;
    expect(Date.parse(lastModified)).not.toBeNaN();
    const again = await anon.request('GET', url, undefined, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    const since = await anon.request('GET', url, undefined, {
      headers: { 'if-modified-since': lastModified },
    });
    expect(since.status).toBe(304);
    const json = await anon.get(`/api/public/programs/${r.f.programId}`);
    expect(
      (
        await anon.request('GET', `/api/public/programs/${r.f.programId}`, undefined, {
          headers: { 'if-none-match': json.headers.get('etag')! },
        })
      ).status,
    ).toBe(304);
    // Sở Nội vụ's submitted report is accepted: task B now has accepted progress.
    const snvOb = r.obligationOf(r.f.snv);
    const acc = await r.monitor.post(`/api/reports/${snvOb}/review`, { decision: 'accept' });
    expect(acc.status).toBe(200);
    const after = await anon.request('GET', url, undefined, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(after.text).not.toBe(first.text);
    const b = (await anon.get<PublicTaskDetail>(`/api/public/tasks/${r.f.b}`)).body;
    expect(b.task).toMatchObject({ status: 'in_progress', percent: 10, timeliness: 'overdue' });
    expect(b.history[0]!.unit.name).toBe('Sở Nội vụ');
  });

  it('a change without a leaf (a focal person, a renamed unit) reaches the pages through the audit signal, and no person is shown', async () => {
    const url = `/api/public/programs/${r.f.programId}`;
    const before = await anon.get(url);
    const task = await r.monitor.get<{ task: { version: number } }>(`/api/tasks/${r.f.a}`);
    const put = await r.monitor.request('PUT', `/api/tasks/${r.f.a}/assignment`, {
      version: task.body.task.version,
      leadUnitId: r.f.stp,
      cooperatingUnitIds: [],
      focal: { userId: null, name: 'Nguyễn Văn Đầu Mối', position: 'Chuyên viên', phone: '0912345678' },
      deadline: { kind: 'date', date: '2026-06-30' },
      products: [],
    });
    expect(put.status).toBe(200);
    // The other instance's check runs at most once a second.
    await new Promise((res) => setTimeout(res, 1100));
    const after = await anon.request('GET', url, undefined, {
      headers: { 'if-none-match': before.headers.get('etag')! },
    });
    expect(after.status).toBe(200);
    const a = (after.body as PublicProgramDetail).groups.flatMap((g) => g.tasks).find((x) => x.id === r.f.a)!;
    expect(a.cooperatingUnits).toEqual([]);
    for (const u of [
      url,
      `/cong-khai/chuong-trinh/${r.f.programId}`,
      `/cong-khai/nhiem-vu/${r.f.a}`,
      `/api/public/tasks/${r.f.a}`,
      `/cong-khai/don-vi/${r.f.stp}`,
      `/api/public/programs/${r.f.programId}/tasks.csv`,
    ]) {
      const text = (await anon.get(u)).text;
      expect(text, u).not.toMatch(/Nguyễn Văn Đầu Mối|0912345678|Người thử|[\w.-]+@[\w-]+\.\w/);
    }
  });

  it('keeps every page under 100 KB on the seed-sized program', async () => {
    const seedId = await implementSeedProgram(r.monitor);
    await setPublic(r, seedId, true);
    const d = (await anon.get<PublicProgramDetail>(`/api/public/programs/${seedId}`)).body;
    expect(d.taskCount).toBeGreaterThan(20);
    const task = d.groups[0]!.tasks[0]!;
    for (const u of [
      '/cong-khai',
      `/cong-khai/chuong-trinh/${seedId}`,
      `/cong-khai/nhiem-vu/${task.id}`,
      `/cong-khai/don-vi/${task.leadUnit!.id}`,
      '/cong-khai/tim-kiem?q=chuyen+doi+so',
      '/cong-khai/du-lieu',
    ]) {
      const res = await anon.get(u);
      expect(res.status, u).toBe(200);
      expect(Buffer.byteLength(res.text), u).toBeLessThan(100_000);
      // No external resource: no script, stylesheet or image from elsewhere.
      expect(res.text, u).not.toMatch(/<script|<img|<link rel="stylesheet"|https?:\/\//);
    }
  });
});
