import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../test/support/db.js';
import type { Client } from '../../../test/support/app.js';
import { entry, startReportingApp, type ReportingApp } from '../../../test/support/reporting.js';
import type { HomeOverview } from '../../contract/home.js';

describe.each(DB_KINDS)('the home overview on %s', (kind) => {
  let r: ReportingApp;
  let leader: Client;
  const home = async (c: Client) => {
    const res = await c.get<HomeOverview>('/api/home');
    expect(res.status, res.text).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    r = await startReportingApp(kind);
    leader = await r.t.loginAs('leader');
  });
  afterAll(async () => r?.t.close());

  it('shows a unit its tasks overdue or due soon and its own reports, nothing of other units', async () => {
    const stp = await home(r.stpUser);
    expect(stp.scope).toBe('unit');
    expect(stp.today).toBe('2026-11-27');
    // Task A (due 30/06/2026) is overdue; task C (31/12/2026) is more than 14 days away.
    expect(stp.tasks.map((t) => [t.nodeId, t.role, t.overdue])).toEqual([[r.f.a, 'lead', true]]);
    expect(stp.counts).toMatchObject({ tasksOverdue: 1, tasksDueSoon: 0, openPeriods: 1, expected: 1 });
    expect(stp.reports.map((x) => [x.unitName, x.status])).toEqual([['Sở Tư pháp', 'not_started']]);
    expect(stp.overdue).toEqual([]);
    expect(stp.consolidations).toEqual([]);
    // Sở Nội vụ leads B (31/03/2026) and cooperates on A: both overdue.
    const snv = await home(r.snvUser);
    expect(snv.tasks.map((t) => [t.nodeId, t.role]).sort()).toEqual(
      [
        [r.f.a, 'cooperating'],
        [r.f.b, 'lead'],
      ].sort(),
    );
    expect(snv.reports.every((x) => x.unitId === r.f.snv)).toBe(true);
  });

  it('shows the monitor the open periods, the reports waiting for review and, past the due day, the units overdue', async () => {
    const before = await home(r.monitor);
    expect(before.scope).toBe('all');
    expect(before.tasks).toEqual([]);
    expect(before.periods).toHaveLength(1);
    expect(before.periods[0]).toMatchObject({
      id: r.periodId,
      expected: 2,
      submitted: 0,
      waiting: 0,
      overdue: 0,
    });

    const ob = r.obligationOf(r.f.snv);
    const rep = (await r.snvUser.get<{ version: number }>(`/api/reports/${ob}`)).body;
    const content = {
      entries: {
        [r.f.b]: entry({ status: 'not_started', reason: 'Chưa bố trí được kinh phí.' }),
        [r.f.a]: entry({ status: 'in_progress', results: 'Cử 2 cán bộ tham gia tổ rà soát.' }),
      },
    };
    expect(
      (await r.snvUser.request('PUT', `/api/reports/${ob}/draft`, { version: rep.version, content })).status,
    ).toBe(200);
    const sub = await r.snvUser.post(`/api/reports/${ob}/submit`, { idempotencyKey: `home-${ob}` });
    expect(sub.status, sub.text).toBe(200);

    const after = await home(r.monitor);
    expect(after.counts).toMatchObject({ openPeriods: 1, expected: 2, submitted: 1, waiting: 1 });
    expect(after.reports.map((x) => [x.unitName, x.status])).toEqual([['Sở Nội vụ', 'submitted']]);
    expect(after.reports[0]!.submittedAt).toBeTruthy();

    // Past the period's due day, Sở Tư pháp (nothing sent) is overdue.
    const due = after.periods[0]!.dueDate;
    r.t.deps.clock = () => new Date(Date.parse(`${due}T03:00:00Z`) + 2 * 86_400_000);
    const late = await home(r.monitor);
    expect(late.overdue.map((x) => x.unitName)).toEqual(['Sở Tư pháp']);
    expect(late.counts.overdue).toBe(1);
    expect(late.periods[0]!.overdue).toBe(1);
  });

  it('shows leaders the same counts across programs, and the consolidated reports drafted', async () => {
    const l = await home(leader);
    const m = await home(r.monitor);
    expect(l.scope).toBe('all');
    expect(l.counts).toEqual(m.counts);
    expect(l.consolidations).toEqual([]);
    const made = await r.monitor.post(`/api/periods/${r.periodId}/consolidation`, {});
    expect(made.status, made.text).toBeLessThan(300);
    const again = await home(leader);
    expect(again.consolidations.map((c) => [c.periodId, c.status])).toEqual([[r.periodId, 'draft']]);
    // Sent for approval, it is what awaits the leader.
    const c = (await r.monitor.get<{ version: number }>(`/api/periods/${r.periodId}/consolidation`)).body;
    const sent = await r.monitor.post(`/api/periods/${r.periodId}/consolidation/send`, {
      version: c.version,
    });
    expect(sent.status, sent.text).toBe(200);
    expect((await home(leader)).consolidations.map((x) => x.status)).toEqual(['sent']);
    expect((await r.t.client().get('/api/home')).status).toBe(401);
  });
});
