import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DB_KINDS } from '../../../test/support/db.js';
import { startTestApp, type Client, type TestApp } from '../../../test/support/app.js';
import { leadOnlyAssignment } from '../../../test/support/assignment.js';
import { findUnitByCode } from '../../db/queries/units.js';
import type { Static } from '@sinclair/typebox';
import type { DeadlineSchema } from '../../contract/common.js';
import type { ProgramList } from '../../contract/programs.js';
import type {
  Accepted,
  FocalSchema,
  Implemented,
  IncompleteDetails,
  MeterSummarySchema,
  ProductSchema,
  ProgramMeter,
  ProgramSuggestionsSchema,
  TaskDetail,
  TaskList,
  TaskViewSchema,
} from '../../contract/tasks.js';
import type { Deadline, Focal, MeterSummary, Product, TaskView } from '../../domain/plan/assignment.js';
import type { ProgramSuggestions } from '../../domain/plan/suggest.js';

const DATED = `KẾ HOẠCH
Thử nghiệm phân công

Hà Nội, ngày 15 tháng 01 năm 2026

I. NHIỆM VỤ

1. Công tác pháp luật

- Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ rà soát văn bản trước ngày 30/6/2026.

- Tổ chức hội nghị tập huấn cho cán bộ cấp xã trong năm 2026.
`;

it('describes the domain’s own assignment types in the contract', () => {
  expectTypeOf<Static<typeof TaskViewSchema>>().toEqualTypeOf<TaskView>();
  expectTypeOf<Static<typeof MeterSummarySchema>>().toEqualTypeOf<MeterSummary>();
  expectTypeOf<Static<typeof ProgramSuggestionsSchema>>().toEqualTypeOf<ProgramSuggestions>();
  expectTypeOf<Static<typeof ProductSchema>>().toEqualTypeOf<Product>();
  expectTypeOf<Static<typeof FocalSchema>>().toEqualTypeOf<Focal>();
  expectTypeOf<Static<typeof DeadlineSchema>>().toEqualTypeOf<Deadline>();
});

describe.each(DB_KINDS)('assigning tasks on %s', (kind) => {
  let t: TestApp;
  let monitor: Client;
  let unitUser: Client;
  let programId: string;
  const code = async (c: string) => (await findUnitByCode(t.deps.db, c))!.id;

  beforeAll(async () => {
    t = await startTestApp(kind);
    monitor = await t.loginAs('monitor', { unitCode: 'BNC-TU' });
    unitUser = await t.loginAs('unit', { unitCode: 'SO-TU-PHAP' });
    programId = (await monitor.get<ProgramList>('/api/programs')).body.items[0]!.id;
  });
  afterAll(async () => t?.close());

  it('suggests from the seed document: Ban Nội chính monitors, every section III body listed', async () => {
    const s = await monitor.get<ProgramSuggestions>(`/api/programs/${programId}/suggestions`);
    expect(s.status).toBe(200);
    expect(s.body.monitoring?.unitId).toBe(await code('BNC-TU'));
    expect(s.body.monitoring?.source).toMatch(/theo dõi, hướng dẫn, kiểm tra, đôn đốc/);
    expect(s.body.bodies.length).toBeGreaterThanOrEqual(15);
    expect(s.body.bodies.every((b) => b.unitIds.length > 0)).toBe(true);
    for (const name of [
      'Ban Thường vụ Thành ủy',
      'Ban Nội chính Thành ủy',
      'Đảng ủy Công an Thành phố',
      'Cục Thi hành án dân sự Thành phố',
    ]) {
      expect(s.body.bodies.map((b) => b.text)).toContain(name);
    }
    const withLead = s.body.tasks.filter((x) => x.lead);
    expect(withLead.length).toBeGreaterThan(5);
    expect(withLead.every((x) => x.lead!.source.length > 0)).toBe(true);
  });

  it('accepts suggestions in bulk, shows the "5 rõ" meter, and refuses Triển khai until leads and deadlines are set', async () => {
    const tasks = (await monitor.get<TaskList>(`/api/programs/${programId}/tasks`)).body.items;
    expect(tasks).toHaveLength(29);
    const before = (await monitor.get<ProgramMeter>(`/api/programs/${programId}/meter`)).body.program;
    expect(before.clear.nguoi).toBe(0);
    const acc = await monitor.post<Accepted>(`/api/programs/${programId}/suggestions/accept`, {
      nodeIds: tasks.map((x) => x.nodeId),
      parts: ['lead', 'cooperating', 'deadline'],
      monitoring: true,
    });
    expect(acc.status).toBe(200);
    expect(acc.body.accepted).toBeGreaterThan(5);
    const meter = await monitor.get<ProgramMeter>(`/api/programs/${programId}/meter`);
    expect(meter.body.program.clear.nguoi).toBeGreaterThan(0);
    expect(meter.body.program.clear.viec).toBe(29);
    expect(meter.body.groups.map((g) => g.label)).toEqual(Array.from({ length: 7 }, (_, i) => `II.${i + 1}`));
    const noFocal = await monitor.get<TaskList>(`/api/programs/${programId}/tasks?missing=dauMoi`);
    expect(noFocal.body.items).toHaveLength(29);

    const refused = await monitor.post<{ code: string; message: string; details: IncompleteDetails }>(
      `/api/programs/${programId}/implement`,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('PROGRAM_INCOMPLETE');
    expect(refused.body.details.tasks.length).toBeGreaterThan(0);
    expect(refused.body.message).toContain(refused.body.details.tasks[0]!.label);

    // Complete every lead and deadline by hand.
    const bnc = await code('BNC-TU');
    const now = (await monitor.get<TaskList>(`/api/programs/${programId}/tasks`)).body.items;
    for (const x of now.filter((y) => !y.leadUnitId || !y.deadline)) {
      const r = await monitor.request('PUT', `/api/tasks/${x.nodeId}/assignment`, {
        version: x.version,
        leadUnitId: x.leadUnitId ?? bnc,
        cooperatingUnitIds: x.cooperatingUnitIds.filter((u) => u !== (x.leadUnitId ?? bnc)),
        focal: null,
        deadline: x.deadline ?? { kind: 'recurrence', recurrence: 'yearly', firstDue: '2026-12-15' },
        products: [],
      });
      expect(r.status, r.text).toBe(200);
    }
    const ok = await monitor.post<Implemented>(`/api/programs/${programId}/implement`);
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toEqual({ status: 'implementing', tasks: 29 });
    expect((await monitor.post(`/api/programs/${programId}/implement`)).body.code).toBe(
      'PROGRAM_ALREADY_IMPLEMENTING',
    );
  });

  it('needs a reason to change a deadline after Triển khai, and shows the change against the baseline', async () => {
    const x = (await monitor.get<TaskList>(`/api/programs/${programId}/tasks`)).body.items[0]!;
    const body = {
      version: x.version,
      leadUnitId: x.leadUnitId,
      cooperatingUnitIds: x.cooperatingUnitIds,
      focal: { userId: null, name: 'Nguyễn Văn Bình', position: 'Phó Trưởng ban', phone: '024 3825 0000' },
      deadline: { kind: 'date', date: '2027-06-30' },
      products: [{ kind: 'report', description: 'Báo cáo kết quả', dueDate: '2027-06-30' }],
    };
    const noReason = await monitor.request('PUT', `/api/tasks/${x.nodeId}/assignment`, body);
    expect(noReason.status).toBe(400);
    expect(noReason.body.code).toBe('ASSIGN_REASON_REQUIRED');
    const ok = await monitor.request<TaskDetail>('PUT', `/api/tasks/${x.nodeId}/assignment`, {
      ...body,
      reason: 'Điều chỉnh tiến độ theo chỉ đạo của Thường trực Thành ủy',
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.changedFromBaseline).toEqual(['deadline', 'products']);
    expect(ok.body.task.missing).toEqual([]);
    const h = await monitor.get<{ items: { action: string; after: { reason: string } }[] }>(
      `/api/audit?entityType=task&entityId=${x.nodeId}`,
    );
    expect(h.body.items[0]).toMatchObject({
      action: 'task.adjust',
      after: { reason: 'Điều chỉnh tiến độ theo chỉ đạo của Thường trực Thành ủy' },
    });

    // Saving the same assignment again changes nothing, whatever order jsonb gave the keys back in.
    const same = await monitor.request<TaskDetail>('PUT', `/api/tasks/${x.nodeId}/assignment`, {
      ...body,
      version: ok.body.task.version,
    });
    expect(same.status, same.text).toBe(200);
    expect(same.body.task.version).toBe(ok.body.task.version);
    const withNull = await monitor.request<TaskDetail>('PUT', `/api/tasks/${x.nodeId}/assignment`, {
      ...body,
      version: ok.body.task.version,
      focal: { ...body.focal, position: null },
    });
    expect(withNull.body.task.focal?.position).toBeNull();

    const stale = await monitor.request('PUT', `/api/tasks/${x.nodeId}/assignment`, { ...body, reason: 'x' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect(String(stale.body.message)).toMatch(/thay đổi lúc/);
  });

  it('refuses bad assignments with a code, writing nothing', async () => {
    const d = await monitor.post<{ id: string; version: number }>('/api/imports', { text: DATED });
    const pub = await monitor.post<{ programId: string }>(`/api/imports/${d.body.id}/publish`, {
      version: d.body.version,
    });
    const [a, b] = (await monitor.get<TaskList>(`/api/programs/${pub.body.programId}/tasks`)).body.items as [
      TaskView,
      TaskView,
    ];
    const stp = await code('SO-TU-PHAP');
    const snv = await code('SO-NOI-VU');
    const put = (task: TaskView, over: Record<string, unknown>) =>
      monitor.request('PUT', `/api/tasks/${task.nodeId}/assignment`, {
        ...leadOnlyAssignment(task.version, stp),
        ...over,
      });
    expect((await put(a, { cooperatingUnitIds: [stp] })).body.code).toBe('ASSIGN_LEAD_IS_COOPERATING');
    expect((await put(a, { deadline: { kind: 'date', date: '2025-12-31' } })).body.code).toBe(
      'ASSIGN_DEADLINE_BEFORE_PROGRAM',
    );
    for (const date of ['2026-02-30', '0000-01-01', '9999-99-99'])
      expect((await put(a, { deadline: { kind: 'date', date } })).body.code, date).toBe(
        'ASSIGN_DEADLINE_INVALID',
      );
    expect((await put(a, { leadUnitId: await code('QH-BA-DINH') })).body.code).toBe('ASSIGN_UNIT_INACTIVE');
    expect(
      (
        await put(a, {
          focal: {
            userId: monitor.cookie
              ? (await monitor.get<{ user: { id: string } }>('/api/auth/me')).body.user.id
              : null,
            name: null,
            position: null,
            phone: null,
          },
        })
      ).body.code,
    ).toBe('ASSIGN_FOCAL_INVALID');
    expect(
      (await unitUser.request('PUT', `/api/tasks/${a.nodeId}/assignment`, leadOnlyAssignment(1, stp))).body
        .code,
    ).toBe('FORBIDDEN_UNIT_SCOPE');
    const after = (await monitor.get<TaskList>(`/api/programs/${pub.body.programId}/tasks`)).body.items[0]!;
    expect(after).toMatchObject({ leadUnitId: null, version: 1 });

    // The one-lead rule holds in the database itself.
    const ok = await put(a, { cooperatingUnitIds: [snv] });
    expect(ok.status, ok.text).toBe(200);
    await expect(
      t.deps.db.execute(
        sql`insert into task_units (node_id, program_id, unit_id, role) values (${a.nodeId}, ${pub.body.programId}, ${snv}, 'lead')`,
      ),
    ).rejects.toThrow();
    await expect(
      t.deps.db.execute(
        sql`insert into task_units (node_id, program_id, unit_id, role) values (${a.nodeId}, ${pub.body.programId}, ${await code('SO-Y-TE')}, 'lead')`,
      ),
    ).rejects.toThrow();
    // Search and filters.
    expect(
      (
        await monitor.get<TaskList>(
          `/api/programs/${pub.body.programId}/tasks?q=${encodeURIComponent('ra soat van ban')}`,
        )
      ).body.items.map((x) => x.nodeId),
    ).toEqual([a.nodeId]);
    expect(
      (
        await monitor.get<TaskList>(
          `/api/programs/${pub.body.programId}/tasks?unitId=${snv}&role=cooperating`,
        )
      ).body.items.map((x) => x.nodeId),
    ).toEqual([a.nodeId]);
    expect(
      (await monitor.get<TaskList>(`/api/programs/${pub.body.programId}/tasks?missing=nguoi`)).body.items.map(
        (x) => x.nodeId,
      ),
    ).toEqual([b.nodeId]);
  });
});
