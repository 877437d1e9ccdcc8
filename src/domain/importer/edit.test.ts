import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from './parse.js';
import { applyEdit, EditError } from './edit.js';
import { coverageProblems } from './lossless.js';
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
