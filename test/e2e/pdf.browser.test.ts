/**
 * Browser test: the monitor uploads a scanned PDF (images only, `fixtures/import/pdf/`), sees the
 * reading's progress while the server reads it by OCR, then the draft with every node marked "OCR".
 * A real `thucthi start` process and Debian's Chromium. Screenshots: test-results/e2e/pdf-*.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { firstLogin, fullPageShot, hasBrowser, launchChromium, shutDown } from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/process.js';

const SCAN = path.resolve('fixtures/import/pdf/13-laocai-ubnd-kh-trien-khai-ct-11-cttu-khoang-san-scan.pdf');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-e2e-pdf-'));
const hasOcr = (() => {
  const r = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  return r.status === 0 && /^vie$/m.test(r.stdout);
})();

describe.skipIf(!hasBrowser || !hasOcr)('importing a scanned PDF in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServerProcess(['--data-dir', dir]);
    browser = await launchChromium();
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    page = await ctx.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 120_000);

  afterAll(() => shutDown(browser, server, dir));

  it('shows the OCR progress, then the draft with its nodes marked OCR', { timeout: 180_000 }, async () => {
    await firstLogin(page, server.url, server.credentials.monitor!, 'mat-khau-theo-doi-2026');
    await page.goto(server.url + '/nhap-van-ban');
    await page.getByRole('tab', { name: 'Tải tệp lên' }).click();
    await page.locator('input[type="file"]').setInputFiles(SCAN);
    await page.waitForURL(/\/nhap-van-ban\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    const reading = page.getByTestId('import-reading');
    await reading.waitFor({ timeout: 30_000 });
    // The page polls each second and two pages of OCR may take about as long: the page-by-page figure is
    // seen when the read is slower than a poll (the API test reads every step from the database).
    const ocrProgress = page.getByText(/Đang nhận dạng chữ \(OCR\) trên bản quét: xong \d\/2 trang/);
    await Promise.race([
      ocrProgress
        .waitFor({ timeout: 60_000 })
        .then(() => fullPageShot(page, 'pdf-01-dang-doc.png'))
        .catch(() => undefined), // the read ended first
      reading.waitFor({ state: 'detached', timeout: 60_000 }),
    ]);
    await reading.waitFor({ state: 'detached', timeout: 120_000 });
    const tags = page.locator('.outline-ocr');
    await tags.first().waitFor({ timeout: 30_000 });
    expect(await tags.count()).toBeGreaterThan(5);
    await page.locator('[data-tree-node]').first().click();
    await page.getByTestId('node-ocr').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('node-ocr').innerText()).toContain(
      'OCR — đọc từ bản quét, cần đối chiếu với bản gốc',
    );
    await fullPageShot(page, 'pdf-02-ban-nhap.png');
    expect(pageErrors).toEqual([]);
  });
});
