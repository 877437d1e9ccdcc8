/**
 * Browser test: the officials' side of the public portal (issue 14 points 1 and 5), with a real
 * `thucthi start` process on a fresh data folder and Debian's Chromium.
 * 1. The login page links to the portal ("Cổng công khai").
 * 2. The demo monitor opens the program page, chooses "Công khai trên cổng thông tin", reads what
 *    becomes public and what never does, confirms: "Đang công khai từ …" and the link to the portal.
 * 3. On a report with an evidence file, the admin sets the file "Công khai" with the per-file select
 *    (the explanation is there); the report then lists it as public.
 * 4. The monitor publishes the approved consolidated report ("Công bố trên cổng công khai"); its .docx
 *    downloads without login; withdrawn ("Thu hồi"), it answers 404.
 * The menu has "Cổng công khai". Screenshots (1366×768) go to test-results/e2e/publish-*.
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
import { PDF_BYTES, entry, implementSeedProgram } from '../support/reporting.js';
import type { PeriodDetail } from '../../src/contract/periods.js';
import type { ReportView } from '../../src/contract/reports.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-e2e-publish-'));
const DESKTOP = { width: 1366, height: 768 };

describe.skipIf(!hasBrowser)('publishing on the portal in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let ctx: BrowserContext;
  let adminCtx: BrowserContext;
  let page: Page;
  let programId = '';
  let obligation = '';
  let periodId = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServerProcess(['--data-dir', dir]);
    browser = await launchChromium();
    ctx = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    adminCtx = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    page = await ctx.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  });
  afterAll(() => shutDown(browser, server, dir));

  it('links the login page to the portal', async () => {
    await page.goto(`${server.url}/dang-nhap`);
    const link = page.getByTestId('login-portal-link');
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('/cong-khai');
    expect(await link.innerText()).toBe('Cổng công khai');
  });

  it('the monitor makes the program public, after reading what becomes public', async () => {
    await firstLogin(page, server.url, server.credentials.monitor!, 'mat-khau-theo-doi-2026');
    const monitor = new Client(server.url);
    monitor.cookie = await sessionCookie(ctx, server.url);
    programId = await implementSeedProgram(monitor);
    // The demo data made the seed program public at the first start; withdrawn here, to publish it again.
    const seed = (
      await monitor.get<{ publicSince: string | null; version: number }>(`/api/programs/${programId}`)
    ).body;
    expect(seed.publicSince).not.toBeNull();
    const off = await monitor.request('PUT', `/api/programs/${programId}/publicity`, {
      public: false,
      version: seed.version,
    });
    expect(off.status, off.text).toBe(200);
    expect(await page.getByRole('menuitem', { name: 'Cổng công khai' }).count()).toBe(1);
    await page.goto(`${server.url}/chuong-trinh/${programId}`);
    const card = page.getByTestId('program-publicity');
    await card.getByTestId('program-not-public').waitFor();
    await card.getByTestId('program-publicize').click();
    const pop = page.locator('.ant-popover').filter({ hasText: 'Công khai trên cổng thông tin?' });
    await pop.waitFor();
    const text = await pop.innerText();
    for (const never of ['khó khăn, vướng mắc', 'bị trả lại', 'nhận xét', 'bản nháp', 'tên, thư điện tử'])
      expect(text).toContain(never);
    await fullPageShot(page, 'publish-1-xac-nhan.png');
    await pop.getByRole('button', { name: 'Công khai' }).click();
    await card.getByTestId('program-public-since').waitFor();
    expect(await card.getByTestId('program-public-since').innerText()).toMatch(/^Đang công khai từ /);
    expect(await card.getByTestId('program-portal-link').getAttribute('href')).toBe(
      `/cong-khai/chuong-trinh/${programId}`,
    );
    const p = (await monitor.get<{ publicSince: string | null }>(`/api/programs/${programId}`)).body;
    expect(p.publicSince).not.toBeNull();
    await fullPageShot(page, 'publish-2-dang-cong-khai.png');
  });

  it('a file is set public with its select, with the explanation', async () => {
    const p = await adminCtx.newPage();
    p.on('pageerror', (e) => pageErrors.push(`${p.url()}: ${e.message}`));
    await firstLogin(p, server.url, server.credentials.admin!, 'mat-khau-quan-tri-2026');
    const monitor = new Client(server.url);
    monitor.cookie = await sessionCookie(ctx, server.url);
    const period = await monitor.post<{ id: string }>(`/api/programs/${programId}/periods`, {
      kind: 'yearly',
      year: 2026,
    });
    expect(period.status, period.text).toBe(201);
    periodId = period.body.id;
    const rows = (await monitor.get<PeriodDetail>(`/api/periods/${period.body.id}`)).body.rows;
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
    const cookie = await sessionCookie(adminCtx, server.url);
    const up = await fetch(`${server.url}/api/reports/${obligation}/files?filename=bien-ban.pdf`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/octet-stream', origin: server.url },
      body: PDF_BYTES,
    });
    expect(up.status).toBe(201);
    const file = (await up.json()) as { sha256: string; filename: string; size: number; mime: string };
    const lead = rep!.tasks.find((t) => t.role === 'lead')!;
    await apiWithSession(server.url, adminCtx, 'PUT', `/api/reports/${obligation}/draft`, {
      version: rep!.version,
      content: {
        entries: {
          [lead.nodeId]: entry({
            status: 'in_progress',
            percent: 30,
            results: 'Đang làm.',
            evidence: [file],
          }),
        },
      },
    });
    await apiWithSession(server.url, adminCtx, 'POST', `/api/reports/${obligation}/submit`, {
      idempotencyKey: 'cong-khai-1',
    });
    await p.goto(`${server.url}/bao-cao/${obligation}`);
    const select = p.getByTestId('evidence-visibility').first();
    await select.waitFor();
    expect(await select.innerText()).toContain('Nội bộ');
    await select.hover();
    await p
      .getByText('Tệp công khai sẽ hiện trên cổng công khai khi báo cáo được chấp nhận')
      .first()
      .waitFor();
    await select.click();
    await p.locator('.ant-select-dropdown .ant-select-item-option', { hasText: 'Công khai' }).click();
    await expect
      .poll(
        async () =>
          (await apiWithSession<ReportView>(server.url, adminCtx, 'GET', `/api/reports/${obligation}`))
            .publicFiles,
        { timeout: 15_000 },
      )
      .toEqual([file.sha256]);
    await expect.poll(() => select.innerText()).toContain('Công khai');
    await fullPageShot(p, 'publish-3-tep-cong-khai.png');
    expect(pageErrors).toEqual([]);
  });
  it('the monitor publishes the approved consolidated report; anyone downloads it', async () => {
    const monitor = new Client(server.url);
    monitor.cookie = await sessionCookie(ctx, server.url);
    const url = `/api/periods/${periodId}/consolidation`;
    const g = await monitor.post<{ version: number }>(url);
    expect(g.status, g.text).toBe(200);
    const sent = await monitor.post<{ version: number }>(`${url}/send`, { version: g.body.version });
    expect(sent.status, sent.text).toBe(200);
    const leaderCtx = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    await firstLogin(
      await leaderCtx.newPage(),
      server.url,
      server.credentials.leader!,
      'mat-khau-lanh-dao-2026',
    );
    await apiWithSession(server.url, leaderCtx, 'POST', `${url}/approve`, {
      version: sent.body.version,
      number: '12',
      date: '2026-12-01',
    });
    await leaderCtx.close();
    await page.goto(`${server.url}/ky-bao-cao/${periodId}?xem=tong-hop`);
    const card = page.getByTestId('document-publication');
    await card.getByTestId('document-publish').click();
    const pop = page
      .locator('.ant-popover')
      .filter({ hasText: 'Công bố báo cáo tổng hợp trên cổng công khai?' });
    await pop.getByRole('button', { name: 'Công bố' }).click();
    await card.getByTestId('document-published').waitFor({ timeout: 60_000 });
    const href = await card.getByTestId('document-public-docx').getAttribute('href');
    expect(href).toMatch(/^\/cong-khai\/tai-lieu\/[0-9a-f-]{36}\.docx$/);
    // Anonymous: no cookie.
    const file = await fetch(server.url + href!);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/\.docx"$/);
    await fullPageShot(page, 'publish-4-cong-bo.png');
    // Withdrawn: the portal no longer serves it.
    await card.getByTestId('document-withdraw').click();
    await page.locator('.ant-popover').getByRole('button', { name: 'Thu hồi' }).click();
    await card.getByText('Chưa công bố').waitFor();
    expect((await fetch(server.url + href!)).status).toBe(404);
    expect(pageErrors).toEqual([]);
  });
});
