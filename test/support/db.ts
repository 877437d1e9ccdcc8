/**
 * Test databases: every database test runs on PGlite, and on the real PostgreSQL when
 * TEST_DATABASE_URL is set (each test file gets a fresh database there, dropped afterwards).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/connection.js';
import type { Deps } from '../../src/features/deps.js';

export type DbKind = 'pglite' | 'postgres';

export const DB_KINDS: DbKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDb {
  database: Database;
  deps: Deps;
  /** A connection string for another process to reach the same database (postgres only). */
  url: string | null;
  close(): Promise<void>;
}

/** Creates a fresh, empty database on the server and returns its URL, plus a function dropping it. */
export async function createPgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL!;
  const name = `thucthi_t_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * Sessions follow the injectable clock (`now(deps)`), and many tests move that clock by weeks: test
 * sessions do not expire by themselves. The session tests set their own limits.
 */
export const TEST_CONFIG = { sessionTtlHours: 24 * 365 * 10, sessionIdleMinutes: 0 };

export async function openTestDb(kind: DbKind): Promise<TestDb> {
  if (kind === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://' });
    return {
      database,
      deps: { db: database.db, config: { ...TEST_CONFIG } },
      url: null,
      close: () => database.close(),
    };
  }
  const { url, drop } = await createPgDatabase();
  const database = await openDatabase({ databaseUrl: url, poolSize: 5 });
  return {
    database,
    deps: { db: database.db, config: { ...TEST_CONFIG } },
    url,
    async close() {
      await database.close();
      await drop();
    },
  };
}
