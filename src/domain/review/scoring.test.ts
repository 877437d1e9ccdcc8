import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CRITERIA,
  emptyFigures,
  parseReviewConfig,
  rankByScore,
  scoreUnit,
  yearTaskState,
  type ReviewConfig,
  type UnitFigures,
} from './scoring.js';

const FILE = JSON.parse(
  fs.readFileSync(new URL('../../../config/annual-review.json', import.meta.url), 'utf8'),
) as unknown;

const config = (weights: Partial<Record<(typeof CRITERIA)[number], number>>): ReviewConfig => {
  const base = parseReviewConfig(FILE);
  const criteria = { ...base.criteria };
  for (const [k, w] of Object.entries(weights))
    criteria[k as keyof typeof criteria] = { label: k, weight: w };
  return { ...base, criteria };
};
const figures = (o: Partial<UnitFigures>): UnitFigures => ({ ...emptyFigures(), ...o });
const excluded = (s: string) => s === 'obsolete';

describe('the configuration file', () => {
  it('is valid, names every criterion and weighs 100 in all', () => {
    const c = parseReviewConfig(FILE);
    expect(Object.keys(c.criteria).sort()).toEqual([...CRITERIA].sort());
    expect(CRITERIA.reduce((s, k) => s + c.criteria[k].weight, 0)).toBe(100);
    expect(c.ratings.at(-1)!.min).toBe(0);
  });

  it('is refused when a criterion, a weight or the ratings are wrong', () => {
    const good = parseReviewConfig(FILE);
    const bad = (patch: (x: ReviewConfig) => unknown) => () =>
      parseReviewConfig(patch(structuredClone(good)));
    expect(bad((x) => ({ ...x, criteria: { ...x.criteria, tasksOnTime: undefined } }))).toThrow(
      /tasksOnTime/,
    );
    expect(bad((x) => ({ ...x, criteria: { ...x.criteria, extra: { label: 'x', weight: 1 } } }))).toThrow(
      /extra/,
    );
    expect(
      bad((x) => ({ ...x, criteria: { ...x.criteria, reportsOnTime: { label: 'x', weight: -1 } } })),
    ).toThrow(/weight/);
    expect(
      bad((x) => ({
        ...x,
        criteria: Object.fromEntries(CRITERIA.map((k) => [k, { label: k, weight: 0 }])),
      })),
    ).toThrow(/add up to 0/);
    expect(
      bad((x) => ({
        ...x,
        ratings: [
          { min: 50, label: 'a' },
          { min: 70, label: 'b' },
        ],
      })),
    ).toThrow(/highest/);
    expect(bad((x) => ({ ...x, ratings: [{ min: 50, label: 'a' }] }))).toThrow(/start at 0/);
  });
});

describe('the score', () => {
  const c = config({
    tasksOnTime: 40,
    reportsOnTime: 20,
    recommendationsClosed: 15,
    directionsOnTime: 15,
    obstaclesResolved: 10,
    citizenSatisfaction: 0,
  });

  it('weighs every criterion with a denominator', () => {
    const s = scoreUnit(
      c,
      figures({
        doneOnTime: 3,
        doneLate: 1, // 3/4
        reportsDue: 2,
        reportsOnTime: 1, // 1/2
        recommendationsReceived: 2,
        recommendationsClosed: 2, // 1
        directionsDue: 1,
        directionsOnTime: 0, // 0
        obstaclesRaised: 4,
        obstaclesResolved: 1, // 1/4
      }),
    );
    // 40×0.75 + 20×0.5 + 15×1 + 15×0 + 10×0.25 = 30 + 10 + 15 + 0 + 2.5
    expect(s.score).toBe(57.5);
    expect(s.rating).toBe('Hoàn thành nhiệm vụ');
    expect(s.criteria.tasksOnTime).toEqual({ rate: 0.75, weight: 40, share: 0.4, points: 30 });
    expect(s.criteria.citizenSatisfaction.rate).toBeNull();
  });

  it('leaves out a criterion without a denominator and scales the others', () => {
    // Only tasks (40) and reports (20): 40/60 × 1 + 20/60 × 0.5 = 0.8333…
    const s = scoreUnit(c, figures({ doneOnTime: 2, reportsDue: 2, reportsOnTime: 1 }));
    expect(s.score).toBe(83.3);
    expect(s.criteria.tasksOnTime.share).toBeCloseTo(2 / 3);
    expect(s.criteria.recommendationsClosed).toEqual({ rate: null, weight: 15, share: 0, points: 0 });
    expect(s.rating).toBe('Hoàn thành tốt nhiệm vụ');
  });

  it('counts not-yet-due tasks nowhere, overdue ones against the unit', () => {
    expect(scoreUnit(c, figures({ notDue: 5 })).score).toBeNull();
    expect(scoreUnit(c, figures({ notDue: 5, doneOnTime: 1, overdue: 1 })).score).toBe(50);
  });

  it('counts the citizens’ satisfaction once it exists and has a weight', () => {
    const w = config({ citizenSatisfaction: 20 });
    expect(scoreUnit(w, figures({ doneOnTime: 1 })).score).toBe(100);
    expect(scoreUnit(w, figures({ doneOnTime: 1, citizenSatisfaction: 40 })).score).toBe(
      Math.round(((40 * 1 + 20 * 0.4) / 60) * 1000) / 10,
    );
    // Weight 0: never counts.
    expect(scoreUnit(c, figures({ doneOnTime: 1, citizenSatisfaction: 0 })).score).toBe(100);
  });

  it('has no score and no rating with nothing to judge', () => {
    expect(scoreUnit(c, figures({ tasksLed: 3, tasksCooperated: 2 }))).toMatchObject({
      score: null,
      rating: null,
    });
  });

  it('gives each threshold its rating', () => {
    const at = (onTime: number, of: number) =>
      scoreUnit(
        config({ reportsOnTime: 0, recommendationsClosed: 0, directionsOnTime: 0, obstaclesResolved: 0 }),
        figures({ doneOnTime: onTime, overdue: of - onTime }),
      ).rating;
    expect([at(10, 10), at(9, 10), at(8, 10), at(7, 10), at(5, 10), at(4, 10)]).toEqual([
      'Hoàn thành xuất sắc nhiệm vụ',
      'Hoàn thành xuất sắc nhiệm vụ',
      'Hoàn thành tốt nhiệm vụ',
      'Hoàn thành tốt nhiệm vụ',
      'Hoàn thành nhiệm vụ',
      'Không hoàn thành nhiệm vụ',
    ]);
  });
});

describe('the ranking', () => {
  it('sorts by score, shares ranks on ties, puts units without a score last', () => {
    const rows = [
      { n: 'Sở Y tế', s: 70 },
      { n: 'Sở Nội vụ', s: null },
      { n: 'Sở Tư pháp', s: 90 },
      { n: 'Sở Công Thương', s: 70 },
      { n: 'Sở Xây dựng', s: 50 },
    ];
    const r = rankByScore(
      rows,
      (x) => x.s,
      (x) => x.n,
    );
    expect(r.map((x) => [x.n, x.rank])).toEqual([
      ['Sở Tư pháp', 1],
      ['Sở Công Thương', 2],
      ['Sở Y tế', 2],
      ['Sở Xây dựng', 4],
      ['Sở Nội vụ', null],
    ]);
  });
});

describe('a led task in the year', () => {
  const st = (status: string, baselineDue: string | null, completedOn: string | null, asOf = '2026-11-27') =>
    yearTaskState({ status, baselineDue, completedOn }, 2026, asOf, excluded);

  it('follows the on-time rule against the baseline due date', () => {
    expect(st('done', '2026-06-30', '2026-06-30')).toBe('done_on_time');
    expect(st('done', '2026-06-30', '2026-07-01')).toBe('done_late');
    // Done without a completion day: late (rollup.ts).
    expect(st('done', '2026-06-30', null)).toBe('done_late');
    expect(st('in_progress', '2026-06-30', null)).toBe('overdue');
    expect(st('not_started', '2026-12-31', null)).toBe('not_due');
    // Done early, before the due date comes: on time.
    expect(st('done', '2026-12-31', '2026-03-01')).toBe('done_on_time');
  });

  it('counts tasks due earlier only while still open at the start of the year', () => {
    expect(st('in_progress', '2025-10-31', null)).toBe('overdue');
    expect(st('done', '2025-10-31', '2026-02-01')).toBe('done_late');
    expect(st('done', '2025-10-31', '2025-10-01')).toBeNull();
    expect(st('done', '2025-10-31', null)).toBeNull();
  });

  it('leaves out later tasks, tasks without a deadline and tasks no longer appropriate', () => {
    expect(st('in_progress', '2027-03-31', null)).toBeNull();
    expect(st('in_progress', null, null)).toBeNull();
    expect(st('obsolete', '2026-03-31', null)).toBeNull();
  });

  it('takes a task done after the year as not done in it', () => {
    expect(st('done', '2026-06-30', '2027-01-15', '2026-12-31')).toBe('overdue');
    expect(st('done', '2026-12-31', '2027-01-15', '2026-12-31')).toBe('not_due');
  });
});
