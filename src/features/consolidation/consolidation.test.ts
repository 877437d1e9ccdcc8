/**
 * The consolidated report, on PGlite and PostgreSQL:
 * - no exported text carries template residue (issue 10 point 17: "…chậm so với thời hạn        }.
 *   Tỷ lệ…"): the narrative, the .docx (report and annex), the .xlsx annex and the program's assignment
 *   annex (.docx, .xlsx) hold no `${`, no stray brace, no `undefined`/`null`/`NaN`/`[object Object]`,
 *   no run of spaces;
 * - regenerating an existing draft names the version it replaces (point 12): without it, or with a
 *   stale one, 409 VERSION_CONFLICT and the monitor's edits stay;
 * - (issue 11) every figure is the fixture's: tasks overdue / not yet due, obstacles raised in the
 *   period counted even once closed; placeholders stay in the editor, never in the .docx; the issuer
 *   is the program's monitoring body (Sở Tư pháp) and the Government's program only cited; a stored
 *   section over the limit can be saved once edited; every download is named in Vietnamese without
 *   diacritics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { DB_KINDS } from '../../../test/support/db.js';
import { LIMITS } from '../../domain/limits.js';
import { docxParagraphs } from '../../../test/support/docx.js';
import { auditActionCounts, type Client, type TestApp } from '../../../test/support/app.js';
import {
  startReportingApp,
  submitAccepted,
  entry,
  stpReportContent,
  type ReportingFixture,
} from '../../../test/support/reporting.js';
import type { Consolidation } from '../../contract/consolidation.js';
import type { Obstacle } from '../../contract/obstacles.js';

/** What a finished text must never contain. */
const RESIDUE: [string, RegExp][] = [
  ['template ${', /\$\{/],
  ['brace', /[{}]/],
  ['undefined', /\bundefined\b/],
  ['null', /\bnull\b/],
  ['NaN', /\bNaN\b/],
  ['[object Object]', /\[object \w+\]/],
  ['run of spaces', / {2,}/],
  ['space before punctuation', / [.,;:)]/],
];

/**
 * The blanks an unnumbered, undated draft leaves for the clerk to fill by hand ("Số:      /BC-UBND",
 * "ngày      tháng      năm 2026", official-docx.ts BLANK): the only runs of spaces allowed.
 */
const CLERK_BLANKS = /^(Số:? {6}[-/])|(ngày {6}tháng {6}năm \d{4})/;

function residue(texts: string[], opts: { draftBlanks?: boolean } = {}): string[] {
  const found: string[] = [];
  for (const raw of texts) {
    const t = opts.draftBlanks ? raw.replace(CLERK_BLANKS, 'x') : raw;
    for (const [name, re] of RESIDUE) if (re.test(t)) found.push(`${name}: ${JSON.stringify(raw)}`);
  }
  return found;
}

const WRAPPER = {
  kind: 'NGHỊ QUYẾT',
  number: '12/NQ-CP',
  date: '2023-02-07',
  title: null,
  text: '',
  span: [0, 0],
};
const CITATION =
  'Chương trình hành động ban hành kèm theo Nghị quyết số 12/NQ-CP ngày 07/02/2023 của Chính phủ';
const PLACEHOLDER = /Cơ quan theo dõi bổ sung/;

/**
 * What is wrong with a download's name: not ASCII, or a word that is not a Vietnamese syllable
 * written without diacritics (onset, vowels, final consonant), a Roman numeral or a number.
 */
const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$/;
function vietnameseFileName(name: string): string[] {
  if (!/^[\x21-\x7e]+$/.test(name)) return ['not ASCII'];
  const stem = name.replace(/\.(docx|xlsx|csv|pdf)$/, '');
  return stem.split('-').filter((w) => !/^\d+$/.test(w) && !/^[ivx]+$/.test(w) && !SYLLABLE.test(w));
}

async function xlsxCells(buf: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const cells: string[] = [];
  for (const ws of wb.worksheets) ws.eachRow((r) => r.eachCell((c) => void cells.push(c.text)));
  return cells;
}

describe.each(DB_KINDS)('consolidated report on %s', (kind) => {
  let t: TestApp;
  let monitor: Client;
  let stpUser: Client;
  let snvUser: Client;
  let f: ReportingFixture;
  let periodId: string;

  const download = async (url: string) => {
    const r = await fetch(t.base + url, { headers: { cookie: monitor.cookie! } });
    expect(r.status, url).toBe(200);
    return Buffer.from(await r.arrayBuffer());
  };

  beforeAll(async () => {
    const r = await startReportingApp(kind);
    ({ t, monitor, stpUser, snvUser, f, periodId } = r);
    const ob = r.obligationOf;
    // A program issued by the Government (through its resolution), monitored by Sở Tư pháp.
    await t.deps.db.execute(sql`update programs set issuer = 'CHÍNH PHỦ', doc_kind = 'CHƯƠNG TRÌNH HÀNH ĐỘNG',
      monitoring_unit_id = ${f.stp}, party_layout = false,
      meta = jsonb_set(meta, '{program,wrapper}', ${JSON.stringify(WRAPPER)}::jsonb)
      where id = ${f.programId}`);
    const fill = (c: Client, obligation: string, content: Record<string, unknown>) =>
      submitAccepted(c, monitor, obligation, content);
    await fill(
      stpUser,
      ob(f.stp),
      stpReportContent(f, [
        {
          description: 'Kế hoạch tập huấn',
          number: '45/KH-STP',
          date: '2026-03-02',
          link: 'https://stp.hanoi.gov.vn/ke-hoach-45',
        },
        { description: 'Tài liệu tập huấn', number: null, date: null, link: null },
      ]),
    );
    // Sở Nội vụ: its own task is late (due 31/03/2026) and not started; it cooperates on A.
    await fill(snvUser, ob(f.snv), {
      entries: {
        [f.b]: entry({ status: 'not_started' }),
        [f.a]: entry({ status: 'in_progress', results: 'Cử 2 cán bộ tham gia tổ rà soát.' }),
      },
    });
  });
  afterAll(async () => t?.close());

  it('drafts a narrative and exports with no template residue', async () => {
    const g = await monitor.post<Consolidation>(`/api/periods/${periodId}/consolidation`);
    expect(g.status, g.text).toBe(200);
    const texts = g.body.sections.flatMap((s) => [s.heading, ...s.blocks.map((b) => b.text)]);
    const all = texts.join('\n');
    // The fixture reaches the sentences with counts, percents, late tasks, obstacles and proposals.
    // On 27/11/2026: A (in progress, due 30/06) and B (not started, due 31/03) are overdue; C is done
    // before its deadline (31/12).
    expect(all).toContain(
      'Trong tổng số 3 nhiệm vụ: 1 nhiệm vụ chưa thực hiện, 1 nhiệm vụ đang thực hiện, 1 nhiệm vụ đã hoàn thành.',
    );
    expect(all).toMatch(
      /1 nhiệm vụ hoàn thành đúng hạn, 0 nhiệm vụ hoàn thành quá hạn\. Trong số nhiệm vụ chưa hoàn thành có thời hạn: 2 nhiệm vụ đã quá hạn, 0 nhiệm vụ chưa đến hạn\. Tỷ lệ hoàn thành bình quân đạt [\d,]+%\./,
    );
    expect(all).toContain('Còn 2 nhiệm vụ chưa hoàn thành đã quá hạn');
    expect(all).toContain('Sở Nội vụ phối hợp: Cử 2 cán bộ');
    expect(all).toContain(
      'Trong kỳ, các cơ quan, đơn vị nêu 1 khó khăn, vướng mắc; đã giải quyết xong 0, còn 1 đang xử lý.',
    );
    expect(all).toContain('Sở Tư pháp: Thiếu kinh phí thuê chuyên gia (chưa xử lý).');
    expect(all).toContain('Sở Tư pháp: Đề nghị bố trí kinh phí tập huấn hằng năm (chưa xử lý).');
    expect(all).toContain(`Thực hiện ${CITATION}, trong kỳ năm 2026`);
    // The heading: Sở Tư pháp writes it; the Government is only cited.
    expect(g.body.heading).toMatchObject({
      layout: 'state',
      parentBody: 'UBND THÀNH PHỐ HÀ NỘI',
      issuer: 'SỞ TƯ PHÁP',
      notation: 'BC-STP',
      title: `Tổng kết năm 2026 thực hiện ${CITATION}`,
    });
    // The placeholder is for the editor only.
    expect(all).toMatch(PLACEHOLDER);
    expect(residue(texts)).toEqual([]);
    expect(residue(Object.values(g.body.heading).filter((v) => typeof v === 'string'))).toEqual([]);

    const docx = docxParagraphs(await download(`/api/periods/${periodId}/consolidation.docx`));
    expect(docx.join('\n')).toContain('Kế hoạch tập huấn, 45/KH-STP, 02/03/2026, https://stp.hanoi.gov.vn');
    expect(docx.join('\n')).toContain('Tỷ lệ hoàn thành bình quân đạt');
    expect(residue(docx, { draftBlanks: true })).toEqual([]);
    expect(docx.filter((p) => PLACEHOLDER.test(p) || p === '3. Nguyên nhân')).toEqual([]);
    expect(docx.slice(0, 8)).toEqual(expect.arrayContaining(['UBND THÀNH PHỐ HÀ NỘI', 'SỞ TƯ PHÁP']));
    expect(docx.some((p) => /CHÍNH PHỦ/.test(p))).toBe(false);
    // Numbered and dated, the document has no blank left at all.
    // Until approved (approval.test.ts), a number and date typed into the heading are not printed.
    const numbered = await monitor.request('PUT', `/api/periods/${periodId}/consolidation`, {
      version: g.body.version,
      heading: { number: '125', date: '2026-12-10' },
    });
    expect(numbered.status, numbered.text).toBe(200);
    const still = docxParagraphs(await download(`/api/periods/${periodId}/consolidation.docx`));
    expect(still).toContain(' DỰ THẢO ');
    expect(still.join('\n')).not.toContain('ngày 10 tháng 12 năm 2026');
    expect(residue(still, { draftBlanks: true })).toEqual([]);
    const xlsx = await xlsxCells(await download(`/api/periods/${periodId}/consolidation.xlsx`));
    expect(xlsx).toContain(
      'Kế hoạch tập huấn, 45/KH-STP, 02/03/2026, https://stp.hanoi.gov.vn/ke-hoach-45; Tài liệu tập huấn',
    );
    expect(xlsx).toContain('Quá hạn');
    expect(xlsx).toContain('Hoàn thành đúng hạn');
    expect(xlsx).not.toContain('Đúng hạn');
    expect(residue(xlsx)).toEqual([]);
    const annexDocx = docxParagraphs(await download(`/api/programs/${f.programId}/annex.docx`));
    expect(annexDocx.length).toBeGreaterThan(3);
    expect(residue(annexDocx)).toEqual([]);
    const annexXlsx = await xlsxCells(await download(`/api/programs/${f.programId}/annex.xlsx`));
    expect(annexXlsx.length).toBeGreaterThan(3);
    expect(residue(annexXlsx)).toEqual([]);
  });

  it('the residue check catches the stray brace of the old narrative', () => {
    expect(residue(['…, 1 nhiệm vụ chậm so với thời hạn        }. Tỷ lệ hoàn thành…'])).toHaveLength(2);
    expect(residue(['Giá trị: undefined', 'NaN%', '[object Object]', '${x}'])).toHaveLength(5);
  });

  it('regenerates an edited draft only with the version it replaces', async () => {
    const url = `/api/periods/${periodId}/consolidation`;
    const c = (await monitor.get<Consolidation>(url)).body;
    const EDIT = 'Nguyên nhân chủ quan: phối hợp chưa chặt chẽ.';
    const sections = c.sections.map((s, i) =>
      i === 1 ? { ...s, blocks: [...s.blocks, { kind: 'paragraph' as const, text: EDIT }] } : s,
    );
    const edited = await monitor.request<Consolidation>('PUT', url, { version: c.version, sections });
    expect(edited.status, edited.text).toBe(200);
    const v = edited.body.version;

    const missing = await monitor.post(url);
    expect([missing.status, missing.body.code]).toEqual([409, 'VERSION_CONFLICT']);
    expect(String(missing.body.message)).toContain('Người thử monitor');
    const stale = await monitor.post(url, { version: c.version });
    expect([stale.status, stale.body.code]).toEqual([409, 'VERSION_CONFLICT']);
    const kept = (await monitor.get<Consolidation>(url)).body;
    expect([kept.version, JSON.stringify(kept.sections).includes(EDIT)]).toEqual([v, true]);
    // A unit may not regenerate at all; the body accepts only the version.
    expect((await stpUser.post(url, { version: v })).status).toBe(403);
    expect((await monitor.post(url, { version: v, sections: [] })).status).toBe(400);

    const ok = await monitor.post<Consolidation>(url, { version: v });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.version).toBe(v + 1);
    expect(JSON.stringify(ok.body.sections).includes(EDIT)).toBe(false);
    expect(await auditActionCounts(t, 'consolidation.')).toEqual({
      'consolidation.create': 1,
      'consolidation.edit': 2,
      'consolidation.regenerate': 1,
    });
  });

  it('counts an obstacle closed in the period as raised, a not-started task due later as not due', async () => {
    const url = `/api/periods/${periodId}/consolidation`;
    const list = await monitor.get<{ items: Obstacle[] }>(`/api/programs/${f.programId}/obstacles`);
    const ob = list.body.items.find((o) => o.kind === 'obstacle')!;
    const closed = await monitor.request('PATCH', `/api/obstacles/${ob.id}`, {
      action: 'close',
      version: ob.version,
    });
    expect(closed.status, closed.text).toBe(200);
    // B (not started) now due on 31/03/2027, after the period's end.
    await t.deps.db.execute(
      sql`update program_baselines set snapshot = jsonb_set(snapshot, ${`{${f.b},dueDate}`}::text[], '"2027-03-31"')
        where program_id = ${f.programId}`,
    );
    const c = (await monitor.get<Consolidation>(url)).body;
    const g = await monitor.post<Consolidation>(url, { version: c.version });
    expect(g.status, g.text).toBe(200);
    const all = g.body.sections.flatMap((s) => s.blocks.map((b) => b.text)).join('\n');
    expect(all).toContain(
      'Trong kỳ, các cơ quan, đơn vị nêu 1 khó khăn, vướng mắc; đã giải quyết xong 1, còn 0 đang xử lý.',
    );
    expect(all).not.toContain('không nêu khó khăn');
    expect(all).toContain('Sở Tư pháp: Thiếu kinh phí thuê chuyên gia (đã giải quyết xong).');
    expect(all).toContain(
      'Trong số nhiệm vụ chưa hoàn thành có thời hạn: 1 nhiệm vụ đã quá hạn, 1 nhiệm vụ chưa đến hạn.',
    );
    expect(all).toContain(
      '1 nhiệm vụ chưa triển khai thực hiện, trong đó 0 nhiệm vụ đã quá hạn, 1 nhiệm vụ chưa đến hạn.',
    );
    const xlsx = await xlsxCells(await download(`/api/periods/${periodId}/consolidation.xlsx`));
    expect(xlsx).toContain('Chưa đến hạn');
    expect(xlsx.filter((x) => x === 'Quá hạn')).toHaveLength(1);
  });

  it('saves a stored section over the limit once it is edited', async () => {
    const url = `/api/periods/${periodId}/consolidation`;
    const long = 'Nội dung quá dài. '.repeat(1500);
    expect(long.length).toBeGreaterThan(LIMITS.blockText);
    await t.deps.db.execute(
      sql`update consolidated_reports set sections = jsonb_set(sections, '{0,blocks,0,text}', ${JSON.stringify(long)}::jsonb)
        where period_id = ${periodId}`,
    );
    const c = (await monitor.get<Consolidation>(url)).body;
    expect(c.sections[0]!.blocks[0]!.text).toBe(long);
    const refused = await monitor.request('PUT', url, { version: c.version, sections: c.sections });
    expect([refused.status, refused.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const headingOnly = await monitor.request<Consolidation>('PUT', url, {
      version: c.version,
      heading: { place: 'Hà Nội' },
    });
    expect(headingOnly.status, headingOnly.text).toBe(200);
    const sections = c.sections.map((s, i) =>
      i === 0
        ? {
            ...s,
            blocks: [{ kind: 'paragraph' as const, text: long.slice(0, 5000).trim() }, ...s.blocks.slice(1)],
          }
        : s,
    );
    const edited = await monitor.request('PUT', url, { version: headingOnly.body.version, sections });
    expect(edited.status, edited.text).toBe(200);
  });

  it("carries the edited heading to the program's next report", async () => {
    const url = `/api/periods/${periodId}/consolidation`;
    const c = (await monitor.get<Consolidation>(url)).body;
    const signer = { authority: 'KT. GIÁM ĐỐC', position: 'PHÓ GIÁM ĐỐC', name: 'Trần Thị Bình' };
    const put = await monitor.request('PUT', url, { version: c.version, heading: { signer, number: '15' } });
    expect(put.status, put.text).toBe(200);
    const p = await monitor.post<{ id: string }>(`/api/programs/${f.programId}/periods`, {
      kind: 'quarterly',
      year: 2026,
      index: 4,
    });
    expect(p.status, p.text).toBe(201);
    const g = await monitor.post<Consolidation>(`/api/periods/${p.body.id}/consolidation`);
    expect(g.status, g.text).toBe(200);
    expect(g.body.heading).toMatchObject({ issuer: 'SỞ TƯ PHÁP', notation: 'BC-STP', signer, number: null });
    expect(g.body.heading.title).toBe(`Sơ kết quý IV/2026 thực hiện ${CITATION}`);
  });

  it('names every download in Vietnamese without diacritics', async () => {
    const [q4] = (
      await monitor.get<{ items: { id: string; label: string }[] }>(`/api/programs/${f.programId}/periods`)
    ).body.items.filter((p) => p.label === 'Quý IV/2026');
    const names: Record<string, string> = {};
    for (const url of [
      `/api/periods/${periodId}/consolidation.docx`,
      `/api/periods/${periodId}/consolidation.xlsx`,
      `/api/periods/${q4!.id}/consolidation.docx`,
      `/api/programs/${f.programId}/annex.docx`,
      `/api/programs/${f.programId}/annex.xlsx`,
      '/api/units/export.csv',
    ]) {
      const r = await fetch(t.base + url, { headers: { cookie: monitor.cookie! } });
      expect(r.status, url).toBe(200);
      const cd = r.headers.get('content-disposition') ?? '';
      names[url] = /filename="([^"]+)"/.exec(cd)?.[1] ?? cd;
    }
    expect(Object.values(names)).toEqual([
      'bao-cao-tong-ket-nam-2026.docx',
      'phu-luc-bao-cao-tong-ket-nam-2026.xlsx',
      'bao-cao-so-ket-quy-iv-2026.docx',
      'phu-luc-phan-cong-nhiem-vu.docx',
      'phu-luc-phan-cong-nhiem-vu.xlsx',
      expect.stringMatching(/^danh-muc-don-vi-\d{4}-\d{2}-\d{2}\.csv$/),
    ]);
    for (const n of Object.values(names)) expect(vietnameseFileName(n), n).toEqual([]);
    expect(vietnameseFileName('bao-cao-2026-quarterly.docx')).toEqual(['quarterly']);
    expect(vietnameseFileName('báo-cáo.docx')).toEqual(['not ASCII']);
  });
});
