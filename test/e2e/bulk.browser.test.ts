/**
 * Browser test: a real `thucthi start` process on a fresh data folder, driven by Debian's Chromium.
 * As the demo monitor, on a small program imported through the API: "Chấp nhận tất cả" saves the
 * valid suggestions and lists the one it skipped (a deadline before the program's date) with its task;
 * in the task table, the quick selector picks a whole group and "Giao hàng loạt" sets one deadline for
 * all of it; "Triển khai" warns about a deadline already past; the annex buttons download a .docx and
 * a .xlsx. Screenshots go to test-results/e2e/bulk-*.png.
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
  sessionCookie,
  shutDown,
} from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/process.js';
import { BULK_PLAN } from '../support/assignment.js';
import type { TaskList } from '../../src/contract/tasks.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-e2e-bulk-'));

describe.skipIf(!hasBrowser)('bulk edit, accept-all and annex downloads in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  let programId = '';

  const shot = (name: string) => fullPageShot(page, `bulk-${name}`);
  const api = <T>(method: string, url: string, body?: unknown) =>
    apiWithSession<T>(server.url, ctx, method, url, body);
  const tasks = async () => (await api<TaskList>('GET', `/api/programs/${programId}/tasks`)).items;

  beforeAll(async () => {
    server = await startServerProcess(['--data-dir', dir]);
    browser = await launchChromium();
    ctx = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'vi-VN',
      acceptDownloads: true,
    });
    page = await ctx.newPage();
    await firstLogin(page, server.url, server.credentials.monitor!, 'mat-khau-theo-doi-2026');
    const d = await api<{ id: string; version: number }>('POST', '/api/imports', { text: BULK_PLAN });
    programId = (
      await api<{ programId: string }>('POST', `/api/imports/${d.id}/publish`, { version: d.version })
    ).programId;
  });

  afterAll(() => shutDown(browser, server, dir));

  it('accepts all suggestions and lists the one it skipped, with its task and why', async () => {
    await page.goto(`${server.url}/chuong-trinh/${programId}?xem=de-xuat`);
    await page
      .getByTestId('suggestions-table')
      .locator('.ant-table-row')
      .first()
      .waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Chấp nhận tất cả' }).click();
    const pop = page.locator('.ant-popconfirm:visible', { hasText: 'Chấp nhận tất cả đề xuất?' });
    await pop.getByRole('button', { name: 'Chấp nhận tất cả' }).click();
    const skipped = page.getByTestId('suggestions-skipped');
    await skipped.waitFor({ timeout: 45_000 });
    const all = await tasks();
    const text = await skipped.innerText();
    expect(text).toContain('Đã bỏ qua 1 đề xuất không hợp lệ');
    expect(text).toContain(`Nhiệm vụ ${all[2]!.label}`);
    expect(text).toContain('Thời hạn 30/12/2025 trước ngày ban hành chương trình (15/01/2026)');
    expect(all[4]!.dueDate).toBe('2026-09-30');
    expect(all[2]!.leadUnitId).toBeNull();
    await shot('01-bo-qua.png');
  });

  it('selects a whole group and sets one deadline for all of it', async () => {
    await page.getByRole('tab', { name: /Nhiệm vụ/ }).click();
    await page.locator('[data-testid="tasks-table"] .ant-table-row').first().waitFor();
    const quick = async (text: string | RegExp) => {
      await page.getByLabel('Chọn nhanh nhiệm vụ').click();
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
          hasText: text,
        })
        .click();
    };
    // After accept-all only the last task has a deadline.
    await quick('Thiếu thời hạn');
    await expect.poll(() => page.getByTestId('bulk-count').innerText()).toBe('Đã chọn 4 nhiệm vụ');
    await quick(/^Cả nhóm .*Công tác pháp luật$/);
    await expect.poll(() => page.getByTestId('bulk-count').innerText()).toBe('Đã chọn 3 nhiệm vụ');
    await page.getByTestId('bulk-edit').click();
    const modal = page.locator('.ant-modal:visible');
    await modal.getByText('Giao hàng loạt 3 nhiệm vụ').waitFor();
    await page.locator('#bulk-assignment_deadline_date').fill('31/12/2030');
    await page.keyboard.press('Tab');
    await shot('02-giao-hang-loat.png');
    await page.getByTestId('bulk-save').click();
    await page.getByText('Đã lưu phân công cho 3 nhiệm vụ').waitFor({ timeout: 45_000 });
    const all = await tasks();
    const group = all.filter((t) => t.groupId === all[0]!.groupId);
    expect(group.map((t) => t.dueDate)).toEqual(['2030-12-31', '2030-12-31', '2030-12-31']);
    expect(all.filter((t) => t.groupId !== all[0]!.groupId).map((t) => t.dueDate)).toEqual([
      null,
      '2026-09-30',
    ]);
    await expect
      .poll(async () => (await page.getByTestId('tasks-table').innerText()).split('31/12/2030').length - 1)
      .toBe(3);
    expect(await page.getByTestId('bulk-count').innerText()).toBe('Đã chọn 0 nhiệm vụ');
    await shot('03-da-luu.png');
  });

  it('warns at "Triển khai" about a deadline already past', async () => {
    const t = (await tasks())[3]!;
    await api('PUT', `/api/tasks/${t.nodeId}/assignment`, {
      version: t.version,
      leadUnitId: t.leadUnitId,
      cooperatingUnitIds: t.cooperatingUnitIds,
      focal: null,
      deadline: { kind: 'date', date: '2026-01-20' },
      products: [],
    });
    await page.reload();
    await page.locator('[data-testid="tasks-table"] .ant-table-row').first().waitFor();
    await page.getByRole('button', { name: 'Triển khai' }).click();
    const warning = page.getByTestId('implement-past-deadlines');
    await warning.waitFor({ timeout: 15_000 });
    const text = await warning.innerText();
    expect(text).toContain(`Nhiệm vụ ${t.label}: hạn 20/01/2026`);
    expect(text).not.toContain('31/12/2030');
    await shot('04-trien-khai-canh-bao.png');
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: 'Hủy' }).click();
  });

  it('downloads the assignment annex as .docx and .xlsx', async () => {
    for (const ext of ['docx', 'xlsx']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId(`annex-download-${ext}`).click(),
      ]);
      const res = await fetch(`${server.url}/api/programs/${programId}/annex.${ext}`, {
        headers: { cookie: await sessionCookie(ctx, server.url) },
      });
      const served = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1];
      expect(download.suggestedFilename()).toBe(served);
      expect(download.suggestedFilename().endsWith(`.${ext}`)).toBe(true);
      const file = await download.path();
      expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    }
  });
});
