/**
 * Cuts the source text into pieces for display: every node span, marked range and highlight starts
 * or ends on a piece boundary, so each piece belongs to exactly one (innermost) node and carries the
 * classes of the ranges covering it. Pure, so it is cheap to memoise.
 */
import type { Span } from '../../shared/importer';

export interface SpanOwner {
  id: string;
  span: Span;
  depth: number;
}

export interface Mark {
  span: Span;
  className: string;
}

export interface Segment {
  start: number;
  end: number;
  nodeId: string | null;
  classes: string[];
}

function clamp(n: number, max: number): number {
  return Math.max(0, Math.min(max, n));
}

/** The non-empty spans' holders, grouped by where their span starts. */
function byStart<T extends { span: Span }>(items: readonly T[]): Map<number, T[]> {
  const starting = new Map<number, T[]>();
  for (const it of items) {
    if (it.span[1] <= it.span[0]) continue;
    const list = starting.get(it.span[0]) ?? [];
    list.push(it);
    starting.set(it.span[0], list);
  }
  return starting;
}

export function segmentSource(
  length: number,
  owners: readonly SpanOwner[],
  marks: readonly Mark[],
  cuts: readonly number[] = [],
): Segment[] {
  const bounds = new Set<number>([0, length]);
  const add = (s: Span) => {
    bounds.add(clamp(s[0], length));
    bounds.add(clamp(s[1], length));
  };
  owners.forEach((o) => add(o.span));
  marks.forEach((m) => add(m.span));
  cuts.forEach((c) => bounds.add(clamp(c, length)));
  const points = [...bounds].sort((a, b) => a - b);

  // Sweep: owners and marks open at their start and close at their end.
  const starting = byStart(owners);
  const markStarting = byStart(marks);

  let active: SpanOwner[] = [];
  let activeMarks: Mark[] = [];
  const out: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    active = active.filter((o) => o.span[1] > a);
    activeMarks = activeMarks.filter((m) => m.span[1] > a);
    active.push(...(starting.get(a) ?? []));
    activeMarks.push(...(markStarting.get(a) ?? []));
    let owner: SpanOwner | null = null;
    for (const o of active) {
      if (!owner) owner = o;
      else {
        const len = o.span[1] - o.span[0];
        const best = owner.span[1] - owner.span[0];
        if (len < best || (len === best && o.depth > owner.depth)) owner = o;
      }
    }
    const classes = [...new Set(activeMarks.map((m) => m.className))];
    const prev = out[out.length - 1];
    const nodeId = owner?.id ?? null;
    // Pieces that look the same are joined, except at an explicit cut (the caret).
    if (prev && prev.nodeId === nodeId && prev.classes.join(' ') === classes.join(' ') && !cuts.includes(a)) {
      prev.end = b;
    } else {
      out.push({ start: a, end: b, nodeId, classes });
    }
  }
  return out;
}
