/**
 * The start page's overview across programs (GET /api/home): what awaits the person signed in.
 * Staff (monitor, admin, leader, supervisor) see every unit's work; a unit user only its own unit's.
 */
import { sql } from 'drizzle-orm';
import { rows } from '../../db/connection.js';
import { vnDate } from '../../domain/reporting/report.js';
import type {
  HomeConsolidation,
  HomeOverview,
  HomePeriod,
  HomeReport,
  HomeTask,
} from '../../contract/home.js';
import type { ObligationStatus } from '../../contract/periods.js';
import { requireUser, seesAllUnits } from '../policy.js';
import type { Ctx } from '../context.js';
import { now, type Deps } from '../deps.js';

/** A unit's tasks are "due soon" within this many days. */
const DUE_SOON_DAYS = 14;
const LIST = 20;

const OUTSTANDING = sql`('not_started','drafting','returned')`;

const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

type ReportRow = Omit<HomeReport, 'submittedAt' | 'status'> & {
  status: string;
  submittedAt: Date | string | null;
};

const reportOf = (r: ReportRow): HomeReport => ({
  ...r,
  status: r.status as ObligationStatus,
  submittedAt: r.submittedAt === null ? null : new Date(r.submittedAt).toISOString(),
});

const REPORT_COLUMNS = sql`o.id, o.period_id as "periodId", p.label as "periodLabel", pr.title as "programTitle",
  o.unit_id as "unitId", u.name as "unitName", o.status, p.due_date as "dueDate", o.submitted_at as "submittedAt"`;
const REPORT_FROM = sql`report_obligations o
  join reporting_periods p on p.id = o.period_id
  join programs pr on pr.id = o.program_id
  join units u on u.id = o.unit_id`;

export async function homeOverview(deps: Deps, ctx: Ctx): Promise<HomeOverview> {
  const me = requireUser(ctx);
  const all = seesAllUnits(ctx);
  const unitId = all ? null : me.unitId;
  const today = vnDate(now(deps));
  const db = deps.db;
  /** Obligations of open periods this person sees. */
  const mine = unitId ? sql`and o.unit_id = ${unitId}` : all ? sql`` : sql`and false`;

  const periods = await rows<HomePeriod>(
    db,
    sql`select p.id, p.program_id as "programId", pr.title as "programTitle", p.label, p.due_date as "dueDate",
          count(o.id)::int as expected,
          (count(o.id) filter (where o.status in ('submitted','accepted')))::int as submitted,
          (count(o.id) filter (where o.status = 'submitted'))::int as waiting,
          (count(o.id) filter (where o.status in ${OUTSTANDING} and p.due_date < ${today}))::int as overdue
        from reporting_periods p
        join programs pr on pr.id = p.program_id
        join report_obligations o on o.period_id = p.id ${mine}
        where p.status = 'open'
        group by p.id, pr.title
        order by p.due_date, p.label`,
  );

  const reports = (
    await rows<ReportRow>(
      db,
      all
        ? sql`select ${REPORT_COLUMNS} from ${REPORT_FROM}
              where p.status = 'open' and o.status = 'submitted'
              order by o.submitted_at limit ${LIST}`
        : sql`select ${REPORT_COLUMNS} from ${REPORT_FROM}
              where p.status = 'open' ${mine}
              order by p.due_date, p.label limit ${LIST}`,
    )
  ).map(reportOf);

  const overdue = all
    ? (
        await rows<ReportRow>(
          db,
          sql`select ${REPORT_COLUMNS} from ${REPORT_FROM}
              where p.status = 'open' and o.status in ${OUTSTANDING} and p.due_date < ${today}
              order by p.due_date, u.name limit ${LIST}`,
        )
      ).map(reportOf)
    : [];

  const soon = addDays(today, DUE_SOON_DAYS);
  const tasks = unitId
    ? (
        await rows<Omit<HomeTask, 'overdue'>>(
          db,
          sql`select n.id as "nodeId", n.program_id as "programId", pr.title as "programTitle", n.label,
                n.text, tu.role, a.due_date as "dueDate"
              from task_units tu
              join program_nodes n on n.id = tu.node_id
              join programs pr on pr.id = tu.program_id
              join task_assignments a on a.node_id = tu.node_id
              left join task_progress tp on tp.node_id = tu.node_id
              where tu.unit_id = ${unitId} and a.due_date is not null and a.due_date <= ${soon}
                and coalesce(tp.status, '') <> 'done'
              order by a.due_date, n.label
              limit 200`,
        )
      ).map((t) => ({ ...t, overdue: t.dueDate < today }))
    : [];

  const [obs] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from obstacles o
        where o.status <> 'closed' ${unitId ? sql`and (o.unit_id = ${unitId} or o.handling_unit_id = ${unitId})` : all ? sql`` : sql`and false`}`,
  );

  const consolidations = all
    ? (
        await rows<Omit<HomeConsolidation, 'updatedAt'> & { updatedAt: Date | string }>(
          db,
          sql`select c.id, c.period_id as "periodId", p.label as "periodLabel", pr.title as "programTitle",
                c.status, c.updated_at as "updatedAt"
              from consolidated_reports c
              join reporting_periods p on p.id = c.period_id
              join programs pr on pr.id = c.program_id
              order by (c.status = 'sent') desc, c.updated_at desc limit ${LIST}`,
        )
      ).map((c) => ({ ...c, updatedAt: new Date(c.updatedAt).toISOString() }))
    : [];

  const sum = (k: 'expected' | 'submitted' | 'waiting' | 'overdue') => periods.reduce((n, p) => n + p[k], 0);
  const tasksOverdue = tasks.filter((t) => t.overdue).length;
  return {
    today,
    scope: all ? 'all' : 'unit',
    counts: {
      openPeriods: periods.length,
      expected: sum('expected'),
      submitted: sum('submitted'),
      waiting: sum('waiting'),
      overdue: sum('overdue'),
      openObstacles: obs?.n ?? 0,
      tasksOverdue,
      tasksDueSoon: tasks.length - tasksOverdue,
    },
    periods,
    reports,
    overdue,
    tasks: tasks.slice(0, LIST),
    dueSoonDays: DUE_SOON_DAYS,
    consolidations,
  };
}
