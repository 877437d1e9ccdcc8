/**
 * Approval of the consolidated report (issue 13, point 6), on PGlite and PostgreSQL: the whole cycle
 * (send, return with a comment, edit, resend, approve with number and date, edits refused once
 * approved, a revision), the refusals (a non-leader approving, a unit, a stale version, steps out of
 * order), the export's marks (DỰ THẢO and blank number until approved; the number and date after),
 * the versions kept and the audit events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../test/support/db.js';
import { docxParagraphs } from '../../../test/support/docx.js';
import { auditActionCounts, type Client, type TestApp } from '../../../test/support/app.js';
import { startReportingApp } from '../../../test/support/reporting.js';
import type { NotificationList } from '../../contract/notifications.js';
import type { Consolidation, ConsolidationVersionList } from '../../contract/consolidation.js';
import { ERRORS, type ErrorCode } from '../../errors.js';

const DRAFT_MARK = ' DỰ THẢO ';
/** The blank number line of an unnumbered draft, in either layout ("Số:      /…" or "Số      -…"). */
const BLANK_NUMBER = /^Số:? {6}[-/]/;
const EDIT = 'Nguyên nhân chủ quan: phối hợp giữa các cơ quan chưa chặt chẽ.';

describe.each(DB_KINDS)('approval of the consolidated report on %s', (kind) => {
  let t: TestApp;
  let monitor: Client;
  let leader: Client & { userId: string };
  let supervisor: Client;
  let admin: Client;
  let stpUser: Client;
  let url: string;

  const current = async () => (await monitor.get<Consolidation>(url)).body;
  const docx = async () => {
    const r = await fetch(`${t.base}${url}.docx`, { headers: { cookie: leader.cookie! } });
    expect(r.status).toBe(200);
    return docxParagraphs(Buffer.from(await r.arrayBuffer()));
  };
  /** A refusal: the status, the stable code and its Vietnamese message. */
  const refused = (r: { status: number; body: Record<string, unknown> }, status: number, code: ErrorCode) => {
    expect([r.status, r.body.code]).toEqual([status, code]);
    if (code !== 'VERSION_CONFLICT' && code !== 'VALIDATION_FAILED')
      expect(r.body.message).toBe(ERRORS[code].vi);
  };
  const step = (c: Client, name: string, body: Record<string, unknown>) =>
    c.post<Consolidation>(`${url}/${name}`, body);

  beforeAll(async () => {
    const r = await startReportingApp(kind);
    ({ t, monitor, stpUser } = r);
    url = `/api/periods/${r.periodId}/consolidation`;
    leader = await t.loginAs('leader');
    supervisor = await t.loginAs('supervisor', { unitCode: 'UBKT-TU' });
    admin = await t.loginAs('admin');
    const g = await monitor.post<Consolidation>(url);
    expect(g.status, g.text).toBe(200);
  });
  afterAll(async () => t?.close());

  it('goes through send, return, edit, resend, approve and a revision', async () => {
    const first = await current();
    expect(first.approval).toEqual({
      status: 'draft',
      sentVersion: null,
      revision: 1,
      statusAt: null,
      comment: null,
    });
    // A draft's export: the DỰ THẢO mark and the number left blank.
    let paras = await docx();
    expect(paras).toContain(DRAFT_MARK);
    expect(paras.some((p) => BLANK_NUMBER.test(p))).toBe(true);

    // Nothing to approve or return before it is sent.
    refused(
      await step(leader, 'approve', { version: first.version, number: '1', date: '2026-12-01' }),
      409,
      'CONSOLIDATION_NOT_SENT',
    );
    refused(await step(monitor, 'send', { version: first.version + 7 }), 409, 'VERSION_CONFLICT');
    const sent = await step(monitor, 'send', { version: first.version });
    expect(sent.status, sent.text).toBe(200);
    expect(sent.body.approval).toMatchObject({
      status: 'sent',
      sentVersion: sent.body.version,
      comment: null,
    });
    expect(sent.body.approval.statusAt).toBe('2026-11-27T03:00:00.000Z');
    // The leader is told in the bell, with the link to the report; the monitor who sent it is not.
    const bell = async (c: Client) =>
      (await c.get<NotificationList>('/api/notifications')).body.items.filter(
        (n) => n.kind === 'consolidation.awaiting_approval',
      );
    const told = await bell(leader);
    expect(told).toHaveLength(1);
    expect(told[0]!.title).toBe('Báo cáo tổng hợp kỳ Năm 2026 chờ phê duyệt');
    expect(told[0]!.link).toBe(
      `${url.replace('/api/periods/', '/ky-bao-cao/').replace('/consolidation', '')}?xem=tong-hop`,
    );
    expect(await bell(monitor)).toHaveLength(0);

    // While sent: no edit, no regeneration, no second send.
    const v1 = sent.body.version;
    refused(
      await monitor.request('PUT', url, { version: v1, sections: [] }),
      409,
      'CONSOLIDATION_AWAITING_APPROVAL',
    );
    refused(await monitor.post(url, { version: v1 }), 409, 'CONSOLIDATION_AWAITING_APPROVAL');
    refused(await step(monitor, 'send', { version: v1 }), 409, 'CONSOLIDATION_AWAITING_APPROVAL');

    // Only a leader approves or returns: not the monitor, a supervisor, an admin or a unit.
    const approval = { version: v1, number: '125', date: '2026-12-10' };
    for (const c of [monitor, supervisor, admin, stpUser]) {
      expect((await step(c, 'approve', approval)).status).toBe(403);
      expect((await step(c, 'return', { version: v1, comment: 'Xem lại.' })).status).toBe(403);
    }
    expect((await step(stpUser, 'send', { version: v1 })).status).toBe(403);
    // Returning needs a comment; approving needs a number and a date.
    refused(await step(leader, 'return', { version: v1 }), 400, 'VALIDATION_FAILED');
    refused(await step(leader, 'return', { version: v1, comment: '   ' }), 400, 'VALIDATION_FAILED');
    refused(await step(leader, 'approve', { version: v1, date: '2026-12-10' }), 400, 'VALIDATION_FAILED');
    refused(await step(leader, 'approve', { version: v1, number: '125' }), 400, 'VALIDATION_FAILED');

    const COMMENT = 'Đề nghị bổ sung nguyên nhân chủ quan của hạn chế.';
    const back = await step(leader, 'return', { version: v1, comment: ` ${COMMENT} ` });
    expect(back.status, back.text).toBe(200);
    expect(back.body.approval).toMatchObject({ status: 'returned', sentVersion: null, comment: COMMENT });
    // Returned: editable again, and not approvable.
    refused(await step(leader, 'approve', approval), 409, 'CONSOLIDATION_NOT_SENT');
    const sections = back.body.sections.map((s, i) =>
      i === 1 ? { ...s, blocks: [...s.blocks, { kind: 'paragraph' as const, text: EDIT }] } : s,
    );
    const edited = await monitor.request<Consolidation>('PUT', url, { version: back.body.version, sections });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body.approval.status).toBe('returned');
    const resent = await step(monitor, 'send', { version: edited.body.version });
    expect(resent.status, resent.text).toBe(200);
    const v2 = resent.body.version;
    expect(resent.body.approval).toMatchObject({ status: 'sent', sentVersion: v2, comment: null });

    // The leader's page still shows the first version sent: approving it is refused.
    refused(await step(leader, 'approve', approval), 409, 'CONSOLIDATION_CHANGED_SINCE_SENT');
    paras = await docx();
    expect(paras).toContain(DRAFT_MARK);

    const ok = await step(leader, 'approve', { ...approval, version: v2 });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.approval).toMatchObject({ status: 'approved', sentVersion: v2, revision: 1 });
    expect([ok.body.heading.number, ok.body.heading.date]).toEqual(['125', '2026-12-10']);

    // Approved: read-only for every step but a revision.
    const v3 = ok.body.version;
    refused(await monitor.request('PUT', url, { version: v3, sections: [] }), 409, 'CONSOLIDATION_APPROVED');
    refused(await monitor.post(url, { version: v3 }), 409, 'CONSOLIDATION_APPROVED');
    refused(await step(monitor, 'send', { version: v3 }), 409, 'CONSOLIDATION_APPROVED');
    refused(await step(leader, 'return', { version: v3, comment: 'Muộn.' }), 409, 'CONSOLIDATION_APPROVED');
    refused(await step(leader, 'approve', { ...approval, version: v3 }), 409, 'CONSOLIDATION_APPROVED');

    // The approved export: its number and date, no DỰ THẢO, no blank left.
    paras = await docx();
    const text = paras.join('\n');
    expect(paras).not.toContain(DRAFT_MARK);
    expect(text).not.toContain('DỰ THẢO');
    expect(text).toMatch(/Số:? 125[-/]/);
    expect(text).toContain('ngày 10 tháng 12 năm 2026');
    expect(text).toContain(EDIT);
    expect(paras.filter((p) => / {2,}/.test(p))).toEqual([]);

    // Every step kept, the latest first, with its content and who took it.
    const versions = (await leader.get<ConsolidationVersionList>(`${url}/versions`)).body.items;
    expect(versions.map((v) => [v.seq, v.step, v.reportVersion, v.revision])).toEqual([
      [4, 'approved', v3, 1],
      [3, 'sent', v2, 1],
      [2, 'returned', back.body.version, 1],
      [1, 'sent', v1, 1],
    ]);
    expect(versions[2]!.comment).toBe(COMMENT);
    expect(versions[0]!.byName).toMatch(/^Người thử leader/);
    expect(versions[3]!.byName).toMatch(/^Người thử monitor/);
    expect(JSON.stringify(versions[3]!.sections)).not.toContain(EDIT);
    expect(JSON.stringify(versions[1]!.sections)).toContain(EDIT);
    expect(versions[0]!.heading.number).toBe('125');
    expect((await stpUser.get(`${url}/versions`)).status).toBe(403);

    // A correction: a new draft revision; the approved version stays.
    refused(await step(monitor, 'revision', { version: v2 }), 409, 'VERSION_CONFLICT');
    expect((await step(leader, 'revision', { version: v3 })).status).toBe(403);
    const rev = await step(monitor, 'revision', { version: v3 });
    expect(rev.status, rev.text).toBe(200);
    expect(rev.body.approval).toMatchObject({ status: 'draft', revision: 2, sentVersion: null });
    refused(
      await step(monitor, 'revision', { version: rev.body.version }),
      409,
      'CONSOLIDATION_NOT_APPROVED',
    );
    paras = await docx();
    expect(paras).toContain(DRAFT_MARK);
    expect(paras.some((p) => BLANK_NUMBER.test(p))).toBe(true);
    const fixed = await monitor.request<Consolidation>('PUT', url, {
      version: rev.body.version,
      heading: { title: `${rev.body.heading.title} (sửa đổi)` },
    });
    expect(fixed.status, fixed.text).toBe(200);
    const kept = (await monitor.get<ConsolidationVersionList>(`${url}/versions`)).body.items;
    expect(kept.map((v) => v.step)).toEqual(['approved', 'sent', 'returned', 'sent']);
    expect(kept[0]!.heading.title).toBe(ok.body.heading.title);

    expect(await auditActionCounts(t, 'consolidation.')).toEqual({
      'consolidation.create': 1,
      'consolidation.edit': 2,
      'consolidation.send': 2,
      'consolidation.return': 1,
      'consolidation.approve': 1,
      'consolidation.revise': 1,
    });
  });
});
