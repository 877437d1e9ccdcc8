/**
 * Browser test of issue 12's quality bar: a real provincial plan whose concrete tasks sit in a Phụ lục,
 * from the upload to tasks led by units. A real `thucthi start` process on a fresh data folder, Debian's
 * Chromium at 1366×768, the demo monitor:
 * 1. uploads Kế hoạch of UBND tỉnh Lào Cai on Chỉ thị 11-CT/TU (`fixtures/corpus/13-…docx`, a copy of
 *    `../shared/corpus/13-…`) on "Nhập văn bản": its Phụ lục table's 14 rows are tasks PL.1 … PL.14;
 * 2. corrects row PL.12 with the row editor: the lead column holds "UBND các xã, phường" and the
 *    cooperating column "Sở Nông nghiệp và Môi trường, các Sở, ban, ngành" — the two cells are swapped,
 *    then the part after "Sở Nông nghiệp và Môi trường" goes back to the cooperating column;
 * 3. creates the ten proposed units (the province's departments, Thuế tỉnh, Công an tỉnh …, which are not
 *    Hanoi's) in one step with "Tạo các đơn vị đề xuất", and their BODY_UNMATCHED warnings go;
 * 4. publishes ("Ban hành"): the program's task list shows the Phụ lục rows with the leads the document
 *    names matched to the new units; "Chấp nhận tất cả" of "Đề xuất phân công" assigns them, checked in
 *    the task list and through the API.
 * Screenshots go to test-results/e2e/annex-*.
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
import { OPEN_DROPDOWN, clickInPopup, confirm, poll } from '../support/ui.js';
import type { ImportDraft } from '../../src/contract/imports.js';
import type { Program } from '../../src/contract/programs.js';
import type { UnitPage } from '../../src/contract/units.js';
import type { TaskView } from '../../src/domain/plan/assignment.js';

const DOCUMENT = path.resolve('fixtures/corpus/13-laocai-ubnd-kh-trien-khai-ct-11-cttu-khoang-san.docx');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-e2e-annex-'));

const NNMT = 'Sở Nông nghiệp và Môi trường';
/** The bodies the Phụ lục and the body name that neither Hanoi's directory nor the national one knows. */
const PROPOSED = [
  `${NNMT} tỉnh Lào Cai`,
  'Sở Công Thương tỉnh Lào Cai',
  'Sở Xây dựng tỉnh Lào Cai',
  'Sở Tài chính tỉnh Lào Cai',
  'Sở Nội vụ tỉnh Lào Cai',
  'Sở Khoa học và Công nghệ tỉnh Lào Cai',
  'Thanh tra tỉnh Lào Cai',
  'Thuế tỉnh Lào Cai',
  'Công an tỉnh Lào Cai',
  'Bộ Chỉ huy Quân sự tỉnh Lào Cai',
];
/** Phụ lục rows checked after publishing, with the unit that leads each (PL.12 as corrected). */
const LEADS: [string, string][] = [
  ['PL.2', `${NNMT} tỉnh Lào Cai`],
  ['PL.7', 'Sở Xây dựng tỉnh Lào Cai'],
  ['PL.10', 'Thuế tỉnh Lào Cai'],
  ['PL.11', 'Công an tỉnh Lào Cai'],
  ['PL.12', `${NNMT} tỉnh Lào Cai`],
];

describe.skipIf(!hasBrowser)('a provincial plan with a Phụ lục, from the upload to led tasks', () => {
  let server: ServerProcess;
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  let draftId = '';
  let programId = '';
  const unitIds = new Map<string, string>();
  /** The proposed bodies as the document writes them. */
  let proposedTexts: string[] = [];

  const api = <T>(method: string, url: string, body?: unknown) =>
    apiWithSession<T>(server.url, ctx, method, url, body);
  const draft = () => api<ImportDraft>('GET', `/api/imports/${draftId}`);
  const shot = (name: string) => fullPageShot(page, `annex-${name}`);
  const tasksStat = () => page.getByTestId('stat-tasks').locator('.ant-statistic-content-value');
  const panel = () => page.getByTestId('node-panel');
  const leadFact = () => panel().locator('.node-facts .ant-descriptions-row', { hasText: 'Cơ quan chủ trì' });
  const cell = (column: string) => panel().getByLabel(column, { exact: true });
  /** The outline tree's node labelled exactly `label`. */
  const treeNode = (label: string) =>
    page.locator('.outline-tree .outline-title', {
      has: page.locator('.outline-label', { hasText: new RegExp(`^${label.replace('.', '\\.')}$`) }),
    });
  /** Picks `option` in the select `select` whose choices are actions, and waits for `done` to show. */
  const act = (select: () => ReturnType<Page['getByLabel']>, option: string, done: string) =>
    clickInPopup(
      async () => {
        if (!(await page.locator(OPEN_DROPDOWN).count())) await select().click();
        await page.locator(`${OPEN_DROPDOWN} .ant-select-item-option`, { hasText: option }).first().click();
      },
      () => page.getByText(done).first().isVisible(),
      `${option}: ${done}`,
    );
  const warningTexts = async () =>
    page.locator('.draft-warnings > li').evaluateAll((lis) => lis.map((li) => li.textContent ?? ''));
  /** The task table's row of task `label` (the Phụ lục rows are on the second page of 20). */
  const taskRow = (label: string) =>
    page.locator('[data-testid="tasks-table"] .ant-table-row', {
      has: page.locator('td', { hasText: new RegExp(`^${label.replace('.', '\\.')}$`) }),
    });
  /** The task table's second page, where the Phụ lục rows are (after section II's 25 tasks). */
  const secondPage = async () => {
    await page.locator('[data-testid="tasks-table"] .ant-table-row').first().waitFor({ timeout: 15_000 });
    await page
      .locator('.ant-table-wrapper', { has: page.getByTestId('tasks-table') })
      .locator('.ant-pagination-item-2')
      .click();
    await taskRow('PL.14').waitFor();
  };
  const tasks = async () =>
    (await api<{ items: TaskView[] }>('GET', `/api/programs/${programId}/tasks`)).items;

  beforeAll(async () => {
    server = await startServerProcess(['--data-dir', dir]);
    browser = await launchChromium();
    ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    page = await ctx.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  });

  afterAll(() => shutDown(browser, server, dir));

  it('uploads the Lào Cai plan: the Phụ lục rows are tasks PL.1 … PL.14', async () => {
    await firstLogin(page, server.url, server.credentials.monitor!, 'mat-khau-theo-doi-2026');
    await page.getByRole('menuitem', { name: 'Nhập văn bản' }).click();
    await page.waitForURL(/\/nhap-van-ban$/);
    await page.getByRole('tab', { name: 'Tải tệp lên' }).click();
    await page.locator('input[type="file"]').setInputFiles(DOCUMENT);
    await page.waitForURL(/\/nhap-van-ban\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    draftId = /\/nhap-van-ban\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
    // 25 tasks in section II and the 14 rows of the Phụ lục.
    await poll(() => tasksStat().innerText(), 15_000).toBe('39');
    for (let i = 1; i <= 14; i++) await treeNode(`PL.${i}`).waitFor();
    const d = await draft();
    expect(d.doc.tasks.filter((t) => t.label.startsWith('PL.')).map((t) => t.label)).toEqual(
      Array.from({ length: 14 }, (_, i) => `PL.${i + 1}`),
    );
    expect(d.doc.proposedUnits.map((p) => p.name)).toEqual(PROPOSED);
    proposedTexts = d.doc.proposedUnits.flatMap((p) => p.texts);
    expect(proposedTexts).toContain('Thuế tỉnh');
    await shot('01-ban-nhap.png');
  });

  it('corrects row PL.12: the lead read into the cooperating column becomes the lead', async () => {
    await treeNode('PL.12').click();
    await page.getByTestId('row-editor').waitFor();
    expect(await cell('Cơ quan chủ trì').inputValue()).toBe('UBND các xã, phường');
    expect(await cell('Cơ quan phối hợp').inputValue()).toBe(`${NNMT}, các Sở, ban, ngành`);
    expect(await leadFact().innerText()).not.toContain(NNMT);

    // The two cells change places …
    await act(
      () => panel().getByLabel('Chuyển ô “Cơ quan phối hợp” sang cột'),
      'Cơ quan chủ trì (đổi chỗ)',
      'Đã chuyển ô “Cơ quan phối hợp” của PL.12 sang cột “Cơ quan chủ trì”',
    );
    await poll(() => cell('Cơ quan chủ trì').inputValue()).toBe(`${NNMT}, các Sở, ban, ngành`);
    expect(await cell('Cơ quan phối hợp').inputValue()).toBe('UBND các xã, phường');

    // … and what follows the department's name goes back to the cooperating column: the cursor is
    // put right after the name with the keyboard.
    const lead = cell('Cơ quan chủ trì');
    await lead.focus();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < NNMT.length; i++) await page.keyboard.press('ArrowRight');
    await panel()
      .getByText(/Môi trường\|, các Sở, ban, ngành…/)
      .waitFor();
    await act(
      () => panel().getByLabel('Phần sau con trỏ:'),
      'Cơ quan phối hợp',
      'Đã chuyển phần sau con trỏ của ô “Cơ quan chủ trì” sang cột “Cơ quan phối hợp”',
    );
    await poll(() => cell('Cơ quan chủ trì').inputValue()).toBe(NNMT);
    expect(await cell('Cơ quan phối hợp').inputValue()).toMatch(
      /^UBND các xã, phường\s?, các Sở, ban, ngành$/,
    );
    await poll(() => leadFact().innerText()).toContain(NNMT);
    await shot('02-sua-hang-pl12.png');

    const t = (await draft()).doc.tasks.find((x) => x.label === 'PL.12')!;
    expect(t.lead?.text).toBe(NNMT);
    expect(t.leads.map((m) => m.text)).toEqual([NNMT]);
    expect(t.cooperating.map((m) => m.text)).toEqual(['UBND các xã, phường', 'các Sở, ban, ngành']);
  });

  it('creates the proposed units in one step: their “chưa khớp” warnings go', async () => {
    await page.getByRole('tab', { name: /Cảnh báo/ }).click();
    // The warnings about a proposed body, as the text writes it ("Sở Xây dựng", "Thuế tỉnh" …).
    const unmatched = (messages: string[]) =>
      messages.filter((m) => proposedTexts.some((t) => m.includes(`Chưa khớp "${t}"`)));
    await page.locator('.draft-warnings > li').first().waitFor();
    const before = unmatched(await warningTexts());
    expect(proposedTexts.filter((t) => !before.some((m) => m.includes(`"${t}"`)))).toEqual([]);
    await page
      .getByText(`${PROPOSED.length} cơ quan chưa có trong danh mục được đề xuất thêm thành đơn vị mới`)
      .waitFor();
    await page.getByRole('button', { name: 'Tạo các đơn vị đề xuất' }).click();

    const modal = page.locator('.ant-modal:visible', { hasText: 'Tạo các đơn vị đề xuất' });
    await modal.waitFor();
    for (const [i, name] of PROPOSED.entries())
      expect(await modal.getByLabel(`Tên đơn vị đề xuất ${i + 1}`, { exact: true }).inputValue()).toBe(name);
    // The departments go under the province's People's Committee (guessed, and known to the directory).
    const parent = await modal.getByLabel(`Đơn vị cấp trên của “${PROPOSED[0]}”`).locator('..').innerText();
    expect(parent).toContain('Ủy ban nhân dân tỉnh Lào Cai');
    expect(parent).not.toContain('chưa có trong danh mục');
    await shot('03-don-vi-de-xuat.png');
    await modal.getByRole('button', { name: `Tạo ${PROPOSED.length} đơn vị` }).click();
    await page.getByText(`Đã tạo ${PROPOSED.length} đơn vị`).waitFor({ timeout: 15_000 });
    await modal.waitFor({ state: 'detached', timeout: 15_000 });

    await poll(async () => unmatched(await warningTexts()).length).toBe(0);
    await poll(() => page.getByRole('button', { name: 'Tạo các đơn vị đề xuất' }).count()).toBe(0);
    await shot('04-het-canh-bao.png');

    const d = await draft();
    expect(d.doc.proposedUnits).toEqual([]);
    expect(d.doc.warnings.filter((w) => unmatched([w.message]).length)).toEqual([]);
    const found = await api<UnitPage>('GET', '/api/units?q=L%C3%A0o%20Cai&limit=100');
    for (const name of PROPOSED) {
      const u = found.items.find((x) => x.name === name);
      expect(u, name).toBeDefined();
      unitIds.set(name, u!.id);
    }
    expect(found.items.find((x) => x.name === PROPOSED[0])!.parentName).toBe('Ủy ban nhân dân tỉnh Lào Cai');
    // The draft's Phụ lục rows are led by the new units now.
    const pl12 = d.doc.tasks.find((x) => x.label === 'PL.12')!;
    expect(pl12.lead?.unitCodes).toHaveLength(1);
  });

  it('publishes: the Phụ lục rows are tasks, led by the new units', { timeout: 90_000 }, async () => {
    await page.getByRole('button', { name: 'Ban hành' }).first().click();
    await confirm(page, 'Ban hành chương trình?', 'Ban hành');
    await page.waitForURL(/\/chuong-trinh\/[0-9a-f-]{36}/, { timeout: 30_000 });
    programId = /\/chuong-trinh\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await page.getByRole('tab', { name: 'Nội dung' }).waitFor({ timeout: 15_000 });

    // The task list: the Phụ lục rows as tasks, each with the lead the document names, matched to its unit.
    await page.getByRole('tab', { name: /^Nhiệm vụ/ }).click();
    await secondPage();
    for (let i = 1; i <= 14; i++) expect(await taskRow(`PL.${i}`).count(), `PL.${i}`).toBe(1);
    for (const [label, unit] of LEADS) {
      const text = await taskRow(label).innerText();
      expect(text, label).toContain('Chưa giao · văn bản nêu:');
      expect(text, label).toContain(unit);
    }
    expect(await taskRow('PL.12').innerText()).not.toContain('UBND các xã, phường');
    await shot('05-nhiem-vu-theo-van-ban.png');

    const program = await api<Program>('GET', `/api/programs/${programId}`);
    const nodeOf = (label: string) => program.nodes.find((n) => n.isTask && n.label === label)!;
    for (const [label, unit] of LEADS)
      expect(nodeOf(label).extracted?.lead?.unitIds, label).toEqual([unitIds.get(unit)]);

    // "Đề xuất phân công" → "Chấp nhận tất cả": the leads become the tasks' assignments.
    await page.getByRole('tab', { name: 'Đề xuất phân công' }).click();
    await page.getByRole('button', { name: 'Chấp nhận tất cả' }).click();
    await confirm(page, 'Chấp nhận tất cả đề xuất?', 'Chấp nhận tất cả');
    await page.getByText(/^Đã chấp nhận đề xuất cho \d+ mục/).waitFor({ timeout: 30_000 });
    const byLabel = new Map((await tasks()).map((t) => [t.label, t]));
    for (const [label, unit] of LEADS) expect(byLabel.get(label)?.leadUnitId, label).toBe(unitIds.get(unit));

    await page.getByRole('tab', { name: /^Nhiệm vụ/ }).click();
    await secondPage();
    for (const [label, unit] of LEADS) {
      await poll(() => taskRow(label).innerText()).not.toContain('Chưa giao');
      expect(await taskRow(label).innerText(), label).toContain(unit);
    }
    await shot('06-nhiem-vu-da-giao.png');
    expect(pageErrors).toEqual([]);
  });
});
