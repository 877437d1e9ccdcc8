import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../test/support/db.js';
import { startTestApp, type Client, type TestApp } from '../../../test/support/app.js';
import { findUnitByCode } from '../../db/queries/units.js';
import type { User, UserCreated, UserPage } from '../../contract/users.js';

describe.each(DB_KINDS)('user administration on %s', (kind) => {
  let t: TestApp;
  let admin: Client & { userId: string };
  let unitId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.loginAs('admin');
    unitId = (await findUnitByCode(t.deps.db, 'SO-Y-TE'))!.id;
  });
  afterAll(async () => t?.close());

  it('creates a user with a one-time password that must be changed', async () => {
    const r = await admin.post<UserCreated>('/api/users', {
      username: 'dauMoi.SoYTe',
      fullName: 'Nguyễn Văn An',
      email: 'an@soyte.hanoi.gov.vn',
      role: 'unit',
      unitId,
    });
    expect(r.status).toBe(201);
    expect(r.body.user).toMatchObject({
      username: 'daumoi.soyte',
      role: 'unit',
      unitName: 'Sở Y tế',
      mustChangePassword: true,
    });
    expect(r.body.oneTimePassword).toMatch(/^[A-Za-z0-9]{14}$/);
    const c = t.client();
    expect(
      (await c.post('/api/auth/login', { username: 'daumoi.soyte', password: r.body.oneTimePassword }))
        .status,
    ).toBe(200);
    expect((await c.get('/api/units')).body.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const dup = await admin.post('/api/users', {
      username: 'DAUMOI.SOYTE',
      fullName: 'Trùng',
      role: 'monitor',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('USERNAME_TAKEN');
  });

  it('requires a unit for the unit role, and an active one', async () => {
    const none = await admin.post('/api/users', {
      username: 'khongdonvi',
      fullName: 'Không đơn vị',
      role: 'unit',
    });
    expect(none.status).toBe(400);
    expect(none.body.code).toBe('USER_UNIT_REQUIRED');
    const inactive = (await findUnitByCode(t.deps.db, 'QH-BA-DINH'))!;
    const old = await admin.post('/api/users', {
      username: 'quancu',
      fullName: 'Quận cũ',
      role: 'unit',
      unitId: inactive.id,
    });
    expect(old.body.code).toBe('USER_UNIT_REQUIRED');
  });

  it('finds users by name ignoring diacritics, edits, disables and re-enables them', async () => {
    const found = await admin.get<UserPage>(`/api/users?q=${encodeURIComponent('nguyen van an')}`);
    expect(found.body.items.map((u) => u.username)).toEqual(['daumoi.soyte']);
    const u = found.body.items[0]!;
    const one = await admin.get<User>(`/api/users/${u.id}`);
    expect(one.body).toMatchObject({ id: u.id, username: 'daumoi.soyte' });
    expect((await admin.get('/api/users/00000000-0000-4000-8000-000000000000')).body.code).toBe(
      'USER_NOT_FOUND',
    );
    const e = await admin.patch<User>(`/api/users/${u.id}`, {
      version: u.version,
      fullName: 'Nguyễn Văn Ân',
    });
    expect(e.status).toBe(200);
    const stale = await admin.patch(`/api/users/${u.id}`, { version: u.version, fullName: 'Cũ' });
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const d = await admin.post<User>(`/api/users/${u.id}/disable`);
    expect(d.body.active).toBe(false);
    expect((await admin.get<UserPage>('/api/users?active=false')).body.items.map((x) => x.id)).toContain(
      u.id,
    );
    const en = await admin.post<User>(`/api/users/${u.id}/enable`);
    expect(en.body.active).toBe(true);
  });

  it('resets a password to a new one-time password', async () => {
    const r = await admin.post<UserCreated>('/api/users', {
      username: 'datlai',
      fullName: 'Đặt Lại',
      role: 'leader',
    });
    const reset = await admin.post<{ oneTimePassword: string }>(
      `/api/users/${r.body.user.id}/reset-password`,
    );
    expect(reset.status).toBe(200);
    expect(reset.body.oneTimePassword).not.toBe(r.body.oneTimePassword);
    expect(
      (await t.client().post('/api/auth/login', { username: 'datlai', password: r.body.oneTimePassword }))
        .status,
    ).toBe(401);
    expect(
      (await t.client().post('/api/auth/login', { username: 'datlai', password: reset.body.oneTimePassword }))
        .status,
    ).toBe(200);
  });

  it('keeps at least one active admin and refuses self-disable', async () => {
    const self = await admin.post(`/api/users/${admin.userId}/disable`);
    expect(self.status).toBe(400);
    expect(self.body.code).toBe('USER_SELF_DISABLE');
    // Disable every other admin; demoting the last one is then refused.
    const admins = await admin.get<UserPage>('/api/users?role=admin&active=true');
    for (const a of admins.body.items.filter((x) => x.id !== admin.userId)) {
      expect((await admin.post(`/api/users/${a.id}/disable`)).status).toBe(200);
    }
    const me = (await admin.get<UserPage>('/api/users?role=admin&active=true')).body.items[0]!;
    const demote = await admin.patch(`/api/users/${me.id}`, { version: me.version, role: 'monitor' });
    expect(demote.status).toBe(400);
    expect(demote.body.code).toBe('LAST_ADMIN');
  });

  it('refuses user administration to every other role', async () => {
    const others = [
      await t.loginAs('monitor'),
      await t.loginAs('leader'),
      await t.loginAs('supervisor'),
      await t.loginAs('unit', { unitCode: 'SO-Y-TE' }),
    ];
    for (const c of others) {
      expect((await c.get('/api/users')).body.code).toBe('FORBIDDEN_ROLE');
      expect((await c.get(`/api/users/${admin.userId}`)).body.code).toBe('FORBIDDEN_ROLE');
      expect((await c.post('/api/users', { username: 'xyz', fullName: 'X', role: 'admin' })).body.code).toBe(
        'FORBIDDEN_ROLE',
      );
      expect((await c.post(`/api/users/${admin.userId}/disable`)).body.code).toBe('FORBIDDEN_ROLE');
      expect((await c.get('/api/audit/verify')).body.code).toBe('FORBIDDEN_ROLE');
    }
  });
});
