/**
 * Browser test of event notifications: a real `thucthi start` process on a fresh data folder and
 * Debian's Chromium. Through the API, the demo monitor gives Sở Tư pháp two tasks, implements the
 * seed program and opens the 2026 period; the demo unit user (Sở Tư pháp) submits its report.
 * 1. The monitor returns the report with a comment: the unit user's bell count rises, the
 *    notification says what the monitor wrote, and clicking it lands on the report and marks it read.
 * 2. On the account page the unit user turns the e-mail of returned reports off; the choice is kept.
 * Screenshots go to test-results/e2e/notifications-*.
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
import { Client } from '../support/app.js';
import { entry, implementSeedProgram } from '../support/reporting.js';
import { leadOnlyAssignment } from '../support/assignment.js';
import type { ReportView } from '../../src/contract/reports.js';
import type { PeriodDetail } from '../../src/contract/periods.js';
import type { NotificationPreferences } from '../../src/contract/notifications.js';
import type { TaskView } from '../../src/domain/plan/assignment.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-e2e-notifications-'));
const COMMENT = 'Đề nghị bổ sung số liệu về kinh phí thực hiện.';

describe.skipIf(!hasBrowser)('event notifications in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let unitCtx: BrowserContext;
  let page: Page;
  const monitor = { client: null as unknown as Client };
  let obligationId = '';

  const poll = <T>(fn: () => Promise<T>, timeout = 15_000) => expect.poll(fn, { timeout });
  const bellLabel = () => page.getByTestId('notification-bell').getAttribute('aria-label');
  const unreadOf = async () => Number(/(\d+) chưa đọc/.exec((await bellLabel()) ?? '')?.[1] ?? 0);
  const ok = async <T>(r: Promise<{ status: number; text: string; body: T }>) => {
    const x = await r;
    expect(x.status, x.text).toBeLessThan(300);
    return x.body;
  };

  beforeAll(async () => {
    server = await startServerProcess(['--data-dir', dir]);
    browser = await launchChromium();
    unitCtx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    page = await unitCtx.newPage();
  });
  afterAll(() => shutDown(browser, server, dir));

  it('prepares through the API: Sở Tư pháp leads two tasks, the period is open, its report submitted', async () => {
    const m = new Client(server.url);
    const cred = server.credentials.monitor!;
    await ok(m.post('/api/auth/login', cred));
    await ok(
      m.post('/api/account/password', { currentPassword: cred.password, newPassword: 'mk-theo-doi-2026' }),
    );
    await ok(m.post('/api/auth/login', { username: cred.username, password: 'mk-theo-doi-2026' }));
    monitor.client = m;
    const units = await ok(m.get<{ items: { id: string; code: string }[] }>('/api/units?q=so%20tu%20phap'));
    const stp = units.items.find((u) => u.code === 'SO-TU-PHAP')!.id;
    const programId = (await ok(m.get<{ items: { id: string }[] }>('/api/programs'))).items[0]!.id;
    const tasks = async () =>
      (await ok(m.get<{ items: TaskView[] }>(`/api/programs/${programId}/tasks`))).items;
    for (const label of ['II.3.4', 'II.3.5']) {
      const t = (await tasks()).find((x) => x.label === label)!;
      await ok(
        m.request('PUT', `/api/tasks/${t.nodeId}/assignment`, {
          ...leadOnlyAssignment(t.version, stp),
          deadline: { kind: 'date', date: '2026-12-31' },
        }),
      );
    }
    await implementSeedProgram(m);
    const p = await ok(
      m.post<{ id: string }>(`/api/programs/${programId}/periods`, { kind: 'yearly', year: 2026 }),
    );
    const rows = (await ok(m.get<PeriodDetail>(`/api/periods/${p.id}`))).rows;
    obligationId = rows.find((r) => r.unitId === stp)!.obligationId;

    // The demo unit user (Sở Tư pháp) signs in and submits a report on every task it carries.
    await firstLogin(page, server.url, server.credentials.unit!, 'mk-don-vi-2026');
    const api = <T>(method: string, url: string, body?: unknown) =>
      apiWithSession<T>(server.url, unitCtx, method, url, body);
    const rep = await api<ReportView>('GET', `/api/reports/${obligationId}`);
    const entries = Object.fromEntries(
      rep.tasks.map((t) => [
        t.nodeId,
        entry({ status: 'in_progress', percent: 30, results: 'Đang triển khai.' }),
      ]),
    );
    await api('PUT', `/api/reports/${obligationId}/draft`, { version: rep.version, content: { entries } });
    await api('POST', `/api/reports/${obligationId}/submit`, { idempotencyKey: 'thong-bao-e2e-1' });
  });

  it('the bell count rises when the monitor returns the report; the notification leads to the report', async () => {
    await page.goto(server.url + '/');
    await page.getByTestId('notification-bell').waitFor({ timeout: 15_000 });
    // The unread count the server holds, and the bell showing it (its query may still be loading).
    const { unread: before } = await apiWithSession<{ unread: number }>(
      server.url,
      unitCtx,
      'GET',
      '/api/notifications',
    );
    await poll(unreadOf).toBe(before);
    await ok(
      monitor.client.post(`/api/reports/${obligationId}/review`, { decision: 'return', comment: COMMENT }),
    );
    await page.reload();
    await poll(unreadOf).toBe(before + 1);
    await page.getByTestId('notification-bell').click();
    const item = page.getByTestId('notification-item').filter({ hasText: 'bị trả lại' }).first();
    await item.waitFor({ timeout: 15_000 });
    expect(await item.innerText()).toContain(COMMENT);
    expect(await item.getAttribute('href')).toBe(`/bao-cao/${obligationId}`);
    expect(await item.getAttribute('data-unread')).toBe('true');
    await fullPageShot(page, 'notifications-1-chuong.png');
    await item.click();
    await page.waitForURL(new RegExp(`/bao-cao/${obligationId}$`));
    await page.getByTestId('report-page').waitFor({ timeout: 15_000 });
    await poll(unreadOf).toBe(before);
    await fullPageShot(page, 'notifications-2-bao-cao.png');
  });

  it('turns the e-mail of returned reports off on the account page, and the choice is kept', async () => {
    await page.goto(server.url + '/tai-khoan');
    const sw = page.getByTestId('email-pref-report.returned');
    await sw.waitFor({ timeout: 15_000 });
    expect(await sw.getAttribute('aria-checked')).toBe('true');
    await sw.click();
    await page.getByText('Đã tắt thư điện tử: báo cáo bị trả lại').waitFor({ timeout: 15_000 });
    await fullPageShot(page, 'notifications-3-tai-khoan.png');
    await page.reload();
    await poll(() => page.getByTestId('email-pref-report.returned').getAttribute('aria-checked')).toBe(
      'false',
    );
    expect(await page.getByTestId('email-pref-report.accepted').getAttribute('aria-checked')).toBe('true');
    const prefs = await apiWithSession<NotificationPreferences>(
      server.url,
      unitCtx,
      'GET',
      '/api/notifications/preferences',
    );
    expect(prefs.items.filter((x) => !x.email).map((x) => x.kind)).toEqual(['report.returned']);
  });
});
