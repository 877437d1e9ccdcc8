/**
 * Browser tests: Debian's Chromium driven by playwright-core (never a downloaded browser), and the
 * first login of a demo account, which must change its one-time password.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { stopServerProcess, type ServerProcess } from './process.js';

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

/** The end of a browser test: closes the browser, stops the server and removes the test's folders. */
export async function shutDown(
  browser: Browser | undefined,
  server: ServerProcess | undefined,
  ...dirs: string[]
): Promise<void> {
  await browser?.close();
  await stopServerProcess(server);
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
}

/** A full-page screenshot from the top (the header is sticky, so a scrolled page would show it twice). */
export async function fullPageShot(page: Page, file: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(SHOTS, file), fullPage: true });
}

/** The `cookie` header a browser context sends to `baseUrl`. */
export async function sessionCookie(ctx: BrowserContext, baseUrl: string): Promise<string> {
  return (await ctx.cookies(baseUrl)).map((c) => `${c.name}=${c.value}`).join('; ');
}

/** Calls the API with the session of a browser context (as the page itself would); throws on an error answer. */
export async function apiWithSession<T>(
  baseUrl: string,
  ctx: BrowserContext,
  method: string,
  url: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(baseUrl + url, {
    method,
    headers: {
      cookie: await sessionCookie(ctx, baseUrl),
      accept: 'application/json',
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(data)}`);
  return data;
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

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

/**
 * The accessibility check of a page as it is now: axe-core's WCAG 2.1 A/AA rules (serious and
 * critical violations) and a page that scrolls sideways. Returns the problems found, each named.
 */
export async function accessibilityProblems(page: Page, name: string): Promise<string[]> {
  const problems: string[] = [];
  await page.evaluate(AXE_SOURCE);
  const res = (await page.evaluate(
    "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })",
  )) as AxeResult;
  if (!Array.isArray(res.violations)) return [`${name}: axe-core did not run`];
  for (const v of res.violations)
    if (v.impact === 'serious' || v.impact === 'critical')
      problems.push(`${name}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  const wide = (await page.evaluate(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  )) as number;
  if (wide > 0) problems.push(`${name}: the page scrolls sideways by ${wide}px`);
  return problems;
}
