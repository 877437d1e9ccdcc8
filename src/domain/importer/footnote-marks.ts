/**
 * Footnote markers left in the text: a superscript digit ("¹", "²³") glued to a word, or — where the
 * superscript became a plain digit in the gazette text — a digit glued after a document number or a
 * year ("Nghị quyết số 57-NQ/TW1 ngày …", "đến năm 20302"). Pure.
 *
 * Superscripts are always markers. A plain digit is one only when the document's footnote list has
 * that number: a line "[1] …" after the text (as the Word reader writes footnotes), or a line "1 …" /
 * "¹ …" that ends a page (just before the page's furniture) or the document. The parser masks the
 * markers (keeping every offset) so that numbers and years read right; they stay in the document as
 * `other` spans of kind 'footnote'.
 */
import type { Span } from './types.js';

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUPER_RE = new RegExp(`(?<=[\\p{L}\\d.,;:)”"'/])[${SUPERSCRIPT}]+`, 'gu');
/** "[3] Nghị quyết …" */
const BRACKET_NOTE_RE = /^\s*\[(\d{1,3})\]\s+\S/u;
/** "3 Nghị quyết …", "³ Nghị quyết …" at a page's end. */
const PAGE_NOTE_RE = new RegExp(`^\\s*(\\d{1,2}|[${SUPERSCRIPT}]{1,2})\\s*\\p{Lu}`, 'u');
/** A document number ending in its issuer's code ("57-NQ/TW", "12/2024/NĐ-CP") then glued digits. */
const AFTER_NUMBER_RE = /(?<![\p{L}\d])\d{1,4}(?:\/\d{4})?(?:[-/][\p{Lu}Đ]{1,10})+(\d{1,2})(?![\p{L}\d])/gu;
/** A year ("năm 2030") then glued digits. */
const AFTER_YEAR_RE = /(?<=\bnăm\s+|[/-])(?:19|20)\d\d(\d{1,2})(?![\p{L}\d])/giu;

function superValue(s: string): number {
  return +[...s].map((c) => SUPERSCRIPT.indexOf(c)).join('');
}

/** The footnote numbers a document lists. `pageEnds`: offsets where a page's furniture starts. */
export function footnoteNumbers(source: string, pageEnds: number[]): Set<number> {
  const out = new Set<number>();
  const lines = source.split('\n');
  let pos = 0;
  const starts = lines.map((l) => {
    const s = pos;
    pos += l.length + 1;
    return s;
  });
  const ends = new Set(pageEnds);
  lines.forEach((l, i) => {
    const b = BRACKET_NOTE_RE.exec(l);
    if (b) out.add(+b[1]!);
    const p = PAGE_NOTE_RE.exec(l);
    if (!p) return;
    // The note ends a page: only blank lines between it (or its wrapped lines) and the page's end.
    let k = i + 1;
    while (k < lines.length && lines[k]!.trim() !== '' && !PAGE_NOTE_RE.test(lines[k]!) && k - i < 4) k++;
    while (k < lines.length && lines[k]!.trim() === '') k++;
    if (k >= lines.length || ends.has(starts[k]!) || PAGE_NOTE_RE.test(lines[k]!))
      out.add(/\d/.test(p[1]!) ? +p[1]! : superValue(p[1]!));
  });
  return out;
}

/** The spans of the footnote markers in the text. */
export function findFootnoteMarks(source: string, pageEnds: number[] = []): Span[] {
  const out: Span[] = [];
  for (const m of source.matchAll(SUPER_RE)) out.push([m.index, m.index + m[0].length]);
  const notes = footnoteNumbers(source, pageEnds);
  if (notes.size > 0)
    for (const re of [AFTER_NUMBER_RE, AFTER_YEAR_RE])
      for (const m of source.matchAll(re)) {
        const d = m[1]!;
        if (!notes.has(+d)) continue;
        const end = m.index + m[0].length;
        out.push([end - d.length, end]);
      }
  return out.sort((a, b) => a[0] - b[0]);
}
