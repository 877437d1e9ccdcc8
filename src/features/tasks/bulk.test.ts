import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../test/support/db.js';
import { startTestApp, type Client, type TestApp } from '../../../test/support/app.js';
import { reportingProgram } from '../../../test/support/reporting.js';
import { BULK_PLAN } from '../../../test/support/assignment.js';
import { findUnitByCode } from '../../db/queries/units.js';
import type { PlanView } from '../../contract/plans.js';
import type { Accepted, BulkAssigned, BulkFailedDetails, TaskList } from '../../contract/tasks.js';

interface AuditItems {
  items: { action: string; after: { bulk?: { tasks: number }; deadline?: unknown } }[];
}

describe.each(DB_KINDS)('bulk edit and accept-all on %s', (kind) => {
  let t: TestApp;
  let monitor: Client;
  let stp: string;
  let snv: string;

  const importProgram = async () => {
    const d = await monitor.post<{ id: string; version: number }>('/api/imports', { text: BULK_PLAN });
    const pub = await monitor.post<{ programId: string }>(`/api/imports/${d.body.id}/publish`, {
      version: d.body.version,
    });
    expect(pub.status, pub.text).toBe(200);
    return pub.body.programId;
  };
  const tasksOf = async (programId: string) =>
    (await monitor.get<TaskList>(`/api/programs/${programId}/tasks`)).body.items;
  const historyOf = async (nodeId: string) =>
    (await monitor.get<AuditItems>(`/api/audit?entityType=task&entityId=${nodeId}`)).body.items;

  beforeAll(async () => {
    t = await startTestApp(kind);
    monitor = await t.loginAs('monitor', { unitCode: 'BNC-TU' });
    stp = (await findUnitByCode(t.deps.db, 'SO-TU-PHAP'))!.id;
    snv = (await findUnitByCode(t.deps.db, 'SO-NOI-VU'))!.id;
  });
  afterAll(async () => t?.close());

  it('accepts every valid suggestion and lists the skipped ones with their task and why', async () => {
    const programId = await importProgram();
    const tasks = await tasksOf(programId);
    expect(tasks).toHaveLength(5);
    const acc = await monitor.post<Accepted>(`/api/programs/${programId}/suggestions/accept`, {
      nodeIds: tasks.map((x) => x.nodeId),
      parts: ['lead', 'cooperating', 'deadline'],
    });
    expect(acc.status, acc.text).toBe(200);
    expect(acc.body.accepted).toBe(1);
    expect(acc.body.skipped).toEqual([
      {
        nodeId: tasks[2]!.nodeId,
        label: tasks[2]!.label,
        text: expect.stringMatching(/^Sở Tư pháp chủ trì biên soạn tài liệu/),
        code: 'ASSIGN_DEADLINE_BEFORE_PROGRAM',
        message: 'Thời hạn 30/12/2025 trước ngày ban hành chương trình (15/01/2026)',
      },
    ]);
    const after = await tasksOf(programId);
    // The valid one is saved; the skipped one and the cited resolution's date are left alone.
    expect(after[4]).toMatchObject({ leadUnitId: snv, dueDate: '2026-09-30', version: 2 });
    expect(after[2]).toMatchObject({ leadUnitId: null, deadline: null, version: 1 });
    expect(after[3]).toMatchObject({ deadline: null, version: 1 });
    expect((await historyOf(tasks[2]!.nodeId)).map((e) => e.action)).not.toContain('task.accept_suggestion');
  });

  it('sets one deadline and adds a cooperating unit on a whole group, one audit event per task', async () => {
    const programId = await importProgram();
    const tasks = await tasksOf(programId);
    const group = tasks.filter((x) => x.groupId === tasks[0]!.groupId);
    expect(group).toHaveLength(3);
    const r = await monitor.post<BulkAssigned>(`/api/programs/${programId}/assignments/bulk`, {
      tasks: group.map((x) => ({ nodeId: x.nodeId, version: x.version })),
      deadline: { kind: 'date', date: '2026-10-31' },
      leadUnitId: stp,
      cooperating: { mode: 'add', unitIds: [snv] },
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body.updated).toBe(3);
    expect(r.body.items.map((x) => [x.dueDate, x.leadUnitId, x.cooperatingUnitIds, x.version])).toEqual(
      group.map(() => ['2026-10-31', stp, [snv], 2]),
    );
    for (const x of group) {
      const [e] = await historyOf(x.nodeId);
      expect(e).toMatchObject({ action: 'task.assign', after: { bulk: { tasks: 3 } } });
    }
    // The other group is untouched.
    expect(
      (await tasksOf(programId)).filter((x) => x.groupId !== tasks[0]!.groupId).map((x) => x.version),
    ).toEqual([1, 1]);
    // A focal person and a product for the group, "add" keeps the cooperating unit once.
    const again = await monitor.post<BulkAssigned>(`/api/programs/${programId}/assignments/bulk`, {
      tasks: r.body.items.map((x) => ({ nodeId: x.nodeId, version: x.version })),
      cooperating: { mode: 'add', unitIds: [snv] },
      focal: { userId: null, name: 'Trần Thị Hoa', position: 'Phó Giám đốc', phone: '024 3825 1111' },
      product: { kind: 'report', description: 'Báo cáo kết quả rà soát', dueDate: '2026-10-31' },
    });
    expect(again.status, again.text).toBe(200);
    expect(again.body.items.every((x) => x.missing.length === 0 && x.cooperatingUnitIds.length === 1)).toBe(
      true,
    );
  });

  it('stores nothing when one task fails, and names the failing tasks', async () => {
    const programId = await importProgram();
    const tasks = await tasksOf(programId);
    const [a, b, c] = tasks as [(typeof tasks)[0], (typeof tasks)[0], (typeof tasks)[0]];
    // Task a already has Sở Nội vụ cooperating: it cannot also lead.
    const put = await monitor.request('PUT', `/api/tasks/${a.nodeId}/assignment`, {
      version: 1,
      leadUnitId: null,
      cooperatingUnitIds: [snv],
      focal: null,
      deadline: null,
      products: [],
    });
    expect(put.status, put.text).toBe(200);
    const before = (await historyOf(b.nodeId)).length;
    const refused = await monitor.post<{ code: string; message: string; details: BulkFailedDetails }>(
      `/api/programs/${programId}/assignments/bulk`,
      {
        tasks: [
          { nodeId: a.nodeId, version: 2 },
          { nodeId: b.nodeId, version: 1 },
          { nodeId: c.nodeId, version: 1 },
        ],
        leadUnitId: snv,
        deadline: { kind: 'date', date: '2026-11-30' },
      },
    );
    expect(refused.status, refused.text).toBe(400);
    expect(refused.body.code).toBe('ASSIGN_BULK_FAILED');
    expect(refused.body.details.tasks).toEqual([
      expect.objectContaining({ nodeId: a.nodeId, label: a.label, code: 'ASSIGN_LEAD_IS_COOPERATING' }),
    ]);
    expect(refused.body.message).toContain(
      `${a.label}: Cơ quan chủ trì không thể đồng thời là cơ quan phối hợp`,
    );
    const now = await tasksOf(programId);
    expect(now.slice(0, 3).map((x) => [x.leadUnitId, x.deadline, x.version])).toEqual([
      [null, null, 2],
      [null, null, 1],
      [null, null, 1],
    ]);
    expect((await historyOf(b.nodeId)).length).toBe(before);

    // A stale version: 409, the stale task named, nothing stored.
    const stale = await monitor.post<{ code: string; message: string; details: BulkFailedDetails }>(
      `/api/programs/${programId}/assignments/bulk`,
      {
        tasks: [
          { nodeId: a.nodeId, version: 1 },
          { nodeId: b.nodeId, version: 1 },
        ],
        deadline: { kind: 'date', date: '2026-11-30' },
      },
    );
    expect(stale.status, stale.text).toBe(409);
    expect(stale.body.code).toBe('ASSIGN_BULK_CONFLICT');
    expect(stale.body.message).toContain(a.label);
    expect(stale.body.details.tasks.map((x) => [x.nodeId, x.code])).toEqual([[a.nodeId, 'VERSION_CONFLICT']]);
    expect((await tasksOf(programId))[1]!.deadline).toBeNull();

    // Nothing to set, and a task of another program.
    const empty = await monitor.post(`/api/programs/${programId}/assignments/bulk`, {
      tasks: [{ nodeId: b.nodeId, version: 1 }],
    });
    expect([empty.status, empty.body.code]).toEqual([400, 'ASSIGN_BULK_EMPTY']);
    const other = (await tasksOf(await importProgram()))[0]!;
    const foreign = await monitor.post<{ code: string; details: BulkFailedDetails }>(
      `/api/programs/${programId}/assignments/bulk`,
      { tasks: [{ nodeId: other.nodeId, version: 1 }], deadline: { kind: 'date', date: '2026-11-30' } },
    );
    expect([foreign.status, foreign.body.details.tasks[0]?.code]).toEqual([400, 'TASK_NOT_FOUND']);
  });

  it('keeps the unit-scope rule: a unit edits only its own plan, and assigns only below itself', async () => {
    const f = await reportingProgram(t, monitor);
    const unitUser = await t.loginAs('unit', { unitCode: 'SO-TU-PHAP' });
    const city = await unitUser.post(`/api/programs/${f.programId}/assignments/bulk`, {
      tasks: [{ nodeId: f.a, version: 2 }],
      deadline: { kind: 'date', date: '2026-11-30' },
    });
    expect([city.status, city.body.code]).toEqual([403, 'FORBIDDEN_UNIT_SCOPE']);

    const plan = await unitUser.post<PlanView>(`/api/programs/${f.programId}/plans`, { unitId: f.stp });
    expect(plan.status, plan.text).toBe(201);
    for (const text of ['Rà soát 120 văn bản của Thành phố', 'Tập huấn cán bộ pháp chế các phòng'])
      expect(
        (
          await unitUser.post(`/api/plans/${plan.body.id}/items`, {
            text,
            parentNodeIds: [f.a],
            deadline: { kind: 'date', date: '2026-12-15' },
          })
        ).status,
      ).toBe(201);
    const items = (await monitor.get<TaskList>(`/api/programs/${plan.body.id}/tasks`)).body.items;
    expect(items).toHaveLength(2);
    const sel = items.map((x) => ({ nodeId: x.nodeId, version: x.version }));
    const peer = await unitUser.post<{ code: string; details: BulkFailedDetails }>(
      `/api/programs/${plan.body.id}/assignments/bulk`,
      { tasks: sel, leadUnitId: f.snv, reason: 'Giao cho đơn vị ngang cấp' },
    );
    expect([peer.status, peer.body.code], peer.text).toEqual([403, 'ASSIGN_UNIT_OUT_OF_SCOPE']);
    expect(peer.body.details.tasks.map((x) => x.nodeId)).toEqual(items.map((x) => x.nodeId));
    const own = await unitUser.post<BulkAssigned>(`/api/programs/${plan.body.id}/assignments/bulk`, {
      tasks: sel,
      leadUnitId: f.stp,
      deadline: { kind: 'date', date: '2026-11-30' },
      reason: 'Sở Tư pháp chủ trì, hoàn thành trong tháng 11',
    });
    expect(own.status, own.text).toBe(200);
    expect(own.body.items.map((x) => [x.leadUnitId, x.dueDate])).toEqual(
      items.map(() => [f.stp, '2026-11-30']),
    );
  });
});
