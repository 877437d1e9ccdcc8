/**
 * Stopping the server while a document is still being read in the background (issue 12 point 10):
 * the stop waits for the read to be stored, so the draft is there after the restart, not "interrupted".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Client } from '../support/app.js';
import { startServerProcess, type ServerProcess } from '../support/process.js';
import type { ImportDraft } from '../../src/contract/imports.js';

const SCAN = new URL(
  '../../fixtures/import/pdf/13-laocai-ubnd-kh-trien-khai-ct-11-cttu-khoang-san-scan.pdf',
  import.meta.url,
);
const TEXT_PDF = new URL('../../fixtures/import/pdf/14-lamdong-ubnd-kh-cchc-2026-2030.pdf', import.meta.url);
const hasOcr = fs.existsSync('/usr/bin/tesseract');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thucthi-stop-reading-'));
const running: ServerProcess[] = [];
afterAll(() => {
  for (const p of running) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('stopping while a document is read in the background', () => {
  it('waits for the read and keeps the draft', { timeout: 240_000 }, async () => {
    const a = await startServerProcess(['--data-dir', dir]);
    running.push(a);
    const admin = a.credentials.admin!;
    const c = new Client(a.url);
    expect((await c.post('/api/auth/login', admin)).status).toBe(200);
    const newPassword = 'mat-khau-dung-lai-2026';
    const changed = await c.post('/api/account/password', { currentPassword: admin.password, newPassword });
    expect(changed.status).toBeLessThan(300);
    // A scanned PDF takes seconds to read by OCR; without tesseract a text PDF still takes a while.
    const file = hasOcr ? SCAN : TEXT_PDF;
    const up = await c.request<ImportDraft>(
      'POST',
      '/api/imports?filename=ke-hoach.pdf&background=true',
      undefined,
      {
        raw: fs.readFileSync(file),
        contentType: 'application/octet-stream',
      },
    );
    expect(up.status).toBe(202);
    expect(up.body.status).toBe('reading');
    a.child.kill('SIGTERM');
    expect(await a.exited).toBe(0);

    const b = await startServerProcess(['--data-dir', dir]);
    running.push(b);
    const c2 = new Client(b.url);
    expect(
      (await c2.post('/api/auth/login', { username: admin.username, password: newPassword })).status,
    ).toBe(200);
    const d = await c2.get<ImportDraft>(`/api/imports/${up.body.id}`);
    expect(d.status).toBe(200);
    expect(d.body.status).toBe('draft');
    // The scan's pages are all read: their text is there, cut into nodes.
    expect(d.body.source.length).toBeGreaterThan(1500);
    expect(d.body.stats.nodes).toBeGreaterThan(5);
    b.child.kill('SIGTERM');
    expect(await b.exited).toBe(0);
  });
});
