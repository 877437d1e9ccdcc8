/**
 * Browser test of the data-entry traps in the web forms (issue 11, points 8–14), on the reporting
 * fixture (test/support/reporting.ts) served with the built web app, in Debian's Chromium:
 * 8. Enter in the assignment form's date field saves nothing and leaves the form open;
 * 9. the plan's "Thêm mục" dialog opens empty the second time;
 * 10. "Nhiệm vụ chủ trì cần có trạng thái" goes away once a status is chosen;
 * 11. a draft whose task is "Đã hoàn thành" without a result is saved;
 * 12. a result past its limit shows the count, is refused with a message and is not cut;
 * 13. closing the period and returning a report ask first and say what they do ("Hủy" keeps all as
 *     it was); an obstacle's button reads "Đóng vướng mắc";
 * 14. the monitor's view of a 20,000-character result stays short until "Xem thêm".
 * Screenshots go to test-results/e2e/forms-*.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { fullPageShot, hasBrowser, launchChromium } from '../support/browser.js';
import type { Client } from '../support/app.js';
import { entry, startReportingApp, type ReportingApp } from '../support/reporting.js';
import { LIMITS } from '../../src/domain/limits.js';
import type { ReportView } from '../../src/contract/reports.js';
import type { PeriodDetail } from '../../src/contract/periods.js';
import type { PlanView } from '../../src/contract/plans.js';
import type { TaskList } from '../../src/contract/tasks.js';

const DESKTOP = { width: 1366, height: 768 };
const WEB_DIR = path.resolve('web/dist');

describe.skipIf(!hasBrowser)('data-entry traps in the web forms, in Chromium', () => {
  let r: ReportingApp;
  let browser: Browser;
  let monitorPage: Page;
  let unitPage: Page;
  let ob = '';
  const pageErrors: string[] = [];

  const poll = <T>(fn: () => Promise<T>, timeout = 10_000) => expect.poll(fn, { timeout });
  const shot = (p: Page, name: string) => fullPageShot(p, `forms-${name}`);
  const OPEN_DROPDOWN = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';
  const OPEN_POPOVER = '.ant-popover:not(.ant-popover-hidden):not([style*="pointer-events: none"])';

  /** A page logged in with the session of an API client. */
  const pageAs = async (client: Client): Promise<Page> => {
    const ctx: BrowserContext = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    const [name, value] = client.cookie!.split('=') as [string, string];
    await ctx.addCookies([{ name, value, url: r.t.base }]);
    const p = await ctx.newPage();
    p.on('pageerror', (e) => pageErrors.push(`${p.url()}: ${e.message}`));
    return p;
  };
  const report = async () => (await r.stpUser.get<ReportView>(`/api/reports/${ob}`)).body;
  const card = (p: Page, nodeId: string) => p.getByTestId(`report-task-${nodeId}`);

  /** Picks an option of an antd Select (again if a busy machine's click lands nowhere). */
  const choose = async (p: Page, select: Locator, text: string) => {
    for (let attempt = 1; ; attempt++) {
      if (!(await p.locator(OPEN_DROPDOWN).count())) await select.click();
      await p.locator(`${OPEN_DROPDOWN} .ant-select-item-option`, { hasText: text }).first().click();
      const ok = await poll(async () => (await select.innerText()).includes(text), 3_000)
        .toBe(true)
        .then(
          () => true,
          () => false,
        );
      if (ok) return;
      if (attempt === 3) throw new Error(`choose "${text}": no effect after three clicks`);
    }
  };
  const openReport = async (p: Page) => {
    await p.goto(`${r.t.base}/bao-cao/${ob}`);
    await p.getByTestId('report-page').waitFor({ timeout: 15_000 });
    await p.waitForLoadState('networkidle');
  };

  beforeAll(async () => {
    r = await startReportingApp('pglite', { app: { webDir: WEB_DIR } });
    ob = r.obligationOf(r.f.stp);
    browser = await launchChromium();
    monitorPage = await pageAs(r.monitor);
    unitPage = await pageAs(r.stpUser);
  });

  afterAll(async () => {
    await browser?.close();
    await r?.t.close();
  });

  it('8. Enter in the assignment form’s date field saves nothing and keeps the form open', async () => {
    // A task of the seed program (published, not in implementation): no lead, no deadline yet.
    const programs = (await r.monitor.get<{ items: { id: string; status: string }[] }>('/api/programs')).body
      .items;
    const seed = programs.find((p) => p.id !== r.f.programId && p.status === 'published')!;
    const tasks = (await r.monitor.get<TaskList>(`/api/programs/${seed.id}/tasks`)).body.items;
    const task = tasks.find((t) => !t.leadUnitId && !t.deadline)!;
    const saved = async () =>
      (await r.monitor.get<{ task: { deadline: unknown; version: number } }>(`/api/tasks/${task.nodeId}`)).body
        .task;
    const before = await saved();

    const p = monitorPage;
    await p.goto(`${r.t.base}/nhiem-vu/${task.nodeId}`);
    const form = p.getByTestId('assignment-form');
    await form.waitFor({ timeout: 15_000 });
    await form.locator('.ant-radio-button-wrapper', { hasText: /^Ngày$/ }).click();
    const date = p.locator('#assignment_deadline_date');
    await date.fill('31/12/2027');
    await date.press('Enter');
    // Give a save the time it would take, then nothing was stored and the form is still being filled.
    await p.waitForTimeout(1_500);
    expect(await p.getByText('Đã lưu phân công').count()).toBe(0);
    expect(await saved()).toEqual(before);
    expect(await form.isVisible()).toBe(true);
    expect(await date.inputValue()).toBe('31/12/2027');
    expect(await p.getByTestId('unsaved').innerText()).toBe('Có thay đổi chưa lưu');
    // Enter in another one-line field does not save either.
    await form.locator('label', { hasText: 'Nhập họ tên' }).click();
    await p.locator('#assignment_focal_name').fill('Nguyễn Văn A');
    await p.locator('#assignment_focal_name').press('Enter');
    await p.waitForTimeout(1_000);
    expect((await saved()).version).toBe(before.version);
    await shot(p, '08-enter-ngay.png');
    // The button saves what was typed, the date included.
    await p.getByRole('button', { name: 'Lưu phân công' }).click();
    await p.getByText('Đã lưu phân công').waitFor({ timeout: 15_000 });
    await poll(async () => (await saved()).deadline).toEqual({ kind: 'date', date: '2027-12-31' });
  });

  it('9. the plan’s "Thêm mục" dialog opens empty after an item was added', async () => {
    const plan = await r.stpUser.post<PlanView>(`/api/programs/${r.f.programId}/plans`, { unitId: r.f.stp });
    expect(plan.status, plan.text).toBe(201);
    const label = (await r.stpUser.get<TaskList>(`/api/programs/${r.f.programId}/tasks`)).body.items.find(
      (t) => t.nodeId === r.f.a,
    )!.label;
    const p = unitPage;
    await p.goto(`${r.t.base}/ke-hoach/${plan.body.id}`);
    await p.getByRole('button', { name: 'Thêm mục' }).click();
    const modal = p.locator('.ant-modal', { hasText: 'Thêm mục kế hoạch' });
    await modal.locator('#text').waitFor();
    await modal.locator('#text').fill('Rà soát văn bản của Sở Tư pháp năm 2026');
    const tasksSelect = () => modal.locator('.ant-select', { has: p.locator('#parentNodeIds') });
    await choose(p, tasksSelect(), label);
    await p.keyboard.press('Escape');
    await modal.locator('.ant-radio-button-wrapper', { hasText: /^Ngày$/ }).click();
    await modal.locator('#deadline_date').fill('30/09/2026');
    await p.keyboard.press('Tab');
    await modal.locator('#person').fill('Phòng Văn bản');
    await modal.locator('.ant-modal-title').click(); // closes the date picker
    await modal.getByRole('button', { name: 'Thêm mục' }).click();
    await p.getByText('Đã thêm mục vào kế hoạch').waitFor({ timeout: 15_000 });
    await modal.waitFor({ state: 'hidden' });
    await poll(async () => (await r.stpUser.get<PlanView>(`/api/plans/${plan.body.id}`)).body.items.length).toBe(
      1,
    );

    await p.getByRole('button', { name: 'Thêm mục' }).click();
    await modal.locator('#text').waitFor();
    expect(await modal.locator('#text').inputValue()).toBe('');
    expect(await tasksSelect().innerText()).not.toContain(label);
    expect(await modal.locator('#deadline_date').count()).toBe(0);
    expect(await modal.getByRole('radio', { name: 'Chưa có' }).isChecked()).toBe(true);
    expect(await modal.locator('#person').inputValue()).toBe('');
    await shot(p, '09-them-muc-lan-hai.png');
    await modal.getByRole('button', { name: 'Hủy' }).click();
    await modal.waitFor({ state: 'hidden' });
  });

  it('10. the missing-status message goes away once a status is chosen', async () => {
    const p = unitPage;
    await openReport(p);
    await p.getByTestId('report-editor').waitFor();
    await p.getByTestId('report-submit').click();
    const pop = p.locator(OPEN_POPOVER, { hasText: 'Nộp báo cáo?' });
    await pop.getByRole('button', { name: 'Nộp báo cáo' }).click();
    const missing = 'Nhiệm vụ chủ trì cần có trạng thái trước khi nộp';
    const a = card(p, r.f.a);
    const c = card(p, r.f.c);
    await a.getByText(missing).waitFor({ timeout: 15_000 });
    expect(await c.getByText(missing).count()).toBe(1);
    await choose(p, a.getByTestId('entry-status'), 'Đang thực hiện');
    await poll(() => a.getByText(missing).count()).toBe(0);
    // The other task still lacks its status.
    expect(await c.getByText(missing).count()).toBe(1);
    await shot(p, '10-trang-thai.png');
  });

  it('11. "Lưu nháp" keeps a task "Đã hoàn thành" that has no result yet', async () => {
    const p = unitPage;
    const c = card(p, r.f.c);
    await choose(p, c.getByTestId('entry-status'), 'Đã hoàn thành');
    await p.getByTestId('report-save').click();
    await poll(() => p.getByTestId('report-unsaved').innerText(), 15_000).toMatch(/^Đã lưu nháp lúc/);
    const draft = (await report()).draft;
    expect([draft.entries[r.f.c]!.status, draft.entries[r.f.c]!.results]).toEqual(['done', '']);
    expect(draft.entries[r.f.a]!.status).toBe('in_progress');
    expect(await p.getByText('Nhiệm vụ chủ trì cần có trạng thái trước khi nộp').count()).toBe(0);
  });

  it('12. a result past its limit shows the count, is refused with a message and is not cut', async () => {
    const p = unitPage;
    if (!(await p.getByTestId('report-editor').count())) await openReport(p);
    const a = card(p, r.f.a);
    const box = a.getByTestId('entry-results');
    const max = LIMITS.entryResults;
    const long = 'Đã rà soát văn bản. '.repeat(Math.ceil((max + 1) / 20)).slice(0, max + 1);
    await box.fill(long);
    expect((await box.inputValue()).length).toBe(max + 1);
    const item = a.locator('.ant-form-item', { has: p.getByTestId('entry-results') });
    // The count (drawn from the wrapper's data-count) and the red border and count.
    const wrapper = item.locator('.ant-input-affix-wrapper');
    expect(await wrapper.getAttribute('data-count')).toBe('20.001 / 20.000');
    expect(await wrapper.getAttribute('class')).toMatch(/ant-input-status-error.*ant-input-out-of-range/);
    const before = await report();
    const resultsOf = (v: ReportView) => v.draft.entries[r.f.a]?.results ?? '';
    await p.getByTestId('report-save').click();
    const message = 'Kết quả đạt được tối đa 20.000 ký tự (đang có 20.001 ký tự)';
    await item.getByText(message).waitFor({ timeout: 10_000 });
    await p.getByText('Báo cáo còn 1 điểm cần sửa').waitFor();
    await shot(p, '12-qua-gioi-han.png');
    // Nothing was sent, nothing cut: the box keeps all of it, the draft is as it was.
    expect((await box.inputValue()).length).toBe(max + 1);
    expect(await p.getByTestId('report-unsaved').innerText()).toBe('Có thay đổi chưa lưu');
    const after = await report();
    expect([after.version, resultsOf(after)]).toEqual([before.version, resultsOf(before)]);
    // One character less fits: the message goes and the whole text is saved.
    await box.press('Control+End');
    await box.press('Backspace');
    await poll(() => item.getByText(message).count()).toBe(0);
    await p.getByTestId('report-save').click();
    await poll(() => p.getByTestId('report-unsaved').innerText(), 15_000).toMatch(/^Đã lưu nháp lúc/);
    expect((await report()).draft.entries[r.f.a]!.results).toBe(long.slice(0, max));
  });

  it('14. the monitor’s view of a 20,000-character result stays short until "Xem thêm"', async () => {
    const rep = await report();
    const long = 'Kết quả rà soát văn bản quy phạm pháp luật của Thành phố. '.repeat(400).slice(0, 20_000);
    const content = {
      entries: {
        [r.f.a]: entry({ status: 'in_progress', percent: 40, results: long, obstacles: 'Thiếu kinh phí.' }),
        [r.f.c]: entry({ status: 'done', results: 'Tổ chức 3 hội nghị tập huấn.' }),
      },
    };
    const saved = await r.stpUser.request('PUT', `/api/reports/${ob}/draft`, { version: rep.version, content });
    expect(saved.status, saved.text).toBe(200);
    const sub = await r.stpUser.post(`/api/reports/${ob}/submit`, { idempotencyKey: 'forms-submit-1' });
    expect(sub.status, sub.text).toBe(200);

    const p = monitorPage;
    await openReport(p);
    await p.getByTestId('review-panel').waitFor({ timeout: 15_000 });
    const height = () => p.evaluate<number>('document.documentElement.scrollHeight');
    expect(await height()).toBeLessThan(2_000);
    await shot(p, '14-xem-xet-thu-gon.png');
    const a = card(p, r.f.a);
    await a.getByText('Xem thêm').click();
    await poll(height).toBeGreaterThan(3_000);
    await a.getByText('Thu gọn').click();
    await poll(height).toBeLessThan(2_000);
  });

  it('13. returning a report asks first and says what it does; "Hủy" keeps it submitted', async () => {
    const p = monitorPage;
    await p.getByTestId('review-comment').fill('Đề nghị bổ sung số liệu cụ thể.');
    await p.getByTestId('review-return').click();
    const pop = p.locator(OPEN_POPOVER, { hasText: 'Trả lại báo cáo cho đơn vị?' });
    await pop.waitFor();
    expect(await pop.getByTestId('review-return-confirm').innerText()).toContain(
      'Phiên bản 1 được ghi là trả lại',
    );
    await shot(p, '13-tra-lai-hoi.png');
    await pop.getByRole('button', { name: 'Hủy' }).click();
    await p.waitForTimeout(500);
    expect((await report()).status).toBe('submitted');
    await p.getByTestId('review-return').click();
    await pop.getByRole('button', { name: 'Trả lại' }).click();
    await poll(async () => (await report()).status).toBe('returned');
  });

  it('13. closing the period asks first, counts the units that have not submitted; "Hủy" keeps it open', async () => {
    const p = monitorPage;
    const period = async () => (await r.monitor.get<PeriodDetail>(`/api/periods/${r.periodId}`)).body;
    await p.goto(`${r.t.base}/ky-bao-cao/${r.periodId}?xem=kho-khan`);
    // The obstacle's own button says what it closes; the period's "Đóng kỳ" stands apart.
    await p.getByTestId('obstacle-close').first().waitFor({ timeout: 15_000 });
    expect(await p.getByTestId('obstacle-close').first().innerText()).toBe('Đóng vướng mắc');
    await p.getByTestId('close-period-button').click();
    const dialog = p.locator('.ant-modal-confirm', { hasText: 'Đóng kỳ báo cáo' });
    const text = dialog.getByTestId('period-status-confirm');
    await text.waitFor();
    // Sở Tư pháp's report was returned, Sở Nội vụ has not started: 2 of 2 have not submitted.
    expect(await text.innerText()).toContain('Còn 2/2 đơn vị chưa nộp báo cáo.');
    expect(await text.innerText()).toContain('không lưu và nộp được báo cáo của kỳ này');
    await shot(p, '13-dong-ky-hoi.png');
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await period()).status).toBe('open');
    await p.getByTestId('close-period-button').click();
    await dialog.getByRole('button', { name: 'Đóng kỳ' }).click();
    await poll(async () => (await period()).status).toBe('closed');
    await p.getByTestId('reopen-period-button').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
