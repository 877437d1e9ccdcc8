/**
 * The assignment table of a program as an official annex (Phụ lục): TT, Nhiệm vụ, Cơ quan chủ trì,
 * Cơ quan phối hợp, Thời gian hoàn thành, Sản phẩm, with group rows — as .xlsx (exceljs) and as a
 * .docx in A4 landscape, Times New Roman, with the header row repeated on every page (docx).
 */
import { romanOf } from '../../domain/roman.js';
import ExcelJS from 'exceljs';
import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { programNodes, programs, taskAssignments, taskProducts, taskUnits } from '../../db/schema.js';
import { unitNames } from '../../db/queries/units.js';
import { AppError } from '../../errors.js';
import { formatDeadline, type Deadline } from '../../domain/plan/assignment.js';
import { taskGroupOf } from '../../domain/plan/tree.js';
import { authorize } from '../policy.js';
import type { Ctx } from '../context.js';
import type { Deps } from '../deps.js';

export const ANNEX_COLUMNS = [
  'TT',
  'Nhiệm vụ',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Thời gian hoàn thành',
  'Sản phẩm',
] as const;

export interface AnnexRow {
  kind: 'group' | 'task';
  cells: string[];
}

export interface Annex {
  title: string;
  subtitle: string;
  /** Column headings; the assignment annex's six columns when absent. */
  columns?: readonly string[];
  /** Relative column widths (Excel character widths). */
  widths?: readonly number[];
  rows: AnnexRow[];
}

/** Reads the program's tasks and assignments into annex rows, groups first. */
export async function buildAnnex(deps: Deps, ctx: Ctx, programId: string): Promise<Annex> {
  authorize(ctx, 'program.read');
  const [p] = await deps.db.select().from(programs).where(eq(programs.id, programId));
  if (!p) throw new AppError('PROGRAM_NOT_FOUND', { id: programId });
  const nodes = await deps.db
    .select()
    .from(programNodes)
    .where(eq(programNodes.programId, programId))
    .orderBy(asc(programNodes.position));
  const taskIds = nodes.filter((n) => n.isTask).map((n) => n.id);
  const [roles, assigns, prods] = taskIds.length
    ? await Promise.all([
        deps.db.select().from(taskUnits).where(eq(taskUnits.programId, programId)),
        deps.db.select().from(taskAssignments).where(inArray(taskAssignments.nodeId, taskIds)),
        deps.db
          .select()
          .from(taskProducts)
          .where(and(eq(taskProducts.programId, programId)))
          .orderBy(asc(taskProducts.position)),
      ])
    : [[], [], []];
  const unitIds = [...new Set(roles.map((r) => r.unitId))];
  const names = await unitNames(deps.db, unitIds);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const groupOf = (id: string) => taskGroupOf(byId, id);
  const rows: AnnexRow[] = [];
  let lastGroup: string | null = null;
  let groupNo = 0;
  let taskNo = 0;
  for (const n of nodes.filter((x) => x.isTask)) {
    const g = groupOf(n.id);
    if ((g?.id ?? null) !== lastGroup) {
      lastGroup = g?.id ?? null;
      if (g) {
        rows.push({ kind: 'group', cells: [romanOf(groupNo + 1), g.title.toUpperCase()] });
        groupNo++;
      }
    }
    taskNo++;
    const lead = roles.find((r) => r.nodeId === n.id && r.role === 'lead');
    const coop = roles.filter((r) => r.nodeId === n.id && r.role === 'cooperating');
    const a = assigns.find((x) => x.nodeId === n.id);
    rows.push({
      kind: 'task',
      cells: [
        String(taskNo),
        n.text,
        lead ? (names.get(lead.unitId) ?? '') : '',
        coop.map((c) => names.get(c.unitId) ?? '').join('; '),
        formatDeadline((a?.deadline as Deadline | null) ?? null),
        prods
          .filter((x) => x.nodeId === n.id)
          .map((x) => x.description)
          .join('; '),
      ],
    });
  }
  return {
    title: 'PHỤ LỤC',
    subtitle: `DANH MỤC NHIỆM VỤ TRIỂN KHAI ${p.title.toUpperCase()}`,
    rows,
  };
}

const WIDTHS = [6, 60, 28, 32, 20, 30];

export async function annexXlsx(annex: Annex): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'thucthi';
  const ws = wb.addWorksheet('Phụ lục', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '4:4',
    },
  });
  const columns = annex.columns ?? ANNEX_COLUMNS;
  const n = columns.length;
  const widths =
    annex.widths ?? (n === WIDTHS.length ? WIDTHS : columns.map((_, i) => (i === 0 ? 7 : i === 1 ? 60 : 24)));
  ws.columns = widths.map((width) => ({ width }));
  const font = { name: 'Times New Roman', size: 12 };
  ws.mergeCells(1, 1, 1, n);
  ws.getCell(1, 1).value = annex.title;
  ws.getCell(1, 1).font = { ...font, bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, n);
  ws.getCell(2, 1).value = annex.subtitle;
  ws.getCell(2, 1).font = { ...font, bold: true };
  ws.getCell(2, 1).alignment = { horizontal: 'center', wrapText: true };
  const border = {
    top: { style: 'thin' },
    left: { style: 'thin' },
    bottom: { style: 'thin' },
    right: { style: 'thin' },
  } as const;
  const header = ws.getRow(4);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c;
    cell.font = { ...font, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
  });
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  let r = 5;
  for (const row of annex.rows) {
    const xr = ws.getRow(r);
    if (row.kind === 'group') {
      xr.getCell(1).value = row.cells[0]!;
      ws.mergeCells(r, 2, r, n);
      xr.getCell(2).value = row.cells[1]!;
      for (let c = 1; c <= n; c++) {
        xr.getCell(c).font = { ...font, bold: true };
        xr.getCell(c).border = border;
        xr.getCell(c).alignment = {
          vertical: 'middle',
          wrapText: true,
          horizontal: c === 1 ? 'center' : 'left',
        };
      }
    } else {
      row.cells.forEach((v, i) => {
        const cell = xr.getCell(i + 1);
        cell.value = v;
        cell.font = font;
        cell.border = border;
        cell.alignment = { vertical: 'top', wrapText: true, horizontal: i === 0 ? 'center' : 'left' };
      });
    }
    r++;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const FONT = 'Times New Roman';
const text = (s: string, bold = false, size = 24) => new TextRun({ text: s, bold, font: FONT, size });
const cell = (s: string, opts: { bold?: boolean; center?: boolean; span?: number; width: number }) =>
  new TableCell({
    children: [
      new Paragraph({
        alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [text(s, opts.bold)],
      }),
    ],
    columnSpan: opts.span,
    width: { size: opts.width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });

/** Text width of an A4 landscape annex page in twips (see ANNEX_DOCX_PAGE). */
export const ANNEX_TEXT_WIDTH = 14288;

/** Page setup of an annex section: A4 landscape; margins 2 cm left, 1.5 cm others. */
export const ANNEX_DOCX_PAGE = {
  size: { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 },
  margin: { top: 850, bottom: 850, left: 1134, right: 850 },
} as const;

/**
 * The annex table for docx: bordered, header row repeated on every page, group rows spanning every
 * column but the first. Column widths follow `weights` (default: the assignment table's widths for
 * 6 columns, otherwise a narrow TT column, a wide second column and equal others).
 */
export function annexDocxTable(
  columns: readonly string[],
  rows: readonly AnnexRow[],
  opts: { total?: number; weights?: readonly number[] } = {},
): Table {
  const total = opts.total ?? ANNEX_TEXT_WIDTH;
  const weights =
    opts.weights ??
    (columns.length === WIDTHS.length ? WIDTHS : columns.map((_, i) => (i === 0 ? 7 : i === 1 ? 60 : 24)));
  const sum = weights.reduce((a, b) => a + b, 0);
  const w = columns.map((_, i) => Math.round(((weights[i] ?? 0) / sum) * total));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => cell(c, { bold: true, center: true, width: w[i]! })),
  });
  const body = rows.map((r) =>
    r.kind === 'group' && columns.length > 1
      ? new TableRow({
          cantSplit: true,
          children: [
            cell(r.cells[0] ?? '', { bold: true, center: true, width: w[0]! }),
            cell(r.cells[1] ?? '', { bold: true, span: columns.length - 1, width: total - w[0]! }),
          ],
        })
      : new TableRow({
          cantSplit: true,
          children: columns.map((_, i) =>
            cell(r.cells[i] ?? '', { bold: r.kind === 'group', center: i === 0, width: w[i]! }),
          ),
        }),
  );
  return new Table({ rows: [header, ...body], width: { size: total, type: WidthType.DXA }, columnWidths: w });
}

export async function annexDocx(annex: Annex): Promise<Buffer> {
  const doc = new Document({
    creator: 'thucthi',
    title: annex.subtitle,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [
      {
        properties: { page: ANNEX_DOCX_PAGE },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [text(annex.title, true, 28)] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 200 },
            children: [text(annex.subtitle, true, 26)],
          }),
          annexDocxTable(annex.columns ?? ANNEX_COLUMNS, annex.rows, { weights: annex.widths }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
