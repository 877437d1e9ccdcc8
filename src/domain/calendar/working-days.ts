/**
 * Working days of State bodies: not a day of weekly rest (unless worked as làm bù) and not a day off
 * of the holiday calendar (holidays.ts). Each legal or reporting clock says what it counts: a
 * `DayCount` of working or calendar days. Dates are ISO `YYYY-MM-DD` strings; all arithmetic is on
 * UTC day numbers, so no time zone or daylight-saving shift can move a day. Pure: the configuration
 * is a parameter.
 */
import { dayNumber, fromDayNumber } from './lunar.js';
import { yearCalendar, type DayOff, type HolidayConfig, type WorkDay } from './holidays.js';

/** A time limit: `n` working days (ngày làm việc) or `n` calendar days (ngày). */
export interface DayCount {
  n: number;
  unit: 'working' | 'calendar';
}

/** Adds calendar days to an ISO date (negative goes back). */
export function addCalendarDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new Error(`Số ngày không hợp lệ: ${n}`);
  return fromDayNumber(dayNumber(date) + n);
}

/** Calendar days from `a` to `b` (negative when `b` is before `a`). */
export function calendarDaysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
  /**
   * The n-th working day after `date` (`date` itself not counted, whether it is a working day or
   * not): the deadline of "within n working days from `date`". n = 0 gives `date`; negative n
   * counts back.
   */
  addWorkingDays(date: string, n: number): string;
  addCalendarDays(date: string, n: number): string;
  /** Working days d with a < d ≤ b (negative, counted the same way, when b < a). */
  workingDaysBetween(a: string, b: string): number;
  /** The end of a limit counted from `date`, in the limit's own unit. */
  add(date: string, count: DayCount): string;
  /** Days off of a solar year that fall in it, sorted (from the neighbouring years' decisions too). */
  daysOff(year: number): DayOff[];
  /** Days of weekly rest worked in a solar year (làm bù). */
  workDays(year: number): WorkDay[];
  /** The day off on a date, if any. */
  dayOff(date: string): DayOff | null;
}

interface YearIndex {
  off: Map<string, DayOff>;
  work: Map<string, WorkDay>;
}

/** The calendar's operations over a test of one day (a day number) and the lists behind it. */
function calendarOver(
  isWorking: (jdn: number) => boolean,
  lists: Pick<WorkingCalendar, 'daysOff' | 'workDays' | 'dayOff'>,
): WorkingCalendar {
  const addWorking = (date: string, n: number): string => {
    if (!Number.isInteger(n)) throw new Error(`Số ngày làm việc không hợp lệ: ${n}`);
    let jdn = dayNumber(date);
    const step = n < 0 ? -1 : 1;
    for (let left = Math.abs(n); left > 0;) {
      jdn += step;
      if (isWorking(jdn)) left--;
    }
    return fromDayNumber(jdn);
  };
  return {
    isWorkingDay: (date) => isWorking(dayNumber(date)),
    addWorkingDays: addWorking,
    addCalendarDays,
    workingDaysBetween(a, b) {
      const from = dayNumber(a);
      const to = dayNumber(b);
      const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
      let count = 0;
      for (let d = lo + 1; d <= hi; d++) if (isWorking(d)) count++;
      return sign * count;
    },
    add(date, count) {
      return count.unit === 'working' ? addWorking(date, count.n) : addCalendarDays(date, count.n);
    },
    ...lists,
  };
}

const byDate = <T extends { date: string }>(a: T, b: T) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/** A working-day calendar over the holiday configuration, computing each year once when asked. */
export function workingCalendar(config: HolidayConfig): WorkingCalendar {
  const rest = new Set(config.weeklyRest.days);
  const years = new Map<number, YearIndex>();
  const index = (year: number): YearIndex => {
    let y = years.get(year);
    if (!y) {
      const off = new Map<string, DayOff>();
      const work = new Map<string, WorkDay>();
      const prefix = `${String(year).padStart(4, '0')}-`;
      // A decision may put a swap or a nghỉ bù across the new year.
      for (const c of [
        yearCalendar(config, year - 1),
        yearCalendar(config, year),
        yearCalendar(config, year + 1),
      ]) {
        for (const d of c.daysOff) if (d.date.startsWith(prefix) && !off.has(d.date)) off.set(d.date, d);
        for (const w of c.workDays) if (w.date.startsWith(prefix)) work.set(w.date, w);
      }
      y = { off, work };
      years.set(year, y);
    }
    return y;
  };
  return calendarOver(
    (jdn) => {
      const date = fromDayNumber(jdn);
      const y = index(Number(date.slice(0, 4)));
      if (y.off.has(date)) return false;
      if (y.work.has(date)) return true;
      return !rest.has((jdn + 1) % 7);
    },
    {
      daysOff: (year) => [...index(year).off.values()].sort(byDate),
      workDays: (year) => [...index(year).work.values()].sort(byDate),
      dayOff: (date) => index(Number(date.slice(0, 4))).off.get(date) ?? null,
    },
  );
}

/**
 * A working-day calendar from plain lists, as the API serves them to the web app (the days off of
 * the years concerned and the days of weekly rest worked): the same counting, no names or sources.
 */
export function listCalendar(
  daysOff: readonly string[],
  workDays: readonly string[] = [],
  weeklyRest: readonly number[] = [6, 0],
): WorkingCalendar {
  const off = new Set(daysOff);
  const work = new Set(workDays);
  const rest = new Set(weeklyRest);
  const offOf = (date: string): DayOff => ({ date, name: '', kind: 'holiday', holidayId: null, source: '' });
  return calendarOver(
    (jdn) => {
      const date = fromDayNumber(jdn);
      if (off.has(date)) return false;
      return work.has(date) || !rest.has((jdn + 1) % 7);
    },
    {
      daysOff: (year) =>
        [...off]
          .filter((d) => d.startsWith(`${year}-`))
          .sort()
          .map(offOf),
      workDays: (year) =>
        [...work]
          .filter((d) => d.startsWith(`${year}-`))
          .sort()
          .map((date) => ({ date, name: '', source: '' })),
      dayOff: (date) => (off.has(date) ? offOf(date) : null),
    },
  );
}
