/**
 * Browser test: the monitor corrects a task table in a draft. A row continued after a page break
 * (read as a row of its own) is merged into the row above, and a cell read into the wrong column is
 * moved: the task's lead changes. A real `thucthi start` process on a fresh data folder, Debian's
 * Chromium; the draft is created through the API with the page's session to keep the test short.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import {
  apiWithSession,
  firstLogin,
  fullPageShot,
  hasBrowser,
  launchChromium,
  shutDown,
} from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/process.js';
import { clickInPopup, OPEN_DROPDOWN, poll } from '../support/ui.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-e2e-rowedit-'));

const PLAN = `KẾ HOẠCH
Triển khai các nhiệm vụ năm 2026

I. MỤC ĐÍCH, YÊU CẦU

1. Bảo đảm mỗi nhiệm vụ có một cơ quan chủ trì.

II. NHIỆM VỤ CỤ THỂ

| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm |
|---|---|---|---|---|---|
| 1 | Rà soát văn bản quy phạm pháp luật | Sở Nội vụ | | Năm 2026 | Báo cáo |

Trang 2

| | do Thành phố ban hành | | | | |
| 2 | Biên soạn tài liệu hỏi đáp | | Sở Tư pháp | Tháng 9/2026 | Tài liệu |

III. TỔ CHỨC THỰC HIỆN

1. Sở Tư pháp: theo dõi, đôn đốc.
`;

describe.skipIf(!hasBrowser)('correcting a task table in a draft in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  const tasksStat = () => page.getByTestId('stat-tasks').locator('.ant-statistic-content-value');
  const panel = () => page.getByTestId('node-panel');
  const leadFact = () => panel().locator('.node-facts .ant-descriptions-row', { hasText: 'Cơ quan chủ trì' });

  beforeAll(async () => {
    server = await startServerProcess(['--data-dir', dir]);
    browser = await launchChromium();
    ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    page = await ctx.newPage();
  });
  afterAll(() => shutDown(browser, server, dir));

  it('opens a draft whose table has a row split by a page break', async () => {
    await firstLogin(page, server.url, server.credentials.monitor!, 'mat-khau-theo-doi-2026');
    const draft = await apiWithSession<{ id: string }>(server.url, ctx, 'POST', '/api/imports', {
      text: PLAN,
    });
    await page.goto(`${server.url}/nhap-van-ban/${draft.id}`);
    await poll(() => tasksStat().innerText(), 15_000).toBe('3');
  });

  it('merges the continued row into the row above', async () => {
    await page.locator('.outline-tree .outline-title', { hasText: 'do Thành phố ban hành' }).click();
    await page.getByTestId('row-editor').waitFor();
    await page.getByRole('button', { name: 'Gộp vào hàng trên' }).click();
    await page.getByText(/^Đã gộp .* vào hàng/).waitFor({ timeout: 15_000 });
    await poll(() => tasksStat().innerText()).toBe('2');
    // The row above is selected, its task cell holding both halves.
    expect(await panel().getByLabel('Nhiệm vụ', { exact: true }).inputValue()).toBe(
      'Rà soát văn bản quy phạm pháp luật do Thành phố ban hành',
    );
    await fullPageShot(page, 'rowedit-01-da-gop-hang.png');
  });

  it('moves the cooperating cell to the lead column, and the task has its lead', async () => {
    await page.locator('.outline-tree .outline-title', { hasText: 'Biên soạn tài liệu hỏi đáp' }).click();
    await page.getByTestId('row-editor').waitFor();
    expect(await leadFact().innerText()).not.toContain('Sở Tư pháp');
    // The select keeps no value (each choice is an action): wait for what it did, not for its text.
    const select = page.getByLabel('Chuyển ô “Cơ quan phối hợp” sang cột');
    await clickInPopup(
      async () => {
        if (!(await page.locator(OPEN_DROPDOWN).count())) await select.click();
        await page
          .locator(`${OPEN_DROPDOWN} .ant-select-item-option`, { hasText: 'Cơ quan chủ trì' })
          .first()
          .click();
      },
      () => page.getByText('Đã chuyển ô “Cơ quan phối hợp”').isVisible(),
      'move the cell',
    );
    await poll(() => leadFact().innerText()).toContain('Sở Tư pháp');
    expect(await panel().getByLabel('Cơ quan chủ trì', { exact: true }).inputValue()).toBe('Sở Tư pháp');
    await fullPageShot(page, 'rowedit-02-da-chuyen-o.png');
  });

  it('splits the merged row again with the keyboard alone', async () => {
    await page.locator('.outline-tree .outline-title', { hasText: 'Rà soát văn bản' }).click();
    const task = panel().getByLabel('Nhiệm vụ', { exact: true });
    await task.focus();
    await page.keyboard.press('Control+End');
    for (let i = 0; i < 'do Thành phố ban hành'.length; i++) await page.keyboard.press('ArrowLeft');
    // Typing changes nothing: the text is the document's.
    await page.keyboard.type('xyz');
    await page.keyboard.press('Backspace');
    expect(await task.inputValue()).toBe('Rà soát văn bản quy phạm pháp luật do Thành phố ban hành');
    const split = page.getByRole('button', { name: 'Tách hàng' });
    await poll(() => split.isEnabled()).toBe(true);
    const focused = () => split.evaluate((b) => b === b.ownerDocument.activeElement);
    for (let i = 0; i < 20 && !(await focused()); i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByText(/làm hai hàng/).waitFor({ timeout: 15_000 });
    await poll(() => tasksStat().innerText()).toBe('3');
    expect(await task.inputValue()).toBe('Rà soát văn bản quy phạm pháp luật');
  });
});
