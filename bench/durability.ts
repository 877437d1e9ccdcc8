/**
 * Durable writes on the embedded database (issue 10 point 15): the cost of one small committed
 * transaction, one after another, on a data folder on disk.
 *  a. PGlite as thucthi runs it: PGlite's default start parameters, which include `-F` (fsync off).
 *  b. PGlite with `-F` removed and `fsync=on`, `synchronous_commit=on`: what PostgreSQL would do.
 *     On Node, PGlite's file system (Emscripten NODEFS) has no fsync operation, so postgres' fsync
 *     calls return without reaching the disk; run under `strace -f -c -e trace=fsync,fdatasync` to
 *     see that no fsync/fdatasync system call is made.
 *  c. (a) plus an fsync of the WAL folder's files from Node after every commit: an emulation of a
 *     durable commit, to show its price. Not offered as a mode: data files are still never fsynced,
 *     so a checkpoint may recycle WAL whose pages never reached the disk.
 *  d. PostgreSQL (BENCH_DATABASE_URL) with its defaults (fsync on), for comparison.
 * Usage: npx tsx bench/durability.ts [--tx 300]   (also: npm run bench -- --only durability)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

const args = process.argv.slice(2);
const TX = args.includes('--tx') ? Number(args[args.indexOf('--tx') + 1]) : 300;

interface Runner {
  exec(q: string, params?: unknown[]): Promise<unknown>;
  afterCommit?: () => void;
  close(): Promise<void>;
}

async function run(label: string, r: Runner): Promise<number> {
  await r.exec('create table if not exists bench_durable (id serial primary key, body text not null)');
  const t0 = performance.now();
  for (let i = 0; i < TX; i++) {
    await r.exec('insert into bench_durable (body) values ($1)', [`báo cáo ${i}`]);
    r.afterCommit?.();
  }
  const ms = performance.now() - t0;
  await r.close();
  const perTx = ms / TX;
  console.log(
    `   ${label.padEnd(58)} ${(1000 / perTx).toFixed(0).padStart(6)} tx/s, ${perTx.toFixed(2)} ms/tx`,
  );
  return perTx;
}

function fsyncDir(dir: string) {
  for (const f of fs.readdirSync(dir)) {
    const p = path.join(dir, f);
    if (!fs.statSync(p).isFile()) continue;
    const fd = fs.openSync(p, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  }
}

async function pglite(dir: string, startParams?: string[]): Promise<Runner> {
  const db = new PGlite(dir, startParams ? { startParams } : {});
  await db.waitReady;
  return { exec: (q, p) => db.query(q, p), close: () => db.close() };
}

export async function benchDurability() {
  console.log(`Durable writes: ${TX} sequential single-row transactions on a data folder in ${os.tmpdir()}`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-durability-'));
  try {
    const a = await run('a. PGlite default (-F: fsync off)', await pglite(path.join(tmp, 'a')));
    const durableParams = [
      ...PGlite.defaultStartParams.filter((p) => p !== '-F'),
      '-c',
      'fsync=on',
      '-c',
      'synchronous_commit=on',
    ];
    const b = await run(
      'b. PGlite, -F removed, fsync=on (fsync is a no-op on NODEFS)',
      await pglite(path.join(tmp, 'b'), durableParams),
    );
    const c0 = await pglite(path.join(tmp, 'c'));
    const wal = path.join(tmp, 'c', 'pg_wal');
    const c = await run('c. PGlite default + fsync of pg_wal/* after each commit', {
      ...c0,
      afterCommit: () => fsyncDir(wal),
    });
    let d: number | null = null;
    if (process.env.BENCH_DATABASE_URL) {
      const client = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL });
      await client.connect();
      await client.query('drop table if exists bench_durable');
      d = await run('d. PostgreSQL (fsync on, synchronous_commit on)', {
        exec: (q, p) => client.query(q, p),
        close: async () => {
          await client.query('drop table if exists bench_durable');
          await client.end();
        },
      });
    }
    console.log(
      `   ratios to (a): b ${(b / a).toFixed(2)}×, c ${(c / a).toFixed(2)}×` +
        (d !== null ? `, d ${(d / a).toFixed(2)}×` : ''),
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchDurability();
