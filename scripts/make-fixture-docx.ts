/**
 * Writes the import fixtures whose bytes cannot be typed by hand:
 *
 * - fixtures/import/ke-hoach-bang.docx — a Word plan (Times New Roman, A4) with a borderless header table,
 *   auto-numbered headings and bullets, a task table with merged cells, and a borderless signature table;
 * - fixtures/import/ke-hoach-bang.docx.txt — what docxToText() reads from it (the text the parser receives);
 * - fixtures/import/van-ban-xau.txt — a messy text: CRLF, NFD, no-break spaces, a soft hyphen, tab rows.
 *
 * Deterministic: the same bytes on every run (fixed timestamps inside and on the zip entries).
 *
 *   npx tsx scripts/make-fixture-docx.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  AlignmentType,
  BorderStyle,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { docxToText } from '../src/domain/importer/docx.js';

const OUT = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const FIXED_TIME = '2026-03-10T08:00:00Z';

// ---------------------------------------------------------------------------------------------------
// ke-hoach-bang.docx

const FONT = 'Times New Roman';
const A4 = { width: 11906, height: 16838 }; // twips
/** Vietnamese administrative margins: top/bottom 20 mm, left 30 mm, right 15 mm. */
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 851 };
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

type Runs = string | TextRun[];

function p(content: Runs, opts: Omit<IParagraphOptions, 'children' | 'text'> = {}): Paragraph {
  const children = typeof content === 'string' ? [new TextRun(content)] : content;
  return new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 120 }, ...opts, children });
}

const bold = (text: string) => new TextRun({ text, bold: true });
const centered = (content: Runs, size?: number) =>
  p(typeof content === 'string' ? [new TextRun({ text: content, ...(size ? { size } : {}) })] : content, {
    alignment: AlignmentType.CENTER,
    spacing: { after: 0 },
  });
const numbered = (text: Runs, reference: string, instance = 0, level = 0) =>
  p(text, { numbering: { reference, level, instance } });

/** A table without borders: the layout of the header and of the signature block. */
function layoutTable(columns: Paragraph[][][], widths: number[]): Table {
  return new Table({
    borders: TableBorders.NONE,
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: columns.map(
      (cells) =>
        new TableRow({
          children: cells.map(
            (children, i) =>
              new TableCell({ width: { size: widths[i] ?? 0, type: WidthType.DXA }, children }),
          ),
        }),
    ),
  });
}

const COLUMNS = ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành', 'Sản phẩm'];
const COL_WIDTHS = [500, 3000, 1500, 1500, 1300, 1554];

const cellPara = (text: string, center = false, isBold = false) =>
  new Paragraph({
    alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT,
    children: [new TextRun({ text, size: 24, bold: isBold })],
  });

interface TaskRow {
  tt: string;
  task: string;
  lead: string | null; // null: continues the vertically merged cell above
  leadRows?: number;
  coop: string[]; // several paragraphs in the cell
  due: string;
  product: string;
}

function taskTable(groups: { tt: string; title: string; rows: TaskRow[] }[]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (children: Paragraph[], col: number, extra: { rowSpan?: number; columnSpan?: number } = {}) =>
    new TableCell({
      children,
      verticalAlign: VerticalAlignTable.CENTER,
      width: {
        size: COL_WIDTHS.slice(col, col + (extra.columnSpan ?? 1)).reduce((a, b) => a + b, 0),
        type: WidthType.DXA,
      },
      ...extra,
    });
  const rows: TableRow[] = [
    new TableRow({
      tableHeader: true,
      children: COLUMNS.map((c, i) => cell([cellPara(c, true, true)], i)),
    }),
  ];
  for (const g of groups) {
    rows.push(
      new TableRow({
        children: [
          cell([cellPara(g.tt, true, true)], 0),
          cell([cellPara(g.title, false, true)], 1, { columnSpan: 5 }),
        ],
      }),
    );
    for (const r of g.rows) {
      const cells = [cell([cellPara(r.tt, true)], 0), cell([cellPara(r.task)], 1)];
      if (r.lead !== null) cells.push(cell([cellPara(r.lead)], 2, r.leadRows ? { rowSpan: r.leadRows } : {}));
      cells.push(
        cell(
          r.coop.map((c) => cellPara(c)),
          3,
        ),
        cell([cellPara(r.due, true)], 4),
        cell([cellPara(r.product)], 5),
      );
      rows.push(new TableRow({ children: cells }));
    }
  }
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: COL_WIDTHS,
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows,
  });
}

function planDocument(): Document {
  const header = layoutTable(
    [
      [
        [centered('UBND THÀNH PHỐ HÀ NỘI', 26), centered([bold('SỞ NỘI VỤ')])],
        [
          centered([bold('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')]),
          centered([bold('Độc lập - Tự do - Hạnh phúc')]),
        ],
      ],
      [
        [centered('Số: 42/KH-SNV', 26)],
        [centered([new TextRun({ text: 'Hà Nội, ngày 10 tháng 3 năm 2026', italics: true })])],
      ],
    ],
    [3500, TEXT_WIDTH - 3500],
  );

  const table = taskTable([
    {
      tt: 'I',
      title: 'CẢI CÁCH THỂ CHẾ',
      rows: [
        {
          tt: '1',
          task: 'Rà soát, đề xuất sửa đổi quy định về phân cấp quản lý công chức, viên chức của Thành phố',
          lead: 'Phòng Công chức, viên chức',
          coop: ['Văn phòng Sở, Sở Tư pháp'],
          due: 'Trước ngày 30/6/2026',
          product: 'Báo cáo rà soát; dự thảo Quyết định của UBND Thành phố',
        },
        {
          tt: '2',
          task: 'Theo dõi tình hình thi hành pháp luật trong lĩnh vực nội vụ',
          lead: 'Phòng Chính quyền địa phương',
          coop: ['Sở Tư pháp'],
          due: 'Hằng năm',
          product: 'Báo cáo theo dõi thi hành pháp luật',
        },
        {
          tt: '3',
          task: 'Kiểm tra công tác cải cách hành chính tại các đơn vị sự nghiệp trực thuộc Sở',
          lead: 'Phòng Cải cách hành chính',
          coop: ['Văn phòng Sở'],
          due: 'Quý IV/2026',
          product: 'Thông báo kết luận kiểm tra',
        },
      ],
    },
    {
      tt: 'II',
      title: 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH',
      rows: [
        {
          tt: '1',
          task: 'Rà soát, đơn giản hóa thủ tục hành chính thuộc lĩnh vực nội vụ',
          lead: 'Phòng Cải cách hành chính',
          coop: ['Các phòng, đơn vị thuộc Sở'],
          due: 'Quý II/2026',
          product: 'Phương án đơn giản hóa thủ tục hành chính',
        },
        {
          tt: '2',
          task: 'Cung cấp dịch vụ công trực tuyến toàn trình đối với các thủ tục hành chính đủ điều kiện',
          lead: 'Văn phòng Sở',
          leadRows: 2,
          coop: ['Trung tâm Phục vụ hành chính công Thành phố'],
          due: 'Năm 2026',
          product: 'Danh mục dịch vụ công trực tuyến toàn trình',
        },
        {
          tt: '3',
          task: 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
          lead: null,
          coop: ['Phòng Cải cách hành chính'],
          due: 'Thường xuyên',
          product: 'Hồ sơ được số hóa',
        },
      ],
    },
    {
      tt: 'III',
      title: 'CẢI CÁCH TỔ CHỨC BỘ MÁY VÀ CHẾ ĐỘ CÔNG VỤ',
      rows: [
        {
          tt: '1',
          task: 'Hoàn thiện vị trí việc làm của các phòng, đơn vị thuộc Sở',
          lead: 'Phòng Tổ chức bộ máy',
          coop: ['Các phòng, đơn vị thuộc Sở'],
          due: 'Quý III/2026',
          product: 'Đề án vị trí việc làm',
        },
        {
          tt: '2',
          task: 'Đánh giá, xếp loại công chức, viên chức theo kết quả thực hiện nhiệm vụ bằng sản phẩm cụ thể',
          lead: 'Phòng Công chức, viên chức',
          coop: ['Văn phòng Sở;', 'các phòng, đơn vị thuộc Sở'],
          due: 'Hằng quý',
          product: 'Kết quả đánh giá, xếp loại',
        },
        {
          tt: '3',
          task: 'Tổng hợp, báo cáo kết quả thực hiện Kế hoạch cải cách hành chính năm 2026 của Sở',
          lead: 'Văn phòng Sở',
          coop: ['Các phòng, đơn vị thuộc Sở'],
          due: 'Trước ngày 15/12/2026',
          product: 'Báo cáo kết quả cải cách hành chính năm 2026',
        },
      ],
    },
  ]);

  const signature = layoutTable(
    [
      [
        [
          p([new TextRun({ text: 'Nơi nhận:', bold: true, italics: true, size: 24 })], {
            spacing: { after: 0 },
          }),
          ...[
            '- UBND Thành phố (để báo cáo);',
            '- Giám đốc Sở (để báo cáo);',
            '- Các Phó Giám đốc Sở;',
            '- Các phòng, đơn vị thuộc Sở;',
            '- Lưu: VT, CCHC.',
          ].map((t) => p([new TextRun({ text: t, size: 22 })], { spacing: { after: 0 } })),
        ],
        [
          centered([bold('KT. GIÁM ĐỐC')]),
          centered([bold('PHÓ GIÁM ĐỐC')]),
          centered(''),
          centered(''),
          centered(''),
          centered([bold('Nguyễn Quang Vinh')]),
        ],
      ],
    ],
    [4300, TEXT_WIDTH - 4300],
  );

  return new Document({
    creator: 'Sở Nội vụ',
    title: 'Kế hoạch cải cách hành chính năm 2026',
    lastModifiedBy: 'thucthi',
    revision: 1,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    numbering: {
      config: [
        {
          reference: 'muc',
          levels: [{ level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.', alignment: AlignmentType.LEFT }],
        },
        {
          reference: 'so',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }],
        },
        {
          reference: 'gach',
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '-',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: A4, margin: MARGIN } },
        children: [
          header,
          p(''),
          centered([bold('KẾ HOẠCH')]),
          centered([bold('Cải cách hành chính năm 2026 của Sở Nội vụ')]),
          p(''),
          p(
            'Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030; Kế hoạch số 35/KH-UBND ngày 22/01/2026 của UBND Thành phố về cải cách hành chính năm 2026, Sở Nội vụ ban hành Kế hoạch cải cách hành chính năm 2026 như sau:',
            { indent: { firstLine: 567 } },
          ),
          numbered([bold('MỤC ĐÍCH, YÊU CẦU')], 'muc'),
          numbered([bold('Mục đích')], 'so', 1),
          numbered(
            'Triển khai đồng bộ, hiệu quả các nhiệm vụ cải cách hành chính năm 2026 của Thành phố thuộc lĩnh vực quản lý của Sở Nội vụ.',
            'gach',
          ),
          numbered(
            'Nâng cao Chỉ số cải cách hành chính (PAR INDEX) và Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) của Sở.',
            'gach',
          ),
          numbered([bold('Yêu cầu')], 'so', 1),
          numbered(
            'Nhiệm vụ phải cụ thể, có sản phẩm, thời gian hoàn thành và gắn với trách nhiệm của người đứng đầu các phòng, đơn vị.',
            'gach',
          ),
          numbered([bold('NHIỆM VỤ CỤ THỂ')], 'muc'),
          p('Các nhiệm vụ cụ thể được phân công tại bảng sau:', { indent: { firstLine: 567 } }),
          table,
          p(''),
          numbered([bold('TỔ CHỨC THỰC HIỆN')], 'muc'),
          numbered(
            'Trưởng các phòng, đơn vị thuộc Sở chịu trách nhiệm trước Giám đốc Sở về kết quả thực hiện nhiệm vụ được giao tại Kế hoạch này.',
            'so',
            2,
          ),
          numbered(
            'Văn phòng Sở chủ trì, phối hợp với Phòng Cải cách hành chính theo dõi, đôn đốc việc thực hiện Kế hoạch; báo cáo Giám đốc Sở hằng quý.',
            'so',
            2,
          ),
          p(
            'Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các phòng, đơn vị báo cáo Giám đốc Sở (qua Văn phòng Sở) để xem xét, giải quyết./.',
            { indent: { firstLine: 567 } },
          ),
          signature,
        ],
      },
    ],
  });
}

/** Re-zips the package with fixed timestamps so that the file is byte-for-byte reproducible. */
function reproducible(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  const core = files['docProps/core.xml'];
  if (core) {
    files['docProps/core.xml'] = strToU8(
      strFromU8(core).replace(
        /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g,
        `$1${FIXED_TIME}$2`,
      ),
    );
  }
  const names = Object.keys(files).sort((a, b) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a.localeCompare(b),
  );
  const ordered: Record<string, Uint8Array> = {};
  for (const n of names) ordered[n] = files[n]!;
  // Zip entries store local wall-clock time: build it from components so that every time zone writes the same bytes.
  return zipSync(ordered, { level: 9, mtime: new Date(2026, 2, 10, 8, 0, 0) });
}

// ---------------------------------------------------------------------------------------------------
// van-ban-xau.txt — typed here in NFC with LF; written as NFD with CRLF. U+00A0 (no-break space) and
// U+00AD (soft hyphen) are written as escapes so that they are visible in this source.

const NBSP = '\u00a0';
const SHY = '\u00ad';

const MESSY = `ĐẢNG BỘ TỈNH NINH BÌNH
ĐẢNG ỦY XÃ GIA VIỄN
*
Số 27-KH/ĐU

ĐẢNG CỘNG SẢN VIỆT NAM

Gia Viễn, ngày 15 tháng 01 năm 2026

KẾ HOẠCH
triển khai công tác dân vận năm 2026

Thực hiện Kế hoạch số 183-
KH/TU ngày 09 tháng 11 năm 2022 của Ban Thường vụ Tỉnh ủy về tăng cường công tác dân vận trong tình hình mới và Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư về nâng cao hiệu quả công tác dân vận của cơ quan nhà nước, chính quyền các cấp, Ban Thường vụ Đảng${NBSP}ủy xã xây dựng Kế hoạch triển khai công tác dân vận năm 2026 như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức, trách nhiệm của cấp ủy, chính quyền, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội xã về công tác dân vận.
2. Xác định rõ nhiệm vụ, thời hạn và cơ quan chủ trì thực hiện; bảo đảm thiết thực, hiệu quả.

- 2 -

II. NHIỆM VỤ TRỌNG TÂM
Các nhiệm vụ trọng tâm năm 2026 được phân công như sau:
TT\tNhiệm vụ\tCơ quan chủ trì\tThời hạn
1\tTổ chức quán triệt Kế hoạch số 183-KH/TU và Kế hoạch này đến cán bộ, đảng viên\tBan Xây dựng Đảng\tQuý I/2026
2\tTuyên truy${SHY}ền, vận động Nhân dân thực hiện quy chế dân chủ ở cơ sở\tỦy ban Mặt trận Tổ quốc Việt Nam xã\tThường xuyên
3\tĐối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân\tThường trực Đảng${NBSP}ủy\tTrước ngày${NBSP}30/6/2026

- 3 -

4\tXây dựng mô hình "Dân vận khéo" trong chuyển đổi số\tĐảng ủy xã\tNăm 2026
5\tKiểm tra, giám sát việc thực hiện công tác dân vận của các chi bộ\tỦy ban Kiểm tra Đảng ủy\tHằng năm

III. TỔ CHỨC THỰC HIỆN
1. Ban Xây dựng Đảng chủ trì, phối hợp với Văn phòng Đảng ủy theo dõi, đôn đốc, tổng hợp kết quả thực hiện Kế hoạch; báo cáo Ban Thường vụ Đảng ủy trước ngày 15/12/2026.
2. Các chi bộ trực thuộc căn cứ Kế hoạch này xây dựng kế hoạch thực hiện phù hợp với tình hình thực tế.

- 4 -

Nơi nhận:
- Ban Thường vụ Tỉnh ủy (để b/c),
- Ban Dân vận Tỉnh ủy (để b/c),
- Các đồng chí Đảng ủy viên,
- Các chi bộ trực thuộc,
- Lưu Văn phòng Đảng ủy.

T/M ĐẢNG ỦY
BÍ THƯ

Hoàng Văn Nam
`;

function messyBytes(): Uint8Array {
  const text = MESSY.replace(/\n/g, '\r\n').normalize('NFD');
  return strToU8(text);
}

// ---------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const docx = reproducible(new Uint8Array(await Packer.toBuffer(planDocument())));
  writeFileSync(`${OUT}ke-hoach-bang.docx`, docx);
  writeFileSync(`${OUT}ke-hoach-bang.docx.txt`, await docxToText(docx));
  writeFileSync(`${OUT}van-ban-xau.txt`, messyBytes());
  console.log(`Đã ghi ke-hoach-bang.docx, ke-hoach-bang.docx.txt, van-ban-xau.txt vào ${OUT}`);
}

await main();
