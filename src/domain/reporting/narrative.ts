/**
 * The consolidated report's narrative: sections of blocks (subheadings, paragraphs, bullets), and a
 * plain-text form for editing — "# " starts a subheading, "- " a bullet, any other line a paragraph.
 */
export interface NarrativeBlock {
  kind: 'heading' | 'subheading' | 'paragraph' | 'bullet';
  text: string;
}

export interface NarrativeSection {
  heading: string;
  blocks: NarrativeBlock[];
}

/** The heading data of an official report: layout, issuing body, number, date, title, signer, recipients. */
export interface ConsolidationHeading {
  layout: 'party' | 'state';
  /** Party: the body above the issuer; State: the governing body (cơ quan chủ quản). */
  parentBody: string | null;
  issuer: string;
  number: string | null;
  notation: string;
  place: string;
  date: string | null;
  /** Trích yếu. */
  title: string;
  signer: { authority: string | null; position: string; name: string };
  /** Nơi nhận. */
  recipients: string[];
}

export function blocksToText(blocks: NarrativeBlock[]): string {
  return blocks
    .map((b) =>
      b.kind === 'subheading' || b.kind === 'heading'
        ? `# ${b.text}`
        : b.kind === 'bullet'
          ? `- ${b.text}`
          : b.text,
    )
    .join('\n');
}

export function textToBlocks(text: string): NarrativeBlock[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l): NarrativeBlock => {
      if (l.startsWith('# ')) return { kind: 'subheading', text: l.slice(2).trim() };
      if (/^[-–•+]\s/.test(l)) return { kind: 'bullet', text: l.slice(2).trim() };
      return { kind: 'paragraph', text: l };
    });
}
