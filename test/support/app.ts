/**
 * A real HTTP server on a free port over a test database, and a small client with a cookie jar.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp, type AppOptions } from '../../src/http/app.js';
import type { Deps } from '../../src/features/deps.js';
import { openTestDb, type DbKind, type TestDb } from './db.js';
import { loadDemoDataIfEmpty } from '../../src/features/system/demo.js';
import { createUser } from '../../src/features/users/users.service.js';
import { findUnitByCode } from '../../src/db/queries/units.js';
import { systemCtx } from '../../src/features/context.js';
import type { Role } from '../../src/domain/roles.js';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export class Client {
  cookie: string | null = null;
  constructor(readonly base: string) {}

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    opts: { raw?: string | Buffer; contentType?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...opts.headers };
    if (this.cookie) headers.cookie = this.cookie;
    let payload: string | Buffer | undefined;
    if (opts.raw !== undefined) {
      payload = opts.raw;
      headers['content-type'] = opts.contentType ?? 'application/json';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(this.base + path, { method, headers, body: payload });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const m = /thucthi_session=([^;]*)/.exec(setCookie);
      if (m) this.cookie = m[1] ? `thucthi_session=${m[1]}` : null;
    }
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('application/json') && text)
      parsed = JSON.parse(text);
    return { status: res.status, body: parsed as T, headers: res.headers, text };
  }
  get<T = Record<string, unknown>>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = Record<string, unknown>>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }
  patch<T = Record<string, unknown>>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body);
  }
}

export interface TestApp extends TestDb {
  app: FastifyInstance;
  base: string;
  client(): Client;
  /** Creates a user with a known password (no forced change) and returns a logged-in client. */
  loginAs(
    role: Role,
    opts?: { unitCode?: string; username?: string; email?: string },
  ): Promise<Client & { userId: string }>;
}

export const TEST_PASSWORD = 'matkhau-thu-nghiem-2026';
let seq = 0;

export async function startTestApp(
  kind: DbKind,
  opts: {
    seed?: boolean;
    app?: Pick<AppOptions, 'webDir' | 'security' | 'trustProxy' | 'publicRateLimitPerMinute'>;
    trustProxy?: AppOptions['trustProxy'];
    config?: Partial<Deps['config']>;
  } = {},
): Promise<TestApp> {
  const tdb = await openTestDb(kind);
  if (opts.config) Object.assign(tdb.deps.config, opts.config);
  if (opts.seed ?? true) await loadDemoDataIfEmpty(tdb.deps);
  const app = await buildApp({
    database: tdb.database,
    deps: tdb.deps,
    logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
    webDir: null,
    trustProxy: opts.trustProxy,
    ...opts.app,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  return {
    ...tdb,
    app,
    base,
    client: () => new Client(base),
    async loginAs(role, o = {}) {
      const unit = o.unitCode ? await findUnitByCode(tdb.deps.db, o.unitCode) : null;
      const username = o.username ?? `${role}${++seq}x${process.pid}`;
      const r = await createUser(tdb.deps, systemCtx('test'), {
        username,
        fullName: `Người thử ${role} ${seq}`,
        role,
        unitId: unit?.id ?? null,
        ...(o.email ? { email: o.email } : {}),
        password: TEST_PASSWORD,
      });
      const c = new Client(base) as Client & { userId: string };
      const res = await c.post('/api/auth/login', { username, password: TEST_PASSWORD });
      if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
      c.userId = r.user.id;
      return c;
    },
    async close() {
      await app.close();
      await tdb.close();
    },
  };
}

/** How many audit events there are of each action starting with `prefix` (e.g. `'consolidation.'`). */
export async function auditActionCounts(t: TestDb, prefix: string): Promise<Record<string, number>> {
  const r = await t.deps.db.execute(
    sql`select action, count(*)::int as n from audit_events where action like ${`${prefix}%`} group by action`,
  );
  return Object.fromEntries(
    (r as unknown as { rows: { action: string; n: number }[] }).rows.map((x) => [x.action, x.n]),
  );
}
