/**
 * Prints what the importer gets wrong in each corpus document, against its golden reading
 * (src/domain/importer/golden.ts). `--write` saves the list as fixtures/corpus/known-gaps.json, which
 * parse.corpus.test.ts checks.
 */
import fs from 'node:fs';
import { parseDocument } from '../src/domain/importer/parse.js';
import { docxToTextSync } from '../src/domain/importer/docx.js';
import { buildSeedUnits } from '../src/domain/units.js';
import { compareReading, type ExpectedReading } from '../src/domain/importer/golden.js';

const units = buildSeedUnits(fs.readFileSync(new URL('../seed/hanoi-units.txt', import.meta.url), 'utf8'));
const dir = new URL('../fixtures/corpus/', import.meta.url).pathname;
const only = process.argv[2]?.startsWith('--') ? undefined : process.argv[2];
const write = process.argv.includes('--write');
const gaps: Record<string, string[]> = {};
let total = 0;
for (const f of fs
  .readdirSync(dir)
  .filter((x) => /^\d.*\.(docx|txt)$/.test(x) && (!only || x.startsWith(only)))) {
  const buf = fs.readFileSync(dir + f);
  const text = f.endsWith('.docx') ? docxToTextSync(new Uint8Array(buf)) : buf.toString('utf8');
  const expected = JSON.parse(
    fs.readFileSync(dir + f.replace(/\.(docx|txt)$/, '.expected.json'), 'utf8'),
  ) as ExpectedReading;
  const wrong = compareReading(parseDocument(text, { units }), expected);
  total += wrong.length;
  if (wrong.length) gaps[f] = wrong;
  console.log(`===== ${f}: ${wrong.length} wrong`);
  for (const w of wrong) console.log('  ' + w.slice(0, 300));
}
console.log(`${total} facts wrong in all`);
if (write) {
  fs.writeFileSync(
    new URL('../fixtures/corpus/known-gaps.json', import.meta.url),
    JSON.stringify(gaps, null, 2) + '\n',
  );
  console.log('fixtures/corpus/known-gaps.json rewritten');
}
