import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BodyMatcher } from './bodies.js';
import { parseDocument } from './parse.js';
import { docScope, guessUnit, likelySameBody } from './proposals.js';
import { LAO_CAI_PLAN } from './bodies-laocai.fixture.js';
import { buildSeedUnits } from '../units.js';
import { buildNationalUnits } from '../national-bodies.js';

const hanoi = buildSeedUnits(
  fs.readFileSync(new URL('../../../seed/hanoi-units.txt', import.meta.url), 'utf8'),
);
const national = buildNationalUnits(
  fs.readFileSync(new URL('../../../seed/national-bodies.txt', import.meta.url), 'utf8'),
  { home: ['01'] },
);
const units = [...hanoi, ...national];
const matcher = new BodyMatcher(units);
const match = (s: string) => matcher.matchPhrase(s, [0, s.length]);

describe('national bodies are matched wherever the deployment is', () => {
  // Names as the corpus writes them (documents 13–18), line breaks and double spaces included.
  it.each([
    ['Bộ Tư pháp', 'TW-BO-TU-PHAP'],
    ['Bộ Tài chính', 'TW-BO-TAI-CHINH'],
    ['Bộ Y tế', 'TW-BO-Y-TE'],
    ['Bộ Ngoại\ngiao', 'TW-BO-NGOAI-GIAO'],
    ['Bộ NN&MT', 'TW-BO-NONG-NGHIEP-VA-MOI-TRUONG'],
    ['Bộ Nông nghiệp và Môi trường', 'TW-BO-NONG-NGHIEP-VA-MOI-TRUONG'],
    ['Bộ Công an', 'TW-BO-CONG-AN'],
    ['Bộ Quốc phòng', 'TW-BO-QUOC-PHONG'],
    ['Bộ Xây dựng', 'TW-BO-XAY-DUNG'],
    ['Bộ Nội vụ', 'TW-BO-NOI-VU'],
    ['Bộ Khoa học  và Công  nghệ', 'TW-BO-KHOA-HOC-VA-CONG-NGHE'],
    ['Bộ Giáo dục   và Đào tạo', 'TW-BO-GIAO-DUC-VA-DAO-TAO'],
    ['Bộ Công  Thương', 'TW-BO-CONG-THUONG'],
    ['Bộ Văn hóa,  Thể thao và Du  lịch', 'TW-BO-VAN-HOA-THE-THAO-VA-DU-LICH'],
    ['Ngân hàng nhà  nước Việt Nam', 'TW-NGAN-HANG-NHA-NUOC-VIET-NAM'],
    ['Bảo hiểm xã hội Việt Nam', 'TW-BAO-HIEM-XA-HOI-VIET-NAM'],
    ['Ban Tuyên giáo và Dân vận Trung ương', 'TW-BAN-TUYEN-GIAO-VA-DAN-VAN-TRUNG-UONG'],
    ['Ban Chính sách, Chiến lược Trung ương', 'TW-BAN-CHINH-SACH-CHIEN-LUOC-TRUNG-UONG'],
    ['Văn phòng Trung ương Đảng', 'TW-VAN-PHONG-TRUNG-UONG-DANG'],
    ['Ban Chấp hành Trung ương Đảng', 'TW-BAN-CHAP-HANH-TRUNG-UONG-DANG'],
    ['Bộ Chính trị', 'TW-BO-CHINH-TRI'],
    ['Ban Bí thư', 'TW-BAN-BI-THU'],
    ['Ủy ban Thường vụ Quốc hội', 'TW-UY-BAN-THUONG-VU-QUOC-HOI'],
    ['Ủy ban nhân dân tỉnh Lào Cai', 'TINH-15'],
    ['Ủy ban nhân dân tỉnh Lâm Đồng', 'TINH-68'],
    ['Thanh tra Chính phủ', 'TW-THANH-TRA-CHINH-PHU'],
    ['Mặt trận Tổ quốc Việt Nam', 'TW-UY-BAN-TRUNG-UONG-MAT-TRAN-TO-QUOC-VI'],
    // The list's own rules: old tone placement, hyphens, case, short forms.
    ['UBND tỉnh Khánh Hoà', 'TINH-56'],
    ['Uỷ ban nhân dân tỉnh Thanh Hoá', 'TINH-38'],
    ['UBND tỉnh Bà Rịa-Vũng Tàu', 'TINH-CU-77'],
    ['UBND TP.HCM', 'TINH-79'],
    ['ỦY BAN NHÂN DÂN TỈNH LÀO CAI', 'TINH-15'],
    ['Ban Tuyên giáo và Dân vận TƯ', 'TW-BAN-TUYEN-GIAO-VA-DAN-VAN-TRUNG-UONG'],
    ['Bộ Lao động-Thương binh và Xã hội', 'TW-BO-LAO-DONG-THUONG-BINH-VA-XA-HOI'],
  ])('%j → %s', (name, code) => {
    const m = match(name);
    expect(m.unitCodes).toEqual([code]);
    expect(m.match).not.toBe('none');
  });

  it.each([
    ['UBND các tỉnh, thành phố trực thuộc trung ương', 'province', 33],
    ['Ủy ban nhân dân các\ntỉnh, thành phố trực thuộc Trung ương', 'province', 33],
    ['các bộ, cơ quan ngang bộ', 'ministry', 17],
    ['Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ', null, 24],
  ])('%j is every current unit of its kind', (name, kind, n) => {
    const m = match(name);
    expect(m.match).toBe('collective');
    expect(m.unitCodes).toHaveLength(n);
    if (kind) expect(m.unitCodes.every((c) => units.find((u) => u.code === c)!.kind === kind)).toBe(true);
    expect(m.unitCodes.every((c) => units.find((u) => u.code === c)!.active)).toBe(true);
  });

  it('finds them in running text, and keeps a province’s own body apart', () => {
    const found = (t: string) => matcher.findMentions(t).map((m) => [m.text, m.unitCodes.join(',')]);
    expect(found('Bộ Tư pháp chủ trì, phối hợp với Bộ Công an và UBND tỉnh Lào Cai')).toEqual([
      ['Bộ Tư pháp', 'TW-BO-TU-PHAP'],
      ['Bộ Công an', 'TW-BO-CONG-AN'],
      ['UBND tỉnh Lào Cai', 'TINH-15'],
    ]);
    // "Bảo hiểm xã hội tỉnh" is the province's office, not the national agency.
    expect(found('Bảo hiểm xã hội tỉnh phối hợp với Bảo hiểm xã hội Việt Nam')).toEqual([
      ['Bảo hiểm xã hội Việt Nam', 'TW-BAO-HIEM-XA-HOI-VIET-NAM'],
    ]);
    expect(found('Ban Nội chính Trung ương và Ban Nội chính Thành ủy')).toEqual([
      ['Ban Nội chính Trung ương', 'TW-BAN-NOI-CHINH-TRUNG-UONG'],
      ['Ban Nội chính Thành ủy', 'BNC-TU'],
    ]);
  });

  it('leaves Hanoi’s own units as they were matched', () => {
    for (const [name, code] of [
      ['Ủy ban nhân dân Thành phố', 'UBND'],
      ['Sở Tư pháp', 'SO-TU-PHAP'],
      ['Ủy ban MTTQ Việt Nam Thành phố', 'MTTQ'],
      ['Đảng đoàn Mặt trận Tổ quốc Việt Nam', 'DD-MTTQ'],
      ['Hội Nông dân Thành phố', 'HND'],
    ])
      expect(match(name!).unitCodes, name).toEqual([code]);
    expect(match('MTTQ').match).toBe('none');
  });
});

describe('proposed units', () => {
  const laoCai = docScope({ issuer: 'ỦY BAN NHÂN DÂN TỈNH LÀO CAI', parentIssuer: null }, matcher);
  const btp = docScope({ issuer: 'BỘ TƯ PHÁP', parentIssuer: null }, matcher);

  it('reads the document’s scope from its issuer', () => {
    expect(laoCai).toMatchObject({ kind: 'province', province: 'Lào Cai', type: 'tỉnh' });
    expect(btp).toMatchObject({ kind: 'central', unit: { code: 'TW-BO-TU-PHAP' } });
    expect(docScope({ issuer: 'CHÍNH PHỦ', parentIssuer: null }, matcher).kind).toBe('central');
    expect(docScope({ issuer: 'THÀNH ỦY HÀ NỘI', parentIssuer: null }, matcher).kind).toBe('home');
    expect(docScope({ issuer: 'TỈNH ỦY LÂM ĐỒNG', parentIssuer: null }, matcher)).toMatchObject({
      kind: 'province',
      province: 'Lâm Đồng',
    });
  });

  // Names from corpus documents 13 (Lào Cai), 14 (Lâm Đồng) and 15 (Bộ Tư pháp).
  it.each([
    [laoCai, 'Sở Xây dựng tỉnh Lâm Đồng', 'Sở Xây dựng tỉnh Lâm Đồng', 'department', 'TINH-68'],
    [laoCai, 'Sở Tư pháp', 'Sở Tư pháp tỉnh Lào Cai', 'department', 'TINH-15'],
    [laoCai, 'Thanh tra tỉnh', 'Thanh tra tỉnh Lào Cai', 'department', 'TINH-15'],
    [laoCai, 'Văn phòng UBND tỉnh', 'Văn phòng UBND tỉnh Lào Cai', 'department', 'TINH-15'],
    [laoCai, 'Công an tỉnh', 'Công an tỉnh Lào Cai', 'police', 'TW-BO-CONG-AN'],
    [laoCai, 'Thuế tỉnh', 'Thuế tỉnh Lào Cai', 'other', 'TW-CUC-THUE'],
    [laoCai, 'Bộ Chỉ huy Quân sự tỉnh', 'Bộ Chỉ huy Quân sự tỉnh Lào Cai', 'other', 'TW-BO-QUOC-PHONG'],
    [
      laoCai,
      'Trung tâm Phục vụ hành chính công tỉnh',
      'Trung tâm Phục vụ hành chính công tỉnh Lào Cai',
      'other',
      'TINH-15',
    ],
    [
      laoCai,
      'Ủy ban MTTQ Việt Nam tỉnh',
      'Ủy ban MTTQ Việt Nam tỉnh Lào Cai',
      'front',
      'TW-UY-BAN-TRUNG-UONG-MAT-TRAN-TO-QUOC-VI',
    ],
    [btp, 'Cục Công nghệ thông tin', 'Cục Công nghệ thông tin', 'department', 'TW-BO-TU-PHAP'],
    [btp, 'Cục Hành chính tư pháp', 'Cục Hành chính tư pháp', 'department', 'TW-BO-TU-PHAP'],
    [btp, 'Văn phòng Bộ', 'Văn phòng Bộ', 'department', 'TW-BO-TU-PHAP'],
    [
      btp,
      'Viện Chiến lược và Khoa học pháp lý',
      'Viện Chiến lược và Khoa học pháp lý',
      'other',
      'TW-BO-TU-PHAP',
    ],
    [btp, 'Học viện Tư pháp', 'Học viện Tư pháp', 'other', 'TW-BO-TU-PHAP'],
    [btp, 'Đảng ủy Bộ Tư pháp', 'Đảng ủy Bộ Tư pháp', 'party_committee', 'TW-BO-TU-PHAP'],
    [
      laoCai,
      'Cục Địa chất và Khoáng sản Việt Nam thuộc Bộ Nông nghiệp và Môi trường',
      'Cục Địa chất và Khoáng sản Việt Nam thuộc Bộ Nông nghiệp và Môi trường',
      'department',
      'TW-BO-NONG-NGHIEP-VA-MOI-TRUONG',
    ],
  ])('%#: %s → %s', (scope, text, name, kind, parentCode) => {
    expect(guessUnit(text, scope, matcher)).toMatchObject({ name, kind, parentCode });
  });

  it('flags names that are probably one body', () => {
    expect(likelySameBody('Cục Lâm nghiệp và Kiểm lâm', 'Cục Lâm nghiệp và Cục Kiểm lâm')).toBe(true);
    expect(likelySameBody('Sở NN&MT', 'Sở Nông nghiệp và Môi trường')).toBe(true);
    expect(likelySameBody('Sở NN&MT tỉnh Lào Cai', 'Sở Nông nghiệp và Môi trường tỉnh Lào Cai')).toBe(true);
    // Corpus 15 writes one Cục three ways.
    expect(
      likelySameBody(
        'Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính',
        'Cục Kiểm tra văn bản và Xử lý vi phạm hành chính',
      ),
    ).toBe(true);
    expect(
      likelySameBody(
        'Cục Kiểm tra văn bản quy phạm và Xử lý vi phạm hành chính',
        'Cục Kiểm tra văn bản và Xử lý vi phạm hành chính',
      ),
    ).toBe(true);
    expect(likelySameBody('Sở Tư pháp', 'Sở Tài chính')).toBe(false);
    expect(likelySameBody('Cục Bổ trợ tư pháp', 'Cục Hành chính tư pháp')).toBe(false);
    expect(likelySameBody('Trường Cao đẳng luật miền Bắc', 'Trường Cao đẳng luật miền Trung')).toBe(false);
    expect(likelySameBody('Sở Nông nghiệp và Môi trường', 'Bộ Nông nghiệp và Môi trường')).toBe(false);
  });

  it('puts the proposals on a Lào Cai plan, where Hanoi’s departments are not the province’s', () => {
    const d = parseDocument(LAO_CAI_PLAN, { units });
    expect(d.program.issuer).toBe('ỦY BAN NHÂN DÂN TỈNH LÀO CAI');
    const lead = (i: number) => d.tasks[i]!.lead!;
    expect(lead(0)).toMatchObject({ text: 'Sở Nông nghiệp và Môi trường', match: 'none', unitCodes: [] });
    expect(d.tasks[3]!.cooperating[0]!.unitCodes).toEqual(['TW-BO-NONG-NGHIEP-VA-MOI-TRUONG']);
    expect(d.proposedUnits.map((p) => [p.name, p.kind, p.parentCode, p.mentions])).toEqual([
      ['Sở Nông nghiệp và Môi trường tỉnh Lào Cai', 'department', 'TINH-15', 2],
      // "phối hợp với Thuế tỉnh": the province's tax office, under the national Cục Thuế
      ['Thuế tỉnh Lào Cai', 'other', 'TW-CUC-THUE', 1],
      ['Sở Công Thương tỉnh Lào Cai', 'department', 'TINH-15', 1],
      ['Sở Xây dựng tỉnh Lào Cai', 'department', 'TINH-15', 1],
      ['Thanh tra tỉnh Lào Cai', 'department', 'TINH-15', 1],
      ['Công an tỉnh Lào Cai', 'police', 'TW-BO-CONG-AN', 1],
      ['Sở NN&MT tỉnh Lào Cai', 'department', 'TINH-15', 1],
    ]);
    expect(d.proposedUnits[6]!.variantOf).toBe('Sở Nông nghiệp và Môi trường tỉnh Lào Cai');
    expect(d.warnings.filter((w) => w.code === 'BODY_VARIANT')).toHaveLength(1);
    // The same plan with Hanoi's directory alone reads as before: the city's departments match.
    const before = parseDocument(LAO_CAI_PLAN, { units: hanoi });
    expect(before.tasks[0]!.lead!.unitCodes).toEqual(['SO-NONG-NGHIEP-VA-MOI-TRUONG']);
    expect(before.proposedUnits.map((p) => p.name)).toEqual([
      'Thuế tỉnh',
      'Thanh tra tỉnh',
      'Công an tỉnh',
      'Sở NN&MT',
      'Bộ Nông nghiệp và Môi trường',
    ]);
  });

  it('matches a former province without a warning in a document dated before the merger, with one after', () => {
    const plan = (date: string) =>
      `ỦY BAN NHÂN DÂN\nTỈNH YÊN BÁI\nSố: 5/KH-UBND\nYên Bái, ngày ${date}\nKẾ HOẠCH\nThử\n\nI. NHIỆM VỤ\n\n1. Rà soát\n\n- Ủy ban nhân dân tỉnh Yên Bái chủ trì rà soát quy hoạch.\n`;
    const before = parseDocument(plan('10 tháng 3 năm 2025'), { units });
    expect(before.program.date).toBe('2025-03-10');
    expect(before.tasks[0]!.lead!.unitCodes).toEqual(['TINH-CU-15']);
    expect(before.warnings.filter((w) => w.code === 'BODY_FORMER')).toEqual([]);
    const after = parseDocument(plan('10 tháng 3 năm 2026'), { units });
    expect(after.tasks[0]!.lead!.unitCodes).toEqual(['TINH-CU-15']);
    expect(after.warnings.filter((w) => w.code === 'BODY_FORMER')).toHaveLength(1);
  });

  it('warns of a former body and names what it went into', () => {
    const d = parseDocument(
      'KẾ HOẠCH\nThử\n\nI. NHIỆM VỤ\n\n1. Rà soát\n\n- Ủy ban nhân dân tỉnh Yên Bái chủ trì rà soát quy hoạch năm 2026.\n',
      { units },
    );
    expect(d.tasks[0]!.lead!.unitCodes).toEqual(['TINH-CU-15']);
    expect(d.warnings.find((w) => w.code === 'BODY_FORMER')?.message).toContain(
      'Ủy ban nhân dân tỉnh Lào Cai',
    );
  });
});
