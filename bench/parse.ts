/**
 * Importer speed: parse time of the seed program and of a generated 1 MB document, per KB; then reading
 * plus parsing per KB of the uploaded file for .txt, .docx and a text PDF of the same corpus document
 * (13), with their ratios to .txt, and OCR time per page of a scanned PDF. Figures only, no asserts.
 * Usage: npx tsx bench/parse.ts (also run by `npm run bench`).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { parseDocument } from '../src/domain/importer/parse.js';
import { docxToText } from '../src/domain/importer/docx.js';
import { pdfToText } from '../src/features/imports/pdf.js';
import { buildSeedUnits } from '../src/domain/units.js';

const units = buildSeedUnits(fs.readFileSync('seed/hanoi-units.txt', 'utf8'));
const seed = fs.readFileSync('fixtures/ctr-hanh-dong-nq27-ha-noi.txt', 'utf8');

/** A 1 MB plan: section II of the seed repeated as many numbered groups as it takes. */
export function bigDocument(bytes = 1024 * 1024): string {
  const body = seed.slice(seed.indexOf('II. NHIỆM VỤ'), seed.indexOf('III. TỔ CHỨC THỰC HIỆN'));
  const groups = body.split(/\n(?=\d+\. )/).slice(1);
  const head = seed.slice(0, seed.indexOf('II. NHIỆM VỤ')) + 'II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU\n\n';
  const tail = seed.slice(seed.indexOf('III. TỔ CHỨC THỰC HIỆN'));
  let out = head;
  for (let n = 1; Buffer.byteLength(out + tail) < bytes; n++) {
    out += groups[(n - 1) % groups.length]!.replace(/^\d+\./, `${n}.`) + '\n';
  }
  return out + tail;
}

function time(label: string, text: string, runs: number) {
  parseDocument(text, { units }); // warm-up
  const t0 = performance.now();
  let tasks = 0;
  for (let i = 0; i < runs; i++) tasks = parseDocument(text, { units }).tasks.length;
  const ms = (performance.now() - t0) / runs;
  const kb = Buffer.byteLength(text) / 1024;
  console.log(
    `   ${label}: ${kb.toFixed(0)} KB, ${tasks} tasks, ${ms.toFixed(1)} ms per parse, ${(ms / kb).toFixed(3)} ms/KB`,
  );
}

const CORPUS_DOC = 'fixtures/corpus/13-laocai-ubnd-kh-trien-khai-ct-11-cttu-khoang-san';
const PDF_DOC = 'fixtures/import/pdf/13-laocai-ubnd-kh-trien-khai-ct-11-cttu-khoang-san';

/** Mean ms of `runs` runs of `f` after one warm-up. */
async function mean(runs: number, f: () => Promise<unknown>): Promise<number> {
  await f();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await f();
  return (performance.now() - t0) / runs;
}

/** Reading (text out of the file) and parsing, per KB of the file as uploaded, by format. */
async function formats() {
  const docxBytes = new Uint8Array(fs.readFileSync(`${CORPUS_DOC}.docx`));
  const pdfBytes = new Uint8Array(fs.readFileSync(`${PDF_DOC}.pdf`));
  const txt = await docxToText(docxBytes); // the same document as plain text
  const rows: [string, number, number][] = [
    ['.txt', Buffer.byteLength(txt) / 1024, await mean(10, async () => parseDocument(txt, { units }))],
    [
      '.docx',
      docxBytes.length / 1024,
      await mean(10, async () => parseDocument(await docxToText(docxBytes), { units })),
    ],
    [
      'text PDF',
      pdfBytes.length / 1024,
      await mean(3, async () => parseDocument((await pdfToText(pdfBytes)).text, { units })),
    ],
  ];
  const perKb = (r: [string, number, number]) => r[2] / r[1];
  const base = perKb(rows[0]!);
  for (const r of rows)
    console.log(
      `   ${r[0]} (corpus 13): ${r[1].toFixed(0)} KB, ${r[2].toFixed(1)} ms, ${perKb(r).toFixed(3)} ms/KB, ${(perKb(r) / base).toFixed(1)}× .txt per KB`,
    );
}

/** OCR time per page of the scanned fixture (2 pages at 150 dpi), or why it cannot run. */
async function ocr() {
  const langs = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  if (langs.status !== 0 || !/^vie$/m.test(langs.stdout)) {
    console.log('   OCR: skipped, tesseract-ocr with tesseract-ocr-vie is not installed');
    return;
  }
  const scan = new Uint8Array(fs.readFileSync(`${PDF_DOC}-scan.pdf`));
  const t0 = performance.now();
  const r = await pdfToText(scan);
  const pages = r.pages;
  const ms = performance.now() - t0;
  const tp = performance.now();
  parseDocument(r.text, { units });
  const parseMs = performance.now() - tp;
  console.log(
    `   OCR (scanned PDF, ${pages} pages at 150 dpi): ${(ms / pages).toFixed(0)} ms per page (render + recognise), parse ${parseMs.toFixed(1)} ms`,
  );
}

export async function benchParse() {
  console.log('3. Importer (parse only, no database)');
  time('seed program', seed, 20);
  time('generated 1 MB plan', bigDocument(), 2);
  console.log('   Reading and parsing by format (per KB of the file):');
  await formats();
  await ocr();
}

if (process.argv[1]?.endsWith('parse.ts')) await benchParse();
