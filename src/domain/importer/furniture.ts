/**
 * Page furniture: what a page carries that is not the document's content — the Official Gazette's
 * running header ("CÔNG BÁO/Số 286/Ngày 27-05-2026") and the page number under it, page numbers
 * ("- 3 -", "Trang 4", "12/30"), digital-signature stamps ("Ký bởi: …", "Cơ quan: …", "Ngày ký: …")
 * and a table's column-number row repeated on each page ("(1) | (2) | (3)"). Pure.
 *
 * The parser masks these ranges (blanks them, keeping every offset) before reading the text, so a
 * paragraph or a table row broken by a page reads as one; the ranges stay in the document as `other`
 * spans of kind 'furniture', and a node whose span runs across a page break does not own them (see
 * lossless.ts).
 */
import type { Span } from './types.js';

const GAZETTE_RE = /^CÔNG BÁO\s*\/\s*Số\s*[\d+\s]+\/\s*Ngày\s*\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{4}$/iu;
const PAGE_RE = /^(?:[-–—]\s*)?(?:Trang\s+)?\d{1,4}(?:\s*[-–—])?$|^\d{1,3}\s*\/\s*\d{1,3}$/u;
const SIGNATURE_START_RE = /^Ký\s+bởi\s*:/iu;
const SIGNATURE_RE = /^(Ký\s+bởi|Cơ\s+quan|Ngày\s+ký|Thời\s+gian\s+ký|Email|Chức\s+vụ)\s*:/iu;

interface RawLine {
  start: number;
  end: number;
  text: string;
}

function lines(source: string): RawLine[] {
  const out: RawLine[] = [];
  let pos = 0;
  for (const raw of source.split('\n')) {
    const start = pos;
    pos += raw.length + 1;
    const text = raw.trim();
    if (!text) continue;
    const lead = raw.length - raw.trimStart().length;
    out.push({ start: start + lead, end: start + lead + text.length, text });
  }
  return out;
}

/** The spans of page furniture in a normalised source, in order. */
export function findFurniture(source: string): Span[] {
  const ls = lines(source);
  const out: Span[] = [];
  const gazette = ls.some((l) => GAZETTE_RE.test(l.text));
  for (let i = 0; i < ls.length; i++) {
    const l = ls[i]!;
    if (GAZETTE_RE.test(l.text)) {
      out.push([l.start, l.end]);
      // The page number printed under (or just above) the running header.
      const next = ls[i + 1];
      if (next && PAGE_RE.test(next.text)) {
        out.push([next.start, next.end]);
        i++;
      }
      continue;
    }
    if (SIGNATURE_START_RE.test(l.text)) {
      out.push([l.start, l.end]);
      while (
        i + 1 < ls.length &&
        SIGNATURE_RE.test(ls[i + 1]!.text) &&
        !SIGNATURE_START_RE.test(ls[i + 1]!.text)
      ) {
        i++;
        out.push([ls[i]!.start, ls[i]!.end]);
      }
      continue;
    }
    // A gazette text ends each page with its number when the header is on the next page.
    if (gazette && PAGE_RE.test(l.text) && ls[i + 1] && GAZETTE_RE.test(ls[i + 1]!.text)) {
      out.push([l.start, l.end]);
      continue;
    }
  }
  return out;
}

/** The source with the given spans blanked (each character a space; line breaks kept). */
export function maskSpans(source: string, spans: Span[]): string {
  if (spans.length === 0) return source;
  let out = '';
  let pos = 0;
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (s < pos) continue;
    out += source.slice(pos, s) + source.slice(s, e).replace(/[^\n]/g, ' ');
    pos = e;
  }
  return out + source.slice(pos);
}

/** The text a parsed document is read from: its source with the page furniture blanked. */
export function readableSource(doc: { source: string; other: { kind: string; span: Span }[] }): string {
  return maskSpans(
    doc.source,
    doc.other.filter((o) => o.kind === 'furniture').map((o) => o.span),
  );
}
