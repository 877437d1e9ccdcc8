/**
 * The Vietnamese lunisolar calendar (âm lịch), computed for any year at UTC+7, after the
 * astronomical method Hồ Ngọc Đức describes: months begin on the local day of the new moon; month
 * 11 is the month containing the winter solstice; a lunar year with 13 months (between two month-11
 * starts) makes the first month without a major solar term (trung khí) its leap month, which takes
 * the number of the month before it. New moons and the sun's longitude use the low-precision
 * series of J. Meeus (Astronomical Formulae for Calculators / Astronomical Algorithms), good to a
 * few minutes over 1800–2200; the time zone is fixed at +7 (Vietnam since 1975 — the calendar in
 * use in the North from 1968; this is why Vietnam's Tết 1985 fell a month before China's).
 * Pure: dates are ISO `YYYY-MM-DD` strings, arithmetic in UTC day numbers only.
 */

/** A lunar date. `leap` marks the leap (nhuận) month of the year. */
export interface LunarDate {
  day: number;
  month: number;
  year: number;
  leap: boolean;
}

const TIME_ZONE = 7;
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1900-01-01 (k = 0 in the series below). */
const NEW_MOON_EPOCH = 2415021.076998695;
const RAD = Math.PI / 180;
const MS_PER_DAY = 86_400_000;
/** Julian day number of 1970-01-01. */
const JDN_UNIX_EPOCH = 2440588;

/** Julian day number (integer, the civil day) of an ISO date. */
export function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`Ngày không hợp lệ: "${date}" (cần YYYY-MM-DD)`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    throw new Error(`Ngày không hợp lệ: "${date}"`);
  return t / MS_PER_DAY + JDN_UNIX_EPOCH;
}

/** The ISO date of a Julian day number. */
export function fromDayNumber(jdn: number): string {
  return new Date((jdn - JDN_UNIX_EPOCH) * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Julian day (dynamical time corrected to universal time) of the k-th new moon after the one of
 * 1900-01-01, from Meeus' series (mean phase plus the main periodic terms).
 */
function newMoonJd(k: number): number {
  const T = k / 1236.85; // Julian centuries from 1900
  const T2 = T * T;
  const T3 = T2 * T;
  const mean =
    2415020.75933 +
    29.53058868 * k +
    0.0001178 * T2 -
    0.000000155 * T3 +
    0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * RAD);
  const sunAnomaly = (359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3) * RAD;
  const moonAnomaly = (306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3) * RAD;
  const latitudeArg = (21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3) * RAD;
  const M = sunAnomaly;
  const Mp = moonAnomaly;
  const F = latitudeArg;
  const correction =
    (0.1734 - 0.000393 * T) * Math.sin(M) +
    0.0021 * Math.sin(2 * M) -
    0.4068 * Math.sin(Mp) +
    0.0161 * Math.sin(2 * Mp) -
    0.0004 * Math.sin(3 * Mp) +
    0.0104 * Math.sin(2 * F) -
    0.0051 * Math.sin(M + Mp) -
    0.0074 * Math.sin(M - Mp) +
    0.0004 * Math.sin(2 * F + M) -
    0.0004 * Math.sin(2 * F - M) -
    0.0006 * Math.sin(2 * F + Mp) +
    0.001 * Math.sin(2 * F - Mp) +
    0.0005 * Math.sin(M + 2 * Mp);
  // ΔT = TT − UT, in days.
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return mean + correction - deltaT;
}

/** The local (UTC+7) civil day number on which the k-th new moon falls. */
function newMoonDay(k: number): number {
  return Math.floor(newMoonJd(k) + 0.5 + TIME_ZONE / 24);
}

/** The sun's apparent ecliptic longitude in radians, [0, 2π), at Julian day `jd`. */
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525; // Julian centuries from J2000
  const T2 = T * T;
  const M = (357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2) * RAD;
  const L0 = (280.46645 + 36000.76983 * T + 0.0003032 * T2) * RAD;
  const C =
    (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(M) +
    (0.019993 - 0.000101 * T) * Math.sin(2 * M) +
    0.00029 * Math.sin(3 * M);
  const L = L0 + C * RAD;
  const full = 2 * Math.PI;
  return L - full * Math.floor(L / full);
}

/** Which 30° sector (0 = 0°–30° … 9 = 270°–300°) the sun is in at the local start of a day. */
function sunSector(jdn: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - TIME_ZONE / 24) / Math.PI) * 6);
}

/** Index k of the last new moon at or before a day number (approximately; callers adjust). */
function moonIndex(jdn: number): number {
  return Math.floor((jdn - NEW_MOON_EPOCH) / SYNODIC_MONTH);
}

/** Day number on which month 11 begins in the solar year `y` (the month holding the December solstice). */
function month11Start(y: number): number {
  const dec31 = dayNumber(`${String(y).padStart(4, '0')}-12-31`);
  const k = moonIndex(dec31);
  const start = newMoonDay(k);
  // If the sun already passed 270° when this month began, the solstice fell in the month before.
  return sunSector(start) >= 9 ? newMoonDay(k - 1) : start;
}

interface LunarMonth {
  start: number;
  /** Day number of the next month's first day. */
  end: number;
  month: number;
  leap: boolean;
  year: number;
}

const layouts = new Map<number, LunarMonth[]>();

/**
 * The months from month 11 of lunar year `y - 1` (which begins in December of solar year `y - 1`)
 * up to, not including, month 11 of lunar year `y`: 12 months, or 13 with a leap month.
 */
function solsticeYear(y: number): LunarMonth[] {
  const cached = layouts.get(y);
  if (cached) return cached;
  const a11 = month11Start(y - 1);
  const b11 = month11Start(y);
  const k0 = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  const count = Math.round((b11 - a11) / SYNODIC_MONTH);
  const starts: number[] = [];
  for (let i = 0; i <= count; i++) starts.push(i === 0 ? a11 : i === count ? b11 : newMoonDay(k0 + i));
  let leapAt = -1;
  if (count === 13) {
    // The first month after month 11 that holds no major term: the sun stays in one sector.
    for (let i = 1; i < 13; i++) {
      if (sunSector(starts[i]!) === sunSector(starts[i + 1]!)) {
        leapAt = i;
        break;
      }
    }
    if (leapAt < 0) throw new Error(`Không xác định được tháng nhuận của năm âm lịch ${y}`);
  }
  const months: LunarMonth[] = [];
  for (let i = 0; i < count; i++) {
    const shifted = leapAt >= 0 && i >= leapAt ? i - 1 : i;
    const month = ((10 + shifted) % 12) + 1; // offset 0 = month 11
    months.push({
      start: starts[i]!,
      end: starts[i + 1]!,
      month,
      leap: i === leapAt,
      // Months 11 and 12 at the head of the span still belong to the previous lunar year.
      year: month >= 11 && i < 4 ? y - 1 : y,
    });
  }
  layouts.set(y, months);
  return months;
}

/** The lunar date (at UTC+7) of a solar ISO date. */
export function solarToLunar(date: string): LunarDate {
  const jdn = dayNumber(date);
  const y = Number(date.slice(0, 4));
  const months = jdn >= month11Start(y) ? solsticeYear(y + 1) : solsticeYear(y);
  const m = months.find((x) => x.start <= jdn && jdn < x.end);
  if (!m) throw new Error(`Không tính được ngày âm lịch của ${date}`);
  return { day: jdn - m.start + 1, month: m.month, year: m.year, leap: m.leap };
}

/**
 * The solar ISO date of a lunar date. Throws when the month is not the leap month of that year
 * while `leap` is asked for, or when the day is past the month's length (29 or 30 days).
 */
export function lunarToSolar(day: number, month: number, year: number, leap = false): string {
  if (!Number.isInteger(month) || month < 1 || month > 12)
    throw new Error(`Tháng âm lịch không hợp lệ: ${month}`);
  const months = month >= 11 ? solsticeYear(year + 1) : solsticeYear(year);
  const m = months.find((x) => x.month === month && x.leap === leap && x.year === year);
  if (!m) throw new Error(`Năm âm lịch ${year} không có tháng ${month}${leap ? ' nhuận' : ''}`);
  if (!Number.isInteger(day) || day < 1 || day > m.end - m.start)
    throw new Error(`Tháng ${month}${leap ? ' nhuận' : ''} năm âm lịch ${year} không có ngày ${day}`);
  return fromDayNumber(m.start + day - 1);
}

/** The leap month of a lunar year (its number), or null when the year has 12 months. */
export function leapMonthOf(year: number): number | null {
  const all = [...solsticeYear(year), ...solsticeYear(year + 1)];
  return all.find((m) => m.leap && m.year === year)?.month ?? null;
}

/** Number of days (29 or 30) of a lunar month. */
export function lunarMonthLength(month: number, year: number, leap = false): number {
  const first = lunarToSolar(1, month, year, leap);
  const start = dayNumber(first);
  const months = month >= 11 ? solsticeYear(year + 1) : solsticeYear(year);
  const m = months.find((x) => x.start === start)!;
  return m.end - m.start;
}
