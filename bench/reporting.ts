/**
 * The reporting cycle at national scale: 1,000 units, 5,000 tasks, 4 quarterly periods, every unit's
 * report filed and accepted in each. Times the dashboard and the who-has-reported matrix through the
 * services beside raw SQL computing the same figures, the consolidation (draft + .docx + .xlsx), and
 * the reminder sweep's throughput. Usage: npx tsx bench/reporting.ts (also part of `npm run bench`).
 */
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, rows, type Database } from '../src/db/connection.js';
import {
  programBaselines,
  reportObligations,
  reportVersions,
  reportingPeriods,
  taskProgress,
  users,
} from '../src/db/schema.js';
import { systemCtx } from '../src/features/context.js';
import { periodWindow } from '../src/domain/reporting/periods.js';
import { reportingRules } from '../src/features/reporting-rules.js';
import { workingCalendar } from '../src/features/working-calendar.js';
import { carriedByUnit, getPeriod } from '../src/features/periods/periods.service.js';
import { dashboard } from '../src/features/dashboard/dashboard.service.js';
import {
  exportConsolidationDocx,
  exportConsolidationXlsx,
  generateConsolidation,
} from '../src/features/consolidation/consolidation.service.js';
import { sweepReminders } from '../src/jobs/reminder-sweep.js';
import type { ReportContent, ReportEntry } from '../src/domain/reporting/report.js';
import { seed } from './plan.js';

async function chunked<T>(items: T[], size: number, f: (part: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await f(items.slice(i, i + size));
}

async function time<T>(f: () => Promise<T>, runs = 3): Promise<{ ms: number; value: T }> {
  let value = await f();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) value = await f();
  return { ms: (performance.now() - t0) / runs, value };
}

const STATUSES = ['not_started', 'in_progress', 'in_progress', 'done'] as const;

export async function fileReports(database: Database, programId: string): Promise<string[]> {
  const db = database.db;
  const rules = reportingRules();
  await db.execute(
    sql`update programs set status = 'implementing', implemented_at = now() where id = ${programId}`,
  );
  const dues = await rows<{ node_id: string; due_date: string | null }>(
    db,
    sql`select node_id, due_date from task_assignments where program_id = ${programId}`,
  );
  await db.insert(programBaselines).values({
    programId,
    snapshot: Object.fromEntries(
      dues.map((d) => [
        d.node_id,
        {
          leadUnitId: null,
          cooperatingUnitIds: [],
          deadline: null,
          dueDate: d.due_date ?? '2026-09-30',
          products: [],
        },
      ]),
    ),
  });
  const carried = await carriedByUnit(db, programId);
  const periodIds: string[] = [];
  for (let q = 1; q <= 4; q++) {
    const w = periodWindow(rules, 'quarterly', 2026, q, workingCalendar());
    const [p] = await db
      .insert(reportingPeriods)
      .values({
        programId,
        kind: 'quarterly',
        year: 2026,
        index: q,
        label: w.label,
        cutoffStart: w.cutoffStart,
        cutoffEnd: w.cutoffEnd,
        dueDate: w.sendingDeadline,
        schedule: { before: [7, 3], onDay: true, everyDaysLate: 3, escalateAfterDaysLate: 7 },
        status: 'closed',
      })
      .returning();
    periodIds.push(p!.id);
    const obs = await db
      .insert(reportObligations)
      .values(
        [...carried].map(([unitId, tasks]) => ({
          periodId: p!.id,
          programId,
          unitId,
          tasks,
          status: 'accepted',
          currentVersion: 1,
          submittedAt: new Date(`${w.sendingDeadline}T01:00:00Z`),
        })),
      )
      .returning({ id: reportObligations.id, unitId: reportObligations.unitId });
    const versions = obs.map((o, i) => {
      const entries: Record<string, ReportEntry> = {};
      for (const t of carried.get(o.unitId)!) {
        const status = t.role === 'lead' ? STATUSES[(i + q) % STATUSES.length]! : null;
        entries[t.nodeId] = {
          status,
          percent: status === 'in_progress' ? 25 * q : null,
          results: `Kết quả quý ${q} của nhiệm vụ, đơn vị ${i}: đã tổ chức triển khai, ban hành văn bản hướng dẫn.`,
          products:
            status === 'done'
              ? [{ description: 'Báo cáo kết quả', number: `${i}/BC`, date: w.cutoffEnd, link: null }]
              : [],
          evidence: [],
          obstacles: i % 10 === 0 ? 'Thiếu kinh phí và nhân lực.' : '',
          proposals: '',
          reason: '',
          completedOn: status === 'done' ? w.cutoffEnd : null,
        };
      }
      const content: ReportContent = {
        general: { summary: '', obstacles: '', proposals: '', nextSteps: 'Tiếp tục triển khai.' },
        entries,
      };
      return {
        obligationId: o.id,
        periodId: p!.id,
        unitId: o.unitId,
        number: 1,
        content,
        idempotencyKey: `bench-${q}-${i}`,
        submittedAt: new Date(`${w.sendingDeadline}T01:00:00Z`),
        review: 'accepted',
      };
    });
    await chunked(versions, 200, (part) => db.insert(reportVersions).values(part));
  }
  // The last quarter's accepted lead statuses are the tasks' current progress.
  await db.execute(sql`
    insert into task_progress (node_id, program_id, status, percent, completed_on, period_id, version_id)
    select e.key::uuid, ${programId}::uuid, e.value->>'status', coalesce((e.value->>'percent')::int,
             case e.value->>'status' when 'done' then 100 when 'in_progress' then 50 else 0 end),
           e.value->>'completedOn', v.period_id, v.id
    from report_versions v cross join lateral jsonb_each(v.content->'entries') e
    where v.period_id = ${periodIds[3]!} and e.value->>'status' is not null`);
  void taskProgress;
  return periodIds;
}

export async function benchReporting(label: string, database: Database) {
  const t0 = performance.now();
  const programId = await seed(database);
  const periodIds = await fileReports(database, programId);
  const [n] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from report_versions`);
  console.log(
    `   ${label}: seeded 1,000 units, 5,000 tasks, 4 periods, ${n!.n} accepted reports in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const deps = {
    db: database.db,
    config: { sessionTtlHours: 12 },
    clock: () => new Date('2026-12-20T03:00:00Z'),
  };
  const ctx = systemCtx('bench');
  const last = periodIds[3]!;

  const dash = await time(() => dashboard(deps, ctx, last));
  const rawDash = await time(() =>
    rows(
      database.db,
      sql`with t as (
            select n.id, n.parent_id as group_id, u.unit_id,
                   coalesce(p.status, 'not_started') as status,
                   coalesce(p.percent, 0) as percent
            from program_nodes n
            left join task_units u on u.node_id = n.id and u.role = 'lead'
            left join task_progress p on p.node_id = n.id
            where n.program_id = ${programId} and n.is_task)
          select 'group' as k, group_id::text as id, avg(percent) as pct, count(*) filter (where status = 'done') as done from t group by group_id
          union all
          select 'unit', unit_id::text, avg(percent), count(*) filter (where status = 'done') from t group by unit_id`,
    ),
  );
  const groupsRaw = (rawDash.value as { k: string }[]).filter((r) => r.k === 'group').length;
  if (groupsRaw !== dash.value.byGroup.length) throw new Error('dashboard and raw SQL disagree on groups');
  console.log(
    `     dashboard (by group, by unit, overdue, not reported): ${dash.ms.toFixed(0)} ms (raw SQL ${rawDash.ms.toFixed(0)} ms, ratio ${(dash.ms / rawDash.ms).toFixed(1)}); ${dash.value.byUnit.length} units, ${dash.value.overdueTasks.length} overdue tasks`,
  );

  const matrix = await time(() => getPeriod(deps, ctx, last));
  const rawMatrix = await time(() =>
    rows(
      database.db,
      sql`select o.id, u.name, o.status, o.late, jsonb_array_length(o.tasks) as tasks
          from report_obligations o join units u on u.id = o.unit_id where o.period_id = ${last} order by u.name`,
    ),
  );
  if (rawMatrix.value.length !== matrix.value.rows.length) throw new Error('matrix and raw SQL disagree');
  console.log(
    `     who-has-reported matrix: ${matrix.ms.toFixed(0)} ms (raw SQL ${rawMatrix.ms.toFixed(0)} ms, ratio ${(matrix.ms / rawMatrix.ms).toFixed(1)}); ${matrix.value.rows.length} units`,
  );

  const draft = await time(() => generateConsolidation(deps, ctx, last), 1);
  const rawDraft = await time(
    () =>
      rows(
        database.db,
        sql`select v.unit_id, e.key, e.value->>'results' as results
            from report_versions v cross join lateral jsonb_each(v.content->'entries') e
            where v.period_id = ${last} and v.review = 'accepted'`,
      ),
    1,
  );
  const docx = await time(() => exportConsolidationDocx(deps, ctx, last), 1);
  const xlsx = await time(() => exportConsolidationXlsx(deps, ctx, last), 1);
  console.log(
    `     consolidation draft: ${draft.ms.toFixed(0)} ms (raw SQL reading the accepted entries ${rawDraft.ms.toFixed(0)} ms, ratio ${(draft.ms / rawDraft.ms).toFixed(1)}); ${draft.value.sections.reduce((a, s) => a + s.blocks.length, 0)} blocks`,
  );
  console.log(
    `     consolidated .docx with a 5,000-task annex: ${docx.ms.toFixed(0)} ms, ${(docx.value.buffer.length / 1024).toFixed(0)} KB; .xlsx annex: ${xlsx.ms.toFixed(0)} ms, ${(xlsx.value.buffer.length / 1024).toFixed(0)} KB`,
  );

  // Reminder sweep: an open ad hoc period whose deadline passed, every unit outstanding, each unit with a user.
  const unitIds = await rows<{ id: string }>(database.db, sql`select id from units`);
  await chunked(unitIds, 500, (part) =>
    database.db.insert(users).values(
      part.map((u, i) => ({
        username: `bench-${u.id.slice(0, 8)}-${i}`,
        fullName: 'Cán bộ đầu mối',
        email: `u${i}@example.vn`,
        role: 'unit',
        unitId: u.id,
        passwordHash: 'x',
      })),
    ),
  );
  const [adhoc] = await database.db
    .insert(reportingPeriods)
    .values({
      programId,
      kind: 'adhoc',
      year: 2026,
      index: 1,
      label: 'Chuyên đề',
      cutoffStart: '2026-11-01',
      cutoffEnd: '2026-11-30',
      dueDate: '2026-12-16',
      schedule: { before: [7, 3], onDay: true, everyDaysLate: 3, escalateAfterDaysLate: 7 },
    })
    .returning();
  const carried = await carriedByUnit(database.db, programId);
  await database.db
    .insert(reportObligations)
    .values([...carried].map(([unitId, tasks]) => ({ periodId: adhoc!.id, programId, unitId, tasks })));
  // Park the task-deadline reminders so the sweep measures period reminders only.
  await database.db.execute(sql`update programs set status = 'published' where id = ${programId}`);
  const s0 = performance.now();
  const r = await sweepReminders(deps, new Date('2026-12-20T03:00:00Z'));
  const ms = performance.now() - s0;
  console.log(
    `     reminder sweep: planned ${r.planned}, sent ${r.sent}, skipped ${r.skipped} as superseded in ${(ms / 1000).toFixed(1)} s — ${((r.sent + r.skipped) / (ms / 1000)).toFixed(0)} reminders/s (each: recipients, in-app notification, e-mail queued, audit event)`,
  );
}

/**
 * Runs `bench` on an in-memory PGlite, then (with BENCH_DATABASE_URL) on a fresh PostgreSQL database
 * made beside the given one and dropped afterwards.
 */
export async function onBothDatabases(
  prefix: string,
  bench: (label: string, database: Database) => Promise<void>,
): Promise<void> {
  const d = await openDatabase({ dataDir: 'memory://' });
  await bench('PGlite', d);
  await d.close();
  if (!process.env.BENCH_DATABASE_URL) return;
  const base = process.env.BENCH_DATABASE_URL;
  const name = `${prefix}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(base);
  u.pathname = `/${name}`;
  try {
    const p = await openDatabase({ databaseUrl: u.toString() });
    await bench('PostgreSQL', p);
    await p.close();
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

export async function benchReportingAll() {
  console.log(
    '6. Reporting at national scale (1,000 units, 5,000 tasks, 4 quarterly periods, every report filed)',
  );
  await onBothDatabases('thucthi_bench', benchReporting);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchReportingAll();
