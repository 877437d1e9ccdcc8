/**
 * Cross-site requests and security headers (issue 10, points 12 and 13), against a real server on
 * PGlite and PostgreSQL:
 * - a state-changing request whose Origin (or, without Origin, Sec-Fetch-Site) is another site's is
 *   refused with 403 CROSS_SITE_REQUEST before it touches anything; the app's own origin (from Host,
 *   from PUBLIC_URL, or from X-Forwarded-* behind a trusted proxy) and requests with neither header pass;
 * - a text/plain body is refused with 415 UNSUPPORTED_MEDIA_TYPE (the one text type a cross-site form
 *   sends without a preflight), naming the accepted types;
 * - the headers of an API response and of the web app's index.html: CSP without inline script,
 *   frame-ancestors 'none', Permissions-Policy, HSTS only when secure, and no inline script in
 *   web/dist/index.html.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { parsePublicUrls } from '../../src/http/security.js';

const EVIL = 'https://evil.example';
const WEB_DIR = path.resolve('web/dist');
const PLAN = 'KẾ HOẠCH\nThử nghiệm\n\nI. NHIỆM VỤ\n\n1. Công tác\n\n- Rà soát văn bản quy phạm pháp luật.\n';

async function draftCount(t: TestApp): Promise<number> {
  const r = await t.database.db.execute<{ n: number }>('select count(*)::int as n from import_drafts');
  return (r as unknown as { rows: { n: number }[] }).rows[0]!.n;
}

/** The CSP of a response as a map directive → sources. */
function csp(headers: Headers): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const part of (headers.get('content-security-policy') ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) m.set(name, values);
  }
  return m;
}

function expectSecurityHeaders(headers: Headers) {
  const p = csp(headers);
  expect(p.get('script-src')).toEqual(["'self'"]);
  expect(p.get('script-src-attr')).toEqual(["'none'"]);
  expect(p.get('default-src')).toEqual(["'self'"]);
  expect(p.get('frame-ancestors')).toEqual(["'none'"]);
  expect(p.get('object-src')).toEqual(["'none'"]);
  expect(p.get('form-action')).toEqual(["'self'"]);
  expect(headers.get('content-security-policy')).not.toMatch(/unsafe-eval/);
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('same-origin');
  expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(headers.get('permissions-policy')).toMatch(/camera=\(\)/);
  expect(headers.get('permissions-policy')).toMatch(/geolocation=\(\)/);
  expect(headers.get('x-powered-by')).toBeNull();
}

describe.each(DB_KINDS)('cross-site requests on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let monitor: Client;

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.loginAs('admin');
    monitor = await t.loginAs('monitor', { unitCode: 'BNC-TU' });
  });
  afterAll(async () => t?.close());

  it('refuses a text/plain POST /api/imports from another site with a session, and creates nothing', async () => {
    const before = await draftCount(t);
    const r = await monitor.request('POST', '/api/imports', undefined, {
      raw: PLAN,
      contentType: 'text/plain',
      headers: { origin: EVIL },
    });
    expect([r.status, r.body.code]).toEqual([403, 'CROSS_SITE_REQUEST']);
    expect(await draftCount(t)).toBe(before);
  });

  it('refuses text/plain from the app itself too (415, naming the accepted types)', async () => {
    const before = await draftCount(t);
    const r = await monitor.request<{ code: string; message: string; details: { accepted: string[] } }>(
      'POST',
      '/api/imports',
      undefined,
      { raw: PLAN, contentType: 'text/plain;charset=UTF-8' },
    );
    expect([r.status, r.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    expect(r.body.details.accepted).toContain('application/json');
    expect(r.body.details.accepted).not.toContain('text/plain');
    // A JSON route answers the same for a text/plain body holding JSON.
    const j = await monitor.request<{ code: string; details: { accepted: string[] } }>(
      'POST',
      '/api/auth/logout',
      undefined,
      { raw: '{}', contentType: 'text/plain' },
    );
    expect([j.status, j.body.code, j.body.details.accepted]).toEqual([
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      ['application/json'],
    ]);
    expect(await draftCount(t)).toBe(before);
    // The same text as JSON, an upload as bytes or as Markdown still work.
    expect((await monitor.post('/api/imports', { text: PLAN })).status).toBe(201);
    for (const contentType of ['application/octet-stream', 'text/markdown']) {
      const up = await monitor.request('POST', '/api/imports?filename=ke-hoach.md', undefined, {
        raw: Buffer.from(PLAN),
        contentType,
      });
      expect(up.status, contentType).toBe(201);
    }
    expect(await draftCount(t)).toBe(before + 3);
  });

  it('refuses body-less cross-site POSTs: disable a user, reset a password, run the sweep, regenerate', async () => {
    const victim = await t.loginAs('monitor', { unitCode: 'BNC-TU' });
    const attempts: [Client, string][] = [
      [admin, `/api/users/${victim.userId}/disable`],
      [admin, `/api/users/${victim.userId}/reset-password`],
      [admin, '/api/reminders/sweep'],
      [monitor, `/api/periods/${crypto.randomUUID()}/consolidation`],
    ];
    for (const [c, url] of attempts) {
      for (const headers of <Record<string, string>[]>[
        { origin: EVIL },
        { origin: 'null' },
        { 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'same-site' },
        // The app's host name on another port, or plain http of an https app, is another origin.
        { origin: t.base.replace(/:(\d+)$/, (_m, p: string) => `:${Number(p) + 1}`) },
      ]) {
        const r = await c.request('POST', url, undefined, { headers });
        expect([r.status, r.body.code], `${url} ${JSON.stringify(headers)}`).toEqual([
          403,
          'CROSS_SITE_REQUEST',
        ]);
      }
    }
    // Nothing happened: the victim still works.
    expect((await victim.get('/api/auth/me')).status).toBe(200);
    const ev = await t.database.db.execute<{ n: number }>(
      "select count(*)::int as n from audit_events where action in ('user.disable', 'user.reset_password')",
    );
    expect((ev as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
  });

  it('lets the app itself, and programs without Origin or Sec-Fetch-Site, change data', async () => {
    const own = await monitor.request(
      'POST',
      '/api/imports',
      { text: PLAN },
      { headers: { origin: t.base } },
    );
    expect(own.status).toBe(201);
    const fetchSite = await monitor.request(
      'POST',
      '/api/imports',
      { text: PLAN },
      {
        headers: { 'sec-fetch-site': 'same-origin' },
      },
    );
    expect(fetchSite.status).toBe(201);
    const typed = await monitor.request(
      'POST',
      '/api/imports',
      { text: PLAN },
      { headers: { 'sec-fetch-site': 'none' } },
    );
    expect(typed.status).toBe(201);
    const cli = await monitor.post('/api/imports', { text: PLAN });
    expect(cli.status).toBe(201);
    // Reading is never refused: a cross-site GET cannot change anything.
    expect(
      (await monitor.request('GET', '/api/imports', undefined, { headers: { origin: EVIL } })).status,
    ).toBe(200);
    // Login from another site is refused too (login CSRF).
    const login = await t
      .client()
      .request('POST', '/api/auth/login', { username: 'x', password: 'y' }, { headers: { origin: EVIL } });
    expect([login.status, login.body.code]).toEqual([403, 'CROSS_SITE_REQUEST']);
  });
});

describe('the own origin: PUBLIC_URL and a trusted proxy', () => {
  let pub: TestApp;
  let proxied: TestApp;

  beforeAll(async () => {
    pub = await startTestApp('pglite', {
      seed: false,
      app: { security: { publicUrl: 'https://thucthi.example.gov.vn, https://thucthi.internal:8443/' } },
    });
    proxied = await startTestApp('pglite', { seed: false, app: { trustProxy: true } });
  });
  afterAll(async () => {
    await pub?.close();
    await proxied?.close();
  });

  /** The code a body-less POST gets: AUTH_REQUIRED once past the origin check, else CROSS_SITE_REQUEST. */
  const post = async (t: TestApp, headers: Record<string, string>) =>
    (await t.client().request('POST', '/api/auth/logout', undefined, { headers })).body.code;
  const PASSES = 'AUTH_REQUIRED';
  const REFUSED = 'CROSS_SITE_REQUEST';

  it('with PUBLIC_URL, only its origins pass, not the Host the request names', async () => {
    expect(await post(pub, { origin: 'https://thucthi.example.gov.vn' })).toBe(PASSES);
    expect(await post(pub, { origin: 'https://THUCTHI.example.gov.vn:443' })).toBe(PASSES);
    expect(await post(pub, { origin: 'https://thucthi.internal:8443' })).toBe(PASSES);
    expect(await post(pub, {})).toBe(PASSES);
    expect(await post(pub, { origin: 'http://thucthi.example.gov.vn' })).toBe(REFUSED);
    expect(await post(pub, { origin: 'https://thucthi.internal' })).toBe(REFUSED);
    expect(await post(pub, { origin: pub.base })).toBe(REFUSED);
  });

  it('behind a trusted proxy, the forwarded host and scheme are the own origin', async () => {
    const fwd = { 'x-forwarded-host': 'thucthi.example.gov.vn', 'x-forwarded-proto': 'https' };
    expect(await post(proxied, { ...fwd, origin: 'https://thucthi.example.gov.vn' })).toBe(PASSES);
    expect(await post(proxied, { ...fwd, origin: 'http://thucthi.example.gov.vn' })).toBe(REFUSED);
    expect(await post(proxied, { ...fwd, origin: EVIL })).toBe(REFUSED);
    expect(await post(proxied, { origin: proxied.base })).toBe(PASSES);
  });

  it('refuses a PUBLIC_URL that is not an http(s) address', () => {
    expect(() => parsePublicUrls('thucthi.example.gov.vn')).toThrow(/PUBLIC_URL/);
    expect(() => parsePublicUrls('javascript:alert(1)')).toThrow(/PUBLIC_URL/);
    expect(parsePublicUrls(' https://A.example:443/x , http://b.example:8080 ')).toEqual([
      'https://a.example',
      'http://b.example:8080',
    ]);
  });
});

describe('security headers', () => {
  let plain: TestApp;
  let httpsOnly: TestApp;
  let proxied: TestApp;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(WEB_DIR, 'index.html')))
      throw new Error('web/dist is missing: run `npm run build:web` first');
    plain = await startTestApp('pglite', { seed: false, app: { webDir: WEB_DIR } });
    httpsOnly = await startTestApp('pglite', {
      seed: false,
      app: { webDir: WEB_DIR, security: { httpsOnly: true } },
    });
    proxied = await startTestApp('pglite', { seed: false, app: { webDir: WEB_DIR, trustProxy: true } });
  });
  afterAll(async () => {
    await plain?.close();
    await httpsOnly?.close();
    await proxied?.close();
  });

  it('sets CSP, frame-ancestors, Permissions-Policy on an API answer, an error and index.html; no HSTS on http', async () => {
    for (const url of ['/api/auth/me', '/healthz', '/api/nope', '/', '/periods/x']) {
      const r = await fetch(plain.base + url);
      expectSecurityHeaders(r.headers);
      expect(r.headers.get('strict-transport-security'), url).toBeNull();
      expect(csp(r.headers).has('upgrade-insecure-requests')).toBe(false);
    }
  });

  it('index.html and the built app load no inline script, so script-src self is enough', async () => {
    const r = await fetch(plain.base + '/');
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    const html = await r.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\/assets\//);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i); // no inline event handlers (script-src-attr 'none')
    // The assets are served with the same policy.
    const src = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const js = await fetch(plain.base + src);
    expect(js.status).toBe(200);
    expectSecurityHeaders(js.headers);
  });

  it('sends HSTS when HTTPS-only (COOKIE_SECURE=1) or when a trusted proxy says https', async () => {
    for (const url of ['/api/auth/me', '/']) {
      const r = await fetch(httpsOnly.base + url);
      expect(r.headers.get('strict-transport-security'), url).toMatch(/max-age=31536000/);
      expect(csp(r.headers).has('upgrade-insecure-requests')).toBe(true);
    }
    const viaTls = await fetch(proxied.base + '/api/auth/me', { headers: { 'x-forwarded-proto': 'https' } });
    expect(viaTls.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    const viaHttp = await fetch(proxied.base + '/api/auth/me');
    expect(viaHttp.headers.get('strict-transport-security')).toBeNull();
  });

  it('/docs (Swagger UI) loads only its own scripts under the same policy', async () => {
    const r = await fetch(plain.base + '/docs/');
    expect(r.status).toBe(200);
    expectSecurityHeaders(r.headers);
    const html = await r.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\.?\/(docs\/)?static\//);
      expect(body!.trim()).toBe('');
    }
    const init = await fetch(plain.base + '/docs/static/swagger-initializer.js');
    expect(init.status).toBe(200);
    expect((await fetch(plain.base + '/docs/json')).status).toBe(200);
  });
});
