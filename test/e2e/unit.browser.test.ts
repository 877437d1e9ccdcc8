/**
 * Browser test (issue 11 points 15–18), a real `thucthi start` process and Debian's Chromium. Set up
 * through the API as the demo monitor: Sở Tư pháp leads II.3.4 and II.3.5 of the seed program, which is
 * implemented; in the 2026 period its report (with an obstacle) is returned with a comment, resubmitted
 * and accepted, the obstacle is answered, and the 2027 period is opened. As the demo unit user:
 * 1. imports its plan as a .docx from "Nhiệm vụ của đơn vị", publishes it and links an item to II.3.4;
 * 2. opens the 2027 report: the draft starts from the accepted 2026 report, marked so, and the
 *    obstacle still open from 2026 is listed with its answer;
 * 3. opens "Phản hồi cho đơn vị": the obstacle's answer and the returned version's comment;
 * 4. the task page of II.3.4 shows the accepted progress of 2026 and the 2027 draft, not yet accepted.
 * Screenshots (1366×768) go to test-results/e2e/unit-*.png.
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
import { OPEN_DROPDOWN, OPEN_POPOVER } from '../support/ui.js';
import { Client } from '../support/app.js';
import { entry, implementSeedProgram } from '../support/reporting.js';
import { leadOnlyAssignment } from '../support/assignment.js';
import { taskTableDocx } from '../support/docx.js';
import type { ReportView } from '../../src/contract/reports.js';
import type { PeriodDetail } from '../../src/contract/periods.js';
import type { ObstacleList } from '../../src/contract/obstacles.js';
import type { TaskView } from '../../src/domain/plan/assignment.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-e2e-unit-'));
const DESKTOP = { width: 1366, height: 768 };
const RESULTS = 'Đã rà soát 120 văn bản quy phạm pháp luật.';
const OBSTACLE = 'Thiếu kinh phí thuê chuyên gia rà soát.';
const RETURN_COMMENT = 'Đề nghị nêu rõ số văn bản đã rà soát theo từng lĩnh vực.';
const ANSWER = 'Sở Tài chính bố trí kinh phí trong Quý I/2027.';

describe.skipIf(!hasBrowser)('what a unit needs, in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let monitorCtx: BrowserContext;
  let unitCtx: BrowserContext;
  let page: Page;
  let unitPage: Page;
  const pageErrors: string[] = [];
  let programId = '';
  let stp = '';
  let task = '';
  let newReport = '';

  const poll = <T>(fn: () => Promise<T>, timeout = 15_000) => expect.poll(fn, { timeout });
  const shot = (p: Page, name: string) => fullPageShot(p, `unit-${name}`);
  const api = <T>(ctx: BrowserContext, method: string, url: string, body?: unknown) =>
    apiWithSession<T>(server.url, ctx, method, url, body);

  /** Opens the period `body` and returns Sở Tư pháp's report in it. */
  const openPeriod = async (body: Record<string, unknown>) => {
    const p = await api<{ id: string }>(monitorCtx, 'POST', `/api/programs/${programId}/periods`, body);
    const d = await api<PeriodDetail>(monitorCtx, 'GET', `/api/periods/${p.id}`);
    return d.rows.find((r) => r.unitId === stp)!.obligationId;
  };

  /** Sở Tư pháp saves every task it carries with `percent` and submits. */
  const submit = async (id: string, percent: number, key: string) => {
    const r = await api<ReportView>(unitCtx, 'GET', `/api/reports/${id}`);
    const entries = Object.fromEntries(
      r.tasks.map((t) => [
        t.nodeId,
        entry({
          status: 'in_progress',
          percent,
          results: RESULTS,
          obstacles: t.nodeId === task ? OBSTACLE : '',
        }),
      ]),
    );
    await api(unitCtx, 'PUT', `/api/reports/${id}/draft`, { version: r.version, content: { entries } });
    await api(unitCtx, 'POST', `/api/reports/${id}/submit`, { idempotencyKey: key });
  };

  beforeAll(async () => {
    server = await startServerProcess(['--data-dir', dir]);
    browser = await launchChromium();
    monitorCtx = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    unitCtx = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    page = await monitorCtx.newPage();
    unitPage = await unitCtx.newPage();
    unitPage.on('pageerror', (e) => pageErrors.push(`${unitPage.url()}: ${e.message}`));
  });

  afterAll(() => shutDown(browser, server, dir));

  it('prepares a reporting history through the API: returned, resubmitted, accepted, answered', async () => {
    await firstLogin(page, server.url, server.credentials.monitor!, 'mat-khau-theo-doi-2026');
    await firstLogin(unitPage, server.url, server.credentials.unit!, 'mat-khau-don-vi-2026');
    const monitor = new Client(server.url);
    monitor.cookie = await sessionCookie(monitorCtx, server.url);
    const units = await api<{ items: { id: string; code: string }[] }>(
      monitorCtx,
      'GET',
      '/api/units?q=so%20tu%20phap',
    );
    stp = units.items.find((u) => u.code === 'SO-TU-PHAP')!.id;
    programId = (await api<{ items: { id: string }[] }>(monitorCtx, 'GET', '/api/programs')).items[0]!.id;
    const tasks = async () =>
      (await api<{ items: TaskView[] }>(monitorCtx, 'GET', `/api/programs/${programId}/tasks`)).items;
    for (const label of ['II.3.4', 'II.3.5']) {
      const t = (await tasks()).find((x) => x.label === label)!;
      await api(monitorCtx, 'PUT', `/api/tasks/${t.nodeId}/assignment`, {
        ...leadOnlyAssignment(t.version, stp),
        deadline: { kind: 'date', date: '2027-12-31' },
      });
    }
    expect(await implementSeedProgram(monitor)).toBe(programId);
    task = (await tasks()).find((x) => x.label === 'II.3.4')!.nodeId;

    const first = await openPeriod({ kind: 'yearly', year: 2026 });
    await submit(first, 40, 'nam-2026-lan-1');
    await api(monitorCtx, 'POST', `/api/reports/${first}/review`, {
      decision: 'return',
      comment: RETURN_COMMENT,
    });
    await submit(first, 45, 'nam-2026-lan-2');
    await api(monitorCtx, 'POST', `/api/reports/${first}/review`, { decision: 'accept' });
    const obs = await api<ObstacleList>(monitorCtx, 'GET', `/api/programs/${programId}/obstacles`);
    const o = obs.items.find((x) => x.unitId === stp && x.text === OBSTACLE)!;
    await api(monitorCtx, 'PATCH', `/api/obstacles/${o.id}`, {
      action: 'answer',
      answer: ANSWER,
      version: o.version,
    });
    newReport = await openPeriod({ kind: 'yearly', year: 2027 });
  });

  it('imports the unit’s plan from a .docx on "Nhiệm vụ của đơn vị" and links an item to its task', async () => {
    const file = path.join(dir, 'ke-hoach-so-tu-phap.docx');
    fs.writeFileSync(
      file,
      await taskTableDocx([
        [
          '1',
          'Rà soát văn bản quy phạm pháp luật của Sở năm 2026',
          'Sở Tư pháp',
          '',
          'Quý II/2026',
          'Báo cáo',
        ],
        ['2', 'Tổ chức hội nghị phổ biến văn bản mới', 'Sở Tư pháp', '', 'Quý III/2026', 'Hội nghị'],
      ]),
    );
    await unitPage.getByRole('menuitem', { name: 'Nhiệm vụ của đơn vị' }).click();
    await unitPage.waitForURL(/\/nhiem-vu$/);
    const card = unitPage.getByTestId('unit-program').first();
    await card.getByRole('button', { name: 'Nhập kế hoạch từ văn bản' }).click();
    const modal = unitPage.locator('.ant-modal', { hasText: 'Nhập kế hoạch của đơn vị từ văn bản' });
    await modal.waitFor();
    await shot(unitPage, '01-nhap-ke-hoach.png');
    await modal.locator('input[type="file"]').setInputFiles(file);
    await unitPage.waitForURL(/\/nhap-van-ban\/[0-9a-f-]{36}/, { timeout: 30_000 });
    await unitPage.getByRole('button', { name: 'Ban hành' }).waitFor({ timeout: 15_000 });
    await shot(unitPage, '02-ban-nhap.png');
    await unitPage.getByRole('button', { name: 'Ban hành' }).click();
    const pop = unitPage.locator(OPEN_POPOVER, { hasText: 'Ban hành kế hoạch của đơn vị?' });
    await pop.waitFor();
    await pop.getByRole('button', { name: 'Ban hành' }).click();
    await unitPage.waitForURL(/\/ke-hoach\/[0-9a-f-]{36}/, { timeout: 15_000 });
    const rows = unitPage.locator('[data-testid="plan-items"] .ant-table-row');
    await poll(() => rows.count()).toBe(2);
    expect(await rows.first().innerText()).toContain('Rà soát văn bản quy phạm pháp luật của Sở');
    await rows.first().getByRole('button', { name: 'Gắn nhiệm vụ' }).click();
    const links = unitPage.locator('.ant-modal', { hasText: 'Nhiệm vụ mục' });
    await links.waitFor();
    await links.locator('.ant-select').click();
    await unitPage.keyboard.type('II.3.4');
    await unitPage
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: 'II.3.4',
      })
      .first()
      .click();
    // The multiple select keeps its list open over the buttons: leave it by clicking the title.
    await links.locator('.ant-modal-title').click();
    await poll(() => unitPage.locator(OPEN_DROPDOWN).count()).toBe(0);
    await links.getByRole('button', { name: 'Lưu' }).click();
    await poll(() => rows.first().getByTestId('item-links').innerText()).toContain('II.3.4');
    await shot(unitPage, '03-ke-hoach.png');
    // Back on the unit's tasks, the program now opens the plan instead of offering a second one.
    await unitPage.goto(`${server.url}/nhiem-vu`);
    await unitPage.getByRole('button', { name: 'Xem kế hoạch' }).first().waitFor({ timeout: 15_000 });
    expect(await unitPage.getByRole('button', { name: 'Nhập kế hoạch từ văn bản' }).count()).toBe(0);
  });

  it('starts the 2027 report from the accepted 2026 report, marked, with the obstacle still open', async () => {
    await unitPage.goto(`${server.url}/bao-cao/${newReport}`);
    const banner = unitPage.getByTestId('report-copied');
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.innerText()).toMatch(/Sao chép từ báo cáo kỳ .*2026.* đã được chấp nhận/);
    expect(await unitPage.getByTestId('report-copied-tasks').innerText()).toContain('II.3.4');
    await poll(() =>
      unitPage
        .locator('textarea')
        .evaluateAll((els, text) => els.some((t) => (t as { value?: string }).value === text), RESULTS),
    ).toBe(true);
    expect(await unitPage.getByTestId('report-status').innerText()).toBe('Đang soạn');
    const open = unitPage.getByTestId('open-obstacles');
    expect(await open.innerText()).toContain(OBSTACLE);
    expect(await open.innerText()).toContain(ANSWER);
    await shot(unitPage, '04-bao-cao-sao-chep.png');
    const r = await api<ReportView>(unitCtx, 'GET', `/api/reports/${newReport}`);
    expect(r).toMatchObject({ status: 'drafting', currentVersion: 0 });
    expect(r.draft.entries[task]).toMatchObject({ status: 'in_progress', percent: 45, obstacles: '' });
  });

  it('shows the unit the answer to its obstacle and the returned version’s comment on "Phản hồi"', async () => {
    await unitPage.getByRole('menuitem', { name: 'Phản hồi cho đơn vị' }).click();
    await unitPage.waitForURL(/\/phan-hoi$/);
    const obstacles = unitPage.getByTestId('feedback-obstacles');
    await poll(() => obstacles.innerText()).toContain(ANSWER);
    const comment = unitPage.getByTestId('history-comment').first();
    await poll(() => comment.innerText()).toContain(RETURN_COMMENT);
    const history = await unitPage.getByTestId('report-history').first().innerText();
    expect(history).toContain('Nộp phiên bản 1');
    expect(history).toContain('Bị trả lại');
    expect(history).toContain('Nộp lại phiên bản 2');
    expect(history).toContain('Được chấp nhận');
    await shot(unitPage, '05-phan-hoi.png');
  });

  it('shows the accepted progress of the task and the latest report, not yet accepted', async () => {
    await unitPage.goto(`${server.url}/nhiem-vu/${task}`);
    const accepted = unitPage.getByTestId('task-accepted');
    await poll(() => accepted.innerText()).toContain('45 %');
    expect(await accepted.innerText()).toContain('2026');
    expect(await accepted.innerText()).toContain(RESULTS);
    const latest = await unitPage.getByTestId('task-latest').innerText();
    expect(latest).toContain('Chưa được chấp nhận');
    expect(latest).toContain('Bản nháp chưa nộp');
    expect(latest).toContain('2027');
    await shot(unitPage, '06-nhiem-vu.png');
    expect(pageErrors).toEqual([]);
  });
});
