/** The working-day calendar over config/holidays.json, read and checked once. */
import fs from 'node:fs';
import { checkHolidayConfig, type HolidayConfig } from '../domain/calendar/holidays.js';
import { workingCalendar as calendarOf, type WorkingCalendar } from '../domain/calendar/working-days.js';

let cached: WorkingCalendar | null = null;

export function workingCalendar(): WorkingCalendar {
  cached ??= calendarOf(
    checkHolidayConfig(
      JSON.parse(
        fs.readFileSync(new URL('../../config/holidays.json', import.meta.url), 'utf8'),
      ) as HolidayConfig,
    ),
  );
  return cached;
}

/**
 * The days off (not weekends) and the weekend days worked of the year before, the year of and the
 * year after `at`, sorted: what the reporting rules serve for the web app's deadline previews.
 */
export function calendarAround(at: Date): { holidays: string[]; workDays: string[] } {
  const year = at.getUTCFullYear();
  const cal = workingCalendar();
  const years = [year - 1, year, year + 1];
  return {
    holidays: years.flatMap((y) => cal.daysOff(y).map((d) => d.date)),
    workDays: years.flatMap((y) => cal.workDays(y).map((d) => d.date)),
  };
}
