/**
 * Corrections of a task table's rows through the edit route, on both databases: a row continued
 * after a page break is merged into the row above, a cell read into the wrong column is moved, the
 * merged cell's trailing part moves on (which needs the cell pieces the draft stored), and the
 * published program has the corrected leads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS } from '../../../test/support/db.js';
import { startTestApp, type Client, type TestApp } from '../../../test/support/app.js';
import type { ImportDraft, PublishResult } from '../../contract/imports.js';
import type { Program } from '../../contract/programs.js';
import type { DocNode } from '../../domain/importer/types.js';
import { coverageProblems } from '../../domain/importer/lossless.js';

const PLAN = `KẾ HOẠCH
Triển khai các nhiệm vụ năm 2026

I. MỤC ĐÍCH, YÊU CẦU

1. Bảo đảm mỗi nhiệm vụ có một cơ quan chủ trì.

II. NHIỆM VỤ CỤ THỂ

| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm |
|---|---|---|---|---|---|
| 1 | Rà soát văn bản quy phạm pháp luật | Sở Nội vụ | | Năm 2026 | Báo cáo |

Trang 2

| | do Thành phố ban hành | | Sở Tư pháp | | |
| 2 | Biên soạn tài liệu hỏi đáp | Tháng 9/2026 | Sở Tư pháp | | Tài liệu |

III. TỔ CHỨC THỰC HIỆN

1. Sở Tư pháp: theo dõi, đôn đốc.
`;

const rows = (d: ImportDraft): DocNode[] => {
  const out: DocNode[] = [];
  const walk = (n: DocNode) => {
    if (n.kind === 'row') out.push(n);
    n.children.forEach(walk);
  };
  d.doc.sections.forEach(walk);
  return out;
};

describe.each(DB_KINDS)('correcting table rows of a draft on %s', (kind) => {
  let t: TestApp;
  let monitor: Client;

  beforeAll(async () => {
    t = await startTestApp(kind);
    monitor = await t.loginAs('monitor', { unitCode: 'BNC-TU' });
  });
  afterAll(async () => t?.close());

  it('merges a continued row, re-maps cells, and publishes the corrected tasks', async () => {
    const c = await monitor.post<ImportDraft>('/api/imports', { text: PLAN });
    expect(c.status, c.text).toBe(201);
    expect(c.body.doc.tasks.map((x) => x.text)).toEqual([
      'Rà soát văn bản quy phạm pháp luật',
      'do Thành phố ban hành',
      'Biên soạn tài liệu hỏi đáp',
    ]);
    const path = `/api/imports/${c.body.id}/edits`;
    const [first, continued, third] = rows(c.body);

    const merged = await monitor.post<ImportDraft>(path, {
      version: c.body.version,
      op: { op: 'merge', nodeId: continued!.id },
    });
    expect(merged.status, merged.text).toBe(200);
    expect(merged.body.stats.tasks).toBe(2);
    expect(rows(merged.body)[0]!.cells).toMatchObject({
      task: 'Rà soát văn bản quy phạm pháp luật do Thành phố ban hành',
      cooperating: 'Sở Tư pháp',
    });
    expect(coverageProblems({ ...merged.body.doc, source: merged.body.source })).toEqual([]);

    // "Tháng 9/2026" was read as the lead, "Sở Tư pháp" as cooperating: two moves.
    const r1 = await monitor.post<ImportDraft>(path, {
      version: merged.body.version,
      op: { op: 'setCell', nodeId: third!.id, from: 'lead', to: 'deadline' },
    });
    expect(r1.status, r1.text).toBe(200);
    const r2 = await monitor.post<ImportDraft>(path, {
      version: r1.body.version,
      op: { op: 'setCell', nodeId: third!.id, from: 'cooperating', to: 'lead' },
    });
    expect(r2.status, r2.text).toBe(200);
    const task = r2.body.doc.tasks.find((x) => x.nodeId === third!.id)!;
    expect(task.lead?.unitCodes).toEqual(['SO-TU-PHAP']);
    expect(task.deadline).toMatchObject({ text: 'Tháng 9/2026', value: '2026-09' });

    // The merged task cell is cut where the continuation starts: the draft kept where it was read.
    const cell = rows(r2.body)[0]!.cells!.task!;
    const r3 = await monitor.post<ImportDraft>(path, {
      version: r2.body.version,
      op: { op: 'moveCellText', nodeId: first!.id, from: 'task', to: 'note', at: cell.indexOf('do Thành') },
    });
    expect(r3.status, r3.text).toBe(200);
    expect(rows(r3.body)[0]!.cells).toMatchObject({
      task: 'Rà soát văn bản quy phạm pháp luật',
      note: 'do Thành phố ban hành',
    });
    expect(coverageProblems({ ...r3.body.doc, source: r3.body.source })).toEqual([]);

    // Refusals: a column name the contract does not take, a move the row cannot make.
    const bad = await monitor.post(path, {
      version: r3.body.version,
      op: { op: 'setCell', nodeId: third!.id, from: 'lead', to: 'chủ trì' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const refused = await monitor.post(path, {
      version: r3.body.version,
      op: { op: 'setCell', nodeId: third!.id, from: 'products', to: 'products' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      code: 'IMPORT_EDIT_INVALID',
      message: 'Cột đích phải khác cột hiện tại',
    });

    const audit = await monitor.get<{ items: { action: string; after: { op?: { op: string } } | null }[] }>(
      `/api/audit?entityType=import&entityId=${c.body.id}`,
    );
    expect(
      audit.body.items
        .filter((e) => e.action === 'import.edit')
        .map((e) => e.after?.op?.op)
        .sort(),
    ).toEqual(['merge', 'moveCellText', 'setCell', 'setCell']);

    const pub = await monitor.post<PublishResult>(`/api/imports/${c.body.id}/publish`, {
      version: r3.body.version,
    });
    expect(pub.status, pub.text).toBe(200);
    const prog = await monitor.get<Program>(`/api/programs/${pub.body.programId}`);
    const tasks = prog.body.nodes.filter((n) => n.isTask);
    expect(tasks.map((n) => [n.text, n.extracted?.lead?.unitCodes])).toEqual([
      ['Rà soát văn bản quy phạm pháp luật', ['SO-NOI-VU']],
      ['Biên soạn tài liệu hỏi đáp', ['SO-TU-PHAP']],
    ]);
    expect(tasks[1]!.cells).toMatchObject({ lead: 'Sở Tư pháp', deadline: 'Tháng 9/2026' });
  });
});
