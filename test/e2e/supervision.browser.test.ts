/**
 * Browser test: the whole supervision loop of issue 13, with a real `thucthi start` process on a fresh
 * data folder and Debian's Chromium. Setup through the API: the demo monitor puts the seed program into
 * "Triển khai" and opens its 2026 annual period; Sở Tư pháp's report (with an obstacle) is submitted
 * and accepted; the monitor drafts the consolidated report and sends it for approval.
 * 1. The demo supervisor (UBKT Thành ủy) plans an inspection of Sở Tư pháp and Sở Nội vụ on the seed
 *    program, decides it, records a visit, and issues a conclusion with one finding and two
 *    recommendations for Sở Tư pháp; its .docx is rendered by LibreOffice.
 * 2. Sở Tư pháp reports remediation on both; the supervisor returns one and accepts the other; the
 *    unit reports again and the supervisor accepts: both closed.
 * 3. The demo leader writes a direction on the obstacle; the unit answers; the monitor closes it.
 * 4. The leader approves the consolidated report.
 * 5. The leader's annual review shows Sở Tư pháp's recommendations (2/2) and directions (1/1).
 * Screenshots (1366×768) go to test-results/e2e/supervision-*.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import {
  SHOTS,
  apiWithSession,
  firstLogin,
  fullPageShot,
  hasBrowser,
  launchChromium,
  sessionCookie,
  shutDown,
} from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/process.js';
import { Client } from '../support/app.js';
import { entry, implementSeedProgram, submitAccepted } from '../support/reporting.js';
import { docxParagraphs } from '../support/docx.js';
import { pdfPagePng, pdfText, renderDocx } from '../support/office.js';
import { OPEN_DROPDOWN, clickInPopup, confirm, poll } from '../support/ui.js';
import type { PeriodDetail } from '../../src/contract/periods.js';
import type { TaskList } from '../../src/contract/tasks.js';
import type { ReportView } from '../../src/contract/reports.js';
import type { AnnualReview } from '../../src/contract/review.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-e2e-supervision-'));
const DESKTOP = { width: 1366, height: 768 };
const OBSTACLE = 'Thiếu biên chế cán bộ pháp chế để rà soát văn bản.';
const FINDING = 'Chưa ban hành kế hoạch rà soát văn bản quy phạm pháp luật năm 2026.';
const REC1 = 'Ban hành kế hoạch rà soát văn bản quy phạm pháp luật năm 2026';
const REC2 = 'Kiểm điểm trách nhiệm tập thể, cá nhân để chậm ban hành kế hoạch';
/** The number typed; the document adds the symbol of the body's notices (Số 15-TB/UBKTTU). */
const NUMBER = '15';
const SYMBOL = `${NUMBER}-TB/UBKTTU`;
const DIRECTION = 'Sở Tư pháp đề xuất phương án bổ sung biên chế pháp chế, báo cáo trước ngày 31/12/2026.';
const RETURNED = 'Chưa gửi kèm kế hoạch đã ban hành.';
const SOFFICE = fs.existsSync('/usr/bin/soffice');

/** Vietnam's today (UTC+7), yyyy-mm-dd. */
const vnToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const dmy = (iso: string) => iso.split('-').reverse().join('/');
/** `days` after Vietnam's today, kept in 2026 (the year of the review). */
const dueIn = (days: number) => {
  const d = new Date(`${vnToday()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  const iso = d.toISOString().slice(0, 10);
  return iso > '2026-12-31' ? '2026-12-31' : iso;
};

type Who = 'supervisor' | 'unit' | 'leader' | 'monitor';
const PASSWORDS: Record<Who, string> = {
  supervisor: 'mat-khau-giam-sat-2026',
  unit: 'mat-khau-don-vi-2026',
  leader: 'mat-khau-lanh-dao-2026',
  monitor: 'mat-khau-theo-doi-2026',
};

/** Opens a unit picker (its search input `input`), types `search` and picks the option `text`. */
async function pickUnit(p: Page, input: Locator, search: string, text: string): Promise<void> {
  await clickInPopup(
    async () => {
      if (!(await p.locator(OPEN_DROPDOWN).count())) {
        await input.click();
        await input.fill(search);
      }
      await p
        .locator(`${OPEN_DROPDOWN} .ant-select-item-option`, { hasText: text })
        .first()
        .click({ timeout: 5_000 });
    },
    async () => (await p.locator(OPEN_DROPDOWN).count()) === 0,
    `pick unit "${text}"`,
  );
}

/** Types a date into an antd DatePicker and leaves it by clicking `away` (Enter would submit). */
async function typeDate(picker: Locator, value: string, away: Locator): Promise<void> {
  await picker.click();
  await picker.fill(value);
  await away.click();
  await poll(() => picker.inputValue()).toBe(value);
}

describe.skipIf(!hasBrowser)('the supervision loop in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  const ctx: Partial<Record<Who, BrowserContext>> = {};
  const pages: Partial<Record<Who, Page>> = {};
  const pageErrors: string[] = [];
  let programId = '';
  let programTitle = '';
  let periodId = '';
  let stpId = '';
  let recIds: string[] = [];

  const open = async (who: Who) => {
    ctx[who] = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    const p = await ctx[who].newPage();
    p.on('pageerror', (e) => pageErrors.push(`${p.url()}: ${e.message}`));
    pages[who] = p;
    await firstLogin(p, server.url, server.credentials[who]!, PASSWORDS[who]);
    return p;
  };
  const client = async (who: Who) => {
    const c = new Client(server.url);
    c.cookie = await sessionCookie(ctx[who]!, server.url);
    return c;
  };
  const recStatus = (id: string) =>
    apiWithSession<{ recommendation: { status: string } }>(
      server.url,
      ctx.supervisor!,
      'GET',
      `/api/recommendations/${id}`,
    ).then((d) => d.recommendation.status);

  beforeAll(async () => {
    server = await startServerProcess(['--data-dir', dir]);
    browser = await launchChromium();
  });
  afterAll(() => shutDown(browser, server, dir));

  it('prepares the period, an accepted report with an obstacle and a consolidated report sent for approval', async () => {
    await open('monitor');
    await open('unit');
    const monitor = await client('monitor');
    const unit = await client('unit');
    programId = await implementSeedProgram(monitor);
    programTitle = (await monitor.get<{ title: string }>(`/api/programs/${programId}`)).body.title;
    const units = await monitor.get<{ items: { id: string; code: string }[] }>('/api/units?q=SO-TU-PHAP');
    stpId = units.body.items.find((u) => u.code === 'SO-TU-PHAP')!.id;
    // The seed's suggestions may not give Sở Tư pháp a task: it is made lead of the first one.
    const tasks = (await monitor.get<TaskList>(`/api/programs/${programId}/tasks`)).body.items;
    if (!tasks.some((t) => t.leadUnitId === stpId)) {
      const x = tasks[0]!;
      const a = await monitor.request('PUT', `/api/tasks/${x.nodeId}/assignment`, {
        version: x.version,
        leadUnitId: stpId,
        cooperatingUnitIds: x.cooperatingUnitIds.filter((u) => u !== stpId),
        focal: x.focal,
        deadline: x.deadline,
        products: x.products,
        reason: 'Giao Sở Tư pháp chủ trì theo phân công của Ban Thường vụ.',
      });
      expect(a.status, a.text).toBe(200);
    }
    const p = await monitor.post<{ id: string }>(`/api/programs/${programId}/periods`, {
      kind: 'yearly',
      year: 2026,
    });
    expect(p.status, p.text).toBe(201);
    periodId = p.body.id;
    const rows = (await monitor.get<PeriodDetail>(`/api/periods/${periodId}`)).body.rows;
    const obligation = rows.find((r) => r.unitId === stpId)!.obligationId;
    const rep = (await unit.get<ReportView>(`/api/reports/${obligation}`)).body;
    const lead = rep.tasks.filter((t) => t.role === 'lead');
    expect(lead.length).toBeGreaterThan(0);
    const entries = Object.fromEntries(
      lead.map((t, i) => [
        t.nodeId,
        i === 0
          ? entry({ status: 'in_progress', percent: 40, results: 'Đã rà soát 120 văn bản.', obstacles: OBSTACLE })
          : entry({ status: 'in_progress', percent: 20, results: 'Đang triển khai.' }),
      ]),
    );
    await submitAccepted(unit, monitor, obligation, { entries });
    const g = await monitor.post<{ version: number }>(`/api/periods/${periodId}/consolidation`);
    expect(g.status, g.text).toBe(200);
    const s = await monitor.post(`/api/periods/${periodId}/consolidation/send`, { version: g.body.version });
    expect(s.status, s.text).toBe(200);
  }, 120_000);

  it('the supervisor plans an inspection, records a visit and issues a conclusion with two recommendations', async () => {
    const p = await open('supervisor');
    await p.goto(`${server.url}/kiem-tra-giam-sat`);
    await p.getByTestId('inspection-create').click();
    const dialog = p.getByRole('dialog', { name: 'Lập kế hoạch kiểm tra, giám sát' });
    await dialog.waitFor();
    await p.getByTestId('inspection-title').fill('Kiểm tra việc thực hiện Chương trình hành động năm 2026');
    const program = p.locator('#programId');
    await clickInPopup(
      async () => {
        if (!(await p.locator(OPEN_DROPDOWN).count())) await program.click();
        await p
          .locator(`${OPEN_DROPDOWN} .ant-select-item-option`, { hasText: programTitle.slice(0, 40) })
          .first()
          .click({ timeout: 5_000 });
      },
      async () => (await p.locator(OPEN_DROPDOWN).count()) === 0,
      'choose the program',
    );
    await p.locator('#contents').fill('Kiểm tra việc triển khai các nhiệm vụ được giao.');
    await typeDate(
      p.locator('#startsOn'),
      dmy(vnToday()),
      p.locator('#contents'),
    );
    await typeDate(
      p.locator('#endsOn'),
      '31/12/2026',
      p.locator('#contents'),
    );
    await pickUnit(p, p.locator('#subjects_0_unitId'), 'Tư pháp', 'Sở Tư pháp');
    await p.getByTestId('inspection-add-subject').click();
    await pickUnit(p, p.locator('#subjects_1_unitId'), 'Nội vụ', 'Sở Nội vụ');
    await p.getByTestId('inspection-save').click();
    await p.waitForURL(/\/kiem-tra-giam-sat\/[0-9a-f-]{36}$/);
    await poll(() => p.getByTestId('inspection-subjects').innerText()).toContain('Sở Nội vụ');
    expect(await p.getByTestId('inspection-subjects').innerText()).toContain('Sở Tư pháp');

    await p.getByTestId('inspection-activate').click();
    await confirm(p, 'Quyết định, ban hành kế hoạch?', 'Ban hành');
    await p.getByTestId('visit-create').waitFor();

    // A visit to Sở Tư pháp (the first subject, chosen by default).
    await p.getByTestId('visit-create').click();
    const visit = p.getByRole('dialog', { name: 'Ghi đợt làm việc' });
    await visit.waitFor();
    await typeDate(p.locator('#heldOn'), dmy(vnToday()), p.locator('#place'));
    await p.locator('#place').fill('Trụ sở Sở Tư pháp');
    await p.locator('#participants').fill('Đoàn kiểm tra; Giám đốc Sở Tư pháp.');
    await p.getByTestId('visit-minutes').fill('Đoàn đã làm việc, xem xét hồ sơ rà soát văn bản.');
    await p.getByTestId('visit-save').click();
    await visit.waitFor({ state: 'hidden' });
    await poll(() => p.getByTestId('inspection-visits').innerText()).toContain('Trụ sở Sở Tư pháp');

    // The conclusion: one finding and two recommendations for Sở Tư pháp.
    await p.getByTestId('conclusion-create').click();
    const draft = p.getByRole('dialog', { name: 'Lập dự thảo kết luận' });
    await draft.waitFor();
    await p.getByTestId('finding-add').click();
    await p.getByTestId('finding-text-0').fill(FINDING);
    const recs: [string, string][] = [
      [REC1, dueIn(10)],
      [REC2, dueIn(20)],
    ];
    for (const [i, [text, due]] of recs.entries()) {
      await p.getByTestId('recommendation-add').click();
      await pickUnit(
        p,
        p.locator(`#recommendations_${i}_responsibleUnitId`),
        'Tư pháp',
        'Sở Tư pháp',
      );
      await p.getByTestId(`recommendation-text-${i}`).fill(text);
      await typeDate(
        p.locator(`#recommendations_${i}_dueDate`),
        dmy(due),
        p.locator(`#recommendations_${i}_expectedProduct`),
      );
      await p
        .locator(`#recommendations_${i}_expectedProduct`)
        .fill('Báo cáo kết quả khắc phục');
      await p.locator(`#recommendations_${i}_findingSeq`).fill('1');
    }
    await p.getByTestId('conclusion-save').click();
    await draft.waitFor({ state: 'hidden' });
    const card = p.getByTestId('conclusion-card');
    await poll(() => card.innerText()).toContain(REC2);
    await fullPageShot(p, 'supervision-1-du-thao-ket-luan.png');

    await p.getByTestId('conclusion-issue').click();
    const issue = p.getByRole('dialog', { name: 'Ban hành kết luận' });
    await issue.waitFor();
    await p.getByTestId('conclusion-number').fill(NUMBER);
    await typeDate(p.locator('#issuedOn'), dmy(vnToday()), p.getByTestId('conclusion-number'));
    await p.locator('#signerTitle').fill('Chủ nhiệm');
    await p.locator('#signerName').fill('Nguyễn Văn Kiểm');
    await p.getByTestId('conclusion-issue-ok').click();
    await issue.waitFor({ state: 'hidden' });
    await poll(() => card.innerText()).toContain(`Số ${NUMBER}, ngày ${dmy(vnToday())}`);
    await fullPageShot(p, 'supervision-2-ket-luan.png');

    // The official .docx: the number and both recommendations, rendered by LibreOffice.
    const href = await p.getByTestId('conclusion-docx').getAttribute('href');
    const r = await fetch(server.url + href!, {
      headers: { cookie: await sessionCookie(ctx.supervisor!, server.url) },
    });
    expect(r.status).toBe(200);
    const buf = Buffer.from(await r.arrayBuffer());
    const text = docxParagraphs(buf).join('\n');
    expect(text).toContain(`Số ${SYMBOL}\n`);
    expect(text).toContain(REC1);
    expect(text).toContain(REC2);
    expect(text).not.toContain('DỰ THẢO');
    if (SOFFICE) {
      fs.mkdirSync(SHOTS, { recursive: true });
      const docx = path.join(dir, 'ket-luan.docx');
      fs.writeFileSync(docx, buf);
      const pdf = renderDocx(SHOTS, docx, 'supervision-ket-luan');
      pdfPagePng(pdf, 1, path.join(SHOTS, 'supervision-3-ket-luan-docx'));
      const rendered = pdfText(pdf);
      expect(rendered).toContain(SYMBOL);
      expect(rendered).toContain('Ban hành kế hoạch rà soát');
    }
    const plan = await apiWithSession<{ conclusions: { recommendations: { id: string; text: string }[] }[] }>(
      server.url,
      ctx.supervisor!,
      'GET',
      `/api/inspections/${p.url().split('/').pop()}`,
    );
    const list = plan.conclusions[0]!.recommendations;
    recIds = [REC1, REC2].map((t) => list.find((x) => x.text === t)!.id);
  }, 180_000);

  it('the unit reports remediation; one is returned and reported again; both are closed', async () => {
    const unit = pages.unit!;
    const sup = pages.supervisor!;
    const report = async (text: string, result: string) => {
      await unit.goto(`${server.url}/kien-nghi`);
      await unit.getByTestId('recommendations').getByRole('link', { name: text }).click();
      await unit.waitForURL(/\/kien-nghi\/[0-9a-f-]{36}$/);
      await unit.getByRole('button', { name: 'Báo cáo khắc phục' }).click();
      const d = unit.getByRole('dialog', { name: 'Báo cáo kết quả khắc phục' });
      await d.waitFor();
      await unit.locator('#remediation-result').fill(result);
      await d.getByRole('button', { name: 'Gửi báo cáo' }).click();
      await d.waitFor({ state: 'hidden' });
      await poll(() => unit.getByTestId('remediation-reports').innerText()).toContain(result);
    };
    const decide = async (id: string, decision: 'Chấp nhận' | 'Trả lại', comment?: string) => {
      await sup.goto(`${server.url}/kien-nghi/${id}`);
      // The header's button (its icon's label comes first in its name).
      await sup.getByRole('button', { name: new RegExp(`${decision}$`) }).first().click();
      const d = sup.getByRole('dialog', {
        name: decision === 'Chấp nhận' ? 'Chấp nhận kết quả khắc phục' : 'Trả lại báo cáo khắc phục',
      });
      await d.waitFor();
      if (comment) await sup.locator('#remediation-comment').fill(comment);
      await d.getByRole('button', { name: decision, exact: true }).click();
      await d.waitFor({ state: 'hidden' });
    };

    await report(REC1, 'Đã ban hành Kế hoạch số 45/KH-STP rà soát văn bản năm 2026.');
    await report(REC2, 'Đã tổ chức kiểm điểm tập thể lãnh đạo Phòng Văn bản.');
    await fullPageShot(unit, 'supervision-4-bao-cao-khac-phuc.png');
    await poll(() => recStatus(recIds[0]!)).toBe('submitted');

    await sup.goto(`${server.url}/kien-nghi`);
    await poll(() => sup.getByTestId('recommendations').innerText()).toContain(REC2);
    await decide(recIds[0]!, 'Trả lại', RETURNED);
    await poll(() => recStatus(recIds[0]!)).toBe('returned');
    await decide(recIds[1]!, 'Chấp nhận');
    await poll(() => recStatus(recIds[1]!)).toBe('closed');

    await report(REC1, 'Gửi kèm Kế hoạch số 45/KH-STP ngày 05/12/2026.');
    expect(await unit.getByTestId('remediation-reports').innerText()).toContain(RETURNED);
    await decide(recIds[0]!, 'Chấp nhận');
    await poll(() => recStatus(recIds[0]!)).toBe('closed');
    await poll(() => sup.getByTestId('remediation-reports').innerText()).toContain('Được chấp nhận');
    await fullPageShot(sup, 'supervision-5-kien-nghi-hoan-thanh.png');
  }, 120_000);

  it('the leader writes a direction on the obstacle, the unit answers, the monitor closes it', async () => {
    const leader = await open('leader');
    await leader.goto(`${server.url}/ky-bao-cao/${periodId}?xem=kho-khan`);
    const table = leader.getByTestId('obstacles-table');
    const row = table.locator('.ant-table-row', { hasText: OBSTACLE });
    await row.waitFor();
    await row.locator('.ant-table-row-expand-icon').click();
    await leader.getByTestId('direction-write').click();
    const dialog = leader.getByRole('dialog', { name: 'Viết ý kiến chỉ đạo' });
    await dialog.waitFor();
    await leader.getByTestId('direction-text').fill(DIRECTION);
    await typeDate(leader.locator('#direction-due'), '31/12/2026', leader.getByTestId('direction-text'));
    await leader.getByTestId('direction-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await poll(() => leader.getByTestId('directions-card').innerText()).toContain(DIRECTION);
    await fullPageShot(leader, 'supervision-6-chi-dao-kho-khan.png');

    const unit = pages.unit!;
    await unit.goto(`${server.url}/y-kien-chi-dao`);
    await poll(() => unit.getByTestId('directions-table').innerText()).toContain(DIRECTION);
    await unit.getByTestId('direction-answer').click();
    await unit.getByTestId('direction-answer-text').fill('Đã trình phương án bổ sung 2 biên chế pháp chế.');
    await unit.getByTestId('direction-answer-ok').click();
    await poll(() => unit.getByTestId('direction-unit').first().getAttribute('data-status')).toBe('answered');

    const monitor = pages.monitor!;
    await monitor.goto(`${server.url}/y-kien-chi-dao?trang-thai=answered`);
    await poll(() => monitor.getByTestId('directions-table').innerText()).toContain(DIRECTION);
    await monitor.getByTestId('direction-close').click();
    await monitor.getByTestId('direction-comment').fill('Đạt yêu cầu.');
    await monitor.getByTestId('direction-close-ok').click();
    await poll(() => monitor.getByTestId('directions-table').innerText()).not.toContain(DIRECTION);
    await monitor.goto(`${server.url}/y-kien-chi-dao`);
    await poll(() => monitor.getByTestId('direction-unit').first().getAttribute('data-status')).toBe('closed');
    await fullPageShot(monitor, 'supervision-7-chi-dao-ket-thuc.png');
  }, 120_000);

  it('the leader approves the consolidated report', async () => {
    const leader = pages.leader!;
    await leader.goto(`${server.url}/ky-bao-cao/${periodId}?xem=tong-hop`);
    await poll(() => leader.getByTestId('consolidation-status').innerText()).toContain('Chờ duyệt');
    await leader.getByTestId('consolidation-approve').click();
    const dialog = leader.getByRole('dialog', { name: 'Ký duyệt báo cáo tổng hợp' });
    await dialog.waitFor();
    const number = dialog.getByLabel('Số văn bản');
    await number.fill('130');
    await typeDate(dialog.getByLabel('Ngày ban hành'), '15/12/2026', number);
    await leader.getByTestId('consolidation-leader-ok').click();
    await poll(() => leader.getByTestId('consolidation-status').innerText()).toContain('Đã ký duyệt');
    await fullPageShot(leader, 'supervision-8-ky-duyet.png');
  }, 120_000);

  it('the annual review shows Sở Tư pháp’s recommendations and directions', async () => {
    const leader = pages.leader!;
    await leader.goto(`${server.url}/kiem-diem?chuong-trinh=${programId}&nam=2026`);
    const r = await apiWithSession<AnnualReview>(
      server.url,
      ctx.leader!,
      'GET',
      `/api/programs/${programId}/review?year=2026`,
    );
    const stp = r.units.find((u) => u.unitId === stpId)!;
    expect(stp.figures.recommendationsReceived).toBe(2);
    expect(stp.figures.recommendationsClosed).toBe(2);
    expect(stp.figures.directionsDue).toBe(1);
    expect(stp.figures.directionsOnTime).toBe(1);
    const table = leader.getByTestId('review-table');
    await table.waitFor();
    // The table pages by 50 rows: find Sở Tư pháp's row on the page it is on.
    const row = table.locator('.ant-table-row', { has: leader.getByTestId(`review-score-${stpId}`) });
    const rank = r.units.indexOf(stp);
    if (rank >= 50) await table.locator('.ant-pagination-item', { hasText: String(Math.floor(rank / 50) + 1) }).click();
    await row.waitFor();
    await poll(() => row.locator(`a[href="/kien-nghi?unitId=${stpId}"]`).innerText()).toBe('2/2');
    expect(await row.locator(`a[href="/y-kien-chi-dao?unitId=${stpId}"]`).innerText()).toBe('1/1');
    await row.scrollIntoViewIfNeeded();
    await fullPageShot(leader, 'supervision-9-kiem-diem.png');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
