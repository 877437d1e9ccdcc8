/**
 * A synthetic national-scale plan — 1,000 units, 5,000 tasks, 20,000 assignments (task × unit) — to
 * time the "5 rõ" program meter and the coverage matrix through the services, beside raw SQL that
 * computes the same numbers, as a ratio. Usage: npx tsx bench/plan.ts (also part of `npm run bench`).
 */
import { sql } from 'drizzle-orm';
import { openDatabase, rows, type Database } from '../src/db/connection.js';
import { programNodes, programs, taskAssignments, taskLinks, taskUnits, units } from '../src/db/schema.js';
import { systemCtx } from '../src/features/context.js';
import { programMeter } from '../src/features/tasks/tasks.service.js';
import { programCoverage } from '../src/features/plans/plans.service.js';

const UNITS = 1000;
const TASKS = 5000;
const GROUPS = 50;
const COOP_PER_TASK = 3; // 5,000 leads + 15,000 cooperating = 20,000 assignments
/** Programs written here, not imported: no document metadata. */
const NO_META = { program: null, signer: null, recipients: [], warnings: [] };
type NodeRow = typeof programNodes.$inferInsert;

async function chunked<T>(items: T[], size: number, f: (part: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await f(items.slice(i, i + size));
}

export async function seed(database: Database): Promise<string> {
  const db = database.db;
  const unitRows = await db
    .insert(units)
    .values(
      Array.from({ length: UNITS }, (_, i) => ({
        code: `B-${i}`,
        name: `Đơn vị ${i}`,
        kind: 'department',
        searchText: `don vi ${i}`,
      })),
    )
    .returning({ id: units.id });
  const [p] = await db
    .insert(programs)
    .values({
      title: 'Kế hoạch quốc gia (tổng hợp)',
      meta: NO_META,
      source: '',
      searchText: 'ke hoach',
      plansDueDate: '2026-01-31',
    })
    .returning();
  const [section] = await db
    .insert(programNodes)
    .values({
      programId: p!.id,
      position: 0,
      kind: 'section',
      marker: 'II',
      label: 'II',
      title: 'NHIỆM VỤ',
      text: 'NHIỆM VỤ',
      spanStart: 0,
      spanEnd: 0,
      searchText: '',
    })
    .returning();
  const groups = await db
    .insert(programNodes)
    .values(
      Array.from({ length: GROUPS }, (_, g): NodeRow => ({
        programId: p!.id,
        parentId: section!.id,
        position: 1 + g * (TASKS / GROUPS + 1),
        kind: 'group',
        marker: String(g + 1),
        label: `II.${g + 1}`,
        title: `Nhóm ${g + 1}`,
        text: `Nhóm nhiệm vụ ${g + 1}`,
        spanStart: 0,
        spanEnd: 0,
        searchText: '',
      })),
    )
    .returning({ id: programNodes.id });
  const taskValues = Array.from({ length: TASKS }, (_, i): NodeRow => {
    const g = i % GROUPS;
    const k = Math.floor(i / GROUPS);
    return {
      programId: p!.id,
      parentId: groups[g]!.id,
      position: 2 + g * (TASKS / GROUPS + 1) + k,
      kind: 'bullet',
      marker: '-',
      label: `II.${g + 1}.${k + 1}`,
      title: `Nhiệm vụ ${i}`,
      text: `Triển khai nhiệm vụ số ${i} của kế hoạch quốc gia`,
      spanStart: 0,
      spanEnd: 0,
      isTask: true,
      searchText: '',
    };
  });
  const taskIds: string[] = [];
  await chunked(taskValues, 1000, async (part) => {
    const r = await db.insert(programNodes).values(part).returning({ id: programNodes.id });
    taskIds.push(...r.map((x) => x.id));
  });
  await chunked(taskIds, 1000, (part) =>
    db.insert(taskAssignments).values(
      part.map((id, j) => ({
        nodeId: id,
        programId: p!.id,
        ...(j % 2 ? { deadline: { kind: 'date' as const, date: '2027-12-31' }, dueDate: '2027-12-31' } : {}),
      })),
    ),
  );
  const roles = taskIds.flatMap((id, i) => [
    { nodeId: id, programId: p!.id, unitId: unitRows[i % UNITS]!.id, role: 'lead' },
    ...Array.from({ length: COOP_PER_TASK }, (_, c) => ({
      nodeId: id,
      programId: p!.id,
      unitId: unitRows[(i + 1 + c * 7) % UNITS]!.id,
      role: 'cooperating',
    })),
  ]);
  await chunked(roles, 2000, (part) => db.insert(taskUnits).values(part));
  // Half of the units have a plan with one item covering their first led task.
  for (let u = 0; u < UNITS; u += 2) {
    const [plan] = await db
      .insert(programs)
      .values({
        title: `Kế hoạch ${u}`,
        meta: NO_META,
        source: '',
        searchText: '',
        parentProgramId: p!.id,
        ownerUnitId: unitRows[u]!.id,
      })
      .returning({ id: programs.id });
    const [item] = await db
      .insert(programNodes)
      .values({
        programId: plan!.id,
        position: 0,
        kind: 'bullet',
        marker: '-',
        label: 'I.1',
        title: 'x',
        text: 'x',
        spanStart: 0,
        spanEnd: 0,
        isTask: true,
        searchText: '',
      })
      .returning({ id: programNodes.id });
    await db
      .insert(taskLinks)
      .values({ nodeId: item!.id, parentNodeId: taskIds[u]!, programId: plan!.id, parentProgramId: p!.id });
  }
  return p!.id;
}

async function time<T>(f: () => Promise<T>, runs = 3): Promise<{ ms: number; value: T }> {
  let value = await f();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) value = await f();
  return { ms: (performance.now() - t0) / runs, value };
}

export async function benchPlan(label: string, database: Database) {
  const t0 = performance.now();
  const programId = await seed(database);
  console.log(
    `   ${label}: seeded ${UNITS} units, ${TASKS} tasks, ${TASKS * (1 + COOP_PER_TASK)} assignments in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const deps = { db: database.db, config: { sessionTtlHours: 12 } };
  const ctx = systemCtx('bench');
  const meter = await time(() => programMeter(deps, ctx, programId));
  const rawMeter = await time(() =>
    rows(
      database.db,
      sql`select count(*) as tasks,
                 count(*) filter (where exists (select 1 from task_units u where u.node_id = n.id and u.role = 'lead')) as nguoi,
                 count(*) filter (where a.deadline is not null) as tien_do
          from program_nodes n left join task_assignments a on a.node_id = n.id
          where n.program_id = ${programId} and n.is_task`,
    ),
  );
  const coverage = await time(() => programCoverage(deps, ctx, programId));
  const rawCoverage = await time(() =>
    rows(
      database.db,
      sql`select u.node_id, u.unit_id, u.role, exists (
            select 1 from task_links l join programs pl on pl.id = l.program_id
            where l.parent_node_id = u.node_id and pl.owner_unit_id = u.unit_id) as covered
          from task_units u where u.program_id = ${programId}`,
    ),
  );
  const m = meter.value.program;
  const raw = rawMeter.value[0] as { nguoi: string; tien_do: string };
  if (m.clear.nguoi !== Number(raw.nguoi) || m.clear.tienDo !== Number(raw.tien_do))
    throw new Error('meter and raw SQL disagree');
  const covered = coverage.value.rows.reduce(
    (n, r) => n + Object.values(r.cells).filter((c) => c.covered).length,
    0,
  );
  const rawCovered = (rawCoverage.value as { covered: boolean }[]).filter((r) => r.covered).length;
  if (covered !== rawCovered) throw new Error(`coverage and raw SQL disagree: ${covered} vs ${rawCovered}`);
  console.log(
    `     "5 rõ" meter: ${meter.ms.toFixed(0)} ms (raw SQL ${rawMeter.ms.toFixed(0)} ms, ratio ${(meter.ms / rawMeter.ms).toFixed(1)})`,
  );
  console.log(
    `     coverage matrix: ${coverage.ms.toFixed(0)} ms (raw SQL ${rawCoverage.ms.toFixed(0)} ms, ratio ${(coverage.ms / rawCoverage.ms).toFixed(1)}); ${coverage.value.rows.length} rows × ${coverage.value.units.length} units, ${covered} covered cells`,
  );
}

/** Runs the national-scale bench on PGlite, and on PostgreSQL when BENCH_DATABASE_URL is set. */
export async function benchPlanAll() {
  console.log('5. National-scale plan (1,000 units, 5,000 tasks, 20,000 assignments)');
  const d = await openDatabase({ dataDir: 'memory://' });
  await benchPlan('PGlite', d);
  await d.close();
  if (process.env.BENCH_DATABASE_URL) {
    const p = await openDatabase({ databaseUrl: process.env.BENCH_DATABASE_URL });
    await benchPlan('PostgreSQL', p);
    await p.close();
  }
}

if (process.argv[1]?.endsWith('plan.ts')) await benchPlanAll();
