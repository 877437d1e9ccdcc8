import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DB_KINDS } from '../../../test/support/db.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../../test/support/app.js';
import { createUser } from '../users/users.service.js';
import { systemCtx } from '../context.js';
import { sessions, users } from '../../db/schema.js';
import { THROTTLE } from './auth.service.js';
import type { MeResponse } from '../../contract/auth.js';

describe.each(DB_KINDS)('auth on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { seed: false });
  });
  afterAll(async () => t?.close());

  async function makeUser(username: string, password?: string) {
    return createUser(t.deps, systemCtx('test'), {
      username,
      fullName: `Người ${username}`,
      role: 'monitor',
      password,
    });
  }

  it('logs in with an http-only SameSite session cookie stored in the database, and logs out', async () => {
    const u = await makeUser('dangnhap1', TEST_PASSWORD);
    const c = t.client();
    const r = await c.post('/api/auth/login', { username: 'DangNhap1', password: TEST_PASSWORD });
    expect(r.status).toBe(200);
    const cookie = r.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect((await t.deps.db.select().from(sessions).where(eq(sessions.userId, u.user.id))).length).toBe(1);
    const stored = await t.deps.db.select().from(users).where(eq(users.id, u.user.id));
    expect(stored[0]!.passwordHash).toMatch(/^\$argon2id\$/);

    const me = await c.get<MeResponse>('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe('dangnhap1');

    const out = await c.post('/api/auth/logout');
    expect(out.status).toBe(200);
    expect((await t.deps.db.select().from(sessions).where(eq(sessions.userId, u.user.id))).length).toBe(0);
    const after = await c.get('/api/auth/me');
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('AUTH_REQUIRED');
  });

  it('refuses a forged or unknown cookie', async () => {
    const c = t.client();
    c.cookie = 'thucthi_session=khong-hop-le';
    const r = await c.get('/api/units');
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('AUTH_REQUIRED');
  });

  it('refuses wrong passwords with a Vietnamese message, then throttles', async () => {
    await makeUser('dangnhap2', TEST_PASSWORD);
    const c = t.client();
    for (let i = 0; i < THROTTLE.free - 1; i++) {
      const r = await c.post('/api/auth/login', { username: 'dangnhap2', password: 'sai-mat-khau-1' });
      expect(r.status).toBe(401);
      expect(r.body).toMatchObject({
        code: 'AUTH_INVALID_CREDENTIALS',
        message: 'Tên đăng nhập hoặc mật khẩu không đúng',
      });
    }
    const locked = await c.post('/api/auth/login', { username: 'dangnhap2', password: 'sai-mat-khau-1' });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('AUTH_THROTTLED');
    expect(locked.headers.get('retry-after')).toBeTruthy();
    // Even the right password is refused while locked.
    const right = await c.post('/api/auth/login', { username: 'dangnhap2', password: TEST_PASSWORD });
    expect(right.status).toBe(429);
    // Another user is not affected.
    await makeUser('dangnhap3', TEST_PASSWORD);
    expect((await c.post('/api/auth/login', { username: 'dangnhap3', password: TEST_PASSWORD })).status).toBe(
      200,
    );
  });

  it('answers an unknown username like a wrong password', async () => {
    const r = await t
      .client()
      .post('/api/auth/login', { username: 'khongtontai', password: 'gi-cung-duoc-1' });
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('forces a one-time password to be changed before anything else', async () => {
    const { oneTimePassword } = await makeUser('motlan1');
    const c = t.client();
    expect((await c.post('/api/auth/login', { username: 'motlan1', password: oneTimePassword })).status).toBe(
      200,
    );
    const me = await c.get<MeResponse>('/api/auth/me');
    expect(me.body.user.mustChangePassword).toBe(true);
    const blocked = await c.get('/api/units');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const weak = await c.post('/api/account/password', {
      currentPassword: oneTimePassword,
      newPassword: 'ngan',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('PASSWORD_WEAK');
    const wrong = await c.post('/api/account/password', {
      currentPassword: 'sai-mat-khau-9',
      newPassword: 'mat-khau-moi-2026',
    });
    expect(wrong.body.code).toBe('PASSWORD_WRONG');

    const ok = await c.post('/api/account/password', {
      currentPassword: oneTimePassword,
      newPassword: 'mat-khau-moi-2026',
    });
    expect(ok.status).toBe(200);
    expect((await c.get('/api/units')).status).toBe(200);
    // The old password no longer works; the new one does.
    expect(
      (await t.client().post('/api/auth/login', { username: 'motlan1', password: oneTimePassword! })).status,
    ).toBe(401);
    expect(
      (await t.client().post('/api/auth/login', { username: 'motlan1', password: 'mat-khau-moi-2026' }))
        .status,
    ).toBe(200);
  });

  it('ends other sessions on password change', async () => {
    await makeUser('haiphien', TEST_PASSWORD);
    const a = t.client();
    const b = t.client();
    await a.post('/api/auth/login', { username: 'haiphien', password: TEST_PASSWORD });
    await b.post('/api/auth/login', { username: 'haiphien', password: TEST_PASSWORD });
    expect(
      (
        await a.post('/api/account/password', {
          currentPassword: TEST_PASSWORD,
          newPassword: 'mat-khau-khac-2026',
        })
      ).status,
    ).toBe(200);
    expect((await a.get('/api/auth/me')).status).toBe(200);
    expect((await b.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses a disabled user at login and drops their sessions', async () => {
    const admin = await t.loginAs('admin');
    const u = await makeUser('sebikhoa', TEST_PASSWORD);
    const c = t.client();
    await c.post('/api/auth/login', { username: 'sebikhoa', password: TEST_PASSWORD });
    expect((await admin.post(`/api/users/${u.user.id}/disable`)).status).toBe(200);
    expect((await c.get('/api/auth/me')).status).toBe(401);
    // A disabled account answers like a wrong password (see auth-security.test.ts).
    const r = await t.client().post('/api/auth/login', { username: 'sebikhoa', password: TEST_PASSWORD });
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect((await admin.post(`/api/users/${u.user.id}/enable`)).status).toBe(200);
    expect(
      (await t.client().post('/api/auth/login', { username: 'sebikhoa', password: TEST_PASSWORD })).status,
    ).toBe(200);
  });
});
