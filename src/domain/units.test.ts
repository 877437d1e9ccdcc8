import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSeedUnits, parseUnitsCsv, unitsToCsv } from './units.js';

const text = fs.readFileSync(new URL('../../seed/hanoi-units.txt', import.meta.url), 'utf8');

describe('seed units', () => {
  const units = buildSeedUnits(text);
  const by = (kind: string) => units.filter((u) => u.kind === kind);

  it('has the 126 communes and wards as active units', () => {
    expect(by('commune')).toHaveLength(126);
    expect(by('commune').filter((u) => u.name.startsWith('Phường '))).toHaveLength(51);
    expect(by('commune').every((u) => u.active)).toBe(true);
  });
  it('keeps the 30 former districts as inactive units', () => {
    expect(by('district')).toHaveLength(30);
    expect(by('district').every((u) => !u.active)).toBe(true);
    expect(units.find((u) => u.name === 'Thị xã Sơn Tây')).toBeTruthy();
  });
  it('has the 15 city departments', () => {
    expect(by('department')).toHaveLength(15);
    expect(units.find((u) => u.code === 'SO-TU-PHAP')?.name).toBe('Sở Tư pháp');
  });
  it('names every body of section III and the recipient list', () => {
    const names = units.map((u) => u.name);
    for (const n of [
      'Ban Thường vụ Thành ủy',
      'Đảng đoàn HĐND Thành phố',
      'Ban cán sự đảng UBND Thành phố',
      'Đảng đoàn Mặt trận Tổ quốc Việt Nam Thành phố',
      'Ban Nội chính Thành ủy',
      'Ban Tuyên giáo Thành ủy',
      'Ban Tổ chức Thành ủy',
      'Ủy ban Kiểm tra Thành ủy',
      'Văn phòng Thành ủy',
      'Ban cán sự đảng Tòa án nhân dân Thành phố',
      'Ban cán sự đảng Viện Kiểm sát nhân dân Thành phố',
      'Đảng ủy Công an Thành phố',
      'Tòa án nhân dân Thành phố Hà Nội',
      'Viện Kiểm sát nhân dân Thành phố Hà Nội',
      'Công an Thành phố Hà Nội',
      'Cục Thi hành án dân sự Thành phố Hà Nội',
      'Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố Hà Nội',
    ]) {
      expect(names, n).toContain(n);
    }
  });
  it('has unique codes and parents that exist', () => {
    const codes = new Set(units.map((u) => u.code));
    expect(codes.size).toBe(units.length);
    for (const u of units) if (u.parentCode) expect(codes.has(u.parentCode), u.code).toBe(true);
  });
});

describe('units CSV', () => {
  it('round-trips the seed through export and parse', () => {
    const units = buildSeedUnits(text).map((u) => ({ ...u, email: null, phone: null, address: null }));
    const { rows, errors } = parseUnitsCsv(unitsToCsv(units));
    expect(errors).toEqual([]);
    expect(rows.map(({ line: _l, ...r }) => r)).toEqual(units);
  });
  it('reports every bad line and code', () => {
    const csv =
      'code,name,kind,active\nA1,Tên,department,1\nA1,Trùng,department,1\n,Không mã,department,1\nB2,,nowhere,maybe\n';
    const { errors } = parseUnitsCsv(csv);
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [3, 'UNIT_CODE_DUPLICATE'],
      [4, 'UNIT_CODE_INVALID'],
      [5, 'UNIT_NAME_INVALID'],
      [5, 'UNIT_KIND_INVALID'],
      [5, 'UNIT_ACTIVE_INVALID'],
    ]);
  });
  it('refuses a file without the required columns', () => {
    expect(parseUnitsCsv('ma,ten\n1,2\n').errors[0]?.code).toBe('CSV_MISSING_COLUMN');
  });
});
