/**
 * Browser test: a real `thucthi start` process on a fresh data folder, driven by Debian's Chromium.
 * Logs in as the demo admin (changing the one-time password), finds "Ban Nội chính Thành ủy" by
 * typing "ban noi chinh", opens its history, and keeps screenshots under test-results/e2e/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { SHOTS, firstLogin, hasBrowser, launchChromium, shutDown } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/process.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-e2e-'));

describe.skipIf(!hasBrowser)('web app in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServerProcess(['--data-dir', dir]);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  });

  afterAll(() => shutDown(browser, server, dir));

  it('logs in as the demo admin and changes the one-time password', async () => {
    await firstLogin(page, server.url, server.credentials.admin!, 'mat-khau-quan-tri-2026');
    await page.screenshot({ path: path.join(SHOTS, '01-trang-chu.png') });
  });

  it('finds "Ban Nội chính Thành ủy" by typing "ban noi chinh" in the units directory', async () => {
    await page.goto(server.url + '/don-vi');
    const search = page.getByPlaceholder('Tìm theo tên, tên viết tắt hoặc mã…');
    await search.fill('ban noi chinh');
    await search.press('Enter');
    const row = page.locator('.ant-table-row', { hasText: 'Ban Nội chính Thành ủy' });
    await row.first().waitFor({ timeout: 15_000 });
    // The city's board and, from the national directory, the central one: nothing else.
    const names = await page.locator('.ant-table-row').allInnerTexts();
    expect(names).toHaveLength(2);
    expect(names.some((n) => n.includes('Ban Nội chính Trung ương'))).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, '02-tim-ban-noi-chinh.png'), fullPage: true });
  });

  it('shows the unit’s history', async () => {
    await page.locator('.ant-table-row a', { hasText: 'Ban Nội chính Thành ủy' }).first().click();
    await page.waitForURL(/\/don-vi\/[0-9a-f-]{36}/);
    await page.getByRole('tab', { name: 'Lịch sử thay đổi' }).click();
    await page.getByText('Tạo mới').first().waitFor({ timeout: 15_000 });
    expect(await page.getByText('Hệ thống (khởi tạo dữ liệu)').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, '03-lich-su-don-vi.png'), fullPage: true });
  });

  it('works at phone width', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(server.url + '/don-vi?q=ha%20noi');
    await page.locator('.ant-table-row').first().waitFor({ timeout: 15_000 });
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: path.join(SHOTS, '04-dien-thoai.png') });
  });
});
