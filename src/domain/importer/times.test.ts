import { describe, expect, it } from 'vitest';
import { findReferences } from './references.js';
import { findTimes, parseVnDate, pickDeadline } from './times.js';
import type { TimeExpression } from './types.js';

type Expected = Pick<TimeExpression, 'kind' | 'value'> & Partial<Pick<TimeExpression, 'relation' | 'text'>>;

/** The deadline the parser picks in a task's words, the cited documents' spans excluded as parse.ts does. */
const deadline = (s: string) =>
  pickDeadline(
    findTimes(
      s,
      0,
      findReferences(s).flatMap((r) => r.citations),
    ),
  );
/** The same, with no spans given (a table's deadline cell is read so). */
const deadlineAlone = (s: string) => pickDeadline(findTimes(s));

/**
 * Phrases as written in the six corpus documents (fixtures/corpus/13…18), each with the deadline
 * established by reading it. `null`: the phrase states no deadline (a cited document's date, a
 * vision year, a running header).
 */
const CORPUS: [doc: string, phrase: string, expected: Expected | null][] = [
  // 13 — UBND tỉnh Lào Cai, Phụ lục column "Thời gian hoàn thành" and body text
  ['13', 'Thường xuyên', { kind: 'recurrence', value: 'continuous' }],
  ['13', 'Hàng năm', { kind: 'recurrence', value: 'yearly' }],
  ['13', 'Xong trong Quý II/2026', { kind: 'quarter', value: '2026-Q2', relation: 'by' }],
  ['13', 'Xong trong tháng 5/2026', { kind: 'month', value: '2026-05' }],
  ['13', 'Trong năm 2026', { kind: 'year', value: '2026', text: 'Trong năm 2026' }],
  [
    '13',
    'Hoàn thành đầu tư, lắp đặt và vận hành xong trước ngày 01/01/2030',
    { kind: 'date', value: '2030-01-01', relation: 'before' },
  ],
  [
    '13',
    // The name of the provincial master plan, not a deadline.
    'để tích hợp vào điều chỉnh Quy hoạch tỉnh Lào Cai thời kỳ 2021–2030, tầm nhìn đến năm 2050.',
    null,
  ],
  [
    '13',
    'đã được Thủ tướng Chính phủ phê duyệt tại Quyết định số 866/QĐ-Tg ngày 18/7/2023 và Quy hoạch thăm dò, khai thác',
    null,
  ],
  ['13', 'Chỉ thị số 11-CT/TU ngày 04/01/2026 của Ban Thường vụ Tỉnh ủy theo quy định.', null],
  [
    '13',
    '- Các Sở, ban, ngành và UBND cấp xã, phường nêu cao trách nhiệm người đứng đầu trong trong việc chủ động, thường xuyên lãnh đạo, chỉ đạo và tổ chức quản lý toàn diện hoạt động khoáng sản trên địa bàn',
    null,
  ],
  // 14 — UBND tỉnh Lâm Đồng, the 7-column table's "Thời gian thực hiện"
  ['14', 'Hằng năm', { kind: 'recurrence', value: 'yearly' }],
  ['14', 'Trước ngày 05 của tháng liền kề', { kind: 'recurrence', value: 'monthly', relation: 'before' }],
  ['14', 'Năm 2026', { kind: 'year', value: '2026' }],
  [
    '14',
    'Ban hành kế hoạch trong tháng 01 hằng năm và tổ chức thực hiện.',
    { kind: 'recurrence', value: 'yearly:01-31', text: 'trong tháng 01 hằng năm' },
  ],
  ['14', 'Theo phân công tại Quyết định số 1737/QĐ-UBND ngày 17/10/2025 của Chủ tịch UBND tỉnh', null],
  ['14', 'Theo các mốc thời gian tại Phương án số 7178/PA-UBND ngày 14/11/2025 của UBND tỉnh', null],
  ['14', 'Định kỳ hằng tháng', { kind: 'recurrence', value: 'monthly' }],
  ['14', 'Trước ngày 31/01 năm liền kề', { kind: 'recurrence', value: 'yearly:01-31', relation: 'before' }],
  ['14', 'Trong quý I năm 2026', { kind: 'quarter', value: '2026-Q1' }],
  [
    '14',
    'Thực hiện thường xuyên khi có yêu cầu của bộ, ngành Trung ương.',
    { kind: 'recurrence', value: 'continuous' },
  ],
  ['14', 'Thường xuyên trong tháng', { kind: 'recurrence', value: 'continuous' }],
  ['14', 'Hằng năm và giai đoạn', { kind: 'recurrence', value: 'yearly' }],
  ['14', 'Bắt đầu thực hiện từ năm 2026', { kind: 'year', value: '2026' }],
  [
    '14',
    'Ban hành kế hoạch chậm nhất là ngày 15/4/2026 và tổ chức thực hiện',
    { kind: 'date', value: '2026-04-15', relation: 'before' },
  ],
  [
    '14',
    'Tiếp tục triển khai thực hiện Quyết định số 1441/QĐ-UBND ngày 25/9/2025 của Chủ tịch Ủy ban nhân dân tỉnh công bố thủ tục hành chính',
    null,
  ],
  [
    '14',
    'Tổng kết công tác cải cách hành chính hằng năm và giai đoạn 2026 - 2030 của tỉnh',
    { kind: 'range', value: '2026/2030' },
  ],
  [
    '14',
    'kết quả đánh giá Bộ chỉ số theo Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ',
    null,
  ],
  [
    '14',
    '- Bố trí kinh phí chi thường xuyên giao tự chủ trực tiếp từ nguồn ngân sách nhà nước hằng năm cho đơn vị sự nghiệp công lập',
    { kind: 'recurrence', value: 'yearly', text: 'hằng năm' },
  ],
  [
    '14',
    '- Giao Văn phòng Ủy ban nhân dân tỉnh thường xuyên theo dõi, đôn đốc, cập nhật tiến độ các nhiệm vụ được Chính phủ, Thủ tướng Chính phủ giao trên hệ thống phần mềm. Hoàn thành và đưa Trung tâm IOC vào hoạt động trong quý I năm 2026.',
    { kind: 'quarter', value: '2026-Q1', text: 'trong quý I năm 2026' },
  ],
  [
    '14',
    'theo tinh thần Chỉ thị số 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ về đẩy mạnh việc thực hiện Chương trình tổng thể cải cách hành chính giai đoạn 2021 - 2030; trong đó xác định cải cách hành chính là nhiệm vụ thường xuyên, cấp bách',
    null,
  ],
  // 15 — Bộ Tư pháp, Phụ lục column "Thời gian hoàn thành"
  ['15', 'Tháng 12/2025', { kind: 'month', value: '2025-12' }],
  ['15', '12/2028', { kind: 'month', value: '2028-12' }],
  ['15', '2025-2026', { kind: 'range', value: '2025/2026' }],
  ['15', 'Tháng 9/2026', { kind: 'month', value: '2026-09' }],
  ['15', '2026', { kind: 'year', value: '2026' }],
  ['15', 'Hằng năm hoặc khi có yêu cầu', { kind: 'recurrence', value: 'yearly' }],
  ['15', '2026-2031', { kind: 'range', value: '2026/2031' }],
  [
    '15',
    'Tiếp tục đẩy mạnh triển khai Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022-2025, tầm nhìn đến năm 2030 (Đề án số 06)',
    // The scheme's name, ending with its horizon; the row's deadline is its own cell ("Tháng 12/2025").
    null,
  ],
  ['15', 'dịch vụ công theo Nghị định số 107/2021/NĐ-Chính phủ của Chính phủ', null],
  // 16 — Nghị quyết 100/NQ-CP, gazette text (cells one per line)
  ['16', 'Năm 2026 – \n2030', { kind: 'range', value: '2026/2030' }],
  ['16', '2026 - 2030', { kind: 'range', value: '2026/2030' }],
  [
    '16',
    'Tổng kết, đánh giá thực tiễn thi hành Nghị định \nsố 58/2022/NĐ-CP ngày 31 tháng 8 năm 2002 \ncủa Chính phủ về đăng ký và quản lý hoạt động',
    null,
  ],
  [
    '16',
    'để điều chỉnh, đồng bộ thống nhất với chương trình hành động thực hiện Nghị quyết \nnày, hoàn thành trong Quý II năm 2026.',
    { kind: 'quarter', value: '2026-Q2', text: 'hoàn thành trong Quý II năm 2026' },
  ],
  [
    '16',
    'khen thưởng; định kỳ trước ngày 01 tháng 12 hằng năm báo cáo kết quả thực hiện',
    { kind: 'recurrence', value: 'yearly:12-01', relation: 'before' },
  ],
  [
    '16',
    'Căn cứ Chỉ thị số 49-CT /TW ngày 28 tháng 6 năm 2025 của Ban Bí thư về công \ntác phi chính phủ nước ngoài;',
    null,
  ],
  ['16', 'Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;', null],
  ['16', 'CÔNG BÁO/Số 242/Ngày 22-04-2026', null],
  // 17 — Quyết định 844/QĐ-TTg, gazette text
  ['17', 'Quý I/2027', { kind: 'quarter', value: '2027-Q1' }],
  ['17', 'Quý II/2028', { kind: 'quarter', value: '2028-Q2' }],
  ['17', 'Tháng 3/2027', { kind: 'month', value: '2027-03' }],
  ['17', 'Từ quý II/2027', { kind: 'quarter', value: '2027-Q2' }],
  ['17', 'Từ tháng 5/2026, \nthường xuyên', { kind: 'month', value: '2026-05' }],
  ['17', 'Quý III/2026', { kind: 'quarter', value: '2026-Q3' }],
  [
    '17',
    'bộ, thống nhất với kế hoạch hành động thực hiện Chỉ thị số 52-CT/TW, hoàn \nthành trong quý IV năm 2026.',
    { kind: 'quarter', value: '2026-Q4' },
  ],
  [
    '17',
    'động, định kỳ hằng năm báo cáo kết quả thực hiện về Bộ Y tế trước ngày 31 tháng \n12 để tổng hợp, báo cáo Thủ tướng Chính phủ.',
    { kind: 'recurrence', value: 'yearly:12-31', relation: 'before' },
  ],
  [
    '17',
    'Căn cứ Luật bảo hiểm y tế ngày 14 tháng 11 năm 2008, Luật sửa đổi, bổ \nsung một số điều của Luật bảo hiểm y tế ngày 13 tháng 6 năm 2014;',
    null,
  ],
  [
    '17',
    'tại Nghị định số 278/2025/NĐ-CP ngày \n22/10/2025 của Chính phủ quy định về kết nối, \nchia sẻ dữ liệu bắt buộc',
    null,
  ],
  [
    '17',
    'kèm theo Kế hoạch này thì được thực hiện theo Nghị Quyết số 282/NQ-CP ngày \n15/9/2025 của Chính phủ Ban hành Chương trình hành động',
    null,
  ],
  ['17', 'CÔNG BÁO/Số 286/Ngày 27-05-2026 ', null],
  [
    '17',
    '- Uỷ ban nhân dân cấp tỉnh, cấp xã đưa các chỉ tiêu bao phủ về bảo hiểm y tế vào nghị quyết, chương trình, kế hoạch phát triển kinh tế - xã hội hằng năm và dài hạn của địa phương.',
    null,
  ],
  [
    '17',
    '- Từng bước tăng mức đóng bảo hiểm y tế từ năm 2027 phù hợp với việc mở rộng phạm vi quyền lợi, mức hưởng bảo hiểm y tế theo lộ trình',
    null,
  ],
  [
    '17',
    'Từ quý III/2026 đến quý III/2030',
    { kind: 'quarter', value: '2030-Q3', text: 'Từ quý III/2026 đến quý III/2030' },
  ],
  // 18 — Nghị quyết 116/NQ-CP, gazette text
  ['18', '2026 - 2027', { kind: 'range', value: '2026/2027' }],
  ['18', 'Năm 2026  ', { kind: 'year', value: '2026' }],
  [
    '18',
    'g) Triển khai Đề án phát triển nâng cao năng lực ứng phó sự cố, thiên tai \nvà tìm kiếm cứu nạn đến năm 2030, định hướng đến năm 2045.',
    // The scheme's name ends with its horizon: no deadline.
    null,
  ],
  [
    '18',
    'hướng dẫn, tổ chức việc phòng ngừa, ứng phó, khắc phục hậu quả thiên tai cho cán bộ, đảng viên nhất là ở các thôn bản vùng sâu, vùng xa, vùng \nthường xuyên chịu tác động của thiên tai.',
    null,
  ],
  [
    '18',
    'nhiệm vụ phòng ngừa, ứng phó, khắc phục hậu quả thiên tai vào kế hoạch dự trữ quốc gia hàng năm.',
    null,
  ],
  [
    '18',
    'ban hành Kế hoạch chi tiết, báo cáo Chính phủ trong quý II năm 2026, đồng \nthời gửi Bộ Nông nghiệp và Môi trường',
    { kind: 'quarter', value: '2026-Q2' },
  ],
  [
    '18',
    'báo cáo Chính phủ, Thủ tướng \nChính phủ trước ngày 30 tháng 11 hằng năm, đồng thời gửi Bộ Nông nghiệp',
    { kind: 'recurrence', value: 'yearly:11-30', relation: 'before' },
  ],
  [
    '18',
    'Thực hiện các nhiệm vụ tại Kết luận số 213-KL/TW ngày 21 tháng 11 \nnăm 2025 của Ban Bí thư về tiếp tục thực hiện Chỉ thị số 42-CT/TW ngày 24 \ntháng 3 năm 2020 về tăng cường sự lãnh đạo',
    null,
  ],
];

/** The forms issue 12 names, beyond the corpus's own phrases. */
const EDGES: [phrase: string, expected: Expected | null][] = [
  ['Quý III, IV/2026', { kind: 'quarter', value: '2026-Q4', text: 'Quý III, IV/2026' }],
  ['Hoàn thành trong quý I và II năm 2027', { kind: 'quarter', value: '2027-Q2' }],
  ['2026–2027', { kind: 'range', value: '2026/2027', text: '2026–2027' }],
  ['Năm 2026-2027', { kind: 'range', value: '2026/2027', text: 'Năm 2026-2027' }],
  ['Quý II/2026', { kind: 'quarter', value: '2026-Q2' }],
  ['Tháng 6/2026', { kind: 'month', value: '2026-06' }],
  ['6 tháng đầu năm 2026', { kind: 'month', value: '2026-06', text: '6 tháng đầu năm 2026' }],
  ['6 tháng cuối năm 2026', { kind: 'month', value: '2026-12' }],
  [
    'Báo cáo kết quả trước ngày 31/12 hằng năm',
    { kind: 'recurrence', value: 'yearly:12-31', relation: 'before', text: 'trước ngày 31/12 hằng năm' },
  ],
  ['Thường xuyên', { kind: 'recurrence', value: 'continuous' }],
  ['Hằng quý', { kind: 'recurrence', value: 'quarterly' }],
  [
    'Năm 2026 và các năm tiếp theo',
    { kind: 'recurrence', value: 'yearly', text: 'Năm 2026 và các năm tiếp theo' },
  ],
  ['Giai đoạn 2026 - 2030', { kind: 'range', value: '2026/2030', text: 'Giai đoạn 2026 - 2030' }],
  ['2026-2030', { kind: 'range', value: '2026/2030' }],
  ['hoàn thành trước ngày 22-10-2026', { kind: 'date', value: '2026-10-22', relation: 'before' }],
  ['hoàn thành trước ngày 22.10.2026', { kind: 'date', value: '2026-10-22', relation: 'before' }],
  ['hoàn thành trước ngày 22 tháng 10 năm 2026', { kind: 'date', value: '2026-10-22', relation: 'before' }],
  ['Triển khai Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ', null],
  ['Xây dựng đề án phát triển giao thông, tầm nhìn đến năm 2050.', null],
  ['Chiến lược phát triển, định hướng đến năm 2045', null],
  [
    'Thực hiện Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ, hoàn thành trước ngày 30/6/2026.',
    { kind: 'date', value: '2026-06-30', relation: 'before' },
  ],
  [
    'Thực hiện Nghị quyết số 03/NQ-CP của Chính phủ, hoàn thành trước ngày 30/6/2026.',
    { kind: 'date', value: '2026-06-30', relation: 'before' },
  ],
];

const check = (got: TimeExpression | null, expected: Expected | null, what: string) => {
  if (expected === null) expect(got, what).toBeNull();
  else expect(got, what).toMatchObject(expected);
};

describe('deadlines read from the corpus’s own words', () => {
  it('has at least 40 real phrases', () => expect(CORPUS.length).toBeGreaterThanOrEqual(40));
  it.each(CORPUS)('%s: %j', (_doc, phrase, expected) => {
    check(deadline(phrase), expected, 'with the cited documents’ spans');
    check(deadlineAlone(phrase), expected, 'without spans, as a deadline cell is read');
  });
});

describe('deadline forms and edge cases', () => {
  it.each(EDGES)('%j', (phrase, expected) => {
    check(deadline(phrase), expected, 'with spans');
    check(deadlineAlone(phrase), expected, 'without spans');
  });

  it('keeps a quarter list as one expression with its written words and span', () => {
    const s = 'Sở Tư pháp chủ trì, thực hiện trong Quý III, IV/2026.';
    const t = findTimes(s, 100);
    expect(t).toHaveLength(1);
    expect(t[0]).toMatchObject({ kind: 'quarter', value: '2026-Q4', text: 'trong Quý III, IV/2026' });
    expect(s.slice(t[0]!.span[0] - 100, t[0]!.span[1] - 100)).toBe('trong Quý III, IV/2026');
  });

  it('never reads a vision horizon, nor the period of a name that ends with one', () => {
    expect(
      findTimes('Quy hoạch Thủ đô thời kỳ 2021-2030, tầm nhìn đến năm 2050; định hướng đến năm 2045.'),
    ).toEqual([]);
    const t = findTimes('Đề án đến năm 2030, định hướng đến năm 2045; hoàn thành năm 2027.');
    expect(t.map((x) => x.value)).toEqual(['2027']);
  });

  it('never reads a cited law’s or document’s date, nor a part of it', () => {
    for (const s of [
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
      'Căn cứ Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ;',
      'theo Kết luận số 213-KL/TW (khóa XIII) ngày 21/11/2025;',
      'tại các văn bản số 364/TTr-BNG-\nNVVH ngày 19 tháng 01 năm 2026, số 1518/BNG-NVVH ngày 10 tháng 03 năm 2026',
    ])
      expect(findTimes(s), s).toEqual([]);
  });

  it('excludes what the caller marks, however it is written', () => {
    const s = 'Tổ chức thực hiện trong Quý II/2026.';
    const at = s.indexOf('Quý');
    expect(findTimes(s, 0, [[at, at + 4]])).toEqual([]);
  });

  it('prefers a limit not to pass over a period', () => {
    const t = findTimes(
      'Định kỳ hằng năm, trước ngày 15/12 hằng năm báo cáo; hoàn thành giai đoạn 2026-2030.',
    );
    expect(pickDeadline(t)).toMatchObject({ value: 'yearly:12-15', relation: 'before' });
  });

  it('parses written dates in every usual form', () => {
    expect(parseVnDate('22/10/2025')).toBe('2025-10-22');
    expect(parseVnDate('22-10-2025')).toBe('2025-10-22');
    expect(parseVnDate('22.10.2025')).toBe('2025-10-22');
    expect(parseVnDate('ngày 22 tháng 10 năm 2025')).toBe('2025-10-22');
    expect(parseVnDate('ngày 21 tháng 11 \nnăm 2025')).toBe('2025-11-21');
    expect(parseVnDate('30/02/2026')).toBeNull();
    expect(parseVnDate('22/10-2025')).toBeNull();
  });
});
