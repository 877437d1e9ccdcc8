import { afterAll, describe, expect, it } from 'vitest';
import { Client } from '../support/app.js';
import { createPgDatabase } from '../support/db.js';
import { runCli, startServerProcess, type ServerProcess } from '../support/process.js';
import type { UnitPage } from '../../src/contract/units.js';
import type { AuditVerifyResult } from '../../src/contract/audit.js';

const hasPg = !!process.env.TEST_DATABASE_URL;
const procs: ServerProcess[] = [];
let drop: (() => Promise<void>) | null = null;
afterAll(async () => {
  for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  await drop?.();
});

describe.skipIf(!hasPg)('several app processes on one PostgreSQL database', () => {
  it('start together (one migrates), share sessions, and keep one audit chain', async () => {
    const db = await createPgDatabase();
    drop = db.drop;
    // Both start at the same moment: migrations run under an advisory lock, demo data loads once.
    const [a, b] = await Promise.all([
      startServerProcess(['--database-url', db.url], { THUCTHI_DEMO: '0' }),
      startServerProcess(['--database-url', db.url], { THUCTHI_DEMO: '0' }),
    ]);
    procs.push(a!, b!);
    const seed = runCli(['seed', '--database-url', db.url]);
    expect(await seed.exited).toBe(0);
    const m = /\[admin\] tên đăng nhập: (\S+)\s+mật khẩu: (\S+)/.exec(seed.stdout())!;

    // Log in on A, then use the same cookie on B.
    const onA = new Client(a!.url);
    expect((await onA.post('/api/auth/login', { username: m[1], password: m[2] })).status).toBe(200);
    expect(
      (await onA.post('/api/account/password', { currentPassword: m[2], newPassword: 'mat-khau-chung-2026' }))
        .status,
    ).toBe(200);
    const onB = new Client(b!.url);
    onB.cookie = onA.cookie;
    expect((await onB.get('/api/auth/me')).status).toBe(200);

    // Writes through both instances at once land in one intact chain.
    const list = await onA.get<UnitPage>('/api/units?kind=commune&limit=30');
    const results = await Promise.all(
      list.body.items.map((u, i) =>
        (i % 2 ? onA : onB).patch(`/api/units/${u.id}/contact`, {
          version: u.version,
          phone: `024 111 ${i}`,
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
    const v = await onB.get<AuditVerifyResult>('/api/audit/verify');
    expect(v.body.ok).toBe(true);

    // Logging out on B ends the session on A too.
    await onB.post('/api/auth/logout');
    expect((await onA.get('/api/auth/me')).status).toBe(401);
  });
});
