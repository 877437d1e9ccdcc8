/**
 * Browser test: a real `thucthi start` process on a fresh data folder, driven by Debian's Chromium.
 * Logs in as the demo monitor (changing the one-time password), pastes a small plan on "Nhập văn bản",
 * merges the unbulleted paragraph into the bullet above (one task fewer), publishes the draft and
 * finds the task on the program page; checks that the seed program is listed. Screenshots of every
 * step (at 1366×768 and 390×844) go to test-results/e2e/.
 *
 * The monitor ("Cán bộ theo dõi") is the role that imports documents; the server's policy does not
 * (yet) grant `program.import`/`program.read` to admins, so the demo admin would get 403 here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { SHOTS, firstLogin, fullPageShot, hasBrowser, launchChromium, shutDown } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/process.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-e2e-import-'));
const ROLE = 'admin';

const PLAN = `UBND THÀNH PHỐ HÀ NỘI

Số: 15/KH-UBND

Hà Nội, ngày 12 tháng 01 năm 2026

KẾ HOẠCH
Tuyên truyền, phổ biến pháp luật năm 2026

Thực hiện Nghị quyết số 27-NQ/TW ngày 09/11/2022 của Ban Chấp hành Trung ương, Ủy ban nhân dân Thành phố ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU

1. Nâng cao nhận thức, ý thức chấp hành pháp luật của cán bộ và Nhân dân.

II. NHIỆM VỤ, GIẢI PHÁP

1. Công tác tuyên truyền

- Tổ chức hội nghị quán triệt Kế hoạch. Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ thực hiện trước ngày 30/6/2026.

Phát huy vai trò nêu gương của cán bộ, đảng viên trong chấp hành pháp luật.

- Biên soạn tài liệu hỏi đáp pháp luật. Sở Tư pháp chủ trì, hoàn thành trong quý III/2026.

III. TỔ CHỨC THỰC HIỆN

1. Sở Tư pháp: theo dõi, đôn đốc, tổng hợp kết quả thực hiện Kế hoạch.

2. Các sở, ban, ngành Thành phố căn cứ nhiệm vụ được giao tổ chức thực hiện.
`;

describe.skipIf(!hasBrowser)('importing a document in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;

  const shot = (name: string) => fullPageShot(page, name);
  const tasksStat = () => page.getByTestId('stat-tasks').locator('.ant-statistic-content-value');

  beforeAll(async () => {
    server = await startServerProcess(['--data-dir', dir]);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  });

  afterAll(() => shutDown(browser, server, dir));

  it('logs in as the demo monitor and changes the one-time password', async () => {
    await firstLogin(page, server.url, server.credentials[ROLE]!, 'mat-khau-theo-doi-2026');
  });

  it('lists the seed program at /chuong-trinh', async () => {
    await page.getByRole('menuitem', { name: 'Chương trình hành động' }).click();
    await page.waitForURL(/\/chuong-trinh$/);
    const row = page.locator('.ant-table-row', { hasText: 'Nghị quyết số 27-NQ/TW' });
    await row.first().waitFor({ timeout: 15_000 });
    expect(await row.first().innerText()).toContain('29');
    await shot('import-01-chuong-trinh.png');
  });

  it('pastes a plan and analyses it', async () => {
    await page.getByRole('menuitem', { name: 'Nhập văn bản' }).click();
    await page.waitForURL(/\/nhap-van-ban$/);
    await page.getByRole('tab', { name: 'Dán văn bản' }).click();
    await page.getByLabel('Nội dung văn bản').fill(PLAN);
    await shot('import-02-dan-van-ban.png');
    await page.getByRole('button', { name: 'Phân tích' }).click();

    await page.waitForURL(/\/nhap-van-ban\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /Kế hoạch số 15\/KH-UBND/ }).waitFor({ timeout: 15_000 });
    expect(await tasksStat().innerText()).toBe('3');
    await shot('import-03-ban-nhap.png');
  });

  it('selects the unbulleted paragraph and merges it into the bullet above', async () => {
    const paragraph = page.locator('.outline-tree .outline-title', { hasText: 'Phát huy vai trò nêu gương' });
    await paragraph.click();
    // The paragraph is highlighted in the source text and shown in the detail panel.
    await page
      .locator('[data-testid="source-text"] .src-selected', { hasText: 'Phát huy vai trò nêu gương' })
      .waitFor();
    const panel = page.getByTestId('node-panel');
    expect(await panel.locator('.outline-kind').innerText()).toBe('Đoạn');
    expect(await panel.getByTestId('node-text').innerText()).toContain('Phát huy vai trò nêu gương');
    await shot('import-04-chon-doan.png');

    await page.getByRole('button', { name: 'Gộp vào mục trên' }).click();
    await page.getByText('Đã gộp II.1.2 vào II.1.1').waitFor({ timeout: 15_000 });
    await expect.poll(() => tasksStat().innerText()).toBe('2');
    // The bullet now holds both sentences.
    expect(await page.getByTestId('node-text').innerText()).toContain('Phát huy vai trò nêu gương');
    await shot('import-05-da-gop.png');
  });

  it('publishes the draft and shows the task on the program page', async () => {
    // The draft's task panel: the deadline's last day, and the words the document wrote.
    await page.locator('.outline-tree .outline-title', { hasText: 'Biên soạn tài liệu hỏi đáp' }).click();
    await expect
      .poll(() => page.getByTestId('node-panel').locator('.deadline').innerText())
      .toBe('30/09/2026 — văn bản ghi: hoàn thành trong quý III/2026');
    await page.getByRole('button', { name: 'Ban hành' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Ban hành' }).click();
    await page.waitForURL(/\/chuong-trinh\/[0-9a-f-]{36}/);
    // The draft page stays on screen while the program page loads: wait for the program's own tabs.
    await page.getByRole('tab', { name: 'Nội dung' }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('heading', { level: 3 }).innerText()).toBe('Kế hoạch số 15/KH-UBND');
    await page.locator('.outline-tree .outline-title', { hasText: 'Tổ chức hội nghị quán triệt' }).click();
    await page.getByTestId('node-panel').getByText('khớp chính xác').first().waitFor();
    await shot('import-06-chuong-trinh.png');

    await page.getByRole('tab', { name: /Nhiệm vụ/ }).click();
    const rows = page.locator('[data-testid="tasks-table"] .ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    const first = await rows.first().innerText();
    expect(first).toContain('Tổ chức hội nghị quán triệt Kế hoạch');
    expect(first).toContain('Sở Tư pháp');
    expect(first).toContain('Trước ngày 30/06/2026 — văn bản ghi: ngày 30/6/2026');
    expect(await rows.nth(1).innerText()).toContain('30/09/2026 — văn bản ghi: hoàn thành trong quý III/2026');
    await shot('import-07-nhiem-vu.png');
    // The task page keeps the written form beside the computed day.
    const nodeId = await rows.nth(1).getAttribute('data-row-key');
    await page.goto(`${server.url}/nhiem-vu/${nodeId}`);
    await expect
      .poll(() => page.locator('.node-facts .deadline').innerText(), { timeout: 15_000 })
      .toBe('30/09/2026 — văn bản ghi: hoàn thành trong quý III/2026');
  });

  it('works at phone width', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(server.url + '/chuong-trinh');
    await page.locator('.ant-table-row').first().waitFor({ timeout: 15_000 });
    let overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(1);
    await shot('import-08-dien-thoai-chuong-trinh.png');

    await page.goto(server.url + '/nhap-van-ban');
    await page.locator('.ant-table-row').first().waitFor({ timeout: 15_000 });
    await page.locator('.ant-table-row a', { hasText: 'Kế hoạch' }).first().click();
    await page.waitForURL(/\/nhap-van-ban\/[0-9a-f-]{36}$/);
    await page.getByRole('tab', { name: 'Văn bản gốc' }).waitFor({ timeout: 15_000 });
    overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: path.join(SHOTS, 'import-09-dien-thoai-ban-nhap.png') });
  });
});
