/**
 * Issue 11 point 15: a unit imports its own plan document the way the web app sends it (the file's
 * bytes as application/octet-stream, ?filename=&parentProgramId=&ownerUnitId=), publishes it as its
 * plan and links an item; a unit whose plan already exists gets PLAN_EXISTS with the plan's id (the
 * web opens that plan), also when the plan was started item by item while the draft was open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../test/support/db.js';
import type { Client, TestApp } from '../../../test/support/app.js';
import { startReportingApp } from '../../../test/support/reporting.js';
import { taskTableDocx } from '../../../test/support/docx.js';
import type { ReportingFixture } from '../../../test/support/reporting.js';
import type { ImportDraft, PublishResult } from '../../contract/imports.js';
import type { PlanView } from '../../contract/plans.js';

describe.each(DB_KINDS)('a unit imports its plan document on %s', (kind) => {
  let t: TestApp;
  let f: ReportingFixture;
  let stpUser: Client;
  let snvUser: Client;

  const upload = (who: Client, unitId: string, bytes: Buffer, filename = 'ke-hoach.docx') =>
    who.request<ImportDraft & { code?: string }>(
      'POST',
      `/api/imports?filename=${filename}&parentProgramId=${f.programId}&ownerUnitId=${unitId}`,
      undefined,
      { raw: bytes, contentType: 'application/octet-stream' },
    );

  beforeAll(async () => {
    ({ t, f, stpUser, snvUser } = await startReportingApp(kind));
  });
  afterAll(async () => t?.close());

  it('publishes an uploaded .docx as the unit’s plan, whose items the unit links to its tasks', async () => {
    const docx = await taskTableDocx([
      ['1', 'Kiện toàn đội ngũ cán bộ pháp chế của Sở Nội vụ', 'Sở Nội vụ', '', 'Quý II/2026', 'Quyết định'],
      ['2', 'Tập huấn nghiệp vụ cho cán bộ pháp chế', 'Sở Nội vụ', '', 'Quý III/2026', 'Báo cáo'],
    ]);
    expect((await upload(stpUser, f.snv, docx)).body.code).toBe('FORBIDDEN_UNIT_SCOPE');
    const d = await upload(snvUser, f.snv, docx);
    expect(d.status, d.text).toBe(201);
    expect(d.body).toMatchObject({ filename: 'ke-hoach.docx', format: 'docx' });
    expect(d.body.stats.tasks).toBe(2);
    const pub = await snvUser.post<PublishResult>(`/api/imports/${d.body.id}/publish`, {
      version: d.body.version,
    });
    expect(pub.status, pub.text).toBe(200);
    const plan = (await snvUser.get<PlanView>(`/api/plans/${pub.body.programId}`)).body;
    expect(plan).toMatchObject({ unitId: f.snv, parentProgramId: f.programId });
    expect(plan.items.map((i) => i.text)).toEqual([
      expect.stringContaining('Kiện toàn đội ngũ'),
      expect.stringContaining('Tập huấn nghiệp vụ'),
    ]);
    // Sở Nội vụ leads b and cooperates on a; c is not its task.
    const refused = await snvUser.request('PUT', `/api/tasks/${plan.items[0]!.nodeId}/links`, {
      parentNodeIds: [f.c],
    });
    expect(refused.body.code).toBe('PLAN_TASK_NOT_CARRIED');
    const linked = await snvUser.request<PlanView>('PUT', `/api/tasks/${plan.items[0]!.nodeId}/links`, {
      parentNodeIds: [f.b],
    });
    expect(linked.status, linked.text).toBe(200);
    expect(linked.body.items[0]!.parentNodeIds).toEqual([f.b]);
    // A second document for the same program: the plan exists, and the answer names it.
    const second = await upload(
      snvUser,
      f.snv,
      Buffer.from('KẾ HOẠCH\nLần hai\n\nI. NHIỆM VỤ\n\n- Việc.\n'),
      'lan-2.txt',
    );
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'PLAN_EXISTS', details: { planId: plan.id } });
  });

  it('refuses to publish a plan document once the unit started its plan item by item', async () => {
    const txt = Buffer.from(
      'KẾ HOẠCH\nThực hiện tại Sở Tư pháp\n\nI. NHIỆM VỤ\n\n- Rà soát văn bản quy phạm pháp luật của Sở.\n',
    );
    const d = await upload(stpUser, f.stp, txt, 'ke-hoach-stp.txt');
    expect(d.status, d.text).toBe(201);
    expect(d.body.format).toBe('text');
    const plan = await stpUser.post<PlanView>(`/api/programs/${f.programId}/plans`, { unitId: f.stp });
    expect(plan.status, plan.text).toBe(201);
    const pub = await stpUser.post(`/api/imports/${d.body.id}/publish`, { version: d.body.version });
    expect(pub.status).toBe(409);
    expect(pub.body).toMatchObject({ code: 'PLAN_EXISTS', details: { planId: plan.body.id } });
    expect(pub.body.message).toMatch(/kế hoạch/i);
  });
});
