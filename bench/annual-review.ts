/**
 * The annual review at national scale: 1,000 units, 5,000 tasks, 4 quarterly periods with every report
 * filed and accepted (bench/reporting.ts), 2,000 obstacles, 2,000 recommendations of 20 issued
 * conclusions, 500 directions to 4 units each — generated straight into PGlite and PostgreSQL. Times
 * the service's review of the program-year (every unit's figures, scores, ranking) beside one
 * aggregate SQL query computing the same figures, checks that they agree, and prints the ratio; then
 * the .xlsx and .docx exports. Usage: npx tsx bench/annual-review.ts (also `npm run bench`, or
 * `npm run bench -- --only review`).
 */
import { sql } from 'drizzle-orm';
import { rows, type Database } from '../src/db/connection.js';
import {
  directionUnits,
  directions,
  inspectionConclusions,
  inspectionPlans,
  recommendations,
  users,
} from '../src/db/schema.js';
import { emptyFigures, type UnitFigures } from '../src/domain/review/scoring.js';
import { reportingRules } from '../src/features/reporting-rules.js';
import { buildReview, reviewWindow } from '../src/features/review/review.service.js';
import { reviewDocx, reviewXlsx } from '../src/features/review/review.export.js';
import { seed } from './plan.js';
import { fileReports, onBothDatabases } from './reporting.js';

const YEAR = 2026;
const AT = new Date('2026-12-20T03:00:00Z');
const RECOMMENDATIONS = 2000;
const CONCLUSIONS = 20;
const DIRECTIONS = 500;
const UNITS_A_DIRECTION = 4;

async function chunked<T>(items: T[], size: number, f: (part: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await f(items.slice(i, i + size));
}

async function time<T>(f: () => Promise<T>, runs = 3): Promise<{ ms: number; value: T }> {
  let value = await f();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) value = await f();
  return { ms: (performance.now() - t0) / runs, value };
}

const day = (n: number) => new Date(Date.UTC(YEAR, 0, 1 + n)).toISOString().slice(0, 10);

/** Obstacles, recommendations and directions over the seeded program. */
async function supervise(database: Database, programId: string) {
  const db = database.db;
  // Reports sent on their deadline, one in eight late; obstacles from one report in two.
  await db.execute(sql`update report_obligations set first_submitted_at = submitted_at,
    late = (abs(hashtext(id::text)) % 8 = 0) where program_id = ${programId}`);
  await db.execute(sql`
    insert into obstacles (program_id, period_id, obligation_id, unit_id, kind, text, status, raised_at, closed_at)
    select o.program_id, o.period_id, o.id, o.unit_id, 'obstacle', 'Thiếu kinh phí và nhân lực.',
           case when x.n % 3 = 0 then 'closed' else 'open' end, o.submitted_at,
           case when x.n % 3 = 0 then o.submitted_at + interval '20 days' end
    from (select id, row_number() over (order by id) as n from report_obligations where program_id = ${programId}) x
    join report_obligations o on o.id = x.id
    where x.n % 2 = 0`);
  const unitIds = (
    await rows<{ id: string }>(db, sql`select id from units where code like 'B-%' order by code`)
  ).map((u) => u.id);
  const nodeIds = (
    await rows<{ id: string }>(
      db,
      sql`select id from program_nodes where program_id = ${programId} and is_task`,
    )
  ).map((n) => n.id);
  const [leader] = await db
    .insert(users)
    .values({ username: 'bench-lanhdao', fullName: 'Lãnh đạo', role: 'leader', passwordHash: 'x' })
    .returning({ id: users.id });
  for (let c = 0; c < CONCLUSIONS; c++) {
    const [plan] = await db
      .insert(inspectionPlans)
      .values({
        bodyUnitId: unitIds[c]!,
        kind: 'party_inspection',
        title: `Kiểm tra đợt ${c + 1}`,
        year: YEAR,
        programId: c % 4 === 3 ? null : programId,
        status: 'active',
      })
      .returning({ id: inspectionPlans.id });
    const issuedOn = day(30 + c * 10);
    const [con] = await db
      .insert(inspectionConclusions)
      .values({ planId: plan!.id, status: 'issued', number: `${c + 1}-TB/UBKT`, issuedOn })
      .returning({ id: inspectionConclusions.id });
    const per = RECOMMENDATIONS / CONCLUSIONS;
    await db.insert(recommendations).values(
      Array.from({ length: per }, (_, k) => {
        const i = c * per + k;
        const closed = i % 5 < 2;
        return {
          conclusionId: con!.id,
          planId: plan!.id,
          seq: k + 1,
          responsibleUnitId: unitIds[(i * 7) % unitIds.length]!,
          // Plans on no program count through a task of the program.
          nodeId: c % 4 === 3 ? nodeIds[i % nodeIds.length]! : null,
          text: 'Khắc phục hạn chế',
          dueDate: day(60 + (i % 300)),
          status: closed ? ('closed' as const) : i % 5 === 2 ? ('submitted' as const) : ('open' as const),
          closedAt: closed ? new Date(Date.UTC(YEAR, 0, 70 + (i % 280))) : null,
        };
      }),
    );
  }
  const dirs = await db
    .insert(directions)
    .values(
      Array.from({ length: DIRECTIONS }, (_, i) => ({
        targetType: 'program' as const,
        targetId: programId,
        programId,
        text: 'Đề nghị khẩn trương hoàn thành.',
        requiresAction: i % 10 !== 0,
        dueDate: i % 10 !== 0 ? day(20 + (i % 340)) : null,
        leaderId: leader!.id,
      })),
    )
    .returning({ id: directions.id, dueDate: directions.dueDate });
  const du = dirs.flatMap((d, i) =>
    Array.from({ length: UNITS_A_DIRECTION }, (_, k) => {
      const j = i * UNITS_A_DIRECTION + k;
      const answered = d.dueDate && j % 3 !== 0;
      const offset = (j % 7) - 4; // days from the deadline: some before, some after
      return {
        directionId: d.id,
        unitId: unitIds[(j * 13) % unitIds.length]!,
        status: !d.dueDate ? ('info' as const) : answered ? ('answered' as const) : ('open' as const),
        answer: answered ? 'Đã thực hiện.' : null,
        answeredAt: answered ? new Date(Date.parse(`${d.dueDate}T02:00:00Z`) + offset * 86_400_000) : null,
      };
    }),
  );
  await chunked(du, 1000, (part) => db.insert(directionUnits).values(part));
}

/** The same figures as the service, in one aggregate query. */
function rawReview(database: Database, programId: string) {
  const w = reviewWindow(YEAR, AT);
  const excluded = Object.entries(reportingRules().statuses)
    .filter(([, s]) => s.excludedFromRollup)
    .map(([k]) => k);
  const notExcluded = excluded.length
    ? sql`t.status not in (${sql.join(
        excluded.map((s) => sql`${s}`),
        sql`, `,
      )})`
    : sql`true`;
  const closedBy = (t: string) =>
    sql`(r.status = 'closed' and coalesce(r.closed_at, ${w.yearStart}::timestamptz) < ${t}::timestamptz)`;
  return rows<Record<string, string | number>>(
    database.db,
    sql`with t as (
      select tu.unit_id, tu.role, coalesce(tp.status, 'not_started') as status, tp.completed_on as c,
             coalesce(b.due, ta.due_date) as due
      from task_units tu
      join program_nodes n on n.id = tu.node_id and n.is_task
      left join task_progress tp on tp.node_id = tu.node_id
      left join task_assignments ta on ta.node_id = tu.node_id
      left join (select e.key as node_id, e.value ->> 'dueDate' as due
                   from program_baselines pb cross join lateral jsonb_each(pb.snapshot) e
                   where pb.program_id = ${programId}) b on b.node_id = tu.node_id::text
      where tu.program_id = ${programId}),
    tj as (
      select t.unit_id, t.role, t.due, t.c,
        (t.status = 'done' and not coalesce(t.c > ${w.yearEndDay}, false)) as done_in_year,
        (t.role = 'lead' and t.due is not null and ${notExcluded} and t.due <= ${w.yearEndDay}
          and not (t.due < ${w.yearStartDay} and t.status = 'done' and not coalesce(t.c >= ${w.yearStartDay}, false))) as counted
      from t),
    ts as (
      select unit_id,
        count(*) filter (where role = 'lead') as "tasksLed",
        count(*) filter (where role <> 'lead') as "tasksCooperated",
        count(*) filter (where counted and done_in_year and coalesce(c <= due, false)) as "doneOnTime",
        count(*) filter (where counted and done_in_year and not coalesce(c <= due, false)) as "doneLate",
        count(*) filter (where counted and not done_in_year and ${w.asOf} > due) as overdue,
        count(*) filter (where counted and not done_in_year and ${w.asOf} <= due) as "notDue"
      from tj group by unit_id),
    latest as (
      select distinct on (rv.obligation_id) ro.unit_id, rv.content -> 'entries' as entries
      from report_versions rv
      join report_obligations ro on ro.id = rv.obligation_id
      join reporting_periods rp on rp.id = ro.period_id
      where rp.program_id = ${programId} and rp.year = ${YEAR} and rv.review = 'accepted'
      order by rv.obligation_id, rv.number desc),
    pr as (
      select l.unit_id, count(distinct case when p ->> 'number' <> '' then 'n:' || (p ->> 'number')
                                            else 'd:' || (p ->> 'description') end) as products
      from latest l
      cross join lateral jsonb_each(coalesce(l.entries, '{}'::jsonb)) e
      cross join lateral jsonb_array_elements(coalesce(e.value -> 'products', '[]'::jsonb)) p
      group by l.unit_id),
    rp as (
      select ro.unit_id,
        count(*) filter (where ro.first_submitted_at is not null or rp.due_date < ${w.asOf}) as "reportsDue",
        count(*) filter (where ro.first_submitted_at is not null and not ro.late) as "reportsOnTime"
      from report_obligations ro join reporting_periods rp on rp.id = ro.period_id
      where rp.program_id = ${programId} and rp.year = ${YEAR} group by ro.unit_id),
    ob as (
      select o.unit_id, count(*) as "obstaclesRaised",
        count(*) filter (where o.status = 'closed' and o.closed_at < ${w.asOfEnd}::timestamptz) as "obstaclesResolved"
      from obstacles o
      where o.program_id = ${programId} and o.kind = 'obstacle'
        and o.raised_at >= ${w.yearStart}::timestamptz and o.raised_at < ${w.yearEnd}::timestamptz
      group by o.unit_id),
    rc as (
      select r.responsible_unit_id as unit_id, count(*) as "recommendationsReceived",
        count(*) filter (where ${closedBy(w.asOfEnd)}) as "recommendationsClosed",
        count(*) filter (where not ${closedBy(w.asOfEnd)} and r.due_date < ${w.asOf}) as "recommendationsOverdue"
      from recommendations r
      join inspection_conclusions c on c.id = r.conclusion_id
      join inspection_plans p on p.id = r.plan_id
      left join program_nodes n on n.id = r.node_id
      where c.status = 'issued' and (c.issued_on is null or c.issued_on <= ${w.yearEndDay})
        and (p.program_id = ${programId} or n.program_id = ${programId})
        and not (r.status = 'closed' and coalesce(r.closed_at, ${w.yearStart}::timestamptz) < ${w.yearStart}::timestamptz)
      group by r.responsible_unit_id),
    dr as (
      select du.unit_id, count(*) as "directionsReceived",
        count(*) filter (where du.answered_at is not null or d.due_date < ${w.asOf}) as "directionsDue",
        count(*) filter (where du.answered_at is not null and
          to_char((du.answered_at at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD') <= d.due_date) as "directionsOnTime"
      from direction_units du join directions d on d.id = du.direction_id
      where d.program_id = ${programId} and d.requires_action
        and d.due_date >= ${w.yearStartDay} and d.due_date <= ${w.yearEndDay}
      group by du.unit_id),
    u as (select unit_id from ts union select unit_id from pr union select unit_id from rp
          union select unit_id from ob union select unit_id from rc union select unit_id from dr)
    select u.unit_id as "unitId", ts.*, pr.products, rp.*, ob.*, rc.*, dr.*
    from u left join ts using (unit_id) left join pr using (unit_id) left join rp using (unit_id)
      left join ob using (unit_id) left join rc using (unit_id) left join dr using (unit_id)`,
  );
}

const COUNTED = [
  'tasksLed',
  'tasksCooperated',
  'doneOnTime',
  'doneLate',
  'overdue',
  'notDue',
  'products',
  'reportsDue',
  'reportsOnTime',
  'obstaclesRaised',
  'obstaclesResolved',
  'recommendationsReceived',
  'recommendationsClosed',
  'recommendationsOverdue',
  'directionsReceived',
  'directionsDue',
  'directionsOnTime',
] as const satisfies readonly (keyof UnitFigures)[];

export async function benchAnnualReview(label: string, database: Database) {
  const t0 = performance.now();
  const programId = await seed(database);
  await fileReports(database, programId);
  await supervise(database, programId);
  console.log(
    `   ${label}: seeded 1,000 units, 5,000 tasks, 4 periods with every report accepted, 2,000 obstacles, ${RECOMMENDATIONS} recommendations, ${DIRECTIONS * UNITS_A_DIRECTION} direction follow-ups in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const service = await time(() => buildReview(database.db, programId, YEAR, AT));
  const raw = await time(() => rawReview(database, programId));
  // The same numbers, unit by unit.
  const byUnit = new Map(service.value.units.map((u) => [u.unitId, u.figures]));
  let checked = 0;
  for (const r of raw.value) {
    const f = byUnit.get(String(r.unitId)) ?? emptyFigures();
    for (const k of COUNTED) {
      const v = Number(r[k] ?? 0);
      if (f[k] !== v) throw new Error(`review and raw SQL disagree on ${k} of ${r.unitId}: ${f[k]} ≠ ${v}`);
      checked++;
    }
  }
  const sum = (k: (typeof COUNTED)[number]) => service.value.units.reduce((a, u) => a + u.figures[k], 0);
  const ranked = service.value.units.filter((u) => u.rank !== null).length;
  console.log(
    `     review of the program-year (figures, scores, ranking): ${service.ms.toFixed(0)} ms (one aggregate SQL query ${raw.ms.toFixed(0)} ms, ratio ${(service.ms / raw.ms).toFixed(1)}); ${service.value.units.length} units, ${ranked} ranked; ${checked} figures agree`,
  );
  console.log(
    `     totals: ${sum('doneOnTime')} done on time, ${sum('doneLate')} late, ${sum('overdue')} overdue, ${sum('products')} products, ${sum('reportsOnTime')}/${sum('reportsDue')} reports on time, ${sum('recommendationsClosed')}/${sum('recommendationsReceived')} recommendations closed, ${sum('directionsOnTime')}/${sum('directionsDue')} directions on time`,
  );
  const xlsx = await time(() => reviewXlsx(service.value), 1);
  const docx = await time(() => reviewDocx(database.db, service.value), 1);
  console.log(
    `     .xlsx: ${xlsx.ms.toFixed(0)} ms, ${(xlsx.value.length / 1024).toFixed(0)} KB; .docx with a table per unit: ${docx.ms.toFixed(0)} ms, ${(docx.value.length / 1024).toFixed(0)} KB`,
  );
}

export async function benchAnnualReviewAll() {
  console.log(
    '7. Annual review at national scale (1,000 units, 5,000 tasks, 4 periods, 2,000 recommendations, directions)',
  );
  await onBothDatabases('thucthi_bench_review', benchAnnualReview);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchAnnualReviewAll();
