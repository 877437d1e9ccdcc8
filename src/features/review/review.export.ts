/**
 * The annual review as files: .xlsx (one sheet with every unit's figures, score and rank; one with the
 * weights) and .docx in the official layout ("BÁO CÁO Kiểm điểm, đánh giá kết quả thực hiện … năm …",
 * a ranking table and a table per unit), both from the same `AnnualReview` the page shows.
 */
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { programs } from '../../db/schema.js';
import type { DbOrTx } from '../../db/connection.js';
import type { AnnualReview, ReviewQuery, ReviewUnit } from '../../contract/review.js';
import type { ProgramDocMeta } from '../../contract/programs.js';
import { citeProgram, draftHeading } from '../../domain/reporting/heading.js';
import { formatDateVN } from '../../domain/format.js';
import { downloadName } from '../../domain/filenames.js';
import {
  CRITERION_RULES,
  FIGURE_COLUMNS,
  NO_DATA,
  NO_SCORE,
  PRODUCT_NUMBERS_LABEL,
  RENORMALISATION_RULE,
  SATISFACTION_LABEL,
  scoreText,
} from '../../domain/review/labels.js';
import { renderOfficialDocx, type OfficialSection } from '../consolidation/official-docx.js';
import { authorize } from '../policy.js';
import type { Ctx } from '../context.js';
import { now, type Deps } from '../deps.js';
import { buildReview, reviewYear } from './review.service.js';
import { issuingUnit } from '../../db/queries/units.js';

export interface ExportedFile {
  buffer: Buffer;
  filename: string;
}

const percent = (x: number) => `${(Math.round(x * 1000) / 10).toLocaleString('vi-VN')}%`;

export async function reviewXlsx(r: AnnualReview): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'thucthi';
  const font = { name: 'Times New Roman', size: 12 };
  const border = {
    top: { style: 'thin' },
    left: { style: 'thin' },
    bottom: { style: 'thin' },
    right: { style: 'thin' },
  } as const;
  const ws = wb.addWorksheet('Kiểm điểm, đánh giá', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const header = [
    'Xếp hạng',
    'Đơn vị',
    ...FIGURE_COLUMNS.map(([, label]) => label),
    PRODUCT_NUMBERS_LABEL,
    SATISFACTION_LABEL,
    'Điểm',
    'Xếp loại',
  ];
  ws.columns = header.map((_, i) => ({ width: i === 1 ? 36 : i === FIGURE_COLUMNS.length + 2 ? 30 : 13 }));
  ws.mergeCells(1, 1, 1, header.length);
  ws.getCell(1, 1).value = `KIỂM ĐIỂM, ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM ${r.year}`;
  ws.getCell(1, 1).font = { ...font, bold: true, size: 14 };
  ws.mergeCells(2, 1, 2, header.length);
  ws.getCell(2, 1).value = `${r.program.title} — số liệu đến ngày ${formatDateVN(r.asOf)}`;
  ws.getCell(2, 1).font = { ...font, italic: true };
  const head = ws.getRow(4);
  header.forEach((h, i) => {
    const c = head.getCell(i + 1);
    c.value = h;
    c.font = { ...font, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = border;
  });
  ws.views = [{ state: 'frozen', ySplit: 4, xSplit: 2 }];
  r.units.forEach((u, i) => {
    const row = ws.getRow(5 + i);
    const values: (string | number | null)[] = [
      u.rank,
      u.unitName,
      ...FIGURE_COLUMNS.map(([k]) => u.figures[k]),
      u.figures.productNumbers.join('; '),
      u.figures.citizenSatisfaction ?? NO_DATA,
      u.score ?? NO_SCORE,
      u.rating ?? '',
    ];
    values.forEach((v, j) => {
      const c = row.getCell(j + 1);
      c.value = v;
      c.font = font;
      c.border = border;
      c.alignment = {
        vertical: 'top',
        wrapText: true,
        horizontal: typeof v === 'number' ? 'center' : 'left',
      };
    });
  });

  const wsW = wb.addWorksheet('Trọng số');
  wsW.columns = [{ width: 48 }, { width: 12 }, { width: 90 }];
  const wh = wsW.getRow(1);
  ['Tiêu chí', 'Trọng số', 'Cách tính'].forEach((h, i) => {
    wh.getCell(i + 1).value = h;
    wh.getCell(i + 1).font = { ...font, bold: true };
    wh.getCell(i + 1).border = border;
  });
  r.criteria.forEach((c, i) => {
    const row = wsW.getRow(2 + i);
    [c.label, c.weight, CRITERION_RULES[c.key]].forEach((v, j) => {
      row.getCell(j + 1).value = v;
      row.getCell(j + 1).font = font;
      row.getCell(j + 1).border = border;
      row.getCell(j + 1).alignment = { wrapText: true, vertical: 'top' };
    });
  });
  let n = r.criteria.length + 3;
  wsW.getCell(n, 1).value = RENORMALISATION_RULE;
  wsW.mergeCells(n, 1, n, 3);
  wsW.getCell(n, 1).alignment = { wrapText: true };
  wsW.getRow(n).height = 36;
  n += 2;
  wsW.getCell(n, 1).value = 'Xếp loại';
  wsW.getCell(n, 2).value = 'Từ điểm';
  wsW.getCell(n, 1).font = { ...font, bold: true };
  wsW.getCell(n, 2).font = { ...font, bold: true };
  for (const rt of r.ratings) {
    n++;
    wsW.getCell(n, 1).value = rt.label;
    wsW.getCell(n, 2).value = rt.min;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The rows of a unit's table in the .docx: label, value. */
export function unitTableRows(u: ReviewUnit): string[][] {
  const f = u.figures;
  const rows: string[][] = FIGURE_COLUMNS.map(([k, label]) => [label, String(f[k])]);
  rows.splice(7, 0, [PRODUCT_NUMBERS_LABEL, f.productNumbers.join('; ') || '—']);
  rows.push([
    SATISFACTION_LABEL,
    f.citizenSatisfaction === null ? NO_DATA : scoreText(f.citizenSatisfaction),
  ]);
  rows.push(['Điểm', scoreText(u.score)]);
  rows.push(['Xếp loại', u.rating ?? NO_SCORE]);
  rows.push(['Xếp hạng', u.rank === null ? '—' : String(u.rank)]);
  return rows;
}

export async function reviewDocx(db: DbOrTx, r: AnnualReview): Promise<Buffer> {
  const [p] = await db.select().from(programs).where(eq(programs.id, r.program.id));
  const meta = (p!.meta as ProgramDocMeta).program;
  const citation = {
    docKind: p!.docKind,
    number: p!.number,
    date: p!.docDate ?? meta?.date ?? null,
    issuer: p!.issuer ?? meta?.issuer ?? null,
    title: meta?.title ?? null,
    wrapper: meta?.wrapper ?? null,
    partyLayout: p!.partyLayout,
    parentIssuer: meta?.parentIssuer ?? null,
  };
  const heading = draftHeading({
    writer: await issuingUnit(db, p!.monitoringUnitId),
    program: citation,
    programTitle: p!.title,
    periodLabel: `Năm ${r.year}`,
    reviewKind: 'tong_ket',
    place: 'Hà Nội',
  });
  const ranked = r.units.filter((u) => u.rank !== null).length;
  const weights = r.criteria.filter((c) => c.weight > 0);
  const sections: OfficialSection[] = [
    {
      heading: 'I. Kết quả chung',
      blocks: [
        {
          kind: 'paragraph',
          text: `Thực hiện ${citeProgram(citation, p!.title)}, năm ${r.year} có ${r.units.length} cơ quan, đơn vị được kiểm điểm, đánh giá (${ranked} đơn vị đủ số liệu để tính điểm). Số liệu tính đến ngày ${formatDateVN(r.asOf)}, lấy từ các báo cáo đã được duyệt, sổ theo dõi khó khăn, vướng mắc, các kiến nghị sau kiểm tra, giám sát và các ý kiến chỉ đạo; không nhập tay.`,
        },
        { kind: 'subheading', text: 'Cách tính điểm' },
        ...weights.map((c) => ({
          kind: 'bullet' as const,
          text: `${c.label}: trọng số ${c.weight}; ${CRITERION_RULES[c.key]}.`,
        })),
        { kind: 'bullet', text: RENORMALISATION_RULE },
        { kind: 'subheading', text: 'Bảng xếp hạng' },
      ],
      table: {
        columns: ['Hạng', 'Cơ quan, đơn vị', 'Điểm', 'Xếp loại'],
        rows: r.units.map((u) => [
          u.rank === null ? '—' : String(u.rank),
          u.unitName,
          scoreText(u.score),
          u.rating ?? NO_SCORE,
        ]),
        weights: [10, 50, 15, 35],
      },
    },
    {
      heading: 'II. Kết quả của từng cơ quan, đơn vị',
      blocks: [],
    },
    ...r.units.map((u, i): OfficialSection => ({
      heading: '',
      blocks: [{ kind: 'heading', text: `${i + 1}. ${u.unitName}` }],
      table: { columns: ['Nội dung', 'Kết quả'], rows: unitTableRows(u), weights: [60, 40] },
    })),
    {
      heading: 'III. Tỷ lệ đạt theo từng tiêu chí',
      blocks: r.units.map((u) => ({
        kind: 'bullet' as const,
        text: `${u.unitName}: ${
          u.criteria
            .filter((c) => c.rate !== null && c.share > 0)
            .map(
              (c) =>
                `${r.criteria.find((x) => x.key === c.key)!.label.toLocaleLowerCase('vi')} ${percent(c.rate!)}`,
            )
            .join('; ') || 'chưa có tiêu chí nào đủ số liệu'
        }.`,
      })),
    },
  ];
  return renderOfficialDocx({
    ...heading,
    title: `Kiểm điểm, đánh giá kết quả thực hiện ${citeProgram(citation, p!.title)} năm ${r.year}`,
    docType: 'BÁO CÁO',
    sections,
  });
}

export async function exportReviewXlsx(
  deps: Deps,
  ctx: Ctx,
  programId: string,
  q: ReviewQuery,
): Promise<ExportedFile> {
  authorize(ctx, 'review.read');
  const r = await buildReview(deps.db, programId, reviewYear(deps, q), now(deps));
  return {
    buffer: await reviewXlsx(r),
    filename: downloadName(['kiểm điểm đánh giá năm', String(r.year)], 'xlsx'),
  };
}

export async function exportReviewDocx(
  deps: Deps,
  ctx: Ctx,
  programId: string,
  q: ReviewQuery,
): Promise<ExportedFile> {
  authorize(ctx, 'review.read');
  const r = await buildReview(deps.db, programId, reviewYear(deps, q), now(deps));
  return {
    buffer: await reviewDocx(deps.db, r),
    filename: downloadName(['báo cáo kiểm điểm năm', String(r.year)], 'docx'),
  };
}
