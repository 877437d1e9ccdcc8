import { describe, expect, it } from 'vitest';
import { pdfPagesToText, type PdfPageContent, type PdfRule, type PdfTextItem } from './pdf-layout.js';

// An A4 page in points, body text 14 pt from x = 85 to x = 538, like the corpus documents' exports.
const W = 595;
const H = 842;
const CH = 6.5; // width of one character at 14 pt, near enough

/** A run of text with its baseline `top` points from the top of the page. */
function run(str: string, x: number, top: number, size = 14, width = str.length * CH): PdfTextItem {
  return { str, x, y: H - top, width, size };
}

/** A justified body line running to the right margin. */
const full = (str: string, x: number, top: number) => run(str, x, top, 14, 538 - x);

function page(items: PdfTextItem[], rules: PdfRule[] = []): PdfPageContent {
  return { width: W, height: H, items, rules };
}

/** The rules of a grid: vertical lines at `xs`, horizontal lines at `tops` (points from the top). */
function grid(xs: number[], tops: number[]): PdfRule[] {
  const y0 = H - tops[0]!;
  const y1 = H - tops[tops.length - 1]!;
  return [
    ...xs.map((x) => ({ x1: x, y1: y0, x2: x, y2: y1 })),
    ...tops.map((t) => ({ x1: xs[0]!, y1: H - t, x2: xs[xs.length - 1]!, y2: H - t })),
  ];
}

describe('PDF layout: positioned text to the parser’s text', () => {
  it('joins the lines of a paragraph and separates paragraphs with a blank line', () => {
    const text = pdfPagesToText([
      page([
        run('I. MỤC ĐÍCH, YÊU CẦU', 120, 100),
        full('- Cụ thể hóa đầy đủ, kịp thời và đồng bộ các nội dung lãnh đạo, chỉ đạo đã', 120, 123),
        full('được nêu trong Chỉ thị 11 của Ban Thường vụ Tỉnh ủy; tạo chuyển biến trong', 85, 140),
        run('công tác quản lý nhà nước.', 85, 157),
        full('- Nâng cao hiệu lực, hiệu quả quản lý nhà nước đối với hoạt động thăm', 120, 180),
        run('dò, khai thác khoáng sản.', 85, 197),
      ]),
    ]);
    expect(text).toBe(
      'I. MỤC ĐÍCH, YÊU CẦU\n\n' +
        '- Cụ thể hóa đầy đủ, kịp thời và đồng bộ các nội dung lãnh đạo, chỉ đạo đã được nêu trong Chỉ thị 11 của Ban Thường vụ Tỉnh ủy; tạo chuyển biến trong công tác quản lý nhà nước.\n\n' +
        '- Nâng cao hiệu lực, hiệu quả quản lý nhà nước đối với hoạt động thăm dò, khai thác khoáng sản.\n',
    );
  });

  it('does not join a short line, an indented line, an item marker or a subject under a capital title', () => {
    const text = pdfPagesToText([
      page([
        run('KẾ HOẠCH', 270, 60),
        full('MỘT SỐ NHIỆM VỤ TRỌNG TÂM CỦA CÁC SỞ, BAN, NGÀNH VÀ ĐỊA PHƯƠNG TRÊN ĐỊA', 85, 80),
        run('(Kèm theo Kế hoạch số 12/KH-UBND)', 85, 97),
        full('Tăng cường kiểm tra, giám sát, đánh giá kết quả thực hiện; kịp thời điều', 120, 120),
        run('- Hoàn thành các nhiệm vụ', 85, 137),
        run('Một dòng ngắn.', 85, 160),
        run('Dòng tiếp theo.', 85, 177),
      ]),
    ]);
    expect(text.split('\n\n')).toEqual([
      'KẾ HOẠCH',
      'MỘT SỐ NHIỆM VỤ TRỌNG TÂM CỦA CÁC SỞ, BAN, NGÀNH VÀ ĐỊA PHƯƠNG TRÊN ĐỊA',
      '(Kèm theo Kế hoạch số 12/KH-UBND)',
      'Tăng cường kiểm tra, giám sát, đánh giá kết quả thực hiện; kịp thời điều',
      '- Hoàn thành các nhiệm vụ',
      'Một dòng ngắn.',
      'Dòng tiếp theo.\n',
    ]);
  });

  it('reads a two-column header block left block first, keeping the blank in "Số:      /KH-UBND"', () => {
    const text = pdfPagesToText([
      page([
        run('ỦY BAN NHÂN DÂN', 102, 69, 13, 122),
        run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 254, 69, 13, 271),
        run('TỈNH LÂM ĐỒNG', 109, 84, 13, 109),
        run('Độc lập - Tự do - Hạnh phúc', 304, 85, 14, 171),
        run('Số:', 105, 111, 13, 17),
        run(' ', 122, 111, 13, 36),
        run('/KH-UBND', 158, 111, 13, 63),
        run('Lâm Đồng, ngày 5 tháng 3 năm 2026', 288, 111, 13, 220),
        run('KẾ HOẠCH', 270, 160),
      ]),
    ]);
    expect(text.split('\n\n')).toEqual([
      'ỦY BAN NHÂN DÂN',
      'TỈNH LÂM ĐỒNG',
      'Số:          /KH-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Lâm Đồng, ngày 5 tháng 3 năm 2026',
      'KẾ HOẠCH\n',
    ]);
  });

  it('turns a ruled table into pipe rows, a cell’s lines joined, merged cells as docx.ts writes them', () => {
    const tops = [100, 130, 150, 200];
    // The group row "I" (100–130) spans columns 2–4: the inner vertical rules start under it.
    const rules = [
      ...grid([57, 581], tops),
      ...[92, 340, 454].map((x) => ({ x1: x, y1: H - (x === 92 ? 100 : 130), x2: x, y2: H - 200 })),
    ];
    const items = [
      run('I', 70, 120),
      run('Cải cách thể chế', 100, 120),
      run('TT', 65, 145),
      run('Nhiệm vụ', 150, 145),
      run('Chủ trì', 360, 145),
      run('Thời gian', 480, 145),
      run('1', 70, 175),
      run('Rà soát văn bản quy phạm pháp', 96, 165),
      run('luật | hết hiệu lực', 96, 182),
      run('Sở Tư pháp', 344, 175),
      run('Quý II/2026', 500, 175),
    ];
    const text = pdfPagesToText([page(items, rules)]);
    expect(text).toBe(
      'I | Cải cách thể chế\n' +
        'TT | Nhiệm vụ | Chủ trì | Thời gian\n' +
        '1 | Rà soát văn bản quy phạm pháp luật / hết hiệu lực | Sở Tư pháp | Quý II/2026\n',
    );
  });

  it('carries the value of a cell merged down into the rows below, and fills the columns a cell spans', () => {
    const xs = [57, 92, 340, 581];
    const tops = [100, 130, 160];
    // The third column's cell spans both rows: no horizontal rule at 130 under it.
    const rules = [
      ...xs.map((x) => ({ x1: x, y1: H - 100, x2: x, y2: H - 160 })),
      { x1: 57, y1: H - 100, x2: 581, y2: H - 100 },
      { x1: 57, y1: H - 130, x2: 340, y2: H - 130 },
      { x1: 57, y1: H - 160, x2: 581, y2: H - 160 },
    ];
    void tops;
    const text = pdfPagesToText([
      page(
        [
          run('1', 70, 120),
          run('Việc một', 100, 120),
          run('2', 70, 150),
          run('Việc hai', 100, 150),
          run('Sở Nội vụ', 400, 135),
        ],
        rules,
      ),
    ]);
    expect(text).toBe('1 | Việc một | Sở Nội vụ\n2 | Việc hai | Sở Nội vụ\n');
    // A cell spanning the last two of four columns (not a row-wide heading) fills both.
    const spanRules = [
      ...[57, 92, 340, 581].map((x) => ({ x1: x, y1: H - 100, x2: x, y2: H - 130 })),
      { x1: 460, y1: H - 130, x2: 460, y2: H - 160 }, // the rule between columns 3 and 4, second row only
      { x1: 57, y1: H - 160, x2: 57, y2: H - 130 },
      { x1: 92, y1: H - 160, x2: 92, y2: H - 130 },
      { x1: 340, y1: H - 160, x2: 340, y2: H - 130 },
      { x1: 581, y1: H - 160, x2: 581, y2: H - 130 },
      ...[100, 130, 160].map((t) => ({ x1: 57, y1: H - t, x2: 581, y2: H - t })),
    ];
    const spanned = pdfPagesToText([
      page(
        [
          run('1', 70, 120),
          run('Việc một', 100, 120),
          run('Sở Tư pháp', 400, 120),
          run('2', 70, 150),
          run('Việc hai', 100, 150),
          run('Sở Nội vụ', 344, 150),
          run('Quý I', 470, 150),
        ],
        spanRules,
      ),
    ]);
    expect(spanned).toBe('1 | Việc một | Sở Tư pháp | Sở Tư pháp\n2 | Việc hai | Sở Nội vụ | Quý I\n');
  });

  it('goes on with a table over the page break: the repeated header once, a split row joined', () => {
    const xs = [57, 92, 340, 581];
    const head = [run('TT', 65, 115), run('Nhiệm vụ', 150, 115), run('Chủ trì', 400, 115)];
    const p1 = page(
      [...head, run('1', 70, 145), run('Tổ chức hội nghị quán triệt', 96, 145), run('Sở Tư pháp', 344, 145)],
      grid(xs, [100, 130, 160]),
    );
    const p2 = page(
      [
        run('2', 300, 50), // the page number
        ...head,
        run('đến cán bộ, công chức.', 96, 145),
        run('2', 70, 175),
        run('Rà soát thủ tục', 96, 175),
        run('Văn phòng UBND', 344, 175),
      ],
      grid(xs, [100, 130, 160, 190]),
    );
    expect(pdfPagesToText([p1, p2])).toBe(
      'TT | Nhiệm vụ | Chủ trì\n' +
        '1 | Tổ chức hội nghị quán triệt đến cán bộ, công chức. | Sở Tư pháp\n' +
        '2 | Rà soát thủ tục | Văn phòng UBND\n',
    );
  });

  it('joins a paragraph over the page break and leaves the page number out', () => {
    const text = pdfPagesToText([
      page([
        full('- Chủ động tham mưu Ủy ban nhân dân tỉnh tăng cường công tác quản lý nhà', 120, 760),
        full('nước về địa chất và khoáng sản; tham mưu Ủy ban nhân dân tỉnh ban hành', 85, 777),
        run('12', 300, 810),
      ]),
      page([
        run('13', 300, 40),
        run('quy chế với các tỉnh giáp ranh.', 85, 70),
        run('- Việc khác.', 120, 93),
      ]),
    ]);
    expect(text.split('\n\n')).toEqual([
      '- Chủ động tham mưu Ủy ban nhân dân tỉnh tăng cường công tác quản lý nhà nước về địa chất và khoáng sản; tham mưu Ủy ban nhân dân tỉnh ban hành quy chế với các tỉnh giáp ranh.',
      '- Việc khác.\n',
    ]);
  });

  it('keeps a footnote at the end of the paragraph that cites it, without the superscript marker', () => {
    const footnotePage = (marker: boolean) =>
      page(
        [
          full('Thực hiện các văn bản của Trung ương', 120, 700),
          ...(marker ? [run('1', 400, 695, 9, 4)] : []),
          full('và của tỉnh về khoáng sản, Ủy ban nhân dân tỉnh ban hành Kế hoạch này', 85, 717),
          run('1 Nghị quyết số 10-NQ/TW ngày 10/02/2022 của Bộ Chính trị.', 85, 780, 10),
        ],
        [{ x1: 85, y1: H - 765, x2: 198, y2: H - 765 }],
      );
    const next = page([run('với các nội dung như sau:', 85, 70), run('I. MỤC ĐÍCH', 120, 93)]);
    expect(pdfPagesToText([footnotePage(true), next]).split('\n\n')).toEqual([
      'Thực hiện các văn bản của Trung ương và của tỉnh về khoáng sản, Ủy ban nhân dân tỉnh ban hành Kế hoạch này với các nội dung như sau: 1 Nghị quyết số 10-NQ/TW ngày 10/02/2022 của Bộ Chính trị.',
      'I. MỤC ĐÍCH\n',
    ]);
    // Without a marker to tie it to: after the paragraph that runs over the page break.
    expect(pdfPagesToText([footnotePage(false), next]).split('\n\n')).toEqual([
      'Thực hiện các văn bản của Trung ương và của tỉnh về khoáng sản, Ủy ban nhân dân tỉnh ban hành Kế hoạch này với các nội dung như sau:',
      '1 Nghị quyết số 10-NQ/TW ngày 10/02/2022 của Bộ Chính trị.',
      'I. MỤC ĐÍCH\n',
    ]);
  });

  it('reads a line of three or more columns without rules one cell per line', () => {
    const text = pdfPagesToText([
      page([
        run('1', 60, 100),
        run('Tổ chức hội nghị', 120, 100),
        run('Sở Tư pháp', 330, 100),
        run('Quý II/2026', 480, 100),
        run('2', 60, 120),
        run('Rà soát văn bản', 120, 120),
        run('Sở Nội vụ', 330, 120),
        run('Năm 2026', 480, 120),
      ]),
    ]);
    expect(text.split('\n\n')).toEqual([
      '1',
      'Tổ chức hội nghị',
      'Sở Tư pháp',
      'Quý II/2026',
      '2',
      'Rà soát văn bản',
      'Sở Nội vụ',
      'Năm 2026\n',
    ]);
  });

  it('joins a number split by the line end without a space ("11-" ⏎ "CT/TU")', () => {
    const text = pdfPagesToText([
      page([
        full('- Sở Nông nghiệp và Môi trường báo cáo kết quả thực hiện Chỉ thị số 11-', 120, 100),
        run('CT/TU ngày 04/01/2026.', 85, 117),
      ]),
    ]);
    expect(text).toBe(
      '- Sở Nông nghiệp và Môi trường báo cáo kết quả thực hiện Chỉ thị số 11-CT/TU ngày 04/01/2026.\n',
    );
  });

  it('gives no text for pages without text', () => {
    expect(pdfPagesToText([page([]), page([run('   ', 85, 100)])])).toBe('');
  });
});
