/**
 * Inspection plans, visits and conclusions (issue 13, points 1–3), on PGlite and PostgreSQL: the UBKT
 * Thành ủy plans a check of Sở Tư pháp (on task a) and Sở Nội vụ, decides it, records a visit with
 * its minutes and a file, writes and issues a conclusion with two recommendations, exports it
 * (.docx read back: every statement true of the data; rendered by LibreOffice when installed),
 * revises it (a recommendation moved, not copied). Also: each refusal with its code and Vietnamese
 * message, what a unit sees (nothing unless a subject, nothing before the day or the first visit, only
 * its own part), the body scope of supervisors, the notifications and the audit events.
 */
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../test/support/db.js';
import { docxParagraphs } from '../../../test/support/docx.js';
import { pdfPagePng, pdfText, renderDocx } from '../../../test/support/office.js';
import { auditActionCounts, type Client, type TestApp } from '../../../test/support/app.js';
import {
  PDF_BYTES,
  startReportingApp,
  stpReportContent,
  submitAccepted,
  type ReportingFixture,
} from '../../../test/support/reporting.js';
import { findUnitByCode } from '../../db/queries/units.js';
import { recommendations } from '../../db/schema.js';
import type { NotificationList } from '../../contract/notifications.js';
import type {
  AttachedFile,
  InspectionConclusion,
  InspectionPlan,
  InspectionPlanList,
  InspectionVisit,
  SubjectDocuments,
} from '../../contract/inspections.js';
import { ERRORS, type ErrorCode } from '../../errors.js';
import { systemCtx } from '../context.js';
import { noticeVisibleInspections } from './inspections.service.js';

const hasOffice = fs.existsSync('/usr/bin/soffice') && fs.existsSync('/usr/bin/pdftoppm');
const OUT = path.resolve('test-results/inspections');

type User = Client & { userId: string };
type Res = { status: number; body: Record<string, unknown>; text: string };

describe.each(DB_KINDS)('inspections on %s', (kind) => {
  let t: TestApp;
  let f: ReportingFixture;
  let monitor: Client;
  let stpUser: Client;
  let snvUser: Client;
  let sup: User;
  let otherSup: User;
  let leader: User;
  let admin: User;
  let outsider: User;
  let ubkt: string;
  let hdnd: string;
  let ca: string;
  let stpObligation: string;
  let snvObligation: string;
  let planId: string;
  let visitSha: string;

  /** A refusal: the status, the stable code and (unless the message is built) its Vietnamese text. */
  const refused = (r: Res, status: number, code: ErrorCode, exactMessage = true) => {
    expect([r.status, r.body.code], r.text).toEqual([status, code]);
    if (exactMessage && code !== 'VERSION_CONFLICT' && code !== 'VALIDATION_FAILED')
      expect(r.body.message).toBe(ERRORS[code].vi);
    expect(String(r.body.message)).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
  };
  const plan = async (c: Client = sup) => (await c.get<InspectionPlan>(`/api/inspections/${planId}`)).body;
  const bell = async (c: Client) => (await c.get<NotificationList>('/api/notifications')).body.items;
  const docx = async (c: Client, id: string) => {
    const r = await fetch(`${t.base}/api/inspection-conclusions/${id}/docx`, {
      headers: { cookie: c.cookie! },
    });
    return {
      status: r.status,
      buf: Buffer.from(await r.arrayBuffer()),
      name: r.headers.get('content-disposition'),
    };
  };

  const planBody = (over: Record<string, unknown> = {}) => ({
    kind: 'party_inspection',
    title: 'Kế hoạch kiểm tra việc thực hiện Chương trình hành động năm 2026',
    year: 2026,
    programId: f.programId,
    contents: 'Kiểm tra việc lãnh đạo, chỉ đạo và tổ chức thực hiện các nhiệm vụ được giao.',
    startsOn: '2026-11-20',
    endsOn: '2026-12-31',
    announcement: 'announced',
    visibleFrom: '2026-12-01',
    team: [
      {
        userId: sup.userId,
        name: 'Nguyễn Văn Kiểm',
        position: 'Ủy viên Ủy ban Kiểm tra',
        role: 'Trưởng đoàn',
      },
      { userId: null, name: 'Trần Thị Giám', position: 'Chuyên viên', role: 'Thành viên' },
    ],
    basisText:
      'Quy định số 22-QĐ/TW ngày 28/7/2021 của Ban Chấp hành Trung ương về công tác kiểm tra, giám sát và kỷ luật của Đảng;\n' +
      '- Chương trình kiểm tra, giám sát năm 2026 của Ủy ban Kiểm tra Thành ủy',
    subjects: [{ unitId: f.stp, nodeId: f.a }, { unitId: f.snv }],
    ...over,
  });

  beforeAll(async () => {
    const r = await startReportingApp(kind);
    ({ t, monitor, stpUser, snvUser, f } = r);
    stpObligation = r.obligationOf(f.stp);
    snvObligation = r.obligationOf(f.snv);
    sup = await t.loginAs('supervisor', { unitCode: 'UBKT-TU' });
    otherSup = await t.loginAs('supervisor', { unitCode: 'HDND' });
    leader = await t.loginAs('leader', { unitCode: 'TT-TU' });
    admin = await t.loginAs('admin');
    outsider = await t.loginAs('unit', { unitCode: 'CA' });
    ubkt = (await findUnitByCode(t.deps.db, 'UBKT-TU'))!.id;
    hdnd = (await findUnitByCode(t.deps.db, 'HDND'))!.id;
    ca = (await findUnitByCode(t.deps.db, 'CA'))!.id;
    // Sở Tư pháp's report is in: the visit may cite it.
    await submitAccepted(stpUser, monitor, stpObligation, stpReportContent(f, []));
  });
  afterAll(async () => t?.close());

  it('plans, decides and visits, with each refusal and the unit visibility rules', async () => {
    // Only supervisors (and admins) plan; a supervisor only for its own body.
    refused(await monitor.post('/api/inspections', planBody()), 403, 'FORBIDDEN_ROLE');
    refused(
      await otherSup.post('/api/inspections', planBody({ bodyUnitId: ubkt })),
      403,
      'FORBIDDEN_BODY_SCOPE',
    );
    refused(await admin.post('/api/inspections', planBody()), 400, 'INSPECTION_PLAN_INVALID', false);
    refused(
      await sup.post('/api/inspections', planBody({ endsOn: '2026-11-01' })),
      400,
      'INSPECTION_PLAN_INVALID',
      false,
    );
    refused(
      await sup.post(
        '/api/inspections',
        planBody({ subjects: [{ unitId: f.stp, unitPlanId: f.programId }] }),
      ),
      400,
      'INSPECTION_PLAN_INVALID',
      false,
    );
    refused(
      await sup.post('/api/inspections', planBody({ announcement: 'unannounced' })),
      400,
      'INSPECTION_PLAN_INVALID',
      false,
    );
    const byAdmin = await admin.post<InspectionPlan>(
      '/api/inspections',
      planBody({ bodyUnitId: hdnd, kind: 'council_supervision', team: [], subjects: [{ unitId: f.snv }] }),
    );
    expect([byAdmin.status, byAdmin.body.bodyUnitId], byAdmin.text).toEqual([201, hdnd]);

    const c = await sup.post<InspectionPlan>('/api/inspections', planBody());
    expect(c.status, c.text).toBe(201);
    planId = c.body.id;
    expect(c.body).toMatchObject({ bodyUnitId: ubkt, status: 'draft', version: 1, canManage: true });
    expect(c.body.basis).toEqual([
      {
        raw: 'Quy định số 22-QĐ/TW ngày 28/7/2021 của Ban Chấp hành Trung ương về công tác kiểm tra, giám sát và kỷ luật của Đảng',
        docType: 'Quy định',
        number: '22-QĐ/TW',
        date: '2021-07-28',
      },
      {
        raw: 'Chương trình kiểm tra, giám sát năm 2026 của Ủy ban Kiểm tra Thành ủy',
        docType: null,
        number: null,
        date: null,
      },
    ]);
    expect(c.body.subjects.map((s) => [s.unitId, s.taskLabel !== null])).toEqual([
      [f.stp, true],
      [f.snv, false],
    ]);

    // A draft is the body's: nobody else sees it.
    for (const u of [leader, monitor, otherSup, stpUser])
      refused(await u.get(`/api/inspections/${planId}`), 404, 'INSPECTION_NOT_FOUND');
    expect(
      (await leader.get<InspectionPlanList>('/api/inspections')).body.items.map((p) => p.id),
    ).not.toContain(planId);
    refused(
      await otherSup.request('PUT', `/api/inspections/${planId}`, { ...planBody(), version: 1 }),
      403,
      'FORBIDDEN_BODY_SCOPE',
    );
    const edited = await sup.request<InspectionPlan>('PUT', `/api/inspections/${planId}`, {
      ...planBody({ contents: 'Kiểm tra việc lãnh đạo, chỉ đạo, tổ chức thực hiện và báo cáo kết quả.' }),
      version: 1,
    });
    expect([edited.status, edited.body.version], edited.text).toEqual([200, 2]);
    refused(
      await sup.post(`/api/inspections/${planId}/visits`, {
        subjectId: edited.body.subjects[0]!.id,
        heldOn: '2026-11-25',
        place: '',
        participants: '',
        documents: [],
        minutes: '',
        attachments: [],
      }),
      409,
      'INSPECTION_PLAN_NOT_ACTIVE',
    );
    refused(
      await otherSup.post(`/api/inspections/${planId}/activate`, { version: 2 }),
      403,
      'FORBIDDEN_BODY_SCOPE',
    );
    refused(await sup.post(`/api/inspections/${planId}/activate`, { version: 1 }), 409, 'VERSION_CONFLICT');
    const act = await sup.post<InspectionPlan>(`/api/inspections/${planId}/activate`, { version: 2 });
    expect([act.status, act.body.status], act.text).toEqual([200, 'active']);
    refused(
      await sup.request('PUT', `/api/inspections/${planId}`, { ...planBody(), version: 3 }),
      409,
      'INSPECTION_PLAN_NOT_DRAFT',
    );

    // Decided: staff read it; the units not before 01/12/2026 (today is 27/11) nor a visit.
    expect((await plan(leader)).subjects).toHaveLength(2);
    expect((await plan(otherSup)).canManage).toBe(false);
    for (const u of [stpUser, snvUser, outsider]) {
      refused(await u.get(`/api/inspections/${planId}`), 404, 'INSPECTION_NOT_FOUND');
      expect((await u.get<InspectionPlanList>('/api/inspections')).body.items).toEqual([]);
    }
    expect((await bell(stpUser)).filter((n) => n.kind === 'inspection.plan_visible')).toEqual([]);

    // What the visit may cite: Sở Tư pháp's report, its task a; not Sở Nội vụ's report.
    const [stpSubject, snvSubject] = act.body.subjects;
    refused(
      await otherSup.get(`/api/inspection-subjects/${stpSubject!.id}/documents`),
      403,
      'FORBIDDEN_BODY_SCOPE',
    );
    const docs = (await sup.get<SubjectDocuments>(`/api/inspection-subjects/${stpSubject!.id}/documents`))
      .body.items;
    const report = docs.find((d) => d.kind === 'report' && d.ref === stpObligation)!;
    const task = docs.find((d) => d.kind === 'task' && d.ref === f.a)!;
    expect(report.label).toBe('Báo cáo Năm 2026: ' + report.label.slice('Báo cáo Năm 2026: '.length));
    expect(task.label).toMatch(/^Nhiệm vụ /);
    expect(docs.some((d) => d.ref === snvObligation)).toBe(false);

    const up = await sup.request<AttachedFile>(
      'POST',
      `/api/inspections/${planId}/files?filename=bien-ban-lam-viec.pdf`,
      undefined,
      {
        raw: PDF_BYTES,
        contentType: 'application/octet-stream',
      },
    );
    expect(up.status, up.text).toBe(201);
    visitSha = up.body.sha256;
    refused(
      await sup.request('POST', `/api/inspections/${planId}/files?filename=bien-ban.docx`, undefined, {
        raw: PDF_BYTES,
        contentType: 'application/octet-stream',
      }),
      415,
      'FILE_EXTENSION_MISMATCH',
      false,
    );
    const visitBody = {
      subjectId: stpSubject!.id,
      heldOn: '2026-11-26',
      place: 'Trụ sở Sở Tư pháp',
      participants: 'Đoàn kiểm tra; Giám đốc, Phó Giám đốc Sở Tư pháp',
      documents: [
        { kind: 'report', ref: stpObligation, label: 'tên do trình duyệt gửi' },
        { kind: 'task', ref: f.a, label: '' },
      ],
      minutes: 'Đoàn đã làm việc với lãnh đạo Sở; Sở báo cáo tiến độ rà soát văn bản.',
      attachments: [{ sha256: visitSha, name: 'Biên bản làm việc.pdf' }],
    };
    refused(
      await sup.post(`/api/inspections/${planId}/visits`, {
        ...visitBody,
        documents: [{ kind: 'report', ref: snvObligation, label: '' }],
      }),
      400,
      'INSPECTION_DOCUMENT_INVALID',
    );
    const v = await sup.post<InspectionVisit>(`/api/inspections/${planId}/visits`, visitBody);
    expect(v.status, v.text).toBe(201);
    // The labels are the server's, the file's size and type those stored.
    expect(v.body.documents).toEqual([report, task]);
    expect(v.body.attachments).toEqual([
      {
        sha256: visitSha,
        name: 'Biên bản làm việc.pdf',
        size: PDF_BYTES.length,
        mimeType: 'application/pdf',
      },
    ]);
    const { subjectId: _s, ...visitEdit } = visitBody;
    refused(
      await sup.request('PUT', `/api/inspection-visits/${v.body.id}`, { ...visitEdit, version: 7 }),
      409,
      'VERSION_CONFLICT',
    );
    const v2 = await sup.request<InspectionVisit>('PUT', `/api/inspection-visits/${v.body.id}`, {
      ...visitEdit,
      place: 'Phòng họp Sở Tư pháp',
      version: 1,
    });
    expect([v2.status, v2.body.place, v2.body.version], v2.text).toEqual([200, 'Phòng họp Sở Tư pháp', 2]);

    // The visit makes it visible to Sở Tư pháp (told once), with only its own part; not to Sở Nội vụ.
    const seen = await plan(stpUser);
    expect(seen.subjects.map((s) => s.unitId)).toEqual([f.stp]);
    expect(seen.visits.map((x) => x.minutes)).toEqual([visitBody.minutes]);
    expect(seen.canManage).toBe(false);
    expect((await bell(stpUser)).filter((n) => n.kind === 'inspection.plan_visible')).toHaveLength(1);
    refused(await snvUser.get(`/api/inspections/${planId}`), 404, 'INSPECTION_NOT_FOUND');
    const file = await fetch(`${t.base}/api/inspection-visits/${v.body.id}/files/${visitSha}`, {
      headers: { cookie: stpUser.cookie! },
    });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF_BYTES)).toBe(true);
    for (const u of [snvUser, outsider]) {
      const r = await fetch(`${t.base}/api/inspection-visits/${v.body.id}/files/${visitSha}`, {
        headers: { cookie: u.cookie! },
      });
      expect(r.status).toBe(404);
    }

    // From 01/12 Sở Nội vụ sees it too (told by the sweep, once), but not Sở Tư pháp's minutes.
    t.deps.clock = () => new Date('2026-12-02T03:00:00Z');
    const snvSeen = await plan(snvUser);
    expect(snvSeen.subjects.map((s) => s.unitId)).toEqual([f.snv]);
    expect(snvSeen.visits).toEqual([]);
    expect(snvSubject!.unitId).toBe(f.snv);
    await noticeVisibleInspections(t.deps, systemCtx('test'));
    await noticeVisibleInspections(t.deps, systemCtx('test'));
    expect((await bell(snvUser)).filter((n) => n.kind === 'inspection.plan_visible')).toHaveLength(1);
    expect((await bell(stpUser)).filter((n) => n.kind === 'inspection.plan_visible')).toHaveLength(1);
    const snvNote = (await bell(snvUser)).find((n) => n.kind === 'inspection.plan_visible')!;
    expect(snvNote.title).toBe(
      'Ủy ban Kiểm tra Thành ủy: kiểm tra của đảng tại Sở Nội vụ Thành phố Hà Nội'.replace(
        'Sở Nội vụ Thành phố Hà Nội',
        snvSeen.subjects[0]!.unitName,
      ),
    );
    expect(snvNote.link).toBe(`/kiem-tra-giam-sat/${planId}`);
    // A unit that is not a subject still sees nothing.
    refused(await outsider.get(`/api/inspections/${planId}`), 404, 'INSPECTION_NOT_FOUND');
    expect((await outsider.get<InspectionPlanList>('/api/inspections')).body.items).toEqual([]);
    expect((await snvUser.get<InspectionPlanList>('/api/inspections')).body.items.map((p) => p.id)).toEqual([
      planId,
    ]);
  });

  it('writes, refuses, issues, exports and revises a conclusion', async () => {
    const url = `/api/inspections/${planId}/conclusions`;
    const base = {
      title: 'Kết luận kiểm tra việc thực hiện Chương trình hành động năm 2026',
      summary: '',
      layout: 'party',
    };
    const c0 = await sup.post<InspectionConclusion>(url, { ...base, findings: [], recommendations: [] });
    expect([c0.status, c0.body.status], c0.text).toEqual([201, 'draft']);
    const id = c0.body.id;
    refused(
      await sup.post(url, { ...base, findings: [], recommendations: [] }),
      409,
      'CONCLUSION_DRAFT_EXISTS',
    );
    const issue = (version: number, issuedOn: string, number = '12') =>
      sup.post<InspectionConclusion>(`/api/inspection-conclusions/${id}/issue`, {
        version,
        number,
        issuedOn,
        signerName: 'Lê Văn Ký',
        signerTitle: 'Chủ nhiệm',
      });
    refused(await issue(1, '2026-12-05'), 400, 'CONCLUSION_NO_FINDING');

    const findings = [
      { unitId: f.stp, nodeId: f.a, text: 'Chưa ban hành kế hoạch rà soát văn bản quy phạm pháp luật' },
      { unitId: f.snv, text: 'Báo cáo kết quả thực hiện còn chậm so với thời hạn' },
    ];
    const recs = [
      {
        findingSeq: 1,
        responsibleUnitId: f.stp,
        nodeId: f.a,
        text: 'Ban hành kế hoạch rà soát văn bản quy phạm pháp luật',
        dueDate: '2027-03-31',
        expectedProduct: 'Kế hoạch rà soát được Giám đốc Sở ký ban hành',
      },
      {
        findingSeq: 2,
        responsibleUnitId: f.snv,
        text: 'Khắc phục việc chậm báo cáo',
        dueDate: '2026-12-10',
        expectedProduct: 'Báo cáo bổ sung',
      },
    ];
    const put = (version: number, body: Record<string, unknown>) =>
      sup.request<InspectionConclusion>('PUT', `/api/inspection-conclusions/${id}`, {
        ...base,
        version,
        ...body,
      });
    refused(
      await put(1, { findings: [{ unitId: ca, text: 'Không phải đối tượng' }], recommendations: [] }),
      400,
      'CONCLUSION_FINDING_INVALID',
    );
    const { responsibleUnitId: _r, ...noUnit } = recs[0]!;
    refused(await put(1, { findings, recommendations: [noUnit] }), 400, 'VALIDATION_FAILED');
    const { dueDate: _d, ...noDue } = recs[0]!;
    refused(await put(1, { findings, recommendations: [noDue] }), 400, 'VALIDATION_FAILED');
    refused(
      await put(1, { findings, recommendations: [{ ...recs[0], findingSeq: 5 }] }),
      400,
      'RECOMMENDATION_INVALID',
    );
    refused(
      await put(1, { findings, recommendations: [{ ...recs[0], text: '   ' }] }),
      400,
      'RECOMMENDATION_INVALID',
    );
    const summary = 'Đoàn kiểm tra đã làm việc trực tiếp với hai đơn vị.';
    const p1 = await put(1, { summary, findings, recommendations: recs });
    expect(
      [p1.status, p1.body.version, p1.body.findings.length, p1.body.recommendations.length],
      p1.text,
    ).toEqual([200, 2, 2, 2]);
    expect(p1.body.recommendations.map((r) => r.findingSeq)).toEqual([1, 2]);

    // A draft conclusion is the body's alone.
    expect((await plan(leader)).conclusions).toEqual([]);
    expect((await plan(stpUser)).conclusions).toEqual([]);
    expect((await docx(leader, id)).status).toBe(404);
    const draftDoc = docxParagraphs((await docx(sup, id)).buf);
    expect(draftDoc).toContain(' DỰ THẢO ');
    expect(draftDoc).toContain('Số      -TB/UBKTTU');

    refused(await issue(2, '2026-12-15'), 400, 'RECOMMENDATION_DUE_BEFORE_ISSUE', false);
    const issued = await issue(2, '2026-12-05');
    expect([issued.status, issued.body.status, issued.body.number], issued.text).toEqual([
      200,
      'issued',
      '12',
    ]);
    refused(await put(3, { findings, recommendations: recs }), 409, 'CONCLUSION_ISSUED');
    refused(await issue(3, '2026-12-05'), 409, 'CONCLUSION_ISSUED');

    // Each unit reads its own findings and recommendations, and is told.
    const stpSeen = (await plan(stpUser)).conclusions;
    expect(stpSeen.map((c) => [c.number, c.summary, c.findings.length, c.recommendations.length])).toEqual([
      ['12', '', 1, 1],
    ]);
    expect(stpSeen[0]!.recommendations[0]!.text).toBe(recs[0]!.text);
    for (const u of [stpUser, snvUser]) {
      const n = (await bell(u)).filter((x) => x.kind === 'inspection.conclusion_issued');
      expect(n.map((x) => x.title)).toEqual(['Ủy ban Kiểm tra Thành ủy ban hành kết luận số 12']);
    }
    expect((await docx(stpUser, id)).status).toBe(403);

    // The document: every statement from the data.
    const got = await docx(leader, id);
    expect(got.status).toBe(200);
    expect(got.name).toBe('attachment; filename="thong-bao-ket-luan-12.docx"');
    const paras = docxParagraphs(got.buf);
    const full = await plan(sup);
    const names = new Map(full.subjects.map((s) => [s.unitId, s.unitName]));
    const taskA = full.subjects[0]!.taskLabel!;
    expect(paras).not.toContain(' DỰ THẢO ');
    const expected = [
      'THÀNH ỦY HÀ NỘI',
      'ỦY BAN KIỂM TRA',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Số 12-TB/UBKTTU',
      'Hà Nội, ngày 05 tháng 12 năm 2026',
      'THÔNG BÁO KẾT LUẬN KIỂM TRA',
      base.title,
      '-----',
      'Căn cứ quy định số 22-QĐ/TW ngày 28/7/2021 của Ban Chấp hành Trung ương về công tác kiểm tra, giám sát và kỷ luật của Đảng;',
      'Căn cứ chương trình kiểm tra, giám sát năm 2026 của Ủy ban Kiểm tra Thành ủy;',
      `Thực hiện kế hoạch kiểm tra việc thực hiện Chương trình hành động năm 2026, Ủy ban Kiểm tra Thành ủy từ ngày 20/11/2026 đến ngày 31/12/2026 đã tiến hành kiểm tra (kiểm tra của Đảng) đối với ${names.get(f.stp)}, ${names.get(f.snv)}.`,
      summary,
      'I. NỘI DUNG KẾT LUẬN',
      `1. ${names.get(f.stp)} (nhiệm vụ ${taskA}): ${findings[0]!.text}.`,
      `2. ${names.get(f.snv)}: ${findings[1]!.text}.`,
      'II. KIẾN NGHỊ',
      `1. ${names.get(f.stp)} (nhiệm vụ ${taskA}): ${recs[0]!.text} (khắc phục nội dung kết luận số 1). Thời hạn: 31/03/2027. Sản phẩm: ${recs[0]!.expectedProduct}.`,
      `2. ${names.get(f.snv)}: ${recs[1]!.text} (khắc phục nội dung kết luận số 2). Thời hạn: 10/12/2026. Sản phẩm: ${recs[1]!.expectedProduct}.`,
      'Nơi nhận:',
      `- ${names.get(f.stp)} (để thực hiện);`,
      `- ${names.get(f.snv)} (để thực hiện);`,
      '- Lưu Ủy ban Kiểm tra Thành ủy.',
      'T/M ỦY BAN KIỂM TRA',
      'CHỦ NHIỆM',
      'Lê Văn Ký',
    ];
    expect(paras.filter((p) => p.trim() !== '*')).toEqual(expected);
    if (hasOffice) {
      fs.mkdirSync(OUT, { recursive: true });
      const dir = fs.mkdtempSync(path.join(OUT, `${kind}-`));
      const file = path.join(dir, 'in.docx');
      fs.writeFileSync(file, got.buf);
      const pdf = renderDocx(dir, file, 'thong-bao-ket-luan');
      const text = pdfText(pdf);
      expect(text).toContain('THÔNG BÁO KẾT LUẬN KIỂM TRA');
      expect(text).toContain('Số 12-TB/UBKTTU');
      pdfPagePng(pdf, 1, path.join(OUT, `thong-bao-ket-luan-${kind}`));
    }

    // Sở Nội vụ's recommendation is closed (the remediation follow-up); "Sửa đổi" carries the open one.
    const [stpRec, snvRec] = issued.body.recommendations;
    await t.deps.db
      .update(recommendations)
      .set({ status: 'closed' })
      .where(eq(recommendations.id, snvRec!.id));
    refused(
      await sup.post(`/api/inspection-conclusions/${id}/revision`, { version: 9 }),
      409,
      'VERSION_CONFLICT',
    );
    const rev = await sup.post<InspectionConclusion>(`/api/inspection-conclusions/${id}/revision`, {
      version: 3,
    });
    expect([rev.status, rev.body.revision, rev.body.supersedesId, rev.body.status], rev.text).toEqual([
      201,
      2,
      id,
      'draft',
    ]);
    expect(rev.body.findings.map((x) => x.text)).toEqual(findings.map((x) => x.text));
    expect(rev.body.recommendations.map((r) => [r.carriedFromId, r.findingSeq])).toEqual([[stpRec!.id, 1]]);
    refused(
      await sup.post(`/api/inspection-conclusions/${id}/revision`, { version: 3 }),
      409,
      'CONCLUSION_DRAFT_EXISTS',
    );
    // The revision corrects the deadline, adds one recommendation and is a State-layout report.
    const fix = await sup.request<InspectionConclusion>('PUT', `/api/inspection-conclusions/${rev.body.id}`, {
      ...base,
      layout: 'state',
      version: rev.body.version,
      summary,
      findings,
      recommendations: [
        { ...recs[0], id: rev.body.recommendations[0]!.id, dueDate: '2027-04-30' },
        {
          responsibleUnitId: f.snv,
          text: 'Rà soát quy trình báo cáo định kỳ',
          dueDate: '2027-01-31',
          expectedProduct: '',
        },
      ],
    });
    expect(fix.status, fix.text).toBe(200);
    const revIssued = await sup.post<InspectionConclusion>(
      `/api/inspection-conclusions/${rev.body.id}/issue`,
      {
        version: fix.body.version,
        number: '15',
        issuedOn: '2026-12-20',
        signerName: 'Lê Văn Ký',
        signerTitle: 'Chủ nhiệm',
      },
    );
    expect(revIssued.status, revIssued.text).toBe(200);
    // The open recommendation moved (same id, new wording); the closed one stayed with the old conclusion.
    expect(revIssued.body.recommendations.map((r) => [r.id, r.dueDate, r.carriedFromId])).toEqual([
      [stpRec!.id, '2027-04-30', null],
      [expect.any(String), '2027-01-31', null],
    ]);
    const after = (await plan(leader)).conclusions;
    expect(after.map((c) => [c.revision, c.status, c.recommendations.map((r) => r.id)])).toEqual([
      [2, 'issued', [stpRec!.id, revIssued.body.recommendations[1]!.id]],
      [1, 'superseded', [snvRec!.id]],
    ]);
    const state = docxParagraphs((await docx(leader, rev.body.id)).buf);
    expect(state).toContain('BÁO CÁO KẾT QUẢ GIÁM SÁT');
    expect(state).toContain('Số: 15/BC-UBKTTU');
    expect(state).toContain('I. KẾT QUẢ GIÁM SÁT');
    expect(state).toContain(
      `2. ${names.get(f.snv)}: Rà soát quy trình báo cáo định kỳ. Thời hạn: 31/01/2027.`,
    );

    // Closing ends the plan: nothing more is recorded.
    const cur = await plan(sup);
    const closed = await sup.post<InspectionPlan>(`/api/inspections/${planId}/close`, {
      version: cur.version,
    });
    expect([closed.status, closed.body.status], closed.text).toEqual([200, 'closed']);
    refused(
      await sup.post(url, { ...base, findings: [], recommendations: [] }),
      409,
      'INSPECTION_PLAN_NOT_ACTIVE',
    );

    expect(await auditActionCounts(t, 'inspection')).toEqual({
      'inspection.create': 2,
      'inspection.update': 1,
      'inspection.activate': 1,
      'inspection.close': 1,
    });
    expect(await auditActionCounts(t, 'visit.')).toEqual({ 'visit.create': 1, 'visit.update': 1 });
    expect(await auditActionCounts(t, 'conclusion.')).toEqual({
      'conclusion.create': 1,
      'conclusion.update': 2,
      'conclusion.issue': 2,
      'conclusion.revise': 1,
      'conclusion.supersede': 1,
    });
  });
});
