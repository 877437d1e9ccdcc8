/**
 * Golden tests on the six real documents of fixtures/corpus/ (a province, a ministry, the Government
 * and the Prime Minister; Word files and Official Gazette texts). What a correct reading is was
 * written down by people reading each document (*.expected.json / *.expected.md), not by running the
 * parser. Every fact is checked; the facts the importer still reads wrong are listed, one by one, in
 * fixtures/corpus/known-gaps.json — this test fails when a listed fact becomes right (remove it) or
 * when any other fact goes wrong. `npx tsx scripts/corpus-score.ts` prints the same comparison;
 * `--write` rewrites the list.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from './parse.js';
import { docxToTextSync } from './docx.js';
import { coverageProblems, rebuiltWithoutWhitespace } from './lossless.js';
import { normalizeSource } from './normalize.js';
import { compareReading, type ExpectedReading } from './golden.js';
import { buildSeedUnits } from '../units.js';

const dir = new URL('../../../fixtures/corpus/', import.meta.url);
const units = buildSeedUnits(
  fs.readFileSync(new URL('../../../seed/hanoi-units.txt', import.meta.url), 'utf8'),
);
const gaps = JSON.parse(fs.readFileSync(new URL('known-gaps.json', dir), 'utf8')) as Record<string, string[]>;
const docs = fs.readdirSync(dir).filter((f) => /^\d.*\.(docx|txt)$/.test(f));

function read(name: string): string {
  const buf = fs.readFileSync(new URL(name, dir));
  return name.endsWith('.docx') ? docxToTextSync(new Uint8Array(buf)) : buf.toString('utf8');
}

describe('the six corpus documents', () => {
  it('are all here, each with its golden reading', () => {
    expect(docs).toHaveLength(6);
    for (const d of docs)
      expect(fs.existsSync(new URL(d.replace(/\.(docx|txt)$/, '.expected.json'), dir))).toBe(true);
  });

  for (const name of docs) {
    describe(name, () => {
      const raw = read(name);
      const doc = parseDocument(raw, { units });
      const expected = JSON.parse(
        fs.readFileSync(new URL(name.replace(/\.(docx|txt)$/, '.expected.json'), dir), 'utf8'),
      ) as ExpectedReading;

      it('is read losslessly: every non-blank character in exactly one node or other span', () => {
        expect(coverageProblems(doc)).toEqual([]);
        expect(rebuiltWithoutWhitespace(doc)).toBe(normalizeSource(raw).replace(/\s+/g, ''));
      });

      it('reads every fact of its golden reading, but the listed gaps', () => {
        expect(compareReading(doc, expected)).toEqual(gaps[name] ?? []);
      });

      it('gets the headline figures right: number, date, issuer, parts, task counts', () => {
        const wrong = compareReading(doc, expected).filter((w) =>
          /^(number|date|issuer|docKind|sections|annexTasks|bodyTasks)\b/.test(w),
        );
        // Body task counts depend on judgement calls written in the .expected.md; the rest must be right.
        expect(wrong.filter((w) => !w.startsWith('bodyTasks'))).toEqual([]);
      });
    });
  }
});
