/**
 * The response schemas drop nothing: every GET of programs, tasks, plans and imports answers exactly
 * what its service returns (fast-json-stringify silently leaves out a field its schema does not name).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../test/support/db.js';
import { taskTableDocx } from '../../../test/support/docx.js';
import { startTestApp, type Client, type TestApp } from '../../../test/support/app.js';
import { findUnitByCode } from '../../db/queries/units.js';
import { systemCtx } from '../context.js';
import { getProgram, listPrograms } from './programs.service.js';
import { getTask, listTasks, programMeter, programSuggestions } from '../tasks/tasks.service.js';
import { getPlan, listPlans, programCoverage, unitTasks } from '../plans/plans.service.js';
import { getImportDraft, listImportDrafts } from '../imports/imports.service.js';
import type { ImportDraft, PublishResult } from '../../contract/imports.js';
import type { ProgramList } from '../../contract/programs.js';
import type { TaskList } from '../../contract/tasks.js';
import type { PlanView } from '../../contract/plans.js';

const PLAN = `KẾ HOẠCH
Thử nghiệm hợp đồng API

Hà Nội, ngày 15 tháng 01 năm 2026

I. NHIỆM VỤ

1. Công tác pháp luật

- Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ rà soát văn bản trước ngày 30/6/2026.

- Tổ chức hội nghị tập huấn cho cán bộ cấp xã hằng quý.
`;

const tableDocx = () =>
  taskTableDocx([
    ['1', 'Xây dựng cơ sở dữ liệu', 'Sở Tư pháp', 'Sở Khoa học và Công nghệ', 'Quý III/2026', 'Dữ liệu'],
    ['2', 'Tập huấn cán bộ', 'Sở Nội vụ, Sở Tư pháp', '', 'Năm 2026', 'Hội nghị'],
  ]);

describe.each(DB_KINDS)('response schemas on %s', (kind) => {
  let t: TestApp;
  let monitor: Client;
  let stpUser: Client;
  const ctx = systemCtx('contract-test');
  const same = async (c: Client, url: string, direct: () => Promise<unknown>) => {
    const r = await c.get(url);
    expect(r.status, `${url} ${r.text}`).toBe(200);
    expect(r.body, url).toEqual(JSON.parse(JSON.stringify(await direct())));
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    monitor = await t.loginAs('monitor', { unitCode: 'BNC-TU' });
    stpUser = await t.loginAs('unit', { unitCode: 'SO-TU-PHAP' });
  });
  afterAll(async () => t?.close());

  it('keep every field the services return', async () => {
    const stp = (await findUnitByCode(t.deps.db, 'SO-TU-PHAP'))!.id;
    const seed = (await monitor.get<ProgramList>('/api/programs')).body.items[0]!.id;

    // A small program taken to implementation: focal person, products with a fractional target,
    // a recurrence, then an adjustment against the baseline.
    const d = await monitor.post<ImportDraft>('/api/imports', { text: PLAN });
    const pid = (await monitor.post<PublishResult>(`/api/imports/${d.body.id}/publish`, { version: 1 })).body
      .programId;
    const [a, b] = (await monitor.get<TaskList>(`/api/programs/${pid}/tasks`)).body.items;
    const assign = (nodeId: string, body: Record<string, unknown>) =>
      monitor.request('PUT', `/api/tasks/${nodeId}/assignment`, {
        version: 1,
        leadUnitId: stp,
        cooperatingUnitIds: [],
        focal: { userId: null, name: 'Nguyễn Văn A', position: 'Phó Giám đốc', phone: '0912 345 678' },
        products: [
          {
            kind: 'report',
            description: 'Báo cáo kết quả',
            dueDate: '2026-12-31',
            indicator: { name: 'Tỷ lệ văn bản được rà soát', target: 92.5, unit: '%' },
          },
          { kind: 'plan', description: 'Kế hoạch', dueDate: null },
        ],
        ...body,
      });
    expect((await assign(a!.nodeId, { deadline: { kind: 'date', date: '2026-06-30' } })).status).toBe(200);
    const rec = { kind: 'recurrence', recurrence: 'quarterly', firstDue: '2026-03-15' };
    expect((await assign(b!.nodeId, { deadline: rec })).status).toBe(200);
    expect(
      (await monitor.post(`/api/programs/${pid}/implement`, { plansDueDate: '2026-02-15' })).status,
    ).toBe(200);
    const adjusted = await assign(a!.nodeId, {
      version: 2,
      deadline: { kind: 'period', label: 'Quý III/2026', start: '2026-07-01', end: '2026-09-30' },
      reason: 'Điều chỉnh tiến độ',
    });
    expect(adjusted.status, adjusted.text).toBe(200);

    // A unit plan with an item, and a published .docx with table cells.
    const plan = await stpUser.post<PlanView>(`/api/programs/${pid}/plans`, { unitId: stp });
    expect(plan.status, plan.text).toBe(201);
    const item = await stpUser.post(`/api/plans/${plan.body.id}/items`, {
      text: 'Rà soát văn bản của Sở',
      parentNodeIds: [a!.nodeId],
      deadline: { kind: 'date', date: '2026-05-31' },
      person: 'Trần Thị B',
    });
    expect(item.status, item.text).toBe(201);
    const up = await monitor.request<ImportDraft>('POST', '/api/imports?filename=bang.docx', undefined, {
      raw: await tableDocx(),
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(up.status, up.text).toBe(201);
    const table = await monitor.post<PublishResult>(`/api/imports/${up.body.id}/publish`, { version: 1 });
    expect(table.status, table.text).toBe(200);

    await same(monitor, '/api/programs', () => listPrograms(t.deps, ctx));
    for (const id of [seed, pid, plan.body.id, table.body.programId]) {
      await same(monitor, `/api/programs/${id}`, () => getProgram(t.deps, ctx, id));
      await same(monitor, `/api/programs/${id}/tasks`, () => listTasks(t.deps, ctx, id));
      await same(monitor, `/api/programs/${id}/meter`, () => programMeter(t.deps, ctx, id));
      await same(monitor, `/api/programs/${id}/suggestions`, () => programSuggestions(t.deps, ctx, id));
      await same(monitor, `/api/programs/${id}/coverage`, () => programCoverage(t.deps, ctx, id));
      await same(monitor, `/api/programs/${id}/plans`, () => listPlans(t.deps, ctx, id));
      if (id === seed) continue;
      for (const x of (await listTasks(t.deps, ctx, id)).items)
        await same(monitor, `/api/tasks/${x.nodeId}`, () => getTask(t.deps, ctx, x.nodeId));
    }
    await same(monitor, `/api/plans/${plan.body.id}`, () => getPlan(t.deps, ctx, plan.body.id));
    await same(stpUser, `/api/units/${stp}/tasks`, () => unitTasks(t.deps, ctx, stp));
    await same(monitor, '/api/imports', () => listImportDrafts(t.deps, ctx, {}));
    for (const x of (await listImportDrafts(t.deps, ctx, {})).items)
      await same(monitor, `/api/imports/${x.id}`, () => getImportDraft(t.deps, ctx, x.id));
  });
});
