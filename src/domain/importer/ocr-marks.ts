/**
 * Text read by OCR from a scanned page may be wrong letter by letter: every node whose text comes
 * from such a range is marked `ocr: true`, and the document carries one `OCR_TEXT` warning per range,
 * so that the person checking the draft compares it with the original. The warnings keep the ranges:
 * after a correction of the tree the marks are set again from them (`keepOcrMarks`).
 */
import type { DocNode, Span, Warning } from './types.js';

export const OCR_WARNING = 'OCR_TEXT';
export const OCR_MESSAGE = 'Nội dung đọc bằng OCR từ bản quét, cần đối chiếu với bản gốc';

interface Marked {
  sections: DocNode[];
  warnings: Warning[];
}

const overlaps = (a: Span, b: Span) => a[0] < b[1] && b[0] < a[1];

function mark(nodes: DocNode[], spans: Span[]): DocNode[] {
  return nodes.map((n) => {
    const { ocr: _old, ...rest } = n;
    const children = mark(n.children, spans);
    return spans.some((s) => overlaps(s, n.span)) ? { ...rest, ocr: true, children } : { ...rest, children };
  });
}

/** Marks the nodes that overlap the OCR'd ranges and adds the OCR_TEXT warnings (once per range). */
export function markOcr<T extends Marked>(doc: T, spans: Span[]): T {
  const ranges = spans.filter(([s, e]) => e > s);
  const others = doc.warnings.filter((w) => w.code !== OCR_WARNING);
  if (!ranges.length) return { ...doc, sections: mark(doc.sections, []), warnings: others };
  const warnings = [
    ...others,
    ...ranges.map((span): Warning => ({ code: OCR_WARNING, message: OCR_MESSAGE, span: [span[0], span[1]] })),
  ].sort((a, b) => a.span[0] - b.span[0]);
  return { ...doc, sections: mark(doc.sections, ranges), warnings };
}

/** The OCR'd ranges a document records in its warnings. */
export function ocrSpansOf(doc: Pick<Marked, 'warnings'>): Span[] {
  return doc.warnings.filter((w) => w.code === OCR_WARNING).map((w) => w.span);
}

/** After a correction (`after` derived from `before`): the OCR marks and warnings of `before` again. */
export function keepOcrMarks<T extends Marked>(before: Pick<Marked, 'warnings'>, after: T): T {
  const spans = ocrSpansOf(before);
  return spans.length ? markOcr(after, spans) : after;
}
