import type { UnitKind } from '../units.js';

/**
 * The structure an imported document becomes. Every node keeps its exact span in the normalised
 * source, so the tree can always be checked against (and rebuilt from) the text.
 */

/** [start, end) character offsets in the normalised source text. */
export type Span = [number, number];

export const NODE_KINDS = [
  'section', // I., II., III. …
  'group', // 1., 2. … (nhóm nhiệm vụ in section II; items in I and III)
  'subgroup', // a), b), … đ) …
  'bullet', // "-", "+", "•", "*", "–"
  'paragraph', // a paragraph without a marker
  'table', // a table (its rows are children)
  'row', // a table row
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/**
 * A piece of a table cell's text and where it was read in the source; `span` is null for a value not
 * read from this row's own text (one carried down from a merged cell).
 */
export interface CellPiece {
  text: string;
  span: Span | null;
}

export interface DocNode {
  id: string; // stable within one parse: "n1", "n2", …
  kind: NodeKind;
  /** The marker as written: "II", "3", "b", "-", "+", or "" for paragraphs. */
  marker: string;
  /** Path label such as "II.3.b.2". */
  label: string;
  /** First line or heading text, without the marker. */
  title: string;
  /** The whole text of the node itself (not its children), markers and markup removed, whitespace collapsed. */
  text: string;
  span: Span;
  /** Table cells by column name for rows of a task table. */
  cells?: Record<string, string>;
  /**
   * Where each cell's text was read, kept by the draft editor once a row is corrected: the pieces of a
   * cell in source order (a cell continued after a page break has two). Absent on a freshly read row.
   */
  cellPieces?: Record<string, CellPiece[]>;
  /** "annex" on the top-level node of a Phụ lục (annex) part; absent on the body. */
  part?: 'annex';
  /** The node's text was read by OCR from a scanned page: the person checking the draft must verify it. */
  ocr?: boolean;
  children: DocNode[];
}

export const REFERENCE_LEVELS = ['central', 'city', 'government', 'ministry', 'local', 'unknown'] as const;
export type ReferenceLevel = (typeof REFERENCE_LEVELS)[number];

export interface DocReference {
  kind: string; // Nghị quyết, Kết luận, Kế hoạch, …
  number: string; // "27-NQ/TW", "1902/KH-UBND", "09/2019/NĐ-CP"
  code: string; // the type-issuer part: "NQ/TW", "KH-UBND", "NĐ-CP"
  level: ReferenceLevel;
  date: string | null; // ISO yyyy-mm-dd
  citations: Span[];
}

export const TIME_KINDS = ['date', 'year', 'range', 'quarter', 'recurrence', 'month'] as const;
export const TIME_RELATIONS = ['before', 'by', 'in'] as const;

export interface TimeExpression {
  text: string;
  span: Span;
  kind: (typeof TIME_KINDS)[number];
  /** Normalised value: "2024-06-30", "2025", "2022/2030", "2023-Q2", "yearly", "half-yearly", "quarterly", "monthly", "continuous". */
  value: string;
  /** "before" for "trước ngày …", "by" for a year or period, "in" otherwise. */
  relation: (typeof TIME_RELATIONS)[number];
}

export const MENTION_MATCHES = ['exact', 'folded', 'abbreviation', 'collective', 'manual', 'none'] as const;
export type MentionMatch = (typeof MENTION_MATCHES)[number];

export interface BodyMention {
  text: string; // as written
  span: Span;
  /** Matched unit(s): one unit, or a collective such as "các sở, ban, ngành" (several units). */
  unitCodes: string[];
  match: MentionMatch;
}

export interface Responsibility {
  nodeId: string;
  label: string;
  bodies: BodyMention[];
  /** For "X chủ trì, phối hợp với Y, Z": the lead and the cooperating bodies. */
  lead: BodyMention | null;
  cooperating: BodyMention[];
  duties: string;
  span: Span;
}

export interface Task {
  nodeId: string;
  label: string;
  text: string;
  groupLabel: string | null;
  groupTitle: string | null;
  lead: BodyMention | null;
  /** More than one lead named: kept as written and flagged. */
  leads: BodyMention[];
  cooperating: BodyMention[];
  deadline: TimeExpression | null;
  times: TimeExpression[];
  products: string[];
  /** "Cấp trình" of an annex row: who the product goes to ("Chính phủ", "Thủ tướng Chính phủ", "UBND tỉnh"). */
  submitTo: string | null;
  /** Label of the body group an annex row belongs to, when the text says so ("Nhiệm vụ 3 mục II"). */
  linkedGroupLabel: string | null;
  span: Span;
}

export interface Warning {
  code: string;
  message: string; // Vietnamese
  span: Span;
  nodeId?: string;
}

export interface ProgramMeta {
  issuer: string | null; // "THÀNH ỦY HÀ NỘI"
  parentIssuer: string | null; // "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", "BỘ …"
  motto: string[]; // "ĐẢNG CỘNG SẢN VIỆT NAM" / "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"
  number: string | null; // "45-CTr/TU", "12/NQ-CP"
  place: string | null;
  date: string | null; // ISO
  docKind: string | null; // "CHƯƠNG TRÌNH HÀNH ĐỘNG", "KẾ HOẠCH", …
  title: string | null; // the line(s) after the kind
  preamble: string | null;
  /** When a decision or resolution wraps the program: its own metadata and articles. */
  wrapper: {
    kind: string | null;
    number: string | null;
    date: string | null;
    title: string | null;
    text: string;
    span: Span;
  } | null;
  partyLayout: boolean;
}

export interface Signer {
  onBehalf: string | null; // "T/M THÀNH ỦY", "TM. CHÍNH PHỦ"
  position: string | null;
  name: string | null;
  span: Span;
}

/** Kinds of source text outside the tree. */
export const OTHER_KINDS = [
  'header',
  'closing',
  'recipients',
  'signer',
  'noise',
  'preamble',
  'wrapper',
  'footnote', // a footnote ("[1] …" after the text): kept, its cited documents read
  'furniture', // page furniture: running headers, page numbers, signature stamps, repeated table headers
] as const;

/** A body the document names that matches no unit, proposed as a new unit (see proposals.ts). */
export interface ProposedUnit {
  /** The name the new unit would get, completed with the place when the text leaves it out. */
  name: string;
  kind: UnitKind;
  /** The guessed parent, when it is in the directory … */
  parentCode: string | null;
  /** … and its name (or the name of a parent not in the directory yet). */
  parentName: string | null;
  /** How many times the document names the body. */
  mentions: number;
  /** The texts as written (each mapped to the new unit once it is created). */
  texts: string[];
  /** Another proposal that is probably the same body ("Sở NN&MT" / "Sở Nông nghiệp và Môi trường"). */
  variantOf: string | null;
}

export interface ParsedDocument {
  /** The normalised source all spans refer to. */
  source: string;
  program: ProgramMeta;
  sections: DocNode[];
  tasks: Task[];
  responsibilities: Responsibility[];
  references: DocReference[];
  recipients: { text: string; span: Span }[];
  signer: Signer | null;
  warnings: Warning[];
  /** Bodies still unmatched, proposed as new units (kind and parent guessed from the name). */
  proposedUnits: ProposedUnit[];
  /** Spans of the source that belong to no node (header, blank, page numbers): for the lossless check. */
  other: { kind: (typeof OTHER_KINDS)[number]; span: Span }[];
}
