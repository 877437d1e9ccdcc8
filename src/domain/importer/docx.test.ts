import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AlignmentType,
  DeletedTextRun,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  SimpleField,
  Tab,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { strToU8, zipSync } from 'fflate';
import { decodeXmlEntities, docxToText, formatNumber, parseXml } from './docx.js';

const NUMBERING = {
  config: [
    {
      reference: 'nhiem-vu',
      levels: [
        { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT },
        { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2)', alignment: AlignmentType.LEFT },
        { level: 2, format: LevelFormat.BULLET, text: '\u2022', alignment: AlignmentType.LEFT },
      ],
    },
    {
      reference: 'muc',
      levels: [{ level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.', alignment: AlignmentType.LEFT }],
    },
  ],
};

async function build(
  children: ISectionOptions['children'],
  extra: Partial<ISectionOptions> = {},
): Promise<string> {
  const doc = new Document({
    numbering: NUMBERING,
    footnotes: { 1: { children: [new Paragraph('Chú thích được giữ')] } },
    sections: [{ ...extra, children }],
  });
  const buf = await Packer.toBuffer(doc);
  return docxToText(new Uint8Array(buf));
}

const num = (text: string, level: number, reference = 'nhiem-vu', instance?: number) =>
  new Paragraph({ text, numbering: { reference, level, ...(instance === undefined ? {} : { instance }) } });

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A minimal package with hand-written parts, for what the docx library cannot produce. */
function handmade(parts: { body: string; numbering?: string; styles?: string; prefix?: string }): Uint8Array {
  const p = parts.prefix ?? 'w';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!-- tạo bằng tay -->\n` +
        `<${p}:document xmlns:${p}="${W}"><${p}:body>${parts.body}</${p}:body></${p}:document>`,
    ),
  };
  if (parts.numbering)
    files['word/numbering.xml'] = strToU8(`<w:numbering xmlns:w="${W}">${parts.numbering}</w:numbering>`);
  if (parts.styles) files['word/styles.xml'] = strToU8(`<w:styles xmlns:w="${W}">${parts.styles}</w:styles>`);
  return zipSync(files);
}

const para = (inner: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
const run = (text: string, rPr = '') =>
  `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const numPr = (numId: number, ilvl: number) =>
  `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
const lvl = (ilvl: number, fmt: string, text: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;

describe('docxToText — documents made with the docx package', () => {
  it('renders decimal, Vietnamese lowerLetter (with đ) and bullet numbering, restarting deeper levels', async () => {
    const text = await build([
      new Paragraph('II. NHIỆM VỤ, GIẢI PHÁP'),
      num('Tuyên truyền, phổ biến', 0),
      num('Mục a', 1),
      num('Mục b', 1),
      num('Mục c', 1),
      num('Mục d', 1),
      num('Mục đ', 1),
      num('Mục e', 1),
      num('Gạch đầu dòng', 2),
      num('Hoàn thiện thể chế', 0),
      num('Lại từ a', 1),
      new Paragraph(''),
      num('Kiểm tra, giám sát', 0),
    ]);
    expect(text).toBe(
      [
        'II. NHIỆM VỤ, GIẢI PHÁP',
        '1. Tuyên truyền, phổ biến',
        'a) Mục a',
        'b) Mục b',
        'c) Mục c',
        'd) Mục d',
        'đ) Mục đ',
        'e) Mục e',
        '- Gạch đầu dòng',
        '2. Hoàn thiện thể chế',
        'a) Lại từ a',
        '3. Kiểm tra, giám sát',
      ].join('\n\n') + '\n',
    );
  });

  it('counts each list instance separately and formats upper Roman numerals', async () => {
    const text = await build([
      num('MỤC ĐÍCH, YÊU CẦU', 0, 'muc'),
      num('Một', 0),
      num('Hai', 0),
      num('NHIỆM VỤ', 0, 'muc'),
      num('Một lần nữa', 0, 'nhiem-vu', 1),
      num('TỔ CHỨC THỰC HIỆN', 0, 'muc'),
      num('Tiếp tục danh sách đầu', 0),
    ]);
    expect(text.split('\n\n')).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Một',
      '2. Hai',
      'II. NHIỆM VỤ',
      '1. Một lần nữa',
      'III. TỔ CHỨC THỰC HIỆN',
      '3. Tiếp tục danh sách đầu\n',
    ]);
  });

  it('renders a table: one line per row, merged cells once, a cell merged down carries the value above, blank lines around', async () => {
    const cell = (...texts: string[]) => new TableCell({ children: texts.map((t) => new Paragraph(t)) });
    const text = await build([
      new Paragraph('Trước bảng'),
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ children: [cell('TT'), cell('Nhiệm vụ'), cell('Chủ trì'), cell('Thời hạn')] }),
          new TableRow({
            children: [
              cell('I'),
              new TableCell({ columnSpan: 3, children: [new Paragraph('CÔNG TÁC TUYÊN TRUYỀN')] }),
            ],
          }),
          new TableRow({
            children: [
              cell('1'),
              cell('Tổ chức hội nghị', 'quán triệt'),
              new TableCell({ rowSpan: 2, children: [new Paragraph('Sở Tư pháp')] }),
              cell('Quý III/2026'),
            ],
          }),
          new TableRow({ children: [cell('2'), cell('Báo cáo A | B'), cell('Hằng năm')] }),
          new TableRow({ children: [cell(''), cell(''), cell(''), cell('')] }),
        ],
      }),
      new Paragraph('Sau bảng'),
    ]);
    expect(text).toBe(
      'Trước bảng\n\n' +
        'TT | Nhiệm vụ | Chủ trì | Thời hạn\n' +
        'I | CÔNG TÁC TUYÊN TRUYỀN\n' +
        '1 | Tổ chức hội nghị quán triệt | Sở Tư pháp | Quý III/2026\n' +
        '2 | Báo cáo A / B | Sở Tư pháp | Hằng năm\n\n' +
        'Sau bảng\n',
    );
  });

  it('decodes entities, keeps tabs and line breaks, keeps inserted text and drops deleted text, comments, headers; footnotes after the text', async () => {
    const text = await build(
      [
        new Paragraph({
          children: [
            new TextRun('Số: 15/KH-UBND'),
            new TextRun({ children: [new Tab(), 'Hà Nội, ngày 20 tháng 3 năm 2026'] }),
          ],
        }),
        new Paragraph({ children: [new TextRun('A & B < C > D "trích" \'dẫn\'')] }),
        new Paragraph({
          children: [new TextRun('T/M ỦY BAN NHÂN DÂN'), new TextRun({ text: 'CHỦ TỊCH', break: 1 })],
        }),
        new Paragraph({
          children: [
            new TextRun('Ngày ký: '),
            new SimpleField('DATE', '20/3/2026'),
            new DeletedTextRun({ text: ' bỏ đi', id: 1, author: 'A', date: '2026-01-01T00:00:00Z' }),
            new InsertedTextRun({ text: ' thêm vào', id: 2, author: 'A', date: '2026-01-01T00:00:00Z' }),
            new FootnoteReferenceRun(1),
          ],
        }),
      ],
      {
        headers: { default: new Header({ children: [new Paragraph('ĐẦU TRANG')] }) },
        footers: { default: new Footer({ children: [new Paragraph('CHÂN TRANG')] }) },
      },
    );
    expect(text).toBe(
      'Số: 15/KH-UBND\tHà Nội, ngày 20 tháng 3 năm 2026\n\n' +
        'A & B < C > D "trích" \'dẫn\'\n\n' +
        'T/M ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n' +
        'Ngày ký: 20/3/2026 thêm vào\n\n' +
        // the footnote the text refers to follows the text; its marker is left out
        '[1] Chú thích được giữ\n',
    );
  });
});

describe('docxToText — layout tables', () => {
  const layout = (rows: string[][][]) =>
    new Table({
      borders: TableBorders.NONE,
      rows: rows.map(
        (cells) =>
          new TableRow({
            children: cells.map((paras) => new TableCell({ children: paras.map((t) => new Paragraph(t)) })),
          }),
      ),
    });

  it('renders borderless header and signature tables as paragraphs, bordered tables as rows', async () => {
    const children = [
      layout([
        [
          ['UBND THÀNH PHỐ HÀ NỘI', 'SỞ NỘI VỤ'],
          ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
        ],
        [['Số: 42/KH-SNV'], ['Hà Nội, ngày 10 tháng 3 năm 2026']],
      ]),
      new Paragraph('KẾ HOẠCH'),
      new Table({
        rows: [
          new TableRow({
            children: [
              new TableCell({ children: [new Paragraph('TT')] }),
              new TableCell({ children: [new Paragraph('Nhiệm vụ')] }),
            ],
          }),
        ],
      }),
      layout([
        [
          ['Nơi nhận:', '- Như trên;', '- Lưu: VT.'],
          ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', '', 'Lê Thu Hà'],
        ],
      ]),
    ];
    expect(await build(children)).toBe(
      [
        'UBND THÀNH PHỐ HÀ NỘI',
        'SỞ NỘI VỤ',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: 42/KH-SNV',
        'Hà Nội, ngày 10 tháng 3 năm 2026',
        'KẾ HOẠCH',
        'TT | Nhiệm vụ',
        'Nơi nhận:',
        '- Như trên;',
        '- Lưu: VT.',
        'KT. GIÁM ĐỐC',
        'PHÓ GIÁM ĐỐC',
        'Lê Thu Hà',
      ].join('\n\n') + '\n',
    );
    const rows = await docxToText(
      new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: children.slice(0, 1) }] }))),
      { layoutTables: 'rows' },
    );
    expect(rows).toBe(
      'UBND THÀNH PHỐ HÀ NỘI SỞ NỘI VỤ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n' +
        'Số: 42/KH-SNV | Hà Nội, ngày 10 tháng 3 năm 2026\n',
    );
  });

  it('takes borders from the table style and from cells', async () => {
    const styles =
      '<w:style w:type="table" w:default="1" w:styleId="TableNormal"/>' +
      '<w:style w:type="table" w:styleId="Luoi"><w:basedOn w:val="TableNormal"/>' +
      '<w:tblPr><w:tblBorders><w:insideH w:val="single"/></w:tblBorders></w:tblPr></w:style>';
    const row =
      '<w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr>';
    const tbl = (tblPr: string, r = row) => `<w:tbl><w:tblPr>${tblPr}</w:tblPr>${r}</w:tbl>`;
    const cellBorder = row.replace(
      '<w:tc>',
      '<w:tc><w:tcPr><w:tcBorders><w:bottom w:val="single"/></w:tcBorders></w:tcPr>',
    );
    const body =
      tbl('') +
      tbl('<w:tblStyle w:val="Luoi"/>') +
      tbl('<w:tblStyle w:val="Luoi"/><w:tblBorders><w:insideH w:val="nil"/></w:tblBorders>') +
      tbl('', cellBorder);
    expect(await docxToText(handmade({ body, styles }))).toBe('a\n\nb\n\na | b\n\na\n\nb\n\na | b\n');
  });
});

describe('docxToText — hand-written parts', () => {
  it('decodes numeric entities, skips field codes, comments, hidden text; applies caps; outputs NFC', async () => {
    const body =
      para(run('&#272;i&#x1EC1;u 1. &apos;x&apos; &amp;amp; &unknown;')) +
      para(
        run('Trang ') +
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>' +
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
          run('3') +
          '<w:r><w:fldChar w:fldCharType="end"/></w:r>' +
          '<w:commentRangeStart w:id="0"/>' +
          run(' ẩn', '<w:vanish/>') +
          '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>' +
          '<w:del w:id="1"><w:r><w:delText>xóa</w:delText></w:r></w:del>',
      ) +
      para(run('mục đích, yêu cầu', '<w:caps/>')) +
      para(run('Nghi\u0323 quyê\u0301t')) + // decomposed input
      para(run('   ')) + // blank paragraph: dropped
      para('<w:r><w:t><![CDATA[a < b]]></w:t></w:r>');
    const text = await docxToText(handmade({ body }));
    expect(text).toBe("Điều 1. 'x' &amp; &unknown;\n\nTrang 3\n\nMỤC ĐÍCH, YÊU CẦU\n\nNghị quyết\n\na < b\n");
    expect(text).toBe(text.normalize('NFC'));
  });

  it('resolves any namespace prefix bound to WordprocessingML', async () => {
    const body = '<x:p><x:r><x:t>Tiền tố khác</x:t><x:tab/><x:t>vẫn đọc được</x:t></x:r></x:p>';
    expect(await docxToText(handmade({ body, prefix: 'x' }))).toBe('Tiền tố khác\tvẫn đọc được\n');
  });

  it('handles multi-level lvlText, lvlRestart, start overrides, style-linked numbering and custom formats', async () => {
    const numbering =
      '<w:abstractNum w:abstractNumId="0">' +
      lvl(0, 'upperRoman', '%1.') +
      lvl(1, 'decimal', '%1.%2.') +
      lvl(2, 'lowerLetter', '%3)', '<w:lvlRestart w:val="1"/>') +
      '</w:abstractNum>' +
      '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>' +
      '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">' +
      '<mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="01, 02, 03, ..."/></mc:Choice>' +
      '<mc:Fallback><w:numFmt w:val="decimalZero"/></mc:Fallback></mc:AlternateContent>' +
      '<w:lvlText w:val="%1 -"/></w:lvl>' +
      lvl(1, 'lowerRoman', '(%2)', '<w:pStyle w:val="Muc2"/>') +
      '</w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
      '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>' +
      '<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>';
    const styles =
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Muc"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Muc2"><w:basedOn w:val="Muc"/></w:style>';
    const body =
      para(run('A'), numPr(1, 0)) +
      para(run('A1'), numPr(1, 1)) +
      para(run('A1a'), numPr(1, 2)) +
      para(run('A1b'), numPr(1, 2)) +
      para(run('A2'), numPr(1, 1)) +
      para(run('A2b (không bắt đầu lại ở cấp 2)'), numPr(1, 2)) +
      para(run('B'), numPr(1, 0)) +
      para(run('B1'), numPr(1, 1)) +
      para(run('B1a'), numPr(1, 2)) +
      para(run('Theo kiểu'), '<w:pStyle w:val="Muc"/>') +
      para(run('Kiểu con'), '<w:pStyle w:val="Muc2"/>') +
      para(run('Bỏ đánh số'), '<w:pStyle w:val="Muc"/><w:numPr><w:numId w:val="0"/></w:numPr>') +
      para(run('Bắt đầu từ 7'), numPr(3, 0)) +
      para(run('Không có định nghĩa'), numPr(99, 0));
    const text = await docxToText(handmade({ body, numbering, styles }));
    expect(text.split('\n\n')).toEqual([
      'I. A',
      'I.1. A1',
      'a) A1a',
      'b) A1b',
      'I.2. A2',
      'c) A2b (không bắt đầu lại ở cấp 2)',
      'II. B',
      'II.1. B1',
      'a) B1a',
      '01 - Theo kiểu',
      '(i) Kiểu con',
      'Bỏ đánh số',
      '07 - Bắt đầu từ 7',
      'Không có định nghĩa\n',
    ]);
  });

  it('renders legacy horizontal merges once, a nested (borderless) table inside a cell, and numbered cell paragraphs', async () => {
    const numbering =
      '<w:abstractNum w:abstractNumId="0">' + lvl(0, 'bullet', '\uF0B7') + '</w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'; // prettier-ignore
    const tc = (inner: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${inner}</w:tc>`;
    const body =
      '<w:tbl><w:tblPr><w:tblBorders><w:top w:val="single"/></w:tblBorders></w:tblPr><w:tblGrid/>' +
      `<w:tr>${tc(para(run('1')))}${tc(para(run('Gộp')), '<w:hMerge w:val="restart"/>')}${tc(para(''), '<w:hMerge/>')}</w:tr>` +
      `<w:tr>${tc(para(run('2')))}${tc(para(run('Việc một'), numPr(1, 0)) + para(run('Việc hai'), numPr(1, 0)))}` +
      `${tc('<w:tbl><w:tr>' + tc(para(run('x'))) + tc(para(run('y'))) + '</w:tr></w:tbl>' + para(''))}</w:tr>` +
      '</w:tbl>';
    expect(await docxToText(handmade({ body, numbering }))).toBe(
      '1 | Gộp\n2 | - Việc một - Việc hai | x y\n',
    );
  });
});

describe('docxToText — fixture', () => {
  it('reads fixtures/import/ke-hoach-bang.docx as saved in ke-hoach-bang.docx.txt', async () => {
    const dir = new URL('../../../fixtures/import/', import.meta.url);
    const docx = new Uint8Array(readFileSync(new URL('ke-hoach-bang.docx', dir)));
    // If this fails after a change to the reader or the script: npx tsx scripts/make-fixture-docx.ts
    expect(await docxToText(docx)).toBe(readFileSync(new URL('ke-hoach-bang.docx.txt', dir), 'utf8'));
  });
});

describe('docxToText — refusals', () => {
  it('refuses bytes that are not a zip', async () => {
    const garbage = new Uint8Array(512).map((_, i) => (i * 7919 + 13) % 256);
    await expect(docxToText(garbage)).rejects.toThrow(/^Tệp \.docx không hợp lệ/);
    await expect(docxToText(new Uint8Array())).rejects.toThrow(/^Tệp \.docx không hợp lệ/);
    await expect(docxToText(strToU8('PK nhưng không phải zip'))).rejects.toThrow(/không giải nén được/);
  });

  it('refuses a zip without word/document.xml', async () => {
    const zip = zipSync({ 'readme.txt': strToU8('xin chào'), 'word/styles.xml': strToU8('<w:styles/>') });
    await expect(docxToText(zip)).rejects.toThrow(/^Tệp \.docx không hợp lệ: không tìm thấy nội dung/);
  });

  it('never fails with anything but its own message on damaged files', async () => {
    const good = new Uint8Array(
      await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Nội dung')] }] })),
    );
    for (const cut of [10, 100, 1000, good.length - 22, good.length - 1]) {
      const result = await docxToText(good.subarray(0, cut)).then(
        (text) => ({ text }),
        (e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }),
      );
      if ('error' in result) expect(result.error).toMatch(/^Tệp \.docx không hợp lệ/);
    }
    const broken = handmade({ body: '<w:p><w:r><w:t>Chưa đóng thẻ</w:r><w:p><w:r><w:t a="1>x</w:t>' });
    expect(await docxToText(broken)).toContain('Chưa đóng thẻ');
  });

  it('explains an old .doc or a password-protected file', async () => {
    const cfb = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(docxToText(cfb)).rejects.toThrow(/\.doc.*mật khẩu/);
  });
});

describe('XML helpers', () => {
  it('decodes entities', () => {
    expect(
      decodeXmlEntities('&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos; &#65;&#x42;&#X43; &#0; &nbsp;'),
    ).toBe('<a> & "b" \'c\' ABC &#0; &nbsp;');
  });

  it('parses attributes with either quote, > inside values, self-closing tags and stray end tags', () => {
    const root = parseXml(
      `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY y "z">]><a k='1 > 0' j="&amp;"><b/></c><d>t</d></a>`,
    );
    expect(root.children).toEqual([
      {
        name: 'a',
        attrs: { k: '1 > 0', j: '&' },
        children: [
          { name: 'b', attrs: {}, children: [] },
          { name: 'd', attrs: {}, children: ['t'] },
        ],
      },
    ]);
  });

  it('formats numbers', () => {
    expect([1, 5, 6, 23, 24, 28].map((n) => formatNumber(n, 'lowerLetter'))).toEqual([
      'a',
      'đ',
      'e',
      'y',
      'aa',
      'đđ',
    ]);
    expect(formatNumber(5, 'upperLetter')).toBe('Đ');
    expect(formatNumber(14, 'upperRoman')).toBe('XIV');
    expect(formatNumber(49, 'lowerRoman')).toBe('xlix');
    expect(formatNumber(3, 'decimalZero')).toBe('03');
  });
});
