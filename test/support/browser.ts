/**
 * Browser tests: Debian's Chromium driven by playwright-core (never a downloaded browser), and the
 * first login of a demo account, which must change its one-time password.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasBrowser = fs.existsSync(CHROMIUM);
if (!hasBrowser && process.env.CI) throw new Error(`${CHROMIUM} is required in CI (installed by .ci/run)`);

/** Where screenshots are kept. */
export const SHOTS = path.resolve('test-results/e2e');

export function launchChromium(): Promise<Browser> {
  fs.mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Logs in with a one-time password and sets `newPassword` on the forced change page. */
export async function firstLogin(
  page: Page,
  baseUrl: string,
  user: { username: string; password: string },
  newPassword: string,
): Promise<void> {
  await page.goto(baseUrl + '/');
  await page.waitForURL(/\/dang-nhap/);
  await page.locator('input[name="username"]').fill(user.username);
  await page.locator('input[name="password"]').fill(user.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/tai-khoan\/doi-mat-khau/);
  await page.locator('input[name="currentPassword"]').fill(user.password);
  await page.locator('input[name="newPassword"]').fill(newPassword);
  await page.locator('input[name="confirm"]').fill(newPassword);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await page.waitForURL(
    (u) => !u.pathname.startsWith('/tai-khoan/doi-mat-khau') && !u.pathname.startsWith('/dang-nhap'),
  );
}
