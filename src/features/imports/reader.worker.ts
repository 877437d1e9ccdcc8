/**
 * The body of the document reader thread: bytes or text in, parsed document out. Runs in a worker
 * (see reader.ts) so that a large or hostile upload never blocks the server's event loop, and so
 * that its memory and time can be capped. Tells the main thread how far it is (pages read of all
 * pages) while it reads a PDF.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ParseOptions } from '../../domain/importer/parse.js';
import { ImportError } from '../../domain/importer/normalize.js';
import { parseRead, readImportInput, type ImportInput } from './import-input.js';
import type { OcrLimits, ReadProgress } from './pdf.js';
import type { ReaderReply } from './reader.js';

export interface ReaderJob {
  input: ImportInput;
  units: ParseOptions['units'];
  ocr?: Partial<OcrLimits>;
}

/** What the thread posts: progress messages, then one reply. */
export type ReaderMessage =
  { kind: 'progress'; progress: ReadProgress } | { kind: 'reply'; reply: ReaderReply };

async function run(job: ReaderJob, post: (m: ReaderMessage) => void): Promise<ReaderReply> {
  try {
    const read = await readImportInput(job.input, {
      onProgress: (progress) => post({ kind: 'progress', progress }),
      ...(job.ocr ? { ocr: job.ocr } : {}),
    });
    return { ok: true, format: read.format, parsed: parseRead(read, job.units) };
  } catch (e) {
    if (e instanceof ImportError) return { ok: false, code: e.code, message: e.message };
    throw e;
  }
}

const data = workerData as { job?: ReaderJob } | null;
if (parentPort && data?.job) {
  const port = parentPort;
  const post = (m: ReaderMessage) => port.postMessage(m);
  post({ kind: 'reply', reply: await run(data.job, post) });
}
