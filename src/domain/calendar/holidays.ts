/**
 * The public holidays of a year (Bộ luật Lao động 2019 Điều 112), from the configuration
 * (config/holidays.json) and the lunar calendar: fixed solar days, Tết Nguyên đán (the last day of
 * the lunar year and the first days of the new one), Giỗ Tổ Hùng Vương (10/3 âm lịch), Quốc khánh
 * with its adjacent day; a holiday on the weekly rest day is taken on the next working day
 * (nghỉ bù, Điều 111 khoản 3); then the year's decision (Điều 112 khoản 3): the exact Tết span,
 * the day next to 2/9 and the swaps of a working day against a Saturday. Pure: the configuration
 * is a parameter.
 */
import { dayNumber, fromDayNumber, lunarToSolar } from './lunar.js';

export type HolidayRule =
  | { id: string; name: string; kind: 'solar'; month: number; day: number; article: string }
  | { id: string; name: string; kind: 'lunar'; month: number; day: number; article: string }
  | { id: string; name: string; kind: 'national-day'; month: number; day: number; article: string }
  | {
      id: string;
      name: string;
      kind: 'tet';
      /** Days off before mùng 1 (1 = the last day of the lunar year). */
      daysBeforeNewYear: number;
      /** Days off from mùng 1 (4 = mùng 1 to mùng 4). */
      daysFromNewYear: number;
      article: string;
    };

export interface Swap {
  /** A working day given off… */
  dayOff: string;
  /** …against this day of weekly rest, worked instead (ngày làm bù). */
  workDay: string;
  name: string;
}

export interface YearDecision {
  source: string;
  confidence?: string;
  /** The Tết span as decided, taken as it is (no nghỉ bù added). */
  tet?: { from: string; to: string };
  nationalDayAdjacent?: 'before' | 'after';
  swaps?: Swap[];
}

export interface HolidayConfig {
  law: string;
  weeklyRest: { days: number[]; source: string };
  holidays: HolidayRule[];
  compensatory: { name: string; article: string };
  years: Record<string, YearDecision>;
}

export type DayOffKind = 'holiday' | 'compensatory' | 'swap';

export interface DayOff {
  date: string;
  /** Vietnamese name shown to people: "Tết Nguyên đán", "Nghỉ bù Giỗ Tổ Hùng Vương"… */
  name: string;
  kind: DayOffKind;
  holidayId: string | null;
  /** The article or decision behind it. */
  source: string;
}

export interface WorkDay {
  date: string;
  name: string;
  source: string;
}

export interface YearCalendar {
  year: number;
  /** Every day off of the year that is not a day of weekly rest would already be, sorted. */
  daysOff: DayOff[];
  /** Days of weekly rest worked (làm bù). */
  workDays: WorkDay[];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function solar(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

function weekday(jdn: number): number {
  return (jdn + 1) % 7; // 0 = Sunday, as Date#getUTCDay
}

/**
 * The day paired with 2/9 when the year's decision does not say: the one that joins the holiday
 * to a weekend (Thursday 2/9 → Friday 3/9; Monday → Tuesday; Sunday → Monday; otherwise the day
 * before: Tuesday → Monday, Friday → Thursday, Saturday → Friday, Wednesday → Tuesday).
 */
function defaultAdjacent(jdn: number): 'before' | 'after' {
  const wd = weekday(jdn);
  return wd === 4 || wd === 1 || wd === 0 ? 'after' : 'before';
}

/** Checks the shape of the configuration once; throws with the faulty entry. */
export function checkHolidayConfig(config: HolidayConfig): HolidayConfig {
  const bad = (why: string): never => {
    throw new Error(`config/holidays.json: ${why}`);
  };
  if (!Array.isArray(config.weeklyRest?.days) || config.weeklyRest.days.some((d) => !(d >= 0 && d <= 6)))
    bad('weeklyRest.days must be weekdays 0–6');
  for (const h of config.holidays ?? []) {
    if (!h.name || !h.article) bad(`holiday ${h.id}: name and article are required`);
    if (h.kind === 'tet') {
      if (!(h.daysBeforeNewYear >= 0) || !(h.daysFromNewYear >= 1)) bad(`holiday ${h.id}: bad Tết span`);
    } else if (!['solar', 'lunar', 'national-day'].includes(h.kind)) bad(`holiday ${h.id}: unknown kind`);
  }
  for (const [y, d] of Object.entries(config.years ?? {})) {
    if (!/^\d{4}$/.test(y)) bad(`years: "${y}" is not a year`);
    if (!d.source) bad(`years.${y}: source is required`);
    const dates = [d.tet?.from, d.tet?.to, ...(d.swaps ?? []).flatMap((s) => [s.dayOff, s.workDay])];
    for (const x of dates) if (x !== undefined) dayNumber(x);
    if (d.tet && d.tet.from > d.tet.to) bad(`years.${y}.tet: from after to`);
  }
  return config;
}

interface Entry {
  jdn: number;
  rule: HolidayRule;
  compensable: boolean;
}

/** The days off and the days worked of a solar year. */
export function yearCalendar(config: HolidayConfig, year: number): YearCalendar {
  const decision = config.years[String(year)];
  const rest = new Set(config.weeklyRest.days);
  const isRest = (jdn: number) => rest.has(weekday(jdn));
  const entries: Entry[] = [];
  for (const rule of config.holidays) {
    switch (rule.kind) {
      case 'solar':
        entries.push({ jdn: dayNumber(solar(year, rule.month, rule.day)), rule, compensable: true });
        break;
      case 'lunar':
        entries.push({ jdn: dayNumber(lunarToSolar(rule.day, rule.month, year)), rule, compensable: true });
        break;
      case 'national-day': {
        const jdn = dayNumber(solar(year, rule.month, rule.day));
        const side = decision?.nationalDayAdjacent ?? defaultAdjacent(jdn);
        entries.push({ jdn, rule, compensable: true });
        entries.push({ jdn: side === 'before' ? jdn - 1 : jdn + 1, rule, compensable: true });
        break;
      }
      case 'tet': {
        if (decision?.tet) {
          const from = dayNumber(decision.tet.from);
          const to = dayNumber(decision.tet.to);
          for (let d = from; d <= to; d++) if (!isRest(d)) entries.push({ jdn: d, rule, compensable: false });
        } else {
          const newYear = dayNumber(lunarToSolar(1, 1, year));
          for (let d = newYear - rule.daysBeforeNewYear; d < newYear + rule.daysFromNewYear; d++)
            entries.push({ jdn: d, rule, compensable: true });
        }
        break;
      }
    }
  }
  entries.sort((a, b) => a.jdn - b.jdn);

  const daysOff: DayOff[] = [];
  const taken = new Set<number>();
  const source = (rule: HolidayRule) =>
    decision && (rule.kind === 'tet' ? decision.tet : rule.kind === 'national-day')
      ? `${config.law} ${rule.article}; ${decision.source}`
      : `${config.law} ${rule.article}`;
  const owed: Entry[] = [];
  for (const e of entries) {
    if (isRest(e.jdn) || taken.has(e.jdn)) {
      if (e.compensable) owed.push(e);
      continue;
    }
    taken.add(e.jdn);
    daysOff.push({
      date: fromDayNumber(e.jdn),
      name: e.rule.name,
      kind: 'holiday',
      holidayId: e.rule.id,
      source: source(e.rule),
    });
  }
  // Điều 111 khoản 3: each holiday lost to the weekly rest (or to another holiday) on the next
  // working day that is not already off.
  for (const e of owed) {
    let d = e.jdn + 1;
    while (isRest(d) || taken.has(d)) d++;
    taken.add(d);
    daysOff.push({
      date: fromDayNumber(d),
      name: `${config.compensatory.name} ${e.rule.name}`,
      kind: 'compensatory',
      holidayId: e.rule.id,
      source: `${config.law} ${config.compensatory.article}`,
    });
  }
  const workDays: WorkDay[] = [];
  for (const s of decision?.swaps ?? []) {
    const off = dayNumber(s.dayOff);
    if (!taken.has(off) && !isRest(off)) {
      taken.add(off);
      daysOff.push({ date: s.dayOff, name: s.name, kind: 'swap', holidayId: null, source: decision!.source });
    }
    const [y, m, d] = s.dayOff.split('-');
    workDays.push({ date: s.workDay, name: `Làm bù cho ngày nghỉ ${d}/${m}/${y}`, source: decision!.source });
  }
  daysOff.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  workDays.sort((a, b) => (a.date < b.date ? -1 : 1));
  return { year, daysOff, workDays };
}
