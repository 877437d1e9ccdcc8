/**
 * Browser test (issue 10, points 12 and 13), with a real `thucthi start` process and Debian's Chromium:
 * - the web app (login, forced password change, home page) and /docs (Swagger UI renders its
 *   operations) run under the Content-Security-Policy without a single violation;
 * - a page on another origin of the same site (localhost on another port: SameSite=Lax lets the
 *   session cookie through) submits a text/plain form to POST /api/imports, the classic CSRF: the
 *   browser's Origin header gets it refused (403 CROSS_SITE_REQUEST) and no draft is created.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import {
  SHOTS,
  apiWithSession,
  firstLogin,
  hasBrowser,
  launchChromium,
  shutDown,
} from '../support/browser.js';
import { startServerProcess, type ServerProcess } from '../support/process.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-e2e-security-'));

describe.skipIf(!hasBrowser)('security policy in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  let evil: http.Server;
  let evilUrl: string;
  const violations: string[] = [];

  beforeAll(async () => {
    server = await startServerProcess(['--data-dir', dir]);
    browser = await launchChromium();
    ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    page = await ctx.newPage();
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    page.on('pageerror', (e) => violations.push(`pageerror: ${e.message}`));
    // The attacker's page: a form a user is lured into submitting, posting JSON-looking text/plain.
    evil = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><meta charset="utf-8"><title>Khuyến mãi</title>
<form id="f" method="POST" action="${server.url}/api/imports" enctype="text/plain">
<input type="hidden" name='{"text":"KẾ HOẠCH\\nI. NHIỆM VỤ\\n1. Mục\\n- Việc giả mạo từ trang khác.","x":"' value='"}'>
<button type="submit">Nhận quà</button></form>`);
    });
    await new Promise<void>((r) => evil.listen(0, '127.0.0.1', r));
    evilUrl = `http://localhost:${(evil.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    await new Promise((r) => evil?.close(r));
    await shutDown(browser, server, dir);
  });

  it('runs the web app without a CSP violation', async () => {
    await firstLogin(page, server.url, server.credentials.admin!, 'mat-khau-quan-tri-2026');
    await page.locator('.ant-layout').first().waitFor({ timeout: 15_000 });
    // Ant Design's CSS-in-JS styles were applied (style-src allows its <style> elements).
    const styled = await page.evaluate<number>('document.querySelectorAll("style").length');
    expect(styled).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, 'security-01-trang-chu.png') });
    expect(violations).toEqual([]);
  });

  it('loads /docs (Swagger UI) and renders the operations under the same policy', async () => {
    const res = await page.goto(server.url + '/docs');
    expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.locator('.opblock').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.opblock').count()).toBeGreaterThan(50);
    await page.screenshot({ path: path.join(SHOTS, 'security-02-docs.png') });
    expect(violations).toEqual([]);
  });

  it('refuses a cross-origin text/plain form post carrying the session, and creates no draft', async () => {
    const drafts = async () =>
      (await apiWithSession<{ items: unknown[] }>(server.url, ctx, 'GET', '/api/imports')).items.length;
    const before = await drafts();
    await page.goto(evilUrl);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().startsWith(server.url + '/api/imports')),
      page.getByRole('button', { name: 'Nhận quà' }).click(),
    ]);
    expect(response.request().headers()['content-type']).toMatch(/^text\/plain/);
    expect(response.status()).toBe(403);
    expect(((await response.json()) as { code: string }).code).toBe('CROSS_SITE_REQUEST');
    expect(await drafts()).toBe(before);
  });
});
