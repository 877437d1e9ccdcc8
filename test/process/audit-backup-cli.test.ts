/**
 * The command line of issue 10 points 14–16, as real processes: `audit verify` against the signed
 * checkpoints (exit codes, Vietnamese explanations), `audit checkpoint`, a data folder held by a
 * running process answered at once, and `backup` / `restore` on PGlite and PostgreSQL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { CLI } from '../support/process.js';
import { DB_KINDS, createPgDatabase } from '../support/db.js';
import { openDatabase } from '../../src/db/connection.js';
import { LOCK_FILE } from '../../src/db/lock.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-audit-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string> = {}) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
  });
  return { ...r, ms: Date.now() - started };
}

describe('thucthi audit verify / checkpoint (PGlite, real processes)', () => {
  const dir = path.join(tmp, 'data');

  it('verifies against the signed checkpoints, and explains a truncation and a missing log', async () => {
    const seed = cli(['seed', '--no-demo', '--data-dir', dir]);
    expect(seed.status, seed.stderr).toBe(0);
    expect(seed.stderr).toContain('Đã tạo khóa ký nhật ký mới');
    expect(fs.existsSync(path.join(dir, 'audit-signing.key'))).toBe(true);

    const ok = cli(['audit', 'verify', '--data-dir', dir]);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^OK: \d+ sự kiện, chuỗi băm toàn vẹn; khớp 1 điểm kiểm tra đã ký/);

    const cp = cli(['audit', 'checkpoint', '--data-dir', dir]);
    expect(cp.status, cp.stderr).toBe(0);
    expect(cp.stdout).toMatch(/^Đã ký điểm kiểm tra #\d+ \([0-9a-f]{64}\)/);
    const log = fs.readFileSync(path.join(dir, 'audit-checkpoints', 'audit-checkpoints.log'), 'utf8');
    expect(log).toMatch(
      /^thucthi-audit[^\n]*\n\d+\n[A-Za-z0-9+/=]{44}\ntime \S+\n\n— thucthi-audit\S* \S+\n\n/u,
    );

    // The table's owner deletes the last 10 events: the chain alone still verifies, the checkpoint does not.
    const d = await openDatabase({ dataDir: dir });
    await d.db.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
    await d.db.execute(sql`delete from audit_events where seq > (select max(seq) - 10 from audit_events)`);
    await d.db.execute(sql`alter table audit_events enable trigger audit_events_no_update`);
    await d.close();
    const cut = cli(['audit', 'verify', '--data-dir', dir]);
    expect(cut.status).toBe(1);
    expect(cut.stdout).toContain('LỖI: nhật ký bị cắt');
    expect(cut.stdout).toContain('TRUNCATE');

    fs.rmSync(path.join(dir, 'audit-checkpoints'), { recursive: true });
    const missing = cli(['audit', 'verify', '--data-dir', dir]);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain('không có nhật ký điểm kiểm tra');
  }, 240_000);

  it('answers at once, naming the process, when a running server holds the data folder', () => {
    const busy = path.join(tmp, 'busy');
    fs.mkdirSync(busy, { recursive: true });
    // This test process plays the server: a live PID on this host holds the lock.
    fs.writeFileSync(
      path.join(busy, LOCK_FILE),
      JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: '2026-12-01T08:00:00.000Z' }),
    );
    for (const args of [
      ['audit', 'verify'],
      ['audit', 'checkpoint'],
      ['backup', path.join(tmp, 'x.tgz')],
      ['migrate'],
    ]) {
      const r = cli([...args, '--data-dir', busy]);
      expect(r.status, args.join(' ')).toBe(75);
      expect(r.stderr).toContain(`đang được tiến trình PID ${process.pid}`);
      expect(r.stderr).toContain('GET /api/audit/verify');
      expect(r.ms, args.join(' ')).toBeLessThan(8000);
    }
  }, 120_000);
});

describe.each(DB_KINDS)('thucthi backup / restore on %s', (kind) => {
  it('backs up, restores into a fresh place, and the audit chain verifies there', async () => {
    const src = path.join(tmp, `${kind}-src`);
    const dst = path.join(tmp, `${kind}-dst`);
    const file = path.join(tmp, `${kind}.backup`);
    const pgs = kind === 'postgres' ? [await createPgDatabase(), await createPgDatabase()] : [];
    const from = kind === 'postgres' ? ['--database-url', pgs[0]!.url] : ['--data-dir', src];
    const to = kind === 'postgres' ? ['--database-url', pgs[1]!.url] : ['--data-dir', dst];
    // Both sides share the key and checkpoint log, as a restore on the same installation would.
    const env = {
      AUDIT_KEY_FILE: path.join(tmp, `${kind}.key`),
      AUDIT_CHECKPOINT_DIR: path.join(tmp, `${kind}-cp`),
    };
    try {
      expect(cli(['seed', '--no-demo', ...from], env).status).toBe(0);
      const b = cli(['backup', file, ...from], env);
      expect(b.status, b.stderr).toBe(0);
      expect(b.stdout).toContain(`Đã sao lưu (${kind})`);
      expect(fs.statSync(file).size).toBeGreaterThan(1000);

      const r = cli(['restore', file, ...to], env);
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(/Đã khôi phục \(\w+\); chuỗi nhật ký toàn vẹn: \d+ sự kiện/);
      const v = cli(['audit', 'verify', ...to], env);
      expect(v.status, v.stdout + v.stderr).toBe(0);
      expect(v.stdout).toMatch(/^OK: (\d+) sự kiện/);
      const count = /^OK: (\d+)/.exec(v.stdout)![1];
      expect(Number(count)).toBeGreaterThan(100);

      // A restore never overwrites a database in place.
      const again = cli(['restore', file, ...to], env);
      expect(again.status).not.toBe(0);
    } finally {
      for (const p of pgs) await p.drop();
    }
  }, 240_000);
});
