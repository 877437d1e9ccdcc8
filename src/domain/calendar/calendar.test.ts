import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkHolidayConfig, yearCalendar, type HolidayConfig } from './holidays.js';
import { addCalendarDays, calendarDaysBetween, listCalendar, workingCalendar } from './working-days.js';

const config = checkHolidayConfig(
  JSON.parse(
    fs.readFileSync(new URL('../../../config/holidays.json', import.meta.url), 'utf8'),
  ) as HolidayConfig,
);
const cal = workingCalendar(config);
const dates = (year: number) => cal.daysOff(year).map((d) => d.date);

describe('public holidays (Bộ luật Lao động 2019 Điều 112, nghỉ bù Điều 111 khoản 3)', () => {
  it('gives for 2026 exactly the list that was hand-written in config/reporting-rules.json', () => {
    // The former `holidays` of config/reporting-rules.json, "the 2026 public holidays as announced".
    const handWritten2026 = [
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ];
    expect(dates(2026)).toEqual(handWritten2026);
    expect(cal.daysOff(2026).map((d) => `${d.date} ${d.name}`)).toEqual([
      '2026-01-01 Tết Dương lịch',
      '2026-02-16 Tết Nguyên đán', // 29 tháng Chạp, the last day of Ất Tỵ
      '2026-02-17 Tết Nguyên đán',
      '2026-02-18 Tết Nguyên đán',
      '2026-02-19 Tết Nguyên đán',
      '2026-02-20 Tết Nguyên đán',
      '2026-04-27 Nghỉ bù Giỗ Tổ Hùng Vương', // 10/3 âm lịch is Sunday 26/04
      '2026-04-30 Ngày Chiến thắng',
      '2026-05-01 Ngày Quốc tế Lao động',
      '2026-09-01 Quốc khánh',
      '2026-09-02 Quốc khánh',
    ]);
    const compensatory = cal.daysOff(2026).find((d) => d.kind === 'compensatory')!;
    expect(compensatory.source).toContain('Điều 111 khoản 3');
    expect(cal.daysOff(2026)[0]!.source).toContain('Điều 112 khoản 1 điểm a');
  });
  it('applies the 2025 decisions: Tết 25/01–02/02 with Saturday 08/02 worked, 30/4–04/5 with Saturday 26/4 worked', () => {
    expect(dates(2025)).toEqual([
      '2025-01-01',
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-04-07',
      '2025-04-30',
      '2025-05-01',
      '2025-05-02',
      '2025-09-01',
      '2025-09-02',
    ]);
    expect(cal.workDays(2025).map((d) => d.date)).toEqual(['2025-02-08', '2025-04-26']);
    expect(cal.isWorkingDay('2025-04-26')).toBe(true); // a Saturday, làm bù
    expect(cal.isWorkingDay('2025-05-02')).toBe(false);
    expect(cal.isWorkingDay('2025-05-03')).toBe(false);
  });
  it('without a decision, applies the law: 5 days of Tết, nghỉ bù for those on a weekend, 2/9 and its bridging day', () => {
    // Tết Đinh Mùi is Saturday 06/02/2027: 29 Tết Friday 05/02, mùng 1–4 Saturday to Tuesday,
    // the weekend's two owed on Wednesday 10/02 and Thursday 11/02. 1/5/2027 is a Saturday: Monday 03/05.
    // 2/9/2027 is a Thursday: Friday 03/09 with it.
    expect(dates(2027)).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
      '2027-04-16',
      '2027-04-30',
      '2027-05-03',
      '2027-09-02',
      '2027-09-03',
    ]);
    // A holiday on another holiday or on a weekend each get their own next working day: 2023,
    // Giỗ Tổ on Saturday 29/4 and 30/4 on Sunday → Tuesday 2/5 and Wednesday 3/5 (1/5 a Monday).
    expect(dates(2023).filter((d) => d.startsWith('2023-05'))).toEqual([
      '2023-05-01',
      '2023-05-02',
      '2023-05-03',
    ]);
  });
  it('refuses a configuration without its sources', () => {
    const bad = structuredClone(config);
    bad.years['2030'] = { source: '' };
    expect(() => checkHolidayConfig(bad)).toThrow(/years.2030: source/);
    const noYear = { ...config, years: {} };
    expect(yearCalendar(noYear, 2025).daysOff.map((d) => d.date)).toContain('2025-01-28'); // the law's default
  });
});

describe('working days', () => {
  it('counts a 7-working-day limit across Tết of two years', () => {
    // From Monday 16/02/2026 (29 Tết): 23–27/02, 02/03, 03/03.
    expect(cal.addWorkingDays('2026-02-16', 7)).toBe('2026-03-03');
    // From Friday 05/02/2027 (29 Tết): Friday 12/02, 15–19/02, 22/02 (with the law's default for 2027).
    expect(cal.addWorkingDays('2027-02-05', 7)).toBe('2027-02-22');
    // From Tuesday 28/01/2025 (29 Tết): 03–07/02, Saturday 08/02 (làm bù), Monday 10/02.
    expect(cal.addWorkingDays('2025-01-28', 7)).toBe('2025-02-10');
    expect(cal.add('2026-02-16', { n: 7, unit: 'working' })).toBe('2026-03-03');
    expect(cal.add('2026-02-16', { n: 7, unit: 'calendar' })).toBe('2026-02-23');
  });
  it('counts working days between two dates, and back', () => {
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-23')).toBe(1);
    expect(cal.workingDaysBetween('2026-02-23', '2026-02-13')).toBe(-1);
    expect(cal.workingDaysBetween('2026-02-16', '2026-03-03')).toBe(7);
    expect(cal.workingDaysBetween('2026-01-01', '2026-12-31')).toBe(261 - 11); // 261 weekdays, 11 of them off
    expect(cal.addWorkingDays('2026-02-23', -1)).toBe('2026-02-13');
    expect(cal.addWorkingDays('2026-02-16', 0)).toBe('2026-02-16');
    expect(cal.isWorkingDay('2026-02-14')).toBe(false);
    expect(cal.isWorkingDay('2026-02-13')).toBe(true);
    expect(cal.dayOff('2026-04-27')?.kind).toBe('compensatory');
  });
  it('adds calendar days over month, year and leap-year ends', () => {
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(calendarDaysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(() => addCalendarDays('2026-13-01', 1)).toThrow(/không hợp lệ/);
    expect(() => cal.addWorkingDays('2026-01-01', 1.5)).toThrow(/không hợp lệ/);
  });
  it('counts the same from the lists the API serves the web app', () => {
    const years = [2025, 2026, 2027];
    const served = listCalendar(
      years.flatMap((y) => cal.daysOff(y).map((d) => d.date)),
      years.flatMap((y) => cal.workDays(y).map((d) => d.date)),
    );
    for (let day = '2025-01-01'; day < '2027-12-01'; day = addCalendarDays(day, 1)) {
      expect(served.isWorkingDay(day), day).toBe(cal.isWorkingDay(day));
      expect(served.addWorkingDays(day, 7)).toBe(cal.addWorkingDays(day, 7));
    }
  });
  it('gives the same days whatever the process time zone', () => {
    const tz = process.env.TZ;
    try {
      for (const zone of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Ho_Chi_Minh', 'UTC']) {
        process.env.TZ = zone;
        const fresh = workingCalendar(config);
        expect(fresh.addWorkingDays('2026-02-16', 7)).toBe('2026-03-03');
        expect(fresh.isWorkingDay('2026-03-28')).toBe(false); // a Saturday
        expect(addCalendarDays('2026-03-28', 2)).toBe('2026-03-30');
      }
    } finally {
      process.env.TZ = tz;
    }
  });
});
