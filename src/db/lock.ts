/**
 * An exclusive lock on an embedded data folder. Two PGlite instances on one folder would both open
 * and one would silently lose its writes, so the second process is refused with a clear message.
 * A lock left by a process that no longer exists is detected and taken over.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export const LOCK_FILE = 'thucthi.lock';

export interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
}

export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED';
  constructor(
    readonly dir: string,
    readonly holder: LockInfo,
    opts: { whileServing?: boolean } = {},
  ) {
    super(
      `Thư mục dữ liệu ${dir} đang được tiến trình PID ${holder.pid} (máy ${holder.host}, từ ${holder.startedAt}) sử dụng. ` +
        (opts.whileServing
          ? `CSDL nhúng (PGlite) chỉ mở được bởi một tiến trình: trong khi máy chủ chạy, hãy dùng giao diện web hoặc API ` +
            `(kiểm tra nhật ký: GET /api/audit/verify với tài khoản quản trị; máy chủ tự ký điểm kiểm tra định kỳ và khi dừng), ` +
            `hoặc dừng máy chủ rồi chạy lại lệnh này. `
          : `Hãy dừng tiến trình đó trước, hoặc dùng THUCTHI_DATA_DIR khác. `) +
        `(The data folder ${dir} is in use by PID ${holder.pid}` +
        (opts.whileServing
          ? `; use the running server's API, or stop it and run this command again.)`
          : '.)'),
    );
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | null {
  try {
    const v = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockInfo>;
    if (typeof v.pid === 'number' && typeof v.host === 'string') return v as LockInfo;
  } catch {
    /* unreadable or half-written: treated below */
  }
  return null;
}

function isStale(info: LockInfo | null): boolean {
  if (!info) return true; // a file we cannot read was left by a crash during write
  if (info.host !== os.hostname()) return false; // cannot check another machine's processes: refuse
  if (info.pid === process.pid) return false;
  return !alive(info.pid);
}

/**
 * The live process holding the data folder, or null when it is free (or its lock is stale). Reads
 * the lock file only: the command line asks this first and answers at once, before loading anything.
 */
export function dirLockHolder(dir: string): LockInfo | null {
  const info = readLock(path.join(path.resolve(dir), LOCK_FILE));
  if (!info || isStale(info)) return null;
  return info;
}

export interface DirLock {
  file: string;
  release(): void;
}

export function acquireDirLock(dir: string): DirLock {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(path.resolve(dir), LOCK_FILE);
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o644);
      fs.writeSync(fd, JSON.stringify(mine));
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          const cur = readLock(file);
          if (cur && cur.pid === process.pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = readLock(file);
    if (!isStale(holder)) throw new DataDirLockedError(path.resolve(dir), holder!);
    // Take over a stale lock: move it aside atomically (only one process wins the rename), then
    // check that what we moved is really the stale lock and not a fresh one taken meanwhile.
    const aside = `${file}.stale-${randomBytes(4).toString('hex')}`;
    try {
      fs.renameSync(file, aside);
    } catch {
      continue; // someone else moved it; retry the exclusive create
    }
    const moved = readLock(aside);
    if (!isStale(moved)) {
      // We moved a live lock created between our read and rename: put it back and refuse.
      try {
        fs.linkSync(aside, file);
      } catch {
        /* a third process holds the name now; it is live too */
      }
      fs.rmSync(aside, { force: true });
      throw new DataDirLockedError(path.resolve(dir), moved!);
    }
    fs.rmSync(aside, { force: true });
  }
  throw new DataDirLockedError(path.resolve(dir), readLock(file) ?? { pid: -1, host: '?', startedAt: '?' });
}
