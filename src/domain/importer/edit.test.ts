import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from './parse.js';
import { applyEdit, EditError, TABLE_COLUMNS, type EditOp } from './edit.js';
import { prng } from '../../../test/support/prng.js';
import type { DocNode, ParsedDocument } from './types.js';
import { coverageProblems } from './lossless.js';
import { readableSource } from './furniture.js';
import { docxToText } from './docx.js';
import { allNodes } from './lossless.js';
import { buildSeedUnits } from '../units.js';

const units = buildSeedUnits(
  fs.readFileSync(new URL('../../../seed/hanoi-units.txt', import.meta.url), 'utf8'),
);
const text = `KẾ HOẠCH

Thực hiện công tác năm 2026 như sau:

I. NHIỆM VỤ

1. Công tác tuyên truyền

- Tổ chức hội nghị quán triệt. Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ, Sở Tài nguyên mới thực hiện trước ngày 30/6/2026.

Phát huy vai trò nêu gương của cán bộ.

- Biên soạn tài liệu hỏi đáp.

II. TỔ CHỨC THỰC HIỆN

1. Sở Tư pháp: theo dõi, đôn đốc.
`;

const doc = parseDocument(text, { units });
const byLabel = (d: typeof doc, l: string) => allNodes(d).find((n) => n.label === l)!;

describe('corrections of an imported structure', () => {
  it('starts with the unbulleted paragraph as its own task', () => {
    expect(doc.tasks.map((t) => t.label)).toEqual(['I.1.1', 'I.1.2', 'I.1.3']);
    expect(doc.tasks[0]!.lead?.unitCodes).toEqual(['SO-TU-PHAP']);
    expect(doc.tasks[0]!.cooperating.map((c) => [c.text, c.match])).toEqual([
      ['Sở Nội vụ', 'exact'],
      ['Sở Tài nguyên mới', 'none'],
    ]);
    expect(doc.tasks[0]!.deadline).toMatchObject({ value: '2026-06-30', relation: 'before' });
  });

  it('merges a paragraph into the bullet above', () => {
    const { doc: d } = applyEdit(doc, { op: 'merge', nodeId: byLabel(doc, 'I.1.2').id }, { units });
    expect(d.tasks.map((t) => t.label)).toEqual(['I.1.1', 'I.1.2']);
    expect(d.tasks[0]!.text).toMatch(
      /thực hiện trước ngày 30\/6\/2026\. Phát huy vai trò nêu gương của cán bộ\.$/,
    );
    expect(coverageProblems(d)).toEqual([]);
  });

  it('splits a bullet in two and keeps the spans lossless', () => {
    const n = byLabel(doc, 'I.1.1');
    const at = doc.source.indexOf('Sở Tư pháp chủ trì');
    const { doc: d } = applyEdit(doc, { op: 'split', nodeId: n.id, at }, { units });
    expect(d.tasks.map((t) => t.text.slice(0, 20))).toEqual([
      'Tổ chức hội nghị quá',
      'Sở Tư pháp chủ trì, ',
      'Phát huy vai trò nêu',
      'Biên soạn tài liệu h',
    ]);
    expect(coverageProblems(d)).toEqual([]);
    expect(() => applyEdit(doc, { op: 'split', nodeId: n.id, at: n.span[0] }, { units })).toThrow(EditError);
  });

  it('changes a kind, indents and outdents', () => {
    const p = byLabel(doc, 'I.1.2');
    const asBullet = applyEdit(doc, { op: 'setKind', nodeId: p.id, kind: 'bullet' }, { units }).doc;
    expect(allNodes(asBullet).find((n) => n.id === p.id)!.kind).toBe('bullet');
    const indented = applyEdit(doc, { op: 'indent', nodeId: p.id }, { units }).doc;
    expect(allNodes(indented).find((n) => n.id === p.id)!.label).toBe('I.1.1.1');
    const back = applyEdit(indented, { op: 'outdent', nodeId: p.id }, { units }).doc;
    expect(allNodes(back).find((n) => n.id === p.id)!.label).toBe('I.1.2');
    expect(() => applyEdit(doc, { op: 'outdent', nodeId: doc.sections[0]!.id })).toThrow(EditError);
  });

  it('maps an unmatched body to a unit', () => {
    expect(
      doc.warnings.some(
        (w) => w.code === 'BODY_UNMATCHED' && doc.source.slice(w.span[0], w.span[1]).includes('Tài nguyên'),
      ),
    ).toBe(true);
    const { doc: d, bodyMap } = applyEdit(
      doc,
      { op: 'mapBody', text: 'Sở Tài nguyên mới', unitCode: 'SO-NONG-NGHIEP-VA-MOI-TRUONG' },
      { units },
    );
    expect(bodyMap).toEqual({ 'so tai nguyen moi': 'SO-NONG-NGHIEP-VA-MOI-TRUONG' });
    expect(d.tasks[0]!.cooperating.map((c) => [c.unitCodes[0], c.match])).toEqual([
      ['SO-NOI-VU', 'exact'],
      ['SO-NONG-NGHIEP-VA-MOI-TRUONG', 'manual'],
    ]);
    expect(d.warnings.some((w) => w.code === 'BODY_UNMATCHED')).toBe(false);
  });
});

// ---- rows of a task table ----

const TABLE = `KẾ HOẠCH
Triển khai các nhiệm vụ năm 2026

I. MỤC ĐÍCH, YÊU CẦU

1. Bảo đảm mỗi nhiệm vụ có một cơ quan chủ trì.

II. NHIỆM VỤ CỤ THỂ

| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm |
|---|---|---|---|---|---|
| I | CẢI CÁCH THỂ CHẾ | | | | |
| 1 | Xây dựng đề án chuyển đổi số | Sở Tư pháp | Sở Nội vụ | Quý II/2026 | Đề án |
| 2 | Rà soát văn bản quy phạm pháp luật | Sở Nội vụ | | Năm 2026 | Báo cáo |

Trang 2

| | do **Thành phố** ban hành | | Sở Tư pháp | | |
| 3 | Biên soạn tài liệu hỏi đáp | Tháng 9/2026 | Sở Tư pháp | | Tài liệu |
| 4 | Tổ chức hội nghị tập huấn. 5 Tổng kết công tác năm | Sở Tư pháp | | Năm 2026 | Hội nghị |
| 6 | NHÓM NHIỆM VỤ ĐÀO TẠO | | | | |
| 7 | Bồi dưỡng cán bộ làm công tác pháp chế | Sở Nội vụ | | Quý III/2026 | Lớp bồi dưỡng |

III. TỔ CHỨC THỰC HIỆN

1. Sở Tư pháp: theo dõi, đôn đốc.
`;

const tdoc = parseDocument(TABLE, { units });
const rowOf = (d: ParsedDocument, start: string) =>
  allNodes(d).find((n) => (n.kind === 'row' || n.kind === 'group') && n.text.startsWith(start))!;
const taskOf = (d: ParsedDocument, start: string) => d.tasks.find((t) => t.text.startsWith(start))!;
const compact = (s: string) => s.replace(/[\s*]/g, '');

/**
 * The corrected document is still lossless, and every corrected cell's text is read from the source:
 * each kept piece is its span's text (page furniture blanked), and a cell is its pieces. With
 * `carried`, a piece may have no span (a value a merged Word cell carries down from the row above).
 */
function checked(d: ParsedDocument, carried = false): ParsedDocument {
  expect(coverageProblems(d)).toEqual([]);
  const source = readableSource(d);
  for (const n of allNodes(d)) {
    if (!n.cells || !n.cellPieces) continue;
    expect(Object.keys(n.cellPieces).sort()).toEqual(Object.keys(n.cells).sort());
    for (const [col, ps] of Object.entries(n.cellPieces)) {
      expect(ps.map((p) => p.text).join(' ')).toBe(n.cells[col]);
      for (const p of ps) {
        if (carried && !p.span) continue;
        expect(p.span).not.toBeNull();
        expect(p.span![0]).toBeGreaterThanOrEqual(n.span[0]);
        expect(p.span![1]).toBeLessThanOrEqual(n.span[1]);
        expect(compact(source.slice(p.span![0], p.span![1]))).toBe(compact(p.text));
      }
    }
  }
  return d;
}

const withoutPieces = (ns: DocNode[]): DocNode[] =>
  ns.map(({ cellPieces: _p, ...n }) => ({ ...n, children: withoutPieces(n.children) }));

const edit = (d: ParsedDocument, op: EditOp) => checked(applyEdit(d, op, { units }).doc);

describe('corrections of a task table', () => {
  it('reads the table as the tests below expect', () => {
    checked(tdoc);
    expect(tdoc.tasks.map((t) => [t.label, t.text])).toEqual([
      ['II.I.1', 'Xây dựng đề án chuyển đổi số'],
      ['II.I.2', 'Rà soát văn bản quy phạm pháp luật'],
      ['II.I.2.1', 'do Thành phố ban hành'], // unnumbered: under the row above,
      ['II.I.3', 'Biên soạn tài liệu hỏi đáp'],
      ['II.I.4', 'Tổ chức hội nghị tập huấn. 5 Tổng kết công tác năm'],
      ['II.I.6', 'NHÓM NHIỆM VỤ ĐÀO TẠO'],
      ['II.I.7', 'Bồi dưỡng cán bộ làm công tác pháp chế'],
    ]);
  });

  it('merges a row continued after a page break into the row above, cell by cell', () => {
    const continued = rowOf(tdoc, 'do Thành phố');
    expect(tdoc.warnings.filter((w) => w.code === 'ROW_UNNUMBERED').map((w) => w.nodeId)).toEqual([
      continued.id,
    ]);
    const d = edit(tdoc, { op: 'merge', nodeId: continued.id });
    expect(d.warnings.filter((w) => w.code === 'ROW_UNNUMBERED')).toEqual([]);
    const row = rowOf(d, 'Rà soát');
    expect(row.cells).toEqual({
      tt: '2',
      task: 'Rà soát văn bản quy phạm pháp luật do Thành phố ban hành',
      lead: 'Sở Nội vụ',
      cooperating: 'Sở Tư pháp',
      deadline: 'Năm 2026',
      products: 'Báo cáo',
    });
    expect(row.span).toEqual([rowOf(tdoc, 'Rà soát').span[0], rowOf(tdoc, 'do Thành phố').span[1]]);
    // The page number between the two halves now lies inside the row.
    expect(d.other.some((o) => d.source.slice(o.span[0], o.span[1]) === 'Trang 2')).toBe(false);
    const t = taskOf(d, 'Rà soát');
    expect(t.label).toBe('II.I.2');
    expect(t.cooperating.map((c) => c.unitCodes[0])).toEqual(['SO-TU-PHAP']);
    expect(d.tasks).toHaveLength(6);
    // Refused: the first row of a group has no row above it, and a group row is not merged.
    expect(() => applyEdit(tdoc, { op: 'merge', nodeId: rowOf(tdoc, 'Xây dựng').id })).toThrow(
      /Không có hàng phía trên/,
    );
    expect(() => applyEdit(tdoc, { op: 'merge', nodeId: rowOf(tdoc, 'CẢI CÁCH').id })).toThrow(EditError);
  });

  it('splits a merged row back into the same two rows', () => {
    const merged = edit(tdoc, { op: 'merge', nodeId: rowOf(tdoc, 'do Thành phố').id });
    const row = rowOf(merged, 'Rà soát');
    const at = merged.source.indexOf('| | do **Thành phố**');
    const back = edit(merged, { op: 'split', nodeId: row.id, at });
    expect(rowOf(back, 'Rà soát').cells).toEqual(rowOf(tdoc, 'Rà soát').cells);
    expect(rowOf(back, 'do Thành phố').cells).toEqual(rowOf(tdoc, 'do Thành phố').cells);
    expect(back.tasks.map((t) => t.text)).toEqual(tdoc.tasks.map((t) => t.text));
    // A split in the merged task cell: the cell is cut there, and the cells read after the cut
    // (the second half's cooperating body) go to the new row.
    const cell = rowOf(merged, 'Rà soát').cells!.task!;
    const inCell = edit(merged, {
      op: 'split',
      nodeId: row.id,
      column: 'task',
      at: cell.indexOf('quy phạm'),
    });
    expect(rowOf(inCell, 'Rà soát').cells).toEqual({ tt: '2', task: 'Rà soát văn bản' });
    expect(rowOf(inCell, 'quy phạm').cells).toEqual({
      task: 'quy phạm pháp luật do Thành phố ban hành',
      lead: 'Sở Nội vụ',
      cooperating: 'Sở Tư pháp',
      deadline: 'Năm 2026',
      products: 'Báo cáo',
    });
  });

  it('splits two rows run together: the cell is cut, the later cells go to the new row', () => {
    const row = rowOf(tdoc, 'Tổ chức hội nghị');
    const d = edit(tdoc, {
      op: 'split',
      nodeId: row.id,
      column: 'task',
      at: row.cells!.task!.indexOf('5 Tổng kết'),
    });
    expect(rowOf(d, 'Tổ chức hội nghị').cells).toEqual({ tt: '4', task: 'Tổ chức hội nghị tập huấn.' });
    expect(rowOf(d, '5 Tổng kết').cells).toEqual({
      task: '5 Tổng kết công tác năm',
      lead: 'Sở Tư pháp',
      deadline: 'Năm 2026',
      products: 'Hội nghị',
    });
    expect(taskOf(d, '5 Tổng kết').lead?.unitCodes).toEqual(['SO-TU-PHAP']);
    expect(d.tasks).toHaveLength(8);
    // The same cut given as an offset in the source.
    const bySource = edit(tdoc, { op: 'split', nodeId: row.id, at: TABLE.indexOf('5 Tổng kết') });
    expect(bySource.sections).toEqual(d.sections);
    // Nothing on one side: refused.
    expect(() => applyEdit(tdoc, { op: 'split', nodeId: row.id, column: 'task', at: 0 })).toThrow(EditError);
    expect(() => applyEdit(tdoc, { op: 'split', nodeId: row.id, at: row.span[0] + 1 })).toThrow(/hàng rỗng/);
  });

  it('moves a cell read into the wrong column, swapping with a filled one', () => {
    const row = rowOf(tdoc, 'Biên soạn');
    expect(taskOf(tdoc, 'Biên soạn').lead).toBeNull();
    // "Tháng 9/2026" sits in the lead column and "Sở Tư pháp" in the cooperating one.
    const d1 = edit(tdoc, { op: 'setCell', nodeId: row.id, from: 'lead', to: 'deadline' });
    expect(rowOf(d1, 'Biên soạn').cells).toMatchObject({
      deadline: 'Tháng 9/2026',
      cooperating: 'Sở Tư pháp',
    });
    expect(rowOf(d1, 'Biên soạn').cells!.lead).toBeUndefined();
    const d2 = edit(d1, { op: 'setCell', nodeId: row.id, from: 'cooperating', to: 'lead' });
    const t = taskOf(d2, 'Biên soạn');
    expect(t.lead?.unitCodes).toEqual(['SO-TU-PHAP']);
    expect(t.cooperating).toEqual([]);
    expect(t.deadline).toMatchObject({ value: '2026-09', text: 'Tháng 9/2026' });
    // A swap: the lead and the cooperating body change places.
    const swapped = edit(tdoc, {
      op: 'setCell',
      nodeId: rowOf(tdoc, 'Xây dựng').id,
      from: 'lead',
      to: 'cooperating',
    });
    expect(taskOf(swapped, 'Xây dựng').lead?.unitCodes).toEqual(['SO-NOI-VU']);
    expect(taskOf(swapped, 'Xây dựng').cooperating.map((c) => c.unitCodes[0])).toEqual(['SO-TU-PHAP']);
    expect(() => applyEdit(tdoc, { op: 'setCell', nodeId: row.id, from: 'deadline', to: 'lead' })).toThrow(
      /không có ô/,
    );
    expect(() => applyEdit(tdoc, { op: 'setCell', nodeId: row.id, from: 'lead', to: 'lead' })).toThrow(
      EditError,
    );
    expect(() => applyEdit(tdoc, { op: 'setCell', nodeId: row.id, from: 'lead', to: 'khac' })).toThrow(
      /không có cột/,
    );
  });

  it('moves the trailing part of a cell to another column', () => {
    const merged = edit(tdoc, { op: 'merge', nodeId: rowOf(tdoc, 'do Thành phố').id });
    const row = rowOf(merged, 'Rà soát');
    const cell = row.cells!.task!;
    const d = edit(merged, {
      op: 'moveCellText',
      nodeId: row.id,
      from: 'task',
      to: 'products',
      at: cell.indexOf('do Thành'),
    });
    expect(rowOf(d, 'Rà soát').cells).toMatchObject({
      task: 'Rà soát văn bản quy phạm pháp luật',
      // The moved text was read after "Báo cáo": it follows it.
      products: 'Báo cáo do Thành phố ban hành',
    });
    const t1 = edit(tdoc, {
      op: 'moveCellText',
      nodeId: rowOf(tdoc, 'Tổ chức hội nghị').id,
      from: 'task',
      to: 'note',
      at: 'Tổ chức hội nghị tập huấn. '.length,
    });
    expect(rowOf(t1, 'Tổ chức hội nghị').cells).toMatchObject({
      task: 'Tổ chức hội nghị tập huấn.',
      note: '5 Tổng kết công tác năm',
    });
    expect(() =>
      applyEdit(tdoc, { op: 'moveCellText', nodeId: row.id, from: 'task', to: 'note', at: cell.length }),
    ).toThrow(EditError);
  });

  it('turns a row into a group row over the rows under it, and back', () => {
    const g = rowOf(tdoc, 'NHÓM NHIỆM VỤ');
    const d = edit(tdoc, { op: 'setKind', nodeId: g.id, kind: 'group' });
    const group = allNodes(d).find((n) => n.id === g.id)!;
    expect(group.kind).toBe('group');
    expect(group.children.map((c) => c.text)).toEqual(['Bồi dưỡng cán bộ làm công tác pháp chế']);
    expect(taskOf(d, 'Bồi dưỡng')).toMatchObject({ groupTitle: 'NHÓM NHIỆM VỤ ĐÀO TẠO', label: 'II.6.7' });
    expect(d.tasks.some((t) => t.text.startsWith('NHÓM'))).toBe(false);
    // Back: the row and the rows under it join the group row above.
    const back = edit(d, { op: 'setKind', nodeId: g.id, kind: 'row' });
    expect(withoutPieces(back.sections)).toEqual(tdoc.sections);
    expect(back.tasks.map((t) => t.label)).toEqual(tdoc.tasks.map((t) => t.label));
    // The parser's own group row becomes a row; its rows stay in the table after it.
    const top = edit(tdoc, { op: 'setKind', nodeId: rowOf(tdoc, 'CẢI CÁCH').id, kind: 'row' });
    expect(taskOf(top, 'CẢI CÁCH')).toMatchObject({ label: 'II.I', groupLabel: null });
    expect(top.tasks).toHaveLength(8);
    expect(() => applyEdit(tdoc, { op: 'setKind', nodeId: g.id, kind: 'bullet' })).toThrow(/nhóm/);
    expect(() => applyEdit(tdoc, { op: 'indent', nodeId: g.id })).toThrow(EditError);
    expect(() => applyEdit(doc, { op: 'setKind', nodeId: byLabel(doc, 'I.1.1').id, kind: 'row' })).toThrow(
      EditError,
    );
  });

  it('merges a paragraph read from a row continued after a page break into the row above', () => {
    const text = TABLE.replace('| | do **Thành phố** ban hành | | Sở Tư pháp | | |', 'do Thành phố ban hành');
    const d0 = parseDocument(text, { units });
    const para = allNodes(d0).find((n) => n.kind === 'paragraph' && n.text === 'do Thành phố ban hành')!;
    expect(para).toBeTruthy();
    const d = edit(d0, { op: 'merge', nodeId: para.id });
    expect(rowOf(d, 'Rà soát').cells!.task).toBe('Rà soát văn bản quy phạm pháp luật do Thành phố ban hành');
    expect(allNodes(d).some((n) => n.id === para.id)).toBe(false);
  });
});

describe('random corrections of a task table', () => {
  it('stay lossless and keep every cell read from the source, whatever the order', () => {
    const r = prng(12);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    let applied = 0;
    for (let run = 0; run < 30; run++) {
      let d = tdoc;
      for (let step = 0; step < 8; step++) {
        const nodes = allNodes(d).filter((n) => n.kind === 'row' || (n.kind === 'group' && n.cells));
        const rows = allNodes(d).filter((n) => n.kind === 'row');
        const n = pick(nodes.length ? nodes : rows);
        const cols = Object.keys(n.cells ?? {});
        const from = pick(cols.length ? cols : ['task']);
        const cell = n.cells?.[from] ?? '';
        const op: EditOp = pick<EditOp>([
          { op: 'merge', nodeId: n.id },
          { op: 'split', nodeId: n.id, column: from, at: Math.floor(r() * cell.length) },
          { op: 'split', nodeId: n.id, at: n.span[0] + Math.floor(r() * (n.span[1] - n.span[0])) },
          { op: 'setKind', nodeId: n.id, kind: n.kind === 'row' ? 'group' : 'row' },
          { op: 'setCell', nodeId: n.id, from, to: pick(TABLE_COLUMNS) },
          {
            op: 'moveCellText',
            nodeId: n.id,
            from,
            to: pick(TABLE_COLUMNS),
            at: Math.floor(r() * cell.length),
          },
        ]);
        try {
          d = checked(applyEdit(d, op, { units }).doc);
          applied++;
        } catch (e) {
          if (!(e instanceof EditError)) throw e;
        }
      }
    }
    expect(applied).toBeGreaterThan(100);
  });
});

/** A row's columns that have text (the parser may keep an empty one). */
const filled = (n: DocNode) =>
  Object.entries(n.cells ?? {})
    .filter(([, v]) => v.trim())
    .map(([k]) => k);

describe('corrections of the corpus tables', () => {
  const dir = new URL('../../../fixtures/corpus/', import.meta.url);
  const files = fs.readdirSync(dir).filter((f) => /\.(txt|docx)$/.test(f));

  it.each(files)('keep %s lossless with every cell read from the source', async (f) => {
    const raw = fs.readFileSync(new URL(f, dir));
    const d0 = parseDocument(
      f.endsWith('.docx') ? await docxToText(new Uint8Array(raw)) : raw.toString('utf8'),
      {
        units,
      },
    );
    const rows = allNodes(d0).filter((n) => n.kind === 'row');
    expect(rows.length).toBeGreaterThan(10);
    // Cells are found in their row's text (a gazette cell in runs of lines), except values carried
    // down from the row above (a merged Word cell, a gazette sub-row): a piece with no span.
    let cells = 0;
    let unlocated = 0;
    let inRuns = 0;
    for (const n of rows) {
      const from = filled(n)[0];
      if (!from) continue;
      const d = checked(
        applyEdit(d0, { op: 'setCell', nodeId: n.id, from, to: from === 'note' ? 'task' : 'note' }).doc,
        true,
      );
      const ps = Object.values(allNodes(d).find((x) => x.id === n.id)!.cellPieces ?? {});
      cells += ps.length;
      unlocated += ps.flat().filter((p) => !p.span).length;
      inRuns += ps.filter((p) => p.length > 1).length;
    }
    expect(unlocated).toBeLessThanOrEqual(cells * 0.05);
    if (f.endsWith('.txt')) expect(inRuns).toBeGreaterThan(0);
    const r = prng(f.length);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    for (let run = 0; run < 10; run++) {
      let d = d0;
      for (let step = 0; step < 5; step++) {
        const n = pick(allNodes(d).filter((x) => x.kind === 'row'));
        const from = pick(filled(n).length ? filled(n) : ['task']);
        const cell = n.cells?.[from] ?? '';
        const op = pick<EditOp>([
          { op: 'merge', nodeId: n.id },
          { op: 'split', nodeId: n.id, column: from, at: Math.floor(r() * cell.length) },
          { op: 'setKind', nodeId: n.id, kind: 'group' },
          { op: 'setCell', nodeId: n.id, from, to: pick(TABLE_COLUMNS) },
          {
            op: 'moveCellText',
            nodeId: n.id,
            from,
            to: pick(TABLE_COLUMNS),
            at: Math.floor(r() * cell.length),
          },
        ]);
        try {
          d = checked(applyEdit(d, op, { units }).doc, true);
        } catch (e) {
          if (!(e instanceof EditError)) throw e;
        }
      }
    }
  });
});
