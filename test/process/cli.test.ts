import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI } from '../support/process.js';
import { openDatabase } from '../../src/db/connection.js';
import { listAuditEvents } from '../../src/features/audit/audit.service.js';
import { systemCtx } from '../../src/features/context.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
}

describe('thucthi CLI', () => {
  it('has --help on every command', () => {
    const top = cli('--help');
    expect(top.status).toBe(0);
    for (const c of ['start', 'migrate', 'seed', 'user', 'audit']) expect(top.stdout).toContain(c);
    for (const sub of [['start'], ['migrate'], ['seed'], ['user', 'create'], ['audit', 'verify']]) {
      const r = cli(...sub, '--help');
      expect(r.status, sub.join(' ')).toBe(0);
      expect(r.stdout, sub.join(' ')).toMatch(/Usage: thucthi/);
    }
  });

  it('migrates, seeds, creates a user through the audited service, and verifies', async () => {
    expect(cli('migrate', '--data-dir', dir).stdout).toContain('Đã áp dụng');
    const seed = cli('seed', '--data-dir', dir, '--no-demo');
    expect(seed.status).toBe(0);
    expect(seed.stdout).toMatch(/Danh mục đơn vị: \d+ thêm mới/);
    expect(cli('seed', '--data-dir', dir, '--no-demo').stdout).toContain(': 0 thêm mới, 0 cập nhật');

    const u = cli(
      'user',
      'create',
      '--data-dir',
      dir,
      '-u',
      'canbo.tuphap',
      '-n',
      'Trần Thị Bình',
      '-r',
      'unit',
      '--unit',
      'SO-TU-PHAP',
    );
    expect(u.status, u.stderr).toBe(0);
    expect(u.stdout).toMatch(/Mật khẩu dùng một lần: [A-Za-z0-9]{14}/);
    const noUnit = cli(
      'user',
      'create',
      '--data-dir',
      dir,
      '-u',
      'canbo2',
      '-n',
      'Không Đơn Vị',
      '-r',
      'unit',
    );
    expect(noUnit.status).toBe(1);
    expect(noUnit.stderr).toContain('phải thuộc một đơn vị');
    const badRole = cli('user', 'create', '--data-dir', dir, '-u', 'canbo3', '-n', 'X', '-r', 'vua');
    expect(badRole.status).not.toBe(0);

    const d = await openDatabase({ dataDir: dir });
    const ev = await listAuditEvents({ db: d.db, config: { sessionTtlHours: 12 } }, systemCtx('test'), {
      entityType: 'user',
    });
    await d.close();
    expect(ev.items[0]).toMatchObject({ action: 'user.create', actorLabel: 'system:cli' });

    const v = cli('audit', 'verify', '--data-dir', dir);
    expect(v.status).toBe(0);
    expect(v.stdout).toMatch(/^OK: \d+ sự kiện/);
  }, 240_000);

  it('import reads a scanned PDF by OCR and marks what OCR read (JSON and outline)', () => {
    if (!fs.existsSync('/usr/bin/tesseract')) return;
    const scan = path.resolve(
      'fixtures/import/pdf/13-laocai-ubnd-kh-trien-khai-ct-11-cttu-khoang-san-scan.pdf',
    );
    const j = cli('import', scan, '--json');
    expect(j.status, j.stderr).toBe(0);
    const doc = JSON.parse(j.stdout) as { sections: { ocr?: boolean }[]; warnings: { code: string }[] };
    expect(doc.sections.length).toBeGreaterThan(0);
    expect(doc.sections.every((s) => s.ocr === true)).toBe(true);
    expect(doc.warnings.some((w) => w.code === 'OCR_TEXT')).toBe(true);
    const o = cli('import', scan);
    expect(o.status).toBe(0);
    expect(o.stdout).toContain('[OCR]');
    // A text PDF has no OCR mark.
    const text = cli('import', path.resolve('fixtures/import/pdf/14-lamdong-ubnd-kh-cchc-2026-2030.pdf'));
    expect(text.status).toBe(0);
    expect(text.stdout).not.toContain('[OCR]');
    expect(text.stdout).toContain('Nhiệm vụ:');
  }, 240_000);
});
