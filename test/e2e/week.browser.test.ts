/**
 * Browser test: an office's whole week on a real Government document (not the seed), with a real
 * `thucthi start` process on a fresh data folder and Debian's Chromium at 1366×768.
 * 1. The demo monitor uploads Nghị quyết 100/NQ-CP (Official Gazette text, `fixtures/corpus/`, a byte-for-byte copy of `../shared/corpus/16-…`),
 *    corrects the heading the importer misread ("CỦA CHÍNH PHỦ …" as the title) and publishes it.
 * 2. Bulk assignment: the whole group II.7 goes to Sở Tư pháp, every task still without a lead to Sở Nội
 *    vụ, both with a deadline, in two steps; then "Triển khai".
 * 3. The monitor opens the 2026 period; the demo unit user (Sở Tư pháp) is told in the bell, follows the
 *    notification to its report, fills its two tasks and submits; the monitor is told.
 * 4. The monitor returns it with a comment; the unit is told (with the comment), corrects and resubmits;
 *    the monitor accepts; the unit is told.
 * 5. The consolidated report is drafted and downloaded; LibreOffice renders it: written by the
 *    monitoring body (Ban Nội chính Thành ủy), citing the Government's resolution, no placeholder.
 * Screenshots and the rendered pages go to test-results/e2e/week-*.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import {
  SHOTS,
  apiWithSession,
  firstLogin,
  fullPageShot,
  hasBrowser,
  launchChromium,
  shutDown,
} from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/process.js';
import {
  OPEN_DROPDOWN,
  acceptReport,
  choose,
  clickInPopup,
  confirm,
  pickStatus,
  poll,
  reportCard,
  returnReport,
  submitReport,
} from '../support/ui.js';
import { pdfPagePng, pdfText, renderDocx } from '../support/office.js';
import type { PeriodDetail } from '../../src/contract/periods.js';
import type { ReportView } from '../../src/contract/reports.js';
import type { TaskView } from '../../src/domain/plan/assignment.js';

const DOCUMENT = path.resolve('fixtures/corpus/16-chinhphu-nq-100-nq-cp-ctr-ct-49-ctw.txt');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-e2e-week-'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-e2e-week-docx-'));
const DESKTOP = { width: 1366, height: 768 };
const hasOffice = fs.existsSync('/usr/bin/soffice') && fs.existsSync('/usr/bin/pdftoppm');
const TITLE =
  'Thực hiện Chỉ thị số 49-CT/TW ngày 28 tháng 6 năm 2025 của Ban Bí thư về công tác phi chính phủ nước ngoài giai đoạn 2026 - 2030';
const COMMENT = 'Đề nghị nêu rõ số lớp bồi dưỡng đã tổ chức và số học viên.';

describe.skipIf(!hasBrowser)('an office’s week on a Government resolution', () => {
  let server: ServerProcess;
  let browser: Browser;
  let monitorCtx: BrowserContext;
  let unitCtx: BrowserContext;
  let page: Page;
  let unitPage: Page;
  const pageErrors: string[] = [];
  let programId = '';
  let periodId = '';
  let obligationId = '';
  let stpTasks: TaskView[] = [];
  let docx = '';

  const shot = (p: Page, name: string) => fullPageShot(p, `week-${name}`);
  const api = <T>(ctx: BrowserContext, method: string, url: string, body?: unknown) =>
    apiWithSession<T>(server.url, ctx, method, url, body);
  const tasks = async () =>
    (await api<{ items: TaskView[] }>(monitorCtx, 'GET', `/api/programs/${programId}/tasks`)).items;
  const newPage = async (ctx: BrowserContext) => {
    const p = await ctx.newPage();
    p.on('pageerror', (e) => pageErrors.push(`${p.url()}: ${e.message}`));
    return p;
  };
  const unreadOf = async (p: Page) =>
    Number(
      /(\d+) chưa đọc/.exec(
        (await p.getByTestId('notification-bell').getAttribute('aria-label')) ?? '',
      )?.[1] ?? 0,
    );
  /** Opens the bell, checks the newest notification titled `title` and follows it. */
  const follow = async (p: Page, title: string, contains?: string) => {
    await p.goto(server.url + '/');
    await poll(() => unreadOf(p), 15_000).toBeGreaterThan(0);
    await p.getByTestId('notification-bell').click();
    const item = p.getByTestId('notification-item').filter({ hasText: title }).first();
    await item.waitFor({ timeout: 15_000 });
    if (contains) expect(await item.innerText()).toContain(contains);
    const href = (await item.getAttribute('href'))!;
    await item.click();
    await p.waitForURL(new RegExp(`${href}$`));
    return href;
  };
  /** Picks a quick selection of the task table and waits until it selected `count` tasks. */
  const quickPick = (text: string | RegExp, count: number) =>
    clickInPopup(
      async () => {
        if (!(await page.locator(OPEN_DROPDOWN).count()))
          await page.getByLabel('Chọn nhanh nhiệm vụ').click();
        await page.locator(`${OPEN_DROPDOWN} .ant-select-item-option`, { hasText: text }).first().click();
      },
      async () => (await page.getByTestId('bulk-count').innerText()) === `Đã chọn ${count} nhiệm vụ`,
      `quick pick ${String(text)}`,
    );
  /** "Giao hàng loạt": lead `unit` and the deadline 31/12/2026 for the selected tasks. */
  const bulkLeadAndDeadline = async (count: number, search: string, unit: string) => {
    await poll(() => page.getByTestId('bulk-count').innerText()).toBe(`Đã chọn ${count} nhiệm vụ`);
    await page.getByTestId('bulk-edit').click();
    const modal = page.locator('.ant-modal:visible');
    await modal.getByText(`Giao hàng loạt ${count} nhiệm vụ`).waitFor();
    await modal.getByRole('checkbox', { name: 'Cơ quan chủ trì' }).check();
    await page.locator('#bulk-assignment_deadline_date').fill('31/12/2026');
    await page.keyboard.press('Tab');
    await page.locator('#bulk-assignment_leadUnitId').fill(search);
    await page.locator(`${OPEN_DROPDOWN} .ant-select-item-option`, { hasText: unit }).first().click();
    const before = (await tasks()).filter((t) => t.leadUnitId).length;
    await page.getByTestId('bulk-save').click();
    // Saved in one step (the modal closes; the success message may be gone before it is looked at).
    await modal.waitFor({ state: 'detached', timeout: 45_000 });
    await poll(async () => (await tasks()).filter((t) => t.leadUnitId).length, 15_000).toBe(before + count);
  };

  beforeAll(async () => {
    server = await startServerProcess(['--data-dir', dir]);
    browser = await launchChromium();
    monitorCtx = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN', acceptDownloads: true });
    page = await newPage(monitorCtx);
    unitCtx = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    unitPage = await newPage(unitCtx);
  });

  afterAll(() => shutDown(browser, server, dir, tmp));

  it(
    'uploads the Government resolution, corrects the misread title and publishes it',
    { timeout: 180_000 },
    async () => {
      await firstLogin(page, server.url, server.credentials.monitor!, 'mat-khau-theo-doi-2026');
      await page.goto(server.url + '/nhap-van-ban');
      await page.getByRole('tab', { name: 'Tải tệp lên' }).click();
      await page.locator('input[type="file"]').setInputFiles(DOCUMENT);
      await page.waitForURL(/\/nhap-van-ban\/[0-9a-f-]{36}$/, { timeout: 60_000 });
      await page.getByRole('button', { name: 'Sửa phần đầu' }).click();
      const title = page.getByTestId('heading-title');
      await title.waitFor({ timeout: 15_000 });
      expect(await title.inputValue()).toMatch(/^CỦA CHÍNH PHỦ thực hiện Chỉ thị số 49-CT\/TW/);
      await title.fill(TITLE);
      await shot(page, '01-sua-phan-dau.png');
      await page.getByTestId('heading-save').click();
      await page.getByText('Đã sửa phần đầu văn bản').waitFor({ timeout: 15_000 });
      await page.getByRole('button', { name: 'Ban hành' }).first().click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: 'Ban hành' }).click();
      await page.waitForURL(/\/chuong-trinh\/[0-9a-f-]{36}/, { timeout: 30_000 });
      programId = /\/chuong-trinh\/([0-9a-f-]{36})/.exec(page.url())![1]!;
      await page.getByRole('tab', { name: 'Nội dung' }).waitFor({ timeout: 15_000 });
      const program = await api<{ title: string; number: string; issuer: string }>(
        monitorCtx,
        'GET',
        `/api/programs/${programId}`,
      );
      expect(program.title).toContain(TITLE);
      expect(program.title).not.toContain('CỦA CHÍNH PHỦ');
      expect(program.number).toBe('100/NQ-CP');
      expect((await tasks()).length).toBeGreaterThan(20);
    },
  );

  it(
    'assigns in two bulk steps (group II.7 to Sở Tư pháp, the rest to Sở Nội vụ) and implements',
    { timeout: 180_000 },
    async () => {
      await page.getByRole('tab', { name: /Nhiệm vụ/ }).click();
      await page.locator('[data-testid="tasks-table"] .ant-table-row').first().waitFor({ timeout: 15_000 });
      const all = await tasks();
      const groupII7 = all.filter((t) => t.groupLabel === 'II.7');
      expect(groupII7.length).toBeGreaterThan(0);
      await quickPick(/^Cả nhóm II\.7 /, groupII7.length);
      await bulkLeadAndDeadline(groupII7.length, 'so tu phap', 'Sở Tư pháp');
      await shot(page, '02-giao-nhom.png');
      const left = (await tasks()).filter((t) => !t.leadUnitId).length;
      expect(left).toBe(all.length - groupII7.length);
      await quickPick('Thiếu chủ trì', left);
      await bulkLeadAndDeadline(left, 'so noi vu', 'Sở Nội vụ');
      const assigned = await tasks();
      expect(assigned.every((t) => t.leadUnitId && t.dueDate === '2026-12-31')).toBe(true);
      stpTasks = assigned.filter((t) => groupII7.some((g) => g.nodeId === t.nodeId));
      expect(new Set(stpTasks.map((t) => t.leadUnitId)).size).toBe(1);

      await page.getByRole('button', { name: 'Triển khai' }).click();
      await confirm(page, 'Triển khai chương trình?', 'Triển khai');
      await poll(() => page.getByTestId('program-status').innerText(), 30_000).toBe('Đang triển khai');
      await shot(page, '03-trien-khai.png');
    },
  );

  it(
    'opens the 2026 period; Sở Tư pháp is told, follows the notice, reports and submits',
    { timeout: 180_000 },
    async () => {
      await page.goto(`${server.url}/chuong-trinh/${programId}?xem=bao-cao`);
      await page.getByTestId('open-period-button').click();
      await page.getByTestId('open-period-form').waitFor();
      await choose(page, page.getByTestId('open-period-kind'), 'Hằng năm');
      await page.getByTestId('open-period-form').locator('#year').fill('2026');
      await poll(() => page.getByTestId('open-period-preview').innerText()).toContain('Năm 2026');
      await page.getByTestId('open-period-submit').click();
      await page.waitForURL(/\/ky-bao-cao\/[0-9a-f-]{36}/, { timeout: 15_000 });
      periodId = /\/ky-bao-cao\/([0-9a-f-]{36})/.exec(page.url())![1]!;
      const p = await api<PeriodDetail>(monitorCtx, 'GET', `/api/periods/${periodId}`);
      // A run after the yearly deadline keeps the period open for the week.
      if (p.today > p.dueDate)
        await api(monitorCtx, 'PATCH', `/api/periods/${periodId}`, {
          version: p.version,
          dueDate: new Date(Date.parse(`${p.today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10),
        });
      expect(p.rows).toHaveLength(2);
      obligationId = p.rows.find((r) => r.unitId === stpTasks[0]!.leadUnitId)!.obligationId;

      await firstLogin(unitPage, server.url, server.credentials.unit!, 'mat-khau-don-vi-2026');
      expect(await follow(unitPage, 'Mở kỳ báo cáo Năm 2026', 'Sở Tư pháp')).toBe(`/bao-cao/${obligationId}`);
      await unitPage.getByTestId('report-editor').waitFor({ timeout: 15_000 });
      await unitPage.waitForLoadState('networkidle');
      for (const [i, t] of stpTasks.entries()) {
        await pickStatus(unitPage, t.nodeId, 'Đang thực hiện');
        await reportCard(unitPage, t.nodeId)
          .getByTestId('entry-percent')
          .fill(String(40 + i * 10));
        await reportCard(unitPage, t.nodeId)
          .getByTestId('entry-results')
          .fill(`Đã tổ chức bồi dưỡng cho cán bộ theo nhiệm vụ ${t.label}.`);
      }
      await shot(unitPage, '04-don-vi-bao-cao.png');
      await submitReport(unitPage);
    },
  );

  it(
    'the monitor is told, returns the report with a comment; the unit is told and resubmits',
    { timeout: 180_000 },
    async () => {
      await follow(page, 'Sở Tư pháp đã nộp báo cáo kỳ Năm 2026');
      await returnReport(page, COMMENT);
      await shot(page, '05-tra-lai.png');

      await follow(unitPage, 'Báo cáo kỳ Năm 2026 bị trả lại', COMMENT);
      await unitPage.getByTestId('report-editor').waitFor({ timeout: 15_000 });
      await unitPage.waitForLoadState('networkidle');
      const first = reportCard(unitPage, stpTasks[0]!.nodeId);
      await first.getByTestId('entry-results').fill('Đã tổ chức 2 lớp bồi dưỡng cho 120 học viên.');
      await submitReport(unitPage);
    },
  );

  it(
    'the monitor is told of the resubmission and accepts; the unit is told',
    { timeout: 180_000 },
    async () => {
      await follow(page, 'Sở Tư pháp đã nộp lại báo cáo kỳ Năm 2026');
      await acceptReport(page);
      await follow(unitPage, 'Báo cáo kỳ Năm 2026 đã được tiếp nhận');
      await unitPage.getByTestId('report-page').waitFor({ timeout: 15_000 });
      const r = await api<ReportView>(unitCtx, 'GET', `/api/reports/${obligationId}`);
      expect(r.status).toBe('accepted');
      await shot(unitPage, '06-da-tiep-nhan.png');
    },
  );

  it('drafts and downloads the consolidated report', { timeout: 180_000 }, async () => {
    await page.goto(`${server.url}/ky-bao-cao/${periodId}?xem=tong-hop`);
    await page.getByTestId('consolidation-generate').click();
    await page.getByTestId('consolidation-form').waitFor({ timeout: 15_000 });
    await shot(page, '07-tong-hop.png');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('consolidation-download-docx').click(),
    ]);
    expect(download.suggestedFilename()).toBe('bao-cao-tong-ket-nam-2026.docx');
    docx = path.join(SHOTS, 'week-tong-hop.docx');
    await download.saveAs(docx);
  });

  it.skipIf(!hasOffice)(
    'renders it: written by the monitoring body, citing the Government resolution, no placeholder',
    { timeout: 150_000 },
    async () => {
      expect(docx, 'the .docx was downloaded').not.toBe('');
      const pdf = renderDocx(tmp, docx);
      const text = pdfText(pdf).replace(/\s+/g, ' ');
      const head = text.slice(0, text.indexOf('BÁO CÁO'));
      expect(head).toMatch(/THÀNH ỦY HÀ NỘI BAN NỘI CHÍNH/);
      expect(head).not.toContain('CHÍNH PHỦ');
      expect(text).toMatch(/Nghị quyết số 100\/NQ-CP ngày 0?6\/0?4\/2026 của Chính phủ/);
      expect(text).not.toContain('Cơ quan theo dõi bổ sung');
      // Both tasks of Sở Tư pháp are in the annex with the accepted figures.
      expect(text).toContain('Đã tổ chức 2 lớp bồi dưỡng cho 120 học viên.');
      pdfPagePng(pdf, 1, path.join(SHOTS, 'week-tong-hop-trang-1'));
    },
  );

  it('raised no uncaught errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
