/**
 * A bench server: the app on a database with the demo data, listening on a free port, and the
 * session cookie of a monitor signed in through the API.
 */
import { openDatabase } from '../src/db/connection.js';
import { buildApp } from '../src/http/app.js';
import { createUser } from '../src/features/users/users.service.js';
import { systemCtx } from '../src/features/context.js';
import { loadDemoDataIfEmpty } from '../src/features/system/demo.js';

export interface BenchServer {
  base: string;
  cookie: string;
  close(): Promise<void>;
}

export async function benchServer(databaseUrl?: string): Promise<BenchServer> {
  const database = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir: 'memory://' });
  const deps = { db: database.db, config: { sessionTtlHours: 12 } };
  await loadDemoDataIfEmpty(deps);
  const password = 'bench-mat-khau-2026';
  const u = await createUser(deps, systemCtx('bench'), {
    username: `bench${Date.now()}`,
    fullName: 'Bench',
    role: 'monitor',
    password,
  });
  const app = await buildApp({
    database,
    deps,
    logLevel: 'silent',
    webDir: null,
    publicRateLimitPerMinute: 0,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const login = await fetch(base + '/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: u.user.username, password }),
  });
  const cookie = /thucthi_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')![0];
  return {
    base,
    cookie,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
