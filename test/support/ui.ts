/**
 * Steps of the web app's forms that several browser tests take: picking an option of an antd Select,
 * confirming a Popconfirm, filling and submitting a unit's report, reviewing it. Each waits for what
 * the user would see, with more time than vitest's default second (a busy machine animates slowly).
 */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** Polls with more time than vitest's default second. */
export const poll = <T>(fn: () => Promise<T>, timeout = 10_000) => expect.poll(fn, { timeout });

/**
 * An antd popup that is open: a closed one keeps its element (without the "-hidden" class until its
 * closing animation ends, which on a busy machine may take long) but stops taking the pointer.
 */
const openPopup = (prefix: string) =>
  `.${prefix}:not(.${prefix}-hidden):not([style*="pointer-events: none"])`;
export const OPEN_DROPDOWN = openPopup('ant-select-dropdown');
export const OPEN_POPOVER = openPopup('ant-popover');

/**
 * Clicks `target` in a popup until `done`, at most three times. On a busy machine Playwright may
 * scroll the page to reach the target just before pressing; the popup then realigns to its anchor
 * (or flips above it) between the press and the release, and the click lands nowhere.
 */
export async function clickInPopup(
  target: () => Promise<void>,
  done: () => Promise<boolean>,
  what: string,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await target();
    const ok = await poll(done, 3_000)
      .toBe(true)
      .then(
        () => true,
        () => false,
      );
    if (ok) return;
    if (attempt === 3) throw new Error(`${what}: no effect after three clicks`);
  }
}

/** Picks an option of an antd Select and waits until the value is shown and the dropdown closed. */
export async function choose(p: Page, select: Locator, text: string): Promise<void> {
  await poll(() => p.locator(OPEN_DROPDOWN).count()).toBe(0);
  await clickInPopup(
    async () => {
      if (!(await p.locator(OPEN_DROPDOWN).count())) await select.click();
      await p.locator(`${OPEN_DROPDOWN} .ant-select-item-option`, { hasText: text }).first().click();
    },
    async () => (await p.locator(OPEN_DROPDOWN).count()) === 0 && (await select.innerText()).includes(text),
    `choose "${text}"`,
  );
}

/** Confirms the open Popconfirm titled `title` with its button `ok`. */
export async function confirm(p: Page, title: string, ok: string): Promise<void> {
  const pop = p.locator(OPEN_POPOVER, { hasText: title });
  await pop.waitFor();
  await clickInPopup(
    () => pop.getByRole('button', { name: ok }).click(),
    async () => (await p.locator(OPEN_POPOVER).count()) === 0,
    `confirm "${title}"`,
  );
}

/** A task's card in the report editor or view. */
export const reportCard = (p: Page, nodeId: string) => p.getByTestId(`report-task-${nodeId}`);

/** Chooses a task's status in the report editor. */
export const pickStatus = (p: Page, nodeId: string, label: string) =>
  choose(p, reportCard(p, nodeId).getByTestId('entry-status'), label);

/** Waits until the report page shows the status `label`. */
export const reportStatusIs = (p: Page, label: string) =>
  poll(() => p.getByTestId('report-status').innerText(), 15_000).toBe(label);

/** Submits the report in the editor (saving unsaved changes first) and waits for the read-only view. */
export async function submitReport(p: Page): Promise<void> {
  await p.getByTestId('report-submit').click();
  await confirm(p, 'Nộp báo cáo?', 'Nộp báo cáo');
  await p.getByTestId('report-readonly').waitFor({ timeout: 15_000 });
  await reportStatusIs(p, 'Đã nộp');
}

/** Accepts the report open on the monitor's page. */
export async function acceptReport(p: Page): Promise<void> {
  await p.getByTestId('review-panel').waitFor({ timeout: 15_000 });
  await p.getByTestId('review-accept').click();
  await confirm(p, 'Duyệt báo cáo?', 'Duyệt');
  await reportStatusIs(p, 'Đã duyệt');
}

/** Returns the report open on the monitor's page with a general comment. */
export async function returnReport(p: Page, comment: string): Promise<void> {
  const panel = p.getByTestId('review-panel');
  await panel.waitFor({ timeout: 15_000 });
  await p.getByTestId('review-comment').fill(comment);
  await p.getByTestId('review-return').click();
  await confirm(p, 'Trả lại báo cáo cho đơn vị?', 'Trả lại');
  await reportStatusIs(p, 'Bị trả lại');
  await panel.waitFor({ state: 'detached' });
}
