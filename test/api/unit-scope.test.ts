/**
 * The scope of `unit` users (issue 10), on PGlite and PostgreSQL:
 * - point 2: the consolidated report (GET, .docx, .xlsx, regenerate, edit) and the period dashboard
 *   hold every unit's results and obstacles: units get 403 FORBIDDEN_ROLE (the consolidated report is
 *   the monitor's working document until issued); monitors, leaders and supervisors read them. A
 *   period's list and matrix show a unit only its own obligation, the obstacles list only its own;
 * - point 3: a unit assigns its plan's items (lead and cooperating) only to itself and the units
 *   below it in the units tree: peers, superiors and units elsewhere get 403
 *   ASSIGN_UNIT_OUT_OF_SCOPE and the item never reaches their tasks; `/api/units?within=` lists
 *   what the web's pickers offer; monitors assign anywhere;
 * - point 4 (part): a unit reads the audit history of its own report, not of another unit's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../support/db.js';
import type { Client, TestApp } from '../support/app.js';
import { submitAccepted, startReportingApp, type ReportingFixture } from '../support/reporting.js';
import { findUnitByCode } from '../../src/db/queries/units.js';
import { emptyEntry } from '../../src/domain/reporting/report.js';
import type { PeriodDetail, PeriodList } from '../../src/contract/periods.js';
import type { Consolidation } from '../../src/contract/consolidation.js';
import type { PlanView, UnitTaskList } from '../../src/contract/plans.js';
import type { TaskDetail } from '../../src/contract/tasks.js';
import type { UnitPage } from '../../src/contract/units.js';
import type { AuditEvents } from '../../src/contract/audit.js';
import type { ObstacleList } from '../../src/contract/obstacles.js';

const entry = (o: Record<string, unknown>) => ({ ...emptyEntry(), ...o });

describe.each(DB_KINDS)('unit scope on %s', (kind) => {
  let t: TestApp;
  let monitor: Client;
  let stpUser: Client;
  let snvUser: Client;
  let f: ReportingFixture;
  let periodId: string;
  let stpObligation: string;
  let snvObligation: string;

  beforeAll(async () => {
    const r = await startReportingApp(kind);
    ({ t, monitor, stpUser, snvUser, f, periodId } = r);
    stpObligation = r.obligationOf(f.stp);
    snvObligation = r.obligationOf(f.snv);
    const fill = (c: Client, obligation: string, content: Record<string, unknown>) =>
      submitAccepted(c, monitor, obligation, content);
    await fill(stpUser, stpObligation, {
      entries: {
        [f.a]: entry({
          status: 'in_progress',
          percent: 40,
          results: 'Sở Tư pháp đã rà soát 120 văn bản.',
          obstacles: 'Sở Tư pháp thiếu kinh phí thuê chuyên gia.',
        }),
        [f.c]: entry({ status: 'done', results: 'Tổ chức 3 hội nghị tập huấn.' }),
      },
    });
    await fill(snvUser, snvObligation, {
      entries: {
        [f.b]: entry({
          status: 'in_progress',
          percent: 10,
          results: 'Sở Nội vụ đã kiện toàn 3 phòng.',
          obstacles: 'Sở Nội vụ thiếu biên chế pháp chế.',
        }),
      },
    });
    const g = await monitor.post<Consolidation>(`/api/periods/${periodId}/consolidation`);
    expect(g.status, g.text).toBe(200);
  });
  afterAll(async () => t?.close());

  describe('point 2: every unit’s results stay with the monitor', () => {
    it('refuses the consolidated report, its downloads and edits, and the dashboard to a unit', async () => {
      const current = (await monitor.get<Consolidation>(`/api/periods/${periodId}/consolidation`)).body;
      for (const [method, path, body] of [
        ['GET', `/api/periods/${periodId}/consolidation`, undefined],
        ['GET', `/api/periods/${periodId}/consolidation.docx`, undefined],
        ['GET', `/api/periods/${periodId}/consolidation.xlsx`, undefined],
        ['GET', `/api/periods/${periodId}/dashboard`, undefined],
        ['POST', `/api/periods/${periodId}/consolidation`, { version: current.version }],
        [
          'PUT',
          `/api/periods/${periodId}/consolidation`,
          { version: current.version, heading: { number: '1' } },
        ],
      ] as const) {
        const r = await stpUser.request(method, path, body);
        expect(r.status, `${method} ${path}`).toBe(403);
        expect(r.body.code, `${method} ${path}`).toBe('FORBIDDEN_ROLE');
        // Not a word of another unit's results in the refusal.
        expect(r.text).not.toContain('Sở Nội vụ');
      }
      // The edit was refused: the draft is unchanged.
      const after = (await monitor.get<Consolidation>(`/api/periods/${periodId}/consolidation`)).body;
      expect(after.version).toBe(current.version);
    });

    it('still gives them to the monitor, the leader and the supervisor', async () => {
      const leader = await t.loginAs('leader');
      const supervisor = await t.loginAs('supervisor');
      for (const c of [monitor, leader, supervisor]) {
        const r = await c.get<Consolidation>(`/api/periods/${periodId}/consolidation`);
        expect(r.status, r.text).toBe(200);
        expect(JSON.stringify(r.body)).toContain('Sở Nội vụ thiếu biên chế pháp chế (chưa xử lý).');
        expect((await c.get(`/api/periods/${periodId}/dashboard`)).status).toBe(200);
        for (const ext of ['docx', 'xlsx']) {
          const d = await fetch(`${t.base}/api/periods/${periodId}/consolidation.${ext}`, {
            headers: { cookie: c.cookie! },
          });
          expect(d.status, ext).toBe(200);
        }
      }
    });

    it('shows a unit only its own obligation in the period list, matrix and obstacles', async () => {
      const list = await stpUser.get<PeriodList>(`/api/programs/${f.programId}/periods`);
      expect(list.status).toBe(200);
      const item = list.body.items.find((p) => p.id === periodId)!;
      expect(item.myObligationId).toBe(stpObligation);
      expect(item.counts).toMatchObject({ total: 1, accepted: 1 });
      // The monitor still counts every unit.
      const all = (await monitor.get<PeriodList>(`/api/programs/${f.programId}/periods`)).body.items;
      expect(all.find((p) => p.id === periodId)!.counts).toMatchObject({ total: 2, accepted: 2 });

      const matrix = await stpUser.get<PeriodDetail>(`/api/periods/${periodId}`);
      expect(matrix.status).toBe(200);
      expect(matrix.body.rows.map((r) => r.unitId)).toEqual([f.stp]);
      expect(matrix.body.counts.total).toBe(1);

      const obs = await stpUser.get<ObstacleList>(`/api/programs/${f.programId}/obstacles`);
      expect(obs.status).toBe(200);
      expect(obs.body.items.length).toBeGreaterThan(0);
      expect(new Set(obs.body.items.map((o) => o.unitId))).toEqual(new Set([f.stp]));
    });

    it('keeps another unit’s report closed to a unit', async () => {
      for (const path of [
        `/api/reports/${snvObligation}`,
        `/api/reports/${snvObligation}/versions/1`,
        `/api/reports/${snvObligation}/reminders`,
        `/api/units/${f.snv}/reports`,
      ]) {
        const r = await stpUser.get(path);
        expect(r.status, path).toBe(403);
        expect(r.body.code, path).toBe('FORBIDDEN_UNIT_SCOPE');
      }
    });
  });

  describe('point 3: a unit assigns only below it in the units tree', () => {
    let child: string;
    let grandchild: string;
    let itemId: string;

    beforeAll(async () => {
      const admin = await t.loginAs('admin');
      const mk = async (code: string, name: string, parentId: string) => {
        const r = await admin.post<{ id: string }>('/api/units', { code, name, kind: 'other', parentId });
        expect(r.status, r.text).toBe(201);
        return r.body.id;
      };
      child = await mk('STP-PHONG-VB', 'Phòng Xây dựng và kiểm tra văn bản, Sở Tư pháp', f.stp);
      grandchild = await mk('STP-PHONG-VB-TO1', 'Tổ rà soát văn bản số 1', child);
      const plan = await stpUser.post<PlanView>(`/api/programs/${f.programId}/plans`, { unitId: f.stp });
      expect(plan.status, plan.text).toBe(201);
      const item = await stpUser.post<PlanView>(`/api/plans/${plan.body.id}/items`, {
        text: 'Rà soát 120 văn bản của Thành phố ban hành giai đoạn 2021-2025',
        parentNodeIds: [f.a],
        deadline: { kind: 'date', date: '2026-12-15' },
      });
      expect(item.status, item.text).toBe(201);
      itemId = item.body.items[0]!.nodeId;
    });

    const assign = async (c: Client, lead: string | null, coop: string[]) => {
      const cur = (await c.get<TaskDetail>(`/api/tasks/${itemId}`)).body.task;
      return c.request('PUT', `/api/tasks/${itemId}/assignment`, {
        version: cur.version,
        leadUnitId: lead,
        cooperatingUnitIds: coop,
        focal: null,
        deadline: cur.deadline,
        products: [],
        reason: 'Điều chỉnh phân công trong kế hoạch của đơn vị',
      });
    };

    it('refuses peers, superiors and units elsewhere, as lead or cooperating', async () => {
      const ubnd = (await findUnitByCode(t.deps.db, 'UBND'))!.id;
      const ward = (await findUnitByCode(t.deps.db, 'XA-00004'))!.id;
      for (const [lead, coop, out] of [
        [f.snv, [], f.snv], // a peer department
        [ubnd, [], ubnd], // its own superior
        [f.stp, [ward], ward], // a ward under the same superior, as cooperating
        [child, [f.snv], f.snv], // a peer among allowed ones
      ] as const) {
        const r = await assign(stpUser, lead, [...coop]);
        expect(r.status, r.text).toBe(403);
        expect(r.body.code).toBe('ASSIGN_UNIT_OUT_OF_SCOPE');
        expect(r.body.message).toBe(
          'Đơn vị chỉ được giao nhiệm vụ cho chính mình và các đơn vị cấp dưới trực thuộc',
        );
        expect(r.body.details).toMatchObject({ unitIds: [out] });
      }
      // Nothing reached the peer's tasks.
      const snvTasks = (await monitor.get<UnitTaskList>(`/api/units/${f.snv}/tasks`)).body.items;
      expect(snvTasks.map((x) => x.nodeId)).not.toContain(itemId);
      const task = (await monitor.get<TaskDetail>(`/api/tasks/${itemId}`)).body.task;
      expect(task).toMatchObject({ leadUnitId: f.stp, cooperatingUnitIds: [] });
    });

    it('accepts itself and the units below it, at any depth', async () => {
      const r = await assign(stpUser, grandchild, [child, f.stp]);
      expect(r.status, r.text).toBe(200);
      expect((r.body as unknown as TaskDetail).task).toMatchObject({ leadUnitId: grandchild });
      const back = await assign(stpUser, f.stp, [child]);
      expect(back.status, back.text).toBe(200);
    });

    it('lets the monitor assign anywhere, and the unit keep what the monitor set', async () => {
      const m = await assign(monitor, f.stp, [child, f.snv]);
      expect(m.status, m.text).toBe(200);
      // The unit changes the deadline, leaving the monitor's peer in place…
      const cur = (await stpUser.get<TaskDetail>(`/api/tasks/${itemId}`)).body.task;
      const keep = await stpUser.request('PUT', `/api/tasks/${itemId}/assignment`, {
        version: cur.version,
        leadUnitId: f.stp,
        cooperatingUnitIds: [child, f.snv],
        focal: null,
        deadline: { kind: 'date', date: '2026-12-20' },
        products: [],
        reason: 'Lùi hạn theo tiến độ rà soát',
      });
      expect(keep.status, keep.text).toBe(200);
      // … but may not move that peer to the lead.
      const moved = await assign(stpUser, f.snv, [child]);
      expect(moved.body.code).toBe('ASSIGN_UNIT_OUT_OF_SCOPE');
    });

    it('lists exactly the units a unit may assign to with ?within=', async () => {
      const r = await stpUser.get<UnitPage>(`/api/units?within=${f.stp}&limit=100`);
      expect(r.status, r.text).toBe(200);
      expect(new Set(r.body.items.map((u) => u.id))).toEqual(new Set([f.stp, child, grandchild]));
      expect(r.body.total).toBe(3);
      const q = await stpUser.get<UnitPage>(
        `/api/units?within=${f.stp}&q=${encodeURIComponent('tổ rà soát')}`,
      );
      expect(q.body.items.map((u) => u.id)).toEqual([grandchild]);
      const leaf = await stpUser.get<UnitPage>(`/api/units?within=${grandchild}`);
      expect(leaf.body.items.map((u) => u.id)).toEqual([grandchild]);
    });
  });

  describe('point 4 (part): a unit reads the history of its own report', () => {
    it('gives a unit its own report’s audit history and refuses another unit’s', async () => {
      const own = await stpUser.get<AuditEvents>(`/api/audit?entityType=report&entityId=${stpObligation}`);
      expect(own.status, own.text).toBe(200);
      expect(own.body.items.map((e) => e.action)).toEqual(
        expect.arrayContaining(['report.save_draft', 'report.submit']),
      );
      expect(own.body.items.every((e) => e.entityId === stpObligation)).toBe(true);
      const other = await stpUser.get(`/api/audit?entityType=report&entityId=${snvObligation}`);
      expect(other.status).toBe(403);
      expect(other.body.code).toBe('FORBIDDEN_UNIT_SCOPE');
      // The monitor reads both.
      expect((await monitor.get(`/api/audit?entityType=report&entityId=${snvObligation}`)).status).toBe(200);
    });
  });
});
