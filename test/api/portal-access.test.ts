/**
 * The portal's door (src/http/app.ts): anonymous, read-only, limited per address, and its errors are
 * pages a citizen can read (JSON only for the API and files).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

describe('the portal door', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('pglite', { seed: false, app: { publicRateLimitPerMinute: 4 } });
  }, 60_000);
  afterAll(async () => t?.close());

  it('answers an unknown portal page with a Vietnamese page, an unknown file with JSON', async () => {
    const page = await fetch(`${t.base}/cong-khai/khong-co-trang-nay`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const body = await page.text();
    expect(body).toContain('<html lang="vi">');
    expect(body).toContain('Không có thông tin công khai này');
    const csv = await fetch(`${t.base}/api/public/khong-co.csv`);
    expect(csv.status).toBe(404);
    expect(((await csv.json()) as { code: string }).code).toBe('ROUTE_NOT_FOUND');
  });

  it('refuses anything but reading', async () => {
    const r = await fetch(`${t.base}/api/public/programs`, { method: 'POST' });
    expect(r.status).toBe(405);
    expect(((await r.json()) as { code: string }).code).toBe('PUBLIC_READ_ONLY');
  });

  it('limits requests per address and says when to come back', async () => {
    // Three requests were made above; the limit is 4 a minute.
    expect((await fetch(`${t.base}/cong-khai/x`)).status).toBe(404);
    const r = await fetch(`${t.base}/cong-khai/x`);
    expect(r.status).toBe(429);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await r.text()).toContain('Quá nhiều yêu cầu');
    // The signed-in app is not limited by the portal's counter.
    expect((await fetch(`${t.base}/healthz`)).status).toBe(200);
  });
});
