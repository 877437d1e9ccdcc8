import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Client } from '../support/app.js';
import { runCli, startServerProcess, type ServerProcess } from '../support/process.js';
import { LOCK_FILE } from '../../src/db/lock.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-embedded-'));
const running: ServerProcess[] = [];
afterAll(() => {
  for (const p of running) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

async function loginWorks(url: string, username: string, password: string): Promise<boolean> {
  const c = new Client(url);
  return (await c.post('/api/auth/login', { username, password })).status === 200;
}

describe('embedded database (PGlite data folder)', () => {
  let admin: { username: string; password: string };

  it('starts, migrates, loads demo data and prints one-time passwords once', async () => {
    const a = await startServerProcess(['--data-dir', dir]);
    running.push(a);
    expect(Object.keys(a.credentials).sort()).toEqual(['admin', 'leader', 'monitor', 'supervisor', 'unit']);
    admin = a.credentials.admin!;
    // Loopback by default (HOST unset): the printed address is 127.0.0.1, not every interface.
    expect(new URL(a.url).hostname).toBe('127.0.0.1');
    expect((await fetch(a.url + '/readyz')).status).toBe(200);
    expect(await loginWorks(a.url, admin.username, admin.password)).toBe(true);

    // A second process on the same folder is refused at once, naming the folder and the holder's PID.
    const b = runCli(['start', '--port', '0', '--data-dir', dir]);
    const code = await b.exited;
    expect(code).toBe(75);
    expect(b.stderr()).toContain(path.resolve(dir));
    expect(b.stderr()).toContain(`PID ${a.child.pid}`);
    // So is a command that opens the database, e.g. `audit verify`: at once, saying what to do instead.
    const started = Date.now();
    const v = runCli(['audit', 'verify', '--data-dir', dir]);
    expect(await v.exited).toBe(75);
    expect(Date.now() - started).toBeLessThan(8000);
    expect(v.stderr()).toContain(`PID ${a.child.pid}`);
    expect(v.stderr()).toContain('GET /api/audit/verify');
    // The first start generated the audit signing key, said so, and signed a first checkpoint.
    expect(a.stdout()).toContain('Đã tạo khóa ký nhật ký mới');
    expect(fs.existsSync(path.join(dir, 'audit-signing.key'))).toBe(true);
    // …and the first is unaffected: it still reads and writes.
    expect((await fetch(a.url + '/readyz')).status).toBe(200);
    expect(await loginWorks(a.url, admin.username, admin.password)).toBe(true);

    // SIGTERM closes the database cleanly and releases the lock.
    a.child.kill('SIGTERM');
    expect(await a.exited).toBe(0);
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    // Stopping signed the final head (the login above wrote an audit event after the first checkpoint).
    const log = fs.readFileSync(path.join(dir, 'audit-checkpoints', 'audit-checkpoints.log'), 'utf8');
    const seqs = [...log.matchAll(/^(\d+)$/gmu)].map((m) => Number(m[1]));
    expect(seqs.length).toBeGreaterThanOrEqual(2);
    expect(seqs[seqs.length - 1]).toBeGreaterThan(seqs[0]!);
    // A first start migrates, seeds the units and imports the seed program in a real process: 16 s on
    // an idle 2-core machine, over 60 s when other work shares it.
  }, 180_000);

  it('keeps the data across a restart and prints no new passwords', async () => {
    const c = await startServerProcess(['--data-dir', dir]);
    running.push(c);
    expect(c.credentials).toEqual({});
    expect(await loginWorks(c.url, admin.username, admin.password)).toBe(true);
    // A killed process leaves its lock behind…
    c.child.kill('SIGKILL');
    await c.exited;
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(true);
  });

  it('takes over a stale lock from a killed process, then stops on SIGINT', async () => {
    const d = await startServerProcess(['--data-dir', dir]);
    running.push(d);
    expect(await loginWorks(d.url, admin.username, admin.password)).toBe(true);
    const lock = JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')) as { pid: number };
    expect(lock.pid).toBe(d.child.pid);
    d.child.kill('SIGINT');
    expect(await d.exited).toBe(0);
  });
});
