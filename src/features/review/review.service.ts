/**
 * The annual review (kiểm điểm, đánh giá hằng năm; issue 13 point 7) of a program and a year: per unit,
 * the tasks it leads and cooperates on and how those due stand, the products delivered, reports on
 * time, obstacles raised and resolved, recommendations received and closed, directions answered on
 * time, and the citizens' satisfaction slot (null until feedback exists); the score from
 * config/annual-review.json and the ranking. Read-only: nothing here is typed in or stored.
 *
 * Where each figure comes from (see README, "Kiểm điểm, đánh giá hằng năm"):
 * - tasks: task_units of the program; status and completion day from task_progress (the latest
 *   accepted report); due date from the baseline, else the assignment (as the dashboard reads it);
 * - products: the products of the latest accepted version of each report of the year's periods,
 *   one per document number (or description when there is no number);
 * - reports: obligations of the year's periods due by the review day (or already sent); on time =
 *   first sent by the period's deadline (`late` unset);
 * - obstacles (khó khăn, vướng mắc; not the proposals of the same register) raised in the year by the
 *   unit, resolved = closed by the review day;
 * - recommendations of issued conclusions on the program (its inspection plans, or its tasks), issued
 *   by the year's end and not closed before the year; closed = closed by the review day; overdue =
 *   still open past their deadline;
 * - directions on the program asking for action, due in the year; counted once due or answered; on
 *   time = answered (Vietnam day) by the deadline.
 */
import { eq, sql } from 'drizzle-orm';
import { programs } from '../../db/schema.js';
import { rows, type DbOrTx } from '../../db/connection.js';
import { unitNames } from '../../db/queries/units.js';
import { AppError } from '../../errors.js';
import { vnDate, type ReportContent } from '../../domain/reporting/report.js';
import {
  CRITERIA,
  emptyFigures,
  rankByScore,
  scoreUnit,
  yearTaskState,
  type ReviewConfig,
  type UnitFigures,
} from '../../domain/review/scoring.js';
import type { AnnualReview, ReviewQuery } from '../../contract/review.js';
import { authorize } from '../policy.js';
import type { Ctx } from '../context.js';
import { now, type Deps } from '../deps.js';
import { reportingRules } from '../reporting-rules.js';
import { reviewConfig } from './review-config.js';

/** The instants a year and a review day start and end, Vietnam time (UTC+7), as ISO strings. */
export function reviewWindow(year: number, at: Date) {
  const vnMidnight = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d) - 7 * 3_600_000);
  const yearEnd = `${year}-12-31`;
  const today = vnDate(at);
  const asOf = today < yearEnd ? today : yearEnd;
  const [ay, am, ad] = asOf.split('-').map(Number) as [number, number, number];
  return {
    year,
    asOf,
    yearStartDay: `${year}-01-01`,
    yearEndDay: yearEnd,
    yearStart: vnMidnight(year, 0, 1).toISOString(),
    yearEnd: vnMidnight(year + 1, 0, 1).toISOString(),
    /** The instant after the review day. */
    asOfEnd: vnMidnight(ay, am - 1, ad + 1).toISOString(),
  };
}
export type ReviewWindow = ReturnType<typeof reviewWindow>;

/** The product key: its document number, or its description when it has none. */
export const productKey = (p: { number: string | null; description: string }) =>
  p.number !== null && p.number !== '' ? `n:${p.number}` : `d:${p.description}`;

/** A timestamp column's day in Vietnam, whatever the session's time zone. */
const vnDay = (col: ReturnType<typeof sql>) =>
  sql`to_char((${col} at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD')`;

/** Every unit's figures for the program and year (units with nothing to show are absent). */
export async function reviewFigures(
  db: DbOrTx,
  programId: string,
  w: ReviewWindow,
): Promise<Map<string, UnitFigures>> {
  const out = new Map<string, UnitFigures>();
  const of = (unitId: string) => {
    let f = out.get(unitId);
    if (!f) out.set(unitId, (f = emptyFigures()));
    return f;
  };
  const rules = reportingRules();
  const excluded = (s: string) => !!rules.statuses[s]?.excludedFromRollup;

  const tasks = await rows<{
    unitId: string;
    role: string;
    status: string | null;
    completedOn: string | null;
    due: string | null;
  }>(
    db,
    sql`select tu.unit_id as "unitId", tu.role, tp.status, tp.completed_on as "completedOn",
          coalesce(b.due, ta.due_date) as due
        from task_units tu
        join program_nodes n on n.id = tu.node_id and n.is_task
        left join task_progress tp on tp.node_id = tu.node_id
        left join task_assignments ta on ta.node_id = tu.node_id
        left join (select e.key as node_id, e.value ->> 'dueDate' as due
                   from program_baselines pb cross join lateral jsonb_each(pb.snapshot) e
                   where pb.program_id = ${programId}) b on b.node_id = tu.node_id::text
        where tu.program_id = ${programId}`,
  );
  for (const t of tasks) {
    const f = of(t.unitId);
    if (t.role !== 'lead') {
      f.tasksCooperated++;
      continue;
    }
    f.tasksLed++;
    const state = yearTaskState(
      { status: t.status ?? 'not_started', baselineDue: t.due, completedOn: t.completedOn },
      w.year,
      w.asOf,
      excluded,
    );
    if (state === 'done_on_time') f.doneOnTime++;
    else if (state === 'done_late') f.doneLate++;
    else if (state === 'overdue') f.overdue++;
    else if (state === 'not_due') f.notDue++;
  }

  const accepted = await rows<{ unitId: string; entries: ReportContent['entries'] | null }>(
    db,
    sql`select distinct on (rv.obligation_id) ro.unit_id as "unitId", rv.content -> 'entries' as entries
        from report_versions rv
        join report_obligations ro on ro.id = rv.obligation_id
        join reporting_periods rp on rp.id = ro.period_id
        where rp.program_id = ${programId} and rp.year = ${w.year} and rv.review = 'accepted'
        order by rv.obligation_id, rv.number desc`,
  );
  const keys = new Map<string, Set<string>>();
  const numbers = new Map<string, Set<string>>();
  for (const v of accepted) {
    const k = keys.get(v.unitId) ?? new Set<string>();
    const n = numbers.get(v.unitId) ?? new Set<string>();
    keys.set(v.unitId, k);
    numbers.set(v.unitId, n);
    for (const e of Object.values(v.entries ?? {}))
      for (const p of e.products ?? []) {
        k.add(productKey({ number: p.number ?? null, description: p.description }));
        if (p.number) n.add(p.number);
      }
  }
  for (const [unitId, k] of keys) {
    if (!k.size) continue;
    const f = of(unitId);
    f.products = k.size;
    f.productNumbers = [...numbers.get(unitId)!].sort((a, b) => a.localeCompare(b, 'vi', { numeric: true }));
  }

  const reports = await rows<{ unitId: string; due: number; onTime: number }>(
    db,
    sql`select ro.unit_id as "unitId",
          (count(*) filter (where ro.first_submitted_at is not null or rp.due_date < ${w.asOf}))::int as due,
          (count(*) filter (where ro.first_submitted_at is not null and not ro.late))::int as "onTime"
        from report_obligations ro
        join reporting_periods rp on rp.id = ro.period_id
        where rp.program_id = ${programId} and rp.year = ${w.year}
        group by ro.unit_id`,
  );
  for (const r of reports) {
    if (!r.due) continue;
    const f = of(r.unitId);
    f.reportsDue = r.due;
    f.reportsOnTime = r.onTime;
  }

  const raised = await rows<{ unitId: string; raised: number; resolved: number }>(
    db,
    sql`select o.unit_id as "unitId", count(*)::int as raised,
          (count(*) filter (where o.status = 'closed' and o.closed_at < ${w.asOfEnd}::timestamptz))::int as resolved
        from obstacles o
        where o.program_id = ${programId} and o.kind = 'obstacle'
          and o.raised_at >= ${w.yearStart}::timestamptz and o.raised_at < ${w.yearEnd}::timestamptz
        group by o.unit_id`,
  );
  for (const r of raised) {
    const f = of(r.unitId);
    f.obstaclesRaised = r.raised;
    f.obstaclesResolved = r.resolved;
  }

  const closedBy = (t: string) =>
    sql`(r.status = 'closed' and coalesce(r.closed_at, ${w.yearStart}::timestamptz) < ${t}::timestamptz)`;
  const recs = await rows<{ unitId: string; received: number; closed: number; overdue: number }>(
    db,
    sql`select r.responsible_unit_id as "unitId", count(*)::int as received,
          (count(*) filter (where ${closedBy(w.asOfEnd)}))::int as closed,
          (count(*) filter (where not ${closedBy(w.asOfEnd)} and r.due_date < ${w.asOf}))::int as overdue
        from recommendations r
        join inspection_conclusions c on c.id = r.conclusion_id
        join inspection_plans p on p.id = r.plan_id
        left join program_nodes n on n.id = r.node_id
        where c.status = 'issued'
          and (c.issued_on is null or c.issued_on <= ${w.yearEndDay})
          and (p.program_id = ${programId} or n.program_id = ${programId})
          and not (r.status = 'closed' and coalesce(r.closed_at, ${w.yearStart}::timestamptz) < ${w.yearStart}::timestamptz)
        group by r.responsible_unit_id`,
  );
  for (const r of recs) {
    const f = of(r.unitId);
    f.recommendationsReceived = r.received;
    f.recommendationsClosed = r.closed;
    f.recommendationsOverdue = r.overdue;
  }

  const dirs = await rows<{ unitId: string; received: number; due: number; onTime: number }>(
    db,
    sql`select du.unit_id as "unitId", count(*)::int as received,
          (count(*) filter (where du.answered_at is not null or d.due_date < ${w.asOf}))::int as due,
          (count(*) filter (where du.answered_at is not null
             and ${vnDay(sql`du.answered_at`)} <= d.due_date))::int as "onTime"
        from direction_units du
        join directions d on d.id = du.direction_id
        where d.program_id = ${programId} and d.requires_action
          and d.due_date >= ${w.yearStartDay} and d.due_date <= ${w.yearEndDay}
        group by du.unit_id`,
  );
  for (const r of dirs) {
    const f = of(r.unitId);
    f.directionsReceived = r.received;
    f.directionsDue = r.due;
    f.directionsOnTime = r.onTime;
  }
  return out;
}

/** The review of a program and a year, figures and scores, on `at` (the review day is its Vietnam day). */
export async function buildReview(
  db: DbOrTx,
  programId: string,
  year: number,
  at: Date,
  config: ReviewConfig = reviewConfig(),
): Promise<AnnualReview> {
  const [program] = await db
    .select({ id: programs.id, title: programs.title, number: programs.number })
    .from(programs)
    .where(eq(programs.id, programId));
  if (!program) throw new AppError('PROGRAM_NOT_FOUND', { id: programId });
  const w = reviewWindow(year, at);
  const figures = await reviewFigures(db, programId, w);
  const names = await unitNames(db, [...figures.keys()]);
  const periods = await rows<{ id: string; label: string; dueDate: string }>(
    db,
    sql`select id, label, due_date as "dueDate" from reporting_periods
        where program_id = ${programId} and year = ${year} order by due_date desc, label`,
  );
  const units = [...figures].map(([unitId, f]) => {
    const s = scoreUnit(config, f);
    return {
      unitId,
      unitName: names.get(unitId) ?? unitId,
      score: s.score,
      rating: s.rating,
      figures: f,
      criteria: CRITERIA.map((key) => ({
        key,
        rate: s.criteria[key].rate,
        share: s.criteria[key].share,
        points: s.criteria[key].points,
      })),
    };
  });
  return {
    program,
    year,
    asOf: w.asOf,
    criteria: CRITERIA.map((key) => ({ key, ...config.criteria[key] })),
    ratings: config.ratings,
    periods,
    units: rankByScore(
      units,
      (u) => u.score,
      (u) => u.unitName,
    ),
  };
}

/** The year asked for, or the current one (Vietnam time). */
export function reviewYear(deps: Deps, q: ReviewQuery): number {
  return q.year ?? Number(vnDate(now(deps)).slice(0, 4));
}

export async function annualReview(
  deps: Deps,
  ctx: Ctx,
  programId: string,
  q: ReviewQuery,
): Promise<AnnualReview> {
  authorize(ctx, 'review.read');
  return buildReview(deps.db, programId, reviewYear(deps, q), now(deps));
}
