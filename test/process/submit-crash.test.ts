/**
 * A report submit interrupted by killing the server process (SIGKILL, at varying moments of the
 * request) leaves either the old state (draft, no version, no obstacle, no audit event) or the whole
 * new version, never half; the audit chain stays valid. On PGlite (embedded folder) and PostgreSQL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, TEST_PASSWORD } from '../support/app.js';
import { createPgDatabase, DB_KINDS } from '../support/db.js';
import { startServerProcess, type ServerProcess } from '../support/process.js';
import { reportingProgram } from '../support/reporting.js';
import type { OpenPeriodResult, PeriodDetail } from '../../src/contract/periods.js';
import { openDatabase, rows } from '../../src/db/connection.js';
import { buildApp } from '../../src/http/app.js';
import { loadDemoDataIfEmpty } from '../../src/features/system/demo.js';
import { createUser } from '../../src/features/users/users.service.js';
import { findUnitByCode } from '../../src/db/queries/units.js';
import { systemCtx } from '../../src/features/context.js';
import { verifyAuditChain } from '../../src/features/audit/audit.service.js';
import type { TestApp } from '../support/app.js';

const running: ServerProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const p of running) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  for (const c of cleanups) await c();
});

describe.each(DB_KINDS)('a submit killed mid-request on %s', (kind) => {
  it('leaves the old state or the whole new version', async () => {
    let target: { databaseUrl?: string; dataDir?: string };
    if (kind === 'postgres') {
      const pg = await createPgDatabase();
      cleanups.push(pg.drop);
      target = { databaseUrl: pg.url };
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-crash-'));
      cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
      target = { dataDir: dir };
    }
    const open = () => openDatabase(target);

    // Set up in-process: a program in implementation, an annual period, the unit's full draft.
    let obligationId: string;
    {
      const database = await open();
      const deps = { db: database.db, config: { sessionTtlHours: 12 } };
      await loadDemoDataIfEmpty(deps);
      const app = await buildApp({ database, deps, logLevel: 'silent', webDir: null });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const addr = app.server.address();
      const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
      const mk = async (username: string, role: 'monitor' | 'unit', code: string) => {
        await createUser(deps, systemCtx('test'), {
          username,
          fullName: username,
          role,
          unitId: (await findUnitByCode(deps.db, code))!.id,
          password: TEST_PASSWORD,
        });
        const c = new Client(base);
        await c.post('/api/auth/login', { username, password: TEST_PASSWORD });
        return c;
      };
      const monitor = await mk('crash-monitor', 'monitor', 'BNC-TU');
      const unit = await mk('crash-unit', 'unit', 'SO-TU-PHAP');
      const f = await reportingProgram({ deps } as unknown as TestApp, monitor);
      const p = await monitor.post<OpenPeriodResult>(`/api/programs/${f.programId}/periods`, {
        kind: 'yearly',
        year: 2026,
      });
      const m = await monitor.get<PeriodDetail>(`/api/periods/${p.body.id}`);
      obligationId = m.body.rows.find((r) => r.unitId === f.stp)!.obligationId;
      const r = await unit.get<{ version: number }>(`/api/reports/${obligationId}`);
      const long = 'Kết quả thực hiện chi tiết. '.repeat(600);
      const e = (status: string) => ({
        status,
        results: long,
        obstacles: 'Thiếu kinh phí.',
        proposals: 'Bổ sung biên chế.',
      });
      const s = await unit.request('PUT', `/api/reports/${obligationId}/draft`, {
        version: r.body.version,
        content: { entries: { [f.a]: e('in_progress'), [f.c]: e('in_progress') } },
      });
      expect(s.status).toBe(200);
      await app.close();
      await database.close();
    }

    const env: Record<string, string> = target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : {};
    const args = target.dataDir ? ['--data-dir', target.dataDir] : [];
    const outcomes: string[] = [];
    const delays = [2, 20, -1];
    for (const delay of delays) {
      const srv = await startServerProcess(args, { ...env, THUCTHI_DEMO: '0', REMINDER_SWEEP_SECONDS: '0' });
      running.push(srv);
      const c = new Client(srv.url);
      await c.post('/api/auth/login', { username: 'crash-unit', password: TEST_PASSWORD });
      const req = c
        .post(`/api/reports/${obligationId}/submit`, { idempotencyKey: `crash-${delay}-key` })
        .catch(() => null);
      // The last round waits for the answer: an acknowledged submit must survive the kill.
      const answered = delay === delays.at(-1) ? await req : await new Promise((r) => setTimeout(r, delay));
      if (answered) expect((answered as { status: number }).status).toBe(200);
      srv.child.kill('SIGKILL');
      await srv.exited;
      await req;

      const database = await open();
      try {
        const [o] = await rows<{ status: string; current_version: number; draft: unknown }>(
          database.db,
          sql`select status, current_version, draft from report_obligations where id = ${obligationId}`,
        );
        const versions = await rows<{ content: { entries: Record<string, unknown> } }>(
          database.db,
          sql`select content from report_versions where obligation_id = ${obligationId}`,
        );
        const [obs] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from obstacles`);
        const [submits] = await rows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from audit_events where action = 'report.submit'`,
        );
        if (o!.status === 'submitted') {
          expect([o!.current_version, versions.length, obs!.n, submits!.n]).toEqual([1, 1, 4, 1]);
          expect(Object.keys(versions[0]!.content.entries)).toHaveLength(2);
          expect(o!.draft).toBeNull();
        } else {
          expect(o!.status).toBe('drafting');
          expect([o!.current_version, versions.length, obs!.n, submits!.n]).toEqual([0, 0, 0, 0]);
          expect(o!.draft).not.toBeNull();
        }
        expect((await verifyAuditChain(database.db)).ok).toBe(true);
        outcomes.push(o!.status);
      } finally {
        await database.close();
      }
      if (outcomes.at(-1) === 'submitted') break;
    }
    // The last, slow kill lets the submit finish.
    console.log(`submit killed on ${kind}: ${outcomes.join(', ')}`);
    expect(outcomes.at(-1)).toBe('submitted');
  }, 300_000);
});
