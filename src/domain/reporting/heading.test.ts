import { describe, expect, it } from 'vitest';
import { bodyName, citeProgram, draftHeading, initials, reportIssuer, type IssuingUnit } from './heading.js';

const TU = { name: 'Thành ủy Hà Nội', kind: 'party_committee' };
const UBND = { name: 'Ủy ban nhân dân Thành phố Hà Nội', kind: 'people_committee' };
const unit = (name: string, kind: string, parent: IssuingUnit['parent'] = null): IssuingUnit => ({
  name,
  kind,
  parent,
});

describe('the report issuer is the monitoring body, under its parent', () => {
  it.each([
    [
      unit('Ban Nội chính Thành ủy', 'party_board', TU),
      'party',
      'THÀNH ỦY HÀ NỘI',
      'BAN NỘI CHÍNH',
      'BC/BNCTU',
    ],
    [unit('Văn phòng Thành ủy', 'party_board', TU), 'party', 'THÀNH ỦY HÀ NỘI', 'VĂN PHÒNG', 'BC/VPTU'],
    [
      unit('Ủy ban Kiểm tra Thành ủy', 'party_board', TU),
      'party',
      'THÀNH ỦY HÀ NỘI',
      'ỦY BAN KIỂM TRA',
      'BC/UBKTTU',
    ],
    [unit('Thành ủy Hà Nội', 'party_committee'), 'party', null, 'THÀNH ỦY HÀ NỘI', 'BC/TU'],
    [unit('Ban Thường vụ Thành ủy', 'party_committee', TU), 'party', null, 'THÀNH ỦY HÀ NỘI', 'BC/TU'],
    [
      unit('Đảng ủy Công an Thành phố', 'party_committee', TU),
      'party',
      'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI',
      'ĐẢNG ỦY CÔNG AN THÀNH PHỐ',
      'BC/ĐUCATP',
    ],
    [unit('Sở Tư pháp', 'department', UBND), 'state', 'UBND THÀNH PHỐ HÀ NỘI', 'SỞ TƯ PHÁP', 'BC-STP'],
    [
      unit('Sở Kế hoạch và Đầu tư', 'department', UBND),
      'state',
      'UBND THÀNH PHỐ HÀ NỘI',
      'SỞ KẾ HOẠCH VÀ ĐẦU TƯ',
      'BC-SKHĐT',
    ],
    [
      unit('Ủy ban nhân dân Thành phố Hà Nội', 'people_committee'),
      'state',
      null,
      'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
      'BC-UBND',
    ],
    [
      unit('Vụ Pháp chế', 'other', { name: 'Bộ Tư pháp', kind: 'other' }),
      'state',
      'BỘ TƯ PHÁP',
      'VỤ PHÁP CHẾ',
      'BC-VPC',
    ],
  ] as const)('%o', (u, layout, parentBody, issuer, notation) => {
    expect(reportIssuer(u)).toMatchObject({ layout, parentBody, issuer, notation });
  });
  it('signs as the body signs', () => {
    expect(reportIssuer(unit('Sở Tư pháp', 'department', UBND)).signer).toEqual({
      authority: null,
      position: 'GIÁM ĐỐC',
      name: '',
    });
    expect(reportIssuer(unit('Ban Nội chính Thành ủy', 'party_board', TU)).signer.position).toBe(
      'TRƯỞNG BAN',
    );
  });
  it('initials leave "và" out and keep abbreviations', () => {
    expect(initials('Văn phòng UBND Thành phố')).toBe('VPUBNDTP');
  });
});

describe('bodies named in a sentence', () => {
  it.each([
    ['CHÍNH PHỦ', 'Chính phủ'],
    ['THỦ TƯỚNG CHÍNH PHỦ', 'Thủ tướng Chính phủ'],
    ['BỘ TƯ PHÁP', 'Bộ Tư pháp'],
    ['BỘ KẾ HOẠCH VÀ ĐẦU TƯ', 'Bộ Kế hoạch và Đầu tư'],
    ['BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH', 'Bộ Văn hóa, Thể thao và Du lịch'],
    ['ỦY BAN NHÂN DÂN TỈNH BẮC NINH', 'Ủy ban nhân dân tỉnh Bắc Ninh'],
    ['UBND THÀNH PHỐ HÀ NỘI', 'UBND Thành phố Hà Nội'],
    ['THÀNH ỦY HÀ NỘI', 'Thành ủy Hà Nội'],
    ['TỈNH ỦY BẮC NINH', 'Tỉnh ủy Bắc Ninh'],
    ['BAN CHẤP HÀNH TRUNG ƯƠNG', 'Ban Chấp hành Trung ương'],
  ])('%s → %s', (upper, name) => expect(bodyName(upper)).toBe(name));
});

describe('the program cited by kind, number, date and issuer', () => {
  const base = { docKind: 'CHƯƠNG TRÌNH HÀNH ĐỘNG', number: null, date: null, title: null, wrapper: null };
  it('through the resolution that issues it', () => {
    expect(
      citeProgram(
        {
          ...base,
          issuer: 'CHÍNH PHỦ',
          wrapper: { kind: 'NGHỊ QUYẾT', number: '12/NQ-CP', date: '2023-02-07' },
        },
        'x',
      ),
    ).toBe('Chương trình hành động ban hành kèm theo Nghị quyết số 12/NQ-CP ngày 07/02/2023 của Chính phủ');
  });
  it('by its own number', () => {
    expect(
      citeProgram(
        {
          ...base,
          number: '27-CTr/TU',
          date: '2023-01-15',
          issuer: 'THÀNH ỦY HÀ NỘI',
          title: 'thực hiện Nghị quyết số 27-NQ/TW',
        },
        'x',
      ),
    ).toBe(
      'Chương trình hành động số 27-CTr/TU ngày 15/01/2023 của Thành ủy Hà Nội thực hiện Nghị quyết số 27-NQ/TW',
    );
    expect(citeProgram({ ...base, docKind: null, issuer: null }, 'Kế hoạch thử')).toBe('Kế hoạch thử');
  });
  it('a Government program monitored by Ban Nội chính: the Government only in the citation', () => {
    const h = draftHeading({
      writer: unit('Ban Nội chính Thành ủy', 'party_board', TU),
      program: {
        ...base,
        issuer: 'CHÍNH PHỦ',
        wrapper: { kind: 'NGHỊ QUYẾT', number: '12/NQ-CP', date: '2023-02-07' },
        partyLayout: false,
        parentIssuer: null,
      },
      programTitle: 'x',
      periodLabel: 'Quý I/2026',
      reviewKind: 'so_ket',
      place: 'Hà Nội',
    });
    expect([h.layout, h.parentBody, h.issuer, h.notation]).toEqual([
      'party',
      'THÀNH ỦY HÀ NỘI',
      'BAN NỘI CHÍNH',
      'BC/BNCTU',
    ]);
    expect(h.title).toBe(
      'Sơ kết quý I/2026 thực hiện Chương trình hành động ban hành kèm theo Nghị quyết số 12/NQ-CP ngày 07/02/2023 của Chính phủ',
    );
    expect(h.recipients[0]).toBe('Chính phủ (để báo cáo)');
  });
});
