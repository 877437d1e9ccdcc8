/**
 * Reads and parses an uploaded document off the main thread, with a cap on memory and time and
 * on how many documents are read at once. A document that takes too long or too much memory is
 * refused with IMPORT_TOO_COMPLEX; when the readers are all busy for too long, IMPORT_BUSY.
 */
import { Worker } from 'node:worker_threads';
import type { ImportFormat } from '../../contract/imports.js';
import type { ParseOptions } from '../../domain/importer/parse.js';
import type { ParsedDocument } from '../../domain/importer/types.js';
import { ImportError, IMPORT_MESSAGES, type ImportErrorCode } from '../../domain/importer/normalize.js';
import type { ImportInput } from './import-input.js';
import type { ReaderJob, ReaderMessage } from './reader.worker.js';
import { OCR_LIMITS, type ReadProgress } from './pdf.js';

export type ReaderReply =
  | { ok: true; format: ImportFormat; parsed: ParsedDocument }
  | { ok: false; code: ImportErrorCode; message: string };

export interface ReaderLimits {
  /** Wall-clock time one document may take, start of the thread included. */
  timeoutMs: number;
  /** Heap of the reader thread. */
  heapMb: number;
  /** Documents read at the same time; more wait in line. */
  parallel: number;
  /** How long a document may wait in line before IMPORT_BUSY. */
  queueMs: number;
  /** OCR of a scanned PDF: time per page (rendering and recognition), on top of `timeoutMs` … */
  ocrPageMs: number;
  /** … pages a scan may have, … */
  ocrMaxPages: number;
  /** … and the most a whole scan may take. */
  ocrDocumentMs: number;
}

export const READER_LIMITS: ReaderLimits = {
  timeoutMs: 30_000,
  heapMb: 1024,
  parallel: 2,
  queueMs: 30_000,
  ocrPageMs: OCR_LIMITS.pageMs,
  ocrMaxPages: OCR_LIMITS.maxPages,
  ocrDocumentMs: 10 * 60_000,
};

const ENTRY = new URL('./reader-entry.mjs', import.meta.url);
const MODULE = new URL('./reader.worker.ts', import.meta.url).href;

const refuse = (code: ImportErrorCode) => new ImportError(code, IMPORT_MESSAGES[code]);

let running = 0;
const waiting: (() => void)[] = [];

async function slot(queueMs: number, parallel: number): Promise<() => void> {
  if (running >= parallel) {
    await new Promise<void>((resolve, reject) => {
      const go = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiting.splice(waiting.indexOf(go), 1);
        reject(refuse('IMPORT_BUSY'));
      }, queueMs);
      waiting.push(go);
    });
  }
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

function runWorker(
  job: ReaderJob,
  limits: ReaderLimits,
  onProgress?: (p: ReadProgress) => void,
): Promise<ReaderReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(ENTRY, {
      workerData: { module: MODULE, job },
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 64 },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      f();
      void worker.terminate();
    };
    const tooLong = () => settle(() => reject(refuse('IMPORT_TOO_COMPLEX')));
    let timer = setTimeout(tooLong, limits.timeoutMs);
    let ocrBudgetGiven = false;
    worker.on('message', (m: ReaderMessage) => {
      if (m.kind === 'reply') return settle(() => resolve(m.reply));
      // A scan read by OCR gets a budget per page, up to the cap for a whole document.
      if (m.progress.stage === 'ocr' && !ocrBudgetGiven) {
        ocrBudgetGiven = true;
        clearTimeout(timer);
        const budget = Math.min(limits.ocrDocumentMs, m.progress.total * limits.ocrPageMs);
        timer = setTimeout(
          () => settle(() => reject(refuse('IMPORT_OCR_TOO_LONG'))),
          limits.timeoutMs + budget,
        );
      }
      onProgress?.(m.progress);
    });
    worker.once('error', (e: Error & { code?: string }) =>
      settle(() => reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? refuse('IMPORT_TOO_COMPLEX') : e)),
    );
    worker.once('exit', () => settle(() => reject(refuse('IMPORT_TOO_COMPLEX'))));
  });
}

/**
 * Reads the input (text, .docx or .pdf, a scan by OCR) and parses it, in a worker thread; `onProgress`
 * hears of the pages read. Throws ImportError.
 */
export async function readAndParse(
  input: ImportInput,
  units: ParseOptions['units'],
  limits: Partial<ReaderLimits> = {},
  onProgress?: (p: ReadProgress) => void,
): Promise<{ format: ImportFormat; parsed: ParsedDocument }> {
  const l = { ...READER_LIMITS, ...limits };
  const release = await slot(l.queueMs, l.parallel);
  try {
    const ocr = { pageMs: l.ocrPageMs, maxPages: l.ocrMaxPages };
    const reply = await runWorker({ input, units, ocr }, l, onProgress);
    if (!reply.ok) throw new ImportError(reply.code, reply.message);
    return { format: reply.format, parsed: reply.parsed };
  } finally {
    release();
  }
}
