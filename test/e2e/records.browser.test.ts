/**
 * Browser test of the readable records (issue 11, points 7, 19, 21, 22): a real `thucthi start` on a
 * fresh data folder, in Debian's Chromium. The monitor implements the seed program and opens the 2026
 * annual period (through the API), imports a long plan, corrects its heading and publishes it; the
 * structure tree follows a pick far down the source text. Then: the audit log at 1366×768 (Vietnamese
 * actions, "trường: trước → sau", no clipped cell, 2026 not 2.026), the home page of a monitor, a unit
 * and a leader (each its overview, no "sắp có"), the dashboard at 1366 (the overdue table fits) and at
 * 390 px (the unit chart's labels do not overlap). Screenshots go to test-results/e2e/records-*.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import {
  SHOTS,
  firstLogin,
  fullPageShot,
  hasBrowser,
  launchChromium,
  sessionCookie,
  shutDown,
} from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/process.js';
import { Client } from '../support/app.js';
import { implementSeedProgram } from '../support/reporting.js';
import { leadOnlyAssignment } from '../support/assignment.js';
import type { TaskView } from '../../src/domain/plan/assignment.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-e2e-records-'));
const PW = {
  monitor: 'mat-khau-theo-doi-2026',
  unit: 'mat-khau-don-vi-2026',
  leader: 'mat-khau-lanh-dao-2026',
};
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

/** A plan long enough that its last items are far below the first screen of the tree. */
const LONG_PLAN = [
  'ỦY BAN NHÂN DÂN',
  'THÀNH PHỐ HÀ NỘI',
  '',
  'Số: 99/KH-UBND',
  '',
  'KẾ HOẠCH',
  'CỦA CHÍNH PHỦ',
  '',
  'I. NHIỆM VỤ',
  '',
  ...Array.from({ length: 6 }, (_, g) => [
    `${g + 1}. Nhóm nhiệm vụ ${g + 1}`,
    '',
    ...Array.from({ length: 10 }, (_, i) => [
      `- Việc số ${g * 10 + i + 1}: Sở Tư pháp chủ trì rà soát văn bản nhóm ${g + 1}, hoàn thành trong năm 2026.`,
      '',
    ]).flat(),
  ]).flat(),
].join('\n');

/** Cells whose content is wider than the cell (clipped or spilling), as "column: text". */
async function clippedCells(page: Page, table: string): Promise<string[]> {
  return page.locator(table).evaluate((t) =>
    (
      [...t.querySelectorAll('td.ant-table-cell')] as unknown as {
        scrollWidth: number;
        clientWidth: number;
        cellIndex: number;
        innerText: string;
      }[]
    )
      .filter((td) => td.scrollWidth > td.clientWidth + 1)
      .map((td) => `${td.cellIndex}: ${td.innerText.slice(0, 60)}`),
  );
}

/** How far a table scrolls sideways (0 when it fits). */
async function sidewaysOverflow(page: Page, table: string): Promise<number> {
  return page
    .locator(`${table} .ant-table-content, ${table} .ant-table-body`)
    .first()
    .evaluate((el) => el.scrollWidth - el.clientWidth);
}

describe.skipIf(!hasBrowser)('readable records, home overview and dashboard layout in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  let monitor: Client;
  let periodId: string;
  const extra: BrowserContext[] = [];

  const shot = (p: Page, name: string) => fullPageShot(p, `records-${name}.png`);
  const open = async (url: string, testId: string, p = page) => {
    await p.goto(server.url + url);
    await p.getByTestId(testId).first().waitFor({ timeout: 20_000 });
  };
  const login = async (role: 'unit' | 'leader', viewport = DESKTOP) => {
    const c = await browser.newContext({ viewport, locale: 'vi-VN' });
    extra.push(c);
    const p = await c.newPage();
    await firstLogin(p, server.url, server.credentials[role]!, PW[role]);
    return p;
  };

  beforeAll(async () => {
    server = await startServerProcess(['--data-dir', dir]);
    browser = await launchChromium();
    ctx = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    page = await ctx.newPage();
  });

  afterAll(async () => {
    for (const c of extra) await c.close().catch(() => {});
    await shutDown(browser, server, dir);
  });

  it('prepares, through the API, the seed program implemented and its 2026 annual period open', async () => {
    await firstLogin(page, server.url, server.credentials.monitor!, PW.monitor);
    monitor = new Client(server.url);
    monitor.cookie = await sessionCookie(ctx, server.url);
    // Sở Tư pháp (the demo unit) leads two tasks: one due in five days, one overdue since yesterday.
    const programs = await monitor.get<{ items: { id: string }[] }>('/api/programs');
    const seedId = programs.body.items[0]!.id;
    const tasks = await monitor.get<{ items: TaskView[] }>(`/api/programs/${seedId}/tasks`);
    const units = await monitor.get<{ items: { id: string; code: string }[] }>('/api/units?q=so%20tu%20phap');
    const stp = units.body.items.find((u) => u.code === 'SO-TU-PHAP')!.id;
    const day = (n: number) =>
      new Date(Date.now() + 7 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
    for (const [label, date] of [
      ['II.3.4', day(5)],
      ['II.3.5', day(-1)],
    ] as const) {
      const t = tasks.body.items.find((x) => x.label === label)!;
      const r = await monitor.request('PUT', `/api/tasks/${t.nodeId}/assignment`, {
        ...leadOnlyAssignment(t.version, stp),
        deadline: { kind: 'date', date },
      });
      expect(r.status, r.text).toBe(200);
    }
    const programId = await implementSeedProgram(monitor);
    expect(programId).toBe(seedId);
    const p = await monitor.post<{ id: string }>(`/api/programs/${programId}/periods`, {
      kind: 'yearly',
      year: 2026,
    });
    expect(p.status, p.text).toBe(201);
    periodId = p.body.id;
  });

  it('scrolls the structure tree to a node picked far down the source, in a tree that uses the height', async () => {
    const d = await monitor.post<{ id: string }>('/api/imports', { text: LONG_PLAN, filename: 'dai.txt' });
    expect(d.status, d.text).toBe(201);
    await page.goto(`${server.url}/nhap-van-ban/${d.body.id}`);
    const box = page.locator('.outline-tree-box');
    await box.waitFor({ timeout: 20_000 });
    const boxHeight = await box.evaluate((el) => el.clientHeight);
    expect(boxHeight).toBeGreaterThan(DESKTOP.height * 0.4);
    await page.locator('.source-text').getByText('Việc số 58:').click();
    const selected = page.locator('.outline-tree .ant-tree-treenode-selected');
    await selected.waitFor();
    expect(await selected.innerText()).toContain('Việc số 58');
    // The selected node is inside the tree's visible box (it scrolled there).
    await expect
      .poll(
        () =>
          box.evaluate((el) => {
            const b = el.getBoundingClientRect();
            const r = el.querySelector('.ant-tree-treenode-selected')!.getBoundingClientRect();
            return r.top >= b.top && r.bottom <= b.bottom;
          }),
        { timeout: 5_000 },
      )
      .toBe(true);
    expect(await box.evaluate((el) => el.scrollTop)).toBeGreaterThan(200);
    await shot(page, '01-tree-scrolled');
  });

  it('corrects the imported heading ("CỦA CHÍNH PHỦ" read as the title) and publishes with it', async () => {
    await page.getByRole('button', { name: 'Sửa phần đầu' }).click();
    const title = page.getByTestId('heading-title');
    await title.waitFor();
    expect(await title.inputValue()).toBe('CỦA CHÍNH PHỦ');
    await title.fill('Rà soát văn bản quy phạm pháp luật năm 2026');
    await page.getByTestId('heading-number').fill('100/KH-UBND');
    await page.getByTestId('heading-name').fill('Nguyễn Văn An');
    await shot(page, '02-heading-form');
    await page.getByTestId('heading-save').click();
    await page.getByText('Đã sửa phần đầu văn bản').waitFor();
    await page.getByText('Rà soát văn bản quy phạm pháp luật năm 2026').first().waitFor();
    expect(await page.locator('body').innerText()).toContain('100/KH-UBND');
    await page.getByRole('button', { name: 'Ban hành' }).first().click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Ban hành' }).click();
    await page.waitForURL(/\/chuong-trinh\/[0-9a-f-]{36}/, { timeout: 20_000 });
    const heading = page.getByRole('heading', { level: 3 }).first();
    await heading.waitFor({ timeout: 15_000 });
    expect(await page.locator('.ant-layout-content').first().innerText()).toContain(
      'Rà soát văn bản quy phạm pháp luật năm 2026',
    );
    expect(await heading.innerText()).not.toContain('CỦA CHÍNH PHỦ');
  });

  it('shows the audit log at 1366×768 in Vietnamese, changes as "trường: trước → sau", nothing clipped', async () => {
    await open('/nhat-ky', 'audit-events');
    const table = '[data-testid="audit-events"]';
    await page.locator(`${table} .ant-table-row`).first().waitFor({ timeout: 15_000 });
    await page.getByText('Sửa phần đầu văn bản').first().waitFor();
    const text = await page.locator(table).innerText();
    for (const words of ['Mở kỳ báo cáo', 'Sửa phần đầu văn bản', 'Giao nhiệm vụ', 'Kỳ báo cáo'])
      expect(text).toContain(words);
    expect(text).toMatch(/Trích yếu: CỦA CHÍNH PHỦ\s*→\s*Rà soát văn bản/);
    expect(text).toMatch(/Người ký: \(trống\)\s*→\s*Nguyễn Văn An/);
    expect(text).toMatch(/Năm: 2026/);
    expect(text).not.toContain('2.026');
    expect(text).not.toMatch(/[{[]"/); // no raw JSON
    expect(await clippedCells(page, table)).toEqual([]);
    expect(await sidewaysOverflow(page, table)).toBeLessThanOrEqual(1);
    await shot(page, '03-audit');
    await page.screenshot({ path: path.join(SHOTS, 'records-03-audit-screen.png') });

    // The filter for periods lists only the period's events.
    await page.getByLabel('Loại đối tượng').click();
    await page.locator('.ant-select-item-option', { hasText: 'Kỳ báo cáo' }).click();
    await expect
      .poll(async () => (await page.locator(`${table} .ant-table-row`).allInnerTexts()).join('\n'))
      .toMatch(/^[^]*Mở kỳ báo cáo[^]*$/);
    const rows = await page.locator(`${table} .ant-table-row`).allInnerTexts();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.includes('Kỳ báo cáo'))).toBe(true);
  });

  it('shows the monitor its overview on the home page: the open period, waiting reports, overdue units', async () => {
    await open('/', 'home-overview');
    const home = page.getByTestId('home-overview');
    expect(await page.getByTestId('home-periods').innerText()).toContain('Năm 2026');
    expect(await home.innerText()).toContain('Báo cáo chờ duyệt');
    expect(await home.innerText()).toContain('Đơn vị quá hạn chưa nộp');
    expect(await page.locator('main, .ant-layout-content').first().innerText()).not.toMatch(/sắp có/i);
    // The menu marks only what does not exist yet.
    const soon = await page.locator('.ant-menu .nav-soon, .ant-menu .nav-item-soon').allInnerTexts();
    expect(soon.join(' ')).not.toMatch(/Tổng quan|Chương trình|Báo cáo định kỳ|Nhiệm vụ/);
    await shot(page, '04-home-monitor');
  });

  it('shows a unit its tasks due and its reports, and a leader what awaits approval', async () => {
    const unit = await login('unit');
    await open('/', 'home-overview', unit);
    const tasks = await unit.getByTestId('home-tasks').innerText();
    expect(tasks).toContain('II.3.4');
    expect(tasks).toContain('II.3.5');
    expect(tasks).toContain('Quá hạn');
    expect(await unit.getByTestId('home-reports').innerText()).toContain('Năm 2026');
    expect(await unit.locator('.ant-layout-content').first().innerText()).not.toMatch(/sắp có/i);
    await shot(unit, '05-home-unit');

    const leader = await login('leader');
    await open('/', 'home-overview', leader);
    const approval = await leader.getByTestId('home-approval').innerText();
    expect(approval).toContain('Chờ lãnh đạo phê duyệt');
    expect(approval).not.toContain('chưa có');
    expect(approval).toContain('Chưa có báo cáo tổng hợp nào');
    expect(await leader.getByTestId('home-periods').innerText()).toContain('Năm 2026');
    expect(await leader.locator('.ant-layout-content').first().innerText()).not.toMatch(/sắp có/i);
    await shot(leader, '06-home-leader');
  });

  it('fits the dashboard’s overdue table at 1366 px', async () => {
    await open(`/ky-bao-cao/${periodId}?xem=tong-quan`, 'dashboard-overdue');
    await page.getByTestId('chart-units').locator('canvas').first().waitFor();
    const table = '[data-testid="dashboard-overdue"]';
    expect(await page.locator(`${table} .ant-table-row`).count()).toBeGreaterThan(0);
    expect(await sidewaysOverflow(page, table)).toBeLessThanOrEqual(1);
    expect(await clippedCells(page, table)).toEqual([]);
    expect(await page.locator('html').evaluate((h) => h.scrollWidth - h.clientWidth)).toBeLessThanOrEqual(0);
    await shot(page, '07-dashboard-1366');
  });

  it('draws the unit chart at 390 px with labels that do not overlap', async () => {
    const phoneCtx = await browser.newContext({ viewport: PHONE, locale: 'vi-VN', isMobile: true });
    extra.push(phoneCtx);
    await phoneCtx.addCookies(await ctx.cookies(server.url));
    const phone = await phoneCtx.newPage();
    await open(`/ky-bao-cao/${periodId}?xem=tong-quan`, 'chart-units', phone);
    const chart = phone.getByTestId('chart-units').locator('[role="img"]');
    await chart.locator('canvas').waitFor();
    await phone.waitForTimeout(800); // the chart's entry animation
    // Every text ECharts drew, as boxes in the chart's pixels: no two overlap, none leaves the chart.
    const boxes = await chart.evaluate((el) => {
      type Rect = { x: number; y: number; width: number; height: number };
      type El = {
        type: string;
        ignore?: boolean;
        invisible?: boolean;
        style?: { text?: string };
        getBoundingRect(): Rect & { clone(): Rect & { applyTransform(m: unknown): void } };
        getComputedTransform(): unknown;
      };
      const c = (el as unknown as { chart: { getZr(): { storage: { getDisplayList(u: boolean): El[] } } } })
        .chart;
      const list: El[] = c.getZr().storage.getDisplayList(true);
      return list
        .filter(
          (e) => (e.type === 'tspan' || e.type === 'text') && !e.ignore && !e.invisible && e.style?.text,
        )
        .map((e) => {
          const r = e.getBoundingRect().clone();
          r.applyTransform(e.getComputedTransform());
          return {
            text: e.style!.text!,
            x: r.x,
            y: r.y,
            w: r.width,
            h: r.height,
            max: el.clientWidth as number,
          };
        });
    });
    expect(boxes.length).toBeGreaterThan(4);
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const dx = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
        const dy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
        if (dx > 1 && dy > 1) overlaps.push(`${a.text} × ${b.text}`);
      }
    expect(overlaps).toEqual([]);
    expect(boxes.filter((b) => b.x < -1 || b.x + b.w > b.max + 1).map((b) => b.text)).toEqual([]);
    await shot(phone, '08-dashboard-390');
  });
});
