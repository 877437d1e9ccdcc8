import { describe, expect, it } from 'vitest';
import { findReferences } from './references.js';
import type { DocReference } from './types.js';

type Ref = Pick<DocReference, 'kind' | 'number' | 'date'> & Partial<Pick<DocReference, 'code' | 'level'>>;

/**
 * Citations as written in the six corpus documents (fixtures/corpus/13…18, and the footnote of 13),
 * each with every document it cites, in order, established by reading them.
 */
const CORPUS: [doc: string, phrase: string, refs: Ref[]][] = [
  [
    '13',
    'đã được Thủ tướng Chính phủ phê duyệt tại Quyết định số 866/QĐ-Tg ngày 18/7/2023 và Quy hoạch thăm dò, khai thác, chế biến và sử dụng các loại khoáng sản làm vật liệu xây dựng đã được Thủ tướng Chính phủ phê duyệt tại Quyết định số 1626/QĐ-TTg ngày 15/12/2023 để kiến nghị',
    [
      // A slip for 866/QĐ-TTg: kept as written, never corrected silently.
      { kind: 'Quyết định', number: '866/QĐ-Tg', date: '2023-07-18', level: 'government' },
      { kind: 'Quyết định', number: '1626/QĐ-TTg', date: '2023-12-15' },
    ],
  ],
  [
    '13',
    ' Đặc biệt: Luật Địa chất và khoáng sản ngày 29/11/2024; Luật sửa đổi, bổ sung một số điều của Luật Địa chất và khoáng sản; các Nghị định của Chính phủ quy định chi tiết Luật Địa chất và khoáng sản và Luật sửa đổi, bổ sung; Nghị quyết số 10-NQ/TW ngày 10/02/2022 của Bộ Chính trị về định hướng chiến lược địa chất, khoáng sản và công nghiệp khai khoáng đến năm 2030, tầm nhìn đến năm 2045; Nghị quyết số 88/NQ-CP ngày 22/7/2022 của Chính phủ về chương trình hành động thực hiện Nghị quyết số 10-NQ/TW; Chỉ thị số 38-CT/TTg ngày 29/9/2020 của Thủ tướng Chính phủ về tiếp tục tăng cường công tác quản lý nhà nước đối vớihoạt động thăm dò, khai thác, chế biến, sử dụng và xuất khẩu khoáng sản; Đề án số 13 về tăngcường quản lý, khai thác có hiệu quả tài nguyên đất, nước, khoáng sản và bảo vệ môi trường gắnvới phát triển bền vững giai đoạn 2026-2030 (ban hành kèm theo Nghị quyết số 35-NQ/TU ngày29/12/2025 của Ban Chấp hành Đảng bộ tỉnh) và các văn bản có liên quan.',
    [
      { kind: 'Luật', number: 'Luật Địa chất và khoáng sản', date: '2024-11-29', level: 'central' },
      { kind: 'Nghị quyết', number: '10-NQ/TW', date: '2022-02-10', level: 'central' },
      { kind: 'Nghị quyết', number: '88/NQ-CP', date: '2022-07-22', level: 'government' },
      { kind: 'Chỉ thị', number: '38-CT/TTg', date: '2020-09-29' },
      { kind: 'Đề án', number: '13', date: null },
      { kind: 'Nghị quyết', number: '35-NQ/TU', date: '2025-12-29', level: 'city' },
    ],
  ],
  [
    '14',
    'Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;',
    [{ kind: 'Nghị quyết', number: '76/NQ-CP', date: '2021-07-15' }],
  ],
  [
    '14',
    '(trừ các trường hợp được quy định tại khoản 3 Điều 14 Nghị định số 118/2025/NĐ-CP của Chính phủ). 100% thủ tục hành chính liên thông',
    // The document never writes this decree's date: none is invented.
    [{ kind: 'Nghị định', number: '118/2025/NĐ-CP', date: null, code: 'NĐ-CP', level: 'government' }],
  ],
  [
    '14',
    'Theo các mốc thời gian tại Phương án số 7178/PA-UBND ngày 14/11/2025 của UBND tỉnh',
    [{ kind: 'Phương án', number: '7178/PA-UBND', date: '2025-11-14', level: 'local' }],
  ],
  [
    '14',
    '(Ban hành kèm theo Kế hoạch số          /KH-UBND ngày         /3/2026 của Chủ tịch UBND tỉnh Lâm Đồng)',
    [],
  ],
  [
    '15',
    '(Ban hành kèm theo Quyết định số 877/QĐ-BTP ngày 03/3/2025 của Bộ trưởng Bộ Tư pháp)',
    [{ kind: 'Quyết định', number: '877/QĐ-BTP', date: '2025-03-03', level: 'ministry' }],
  ],
  [
    '15',
    'Nâng cấp, hoàn thiện hạ tầng thông tin đáp ứng yêu cầu tại văn bản số 1552/BTTTT-TTH và 708/BTTTT-CATTT; hoàn thành kết nối giữa hệ thống thông tin giải quyết thủ tục hành chính cấp bộ với cơ sở dữ liệu quốc gia về dân cư phục vụ giải quyết thủ tục hành chính, dịch vụ công theo Nghị định số 107/2021/NĐ-Chính phủ của Chính phủ',
    [
      { kind: 'Văn bản', number: '1552/BTTTT-TTH', date: null, level: 'ministry' },
      { kind: 'Văn bản', number: '708/BTTTT-CATTT', date: null },
      // Meant 107/2021/NĐ-CP: kept whole as written, not cut to "NĐ-Ch".
      { kind: 'Nghị định', number: '107/2021/NĐ-Chính phủ', date: null, level: 'government' },
    ],
  ],
  [
    '15',
    'đầy đủ, sâu sắc quan điểm, nhiệm vụ tại Nghị quyết số 57-NQ/TW, Nghị quyết số 03/NQ-CP và kế hoạch triển khai của Bộ Tư pháp',
    [
      { kind: 'Nghị quyết', number: '57-NQ/TW', date: null },
      { kind: 'Nghị quyết', number: '03/NQ-CP', date: null },
    ],
  ],
  [
    '15',
    'CHI TIẾT NỘI DUNG KẾ HOẠCH TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT SỐ 03/NQ-CP NGÀY 09/01/2025 CỦA CHÍNH PHỦ BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW NGÀY 22/12/2024 CỦA BỘ CHÍNH TRỊ',
    [
      { kind: 'Nghị quyết', number: '03/NQ-CP', date: '2025-01-09' },
      { kind: 'Nghị quyết', number: '57-NQ/TW', date: '2024-12-22' },
    ],
  ],
  [
    '15',
    'Triển khai các nền tảng số quốc gia, nền tảng số dùng chung của ngành, lĩnh vực của Bộ Tư pháp theo Văn bản số 2765/BTTTT-CĐSQG công bố danh sách',
    [{ kind: 'Văn bản', number: '2765/BTTTT-CĐSQG', date: null }],
  ],
  [
    '15',
    'chuyển đổi số quốc gia giai đoạn 2022-2025, tầm nhìn đến năm 2030 (Đề án số 06)',
    [{ kind: 'Đề án', number: '06', date: null }],
  ],
  [
    '16',
    'b) Tổng kết, đánh giá thực tiễn thi hành Nghị định số 58/2022/NĐ-CP ngày 31 \ntháng 8 năm 2002 của Chính phủ về đăng ký',
    // "2002" is a slip (the decree is of 2022): the date is read as written.
    [{ kind: 'Nghị định', number: '58/2022/NĐ-CP', date: '2002-08-31' }],
  ],
  [
    '16',
    'Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;  \nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025; \nCăn cứ Chỉ thị số 49-CT /TW ngày 28 tháng 6 năm 2025 của Ban Bí thư về công \ntác phi chính phủ nước ngoài; \nTheo đề nghị của Bộ trưởng Bộ Ngoại giao tại các văn bản số 364/TTr-BNG-\nNVVH ngày 19 tháng 01 năm 2026, số 1518/BNG-NVVH ngày 10 tháng 03 năm 2026 \nvà số 2265/BC-BNG-NVVH ngày 02 tháng 04 năm 2026;  ',
    [
      { kind: 'Luật', number: 'Luật Tổ chức Chính phủ', date: '2025-02-18' },
      { kind: 'Luật', number: 'Luật Tổ chức chính quyền địa phương', date: '2025-02-19' },
      { kind: 'Chỉ thị', number: '49-CT/TW', date: '2025-06-28', code: 'CT/TW', level: 'central' },
      { kind: 'Tờ trình', number: '364/TTr-BNG-NVVH', date: '2026-01-19', level: 'ministry' },
      // "các văn bản số …": each document is what its code says, a Công văn without a type code.
      { kind: 'Công văn', number: '1518/BNG-NVVH', date: '2026-03-10', level: 'ministry' },
      { kind: 'Báo cáo', number: '2265/BC-BNG-NVVH', date: '2026-04-02' },
    ],
  ],
  [
    '16',
    '(Kèm theo Nghị quyết số 100 /NQ-CP ngày 06 tháng 4 năm 2026 của Chính phủ) ',
    [{ kind: 'Nghị quyết', number: '100/NQ-CP', date: '2026-04-06' }],
  ],
  [
    '16',
    'triển khai hiệu quả Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị về tăng ',
    [{ kind: 'Nghị quyết', number: '35-NQ/TW', date: '2018-10-22' }],
  ],
  [
    '17',
    'Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025; \nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025; \nCăn cứ Luật bảo hiểm y tế ngày 14 tháng 11 năm 2008, Luật sửa đổi, bổ \nsung một số điều của Luật bảo hiểm y tế ngày 13 tháng 6 năm 2014; Luật sửa đổi, \nbổ sung một số điều của Luật bảo hiểm y tế ngày 27 tháng 11 năm 2024; \nCăn cứ Chỉ thị số 52-CT/TW ngày 03 tháng 10 năm 2025 của Ban Bí thư về ',
    [
      { kind: 'Luật', number: 'Luật Tổ chức Chính phủ', date: '2025-02-18' },
      { kind: 'Luật', number: 'Luật Tổ chức chính quyền địa phương', date: '2025-06-16' },
      { kind: 'Luật', number: 'Luật bảo hiểm y tế', date: '2008-11-14' },
      {
        kind: 'Luật',
        number: 'Luật sửa đổi, bổ sung một số điều của Luật bảo hiểm y tế',
        date: '2014-06-13',
      },
      {
        kind: 'Luật',
        number: 'Luật sửa đổi, bổ sung một số điều của Luật bảo hiểm y tế',
        date: '2024-11-27',
      },
      { kind: 'Chỉ thị', number: '52-CT/TW', date: '2025-10-03' },
    ],
  ],
  [
    '17',
    'tại Nghị định số 278/2025/NĐ-CP ngày \n22/10/2025 của Chính phủ quy định về kết nối, ',
    [{ kind: 'Nghị định', number: '278/2025/NĐ-CP', date: '2025-10-22' }],
  ],
  [
    '17',
    'kèm theo Kế hoạch này thì được thực hiện theo Nghị Quyết số 282/NQ-CP ngày \n15/9/2025 của Chính phủ Ban hành Chương trình hành động của Chính phủ thực \nhiện Nghị quyết số 72-NQ/TW ngày 09/9/2025 của Bộ Chính trị về một số giải ',
    [
      { kind: 'Nghị quyết', number: '282/NQ-CP', date: '2025-09-15' },
      { kind: 'Nghị quyết', number: '72-NQ/TW', date: '2025-09-09' },
    ],
  ],
  [
    '18',
    'Về Kế hoạch thực hiện Kết luận số 213-KL/TW ngày 21 tháng 11 năm 2025  \ncủa Ban Bí thư về tiếp tục thực hiện Chỉ thị số 42-CT/TW ngày 24 tháng 3 \nnăm 2020 của Ban Bí thư về tăng cường sự lãnh đạo của Đảng  ',
    [
      { kind: 'Kết luận', number: '213-KL/TW', date: '2025-11-21', level: 'central' },
      { kind: 'Chỉ thị', number: '42-CT/TW', date: '2020-03-24' },
    ],
  ],
  [
    '18',
    'CÔNG BÁO/Số 286/Ngày 27-05-2026 \n89 \nKết luận số 213-KL/TW và Chỉ thị số 42-\nCT/TW',
    [
      { kind: 'Kết luận', number: '213-KL/TW', date: null },
      { kind: 'Chỉ thị', number: '42-CT/TW', date: null },
    ],
  ],
];

/** The forms issue 12 names. */
const EDGES: [phrase: string, refs: Ref[]][] = [
  [
    'Nghị quyết số 146/2025/QH15 ngày 22-10-2025 của Quốc hội',
    [{ kind: 'Nghị quyết', number: '146/2025/QH15', code: 'QH15', level: 'central', date: '2025-10-22' }],
  ],
  ['Kế hoạch số 11- KH/TW ngày 22.10.2025', [{ kind: 'Kế hoạch', number: '11-KH/TW', date: '2025-10-22' }]],
  [
    'Nghị định số 180/2026/NĐ- CP ngày 22 tháng 01 năm 2026 của Chính phủ',
    [{ kind: 'Nghị định', number: '180/2026/NĐ-CP', date: '2026-01-22' }],
  ],
  [
    'Nghị định số 180/2026/NĐ-\nCP ngày 22/01/2026',
    [{ kind: 'Nghị định', number: '180/2026/NĐ-CP', date: '2026-01-22' }],
  ],
  [
    'Chương trình số 45-CTr/TU ngày 3/1/2025, Đề án số 15-ĐA/TU, Thông báo số 12-TB/TW (khóa XIII) ngày 5/2/2025 và Tờ trình số 45/TTr-BTP ngày 6/6/2025',
    [
      { kind: 'Chương trình', number: '45-CTr/TU', date: '2025-01-03' },
      { kind: 'Đề án', number: '15-ĐA/TU', date: null },
      { kind: 'Thông báo', number: '12-TB/TW', date: '2025-02-05' },
      { kind: 'Tờ trình', number: '45/TTr-BTP', date: '2025-06-06' },
    ],
  ],
  [
    'Công văn số 1234/UBND-KT ngày 5/5/2025; Thông tư số 05/2025/TT-BNNMT và Luật Đất đai số 31/2024/QH15',
    [
      { kind: 'Công văn', number: '1234/UBND-KT', date: '2025-05-05', level: 'local' },
      { kind: 'Thông tư', number: '05/2025/TT-BNNMT', date: null, level: 'ministry' },
      { kind: 'Luật', number: '31/2024/QH15', date: null, level: 'central' },
    ],
  ],
  [
    'Quyết định số 1441/QĐ-UBND và Quyết định số 1737/QĐ-UBND ngày 17/10/2025',
    [
      { kind: 'Quyết định', number: '1441/QĐ-UBND', date: null },
      { kind: 'Quyết định', number: '1737/QĐ-UBND', date: '2025-10-17' },
    ],
  ],
  [
    'Nghị quyết số 03/NQ-CP của Chính phủ về chuyển đổi số, hoàn thành trước ngày 30/6/2026',
    [{ kind: 'Nghị quyết', number: '03/NQ-CP', date: null }],
  ],
  [
    'Luật Tiếp cận thông tin năm 2016',
    [{ kind: 'Luật', number: 'Luật Tiếp cận thông tin năm 2016', date: null }],
  ],
  [
    'Luật Tổ chức Chính phủ số 63/2025/QH15 ngày 18/02/2025 và Luật số 72/2025/QH15',
    [
      { kind: 'Luật', number: '63/2025/QH15', date: '2025-02-18', level: 'central' },
      { kind: 'Luật', number: '72/2025/QH15', date: null },
    ],
  ],
  [
    'Căn cứ Hiến pháp năm 2013; Pháp lệnh số 02/2022/UBTVQH15 ngày 22/12/2022',
    [{ kind: 'Pháp lệnh', number: '02/2022/UBTVQH15', date: '2022-12-22', level: 'central' }],
  ],
  [
    'theo quy định của Luật Đầu tư công, Luật Ngân sách nhà nước năm 2015',
    [{ kind: 'Luật', number: 'Luật Ngân sách nhà nước năm 2015', date: null }],
  ],
  ['CÔNG BÁO/Số 286/Ngày 27-05-2026', []],
  ['Luật hóa các quy định trong năm 2026', []],
];

const shape = (refs: DocReference[]) =>
  refs.map((r) => ({ kind: r.kind, number: r.number, date: r.date, code: r.code, level: r.level }));
const check = (phrase: string, expected: Ref[]) => {
  const got = shape(findReferences(phrase));
  expect(got, phrase).toHaveLength(expected.length);
  expected.forEach((e, i) => expect(got[i], `${phrase} → ${e.number}`).toMatchObject(e));
};

describe('references read from the corpus’s own words', () => {
  it.each(CORPUS)('%s: %j', (_doc, phrase, expected) => check(phrase, expected));
});

describe('reference forms and edge cases', () => {
  it.each(EDGES)('%j', (phrase, expected) => check(phrase, expected));

  it('keeps one reference for a document cited with its date and later without', () => {
    const s =
      'Thực hiện Chỉ thị số 11-CT/TU ngày 04/01/2026 của Ban Thường vụ Tỉnh ủy. Quán triệt Chỉ thị 11 với các nội dung; báo cáo kết quả thực hiện 11-CT/TU.';
    const refs = findReferences(s);
    expect(refs).toHaveLength(1);
    expect(refs[0]).toMatchObject({ number: '11-CT/TU', date: '2026-01-04' });
    expect(refs[0]!.citations.map(([a, b]) => s.slice(a, b))).toEqual([
      'Chỉ thị số 11-CT/TU ngày 04/01/2026',
      'Chỉ thị 11',
      '11-CT/TU',
    ]);
  });

  it('reads "Chỉ thị số 49-NQ/TW" as the Chỉ thị 49-CT/TW the document cites', () => {
    const s =
      'Chỉ thị số 49-CT/TW ngày 28 tháng 6 năm 2025 của Ban Bí thư. Trên cơ sở nội dung Chỉ thị số 49-NQ/TW của Ban Bí thư, triển khai Chỉ thị số 49-\nNQ/TW.';
    const refs = findReferences(s);
    expect(refs).toHaveLength(1);
    expect(refs[0]).toMatchObject({ kind: 'Chỉ thị', number: '49-CT/TW', date: '2025-06-28' });
    expect(refs[0]!.citations).toHaveLength(3);
  });

  it('never takes the next document’s date in a list', () => {
    const refs = findReferences(
      'Nghị quyết số 57-NQ/TW, Nghị quyết số 03/NQ-CP ngày 09/01/2025 và Kế hoạch số 12/KH-BTP ngày 3/3/2025',
    );
    expect(refs.map((r) => [r.number, r.date])).toEqual([
      ['57-NQ/TW', null],
      ['03/NQ-CP', '2025-01-09'],
      ['12/KH-BTP', '2025-03-03'],
    ]);
  });

  it('skips what the caller excludes', () => {
    const s = 'Kế hoạch số 15/KH-UBND ngày 10/01/2026; Nghị quyết số 03/NQ-CP ngày 09/01/2025';
    expect(findReferences(s, (p) => p < 20).map((r) => r.number)).toEqual(['03/NQ-CP']);
  });
});
