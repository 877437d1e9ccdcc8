import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkHolidayConfig, type HolidayConfig } from '../calendar/holidays.js';
import { workingCalendar } from '../calendar/working-days.js';
import { addWorkingDays, periodWindow, periodsOfYear, type ReportingRules } from './periods.js';
import { rollUp, rollUpBy, timeliness, type TaskProgress } from './rollup.js';

const rules = JSON.parse(
  fs.readFileSync(new URL('../../../config/reporting-rules.json', import.meta.url), 'utf8'),
) as ReportingRules;
const calendar = workingCalendar(
  checkHolidayConfig(
    JSON.parse(
      fs.readFileSync(new URL('../../../config/holidays.json', import.meta.url), 'utf8'),
    ) as HolidayConfig,
  ),
);

describe('reporting periods (NĐ 09/2019/NĐ-CP Điều 12)', () => {
  it('computes the cut-off windows', () => {
    expect(periodWindow(rules, 'yearly', 2026, 1, calendar)).toMatchObject({
      label: 'Năm 2026',
      cutoffStart: '2025-12-15',
      cutoffEnd: '2026-12-14',
    });
    expect(
      periodsOfYear(rules, 'half-yearly', 2026, calendar).map((p) => [p.label, p.cutoffStart, p.cutoffEnd]),
    ).toEqual([
      ['6 tháng đầu năm 2026', '2025-12-15', '2026-06-14'],
      ['6 tháng cuối năm 2026', '2026-06-15', '2026-12-14'],
    ]);
    expect(
      periodsOfYear(rules, 'quarterly', 2026, calendar).map(
        (p) => `${p.label}: ${p.cutoffStart}..${p.cutoffEnd}`,
      ),
    ).toEqual([
      'Quý I/2026: 2025-12-15..2026-03-14',
      'Quý II/2026: 2026-03-15..2026-06-14',
      'Quý III/2026: 2026-06-15..2026-09-14',
      'Quý IV/2026: 2026-09-15..2026-12-14',
    ]);
    expect(periodWindow(rules, 'monthly', 2026, 1, calendar)).toMatchObject({
      cutoffStart: '2025-12-15',
      cutoffEnd: '2026-01-14',
    });
    expect(periodWindow(rules, 'monthly', 2026, 7, calendar)).toMatchObject({
      label: 'Tháng 7/2026',
      cutoffStart: '2026-06-15',
      cutoffEnd: '2026-07-14',
    });
    expect(periodWindow(rules, 'nine-months', 2026, 1, calendar)).toMatchObject({
      cutoffStart: '2025-12-15',
      cutoffEnd: '2026-09-14',
    });
    expect(() => periodWindow(rules, 'quarterly', 2026, 5, calendar)).toThrow();
  });
  it('sets the sending deadline in working days after the cut-off, skipping weekends and holidays', () => {
    // 14/12/2026 is a Monday: +2 working days = Wednesday 16/12.
    expect(periodWindow(rules, 'yearly', 2026, 1, calendar).sendingDeadline).toBe('2026-12-16');
    // 14/03/2026 is a Saturday: Monday 16, Tuesday 17.
    expect(periodWindow(rules, 'quarterly', 2026, 1, calendar).sendingDeadline).toBe('2026-03-17');
    expect(addWorkingDays('2026-08-31', 1, calendar)).toBe('2026-09-03');
    // Tháng 2/2026: cut-off Saturday 14/02, Tết 16–20/02: Monday 23, Tuesday 24.
    expect(periodWindow(rules, 'monthly', 2026, 2, calendar).sendingDeadline).toBe('2026-02-24');
    // Years no list was written for: Tết 2027 (05/02 and 08–11/02 off) and 2025's Saturday làm bù 08/02.
    expect(addWorkingDays('2027-02-04', 2, calendar)).toBe('2027-02-15');
    expect(addWorkingDays('2025-02-07', 1, calendar)).toBe('2025-02-08');
  });
});

describe('progress roll-up', () => {
  const t = (over: Partial<TaskProgress>): TaskProgress => ({
    nodeId: 'x',
    groupId: 'g1',
    leadUnitId: 'u1',
    status: 'in_progress',
    percent: null,
    baselineDue: '2026-06-30',
    completedOn: null,
    ...over,
  });
  it('weights reported or implied percents and leaves out tasks no longer appropriate', () => {
    const r = rollUp(
      rules,
      [
        t({ status: 'done', completedOn: '2026-06-01' }),
        t({ percent: 20 }),
        t({ status: 'not_started', weight: 2 }),
        t({ status: 'obsolete' }),
      ],
      '2026-05-01',
    );
    // Done on 1/6, due 30/6: on time; the two not done are not yet due on 1/5: not judged.
    expect(r).toEqual({ percent: 30, tasks: 3, done: 1, onTime: 1, late: 0, notDue: 2 });
  });
  it('computes on time and late against the baseline due date', () => {
    expect(timeliness(t({}), '2026-07-01')).toBe('late');
    expect(timeliness(t({ status: 'done', completedOn: '2026-07-02' }), '2026-05-01')).toBe('late');
    expect(timeliness(t({ baselineDue: null }), '2026-07-01')).toBe('no_deadline');
    expect(timeliness(t({}), '2026-06-30')).toBe('not_due');
    expect(timeliness(t({ status: 'done', completedOn: '2026-06-30' }), '2026-07-09')).toBe('on_time');
    const byUnit = rollUpBy(
      rules,
      [
        t({ leadUnitId: 'a', percent: 100, status: 'done', completedOn: '2026-01-01' }),
        t({ leadUnitId: 'b' }),
      ],
      (x) => x.leadUnitId,
      '2026-01-02',
    );
    expect(byUnit.get('a')!.percent).toBe(100);
    expect(byUnit.get('b')!.percent).toBe(50);
  });
});
