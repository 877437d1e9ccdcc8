// Entry of the document reader thread. The server runs TypeScript through tsx; a worker started
// by it inherits tsx's loader when tsx was given on the command line, but not when tsx was
// registered in-process (bin/thucthi.js) or under the test runner: then register it here.
import { workerData } from 'node:worker_threads';

try {
  await import(workerData.module);
} catch (e) {
  if (e?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw e;
  const { register } = await import('tsx/esm/api');
  register();
  // A failed import is remembered per URL: ask again under another one.
  await import(`${workerData.module}?tsx`);
}
