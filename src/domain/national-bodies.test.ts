import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildNationalUnits, NATIONAL_ROOT_CODE, parseNationalBodies } from './national-bodies.js';
import { buildSeedUnits, isUnitKind } from './units.js';

const text = fs.readFileSync(new URL('../../seed/national-bodies.txt', import.meta.url), 'utf8');

describe('the national directory', () => {
  const dir = parseNationalBodies(text);

  it('reads the 34 provinces, the 63 former ones and the central bodies with their confidence marks', () => {
    expect(dir.provinces).toHaveLength(34);
    expect(dir.provinces.filter((p) => p.type === 'thành phố')).toHaveLength(7);
    expect(dir.formerProvinces).toHaveLength(63);
    expect(dir.formerProvinces.filter((p) => p.continues)).toHaveLength(11);
    // C 30, D 8, E 30, F 36 (the header's counts).
    const count = (letter: string) => dir.bodies.filter((b) => b.section.startsWith(letter)).length;
    expect([count('C'), count('D'), count('E'), count('F')]).toEqual([30, 8, 30, 36]);
    expect(dir.provinces.find((p) => p.code === '15')).toMatchObject({ name: 'Lào Cai', confidence: 'V' });
    expect(dir.formerProvinces.find((p) => p.name === 'Yên Bái')).toMatchObject({
      active: false,
      successorCode: '15',
    });
    const bhxh = dir.bodies.find((b) => b.name === 'Bảo hiểm xã hội Việt Nam')!;
    expect(bhxh).toMatchObject({ active: true, confidence: 'B', abbreviations: ['BHXH', 'BHXHVN', 'VSS'] });
    expect(dir.bodies.find((b) => b.name === 'Bộ Kế hoạch và Đầu tư')).toMatchObject({
      active: false,
      confidence: 'V-sec',
    });
  });

  it('keeps aliases that are names and drops the notes beside them', () => {
    const hcm = dir.provinces.find((p) => p.code === '79')!;
    expect(hcm.aliases).toEqual(['Thành phố Hồ Chí Minh', 'TP. Hồ Chí Minh', 'TP HCM', 'TP.HCM', 'TPHCM']);
    expect(dir.provinces.find((p) => p.code === '15')!.aliases).toEqual([]);
    expect(dir.provinces.find((p) => p.code === '75')!.aliases).toEqual([
      'tỉnh Đồng Nai',
      'Thành phố Đồng Nai',
    ]);
  });

  it('makes units under one root, former ones inactive with their successor, parents as the list says', () => {
    const units = buildNationalUnits(text, { home: ['01'] });
    const by = (code: string) => units.find((u) => u.code === code);
    const codes = new Set(units.map((u) => u.code));
    expect(codes.size).toBe(units.length);
    expect(units.every((u) => isUnitKind(u.kind) && u.code.length <= 40)).toBe(true);
    for (const u of units) {
      if (u.parentCode) expect(codes.has(u.parentCode), u.code).toBe(true);
      if (u.successorCode) expect(codes.has(u.successorCode), u.code).toBe(true);
    }
    expect(units.filter((u) => !u.parentCode).map((u) => u.code)).toEqual([NATIONAL_ROOT_CODE]);
    // Hà Nội is the deployment's own UBND: no second unit for it.
    expect(units.filter((u) => u.kind === 'province' && u.active)).toHaveLength(33);
    expect(units.some((u) => u.name.includes('Hà Nội'))).toBe(false);
    expect(by('TINH-15')).toMatchObject({
      name: 'Ủy ban nhân dân tỉnh Lào Cai',
      shortName: 'UBND tỉnh Lào Cai',
    });
    expect(by('TINH-CU-15')).toMatchObject({
      name: 'Ủy ban nhân dân tỉnh Yên Bái',
      active: false,
      successorCode: 'TINH-15',
    });
    expect(by('TINH-CU-10')).toMatchObject({
      name: 'Ủy ban nhân dân tỉnh Lào Cai (trước 01/7/2025)',
      active: false,
    });
    expect(by('TW-BO-TU-PHAP')).toMatchObject({ kind: 'ministry', parentCode: NATIONAL_ROOT_CODE });
    expect(by('TW-BO-KE-HOACH-VA-DAU-TU')).toMatchObject({ active: false, successorCode: 'TW-BO-TAI-CHINH' });
    expect(by('TW-CUC-THUE')).toMatchObject({ kind: 'department', parentCode: 'TW-BO-TAI-CHINH' });
    expect(by('TW-BAO-HIEM-XA-HOI-VIET-NAM')).toMatchObject({ active: true, parentCode: 'TW-BO-TAI-CHINH' });
    expect(by('TW-UY-BAN-PHAP-LUAT-VA-TU-PHAP')).toMatchObject({
      kind: 'national_assembly',
      parentCode: 'TW-QUOC-HOI',
    });
    expect(by('TW-TOA-AN-NHAN-DAN-TOI-CAO')?.kind).toBe('court');
    expect(by('TW-KIEM-TOAN-NHA-NUOC')?.kind).toBe('state_body');
    expect(by('TW-TONG-LIEN-DOAN-LAO-DONG-VIET-NAM')).toMatchObject({
      kind: 'mass_org',
      parentCode: 'TW-UY-BAN-TRUNG-UONG-MAT-TRAN-TO-QUOC-VI',
    });
    expect(by('TW-BAN-TUYEN-GIAO-TRUNG-UONG')).toMatchObject({
      active: false,
      successorCode: 'TW-BAN-TUYEN-GIAO-VA-DAN-VAN-TRUNG-UONG',
    });
    // Short forms that name a body only in context are not aliases ("MTTQ" is also the city's Front).
    expect(by('TW-UY-BAN-TRUNG-UONG-MAT-TRAN-TO-QUOC-VI')!.aliases).not.toContain('MTTQ');
    expect(by('TW-BO-CHINH-TRI')!.aliases).not.toContain('BCT');
  });

  it('does not clash with the codes of Hanoi’s units', () => {
    const hanoi = buildSeedUnits(
      fs.readFileSync(new URL('../../seed/hanoi-units.txt', import.meta.url), 'utf8'),
    );
    const all = [...hanoi, ...buildNationalUnits(text, { home: ['01'] })];
    expect(new Set(all.map((u) => u.code)).size).toBe(all.length);
  });
});
