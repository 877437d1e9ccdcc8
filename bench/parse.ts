/**
 * Importer speed: parse time of the seed program and of a generated 1 MB document, per KB.
 * Usage: npx tsx bench/parse.ts (also run by `npm run bench`).
 */
import fs from 'node:fs';
import { parseDocument } from '../src/domain/importer/parse.js';
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

export function benchParse() {
  console.log('3. Importer (parse only, no database)');
  time('seed program', seed, 20);
  time('generated 1 MB plan', bigDocument(), 2);
}

if (process.argv[1]?.endsWith('parse.ts')) benchParse();
