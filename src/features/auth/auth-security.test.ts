/**
 * Issue 10, points 9–11: login throttling that an attacker cannot turn into a lockout, disabled
 * accounts, failed-login names in the audit log, the session cookie and the idle timeout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { DB_KINDS } from '../../../test/support/db.js';
import { startTestApp, TEST_PASSWORD, type Client, type TestApp } from '../../../test/support/app.js';
import { createUser } from '../users/users.service.js';
import { systemCtx } from '../context.js';
import { auditEvents, sessions, users } from '../../db/schema.js';
import { parseTrustProxy } from '../../config.js';
import { THROTTLE } from './throttle.js';
import { loginNameHash } from './auth-key.js';

const WRONG = 'sai-mat-khau-2026';

function from(ip: string, extra: Record<string, string> = {}) {
  return { headers: { 'x-forwarded-for': ip, ...extra } };
}

describe('TRUST_PROXY', () => {
  it('keeps 1/0 as true/false and takes a list of proxy addresses or CIDRs', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('1')).toBe(true);
    expect(parseTrustProxy('10.0.0.5, 192.168.0.0/16,::1')).toEqual(['10.0.0.5', '192.168.0.0/16', '::1']);
    expect(() => parseTrustProxy('proxy.example')).toThrow(/TRUST_PROXY/);
  });
});

describe.each(DB_KINDS)('login throttling and sessions on %s', (kind) => {
  // Behind a trusted proxy at 127.0.0.1: X-Forwarded-For gives each request its client address.
  let t: TestApp;
  let n = 0;
  beforeAll(async () => {
    t = await startTestApp(kind, {
      seed: false,
      trustProxy: ['127.0.0.1'],
      config: { sessionTtlHours: 12, sessionIdleMinutes: 60 },
    });
  });
  afterAll(async () => t?.close());

  async function makeUser(prefix: string) {
    const username = `${prefix}${++n}`;
    const r = await createUser(t.deps, systemCtx('test'), {
      username,
      fullName: `Người ${username}`,
      role: 'monitor',
      password: TEST_PASSWORD,
    });
    return { username, id: r.user.id };
  }
  const login = (c: Client, username: string, password: string, ip: string, extra = {}) =>
    c.request('POST', '/api/auth/login', { username, password }, from(ip, extra));

  async function failedLogins(userId: string) {
    return t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.login_failed'), eq(auditEvents.entityId, userId)));
  }

  it('an attacker elsewhere cannot lock a user out of their usual place', async () => {
    const u = await makeUser('nannhan');
    const c = t.client();
    for (let i = 0; i < THROTTLE.free + 3; i++) await login(c, u.username, WRONG, '203.0.113.7');
    const attacker = await login(c, u.username, TEST_PASSWORD, '203.0.113.7');
    expect(attacker.status).toBe(429);
    expect(attacker.body.code).toBe('AUTH_THROTTLED');
    expect(Number(attacker.headers.get('retry-after'))).toBeGreaterThan(0);
    const home = await login(t.client(), u.username, TEST_PASSWORD, '198.51.100.2');
    expect(home.status).toBe(200);
  });

  it("never refuses a correct password because of the IP's failures on other accounts", async () => {
    const victims = await Promise.all(Array.from({ length: 7 }, () => makeUser('phun')));
    // 7 × 5 = 35 failures from one address, more than the old per-IP lock (30).
    await Promise.all(
      victims.map(async (v) => {
        for (let i = 0; i < THROTTLE.free; i++) await login(t.client(), v.username, WRONG, '203.0.113.9');
      }),
    );
    const colleague = await makeUser('dongnghiep');
    const r = await login(t.client(), colleague.username, TEST_PASSWORD, '203.0.113.9');
    expect(r.status).toBe(200);
  });

  it('counts concurrent wrong guesses atomically: at most the limit get a password check', async () => {
    const u = await makeUser('dongthoi');
    const c = t.client();
    const answers = await Promise.all(
      Array.from({ length: 60 }, () => login(c, u.username, WRONG, '203.0.113.11')),
    );
    const checks = await failedLogins(u.id);
    expect(checks.length).toBe(THROTTLE.free);
    expect(answers.filter((a) => a.status === 401).length).toBe(THROTTLE.free - 1);
    expect(answers.filter((a) => a.status === 429).length).toBe(60 - (THROTTLE.free - 1));
  });

  it('a disabled account answers the same for a right and a wrong password', async () => {
    const u = await makeUser('dakhoa');
    await t.deps.db.update(users).set({ active: false }).where(eq(users.id, u.id));
    const right = await login(t.client(), u.username, TEST_PASSWORD, '198.51.100.20');
    const wrong = await login(t.client(), u.username, WRONG, '198.51.100.21');
    const unknown = await login(t.client(), `khongco${n}`, WRONG, '198.51.100.22');
    expect(right.status).toBe(401);
    expect({ status: right.status, body: right.body }).toEqual({ status: wrong.status, body: wrong.body });
    expect(unknown.body).toEqual(right.body);
    expect(right.body).toEqual({
      code: 'AUTH_INVALID_CREDENTIALS',
      message: 'Tên đăng nhập hoặc mật khẩu không đúng',
    });
  });

  it('keeps no failed-login name verbatim: the user id when it exists, else a keyed hash', async () => {
    const u = await makeUser('gonham');
    await login(t.client(), u.username, WRONG, '198.51.100.30');
    const known = await failedLogins(u.id);
    expect(known).toHaveLength(1);
    expect(JSON.stringify(known[0])).not.toContain(u.username);

    const typed = 'MatKhauGoNham-2026!';
    await login(t.client(), typed, WRONG, '198.51.100.31');
    const [last] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'auth.login_failed'))
      .orderBy(auditEvents.seq)
      .then((r) => r.slice(-1));
    expect(last!.entityId).toBe(`name-hmac:${loginNameHash(t.deps.authKey, typed.toLowerCase())}`);
    expect(JSON.stringify(last).toLowerCase()).not.toContain(typed.toLowerCase());
  });

  it('throttles a wrong current password on password change', async () => {
    const u = await makeUser('doimk');
    const c = t.client();
    expect((await login(c, u.username, TEST_PASSWORD, '198.51.100.40')).status).toBe(200);
    const change = (currentPassword: string) =>
      c.post('/api/account/password', { currentPassword, newPassword: 'mat-khau-moi-2026-x' });
    for (let i = 0; i < THROTTLE.free - 1; i++)
      expect((await change(WRONG)).body.code).toBe('PASSWORD_WRONG');
    const locked = await change(WRONG);
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('AUTH_THROTTLED');
    expect(locked.body.message).toMatch(/^Nhập sai mật khẩu hiện tại quá nhiều lần/);
    // Even the right one waits until the lock ends.
    expect((await change(TEST_PASSWORD)).status).toBe(429);
  });

  it('uses X-Forwarded-For only from a trusted proxy, also for the audit IP', async () => {
    const direct = await startTestApp(kind, { seed: false, trustProxy: ['10.0.0.0/8'] });
    try {
      const u = await createUser(direct.deps, systemCtx('test'), {
        username: 'giamao',
        fullName: 'Người giả mạo',
        role: 'monitor',
        password: TEST_PASSWORD,
      });
      const c = direct.client();
      // A new forged address on every guess does not escape the limit.
      const answers = [];
      for (let i = 0; i < THROTTLE.free + 1; i++)
        answers.push(
          await c.request(
            'POST',
            '/api/auth/login',
            { username: 'giamao', password: WRONG },
            from(`1.2.3.${i}`),
          ),
        );
      expect(answers.at(-1)!.status).toBe(429);
      const ev = await direct.deps.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'auth.login_failed'), eq(auditEvents.entityId, u.user.id)));
      expect(ev.map((e) => e.ip)).toEqual(Array(THROTTLE.free).fill('127.0.0.1'));
    } finally {
      await direct.close();
    }
    // Through the trusted proxy, the client's address is the one recorded.
    const v = await makeUser('quaproxy');
    await login(t.client(), v.username, WRONG, '198.51.100.50');
    expect((await failedLogins(v.id)).map((e) => e.ip)).toEqual(['198.51.100.50']);
  });

  it('marks the session cookie Secure behind TLS, and not over plain HTTP', async () => {
    const u = await makeUser('cookie');
    const plain = await login(t.client(), u.username, TEST_PASSWORD, '198.51.100.60');
    expect(plain.headers.get('set-cookie')).not.toMatch(/Secure/i);
    const tls = await login(t.client(), u.username, TEST_PASSWORD, '198.51.100.60', {
      'x-forwarded-proto': 'https',
    });
    expect(tls.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
  });

  it('refuses a session idle for longer than SESSION_IDLE_MINUTES; activity extends it', async () => {
    const u = await makeUser('nhanroi');
    const t0 = Date.now();
    let at = t0;
    t.deps.clock = () => new Date(at);
    try {
      const c = t.client();
      expect((await login(c, u.username, TEST_PASSWORD, '198.51.100.70')).status).toBe(200);
      const lastSeen = async () =>
        (await t.deps.db.select().from(sessions).where(eq(sessions.userId, u.id)))[0]!.lastSeenAt.getTime();
      at = t0 + 30_000;
      expect((await c.get('/api/auth/me')).status).toBe(200);
      expect(await lastSeen()).toBe(t0); // not rewritten within a minute
      at = t0 + 40 * 60_000;
      expect((await c.get('/api/auth/me')).status).toBe(200);
      expect(await lastSeen()).toBe(at);
      at = t0 + 95 * 60_000; // 55 minutes after the last request
      expect((await c.get('/api/auth/me')).status).toBe(200);
      at = t0 + 156 * 60_000; // 61 minutes idle
      const idle = await c.get('/api/auth/me');
      expect(idle.status).toBe(401);
      expect(idle.body.code).toBe('AUTH_REQUIRED');
      expect((await login(c, u.username, TEST_PASSWORD, '198.51.100.70')).status).toBe(200);
      expect((await c.get('/api/auth/me')).status).toBe(200);
    } finally {
      delete t.deps.clock;
    }
  });
});

describe.each(DB_KINDS)('COOKIE_SECURE on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { seed: false, config: { cookieSecure: true } });
  });
  afterAll(async () => t?.close());

  it('marks the session cookie Secure when COOKIE_SECURE=1, even over plain HTTP', async () => {
    await createUser(t.deps, systemCtx('test'), {
      username: 'antoan',
      fullName: 'Người an toàn',
      role: 'monitor',
      password: TEST_PASSWORD,
    });
    const r = await t.client().post('/api/auth/login', { username: 'antoan', password: TEST_PASSWORD });
    expect(r.status).toBe(200);
    expect(r.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
  });
});

describe('throttle addresses', () => {
  it('counts IPv4 (also IPv4-mapped) per address and IPv6 per /64 network', async () => {
    const { throttleAddress } = await import('./throttle.js');
    expect(throttleAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(throttleAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(throttleAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(throttleAddress('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(throttleAddress('2001:db8::5')).toBe('2001:db8:0:0::/64');
    expect(throttleAddress('::1')).toBe('0:0:0:0::/64');
  });
});
