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

/** The pieces of the source in order: node spans and other spans. */
export function pieces(doc: ParsedDocument): [number, number][] {
  return [...allNodes(doc).map((n) => n.span), ...doc.other.map((o) => o.span)].sort((a, b) => a[0] - b[0]);
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
