import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDirLock, DataDirLockedError, LOCK_FILE } from './lock.js';

const dirs: string[] = [];
function tmp() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-lock-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** The PID of a process that has exited. */
function deadPid(): number {
  return Number(
    spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
      .stdout,
  );
}

describe('data folder lock', () => {
  it('refuses a second holder while the first holds it, then frees on release', () => {
    const d = tmp();
    const l = acquireDirLock(d);
    expect(() => acquireDirLock(d)).toThrow(DataDirLockedError);
    try {
      acquireDirLock(d);
    } catch (e) {
      expect((e as Error).message).toContain(`PID ${process.pid}`);
      expect((e as Error).message).toContain(path.resolve(d));
    }
    l.release();
    expect(fs.existsSync(path.join(d, LOCK_FILE))).toBe(false);
    acquireDirLock(d).release();
  });

  it('takes over a lock left by a dead process', () => {
    const d = tmp();
    fs.writeFileSync(
      path.join(d, LOCK_FILE),
      JSON.stringify({ pid: deadPid(), host: os.hostname(), startedAt: 'x' }),
    );
    const l = acquireDirLock(d);
    expect(JSON.parse(fs.readFileSync(path.join(d, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    l.release();
  });

  it('takes over an unreadable (half-written) lock, but not one from another host', () => {
    const d = tmp();
    fs.writeFileSync(path.join(d, LOCK_FILE), '{"pid":');
    acquireDirLock(d).release();
    fs.writeFileSync(path.join(d, LOCK_FILE), JSON.stringify({ pid: 1, host: 'may-khac', startedAt: 'x' }));
    expect(() => acquireDirLock(d)).toThrow(DataDirLockedError);
  });
});
