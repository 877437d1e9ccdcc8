/**
 * Browser test: a citizen on the public portal (issue 14, points 1, 2 and 5), in Debian's Chromium at
 * a phone's width (390×844), without logging in.
 * 1. With JavaScript OFF: opens /cong-khai, types a task's words without diacritics in the search
 *    box, opens the task, reads its accepted progress with its source and log entry, downloads the
 *    public evidence file.
 * 2. With JavaScript on: axe-core (WCAG 2.1 A/AA rules) reports no serious or critical violation on
 *    the list, program, task, unit, search and open data pages; no page scrolls sideways (wide tables
 *    scroll inside their frame).
 * Screenshots go to test-results/e2e/portal-*.png.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { accessibilityProblems, fullPageShot, hasBrowser, launchChromium } from '../support/browser.js';
import { startPortalApp, type PortalApp } from '../support/portal.js';

const PHONE = { width: 390, height: 844 };

describe.skipIf(!hasBrowser)('the public portal in Chromium, on a phone', () => {
  let r: PortalApp;
  let browser: Browser;
  beforeAll(async () => {
    r = await startPortalApp('pglite');
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await r?.t.close();
  });

  it('finds a task typed without diacritics, reads its progress and downloads its file, with no JavaScript', async () => {
    const ctx = await browser.newContext({
      viewport: PHONE,
      locale: 'vi-VN',
      javaScriptEnabled: false,
      acceptDownloads: true,
    });
    const page = await ctx.newPage();
    await page.goto(`${r.t.base}/cong-khai`);
    expect(await page.locator('h1').innerText()).toBe('Chương trình đã công khai');
    await fullPageShot(page, 'portal-1-list.png');
    await page.getByLabel('Tìm nhiệm vụ, chương trình').fill('to chuc hoi nghi tap huan');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.waitForURL(/\/cong-khai\/tim-kiem\?q=/);
    const hit = page.getByRole('link', { name: /Tổ chức hội nghị tập huấn/ });
    await fullPageShot(page, 'portal-2-search.png');
    await hit.click();
    await page.waitForURL(new RegExp(`/cong-khai/nhiem-vu/${r.f.c}$`));
    const text = await page.locator('main').innerText();
    expect(text).toContain('Tiến độ đã được chấp nhận');
    expect(text).toMatch(/Báo cáo kỳ .* của Sở Tư pháp .*được Ban Nội chính Thành ủy chấp nhận/);
    expect(text).toMatch(/Sổ công khai, mục số \d+/);
    expect(text).toContain('125/QĐ-STP');
    await fullPageShot(page, 'portal-3-task.png');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'quyet-dinh-ban-hanh.pdf' }).first().click(),
    ]);
    expect(download.suggestedFilename()).toBe('quyet-dinh-ban-hanh.pdf');
    expect(
      fs
        .readFileSync((await download.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await ctx.close();
  });

  it('passes axe-core (no serious or critical violation) and never scrolls sideways', async () => {
    // bypassCSP: the page's policy allows no injected script, and axe is one.
    const ctx = await browser.newContext({ viewport: PHONE, locale: 'vi-VN', bypassCSP: true });
    const page = await ctx.newPage();
    const problems: string[] = [];
    for (const [name, url] of [
      ['list', '/cong-khai'],
      ['program', `/cong-khai/chuong-trinh/${r.f.programId}`],
      ['task', `/cong-khai/nhiem-vu/${r.f.c}`],
      ['unit', `/cong-khai/don-vi/${r.f.stp}`],
      ['search', '/cong-khai/tim-kiem?q=ra+soat'],
      ['data', '/cong-khai/du-lieu'],
    ] as const) {
      await page.goto(r.t.base + url);
      problems.push(...(await accessibilityProblems(page, name)));
      if (name === 'program') await fullPageShot(page, 'portal-4-program.png');
    }
    expect(problems).toEqual([]);
    await ctx.close();
  });
});
