/**
 * The annual review (kiểm điểm, đánh giá hằng năm; issue 13 point 7): the figures of one unit for one
 * program and year, the rates they give, and the score computed from the configuration
 * (config/annual-review.json) only — weights per criterion and rating thresholds. Pure.
 *
 * Rules:
 * - A task led by the unit counts in the year when its baseline due date falls in the year, or falls
 *   earlier and the task was still open at the start of the year (not done, or done within the year;
 *   an earlier task reported done without a completion day is taken as done before). Its state is judged with the
 *   on-time rule of the roll-up (src/domain/reporting/rollup.ts `timeliness`): done by the baseline due
 *   date → on time; done after it, or done without a completion day → late; not done past the due date
 *   → overdue; not done and not yet due → not yet due. A task reported done after the year's end was
 *   not done in the year. Tasks "no longer appropriate" (excluded from the roll-up) are left out.
 * - A criterion with no denominator (nothing due, nothing received) is left out, and the weights of the
 *   others are scaled so they still add up to 100 %. A criterion of weight 0 never counts. With no
 *   criterion left the unit has no score and no rating (it is ranked last).
 * - score = 100 × Σ(weight × rate) / Σ(weight) over the criteria that count, one decimal.
 * - The ranking sorts by score, highest first; equal scores share a rank (1, 2, 2, 4).
 */
import { timeliness, type TaskProgress } from '../reporting/rollup.js';

export const CRITERIA = [
  'tasksOnTime',
  'reportsOnTime',
  'recommendationsClosed',
  'directionsOnTime',
  'obstaclesResolved',
  'citizenSatisfaction',
] as const;
export type Criterion = (typeof CRITERIA)[number];

export interface ReviewConfig {
  criteria: Record<Criterion, { label: string; weight: number }>;
  /** From the highest threshold down; the last one's `min` is 0. */
  ratings: { min: number; label: string }[];
}

/** Checks the configuration file's content; throws a message naming what is wrong. */
export function parseReviewConfig(raw: unknown): ReviewConfig {
  const fail = (why: string): never => {
    throw new Error(`config/annual-review.json: ${why}`);
  };
  if (!raw || typeof raw !== 'object') fail('not an object');
  const o = raw as { criteria?: unknown; ratings?: unknown };
  if (!o.criteria || typeof o.criteria !== 'object') fail('"criteria" is missing');
  const given = o.criteria as Record<string, unknown>;
  for (const k of Object.keys(given))
    if (!(CRITERIA as readonly string[]).includes(k)) fail(`unknown criterion "${k}"`);
  const criteria = {} as ReviewConfig['criteria'];
  let sum = 0;
  for (const k of CRITERIA) {
    const c = given[k] as { label?: unknown; weight?: unknown } | undefined;
    if (!c || typeof c !== 'object') fail(`criterion "${k}" is missing`);
    const { label, weight } = c!;
    if (typeof label !== 'string' || !label.trim()) fail(`criterion "${k}" has no label`);
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0)
      fail(`criterion "${k}": the weight must be a number ≥ 0`);
    criteria[k] = { label: label as string, weight: weight as number };
    sum += weight as number;
  }
  if (sum <= 0) fail('the weights add up to 0');
  if (!Array.isArray(o.ratings) || !o.ratings.length) fail('"ratings" is missing');
  const ratings = (o.ratings as unknown[]).map((r, i) => {
    const x = r as { min?: unknown; label?: unknown };
    if (typeof x?.min !== 'number' || x.min < 0 || x.min > 100) fail(`rating ${i + 1}: "min" must be 0–100`);
    if (typeof x.label !== 'string' || !x.label.trim()) fail(`rating ${i + 1} has no label`);
    return { min: x.min as number, label: x.label as string };
  });
  for (let i = 1; i < ratings.length; i++)
    if (ratings[i]!.min >= ratings[i - 1]!.min) fail('ratings must go from the highest threshold down');
  if (ratings.at(-1)!.min !== 0) fail('the last rating must start at 0');
  return { criteria, ratings };
}

/** A rate: so many of so many. */
export interface Ratio {
  num: number;
  den: number;
}

/** The figures of one unit for a program and a year. */
export interface UnitFigures {
  tasksLed: number;
  tasksCooperated: number;
  /** Tasks led, judged in the year (see the rules above). */
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  notDue: number;
  /** Products delivered in accepted reports of the year's periods (on tasks led or cooperated). */
  products: number;
  /** Their document numbers, as written. */
  productNumbers: string[];
  /** Report obligations of the year's periods that were due (or already sent), and those sent on time. */
  reportsDue: number;
  reportsOnTime: number;
  obstaclesRaised: number;
  obstaclesResolved: number;
  recommendationsReceived: number;
  recommendationsClosed: number;
  /** Open past their deadline on the review day. */
  recommendationsOverdue: number;
  /** Directions asking for action of the unit, due in the year. */
  directionsReceived: number;
  /** Of those, the ones due by the review day or answered, and the ones answered by their deadline. */
  directionsDue: number;
  directionsOnTime: number;
  /** Sự hài lòng của người dân (0–100): null until citizens' feedback exists. */
  citizenSatisfaction: number | null;
}

export function emptyFigures(): UnitFigures {
  return {
    tasksLed: 0,
    tasksCooperated: 0,
    doneOnTime: 0,
    doneLate: 0,
    overdue: 0,
    notDue: 0,
    products: 0,
    productNumbers: [],
    reportsDue: 0,
    reportsOnTime: 0,
    obstaclesRaised: 0,
    obstaclesResolved: 0,
    recommendationsReceived: 0,
    recommendationsClosed: 0,
    recommendationsOverdue: 0,
    directionsReceived: 0,
    directionsDue: 0,
    directionsOnTime: 0,
    citizenSatisfaction: null,
  };
}

/** The rate of each criterion; null when it has no denominator. */
export function criterionRatios(f: UnitFigures): Record<Criterion, Ratio | null> {
  const r = (num: number, den: number): Ratio | null => (den > 0 ? { num, den } : null);
  return {
    tasksOnTime: r(f.doneOnTime, f.doneOnTime + f.doneLate + f.overdue),
    reportsOnTime: r(f.reportsOnTime, f.reportsDue),
    recommendationsClosed: r(f.recommendationsClosed, f.recommendationsReceived),
    directionsOnTime: r(f.directionsOnTime, f.directionsDue),
    obstaclesResolved: r(f.obstaclesResolved, f.obstaclesRaised),
    citizenSatisfaction: f.citizenSatisfaction === null ? null : { num: f.citizenSatisfaction, den: 100 },
  };
}

export interface CriterionScore {
  /** 0–1, or null when left out for want of a denominator. */
  rate: number | null;
  /** The configured weight. */
  weight: number;
  /** The weight after scaling, 0–1 (0 when left out). */
  share: number;
  /** The points this criterion adds to the score (share × rate × 100). */
  points: number;
}

export interface Scored {
  score: number | null;
  rating: string | null;
  criteria: Record<Criterion, CriterionScore>;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function scoreUnit(config: ReviewConfig, f: UnitFigures): Scored {
  const ratios = criterionRatios(f);
  let wsum = 0;
  for (const k of CRITERIA) if (ratios[k] && config.criteria[k].weight > 0) wsum += config.criteria[k].weight;
  let acc = 0;
  const criteria = {} as Scored['criteria'];
  for (const k of CRITERIA) {
    const ratio = ratios[k];
    const weight = config.criteria[k].weight;
    const rate = ratio ? ratio.num / ratio.den : null;
    const share = rate !== null && weight > 0 && wsum > 0 ? weight / wsum : 0;
    const points = rate === null ? 0 : share * rate * 100;
    acc += points;
    criteria[k] = { rate, weight, share, points: round1(points) };
  }
  if (wsum === 0) return { score: null, rating: null, criteria };
  const score = round1(acc);
  const rating = config.ratings.find((r) => score >= r.min)?.label ?? null;
  return { score, rating, criteria };
}

/** Ranks by score, highest first, equal scores sharing a rank; no score: no rank, last. Stable by `name`. */
export function rankByScore<T>(
  rows: readonly T[],
  score: (t: T) => number | null,
  name: (t: T) => string,
): (T & { rank: number | null })[] {
  const sorted = [...rows].sort((a, b) => {
    const sa = score(a);
    const sb = score(b);
    if (sa !== sb) return sa === null ? 1 : sb === null ? -1 : sb - sa;
    return name(a).localeCompare(name(b), 'vi');
  });
  let rank = 0;
  let prev: number | null = null;
  return sorted.map((t, i) => {
    const s = score(t);
    if (s === null) return { ...t, rank: null };
    if (s !== prev) {
      rank = i + 1;
      prev = s;
    }
    return { ...t, rank };
  });
}

export type YearTaskState = 'done_on_time' | 'done_late' | 'overdue' | 'not_due';

/**
 * How a led task stands in the year's review on `asOf` (the review day, at most the year's last day),
 * or null when it does not count in the year.
 */
export function yearTaskState(
  t: Pick<TaskProgress, 'status' | 'baselineDue' | 'completedOn'>,
  year: number,
  asOf: string,
  excluded: (status: string) => boolean,
): YearTaskState | null {
  if (!t.baselineDue || excluded(t.status)) return null;
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  if (t.baselineDue > end) return null;
  // Done after the year's end: not done in the year.
  const doneInYear = t.status === 'done' && !(t.completedOn && t.completedOn > end);
  // Due before the year: counts only when still open at its start (done within the year, or not done).
  if (t.baselineDue < start && t.status === 'done' && !(t.completedOn && t.completedOn >= start)) return null;
  const judged: TaskProgress = {
    nodeId: '',
    groupId: null,
    leadUnitId: null,
    status: doneInYear ? 'done' : 'in_progress',
    percent: null,
    baselineDue: t.baselineDue,
    completedOn: doneInYear ? t.completedOn : null,
  };
  const tl = timeliness(judged, asOf);
  if (doneInYear) return tl === 'on_time' ? 'done_on_time' : 'done_late';
  return tl === 'late' ? 'overdue' : 'not_due';
}
