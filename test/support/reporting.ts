/**
 * A small program in implementation for reporting tests: three tasks, Sở Tư pháp leads A (with Sở Nội
 * vụ cooperating) and C, Sở Nội vụ leads B.
 */
import { startTestApp, type Client, type TestApp } from './app.js';
import type { DbKind } from './db.js';
import { findUnitByCode } from '../../src/db/queries/units.js';
import type { TaskList } from '../../src/contract/tasks.js';
import type { PeriodDetail } from '../../src/contract/periods.js';
import { emptyEntry, type ReportProduct } from '../../src/domain/reporting/report.js';

export const REPORT_PLAN = `KẾ HOẠCH
Thử nghiệm chu trình báo cáo

Hà Nội, ngày 15 tháng 01 năm 2026

I. NHIỆM VỤ

1. Công tác pháp luật

- Rà soát văn bản quy phạm pháp luật của Thành phố.

- Tổ chức hội nghị tập huấn cho cán bộ cấp xã.

2. Công tác cán bộ

- Kiện toàn đội ngũ cán bộ làm công tác pháp chế.
`;

export interface ReportingFixture {
  programId: string;
  a: string;
  b: string;
  c: string;
  stp: string;
  snv: string;
}

export async function reportingProgram(t: TestApp, monitor: Client): Promise<ReportingFixture> {
  const stp = (await findUnitByCode(t.deps.db, 'SO-TU-PHAP'))!.id;
  const snv = (await findUnitByCode(t.deps.db, 'SO-NOI-VU'))!.id;
  const d = await monitor.post<{ id: string; version: number }>('/api/imports', { text: REPORT_PLAN });
  const programId = (
    await monitor.post<{ programId: string }>(`/api/imports/${d.body.id}/publish`, {
      version: d.body.version,
    })
  ).body.programId;
  const tasks = (await monitor.get<{ items: { nodeId: string }[] }>(`/api/programs/${programId}/tasks`)).body
    .items;
  const [a, c, b] = [tasks[0]!.nodeId, tasks[1]!.nodeId, tasks[2]!.nodeId];
  const put = async (nodeId: string, lead: string, coop: string[], date: string) => {
    const r = await monitor.request('PUT', `/api/tasks/${nodeId}/assignment`, {
      version: 1,
      leadUnitId: lead,
      cooperatingUnitIds: coop,
      focal: null,
      deadline: { kind: 'date', date },
      products: [],
    });
    if (r.status !== 200) throw new Error(`assign: ${r.status} ${r.text}`);
  };
  await put(a, stp, [snv], '2026-06-30');
  await put(c, stp, [], '2026-12-31');
  await put(b, snv, [], '2026-03-31');
  const r = await monitor.post(`/api/programs/${programId}/implement`, { plansDueDate: '2026-02-15' });
  if (r.status !== 200) throw new Error(`implement: ${r.status} ${r.text}`);
  return { programId, a, b, c, stp, snv };
}

/** A minimal valid PDF. */
export const PDF_BYTES = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/**
 * Brings the seed program to implementation as a monitor would: accepts the document's suggestions,
 * gives the tasks without a deadline one (31/12/2026), sets the monitoring unit, and puts it into
 * "Triển khai". Returns the program id.
 */
export async function implementSeedProgram(monitor: Client): Promise<string> {
  const programs = (
    await monitor.get<{ items: { id: string; status: string; number: string | null }[] }>('/api/programs')
  ).body.items;
  const seed = programs.find((p) => p.number?.includes('CTr/TU')) ?? programs.at(-1)!;
  if (seed.status === 'implementing') return seed.id;
  const s = await monitor.get<{ tasks: { nodeId: string }[] }>(`/api/programs/${seed.id}/suggestions`);
  const acc = await monitor.post(`/api/programs/${seed.id}/suggestions/accept`, {
    nodeIds: s.body.tasks.map((x) => x.nodeId),
    parts: ['lead', 'cooperating', 'deadline'],
    monitoring: true,
  });
  if (acc.status !== 200) throw new Error(`accept: ${acc.status} ${acc.text}`);
  const tasks = (await monitor.get<TaskList>(`/api/programs/${seed.id}/tasks`)).body.items;
  for (const x of tasks.filter((t) => !t.deadline)) {
    const r = await monitor.request('PUT', `/api/tasks/${x.nodeId}/assignment`, {
      version: x.version,
      leadUnitId: x.leadUnitId,
      cooperatingUnitIds: x.cooperatingUnitIds,
      focal: x.focal,
      deadline: { kind: 'date', date: '2026-12-31' },
      products: x.products,
    });
    if (r.status !== 200) throw new Error(`assign ${x.nodeId}: ${r.status} ${r.text}`);
  }
  const r = await monitor.post(`/api/programs/${seed.id}/implement`, {});
  if (r.status !== 200) throw new Error(`implement: ${r.status} ${r.text}`);
  return seed.id;
}

/** A report entry: the empty entry with the given fields. */
export const entry = (o: Record<string, unknown>) => ({ ...emptyEntry(), ...o });

/**
 * Sở Tư pháp's report on the fixture program: task A in progress (40 %) with an obstacle, task C done
 * with the given products and a proposal.
 */
export function stpReportContent(f: ReportingFixture, products: ReportProduct[]) {
  return {
    general: { nextSteps: 'Hoàn thành rà soát trong quý I/2027.' },
    entries: {
      [f.a]: entry({
        status: 'in_progress',
        percent: 40,
        results: 'Đã rà soát 120 văn bản.',
        obstacles: 'Thiếu kinh phí thuê chuyên gia.',
      }),
      [f.c]: entry({
        status: 'done',
        results: 'Tổ chức 3 hội nghị tập huấn cho 600 cán bộ.',
        products,
        proposals: 'Đề nghị bố trí kinh phí tập huấn hằng năm.',
      }),
    },
  };
}

/**
 * Opens the fixture program's 2026 annual period (with the given extra fields, e.g. a due date and a
 * reminder schedule) and returns its id and each unit's obligation.
 */
export async function openAnnualPeriod(
  monitor: Client,
  f: ReportingFixture,
  extra: Record<string, unknown> = {},
): Promise<{ periodId: string; obligationOf(unitId: string): string }> {
  const p = await monitor.post<{ id: string }>(`/api/programs/${f.programId}/periods`, {
    kind: 'yearly',
    year: 2026,
    ...extra,
  });
  if (p.status !== 201) throw new Error(`open period: ${p.status} ${p.text}`);
  const rows = (await monitor.get<PeriodDetail>(`/api/periods/${p.body.id}`)).body.rows;
  return {
    periodId: p.body.id,
    obligationOf: (unitId) => rows.find((r) => r.unitId === unitId)!.obligationId,
  };
}

/** A unit saves `content` as its draft and submits it, and the monitor accepts it. */
export async function submitAccepted(
  unit: Client,
  monitor: Client,
  obligation: string,
  content: Record<string, unknown>,
): Promise<void> {
  const rep = (await unit.get<{ version: number }>(`/api/reports/${obligation}`)).body;
  const steps = [
    () => unit.request('PUT', `/api/reports/${obligation}/draft`, { version: rep.version, content }),
    () => unit.post(`/api/reports/${obligation}/submit`, { idempotencyKey: `k-${obligation}` }),
    () => monitor.post(`/api/reports/${obligation}/review`, { decision: 'accept' }),
  ];
  for (const step of steps) {
    const r = await step();
    if (r.status !== 200) throw new Error(`submit and accept: ${r.status} ${r.text}`);
  }
}

export interface ReportingApp {
  t: TestApp;
  monitor: Client;
  stpUser: Client;
  snvUser: Client;
  f: ReportingFixture;
  periodId: string;
  obligationOf(unitId: string): string;
}

/**
 * A test app on 27/11/2026 (the injectable clock) with the fixture program, its open 2026 annual
 * period, a monitor of the Ban Nội chính and users of Sở Tư pháp and Sở Nội vụ; `opts` go to
 * `startTestApp` (e.g. the web app's folder for a browser test).
 */
export async function startReportingApp(
  kind: DbKind,
  opts: Parameters<typeof startTestApp>[1] = {},
): Promise<ReportingApp> {
  const t = await startTestApp(kind, opts);
  const clock = new Date('2026-11-27T03:00:00Z');
  t.deps.clock = () => clock;
  const monitor = await t.loginAs('monitor', { unitCode: 'BNC-TU' });
  const stpUser = await t.loginAs('unit', { unitCode: 'SO-TU-PHAP' });
  const snvUser = await t.loginAs('unit', { unitCode: 'SO-NOI-VU' });
  const f = await reportingProgram(t, monitor);
  const period = await openAnnualPeriod(monitor, f);
  return { t, monitor, stpUser, snvUser, f, ...period };
}
