import { Fragment, useMemo, useRef } from 'react';
import { scrollWithin, useScrollRequest } from './scroll';
import { segmentSource, type Mark, type SpanOwner } from './segments';
import type { Outline } from './outline';
import type { Span } from '../../shared/importer';

export interface ScrollRequest {
  span: Span;
  /** Bumped for every request, so asking again for the same span scrolls again. */
  seq: number;
}

export interface SourceTextProps {
  source: string;
  outline: Outline;
  /** Parts that belong to no node (header, signature, recipients…): shown muted. */
  other?: readonly Span[];
  selectedId?: string | null;
  /** Extra ranges to colour: the selected task's lead, cooperating bodies, deadline… */
  marks?: readonly Mark[];
  /** Ranges to point at (a warning, the places a document is cited). */
  focus?: readonly Span[];
  /** A caret drawn at this offset (where "Tách" will cut). */
  caret?: number | null;
  scrollTo?: ScrollRequest | null;
  /** A click in the text: the node under it (if any) and the exact character offset. */
  onPick?: (nodeId: string | null, offset: number) => void;
  height?: number | string;
  'aria-label'?: string;
}

const NONE: readonly never[] = [];

/**
 * The normalised source text with every node's span as a clickable piece. Spans are [start, end)
 * offsets into `source`; each piece carries its own start (data-start) so a click can be turned
 * back into an exact offset.
 */
export function SourceText({
  source,
  outline,
  other = NONE,
  selectedId = null,
  marks = NONE,
  focus = NONE,
  caret = null,
  scrollTo = null,
  onPick,
  height,
  'aria-label': ariaLabel = 'Văn bản gốc',
}: SourceTextProps) {
  const box = useRef<HTMLDivElement>(null);
  const owners = useMemo<SpanOwner[]>(
    () => outline.order.map((n) => ({ id: n.id, span: n.span, depth: n.depth })),
    [outline],
  );
  const selected = selectedId ? outline.byId.get(selectedId) : undefined;

  const segments = useMemo(() => {
    const all: Mark[] = [
      ...other.map((span) => ({ span, className: 'src-other' })),
      ...marks,
      ...focus.map((span) => ({ span, className: 'src-focus' })),
    ];
    if (selected) all.push({ span: selected.span, className: 'src-selected' });
    return segmentSource(source.length, owners, all, caret === null ? [] : [caret]);
  }, [source.length, owners, other, marks, focus, selected, caret]);

  useScrollRequest(box, scrollTo, (el) => {
    if (!scrollTo) return true;
    let found: HTMLElement | null = null;
    for (const child of el.querySelectorAll<HTMLElement>('[data-start]')) {
      if (Number(child.dataset.start) <= scrollTo.span[0]) found = child;
      else break;
    }
    return found ? scrollWithin(el, found) : true;
  });

  const onClick = (e: React.MouseEvent<HTMLDivElement>) => {
    if (!onPick || !box.current) return;
    const sel = window.getSelection();
    // Selecting text (to copy it) is not a pick.
    if (sel && !sel.isCollapsed) return;
    const target = (e.target as HTMLElement).closest<HTMLElement>('[data-start]');
    let offset: number | null = null;
    const anchor = sel?.anchorNode;
    if (sel && anchor && anchor.nodeType === Node.TEXT_NODE) {
      const piece = anchor.parentElement?.closest<HTMLElement>('[data-start]');
      if (piece && box.current.contains(piece)) offset = Number(piece.dataset.start) + sel.anchorOffset;
    }
    if (offset === null && target) offset = Number(target.dataset.start);
    if (offset === null) return;
    onPick(target?.dataset.node ?? null, offset);
  };

  return (
    <div
      ref={box}
      className="source-text"
      style={{ height, overflowY: height ? 'auto' : undefined }}
      onClick={onClick}
      aria-label={ariaLabel}
      role="document"
      data-testid="source-text"
    >
      {segments.map((s) => (
        <Fragment key={s.start}>
          {caret === s.start && <span className="src-caret" aria-hidden />}
          <span
            data-start={s.start}
            data-node={s.nodeId ?? undefined}
            className={[s.nodeId ? 'src-node' : 'src-gap', ...s.classes].join(' ')}
          >
            {source.slice(s.start, s.end)}
          </span>
        </Fragment>
      ))}
    </div>
  );
}
