/**
 * 5. Hostile uploads: three zip-bomb .docx files (≈0.2 MB each, inflating to ≈200 MB of XML, sizes
 * forged in their headers) sent at once through POST /api/imports, while /healthz is asked every
 * 10 ms. Prints the latency of /healthz before and during the uploads, the uploads' answers and
 * times, and the process's peak RSS.
 */
import { zipBombDocx } from '../test/support/docx.js';
import { benchServer } from './server.js';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)] ?? 0;

async function probe(url: string, until: () => boolean): Promise<number[]> {
  const times: number[] = [];
  while (!until()) {
    const t0 = performance.now();
    await fetch(url);
    times.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 10));
  }
  return times;
}

export async function benchHostileUploads(): Promise<void> {
  const { base, cookie, close } = await benchServer();
  const { bomb, inflated } = zipBombDocx();

  let quietDone = false;
  setTimeout(() => (quietDone = true), 2000);
  const quiet = await probe(base + '/healthz', () => quietDone);

  const rssBefore = process.memoryUsage().rss;
  let rss = rssBefore;
  const rssTimer = setInterval(() => (rss = Math.max(rss, process.memoryUsage().rss)), 20);
  let pending = 3;
  const t0 = performance.now();
  const uploads = Array.from({ length: 3 }, async () => {
    const r = await fetch(base + '/api/imports?filename=bom.docx', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/octet-stream' },
      body: bomb,
    });
    const body = (await r.json()) as { code?: string };
    pending--;
    return { status: r.status, code: body.code ?? '-', ms: performance.now() - t0 };
  });
  const during = await probe(base + '/healthz', () => pending === 0);
  const answers = await Promise.all(uploads);
  clearInterval(rssTimer);
  await close();

  console.log('5. Hostile uploads: 3 zip-bomb .docx at once (PGlite in memory)');
  console.log(
    `   each bomb: ${(bomb.length / 1024).toFixed(0)} KB → ${(inflated / 2 ** 20).toFixed(0)} MB of XML (ratio ${(inflated / bomb.length).toFixed(0)}:1, headers declare 4 KB)`,
  );
  console.log(
    `   /healthz before: p50 ${pct(quiet, 0.5).toFixed(1)} ms, p99 ${pct(quiet, 0.99).toFixed(1)} ms (${quiet.length} probes)`,
  );
  console.log(
    `   /healthz during: p50 ${pct(during, 0.5).toFixed(1)} ms, p99 ${pct(during, 0.99).toFixed(1)} ms, max ${Math.max(...during).toFixed(1)} ms (${during.length} probes)`,
  );
  for (const a of answers)
    console.log(`   upload answered ${a.status} ${a.code} after ${a.ms.toFixed(0)} ms`);
  console.log(
    `   RSS of the process (server and bench client, bombs built in memory): ${(rssBefore / 2 ** 20).toFixed(0)} MB before, ${(rss / 2 ** 20).toFixed(0)} MB at the peak`,
  );
}
