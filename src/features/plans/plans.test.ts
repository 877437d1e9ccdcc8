import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../test/support/db.js';
import { startTestApp, type Client, type TestApp } from '../../../test/support/app.js';
import { leadOnlyAssignment } from '../../../test/support/assignment.js';
import { findUnitByCode } from '../../db/queries/units.js';
import type { Coverage, PlanView, UnitTaskList } from '../../contract/plans.js';
import type { DraftList, ImportDraft, PublishResult } from '../../contract/imports.js';
import type { ProgramList } from '../../contract/programs.js';
import type { TaskList } from '../../contract/tasks.js';

const PLAN = `KẾ HOẠCH
Thử nghiệm kế hoạch của đơn vị

Hà Nội, ngày 15 tháng 01 năm 2026

I. NHIỆM VỤ

1. Công tác pháp luật

- Rà soát văn bản quy phạm pháp luật của Thành phố.

- Tổ chức hội nghị tập huấn cho cán bộ cấp xã.
`;

describe.each(DB_KINDS)('unit plans and coverage on %s', (kind) => {
  let t: TestApp;
  let monitor: Client;
  let stpUser: Client;
  let snvUser: Client;
  let programId: string;
  let a: string;
  let b: string;
  let stp: string;
  let snv: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    monitor = await t.loginAs('monitor', { unitCode: 'BNC-TU' });
    stpUser = await t.loginAs('unit', { unitCode: 'SO-TU-PHAP' });
    snvUser = await t.loginAs('unit', { unitCode: 'SO-NOI-VU' });
    stp = (await findUnitByCode(t.deps.db, 'SO-TU-PHAP'))!.id;
    snv = (await findUnitByCode(t.deps.db, 'SO-NOI-VU'))!.id;
    const d = await monitor.post<ImportDraft>('/api/imports', { text: PLAN });
    programId = (
      await monitor.post<PublishResult>(`/api/imports/${d.body.id}/publish`, {
        version: d.body.version,
      })
    ).body.programId;
    const tasks = (await monitor.get<TaskList>(`/api/programs/${programId}/tasks`)).body.items;
    a = tasks[0]!.nodeId;
    b = tasks[1]!.nodeId;
    const put = (nodeId: string, lead: string, coop: string[]) =>
      monitor.request('PUT', `/api/tasks/${nodeId}/assignment`, {
        version: 1,
        leadUnitId: lead,
        cooperatingUnitIds: coop,
        focal: null,
        deadline: { kind: 'date', date: '2026-06-30' },
        products: [],
      });
    expect((await put(a, stp, [snv])).status).toBe(200);
    expect((await put(b, snv, [])).status).toBe(200);
    expect(
      (await monitor.post(`/api/programs/${programId}/implement`, { plansDueDate: '2026-02-15' })).status,
    ).toBe(200);
  });
  afterAll(async () => t?.close());

  it('shows each unit its tasks, and only its own', async () => {
    const own = await stpUser.get<UnitTaskList>(`/api/units/${stp}/tasks`);
    expect(own.status).toBe(200);
    expect(own.body.items.filter((x) => [a, b].includes(x.nodeId)).map((x) => [x.nodeId, x.role])).toEqual([
      [a, 'lead'],
    ]);
    const other = await stpUser.get(`/api/units/${snv}/tasks`);
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('FORBIDDEN_UNIT_SCOPE');
  });

  it('starts with no plan: every lead uncovered, every unit without a plan, overdue', async () => {
    const c = (await monitor.get<Coverage>(`/api/programs/${programId}/coverage`)).body;
    expect(c.rows.map((r) => r.cells[stp]?.role ?? null)).toEqual(['lead', null]);
    expect(c.gaps.noLead).toEqual([]);
    expect(c.gaps.leadNotCovered).toHaveLength(2);
    expect(new Set(c.gaps.unitsWithoutPlan)).toEqual(new Set([stp, snv]));
    expect(new Set(c.gaps.plansOverdue)).toEqual(new Set([stp, snv]));
  });

  it('lets a unit write its own plan linked to its tasks, and nobody else’s', async () => {
    expect((await snvUser.post(`/api/programs/${programId}/plans`, { unitId: stp })).body.code).toBe(
      'FORBIDDEN_UNIT_SCOPE',
    );
    const plan = await stpUser.post<PlanView>(`/api/programs/${programId}/plans`, {
      unitId: stp,
    });
    expect(plan.status, plan.text).toBe(201);
    expect((await stpUser.post(`/api/programs/${programId}/plans`, { unitId: stp })).body.code).toBe(
      'PLAN_EXISTS',
    );
    const refused = await stpUser.post(`/api/plans/${plan.body.id}/items`, {
      text: 'Tập huấn',
      parentNodeIds: [b],
    });
    expect(refused.body.code).toBe('PLAN_TASK_NOT_CARRIED');
    expect(
      (await snvUser.post(`/api/plans/${plan.body.id}/items`, { text: 'Không được', parentNodeIds: [] })).body
        .code,
    ).toBe('FORBIDDEN_UNIT_SCOPE');
    const item = await stpUser.post<PlanView>(`/api/plans/${plan.body.id}/items`, {
      text: 'Rà soát 120 văn bản của Thành phố ban hành giai đoạn 2021-2025',
      parentNodeIds: [a],
      deadline: { kind: 'date', date: '2026-05-31' },
      person: 'Trần Thị Hoa, Phó Giám đốc',
    });
    expect(item.status, item.text).toBe(201);
    expect(item.body.items[0]!.parentNodeIds).toEqual([a]);

    const c = (await monitor.get<Coverage>(`/api/programs/${programId}/coverage`)).body;
    expect(c.rows.find((r) => r.nodeId === a)!.cells[stp]).toEqual({ role: 'lead', covered: true });
    expect(c.gaps.leadNotCovered).toEqual([{ nodeId: b, unitId: snv }]);
    expect(c.gaps.unitsWithoutPlan).toEqual([snv]);
    expect(c.units.find((u) => u.unitId === stp)?.planId).toBe(plan.body.id);

    // Cascade: the unit assigns its own plan's item further down (to a unit below it in the units
    // tree), monitors are not needed.
    const admin = await t.loginAs('admin');
    const child = await admin.post<{ id: string }>('/api/units', {
      code: 'STP-PHONG-VB',
      name: 'Phòng Xây dựng và kiểm tra văn bản, Sở Tư pháp',
      kind: 'other',
      parentId: stp,
    });
    expect(child.status, child.text).toBe(201);
    const commune = child.body.id;
    const itemId = item.body.items[0]!.nodeId;
    const assign = await stpUser.request('PUT', `/api/tasks/${itemId}/assignment`, {
      ...leadOnlyAssignment(1, stp),
      cooperatingUnitIds: [commune],
      deadline: { kind: 'date', date: '2026-05-31' },
    });
    expect(assign.status, assign.text).toBe(200);
    expect(
      (await snvUser.request('PUT', `/api/tasks/${itemId}/assignment`, leadOnlyAssignment(2, snv))).body.code,
    ).toBe('FORBIDDEN_UNIT_SCOPE');
    expect(
      (await snvUser.request('PUT', `/api/tasks/${itemId}/links`, { parentNodeIds: [] })).body.code,
    ).toBe('FORBIDDEN_UNIT_SCOPE');
    // A unit reads the history of tasks it carries, not of other units' tasks.
    expect((await stpUser.get(`/api/audit?entityType=task&entityId=${a}`)).status).toBe(200);
    expect((await stpUser.get(`/api/audit?entityType=task&entityId=${b}`)).body.code).toBe(
      'FORBIDDEN_UNIT_SCOPE',
    );
    // … and the unit below can write its own plan under the Sở's plan.
    const communeUser = await t.loginAs('unit', { unitCode: 'STP-PHONG-VB' });
    const sub = await communeUser.post<PlanView>(`/api/programs/${plan.body.id}/plans`, {
      unitId: commune,
    });
    expect(sub.status, sub.text).toBe(201);
    const subItem = await communeUser.post(`/api/plans/${sub.body.id}/items`, {
      text: 'Rà soát văn bản của phòng',
      parentNodeIds: [itemId],
    });
    expect(subItem.status, subItem.text).toBe(201);
  });

  it('lets a unit import its plan document through the importer, then link its items', async () => {
    const doc = `KẾ HOẠCH\nThực hiện kế hoạch của Thành phố tại Sở Nội vụ\n\nI. NHIỆM VỤ\n\n1. Tập huấn\n\n- Tổ chức 03 lớp tập huấn cho cán bộ cấp xã trong Quý II/2026.\n`;
    const q = `/api/imports?parentProgramId=${programId}&ownerUnitId=${snv}&filename=ke-hoach-snv.txt`;
    expect(
      (
        await stpUser.request('POST', `/api/imports?parentProgramId=${programId}&ownerUnitId=${snv}`, {
          text: doc,
        })
      ).body.code,
    ).toBe('FORBIDDEN_UNIT_SCOPE');
    const d = await snvUser.request<ImportDraft>('POST', q, { text: doc });
    expect(d.status, d.text).toBe(201);
    expect((await stpUser.get(`/api/imports/${d.body.id}`)).body.code).toBe('FORBIDDEN_UNIT_SCOPE');
    expect((await snvUser.get<DraftList>('/api/imports')).body.items.map((x) => x.id)).toEqual([d.body.id]);
    const pub = await snvUser.post<PublishResult>(`/api/imports/${d.body.id}/publish`, {
      version: d.body.version,
    });
    expect(pub.status, pub.text).toBe(200);
    const plan = await snvUser.get<PlanView>(`/api/plans/${pub.body.programId}`);
    expect(plan.body).toMatchObject({ unitId: snv, parentProgramId: programId });
    const linked = await snvUser.request<PlanView>('PUT', `/api/tasks/${plan.body.items[0]!.nodeId}/links`, {
      parentNodeIds: [a, b],
    });
    expect(linked.status, linked.text).toBe(200);
    const c = (await monitor.get<Coverage>(`/api/programs/${programId}/coverage`)).body;
    expect(c.rows.find((r) => r.nodeId === b)!.cells[snv]).toEqual({ role: 'lead', covered: true });
    expect(c.rows.find((r) => r.nodeId === a)!.cells[snv]).toEqual({ role: 'cooperating', covered: true });
    expect(c.gaps.unitsWithoutPlan).toEqual([]);
    expect((await monitor.get<ProgramList>('/api/programs')).body.items.map((x) => x.id)).not.toContain(
      pub.body.programId,
    );
  });
});
