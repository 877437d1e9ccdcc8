/**
 * Browser test: a real `thucthi start` process on a fresh data folder, driven by Debian's Chromium.
 * As the demo monitor: opens the seed program, assigns one task in the form (lead Sở Tư pháp, one
 * cooperating unit, its focal person, a deadline in 2027, one product) and sees the "5 rõ" meter
 * change; accepts all suggestions; is refused "Triển khai" while deadlines are missing; completes the
 * rest through the API and implements the program; adjusts a deadline with a reason. As the demo unit
 * user (Sở Tư pháp): opens "Nhiệm vụ của đơn vị", writes the unit's plan and adds an item linked to
 * two of its tasks. Back as the monitor: the coverage matrix shows both tasks covered for Sở Tư pháp.
 * Screenshots of every step (1366×768, then 390×844) go to test-results/e2e/assign-*.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import {
  apiWithSession,
  firstLogin,
  fullPageShot,
  hasBrowser,
  shutDown,
  launchChromium,
} from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/process.js';
import type { TaskList } from '../../src/contract/tasks.js';
import type { TaskView } from '../../src/domain/plan/assignment.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-e2e-assign-'));
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

describe.skipIf(!hasBrowser)('assigning tasks and unit plans in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let monitorCtx: BrowserContext;
  let unitCtx: BrowserContext;
  let page: Page;
  let unitPage: Page;
  let programId = '';
  let soTuPhap = '';
  /** The task assigned in the form, and a second one Sở Tư pháp cooperates on. */
  let first: TaskView;
  let second: TaskView;

  const shot = (p: Page, name: string) => fullPageShot(p, `assign-${name}`);

  const noOverflow = async (p: Page) =>
    expect(
      await p.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
    ).toBeLessThanOrEqual(1);

  /** The open dropdown of an antd Select. */
  const option = (p: Page, text: string | RegExp) =>
    p
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: text,
      })
      .first();

  /** Calls the API with the session of a browser context (as the page itself would). */
  const apiAs = <T>(ctx: BrowserContext, method: string, url: string, body?: unknown) =>
    apiWithSession<T>(server.url, ctx, method, url, body);

  const logIn = (p: Page, role: string, newPassword: string) =>
    firstLogin(p, server.url, server.credentials[role]!, newPassword);

  const meterCount = (p: Page, c: string) => p.getByTestId(`meter-${c}-count`).innerText();

  const tasks = async () =>
    (await apiAs<TaskList>(monitorCtx, 'GET', `/api/programs/${programId}/tasks`)).items;

  const putAssignment = (t: TaskView, patch: Partial<TaskView>) =>
    apiAs(monitorCtx, 'PUT', `/api/tasks/${t.nodeId}/assignment`, {
      version: t.version,
      leadUnitId: t.leadUnitId,
      cooperatingUnitIds: t.cooperatingUnitIds,
      focal: t.focal,
      deadline: t.deadline,
      products: t.products,
      ...patch,
    });

  beforeAll(async () => {
    server = await startServerProcess(['--data-dir', dir]);
    browser = await launchChromium();
    monitorCtx = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    page = await monitorCtx.newPage();
  });

  afterAll(() => shutDown(browser, server, dir));

  it('logs in as the demo monitor and opens the seed program', async () => {
    await logIn(page, 'monitor', 'mat-khau-theo-doi-2026');
    await page.getByRole('menuitem', { name: 'Chương trình hành động' }).click();
    await page.waitForURL(/\/chuong-trinh$/);
    await page.locator('.ant-table-row a', { hasText: 'Chương trình hành động' }).first().click();
    await page.waitForURL(/\/chuong-trinh\/[0-9a-f-]{36}/);
    programId = /\/chuong-trinh\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await page.getByTestId('meter-card').getByTestId('meter-bars').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('program-status').innerText()).toBe('Đang phân công');
    expect(await meterCount(page, 'nguoi')).toBe('0/29');
    expect(await meterCount(page, 'viec')).toBe('29/29');
    await shot(page, '01-chuong-trinh.png');

    const units = await apiAs<{ items: { id: string; code: string }[] }>(
      monitorCtx,
      'GET',
      '/api/units?q=so%20tu%20phap',
    );
    soTuPhap = units.items.find((u) => u.code === 'SO-TU-PHAP')!.id;
    const all = await tasks();
    first = all.find((t) => t.label === 'II.3.4')!;
    second = all.find((t) => t.label === 'II.3.5')!;
    expect(first && second).toBeTruthy();
  });

  it('filters the task list by a missing "rõ" and opens a task', async () => {
    await page.getByRole('tab', { name: /Nhiệm vụ/ }).click();
    const rows = page.locator('[data-testid="tasks-table"] .ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(20); // one page of 29
    await page.getByLabel('Tìm nhiệm vụ').fill('pho bien giao duc phap luat');
    await page.getByTestId('tasks-count').waitFor();
    await expect.poll(() => rows.count()).toBeLessThan(20);
    expect(await page.locator('[data-testid="tasks-table"]').innerText()).toContain('II.3.4');
    await shot(page, '02-nhiem-vu.png');

    await page.getByRole('link', { name: 'Mở nhiệm vụ II.3.4' }).click();
    await page.waitForURL(/\/nhiem-vu\/[0-9a-f-]{36}$/);
    await page.getByTestId('assignment-form').waitFor({ timeout: 15_000 });
    expect(await page.getByRole('heading', { level: 3 }).innerText()).toBe('Nhiệm vụ II.3.4');
  });

  it('assigns the task: lead, cooperating unit, focal person, a deadline in 2027 and a product', async () => {
    const form = page.getByTestId('assignment-form');
    await page.locator('#assignment_leadUnitId').fill('so tu phap');
    await option(page, 'Sở Tư pháp').click();
    await page.locator('#assignment_cooperatingUnitIds').fill('so noi vu');
    await option(page, 'Sở Nội vụ').click();
    await page.keyboard.press('Escape');

    await form.locator('label', { hasText: 'Cán bộ của cơ quan chủ trì' }).click();
    await page.locator('#assignment_focal_userId').click();
    await option(page, 'Đầu mối Sở Tư pháp').click();
    await page.locator('#assignment_focal_phone').fill('024 3825 3615');

    await form.locator('.ant-radio-button-wrapper', { hasText: /^Ngày$/ }).click();
    await page.locator('#assignment_deadline_date').fill('31/12/2027');
    await page.keyboard.press('Tab');

    await page.getByRole('button', { name: 'Thêm sản phẩm' }).click();
    await page
      .locator('#assignment_products_0_description')
      .fill('Báo cáo kết quả đổi mới công tác phổ biến, giáo dục pháp luật');
    await page.locator('#assignment_products_0_dueDate').fill('30/11/2027');
    await page.keyboard.press('Tab');
    await page.getByRole('heading', { level: 3 }).click(); // closes the date picker
    await shot(page, '03-phan-cong.png');

    await page.getByRole('button', { name: 'Lưu phân công' }).click();
    await page.getByText('Đã lưu phân công').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId('task-meter-summary').innerText()).toBe('Đủ 5 rõ');
    await page.getByText('Giao nhiệm vụ').first().waitFor({ timeout: 15_000 });
    await shot(page, '04-da-luu.png');

    const saved = (await tasks()).find((t) => t.nodeId === first.nodeId)!;
    expect(saved.leadUnitId).toBe(soTuPhap);
    expect(saved.cooperatingUnitIds).toHaveLength(1);
    expect(saved.deadline).toEqual({ kind: 'date', date: '2027-12-31' });
    expect(saved.products).toHaveLength(1);
  });

  it('shows the meter change on the program page', async () => {
    await page.getByRole('button', { name: 'Nhiệm vụ của chương trình' }).click();
    await page.waitForURL(/\/chuong-trinh\/[0-9a-f-]{36}\?xem=nhiem-vu/);
    await page.getByTestId('meter-bars').waitFor();
    await expect.poll(() => meterCount(page, 'nguoi')).toBe('1/29');
    expect(await meterCount(page, 'hieuQua')).toBe('1/29');
    expect(await page.getByTestId('meter-complete').innerText()).toBe('1/29 nhiệm vụ đủ 5 rõ');
    // "Nhiệm vụ còn thiếu: rõ người" filters the task list on the server.
    await page.getByTestId(`meter-nguoi`).getByRole('button').click();
    await expect.poll(() => page.getByTestId('tasks-count').innerText()).toContain('28 nhiệm vụ phù hợp');
    await shot(page, '05-chi-so.png');
  });

  it('accepts all suggestions', async () => {
    await page.getByRole('tab', { name: 'Đề xuất phân công' }).click();
    await page
      .getByTestId('suggestions-table')
      .locator('.ant-table-row')
      .first()
      .waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('suggestions-table').innerText()).toContain('theo trách nhiệm mục III');
    expect(await page.getByTestId('monitoring-suggestion').innerText()).toContain('Ban Nội chính Thành ủy');
    await shot(page, '06-de-xuat.png');

    await page.getByRole('button', { name: 'Chấp nhận tất cả' }).click();
    const pop = page.locator('.ant-popconfirm:visible', { hasText: 'Chấp nhận tất cả đề xuất?' });
    await pop.waitFor();
    await pop.getByRole('button', { name: 'Chấp nhận tất cả' }).click();
    await page.getByText(/Đã chấp nhận đề xuất cho \d+ mục/).waitFor({ timeout: 15_000 });
    await expect.poll(() => meterCount(page, 'nguoi')).toBe('29/29');
    // The task assigned by hand keeps its lead.
    expect((await tasks()).find((t) => t.nodeId === first.nodeId)!.leadUnitId).toBe(soTuPhap);
    await expect.poll(() => page.locator('.ant-popconfirm:visible').count()).toBe(0);
    await shot(page, '07-da-chap-nhan.png');
  });

  it('is refused "Triển khai" while tasks lack a deadline, with the list of them', async () => {
    await page.getByRole('button', { name: 'Triển khai' }).click();
    const pop = page.locator('.ant-popconfirm:visible', { hasText: 'Triển khai chương trình?' });
    await pop.waitFor();
    await pop.getByRole('button', { name: 'Triển khai' }).click();
    const refusal = page.getByTestId('implement-incomplete');
    await refusal.waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator('.ant-popconfirm:visible').count()).toBe(0);
    expect(await refusal.innerText()).toContain('Chưa thể triển khai');
    expect(await refusal.getByRole('link').count()).toBeGreaterThan(10);
    await shot(page, '08-chua-du-dieu-kien.png');
  });

  it('completes the remaining deadlines through the API, then implements the program', async () => {
    for (const t of await tasks()) {
      const patch: Partial<TaskView> = {};
      if (!t.deadline) patch.deadline = { kind: 'date', date: '2027-06-30' };
      // Sở Tư pháp also cooperates on a second task, so its plan can cover two.
      if (t.nodeId === second.nodeId && t.leadUnitId !== soTuPhap && !t.cooperatingUnitIds.includes(soTuPhap))
        patch.cooperatingUnitIds = [...t.cooperatingUnitIds, soTuPhap];
      if (!t.leadUnitId) throw new Error(`${t.label} has no lead after accepting suggestions`);
      if (Object.keys(patch).length) await putAssignment(t, patch);
    }
    await page.reload();
    await page.getByTestId('meter-bars').waitFor({ timeout: 15_000 });
    expect(await meterCount(page, 'tienDo')).toBe('29/29');

    await page.getByRole('button', { name: 'Triển khai' }).click();
    const pop = page.locator('.ant-popconfirm:visible', { hasText: 'Triển khai chương trình?' });
    await pop.waitFor();
    await pop.locator('#plans-due-date').fill('31/12/2026');
    await page.keyboard.press('Enter');
    await pop.getByRole('button', { name: 'Triển khai' }).click();
    await page.getByText(/Đã triển khai chương trình/).waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator('.ant-popconfirm:visible').count()).toBe(0);
    await expect.poll(() => page.getByTestId('program-status').innerText()).toBe('Đang triển khai');
    expect(await page.getByRole('button', { name: 'Triển khai' }).count()).toBe(0);
    await shot(page, '09-trien-khai.png');
  });

  it('adjusts a deadline after "Triển khai" with a reason, shown against the baseline', async () => {
    await page.goto(`${server.url}/nhiem-vu/${first.nodeId}`);
    await page.getByTestId('assignment-form').waitFor({ timeout: 15_000 });
    await page.getByTestId('baseline-table').waitFor();
    await page.locator('#assignment_deadline_date').fill('31/03/2028');
    await page.keyboard.press('Tab');
    await page.getByText('Điều chỉnh sau khi triển khai').waitFor();
    await page.getByRole('button', { name: 'Lưu phân công' }).click();
    await page.getByText('Vui lòng nêu lý do điều chỉnh').waitFor();
    await page
      .locator('#assignment_reason')
      .fill('Chờ Luật Phổ biến, giáo dục pháp luật (sửa đổi) có hiệu lực');
    await page.getByRole('button', { name: 'Lưu phân công' }).click();
    await page.getByText('Đã lưu phân công').waitFor({ timeout: 15_000 });
    const changed = page.locator('[data-testid="baseline-table"] .baseline-changed');
    await expect.poll(() => changed.count()).toBe(1);
    expect(await changed.innerText()).toContain('Đã điều chỉnh');
    await page.getByText('Điều chỉnh', { exact: true }).first().waitFor({ timeout: 15_000 });
    await shot(page, '10-dieu-chinh.png');
  });

  it('as the unit user, writes the plan with an item linked to two of its tasks', async () => {
    unitCtx = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    unitPage = await unitCtx.newPage();
    await logIn(unitPage, 'unit', 'mat-khau-don-vi-2026');
    await unitPage.getByRole('menuitem', { name: 'Nhiệm vụ của đơn vị' }).click();
    await unitPage.waitForURL(/\/nhiem-vu$/);
    const card = unitPage.getByTestId('unit-program').first();
    await card.waitFor({ timeout: 15_000 });
    expect(await card.innerText()).toContain('II.3.4');
    expect(await card.innerText()).toContain('II.3.5');
    await shot(unitPage, '11-nhiem-vu-don-vi.png');

    await card.getByRole('button', { name: 'Lập kế hoạch' }).click();
    await unitPage.waitForURL(/\/ke-hoach\/[0-9a-f-]{36}$/);
    await unitPage.getByRole('heading', { name: 'Kế hoạch của Sở Tư pháp' }).waitFor({ timeout: 15_000 });

    await unitPage.getByRole('button', { name: 'Thêm mục' }).click();
    const modal = unitPage.locator('.ant-modal');
    await modal
      .locator('#text')
      .fill('Tổ chức hội nghị tập huấn đổi mới công tác phổ biến, giáo dục pháp luật');
    for (const label of ['II.3.4', 'II.3.5']) {
      await modal.locator('#parentNodeIds').fill(label);
      await option(unitPage, label).click();
    }
    await unitPage.keyboard.press('Escape');
    await modal.locator('.ant-radio-button-wrapper', { hasText: /^Ngày$/ }).click();
    await modal.locator('#deadline_date').fill('30/09/2027');
    await unitPage.keyboard.press('Tab');
    await modal.locator('#person').fill('Phòng Phổ biến, giáo dục pháp luật');
    await modal.locator('.ant-modal-title').click(); // closes the date picker
    await shot(unitPage, '12-them-muc.png');
    await modal.getByRole('button', { name: 'Thêm mục' }).click();
    await unitPage.getByText('Đã thêm mục vào kế hoạch').waitFor({ timeout: 15_000 });
    await modal.waitFor({ state: 'hidden' });
    const links = unitPage.getByTestId('item-links').first();
    await links.waitFor();
    expect(await links.innerText()).toMatch(/II\.3\.4[\s\S]*II\.3\.5/);
    await expect.poll(() => unitPage.getByTestId('plan-covered').innerText()).toContain('2');
    await shot(unitPage, '13-ke-hoach.png');
  });

  it('as the monitor, sees both tasks covered for Sở Tư pháp in "Bao phủ"', async () => {
    await page.goto(`${server.url}/chuong-trinh/${programId}?xem=bao-phu`);
    await page.getByTestId('coverage-table').waitFor({ timeout: 15_000 });
    const covered = page.locator(`.cov-cell[data-unit="${soTuPhap}"][data-covered="true"]`);
    await expect.poll(() => covered.count()).toBe(2);
    // "Chỉ hiện đơn vị": Sở Tư pháp's column and the tasks it carries.
    // On a busy machine the dropdown may realign between press and release and the click land
    // nowhere (31 cells stay): pick the option again, at most three times.
    const cells = page.locator('[data-testid="coverage-table"] .cov-cell');
    for (let attempt = 1; ; attempt++) {
      if ((await page.locator('#coverage-units').inputValue()) !== 'so tu phap')
        await page.locator('#coverage-units').fill('so tu phap');
      // A multiple select: clicking a chosen option again would unchoose it.
      const opt = option(page, 'Sở Tư pháp');
      if (!((await opt.getAttribute('class')) ?? '').includes('ant-select-item-option-selected'))
        await opt.click();
      const ok = await expect
        .poll(() => cells.count(), { timeout: 5_000 })
        .toBe(2)
        .then(
          () => true,
          () => false,
        );
      if (ok) break;
      if (attempt === 3) throw new Error('"Chỉ hiện đơn vị": Sở Tư pháp not applied after three clicks');
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => cells.count()).toBe(2);
    await page.getByRole('heading', { level: 3 }).click(); // closes the dropdown
    expect(await covered.evaluateAll((els) => els.map((e) => e.getAttribute('data-task')))).toEqual([
      'II.3.4',
      'II.3.5',
    ]);
    // Covered cells are green.
    const color = await covered.first().evaluate((e) => {
      const w = globalThis as unknown as { getComputedStyle: (el: unknown) => { color: string } };
      return w.getComputedStyle(e).color;
    });
    const [r, g, b] = color.match(/\d+/g)!.map(Number);
    expect(g).toBeGreaterThan(r! + 40);
    expect(g).toBeGreaterThan(b! + 40);
    await shot(page, '14-bao-phu.png');
  });

  it('works at phone width', async () => {
    const pages: [Page, string, string, (p: Page) => Locator][] = [
      [
        page,
        `/chuong-trinh/${programId}`,
        '15-dien-thoai-chuong-trinh.png',
        (p) => p.getByTestId('meter-bars'),
      ],
      [
        page,
        `/chuong-trinh/${programId}?xem=nhiem-vu`,
        '16-dien-thoai-nhiem-vu.png',
        (p) => p.locator('[data-testid="tasks-table"] .ant-table-row').first(),
      ],
      [
        page,
        `/nhiem-vu/${first.nodeId}`,
        '17-dien-thoai-phan-cong.png',
        (p) => p.getByTestId('assignment-form'),
      ],
      [
        page,
        `/chuong-trinh/${programId}?xem=de-xuat`,
        '18-dien-thoai-de-xuat.png',
        (p) => p.getByTestId('suggestions-table'),
      ],
      [
        page,
        `/chuong-trinh/${programId}?xem=bao-phu`,
        '19-dien-thoai-bao-phu.png',
        (p) => p.getByTestId('coverage-table'),
      ],
      [
        unitPage,
        '/nhiem-vu',
        '20-dien-thoai-nhiem-vu-don-vi.png',
        (p) => p.getByTestId('unit-program').first(),
      ],
      [
        unitPage,
        unitPage.url().replace(server.url, ''),
        '21-dien-thoai-ke-hoach.png',
        (p) => p.getByTestId('plan-items'),
      ],
    ];
    for (const [p, url, name, ready] of pages) {
      await p.setViewportSize(PHONE);
      await p.goto(server.url + url);
      await ready(p).waitFor({ timeout: 15_000 });
      await noOverflow(p);
      await shot(p, name);
    }
  });
});
