/**
 * Browser test: a citizen on the public portal (issue 14's quality bar), in Debian's Chromium at a
 * phone's width (390×844), without logging in, with JavaScript on, as one flow:
 * 1. opens /cong-khai, types a task's words without diacritics in the search box, opens the task from
 *    the results and reads its accepted progress (status, %, the report it comes from);
 * 2. follows the progress' "Sổ công khai, mục số N" link: the verify page re-verifies the inclusion
 *    proof in the browser (WebCrypto) against the signed checkpoint;
 * 3. goes back to the program page and downloads the published consolidated report, .docx and .pdf:
 *    the .docx's SHA-256 is the one the document's leaf in the public log states.
 * On every page visited: axe-core (WCAG 2.1 A/AA) finds no serious or critical violation, the page
 * does not scroll sideways; no script error, no console error (a CSP violation is one), no 4xx/5xx
 * answer (except the browser's /favicon.ico: this app serves no web app). The CSP stays on: axe is
 * evaluated through the DevTools protocol, which the policy does not govern.
 * Screenshots go to test-results/e2e/citizen-*.png.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { accessibilityProblems, fullPageShot, hasBrowser, launchChromium } from '../support/browser.js';
import { approveConsolidation, startPortalApp, type PortalApp } from '../support/portal.js';
import { REPORT_PLAN } from '../support/reporting.js';
import { signCheckpoint } from '../../src/features/transparency/log.service.js';
import { fold } from '../../src/domain/text.js';
import type { LogLeaf, PublicLogState } from '../../src/contract/public.js';
import type { PublishedDocument } from '../../src/contract/portal.js';
import type { Consolidation } from '../../src/contract/consolidation.js';
import type { DocumentStatement } from '../../src/domain/transparency/statements.js';

const PHONE = { width: 390, height: 844 };
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const hasSoffice = (() => {
  try {
    execFileSync('sh', ['-c', 'command -v soffice'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
/** Task A of the fixture plan, as written there (with its diacritics). */
const TASK_A = 'Rà soát văn bản quy phạm pháp luật của Thành phố';

describe.skipIf(!hasBrowser)('a citizen on the portal, in Chromium on a phone', () => {
  let r: PortalApp;
  let browser: Browser;
  let doc: PublishedDocument;

  beforeAll(async () => {
    r = await startPortalApp('pglite');
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    r.t.deps.publicLog = {
      key: { name: 'thucthi-audit-cong-dan', privateKey, publicKey },
      origin: 'thucthi.local/cong-khai',
    };
    expect((await signCheckpoint(r.t.deps)).signed).toBe(true);
    // The period's consolidated report: drafted and sent by the monitor, approved by a leader,
    // published by the monitor.
    const g = await r.monitor.post<Consolidation>(`/api/periods/${r.periodId}/consolidation`);
    expect(g.status, g.text).toBe(200);
    const approved = await approveConsolidation(r, await r.t.loginAs('leader'), g.body.version);
    const pub = await r.monitor.post<PublishedDocument>('/api/public-documents', {
      kind: 'consolidated',
      consolidationId: approved.id,
    });
    expect(pub.status, pub.text).toBe(201);
    doc = pub.body;
    expect(doc.pdfSha256 !== null).toBe(hasSoffice);
    // A checkpoint covering the newest leaves (the document's).
    expect((await signCheckpoint(r.t.deps)).signed).toBe(true);
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await r?.t.close();
  });

  /** The public log's leaf stating the published document, read as anyone can. */
  async function documentLeaf(): Promise<{ leaf: LogLeaf; s: DocumentStatement }> {
    const c = r.t.client();
    const state = (await c.get<PublicLogState>('/api/public/log')).body;
    for (let i = state.checkpoint!.size - 1; i >= 0; i--) {
      const l = (await c.get<LogLeaf>(`/api/public/log/leaves/${i}`)).body;
      if (l.kind !== 'document') continue;
      const s = (JSON.parse(l.leaf) as { statement: DocumentStatement }).statement;
      if (s.documentId === doc.id) return { leaf: l, s };
    }
    throw new Error('no document leaf');
  }

  it('finds a task without diacritics, verifies its progress in the log, downloads the published report', async () => {
    expect(REPORT_PLAN).toContain(TASK_A);
    const ctx = await browser.newContext({ viewport: PHONE, locale: 'vi-VN', acceptDownloads: true });
    const page = await ctx.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror at ${page.url()}: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      if (m.location().url.endsWith('/favicon.ico')) return;
      problems.push(`console at ${page.url()}: ${m.text()}`);
    });
    page.on('response', (res) => {
      if (res.status() >= 400 && !res.url().endsWith('/favicon.ico'))
        problems.push(`${res.status()} ${res.url()}`);
    });
    const visited: string[] = [];
    /** axe-core and the page's width, on the page as it is now. */
    async function audit(p: Page, name: string): Promise<void> {
      visited.push(name);
      problems.push(...(await accessibilityProblems(p, name)));
      await fullPageShot(p, `citizen-${visited.length}-${name}.png`);
    }

    // 1. The list of public programs; the search, typed without diacritics.
    await page.goto(`${r.t.base}/cong-khai`);
    expect(await page.locator('h1').innerText()).toBe('Chương trình đã công khai');
    await audit(page, 'danh-sach');
    const typed = fold(TASK_A).split(' ').slice(0, 8).join(' ');
    expect(typed).toBe('ra soat van ban quy pham phap luat');
    await page.getByLabel('Tìm nhiệm vụ, chương trình').fill(typed);
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.waitForURL(/\/cong-khai\/tim-kiem\?q=ra\+soat/);
    await audit(page, 'tim-kiem');

    // 2. The task and its accepted progress.
    await page
      .getByRole('link', { name: new RegExp(TASK_A) })
      .first()
      .click();
    await page.waitForURL(new RegExp(`/cong-khai/nhiem-vu/${r.f.a}$`));
    const main = page.locator('main');
    const text = await main.innerText();
    expect(text).toContain(TASK_A);
    expect(text).toContain('Tiến độ đã được chấp nhận');
    expect(text).toContain('Đang thực hiện (40%)');
    expect(text).toMatch(/Báo cáo kỳ .* của Sở Tư pháp .*được Ban Nội chính Thành ủy chấp nhận/);
    // Not public: the difficulties, and the file the unit left internal.
    expect(text).not.toContain('Thiếu kinh phí');
    expect(text).not.toContain('bien-ban-noi-bo.pdf');
    await audit(page, 'nhiem-vu');

    // 3. Its entry in the public log, verified by the browser itself.
    const entry = main.getByRole('link', { name: /^Sổ công khai, mục số \d+$/ }).first();
    const idx = Number((await entry.innerText()).match(/\d+$/)![0]);
    await entry.click();
    await page.waitForURL(new RegExp(`/cong-khai/kiem-chung\\?leaf=${idx}$`));
    await expect
      .poll(() => page.locator('#ket-qua-trinh-duyet').getAttribute('class'), { timeout: 15_000 })
      .toBe('ok');
    const verdict = (await page.locator('#ket-qua-trinh-duyet').textContent())!;
    expect(verdict).toMatch(
      new RegExp(
        `^Đã kiểm chứng trong trình duyệt của bạn: lá số ${idx} \\(mã băm [0-9a-f]{64}\\) nằm trong cây \\d+ lá`,
      ),
    );
    expect(verdict).not.toContain('KHÔNG');
    expect(await page.locator('#ket-qua-may-chu').getAttribute('class')).toBe('ok');
    await expect
      .poll(() => page.locator('#chu-ky-trinh-duyet').textContent(), { timeout: 10_000 })
      .toMatch(/Chữ ký Ed25519 .* hợp lệ|chưa hỗ trợ kiểm tra chữ ký Ed25519/u);
    expect(await page.locator('#chu-ky-trinh-duyet').textContent()).not.toContain('KHÔNG');
    // The leaf verified is the task's progress, as the task page stated it.
    const leaf = (await r.t.client().get<LogLeaf>(`/api/public/log/leaves/${idx}`)).body;
    expect(leaf.kind).toBe('progress');
    expect(leaf.leaf).toContain(r.f.a);
    expect(leaf.leaf).toContain('"percent":40');
    await audit(page, 'kiem-chung');

    // 4. Back to the task (the browser's back button), then to its program by the breadcrumb.
    await page.goBack();
    await page.waitForURL(new RegExp(`/cong-khai/nhiem-vu/${r.f.a}$`));
    await page.getByRole('navigation', { name: 'Vị trí trang' }).getByRole('link').nth(1).click();
    await page.waitForURL(new RegExp(`/cong-khai/chuong-trinh/${r.f.programId}$`));
    await audit(page, 'chuong-trinh');

    // 5. The published consolidated report, downloaded by clicking; its bytes are what the log states.
    const row = page.locator('table tr', { hasText: 'Báo cáo tổng hợp' });
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toContain(doc.number!);
    const [docx] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('link', { name: 'Tải .docx' }).click(),
    ]);
    expect(docx.suggestedFilename()).toBe(doc.docxName);
    const docxBytes = fs.readFileSync((await docx.path())!);
    expect(docxBytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const { leaf: docLeaf, s } = await documentLeaf();
    expect(docLeaf.proof).not.toBeNull();
    expect(s).toMatchObject({ documentKind: 'consolidated', public: true, number: doc.number });
    expect(sha(docxBytes)).toBe(s.docxSha256);
    if (hasSoffice) {
      const [pdf] = await Promise.all([
        page.waitForEvent('download'),
        row.getByRole('link', { name: 'Tải .pdf' }).click(),
      ]);
      const pdfBytes = fs.readFileSync((await pdf.path())!);
      expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(sha(pdfBytes)).toBe(s.pdfSha256);
    } else {
      expect(await row.getByRole('link', { name: 'Tải .pdf' }).count()).toBe(0);
    }
    expect(page.url()).toMatch(new RegExp(`/cong-khai/chuong-trinh/${r.f.programId}$`));
    // No cookie was ever set: the citizen never logged in.
    expect(await ctx.cookies(r.t.base)).toEqual([]);

    expect(visited).toEqual(['danh-sach', 'tim-kiem', 'nhiem-vu', 'kiem-chung', 'chuong-trinh']);
    expect(problems).toEqual([]);
    await ctx.close();
  });
});
