import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeriodDetail, ReportingRules } from '../../contract/periods.js';
import { startTestApp, type Client, type TestApp } from '../../../test/support/app.js';
import { reportingProgram, type ReportingFixture } from '../../../test/support/reporting.js';
import { workingCalendar } from '../working-calendar.js';

describe('reporting deadlines on the working-day calendar (pglite)', () => {
  let t: TestApp;
  let monitor: Client;
  let f: ReportingFixture;

  beforeAll(async () => {
    t = await startTestApp('pglite');
    t.deps.clock = () => new Date('2026-11-27T03:00:00Z');
    monitor = await t.loginAs('monitor', { unitCode: 'BNC-TU' });
    f = await reportingProgram(t, monitor);
  });
  afterAll(async () => t?.close());

  it('serves the days off and the Saturdays worked of the years around today, from the calendar', async () => {
    const rules = (await monitor.get<ReportingRules>('/api/reporting/rules')).body;
    // The calendar's own 2026 days off (pinned to the former hand-written list in calendar.test.ts).
    const days2026 = workingCalendar()
      .daysOff(2026)
      .map((d) => d.date);
    expect(rules.holidays.filter((d) => d.startsWith('2026-'))).toEqual(days2026);
    expect(rules.holidays).toContain('2025-05-02'); // 2025's swap
    expect(rules.holidays).toContain('2027-02-05'); // 29 Tết Bính Ngọ
    expect(rules.holidays.some((d) => d.startsWith('2024-') || d.startsWith('2028-'))).toBe(false);
    expect(rules.workDays).toEqual(['2025-02-08', '2025-04-26']);
  });

  it('sets a period sending deadline after Tết of a year no list was written for', async () => {
    // Tháng 2/2029: cut-off Wednesday 14/02/2029 is mùng 3 Tết Kỷ Dậu (Tết 12–16/02): Monday 19, Tuesday 20.
    const r = await monitor.post<{ id: string }>(`/api/programs/${f.programId}/periods`, {
      kind: 'monthly',
      year: 2029,
      index: 2,
    });
    expect(r.status).toBe(201);
    const period = (await monitor.get<PeriodDetail>(`/api/periods/${r.body.id}`)).body;
    expect([period.cutoffStart, period.cutoffEnd, period.dueDate]).toEqual([
      '2029-01-15',
      '2029-02-14',
      '2029-02-20',
    ]);
  });
});
