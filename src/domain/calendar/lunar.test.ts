import { describe, expect, it } from 'vitest';
import { leapMonthOf, lunarMonthLength, lunarToSolar, solarToLunar } from './lunar.js';

describe('Vietnamese lunar calendar at UTC+7', () => {
  it('finds Tết (1 tháng Giêng) of known years', () => {
    const tet: Record<number, string> = {
      1968: '1968-01-29', // Tết Mậu Thân: a day before China's (30/01), UTC+7
      1985: '1985-01-21', // Tết Ất Sửu: a month before China's (20/02/1985)
      2000: '2000-02-05',
      2007: '2007-02-17', // a day before China's (18/02)
      2010: '2010-02-14',
      2015: '2015-02-19',
      2019: '2019-02-05',
      2021: '2021-02-12',
      2022: '2022-02-01',
      2024: '2024-02-10',
      2025: '2025-01-29',
      2026: '2026-02-17',
      2027: '2027-02-06',
      2028: '2028-01-26',
      2030: '2030-02-02', // the new moon falls at 23:07 in Hà Nội, 00:07 in Beijing: China's Tết is 03/02
      2031: '2031-01-23',
    };
    for (const [y, d] of Object.entries(tet)) expect(lunarToSolar(1, 1, Number(y)), y).toBe(d);
    expect(solarToLunar('1985-02-20')).toEqual({ day: 1, month: 2, year: 1985, leap: false });
    expect(solarToLunar('2030-02-03')).toEqual({ day: 2, month: 1, year: 2030, leap: false });
  });
  it('finds Giỗ Tổ Hùng Vương (10 tháng 3)', () => {
    expect(lunarToSolar(10, 3, 2024)).toBe('2024-04-18');
    expect(lunarToSolar(10, 3, 2025)).toBe('2025-04-07');
    expect(lunarToSolar(10, 3, 2026)).toBe('2026-04-26');
    expect(solarToLunar('2025-04-07')).toEqual({ day: 10, month: 3, year: 2025, leap: false });
  });
  it('places the leap months', () => {
    expect(leapMonthOf(2020)).toBe(4);
    expect(leapMonthOf(2023)).toBe(2);
    expect(leapMonthOf(2024)).toBeNull();
    expect(leapMonthOf(2025)).toBe(6);
    expect(leapMonthOf(2028)).toBe(5);
    expect(leapMonthOf(2033)).toBe(11); // the "2033 problem": a leap 11th month
    // 2023: tháng 2 nhuận began on 22/03/2023; 2025: tháng 6 nhuận on 25/07/2025.
    expect(lunarToSolar(1, 2, 2023, true)).toBe('2023-03-22');
    expect(lunarToSolar(1, 6, 2025, true)).toBe('2025-07-25');
    expect(solarToLunar('2025-07-25')).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(() => lunarToSolar(1, 5, 2025, true)).toThrow(/không có tháng 5 nhuận/);
  });
  it('knows the last day of the year and refuses days a month does not have', () => {
    // The month before Tết 2026 has 29 days: 29 tháng Chạp Ất Tỵ is 16/02/2026.
    expect(lunarMonthLength(12, 2025)).toBe(29);
    expect(solarToLunar('2026-02-16')).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(() => lunarToSolar(30, 12, 2025)).toThrow(/không có ngày 30/);
    expect(() => solarToLunar('2026-02-30')).toThrow(/không hợp lệ/);
  });
  it('converts every day of 1900–2199 there and back, months of 29 or 30 days', () => {
    let day = Date.UTC(1900, 1, 1);
    const last = Date.UTC(2199, 11, 31);
    let previous = solarToLunar('1900-01-31');
    for (; day <= last; day += 86_400_000) {
      const iso = new Date(day).toISOString().slice(0, 10);
      const l = solarToLunar(iso);
      expect(lunarToSolar(l.day, l.month, l.year, l.leap)).toBe(iso);
      if (l.day === 1) expect([29, 30]).toContain(previous.day);
      else expect(l.day).toBe(previous.day + 1);
      previous = l;
    }
  });
});
