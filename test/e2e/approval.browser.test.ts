/**
 * Browser test: the approval of the consolidated report (issue 13, point 6), with a real
 * `thucthi start` process on a fresh data folder and Debian's Chromium. Setup through the API as the
 * demo monitor: the seed program put into "Triển khai", its 2026 annual period opened and the draft
 * of its consolidated report made.
 * 1. The monitor sends the draft ("Trình duyệt"): the tag reads "Chờ duyệt" and the form is read-only.
 * 2. The demo leader goes from the menu to the program, its period and the "Báo cáo tổng hợp" tab, and
 *    returns the report with a comment (required).
 * 3. The monitor sees the comment, edits a section, saves and sends it again.
 * 4. The leader approves it ("Ký duyệt") with a number and a date; the history lists the four steps;
 *    the .docx has the number and the date and no "DỰ THẢO" mark; the monitor has only "Tạo bản sửa đổi".
 * Screenshots (1366×768) go to test-results/e2e/approval-*.
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
import { implementSeedProgram } from '../support/reporting.js';
import { docxParagraphs } from '../support/docx.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-e2e-approval-'));
const DESKTOP = { width: 1366, height: 768 };
const COMMENT = 'Đề nghị bổ sung nguyên nhân chủ quan của các nhiệm vụ chậm tiến độ.';
const EDIT = 'Nguyên nhân chủ quan: một số cơ quan chưa bố trí cán bộ theo dõi.';

describe.skipIf(!hasBrowser)('approval of the consolidated report in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let monitorCtx: BrowserContext;
  let leaderCtx: BrowserContext;
  let monitorPage: Page;
  let leaderPage: Page;
  let periodId = '';
  const pageErrors: string[] = [];

  const poll = <T>(fn: () => Promise<T>, timeout = 15_000) => expect.poll(fn, { timeout });
  const tab = (p: Page) => p.goto(`${server.url}/ky-bao-cao/${periodId}?xem=tong-hop`);
  const statusIs = (p: Page, label: string) =>
    poll(() => p.getByTestId('consolidation-status').innerText()).toContain(label);
  /** Clicks `ok` in the open Popconfirm titled `title`, again if the first click landed while it moved. */
  const confirm = async (p: Page, title: string, ok: string) => {
    const pop = p.locator('.ant-popover:not(.ant-popover-hidden)', { hasText: title });
    await pop.waitFor();
    await poll(async () => {
      if (await pop.count())
        await pop
          .getByRole('button', { name: ok })
          .click({ timeout: 2_000 })
          .catch(() => {});
      return pop.count();
    }).toBe(0);
  };
  const send = async () => {
    await monitorPage.getByTestId('consolidation-send').click();
    await confirm(monitorPage, 'Trình lãnh đạo duyệt?', 'Trình duyệt');
    await statusIs(monitorPage, 'Chờ duyệt');
  };
  const newPage = async (ctx: BrowserContext) => {
    const p = await ctx.newPage();
    p.on('pageerror', (e) => pageErrors.push(`${p.url()}: ${e.message}`));
    return p;
  };

  beforeAll(async () => {
    server = await startServerProcess(['--data-dir', dir]);
    browser = await launchChromium();
    monitorCtx = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    leaderCtx = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    monitorPage = await newPage(monitorCtx);
    leaderPage = await newPage(leaderCtx);
  });

  afterAll(() => shutDown(browser, server, dir));

  it('prepares a period and the draft of its consolidated report through the API', async () => {
    await firstLogin(monitorPage, server.url, server.credentials.monitor!, 'mat-khau-theo-doi-2026');
    const monitor = new Client(server.url);
    monitor.cookie = await sessionCookie(monitorCtx, server.url);
    const programId = await implementSeedProgram(monitor);
    const p = await monitor.post<{ id: string }>(`/api/programs/${programId}/periods`, {
      kind: 'yearly',
      year: 2026,
    });
    expect(p.status, p.text).toBe(201);
    periodId = p.body.id;
    const g = await monitor.post(`/api/periods/${periodId}/consolidation`);
    expect(g.status, g.text).toBe(200);
  });

  it('the monitor sends the draft for approval', async () => {
    await tab(monitorPage);
    await statusIs(monitorPage, 'Dự thảo');
    await send();
    expect(await monitorPage.getByTestId('consolidation-save').count()).toBe(0);
    expect(await monitorPage.getByRole('textbox', { name: 'Nội dung phần' }).first().isDisabled()).toBe(true);
    await fullPageShot(monitorPage, 'approval-1-da-trinh.png');
  });

  it('the leader returns it with a comment', async () => {
    await firstLogin(leaderPage, server.url, server.credentials.leader!, 'mat-khau-lanh-dao-2026');
    // The leader's way there: the menu, the program, its periods, the period's consolidated report.
    await leaderPage.getByRole('menuitem', { name: 'Chương trình hành động' }).click();
    await leaderPage.locator('.ant-table-row a[href^="/chuong-trinh/"]').first().click();
    await leaderPage.getByRole('tab', { name: 'Báo cáo định kỳ' }).click();
    await leaderPage.getByTestId('period-link').first().click();
    await leaderPage.waitForURL(new RegExp(`/ky-bao-cao/${periodId}`));
    await leaderPage.getByRole('tab', { name: 'Báo cáo tổng hợp' }).click();
    await statusIs(leaderPage, 'Chờ duyệt');
    await leaderPage.getByTestId('consolidation-return').click();
    const dialog = leaderPage.getByRole('dialog', { name: 'Trả lại báo cáo tổng hợp' });
    await dialog.waitFor();
    // The comment is required.
    await leaderPage.getByTestId('consolidation-leader-ok').click();
    await dialog.getByText('Vui lòng nhập ý kiến khi trả lại').waitFor();
    await dialog.getByLabel('Ý kiến của lãnh đạo').fill(COMMENT);
    await leaderPage.getByTestId('consolidation-leader-ok').click();
    await statusIs(leaderPage, 'Bị trả lại');
    await fullPageShot(leaderPage, 'approval-2-tra-lai.png');
  });

  it('the monitor sees the comment, edits and sends again', async () => {
    await tab(monitorPage);
    await statusIs(monitorPage, 'Bị trả lại');
    await poll(() => monitorPage.getByTestId('consolidation-returned').innerText()).toContain(COMMENT);
    const box = monitorPage.getByRole('textbox', { name: 'Nội dung phần' }).nth(1);
    await box.fill(`${await box.inputValue()}\n${EDIT}`);
    // Unsaved changes are not sent: "Trình duyệt" waits for the save.
    expect(await monitorPage.getByTestId('consolidation-send').isDisabled()).toBe(true);
    await monitorPage.getByTestId('consolidation-save').click();
    await monitorPage.getByText('Đã lưu báo cáo tổng hợp').waitFor();
    await poll(() => monitorPage.getByTestId('consolidation-send').isDisabled()).toBe(false);
    await send();
  });

  it('the leader approves it with a number and a date; the export is no longer a draft', async () => {
    await tab(leaderPage);
    await statusIs(leaderPage, 'Chờ duyệt');
    await leaderPage.getByTestId('consolidation-approve').click();
    const dialog = leaderPage.getByRole('dialog', { name: 'Ký duyệt báo cáo tổng hợp' });
    await dialog.waitFor();
    const number = dialog.getByLabel('Số văn bản');
    await number.fill('125');
    const date = dialog.getByLabel('Ngày ban hành');
    await date.click();
    await date.fill('10/12/2026');
    // Back to the number: the picker closes with the date typed (Enter would submit the form).
    await number.click();
    await poll(() => date.inputValue()).toBe('10/12/2026');
    await leaderPage.getByTestId('consolidation-leader-ok').click();
    await statusIs(leaderPage, 'Đã ký duyệt');
    const history = leaderPage.getByTestId('consolidation-versions');
    await poll(() => history.locator('.ant-table-row').count()).toBe(4);
    expect(await history.locator('.ant-table-row').first().innerText()).toContain('Số 125, ngày 10/12/2026');
    expect(await history.innerText()).toContain(COMMENT);
    await fullPageShot(leaderPage, 'approval-3-da-ky-duyet.png');

    const r = await fetch(`${server.url}/api/periods/${periodId}/consolidation.docx`, {
      headers: { cookie: await sessionCookie(leaderCtx, server.url) },
    });
    expect(r.status).toBe(200);
    const text = docxParagraphs(Buffer.from(await r.arrayBuffer())).join('\n');
    expect(text).not.toContain('DỰ THẢO');
    expect(text).toContain('ngày 10 tháng 12 năm 2026');
    expect(text).toMatch(/Số:? 125[-/]/);
    expect(text).toContain(EDIT);
  });

  it('the monitor finds it read-only, with only "Tạo bản sửa đổi"', async () => {
    await tab(monitorPage);
    await statusIs(monitorPage, 'Đã ký duyệt');
    await monitorPage.getByTestId('consolidation-revise').waitFor();
    expect(await monitorPage.getByTestId('consolidation-save').count()).toBe(0);
    expect(await monitorPage.getByTestId('consolidation-send').count()).toBe(0);
    const c = await apiWithSession<{ approval: { status: string } }>(
      server.url,
      monitorCtx,
      'GET',
      `/api/periods/${periodId}/consolidation`,
    );
    expect(c.approval.status).toBe('approved');
    expect(pageErrors).toEqual([]);
  });
});
