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
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** PGlite data folder; 'memory://' for a throwaway in-memory database. */
  dataDir?: string;
  migrate?: boolean;
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
    if (migrateNow) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        try {
          await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS_DIR });
        } finally {
          await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
        }
      } finally {
        client.release();
      }
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
    client = inMemory ? new PGlite() : new PGlite(path.resolve(dataDir, 'pg'));
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
