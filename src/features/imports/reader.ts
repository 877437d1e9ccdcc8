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
import type { ReaderJob } from './reader.worker.js';

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
}

export const READER_LIMITS: ReaderLimits = { timeoutMs: 30_000, heapMb: 1024, parallel: 2, queueMs: 30_000 };

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

function runWorker(job: ReaderJob, limits: ReaderLimits): Promise<ReaderReply> {
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
    const timer = setTimeout(() => settle(() => reject(refuse('IMPORT_TOO_COMPLEX'))), limits.timeoutMs);
    worker.once('message', (reply: ReaderReply) => settle(() => resolve(reply)));
    worker.once('error', (e: Error & { code?: string }) =>
      settle(() => reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? refuse('IMPORT_TOO_COMPLEX') : e)),
    );
    worker.once('exit', () => settle(() => reject(refuse('IMPORT_TOO_COMPLEX'))));
  });
}

/** Reads the input (text or .docx) and parses it, in a worker thread. Throws ImportError. */
export async function readAndParse(
  input: ImportInput,
  units: ParseOptions['units'],
  limits: Partial<ReaderLimits> = {},
): Promise<{ format: ImportFormat; parsed: ParsedDocument }> {
  const l = { ...READER_LIMITS, ...limits };
  const release = await slot(l.queueMs, l.parallel);
  try {
    const reply = await runWorker({ input, units }, l);
    if (!reply.ok) throw new ImportError(reply.code, reply.message);
    return { format: reply.format, parsed: reply.parsed };
  } finally {
    release();
  }
}
