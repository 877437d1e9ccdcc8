/**
 * Browser test: a leader's direction tracked to closure (issue 13 point 5), with a real `thucthi start`
 * process on a fresh data folder and Debian's Chromium.
 * 1. The demo leader opens Sở Tư pháp's page and writes a direction asking for action ("Viết ý kiến
 *    chỉ đạo"; the due date is required), addressed by default to the unit itself.
 * 2. The demo unit (Sở Tư pháp) opens "Theo dõi ý kiến chỉ đạo" from the menu and answers it.
 * 3. The leader returns it ("Chưa đạt", comment required); the unit answers again; the demo monitor
 *    closes it on the same page.
 * Screenshots (1366×768) go to test-results/e2e/directions-*.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import {
  firstLogin,
  fullPageShot,
  hasBrowser,
  launchChromium,
  sessionCookie,
  shutDown,
} from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/process.js';
import { Client } from '../support/app.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-e2e-directions-'));
const DESKTOP = { width: 1366, height: 768 };
const TEXT = 'Sở Tư pháp khẩn trương rà soát, báo cáo kết quả xử lý văn bản trái pháp luật.';

describe.skipIf(!hasBrowser)('a leader’s direction in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  const ctx: Record<'leader' | 'unit' | 'monitor', BrowserContext | undefined> = {
    leader: undefined,
    unit: undefined,
    monitor: undefined,
  };
  const pages: Partial<Record<keyof typeof ctx, Page>> = {};
  const pageErrors: string[] = [];
  let stpId = '';

  const poll = <T>(fn: () => Promise<T>, timeout = 15_000) => expect.poll(fn, { timeout });
  const open = async (who: keyof typeof ctx) => {
    ctx[who] = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    const p = await ctx[who]!.newPage();
    p.on('pageerror', (e) => pageErrors.push(`${p.url()}: ${e.message}`));
    pages[who] = p;
    return p;
  };
  const unitState = (p: Page) => p.getByTestId('direction-unit').first().getAttribute('data-status');

  beforeAll(async () => {
    server = await startServerProcess(['--data-dir', dir]);
    browser = await launchChromium();
  });
  afterAll(() => shutDown(browser, server, dir));

  it('the leader writes a direction on a unit', async () => {
    const p = await open('leader');
    await firstLogin(p, server.url, server.credentials.leader!, 'mat-khau-lanh-dao-2026');
    const c = new Client(server.url);
    c.cookie = await sessionCookie(ctx.leader!, server.url);
    const units = await c.get<{ items: { id: string; code: string }[] }>('/api/units?q=SO-TU-PHAP');
    stpId = units.body.items.find((u) => u.code === 'SO-TU-PHAP')!.id;
    await p.goto(`${server.url}/don-vi/${stpId}`);
    await p.getByTestId('direction-write').click();
    const dialog = p.getByRole('dialog', { name: 'Viết ý kiến chỉ đạo' });
    await dialog.waitFor();
    await p.getByTestId('direction-text').fill(TEXT);
    // Action is asked by default: the due date is required.
    await p.getByTestId('direction-submit').click();
    await dialog.getByText('Vui lòng chọn thời hạn').waitFor();
    await p.locator('#direction-due').click();
    await p.locator('#direction-due').fill('31/12/2099');
    // Enter confirms the date and submits the form.
    await p.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    const card = p.getByTestId('directions-card');
    await poll(() => card.innerText()).toContain(TEXT);
    await poll(() => unitState(p)).toBe('open');
    await fullPageShot(p, 'directions-1-viet.png');
  });

  it('the unit answers on "Theo dõi ý kiến chỉ đạo"', async () => {
    const p = await open('unit');
    await firstLogin(p, server.url, server.credentials.unit!, 'mat-khau-don-vi-2026');
    await p.getByRole('menuitem', { name: 'Theo dõi ý kiến chỉ đạo' }).click();
    await p.waitForURL(/\/y-kien-chi-dao/);
    await poll(() => p.getByTestId('directions-table').innerText()).toContain(TEXT);
    await p.getByTestId('direction-answer').click();
    await p.getByTestId('direction-answer-text').fill('Đã rà soát 120 văn bản, kiến nghị bãi bỏ 3 văn bản.');
    await p.getByTestId('direction-answer-ok').click();
    await poll(() => unitState(p)).toBe('answered');
    await fullPageShot(p, 'directions-2-tra-loi.png');
  });

  it('the leader returns it, the unit answers again, the monitor closes it', async () => {
    const leader = pages.leader!;
    await leader.goto(`${server.url}/y-kien-chi-dao`);
    await poll(() => unitState(leader)).toBe('answered');
    await leader.getByTestId('direction-return').click();
    await leader.getByTestId('direction-return-ok').click();
    await leader.getByText('Vui lòng nhập ý kiến khi trả lại').waitFor();
    await leader.getByTestId('direction-comment').fill('Chưa nêu kết quả xử lý 3 văn bản.');
    await leader.getByTestId('direction-return-ok').click();
    await poll(() => unitState(leader)).toBe('open');

    const unit = pages.unit!;
    await unit.reload();
    await poll(() => unit.getByTestId('directions-table').innerText()).toContain('Chưa nêu kết quả xử lý');
    await unit.getByTestId('direction-answer').click();
    await unit.getByTestId('direction-answer-text').fill('Đã bãi bỏ 3 văn bản (Quyết định số 12/QĐ-UBND).');
    await unit.getByTestId('direction-answer-ok').click();
    await poll(() => unitState(unit)).toBe('answered');
    // A unit does not close.
    expect(await unit.getByTestId('direction-close').count()).toBe(0);

    const monitor = await open('monitor');
    await firstLogin(monitor, server.url, server.credentials.monitor!, 'mat-khau-theo-doi-2026');
    await monitor.goto(`${server.url}/y-kien-chi-dao?trang-thai=answered`);
    await monitor.getByTestId('direction-close').click();
    await monitor.getByTestId('direction-comment').fill('Đạt yêu cầu.');
    await monitor.getByTestId('direction-close-ok').click();
    await poll(() => monitor.getByTestId('directions-table').innerText()).not.toContain(TEXT);
    await monitor.goto(`${server.url}/y-kien-chi-dao`);
    await poll(() => unitState(monitor)).toBe('closed');
    await fullPageShot(monitor, 'directions-3-ket-thuc.png');
    expect(pageErrors).toEqual([]);
  });
});
