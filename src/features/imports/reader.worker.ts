/**
 * The body of the document reader thread: bytes or text in, parsed document out. Runs in a worker
 * (see reader.ts) so that a large or hostile upload never blocks the server's event loop, and so
 * that its memory and time can be capped.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseDocument, type ParseOptions } from '../../domain/importer/parse.js';
import { ImportError } from '../../domain/importer/normalize.js';
import { readImportInput, type ImportInput } from './import-input.js';
import type { ReaderReply } from './reader.js';

export interface ReaderJob {
  input: ImportInput;
  units: ParseOptions['units'];
}

async function run(job: ReaderJob): Promise<ReaderReply> {
  try {
    const read = await readImportInput(job.input);
    return { ok: true, format: read.format, parsed: parseDocument(read.text, { units: job.units }) };
  } catch (e) {
    if (e instanceof ImportError) return { ok: false, code: e.code, message: e.message };
    throw e;
  }
}

const data = workerData as { job?: ReaderJob } | null;
if (parentPort && data?.job) parentPort.postMessage(await run(data.job));
