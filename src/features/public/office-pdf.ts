/**
 * A .docx converted to PDF by headless LibreOffice, as a child process: never on the event loop,
 * with a time limit (the whole process group is killed past it), one conversion at a time per
 * instance, each with its own profile folder (parallel instances never share one). When LibreOffice
 * is missing or fails, the answer says why and carries no PDF: the document is published without it.
 *
 * SOFFICE_BIN (default `soffice`) and SOFFICE_TIMEOUT_MS (default 120 000) tune it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface PdfResult {
  pdf: Buffer | null;
  /** Why there is no PDF (Vietnamese), null when there is one. */
  note: string | null;
}

const DEFAULT_TIMEOUT_MS = 120_000;
let queue: Promise<unknown> = Promise.resolve();

function run(bin: string, args: string[], timeoutMs: number): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve) => {
    let err = '';
    let done = false;
    const child = spawn(bin, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    const finish = (code: number | null, e = '') => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ code, err: (err + e).slice(-2000) });
    };
    const timer = setTimeout(() => {
      try {
        // soffice starts soffice.bin: the group goes with it.
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      finish(null, 'timeout');
    }, timeoutMs);
    child.stderr.on('data', (d: Buffer) => {
      if (err.length < 4000) err += d.toString('utf8');
    });
    child.on('error', (e) => finish(null, e.message));
    child.on('close', (code) => finish(code));
  });
}

async function convert(docx: Buffer): Promise<PdfResult> {
  const bin = process.env.SOFFICE_BIN || 'soffice';
  const timeoutMs = Number(process.env.SOFFICE_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'thucthi-pdf-'));
  try {
    const file = path.join(dir, 'tai-lieu.docx');
    await fs.writeFile(file, docx);
    const r = await run(
      bin,
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${dir}/profile`,
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        file,
      ],
      timeoutMs,
    );
    const pdf = await fs.readFile(path.join(dir, 'tai-lieu.pdf')).catch(() => null);
    if (pdf && pdf.subarray(0, 5).toString('latin1') === '%PDF-') return { pdf, note: null };
    if (/ENOENT/.test(r.err))
      return {
        pdf: null,
        note: 'Máy chủ chưa cài LibreOffice nên chưa tạo được bản PDF; chỉ công bố bản .docx',
      };
    if (r.err === 'timeout')
      return { pdf: null, note: 'Chuyển sang PDF quá thời gian cho phép; chỉ công bố bản .docx' };
    return { pdf: null, note: 'LibreOffice không chuyển được tài liệu sang PDF; chỉ công bố bản .docx' };
  } finally {
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** The PDF of a .docx, or why there is none. Conversions run one after another. */
export function docxToPdf(docx: Buffer): Promise<PdfResult> {
  const next = queue.then(() => convert(docx));
  queue = next.catch(() => undefined);
  return next;
}
