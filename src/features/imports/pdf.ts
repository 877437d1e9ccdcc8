/**
 * Reading an uploaded PDF: its text layer through pdf.js (positioned runs and the drawn table rules,
 * laid out by src/domain/importer/pdf-layout.ts), or, for a scan without text, OCR: each page rendered
 * with poppler's `pdftoppm` and read by `tesseract -l vie` in a child process with a time limit per
 * page. Runs inside the reader thread (reader.worker.ts).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Span } from '../../domain/importer/types.js';
import {
  pdfPagesToText,
  type PdfPageContent,
  type PdfRule,
  type PdfTextItem,
} from '../../domain/importer/pdf-layout.js';
import { ImportError, IMPORT_MESSAGES, type ImportErrorCode } from '../../domain/importer/normalize.js';

export interface OcrLimits {
  /** Time one page may take (rendering and recognition). */
  pageMs: number;
  /** Pages a scan may have. */
  maxPages: number;
  /** Resolution the pages are rendered at. */
  dpi: number;
}

export const OCR_LIMITS: OcrLimits = { pageMs: 60_000, maxPages: 30, dpi: 150 };

/** Where the reading is: pages read of all pages, and whether by OCR. */
export interface ReadProgress {
  stage: 'text' | 'ocr';
  done: number;
  total: number;
}

export interface PdfText {
  text: string;
  /** Ranges of `text` read by OCR (the whole text when the PDF is a scan). */
  ocrSpans: Span[];
  pages: number;
}

const refuse = (code: ImportErrorCode) => new ImportError(code, IMPORT_MESSAGES[code]);

export function isPdf(b: Uint8Array): boolean {
  // "%PDF-" within the first KB, as readers accept.
  const head = Buffer.from(b.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | null = null;
const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

function assetDir(sub: string): string {
  const require = createRequire(import.meta.url);
  return `${path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), sub)}/`;
}

type Matrix = [number, number, number, number, number, number];
const mul = (m: Matrix, n: number[]): Matrix => [
  m[0] * n[0]! + m[2] * n[1]!,
  m[1] * n[0]! + m[3] * n[1]!,
  m[0] * n[2]! + m[2] * n[3]!,
  m[1] * n[2]! + m[3] * n[3]!,
  m[0] * n[4]! + m[2] * n[5]! + m[4],
  m[1] * n[4]! + m[3] * n[5]! + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

/** The straight axis-aligned lines a page draws (table rules), from its operator list. */
function rulesOf(lib: PdfJs, ops: { fnArray: number[]; argsArray: unknown[] }): PdfRule[] {
  const { OPS } = lib;
  // DrawOPS of pdf.js path buffers: moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4.
  const rules: PdfRule[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = mul(ctm, args as number[]);
    else if (fn === OPS.constructPath) {
      if (args[0] === OPS.endPath) continue; // a clip, not drawn
      // Edges are rules only when stroked; a filled shape counts only as a thin rectangle (below).
      const stroked = [
        OPS.stroke,
        OPS.closeStroke,
        OPS.fillStroke,
        OPS.eoFillStroke,
        OPS.closeFillStroke,
        OPS.closeEOFillStroke,
      ].includes(args[0] as number);
      const buf = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!buf) continue;
      const pts: [number, number][] = [];
      let start: [number, number] | null = null;
      let at: [number, number] | null = null;
      const segment = (a: [number, number], b: [number, number]) => {
        const [x1, y1] = apply(ctm, ...a);
        const [x2, y2] = apply(ctm, ...b);
        if (stroked && (Math.abs(x1 - x2) < 0.5 || Math.abs(y1 - y2) < 0.5)) rules.push({ x1, y1, x2, y2 });
      };
      for (let k = 0; k < buf.length;) {
        const op = buf[k]!;
        if (op === 0) {
          at = start = [buf[k + 1]!, buf[k + 2]!];
          pts.push(at);
          k += 3;
        } else if (op === 1) {
          const to: [number, number] = [buf[k + 1]!, buf[k + 2]!];
          if (at) segment(at, to);
          at = to;
          pts.push(to);
          k += 3;
        } else if (op === 2) {
          at = [buf[k + 5]!, buf[k + 6]!];
          k += 7;
        } else if (op === 3) {
          at = [buf[k + 3]!, buf[k + 4]!];
          k += 5;
        } else {
          if (at && start) segment(at, start);
          at = start;
          k += 1;
        }
      }
      // A thin filled rectangle is a rule too: keep its long middle line.
      if (pts.length >= 4) {
        const tp = pts.map((p) => apply(ctm, ...p));
        const xs = tp.map((p) => p[0]);
        const ys = tp.map((p) => p[1]);
        const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
        if (y1 - y0 <= 2 && x1 - x0 > 2) rules.push({ x1: x0, y1: (y0 + y1) / 2, x2: x1, y2: (y0 + y1) / 2 });
        else if (x1 - x0 <= 2 && y1 - y0 > 2)
          rules.push({ x1: (x0 + x1) / 2, y1: y0, x2: (x0 + x1) / 2, y2: y1 });
      }
    }
  }
  return rules;
}

/** Text runs and rules of every page through pdf.js. Throws IMPORT_BAD_PDF for what it cannot open. */
export async function pdfPageContents(
  bytes: Uint8Array,
  onPage?: (done: number, total: number) => void,
): Promise<PdfPageContent[]> {
  const lib = await loadPdfJs();
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
  try {
    doc = await lib.getDocument({
      data: new Uint8Array(bytes), // pdf.js takes the buffer over
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
      cMapUrl: assetDir('cmaps'),
      cMapPacked: true,
      standardFontDataUrl: assetDir('standard_fonts'),
    }).promise;
  } catch {
    throw refuse('IMPORT_BAD_PDF');
  }
  try {
    const pages: PdfPageContent[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str === '') continue;
        const [a, b, c, d, e, f] = it.transform as number[];
        if (Math.abs(b!) > 0.01 * Math.abs(a!) || Math.abs(c!) > 0.01 * Math.abs(d!)) continue; // rotated
        items.push({ str: it.str, x: e! - x0, y: f! - y0, width: it.width, size: Math.abs(d!) || it.height });
      }
      const ops = await page.getOperatorList();
      const rules = rulesOf(lib, ops).map((r) => ({
        x1: r.x1 - x0,
        y1: r.y1 - y0,
        x2: r.x2 - x0,
        y2: r.y2 - y0,
      }));
      pages.push({ width: x1 - x0, height: y1 - y0, items, rules });
      page.cleanup();
      onPage?.(p, doc.numPages);
    }
    return pages;
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw refuse('IMPORT_BAD_PDF');
  } finally {
    await doc.destroy();
  }
}

/** A page counts as text when its text layer has a few words; a scan has none (or only a stamp). */
const hasText = (p: PdfPageContent) => p.items.reduce((n, it) => n + it.str.trim().length, 0) >= 40;

// ---- OCR ----

interface Run {
  ok: boolean;
  code: number | null;
  stdout: string;
  stderr: string;
  missing: boolean;
  timedOut: boolean;
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ ok: false, code: null, stdout, stderr, missing: e.code === 'ENOENT', timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ok: code === 0 && !timedOut, code, stdout, stderr, missing: false, timedOut });
    });
  });
}

/** Whether OCR can run here: tesseract with its Vietnamese data, and pdftoppm. */
export async function ocrAvailable(): Promise<boolean> {
  const langs = await run('tesseract', ['--list-langs'], 10_000);
  if (!langs.ok || !/^vie$/m.test(langs.stdout)) return false;
  const pp = await run('pdftoppm', ['-v'], 10_000);
  return !pp.missing;
}

/** Words of tesseract's TSV output as text runs in pixels (y upwards), one size per recognised line. */
export function tsvToPage(tsv: string): PdfPageContent {
  let width = 0;
  let height = 0;
  const lines = new Map<
    string,
    { left: number; top: number; width: number; height: number; text: string }[]
  >();
  for (const row of tsv.split('\n').slice(1)) {
    const f = row.split('\t');
    if (f.length < 12) continue;
    const [level, , block, par, line, , left, top, w, h, conf] = f.map(Number) as number[];
    const text = f.slice(11).join('\t');
    if (level === 1) {
      width = w!;
      height = h!;
    }
    if (level !== 5 || !text.trim() || conf! < 0) continue;
    const key = `${block}.${par}.${line}`;
    lines.set(key, [...(lines.get(key) ?? []), { left: left!, top: top!, width: w!, height: h!, text }]);
  }
  const items: PdfTextItem[] = [];
  // Word boxes vary with accents and descenders: a line's size is the page's usual line height unless
  // it is clearly bigger or smaller (a heading, a footnote).
  const heights = [...lines.values()].map((words) => median(words.map((w) => w.height)));
  const usual = median(heights);
  for (const words of lines.values()) {
    const bottom = median(words.map((w) => w.top + w.height));
    const own = Math.max(1, median(words.map((w) => w.height)));
    const size = Math.abs(own - usual) <= 0.35 * usual ? usual : own;
    for (const w of words) items.push({ str: w.text, x: w.left, y: height - bottom, width: w.width, size });
  }
  return { width, height, items, rules: [] };
}

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function ocrPages(
  bytes: Uint8Array,
  total: number,
  limits: OcrLimits,
  onPage?: (done: number, total: number) => void,
): Promise<PdfPageContent[]> {
  if (!(await ocrAvailable())) throw refuse('IMPORT_OCR_UNAVAILABLE');
  if (total > limits.maxPages) throw refuse('IMPORT_OCR_TOO_LONG');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'thucthi-ocr-'));
  try {
    const pdf = path.join(dir, 'in.pdf');
    await fs.writeFile(pdf, bytes);
    const pages: PdfPageContent[] = [];
    onPage?.(0, total);
    for (let p = 1; p <= total; p++) {
      const started = Date.now();
      const prefix = path.join(dir, `p${p}`);
      const args = ['-r', String(limits.dpi), '-gray', '-png', '-singlefile', '-f', `${p}`, '-l', `${p}`];
      const img = await run('pdftoppm', [...args, pdf, prefix], limits.pageMs);
      if (img.missing) throw refuse('IMPORT_OCR_UNAVAILABLE');
      if (img.timedOut) throw refuse('IMPORT_OCR_TOO_LONG');
      if (!img.ok) throw refuse('IMPORT_BAD_PDF');
      const left = limits.pageMs - (Date.now() - started);
      if (left <= 0) throw refuse('IMPORT_OCR_TOO_LONG');
      const ocr = await run('tesseract', [`${prefix}.png`, 'stdout', '-l', 'vie', '--psm', '3', 'tsv'], left);
      if (ocr.missing) throw refuse('IMPORT_OCR_UNAVAILABLE');
      if (ocr.timedOut) throw refuse('IMPORT_OCR_TOO_LONG');
      if (!ocr.ok) throw refuse('IMPORT_OCR_UNAVAILABLE');
      pages.push(tsvToPage(ocr.stdout));
      await fs.rm(`${prefix}.png`, { force: true });
      onPage?.(p, total);
    }
    return pages;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/**
 * The text of a PDF for the parser. A PDF whose pages mostly have no text layer is a scan: it is read
 * by OCR (every character of the result is in `ocrSpans`). Throws ImportError.
 */
export async function pdfToText(
  bytes: Uint8Array,
  opts: { onProgress?: (p: ReadProgress) => void; ocr?: Partial<OcrLimits> } = {},
): Promise<PdfText> {
  const pages = await pdfPageContents(bytes, (done, total) =>
    opts.onProgress?.({ stage: 'text', done, total }),
  );
  if (pages.length === 0) throw refuse('IMPORT_EMPTY');
  const withText = pages.filter(hasText).length;
  if (withText * 4 >= pages.length) {
    return { text: clean(pdfPagesToText(pages)), ocrSpans: [], pages: pages.length };
  }
  const limits = { ...OCR_LIMITS, ...opts.ocr };
  const scanned = await ocrPages(bytes, pages.length, limits, (done, total) =>
    opts.onProgress?.({ stage: 'ocr', done, total }),
  );
  const text = clean(pdfPagesToText(scanned));
  return { text, ocrSpans: text ? [[0, text.length]] : [], pages: pages.length };
}

/** What normalizeSource would change, changed here, so that offsets in the text are the source's. */
function clean(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
      // eslint-disable-next-line no-control-regex -- removing control characters
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
      .replace(/[ \t]+$/gm, '')
  );
}
