import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../test/support/db.js';
import { startTestApp, type Client, type TestApp } from '../../../test/support/app.js';
import { findUnitByCode } from '../../db/queries/units.js';
import type { Unit, UnitPage } from '../../contract/units.js';

describe.each(DB_KINDS)('units directory on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let monitor: Client;
  let unitUser: Client;
  let ownId: string;
  let otherId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.loginAs('admin');
    monitor = await t.loginAs('monitor', { unitCode: 'BNC-TU' });
    unitUser = await t.loginAs('unit', { unitCode: 'SO-TU-PHAP' });
    ownId = (await findUnitByCode(t.deps.db, 'SO-TU-PHAP'))!.id;
    otherId = (await findUnitByCode(t.deps.db, 'SO-Y-TE'))!.id;
  });
  afterAll(async () => t?.close());

  it('is seeded: 126 communes, 30 inactive districts, 15 city departments, the national bodies', async () => {
    const communes = await monitor.get<UnitPage>('/api/units?kind=commune&limit=1');
    expect(communes.body.total).toBe(126);
    const districts = await monitor.get<UnitPage>('/api/units?kind=district&active=false&limit=1');
    expect(districts.body.total).toBe(30);
    expect((await monitor.get<UnitPage>('/api/units?kind=district&active=true')).body.total).toBe(0);
    const ubnd = (await findUnitByCode(t.deps.db, 'UBND'))!;
    const cityDepartments = `/api/units?kind=department&parentId=${ubnd.id}&limit=1`;
    expect((await monitor.get<UnitPage>(cityDepartments)).body.total).toBe(15);
    // The national directory: 5 directorates of Bộ Tài chính (2 current, 3 former) are departments too.
    expect((await monitor.get<UnitPage>('/api/units?kind=department&limit=1')).body.total).toBe(20);
    // 33 current provinces (Hà Nội is the city's own UBND) and 52 former ones; 14 + 3 ministries in force.
    expect((await monitor.get<UnitPage>('/api/units?kind=province&active=true&limit=1')).body.total).toBe(33);
    expect((await monitor.get<UnitPage>('/api/units?kind=province&active=false&limit=1')).body.total).toBe(
      52,
    );
    expect((await monitor.get<UnitPage>('/api/units?kind=ministry&active=true&limit=1')).body.total).toBe(17);
  });

  it('finds units ignoring case and diacritics', async () => {
    for (const q of ['ban noi chinh', 'BAN NỘI CHÍNH', 'noi chinh thanh uy']) {
      const r = await monitor.get<UnitPage>(`/api/units?q=${encodeURIComponent(q)}`);
      expect(
        r.body.items.map((u) => u.name),
        q,
      ).toContain('Ban Nội chính Thành ủy');
    }
    const hn = await monitor.get<UnitPage>(`/api/units?q=${encodeURIComponent('ha noi')}&limit=1000`);
    expect(hn.body.items.some((u) => u.name === 'Tòa án nhân dân Thành phố Hà Nội')).toBe(true);
    const dd = await monitor.get<UnitPage>(`/api/units?q=${encodeURIComponent('dang doan hdnd')}`);
    expect(dd.body.items[0]?.name).toBe('Đảng đoàn HĐND Thành phố');
    // Wildcards in the query are literal.
    expect((await monitor.get<UnitPage>('/api/units?q=%25')).body.total).toBe(0);
  });

  it('lets an admin create and edit a unit, with optimistic versions', async () => {
    const ubnd = (await findUnitByCode(t.deps.db, 'UBND'))!;
    const c = await admin.post<Unit>('/api/units', {
      code: 'SO-THU',
      name: 'Sở Thử nghiệm',
      kind: 'department',
      parentId: ubnd.id,
    });
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({
      code: 'SO-THU',
      parentName: 'Ủy ban nhân dân Thành phố Hà Nội',
      version: 1,
    });
    const dup = await admin.post('/api/units', { code: 'SO-THU', name: 'Trùng', kind: 'department' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('UNIT_CODE_TAKEN');

    const e1 = await admin.patch<Unit>(`/api/units/${c.body.id}`, { version: 1, name: 'Sở Thử nghiệm mới' });
    expect(e1.status).toBe(200);
    expect(e1.body.version).toBe(2);
    const stale = await admin.patch(`/api/units/${c.body.id}`, { version: 1, name: 'Ghi đè' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect(String(stale.body.message)).toMatch(/đã được .* thay đổi lúc \d\d:\d\d \d\d\/\d\d\/\d{4}/);
    expect((await monitor.get<Unit>(`/api/units/${c.body.id}`)).body.name).toBe('Sở Thử nghiệm mới');
  });

  it('refuses a parent cycle and a missing parent', async () => {
    const a = await admin.post<Unit>('/api/units', { code: 'VONG-A', name: 'Vòng A', kind: 'other' });
    const b = await admin.post<Unit>('/api/units', {
      code: 'VONG-B',
      name: 'Vòng B',
      kind: 'other',
      parentId: a.body.id,
    });
    const cyc = await admin.patch(`/api/units/${a.body.id}`, { version: 1, parentId: b.body.id });
    expect(cyc.status).toBe(400);
    expect(cyc.body.code).toBe('UNIT_PARENT_INVALID');
    const self = await admin.patch(`/api/units/${a.body.id}`, { version: 1, parentId: a.body.id });
    expect(self.body.code).toBe('UNIT_PARENT_INVALID');
    const missing = await admin.post('/api/units', {
      code: 'VONG-C',
      name: 'Vòng C',
      kind: 'other',
      parentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing.body.code).toBe('UNIT_PARENT_INVALID');
  });

  it('refuses directory changes by non-admins', async () => {
    for (const c of [monitor, unitUser]) {
      const r = await c.post('/api/units', { code: 'KHONG', name: 'Không được', kind: 'other' });
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('FORBIDDEN_ROLE');
      const p = await c.patch(`/api/units/${ownId}`, { version: 1, name: 'Đổi tên' });
      expect(p.status).toBe(403);
      const imp = await c.request('POST', '/api/units/import', undefined, {
        raw: 'code,name,kind\nX,Y,other\n',
        contentType: 'text/csv',
      });
      expect(imp.status).toBe(403);
    }
  });

  describe('unit scope: a unit user acts only for its own unit', () => {
    it('edits its own contact data, not another unit’s', async () => {
      const own = await unitUser.get<Unit>(`/api/units/${ownId}`);
      const ok = await unitUser.patch<Unit>(`/api/units/${ownId}/contact`, {
        version: own.body.version,
        email: 'sotuphap@hanoi.gov.vn',
        phone: '024 3825 3638',
      });
      expect(ok.status).toBe(200);
      expect(ok.body.email).toBe('sotuphap@hanoi.gov.vn');
      const other = await unitUser.get<Unit>(`/api/units/${otherId}`);
      const refused = await unitUser.patch(`/api/units/${otherId}/contact`, {
        version: other.body.version,
        email: 'x@y.vn',
      });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN_UNIT_SCOPE');
      expect((await admin.get<Unit>(`/api/units/${otherId}`)).body.email).toBe(other.body.email);
    });

    it('reads its own members, not another unit’s', async () => {
      const own = await unitUser.get<{ items: { username: string }[] }>(`/api/units/${ownId}/members`);
      expect(own.status).toBe(200);
      expect(own.body.items.length).toBeGreaterThan(0);
      const refused = await unitUser.get(`/api/units/${otherId}/members`);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN_UNIT_SCOPE');
      expect((await monitor.get(`/api/units/${otherId}/members`)).status).toBe(200);
    });

    it('reads its own unit’s history, not another unit’s or the whole trail', async () => {
      expect((await unitUser.get(`/api/audit?entityType=unit&entityId=${ownId}`)).status).toBe(200);
      const refused = await unitUser.get(`/api/audit?entityType=unit&entityId=${otherId}`);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN_UNIT_SCOPE');
      expect((await unitUser.get('/api/audit')).body.code).toBe('FORBIDDEN_UNIT_SCOPE');
      expect((await monitor.get(`/api/audit?entityType=unit&entityId=${otherId}`)).status).toBe(200);
    });
  });

  it('exports CSV with a BOM that imports back unchanged', async () => {
    const r = await monitor.get('/api/units/export.csv');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/csv/);
    expect(r.headers.get('content-disposition')).toMatch(/attachment/);
    const raw = Buffer.from(
      await (
        await fetch(t.base + '/api/units/export.csv', { headers: { cookie: monitor.cookie! } })
      ).arrayBuffer(),
    );
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(r.text).toContain('Ban Nội chính Thành ủy');
    const back = await admin.request<{ created: number; updated: number; unchanged: number }>(
      'POST',
      '/api/units/import',
      undefined,
      {
        raw: r.text,
        contentType: 'text/csv; charset=utf-8',
      },
    );
    expect(back.status).toBe(200);
    expect(back.body.created + back.body.updated).toBe(0);
    expect(back.body.unchanged).toBeGreaterThan(190);
  });

  it('imports new and changed rows, and nothing at all when a row is bad', async () => {
    const before = (await monitor.get<UnitPage>('/api/units?limit=1')).body.total;
    const good =
      'code,name,short_name,kind,parent_code,active\nX-MOI,Phường Mới,Mới,commune,UBND,1\nSO-THU,Sở Thử nghiệm (đổi),,department,UBND,0\n';
    const r = await admin.request<{ created: number; updated: number }>(
      'POST',
      '/api/units/import',
      undefined,
      {
        raw: good,
        contentType: 'text/csv',
      },
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ created: 1, updated: 1 });
    const changed = (await monitor.get<UnitPage>('/api/units?q=so-thu')).body.items[0]!;
    expect(changed).toMatchObject({ name: 'Sở Thử nghiệm (đổi)', active: false, version: 3 });

    const bad = 'code,name,kind,parent_code\nX-HAI,Hai,commune,UBND\nX-BA,Ba,commune,KHONG-CO\n';
    const refused = await admin.request<{
      code: string;
      details: { errors: { line: number; code: string }[] };
    }>('POST', '/api/units/import', undefined, { raw: bad, contentType: 'text/csv' });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('UNIT_CSV_INVALID');
    expect(refused.body.details.errors).toEqual([
      expect.objectContaining({ line: 3, code: 'UNIT_PARENT_UNKNOWN' }),
    ]);
    expect((await monitor.get<UnitPage>('/api/units?limit=1')).body.total).toBe(before + 1);
    expect((await monitor.get<UnitPage>('/api/units?q=x-hai')).body.total).toBe(0);
  });

  it('refuses a CSV that is not UTF-8', async () => {
    const latin1 = Buffer.from('code,name,kind\nX-L1,H\xe0 N\xf4i,other\n', 'latin1');
    const r = await admin.request('POST', '/api/units/import', undefined, {
      raw: latin1,
      contentType: 'text/csv',
    });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('VALIDATION_FAILED');
  });
});
