/**
 * An official report (báo cáo) as .docx, in the Party layout (HD 36-HD/VPTW, QĐ 399-QĐ/TW) or the
 * State layout (NĐ 30/2020/NĐ-CP Phụ lục I): A4 portrait, Times New Roman, the two-column header,
 * tên loại and trích yếu, the body, the signature block with Nơi nhận, page numbers at the top from
 * page 2, and an optional annex in its own A4 landscape section. Pure: no database.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type {
  ConsolidationHeading,
  NarrativeBlock,
  NarrativeSection,
} from '../../domain/reporting/narrative.js';
import { ANNEX_DOCX_PAGE, ANNEX_TEXT_WIDTH, annexDocxTable } from '../exports/annex.js';

export type OfficialBlock = NarrativeBlock;
/** A section of the body; `table` (text cells, the full text width) follows its blocks. */
export interface OfficialSection extends NarrativeSection {
  table?: { columns: string[]; rows: string[][]; weights?: number[] };
}
export interface OfficialReportDoc extends ConsolidationHeading {
  docType: string;
  draft?: boolean;
  recipientsTo?: string[];
  sections: OfficialSection[];
  annex?: {
    title: string;
    subtitle?: string;
    columns: string[];
    rows: { kind: 'group' | 'task'; cells: string[] }[];
  };
}

const FONT = 'Times New Roman';
// A4 portrait, margins top/bottom 20 mm, left 30 mm, right 15 mm (twips: 1 mm ≈ 56.7).
const PAGE_W = 11906;
const PAGE_H = 16838;
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 850, header: 567, footer: 567 };
const TEXT_W = PAGE_W - MARGIN.left - MARGIN.right;
const INDENT = 567; // 1 cm (party: 10 mm)
const BLANK = '      ';

interface Style {
  org: number; // parent body and issuer
  nation: number; // ĐẢNG CỘNG SẢN VIỆT NAM / Quốc hiệu
  number: number;
  date: number;
  docType: number;
  recipientsLabel: number;
  recipients: number;
  leftCol: number;
  signLeftCol: number;
}

const STYLES: Record<OfficialReportDoc['layout'], Style> = {
  party: {
    org: 14,
    nation: 15,
    number: 14,
    date: 14,
    docType: 16,
    recipientsLabel: 14,
    recipients: 12,
    leftCol: 4400,
    signLeftCol: 4400,
  },
  state: {
    org: 13,
    nation: 13,
    number: 13,
    date: 14,
    docType: 14,
    recipientsLabel: 12,
    recipients: 11,
    leftCol: 3700,
    signLeftCol: 4400,
  },
};

// Widths of the fixed header lines in Times New Roman bold (measured on a rendering), for rules of
// the same length.
const NATION_PARTY_W = 4100; // "ĐẢNG CỘNG SẢN VIỆT NAM" at 15 pt
const MOTTO_W = 3420; // "Độc lập - Tự do - Hạnh phúc" at 14 pt

/** Upper case, keeping document codes such as "27-CTr/TU" or "09/2019/NĐ-CP" as written. */
const upper = (s: string) =>
  s
    .split(/(\s+)/)
    .map((w) => (/\d/.test(w) && /[/-]/.test(w) ? w : w.toLocaleUpperCase('vi-VN')))
    .join('');

/** Rough width of a line in twips (Times New Roman, ~0.62 em a character in upper case). */
const estWidth = (s: string, pt: number, isUpper: boolean) => s.length * (isUpper ? 0.62 : 0.46) * pt * 20;

/** "Số 125-BC/TU" (party) or "Số: 125/BC-STP" (state); a blank for the clerk when there is no number. */
export function officialNumberLine(
  layout: OfficialReportDoc['layout'],
  number: string | null,
  notation: string,
) {
  let n = (number ?? '').trim();
  if (/^\d$/.test(n)) n = `0${n}`; // numbers below 10 take a leading 0
  if (!n) return layout === 'party' ? `Số${BLANK}-${notation}` : `Số:${BLANK}/${notation}`;
  return layout === 'party' ? `Số ${n}-${notation}` : `Số: ${n}/${notation}`;
}

/** "Hà Nội, ngày 05 tháng 01 năm 2026": days below 10 and months 1–2 take a leading 0 (NĐ 30). */
export function officialDateLine(place: string, date: string | null, now = new Date()) {
  if (!date) return `${place}, ngày${BLANK}tháng${BLANK}năm ${now.getFullYear()}`;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`Invalid date: ${date}`);
  const day = Number(m[3]);
  const month = Number(m[2]);
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month < 3 ? `0${month}` : String(month);
  return `${place}, ngày ${dd} tháng ${mm} năm ${m[1]}`;
}

interface RunOpts {
  size: number;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  boxed?: boolean;
}
const run = (s: string, o: RunOpts) =>
  new TextRun({
    text: s,
    font: FONT,
    size: o.size * 2,
    bold: o.bold,
    italics: o.italics,
    underline: o.underline ? {} : undefined,
    border: o.boxed ? { style: BorderStyle.SINGLE, size: 8, space: 1, color: '000000' } : undefined,
  });

/** A single-spaced centred line, as in the header and signature blocks. */
const line = (s: string, o: RunOpts, after = 0, before = 0) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before, after, line: 276 }, // over single: stacked Vietnamese capitals
    children: [run(s, o)],
  });

/** A short centred solid rule `width` twips long inside a block `outer` twips wide. */
const rule = (width: number, outer: number, after = 0) => {
  const side = Math.max(0, Math.round((outer - width) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after, line: 80, lineRule: 'exact' },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, space: 1, color: '000000' } },
    run: { size: 4 },
    children: [],
  });
};

const NO_BORDERS = TableBorders.NONE;
const CELL_MARGINS = { top: 0, bottom: 0, left: 57, right: 57 };

const cell = (children: Paragraph[], width: number) =>
  new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    borders: {
      top: { style: BorderStyle.NONE, size: 0, color: 'auto' },
      bottom: { style: BorderStyle.NONE, size: 0, color: 'auto' },
      left: { style: BorderStyle.NONE, size: 0, color: 'auto' },
      right: { style: BorderStyle.NONE, size: 0, color: 'auto' },
    },
    margins: CELL_MARGINS,
  });

/** A borderless two-column table (the header and the signature blocks). */
const grid = (rows: [Paragraph[], Paragraph[]][], left: number) =>
  new Table({
    width: { size: TEXT_W, type: WidthType.DXA },
    columnWidths: [left, TEXT_W - left],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: rows.map(
      ([l, r]) => new TableRow({ cantSplit: true, children: [cell(l, left), cell(r, TEXT_W - left)] }),
    ),
  });

function headerBlock(doc: OfficialReportDoc, st: Style): Table {
  const leftW = st.leftCol - CELL_MARGINS.left - CELL_MARGINS.right;
  const rightW = TEXT_W - st.leftCol - CELL_MARGINS.left - CELL_MARGINS.right;
  const issuer = upper(doc.issuer);
  const left: Paragraph[] = [];
  if (doc.parentBody) left.push(line(upper(doc.parentBody), { size: st.org }));
  left.push(line(issuer, { size: st.org, bold: true }));
  const right: Paragraph[] = [];
  if (doc.layout === 'party') {
    left.push(line('*', { size: st.org }));
    right.push(line('ĐẢNG CỘNG SẢN VIỆT NAM', { size: st.nation, bold: true }));
    right.push(rule(NATION_PARTY_W, rightW));
  } else {
    // Rule under the agency name: about 1/3–1/2 of its length.
    const w = Math.min(Math.max(estWidth(issuer, st.org, true) * 0.45, 900), leftW * 0.6);
    left.push(rule(w, leftW));
    right.push(line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: st.nation, bold: true }));
    right.push(line('Độc lập - Tự do - Hạnh phúc', { size: 14, bold: true }));
    right.push(rule(MOTTO_W, rightW));
  }
  // Second row: "Số" on the left, level with the place and date on the right.
  const gap = doc.layout === 'state' ? 160 : 100;
  const numberRow: [Paragraph[], Paragraph[]] = [
    [line(officialNumberLine(doc.layout, doc.number, doc.notation), { size: st.number }, 0, gap)],
    [line(officialDateLine(doc.place, doc.date), { size: st.date, italics: true }, 0, gap)],
  ];
  return grid([[left, right], numberRow], st.leftCol);
}

function titleBlock(doc: OfficialReportDoc, st: Style): Paragraph[] {
  const out: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 360, after: 0, line: 276 },
      keepNext: true,
      children: [run(upper(doc.docType), { size: st.docType, bold: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 0, line: 276 },
      keepNext: true,
      children: [run(doc.title, { size: 14, bold: true })],
    }),
  ];
  if (doc.layout === 'party') out.push(line('-----', { size: 14 }, 240));
  else out.push(rule(Math.min(Math.max(estWidth(doc.title, 14, false) * 0.35, 1200), 2600), TEXT_W, 240));
  return out;
}

/** "Kính gửi: X" on one line, or several recipients aligned under each other, "- …;" and "- …." last. */
function kinhGui(to: string[]): Paragraph[] {
  const names = to.map((s) => s.trim().replace(/[;.,]+$/, '')).filter(Boolean);
  if (!names.length) return [];
  const label = 'Kính gửi: ';
  if (names.length === 1)
    return [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 0, after: 240, line: 276 },
        children: [run(`${label}${names[0]}.`, { size: 14 })],
      }),
    ];
  const left = 2268; // 4 cm
  const hanging = 1361; // the label's width, about 2.4 cm at 14 pt
  return names.map(
    (n, i) =>
      new Paragraph({
        spacing: { before: 0, after: i === names.length - 1 ? 240 : 0, line: 276 },
        indent: i === 0 ? { left, hanging } : { left },
        tabStops: [{ type: TabStopType.LEFT, position: left }],
        children: [
          run(`${i === 0 ? `${label.trim()}\t` : ''}- ${n}${i === names.length - 1 ? '.' : ';'}`, {
            size: 14,
          }),
        ],
      }),
  );
}

function body(doc: OfficialReportDoc): (Paragraph | Table)[] {
  const p = (s: string, o: Partial<RunOpts> = {}) =>
    new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: INDENT },
      spacing: { before: 0, after: 120, line: 312 },
      keepNext: o.bold ? true : undefined,
      children: [run(s, { size: 14, ...o })],
    });
  const out: (Paragraph | Table)[] = [];
  for (const s of doc.sections) {
    if (s.heading.trim()) out.push(p(upper(s.heading.trim()), { bold: true }));
    for (const b of s.blocks) {
      const t = b.text.trim();
      if (b.kind === 'heading') out.push(p(t, { bold: true }));
      else if (b.kind === 'subheading') out.push(p(t, { bold: true, italics: true }));
      else if (b.kind === 'bullet') out.push(p(/^[-–•+]\s/.test(t) ? t.replace(/^[–•]/, '-') : `- ${t}`));
      else out.push(p(t));
    }
    if (s.table) {
      const rows = s.table.rows.map((cells) => ({ kind: 'task' as const, cells }));
      out.push(annexDocxTable(s.table.columns, rows, { total: TEXT_W, weights: s.table.weights }));
      out.push(new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }));
    }
  }
  return out;
}

function signatureBlock(doc: OfficialReportDoc, st: Style): Table {
  const items = doc.recipients.map((s) => s.trim().replace(/[;.,]+$/, '')).filter(Boolean);
  const left: Paragraph[] = [
    new Paragraph({
      spacing: { before: 0, after: 0, line: 240 },
      children:
        doc.layout === 'party'
          ? [
              run('Nơi nhận', { size: st.recipientsLabel, underline: true }),
              run(':', { size: st.recipientsLabel }),
            ]
          : [run('Nơi nhận:', { size: st.recipientsLabel, bold: true, italics: true })],
    }),
    ...items.map(
      (s, i) =>
        new Paragraph({
          spacing: { before: 0, after: 0, line: 240 },
          indent: { left: 0 },
          children: [run(`- ${s}${i === items.length - 1 ? '.' : ';'}`, { size: st.recipients })],
        }),
    ),
  ];
  const right: Paragraph[] = [];
  if (doc.signer.authority?.trim())
    right.push(line(upper(doc.signer.authority.trim()), { size: 14, bold: true }));
  right.push(line(upper(doc.signer.position), { size: 14, bold: true }));
  for (let i = 0; i < 4; i++) right.push(line('', { size: 14 })); // room for signature and seal
  right.push(line(doc.signer.name, { size: 14, bold: true }));
  return grid([[left, right]], st.signLeftCol);
}

const pageNumberHeader = () =>
  new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 28 })],
      }),
    ],
  });
const emptyHeader = () => new Header({ children: [new Paragraph({ children: [] })] });

function annexSection(annex: NonNullable<OfficialReportDoc['annex']>): ISectionOptions {
  const children: (Paragraph | Table)[] = [
    line('PHỤ LỤC', { size: 14, bold: true }),
    line(upper(annex.title), { size: 14, bold: true }),
  ];
  if (annex.subtitle?.trim()) children.push(line(annex.subtitle.trim(), { size: 14, italics: true }));
  children.push(new Paragraph({ spacing: { before: 0, after: 0 }, run: { size: 12 }, children: [] }));
  children.push(annexDocxTable(annex.columns, annex.rows, { total: ANNEX_TEXT_WIDTH }));
  return {
    // Page numbers restart in each annex (NĐ 30), not shown on its first page.
    properties: { page: { ...ANNEX_DOCX_PAGE, pageNumbers: { start: 1 } }, titlePage: true },
    headers: { default: pageNumberHeader(), first: emptyHeader() },
    children,
  };
}

/** Renders the report as a .docx file. */
export async function renderOfficialDocx(doc: OfficialReportDoc): Promise<Buffer> {
  const st = STYLES[doc.layout];
  const children: (Paragraph | Table)[] = [];
  if (doc.draft)
    children.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { before: 0, after: 120 },
        children: [run(' DỰ THẢO ', { size: 14, bold: true, boxed: true })],
      }),
    );
  children.push(headerBlock(doc, st));
  children.push(...titleBlock(doc, st));
  children.push(...kinhGui(doc.recipientsTo ?? []));
  children.push(...body(doc));
  children.push(new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }));
  children.push(signatureBlock(doc, st));

  const sections: ISectionOptions[] = [
    {
      properties: {
        page: { size: { width: PAGE_W, height: PAGE_H }, margin: MARGIN },
        titlePage: true, // no page number on page 1
      },
      headers: { default: pageNumberHeader(), first: emptyHeader() },
      children,
    },
  ];
  if (doc.annex) sections.push(annexSection(doc.annex));

  const d = new Document({
    creator: 'thucthi',
    title: `${doc.docType} ${doc.title}`,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 28 },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections,
  });
  return Packer.toBuffer(d);
}
