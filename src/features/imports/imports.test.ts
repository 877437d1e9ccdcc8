import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DB_KINDS } from '../../../test/support/db.js';
import { taskTableDocx, zipBombDocx } from '../../../test/support/docx.js';
import { startTestApp, type Client, type TestApp } from '../../../test/support/app.js';
import { rows } from '../../db/connection.js';
import type { Static } from '@sinclair/typebox';
import type {
  DocNodeSchema,
  DraftList,
  EditOpSchema,
  ImportDraft,
  PublishResult,
  StoredDocument,
} from '../../contract/imports.js';
import type { Program, ProgramList } from '../../contract/programs.js';
import type { DocNode, ParsedDocument } from '../../domain/importer/types.js';
import type { EditOp } from '../../domain/importer/edit.js';

const PLAN = `ỦY BAN NHÂN DÂN
XÃ THỬ NGHIỆM

Số: 15/KH-UBND

KẾ HOẠCH
Triển khai công tác phổ biến pháp luật năm 2026

I. MỤC ĐÍCH, YÊU CẦU

1. Nâng cao nhận thức pháp luật của Nhân dân.

II. NHIỆM VỤ, GIẢI PHÁP

1. Tuyên truyền

- Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ tổ chức hội nghị trước ngày 30/6/2026.

Biên soạn tài liệu hỏi đáp pháp luật.

III. TỔ CHỨC THỰC HIỆN

1. Sở Tư pháp: theo dõi, đôn đốc, báo cáo.
`;

it('describes the parser’s own types in the contract', () => {
  expectTypeOf<StoredDocument>().toEqualTypeOf<Omit<ParsedDocument, 'source'>>();
  expectTypeOf<Static<typeof DocNodeSchema>>().toEqualTypeOf<DocNode>();
  expectTypeOf<Static<typeof EditOpSchema>>().toEqualTypeOf<EditOp>();
});

describe.each(DB_KINDS)('importing documents on %s', (kind) => {
  let t: TestApp;
  let monitor: Client;
  let unitUser: Client;
  const draftCount = async () =>
    Number((await rows<{ n: string }>(t.deps.db, sql`select count(*) as n from import_drafts`))[0]!.n);

  beforeAll(async () => {
    t = await startTestApp(kind);
    monitor = await t.loginAs('monitor', { unitCode: 'BNC-TU' });
    unitUser = await t.loginAs('unit', { unitCode: 'SO-TU-PHAP' });
  });
  afterAll(async () => t?.close());

  it('has the seed program published at first start, through the import path', async () => {
    const list = await unitUser.get<ProgramList>('/api/programs');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]!.tasks).toBe(29);
    const p = await unitUser.get<Program>(`/api/programs/${list.body.items[0]!.id}`);
    expect(p.body.nodes.filter((n) => n.parentId === null).map((n) => n.label)).toEqual(['I', 'II', 'III']);
    expect(p.body.references.find((r) => r.number === '71-KH/TU')?.date).toBe('2022-04-14');
    expect(p.body.responsibilities.find((r) => r.label === 'III.5.2')?.leadUnitId).toBeTruthy();
    const audit = await monitor.get<{ items: { action: string }[] }>(
      `/api/audit?entityType=program&entityId=${list.body.items[0]!.id}`,
    );
    // Published through the import path, then made public on the portal by the demo data (newest first).
    expect(audit.body.items.map((e) => e.action)).toEqual(['program.publicize', 'program.publish']);
    expect(list.body.items[0]!.publicSince).not.toBeNull();
  });

  it('imports pasted text, takes corrections, and publishes', async () => {
    const c = await monitor.post<ImportDraft>('/api/imports', { text: PLAN, filename: 'ke-hoach.txt' });
    expect(c.status).toBe(201);
    expect(c.body.stats.tasks).toBe(2);
    expect(c.body.doc.tasks[0]!.lead?.unitCodes).toEqual(['SO-TU-PHAP']);
    const para = c.body.doc.sections[1]!.children[0]!.children;
    expect(para.map((n) => n.kind)).toEqual(['bullet', 'paragraph']);

    const merged = await monitor.post<ImportDraft>(`/api/imports/${c.body.id}/edits`, {
      version: c.body.version,
      op: { op: 'merge', nodeId: para[1]!.id },
    });
    expect(merged.status).toBe(200);
    expect(merged.body.stats.tasks).toBe(1);
    const stale = await monitor.post(`/api/imports/${c.body.id}/edits`, {
      version: c.body.version,
      op: { op: 'indent', nodeId: para[0]!.id },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const bad = await monitor.post(`/api/imports/${c.body.id}/edits`, {
      version: merged.body.version,
      op: { op: 'merge', nodeId: 'n999' },
    });
    expect(bad.body.code).toBe('IMPORT_EDIT_INVALID');

    const pub = await monitor.post<PublishResult>(`/api/imports/${c.body.id}/publish`, {
      version: merged.body.version,
    });
    expect(pub.status).toBe(200);
    const prog = await monitor.get<Program>(`/api/programs/${pub.body.programId}`);
    expect(prog.body).toMatchObject({ docKind: 'KẾ HOẠCH', number: '15/KH-UBND' });
    expect(prog.body.nodes.filter((n) => n.isTask)).toHaveLength(1);
    const again = await monitor.post(`/api/imports/${c.body.id}/edits`, {
      version: merged.body.version + 1,
      op: { op: 'indent', nodeId: para[0]!.id },
    });
    expect(again.body.code).toBe('IMPORT_DRAFT_CLOSED');
  });

  it('corrects the heading of a draft (audited, versioned), and the program takes it; not after publishing', async () => {
    const c = await monitor.post<ImportDraft>('/api/imports', { text: PLAN });
    expect(c.body.doc.program.title).toBe('Triển khai công tác phổ biến pháp luật năm 2026');
    const heading = {
      docKind: 'KẾ HOẠCH',
      title: '  Triển khai   công tác phổ biến, giáo dục pháp luật năm 2026 ',
      number: '16/KH-UBND',
      date: '2026-01-15',
      place: 'Hà Nội',
      issuer: 'ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM',
      parentIssuer: null,
      signer: { onBehalf: 'TM. ỦY BAN NHÂN DÂN', position: 'CHỦ TỊCH', name: 'Nguyễn Văn A' },
    };
    const path = `/api/imports/${c.body.id}/heading`;
    const r = await monitor.request<ImportDraft>('PUT', path, { version: c.body.version, ...heading });
    expect(r.status, r.text).toBe(200);
    expect(r.body.version).toBe(c.body.version + 1);
    expect(r.body.doc.program).toMatchObject({
      title: 'Triển khai công tác phổ biến, giáo dục pháp luật năm 2026',
      number: '16/KH-UBND',
      date: '2026-01-15',
      place: 'Hà Nội',
    });
    expect(r.body.doc.signer).toMatchObject({ position: 'CHỦ TỊCH', name: 'Nguyễn Văn A' });
    // The audit event holds the changed fields, before → after.
    const audit = await monitor.get<{
      items: { action: string; before: Record<string, unknown>; after: Record<string, unknown> }[];
    }>(`/api/audit?entityType=import&entityId=${c.body.id}`);
    const ev = audit.body.items.find((e) => e.action === 'import.heading')!;
    expect(ev.before).toMatchObject({ number: '15/KH-UBND', signerName: null });
    expect(ev.after).toMatchObject({ number: '16/KH-UBND', signerName: 'Nguyễn Văn A', date: '2026-01-15' });
    expect(ev.after).not.toHaveProperty('docKind');
    // A stale version is a conflict; an impossible date or an unknown field is refused, never a 500.
    const stale = await monitor.request('PUT', path, {
      version: c.body.version,
      ...heading,
      number: '17/KH-UBND',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    for (const bad of [{ date: '2026-02-30' }, { title: 'x'.repeat(1001) }, { sealed: true }]) {
      const b = await monitor.request('PUT', path, { version: r.body.version, ...heading, ...bad });
      expect(b.status).toBe(400);
      expect(b.body.code).toBe('VALIDATION_FAILED');
    }
    expect((await unitUser.request('PUT', path, { version: r.body.version, ...heading })).status).toBe(403);

    const pub = await monitor.post<PublishResult>(`/api/imports/${c.body.id}/publish`, {
      version: r.body.version,
    });
    expect(pub.status).toBe(200);
    const prog = await monitor.get<Program>(`/api/programs/${pub.body.programId}`);
    expect(prog.body).toMatchObject({
      title: 'KẾ HOẠCH Triển khai công tác phổ biến, giáo dục pháp luật năm 2026',
      number: '16/KH-UBND',
      issuer: 'ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM',
      docDate: '2026-01-15',
    });
    expect(prog.body.meta.signer).toMatchObject({ name: 'Nguyễn Văn A' });
    const closed = await monitor.request('PUT', path, { version: pub.body.draft.version, ...heading });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('IMPORT_DRAFT_CLOSED');
  });

  it('imports an uploaded .docx with a table of tasks', async () => {
    const bytes = await taskTableDocx([
      [
        '1',
        'Xây dựng cơ sở dữ liệu văn bản',
        'Sở Tư pháp',
        'Sở Khoa học và Công nghệ',
        'Quý III/2026',
        'Cơ sở dữ liệu',
      ],
      ['2', 'Tập huấn cán bộ', 'Sở Nội vụ', '', 'Năm 2026', 'Hội nghị tập huấn'],
    ]);
    const r = await monitor.request<ImportDraft>('POST', '/api/imports?filename=ke-hoach.docx', undefined, {
      raw: bytes,
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body.doc.tasks.map((x) => [x.text, x.lead?.unitCodes[0]])).toEqual([
      ['Xây dựng cơ sở dữ liệu văn bản', 'SO-TU-PHAP'],
      ['Tập huấn cán bộ', 'SO-NOI-VU'],
    ]);
  });

  it('refuses unusable input with a clear code and stores nothing', async () => {
    const before = await draftCount();
    const cases: [string, Promise<{ status: number; body: Record<string, unknown> }>][] = [
      ['IMPORT_EMPTY', monitor.post('/api/imports', { text: '   \n\n ' })],
      [
        'IMPORT_NO_STRUCTURE',
        monitor.post('/api/imports', { text: 'Một đoạn văn không có cấu trúc nào cả.' }),
      ],
      [
        'IMPORT_NOT_TEXT',
        monitor.request('POST', '/api/imports?filename=anh.txt', undefined, {
          raw: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xc3, 0x28]),
          contentType: 'application/octet-stream',
        }),
      ],
      [
        'IMPORT_BAD_DOCX',
        monitor.request('POST', '/api/imports?filename=hong.docx', undefined, {
          raw: Buffer.from('PK\u0003\u0004hỏng'),
          contentType: 'application/octet-stream',
        }),
      ],
      [
        'IMPORT_DOCX_LIMIT',
        monitor.request('POST', '/api/imports?filename=bom.docx', undefined, {
          raw: Buffer.from(zipBombDocx().bomb),
          contentType: 'application/octet-stream',
        }),
      ],
      [
        'BODY_TOO_LARGE',
        monitor.request('POST', '/api/imports', undefined, {
          raw: Buffer.alloc(12 * 1024 * 1024, 0x61),
          contentType: 'application/octet-stream',
        }),
      ],
    ];
    for (const [code, p] of cases) {
      const r = await p;
      expect(r.status, code).toBeGreaterThanOrEqual(400);
      expect(r.status, code).toBeLessThan(500);
      expect(r.body.code, code).toBe(code);
      expect(typeof r.body.message).toBe('string');
    }
    expect(await draftCount()).toBe(before);
  });

  it('lets only monitors and admins import programs', async () => {
    const r = await unitUser.post('/api/imports', { text: PLAN });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('FORBIDDEN_ROLE');
    // A unit sees only the drafts of its own plans.
    expect((await unitUser.get<DraftList>('/api/imports')).body.items).toEqual([]);
  });
});

describe('seed file is the fixture', () => {
  it('keeps seed/ and fixtures/ copies identical', () => {
    expect(fs.readFileSync('seed/ctr-hanh-dong-nq27-ha-noi.txt', 'utf8')).toBe(
      fs.readFileSync('fixtures/ctr-hanh-dong-nq27-ha-noi.txt', 'utf8'),
    );
  });
});
