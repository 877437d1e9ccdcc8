/**
 * Browser test: the annual review page (issue 13, point 7), with a real `thucthi start` process on a
 * fresh data folder and Debian's Chromium. The demo monitor puts the seed program into "Triển khai"
 * (through the API); the first unit leading a task gets its 2026 report written (by the demo admin)
 * and accepted by the monitor.
 * 1. The demo leader opens "Kiểm điểm, đánh giá hằng năm" from the menu: the ranking shows every unit
 *    with the service's figures and score, the citizens' satisfaction "chưa có dữ liệu", the weights.
 * 2. A unit's "Nhiệm vụ chủ trì" figure opens the program's task list filtered to that unit as lead.
 * 3. The .xlsx download link answers with the file; a unit user has no menu item and no page.
 * Screenshots (1366×768) go to test-results/e2e/review-*.
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
import { Client } from '../support/app.js';
import { implementSeedProgram, entry } from '../support/reporting.js';
import type { AnnualReview } from '../../src/contract/review.js';
import type { PeriodDetail } from '../../src/contract/periods.js';
import type { ReportView } from '../../src/contract/reports.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-e2e-review-'));
const DESKTOP = { width: 1366, height: 768 };

describe.skipIf(!hasBrowser)('the annual review in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let ctx: BrowserContext;
  let unitCtx: BrowserContext;
  let page: Page;
  let programId = '';
  const pageErrors: string[] = [];
  const poll = <T>(fn: () => Promise<T>, timeout = 15_000) => expect.poll(fn, { timeout });

  beforeAll(async () => {
    server = await startServerProcess(['--data-dir', dir]);
    browser = await launchChromium();
    ctx = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    unitCtx = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    page = await ctx.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  });
  afterAll(() => shutDown(browser, server, dir));

  it('prepares the seed program and an accepted report of one unit through the API', async () => {
    const monitorPage = await ctx.newPage();
    await firstLogin(monitorPage, server.url, server.credentials.monitor!, 'mat-khau-theo-doi-2026');
    const monitor = new Client(server.url);
    monitor.cookie = await sessionCookie(ctx, server.url);
    programId = await implementSeedProgram(monitor);
    const p = await monitor.post<{ id: string }>(`/api/programs/${programId}/periods`, {
      kind: 'yearly',
      year: 2026,
    });
    expect(p.status, p.text).toBe(201);
    const rows = (await monitor.get<PeriodDetail>(`/api/periods/${p.body.id}`)).body.rows;
    // The demo unit's user checks the page is not its (below); the report is written by the admin for
    // the first unit leading a task (admins may write any unit's report).
    const unitPage = await unitCtx.newPage();
    await firstLogin(unitPage, server.url, server.credentials.unit!, 'mat-khau-don-vi-2026');
    const adminCtx = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    await firstLogin(
      await adminCtx.newPage(),
      server.url,
      server.credentials.admin!,
      'mat-khau-quan-tri-2026',
    );
    let obligation = '';
    let rep: ReportView | null = null;
    for (const row of rows) {
      const r = await apiWithSession<ReportView>(
        server.url,
        adminCtx,
        'GET',
        `/api/reports/${row.obligationId}`,
      );
      if (r.tasks.some((t) => t.role === 'lead')) {
        obligation = row.obligationId;
        rep = r;
        break;
      }
    }
    expect(rep).not.toBeNull();
    const entries = Object.fromEntries(
      rep!.tasks
        .filter((t) => t.role === 'lead')
        .map((t, i) => [
          t.nodeId,
          i % 2
            ? entry({ status: 'in_progress', percent: 50, results: 'Đang triển khai.' })
            : entry({
                status: 'done',
                results: 'Đã hoàn thành.',
                completedOn: '2026-06-30',
                products: [{ description: 'Kế hoạch', number: `${i + 1}/KH-STP`, date: null, link: null }],
              }),
        ]),
    );
    await apiWithSession(server.url, adminCtx, 'PUT', `/api/reports/${obligation}/draft`, {
      version: rep!.version,
      content: { entries },
    });
    await apiWithSession(server.url, adminCtx, 'POST', `/api/reports/${obligation}/submit`, {
      idempotencyKey: 'kiem-diem-1',
    });
    const acc = await monitor.post(`/api/reports/${obligation}/review`, { decision: 'accept' });
    expect(acc.status, acc.text).toBe(200);
    await monitorPage.close();
    await adminCtx.close();
  });

  it('the leader sees the ranking with the service’s figures', async () => {
    await ctx.clearCookies();
    await firstLogin(page, server.url, server.credentials.leader!, 'mat-khau-lanh-dao-2026');
    await page.getByRole('menuitem', { name: 'Kiểm điểm, đánh giá hằng năm' }).click();
    await page.waitForURL(/\/kiem-diem/);
    await page.getByRole('heading', { name: 'Kiểm điểm, đánh giá hằng năm' }).waitFor();
    const year = Number(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 4));
    const r = await apiWithSession<AnnualReview>(
      server.url,
      ctx,
      'GET',
      `/api/programs/${programId}/review?year=${year}`,
    );
    expect(r.units.length).toBeGreaterThan(1);
    const table = page.getByTestId('review-table');
    await poll(() => table.locator('.ant-table-row').count()).toBe(Math.min(r.units.length, 50));
    for (const u of r.units.slice(0, 5)) {
      const score = u.score === null ? '—' : u.score.toLocaleString('vi-VN', { maximumFractionDigits: 1 });
      expect(await page.getByTestId(`review-score-${u.unitId}`).innerText()).toBe(score);
      expect(await page.getByTestId(`review-done-${u.unitId}`).innerText()).toBe(
        `${u.figures.doneOnTime} / ${u.figures.doneLate}`,
      );
    }
    // Ranked first to last.
    const first = r.units[0]!;
    await expect.poll(() => table.locator('.ant-table-row').first().innerText()).toContain(first.unitName);
    expect(await table.innerText()).toContain('chưa có dữ liệu');
    expect(await page.getByText('Nhiệm vụ chủ trì hoàn thành đúng hạn: 40').count()).toBe(1);
    await fullPageShot(page, 'review-1-xep-hang.png');

    // The .xlsx link answers with the file.
    const href = await page.getByTestId('review-download-xlsx').getAttribute('href');
    const file = await fetch(server.url + href!, {
      headers: { cookie: await sessionCookie(ctx, server.url) },
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain('.xlsx');

    // A figure opens its evidence: the program's tasks led by the unit.
    const stp = r.units.find((u) => u.unitName === 'Sở Tư pháp') ?? first;
    const row = table.locator('.ant-table-row', { hasText: stp.unitName });
    await row
      .getByRole('link', { name: String(stp.figures.tasksLed), exact: true })
      .first()
      .click();
    await page.waitForURL(
      new RegExp(`/chuong-trinh/${programId}\\?xem=nhiem-vu&don-vi=${stp.unitId}&vai-tro=lead`),
    );
    await fullPageShot(page, 'review-2-bang-chung.png');
    expect(pageErrors).toEqual([]);
  });

  it('has no menu item for a unit user, and the page refuses it', async () => {
    const p = await unitCtx.newPage();
    await p.goto(`${server.url}/`);
    await p.getByRole('menuitem', { name: 'Tổng quan' }).waitFor();
    expect(await p.getByRole('menuitem', { name: 'Kiểm điểm, đánh giá hằng năm' }).count()).toBe(0);
    const res = await fetch(`${server.url}/api/programs/${programId}/review`, {
      headers: { cookie: await sessionCookie(unitCtx, server.url) },
    });
    expect(res.status).toBe(403);
  });
});
