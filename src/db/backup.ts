/**
 * `thucthi backup` / `thucthi restore`. PGlite: a gzipped tar of the data folder taken by PGlite
 * itself after a CHECKPOINT, under its query lock (no write runs meanwhile). PostgreSQL: pg_dump's
 * custom format, restored with pg_restore into an empty database. The audit signing key and the
 * checkpoint log are not in the backup: they are kept apart on purpose.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { openDatabase, redactUrl } from './connection.js';
import { acquireDirLock } from './lock.js';

export class BackupError extends Error {
  readonly code = 'BACKUP_FAILED';
}

/** Magic bytes: gzip (PGlite dump) and PGDMP (pg_dump custom format). */
const GZIP = [0x1f, 0x8b];
const PGDMP = Buffer.from('PGDMP');

function onPath(cmd: string): boolean {
  const r = spawnSync(cmd, ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

function requireTool(cmd: string): void {
  if (!onPath(cmd))
    throw new BackupError(
      `Không tìm thấy lệnh ${cmd} trong PATH. Cài gói PostgreSQL client (cùng phiên bản máy chủ, ví dụ ` +
        `"apt-get install postgresql-client-15") rồi chạy lại. (${cmd} not found on PATH; install the PostgreSQL client tools.)`,
    );
}

function writeAtomically(file: string, bytes: Uint8Array): void {
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

export interface BackupTarget {
  databaseUrl?: string | undefined;
  dataDir: string;
}

export async function backup(
  target: BackupTarget,
  file: string,
): Promise<{ kind: 'pglite' | 'postgres'; bytes: number }> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (target.databaseUrl) {
    requireTool('pg_dump');
    const tmp = `${file}.tmp-${process.pid}`;
    const r = spawnSync(
      'pg_dump',
      ['--format=custom', '--no-owner', `--file=${tmp}`, `--dbname=${target.databaseUrl}`],
      {
        encoding: 'utf8',
      },
    );
    if (r.status !== 0) {
      fs.rmSync(tmp, { force: true });
      throw new BackupError(`pg_dump thất bại (${redactUrl(target.databaseUrl)}): ${r.stderr.trim()}`);
    }
    fs.renameSync(tmp, file);
    return { kind: 'postgres', bytes: fs.statSync(file).size };
  }
  const database = await openDatabase({ dataDir: target.dataDir, migrate: false });
  try {
    const bytes = await database.dumpDataDir!();
    writeAtomically(file, bytes);
    return { kind: 'pglite', bytes: bytes.length };
  } finally {
    await database.close();
  }
}

/** Restores into an empty place: a data folder without a database, or a database without tables. */
export async function restore(target: BackupTarget, file: string): Promise<{ kind: 'pglite' | 'postgres' }> {
  const head = Buffer.alloc(5);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 5, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (target.databaseUrl) {
    if (!head.equals(PGDMP))
      throw new BackupError(
        `${file} không phải bản sao lưu pg_dump (định dạng custom). (Not a pg_dump custom-format file.)`,
      );
    requireTool('pg_restore');
    const r = spawnSync(
      'pg_restore',
      ['--no-owner', '--single-transaction', '--exit-on-error', `--dbname=${target.databaseUrl}`, file],
      { encoding: 'utf8' },
    );
    if (r.status !== 0)
      throw new BackupError(
        `pg_restore thất bại (${redactUrl(target.databaseUrl)}; cơ sở dữ liệu đích phải trống): ${r.stderr.trim()}`,
      );
    return { kind: 'postgres' };
  }
  if (head[0] !== GZIP[0] || head[1] !== GZIP[1])
    throw new BackupError(
      `${file} không phải bản sao lưu PGlite của thucthi (.tar.gz). (Not a thucthi PGlite backup.)`,
    );
  const pgDir = path.resolve(target.dataDir, 'pg');
  const lock = acquireDirLock(target.dataDir);
  try {
    if (fs.existsSync(pgDir) && fs.readdirSync(pgDir).length > 0)
      throw new BackupError(
        `Thư mục dữ liệu ${path.resolve(target.dataDir)} đã có cơ sở dữ liệu; hãy khôi phục vào một thư mục trống ` +
          `(--data-dir) để không ghi đè dữ liệu hiện có. (Restore into an empty data folder.)`,
      );
  } finally {
    lock.release();
  }
  const database = await openDatabase({
    dataDir: target.dataDir,
    migrate: false,
    loadDataDir: fs.readFileSync(file),
  });
  await database.close();
  return { kind: 'pglite' };
}
