/**
 * The verify page in Debian's Chromium, without logging in, at a phone's width: the browser
 * re-verifies a leaf's inclusion proof with WebCrypto (and the Ed25519 signature where Chromium has
 * it) and says so in `#ket-qua-trinh-duyet`; with the leaf's text forged in the database it says the
 * leaf is not in the signed tree. No CSP violation, no script error. Screenshots:
 * test-results/e2e/kiem-chung-*.
 */
import { generateKeyPairSync } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fullPageShot, hasBrowser, launchChromium } from '../support/browser.js';
import { startPortalApp, type PortalApp } from '../support/portal.js';
import { signCheckpoint } from '../../src/features/transparency/log.service.js';
import type { LogLeaf, PublicLogState } from '../../src/contract/public.js';

describe.skipIf(!hasBrowser)('the verify page, in Chromium', () => {
  let r: PortalApp;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    r = await startPortalApp('pglite');
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    r.t.deps.publicLog = {
      key: { name: 'thucthi-audit-trinh-duyet', privateKey, publicKey },
      origin: 'thucthi.local/cong-khai',
    };
    expect((await signCheckpoint(r.t.deps)).signed).toBe(true);
    browser = await launchChromium();
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    page = await ctx.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    // (This app serves no web app, so the browser's /favicon.ico gets a 503: not the page's business.)
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
        problems.push(`console: ${m.text()}`);
    });
    page.on('response', (res) => {
      if (res.status() >= 400 && !res.url().endsWith('/favicon.ico'))
        problems.push(`${res.status()} ${res.url()}`);
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await r?.t.close();
  });

  async function progressLeaf(): Promise<LogLeaf> {
    const c = r.t.client();
    const s = (await c.get<PublicLogState>('/api/public/log')).body;
    for (let i = 0; i < s.checkpoint!.size; i++) {
      const l = (await c.get<LogLeaf>(`/api/public/log/leaves/${i}`)).body;
      if (l.kind === 'progress' && l.leaf.includes('"percent":40')) return l;
    }
    throw new Error('no progress leaf');
  }

  it('verifies the inclusion proof in the browser', async () => {
    const leaf = await progressLeaf();
    await page.goto(`${r.t.base}/cong-khai/kiem-chung?leaf=${leaf.index}`);
    await expect
      .poll(() => page.locator('#ket-qua-trinh-duyet').textContent(), { timeout: 10_000 })
      .toContain('Đã kiểm chứng trong trình duyệt của bạn');
    expect(await page.locator('#ket-qua-trinh-duyet').getAttribute('class')).toBe('ok');
    expect(await page.locator('#ket-qua-may-chu').getAttribute('class')).toBe('ok');
    // Ed25519 in WebCrypto: verified where Chromium has it, otherwise the page says the server did.
    await expect
      .poll(() => page.locator('#chu-ky-trinh-duyet').textContent(), { timeout: 10_000 })
      .toMatch(/Chữ ký Ed25519 .* hợp lệ|chưa hỗ trợ kiểm tra chữ ký Ed25519/u);
    expect(await page.locator('#chu-ky-trinh-duyet').textContent()).not.toContain('KHÔNG');
    await fullPageShot(page, 'kiem-chung-hop-le.png');
    // The forms are labelled and keyboard-reachable.
    await page.goto(`${r.t.base}/cong-khai/kiem-chung`);
    await page.getByLabel('Số thứ tự lá').fill(String(leaf.index));
    await page.getByLabel('Số thứ tự lá').press('Enter');
    await page.waitForURL(/leaf=/u);
    await expect
      .poll(() => page.locator('#ket-qua-trinh-duyet').textContent(), { timeout: 10_000 })
      .toContain('Đã kiểm chứng trong trình duyệt của bạn');
    expect(problems).toEqual([]);
  });

  it('says a forged leaf is not in the signed tree', async () => {
    const leaf = await progressLeaf();
    const forged = leaf.leaf.replace('"percent":40', '"percent":95');
    const db = r.t.deps.db;
    await db.execute(sql`alter table transparency_leaves disable trigger user`);
    await db.execute(sql`update transparency_leaves set leaf = ${forged} where idx = ${leaf.index}`);
    await db.execute(sql`alter table transparency_leaves enable trigger user`);
    await page.goto(`${r.t.base}/cong-khai/kiem-chung?leaf=${leaf.index}`);
    await expect
      .poll(() => page.locator('#ket-qua-trinh-duyet').textContent(), { timeout: 10_000 })
      .toContain('KHÔNG hợp lệ');
    expect(await page.locator('#ket-qua-trinh-duyet').getAttribute('class')).toBe('late');
    expect(await page.locator('#ket-qua-may-chu').getAttribute('class')).toBe('late');
    await fullPageShot(page, 'kiem-chung-gia-mao.png');
    expect(problems).toEqual([]);
  });
});
