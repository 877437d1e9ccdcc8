/**
 * Opens the database: embedded PGlite in a data folder (default) or a PostgreSQL server (DATABASE_URL).
 * Migrations are applied by the app itself at open, under a lock so several instances can start at once.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.js';
import { acquireDirLock, type DirLock } from './lock.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or a transaction: repositories accept both. */
export type DbOrTx = Db | Tx;

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const MIGRATION_LOCK_KEY = 727_2701; // arbitrary, stable advisory lock id

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for logs (never contains a password). */
  location: string;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: a consistent gzipped tar of the data folder (after a CHECKPOINT). */
  dumpDataDir?: () => Promise<Uint8Array>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** PGlite: restore the data folder from this dump (made by `dumpDataDir`) into an empty folder. */
  loadDataDir?: Uint8Array;
  /** PGlite data folder; 'memory://' for a throwaway in-memory database. */
  dataDir?: string;
  /**
   * true (default): apply pending migrations. 'check' (PostgreSQL): apply nothing and refuse to open
   * when a migration is missing — for an app role that owns no table (migrations run as the owner).
   */
  migrate?: boolean | 'check';
  poolSize?: number;
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const migrateNow = opts.migrate ?? true;
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    pool.on('error', () => {
      /* idle client lost its connection; the pool replaces it and /readyz reports the outage */
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    if (migrateNow === 'check') {
      try {
        await checkMigrationsApplied(pool);
      } catch (e) {
        await pool.end();
        throw e;
      }
    } else if (migrateNow) {
      await migrateWithLock(pool).catch(async (e: unknown) => {
        await pool.end();
        throw e;
      });
    }
    return {
      db,
      kind: 'postgres',
      location: redactUrl(opts.databaseUrl),
      async ping() {
        await pool.query('select 1');
      },
      async close() {
        await pool.end();
      },
    };
  }

  const dataDir = opts.dataDir ?? './data';
  const inMemory = dataDir.startsWith('memory://');
  let lock: DirLock | null = null;
  if (!inMemory) lock = acquireDirLock(dataDir);
  let client: PGlite;
  try {
    const load = opts.loadDataDir ? { loadDataDir: new Blob([opts.loadDataDir]) } : {};
    client = inMemory ? new PGlite(load) : new PGlite(path.resolve(dataDir, 'pg'), load);
    await client.waitReady;
  } catch (e) {
    lock?.release();
    throw e;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  if (migrateNow) {
    try {
      await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS_DIR });
    } catch (e) {
      await client.close();
      lock?.release();
      throw e;
    }
  }
  let closed = false;
  return {
    db,
    kind: 'pglite',
    location: inMemory ? 'memory://' : path.resolve(dataDir),
    async ping() {
      await db.execute(sql`select 1`);
    },
    async dumpDataDir() {
      await client.exec('checkpoint');
      const blob = await client.dumpDataDir('gzip');
      return new Uint8Array(await blob.arrayBuffer());
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

async function migrateWithLock(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS_DIR });
    } catch (e) {
      const cause = (e as { cause?: { code?: string } }).cause;
      if (cause?.code !== '42501') throw e;
      throw new MigrationsPendingError(
        `Vai trò CSDL này không có quyền áp dụng migration (${(cause as Error).message}). Nếu ứng dụng chạy với vai trò ` +
          `không sở hữu bảng, hãy đặt THUCTHI_MIGRATE=check và chạy "thucthi migrate" bằng vai trò sở hữu. ` +
          `(This role may not apply migrations: set THUCTHI_MIGRATE=check and migrate as the owner.)`,
        { cause: e },
      );
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

export class MigrationsPendingError extends Error {
  readonly code = 'MIGRATIONS_PENDING';
}

/** THUCTHI_MIGRATE=check: every migration of MIGRATIONS_DIR must already be recorded by the owner's run. */
async function checkMigrationsApplied(pool: pg.Pool): Promise<void> {
  const files = readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR });
  const last = files[files.length - 1]?.folderMillis ?? 0;
  let applied = 0;
  try {
    const r = await pool.query<{ m: string | null }>(
      'select max(created_at) as m from drizzle.__drizzle_migrations',
    );
    applied = Number(r.rows[0]?.m ?? 0);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code !== '42P01' && code !== '3F000' && code !== '42501') throw e;
  }
  if (applied < last) {
    throw new MigrationsPendingError(
      `Cơ sở dữ liệu chưa có đủ migration (THUCTHI_MIGRATE=check): hãy chạy "thucthi migrate" với vai trò sở hữu ` +
        `(DATABASE_URL của chủ sở hữu bảng) trước khi khởi động ứng dụng. ` +
        `(Migrations pending; run "thucthi migrate" as the owner role first.)`,
    );
  }
}

/** Rows of a raw query, whichever driver ran it. */
export async function rows<T>(db: DbOrTx, query: ReturnType<typeof sql>): Promise<T[]> {
  const r = (await db.execute(query)) as unknown as { rows: T[] };
  return r.rows;
}

/**
 * Runs queries one after another. Use instead of Promise.all when `db` may be a transaction: its one
 * connection must not be handed several queries at once (pg@9 will refuse).
 */
export async function inOrder<T extends readonly unknown[]>(qs: {
  [K in keyof T]: PromiseLike<T[K]> | (() => PromiseLike<T[K]>);
}): Promise<T> {
  const out: unknown[] = [];
  for (const q of qs as readonly (PromiseLike<unknown> | (() => PromiseLike<unknown>))[])
    out.push(await (typeof q === 'function' ? q() : q));
  return out as unknown as T;
}
