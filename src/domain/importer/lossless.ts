/** Checks that a parse covers its source exactly: every non-blank character in one node or `other` span. */
import type { DocNode, ParsedDocument } from './types.js';

export interface CoverageProblem {
  kind: 'overlap' | 'gap';
  at: number;
  text: string;
}

export function allNodes(doc: Pick<ParsedDocument, 'sections'>): DocNode[] {
  const out: DocNode[] = [];
  const walk = (n: DocNode) => {
    out.push(n);
    n.children.forEach(walk);
  };
  doc.sections.forEach(walk);
  return out;
}

/**
 * The page furniture of a document (running headers, page numbers…: see furniture.ts) and the
 * footnote markers inside its text (footnote-marks.ts): holes in the nodes around them.
 */
export function furnitureSpans(doc: Pick<ParsedDocument, 'other'>): [number, number][] {
  return doc.other.filter((o) => o.kind === 'furniture' || o.kind === 'footnote').map((o) => o.span);
}

/** A span without the furniture inside it (a paragraph or a row broken by a page does not own the page's header). */
function without(span: [number, number], holes: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  let pos = span[0];
  for (const [s, e] of holes) {
    if (s < span[0] || e > span[1]) continue;
    if (s > pos) out.push([pos, s]);
    pos = Math.max(pos, e);
  }
  if (pos < span[1] || out.length === 0) out.push([pos, span[1]]);
  return out;
}

/** The pieces of the source in order: node spans (less the furniture inside them) and other spans. */
export function pieces(doc: ParsedDocument): [number, number][] {
  const holes = furnitureSpans(doc).sort((a, b) => a[0] - b[0]);
  const isHole = (k: string) => k === 'furniture' || k === 'footnote';
  return [
    ...allNodes(doc).flatMap((n) => without(n.span, holes)),
    // Other spans (the heading, the closing…) may hold a footnote marker too.
    ...doc.other.flatMap((o) =>
      isHole(o.kind)
        ? [o.span]
        : without(
            o.span,
            holes.filter(([s, e]) => s > o.span[0] || e < o.span[1]),
          ),
    ),
  ].sort((a, b) => a[0] - b[0]);
}

export function coverageProblems(doc: ParsedDocument): CoverageProblem[] {
  const problems: CoverageProblem[] = [];
  let pos = 0;
  for (const [s, e] of pieces(doc)) {
    if (s < pos) problems.push({ kind: 'overlap', at: s, text: doc.source.slice(s, Math.min(pos, s + 60)) });
    const gap = doc.source.slice(pos, s);
    if (gap.trim()) problems.push({ kind: 'gap', at: pos, text: gap.slice(0, 60) });
    pos = Math.max(pos, e);
  }
  const tail = doc.source.slice(pos);
  if (tail.trim()) problems.push({ kind: 'gap', at: pos, text: tail.slice(0, 60) });
  return problems;
}

/** The document rebuilt from the tree and the other spans, whitespace removed. */
export function rebuiltWithoutWhitespace(doc: ParsedDocument): string {
  return pieces(doc)
    .map(([s, e]) => doc.source.slice(s, e))
    .join('')
    .replace(/\s+/g, '');
}
