/**
 * The audit log's words (web/src/features/audit/labels.ts): every action of the catalog has a
 * Vietnamese label, and the values an event records read as an official reads them: statuses and
 * period kinds in words, years without a thousands separator, records never as raw JSON.
 */
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../src/domain/audit-actions.js';

/**
 * The web module, loaded by vitest's own transform: the server's type check (node16 resolution) does
 * not follow it; the web's type check covers it. What the test calls of it:
 */
interface Labels {
  actionInfo(a: string): { label: string };
  entityTypeLabel(t: string): string;
  fieldLabel(key: string, entityType?: string): string;
  formatFieldValue(
    key: string,
    v: unknown,
    ctx: { entityType: string; unitName: (id: string) => string | undefined },
  ): string;
  changedFields(
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
    entityType?: string,
  ): { key: string; before: unknown; after: unknown }[];
}
const WEB_LABELS = '../../web/src/features/audit/labels.ts';
const { actionInfo, changedFields, entityTypeLabel, fieldLabel, formatFieldValue } = (await import(
  /* @vite-ignore */ WEB_LABELS
)) as Labels;

const ctx = (entityType: string) => ({
  entityType,
  unitName: (id: string) => (id === 'u1' ? 'Sở Tư pháp' : undefined),
});
const show = (entityType: string, key: string, v: unknown) => formatFieldValue(key, v, ctx(entityType));
/** Vietnamese words carry diacritics: a label with none is most likely an untranslated code. */
const VIETNAMESE = /[À-ỹ]/;

describe('audit labels', () => {
  it('labels every action of the catalog in Vietnamese', () => {
    for (const a of AUDIT_ACTIONS) {
      const { label } = actionInfo(a);
      expect(label, a).not.toBe(a);
      expect(label, a).toMatch(VIETNAMESE);
    }
  });

  it('names the entity kinds that have events, and their fields', () => {
    for (const t of ['import', 'period', 'report', 'obstacle', 'consolidation', 'file', 'reminder'])
      expect(entityTypeLabel(t)).toMatch(VIETNAMESE);
    for (const k of ['year', 'dueDate', 'schedule', 'handlingUnitId', 'signerName', 'op', 'content'])
      expect(fieldLabel(k), k).toMatch(VIETNAMESE);
    expect(fieldLabel('label', 'period')).toBe('Tên kỳ');
    expect(fieldLabel('title', 'import')).toBe('Trích yếu');
  });

  it('writes statuses, kinds and years as an official reads them', () => {
    expect(show('period', 'year', 2026)).toBe('2026');
    expect(show('report', 'number', 12)).toBe('12');
    expect(show('period', 'obligations', 1234)).toBe('1.234');
    expect(show('period', 'kind', 'half-yearly')).toBe('6 tháng');
    expect(show('period', 'status', 'closed')).toBe('Đã đóng');
    expect(show('report', 'status', 'returned')).toBe('Bị trả lại');
    expect(show('obstacle', 'status', 'answered')).toBe('Đã trả lời');
    expect(show('import', 'status', 'published')).toBe('Đã ban hành');
    expect(show('obstacle', 'handlingUnitId', 'u1')).toBe('Sở Tư pháp');
    expect(show('period', 'dueDate', '2026-12-16')).toBe('16/12/2026');
    expect(show('file', 'size', 2_500_000)).toBe('2,4 MB');
  });

  it('never shows a record as raw JSON', () => {
    const values: [string, string, unknown][] = [
      ['import', 'op', { op: 'merge', nodeId: 'n5' }],
      ['import', 'op', { op: 'mapBody', text: 'Sở TP', unitCode: 'SO-TU-PHAP' }],
      ['period', 'schedule', { before: [7, 3], onDay: true, everyDaysLate: 3, escalateAfterDaysLate: 7 }],
      ['period', 'units', ['u1', 'u2']],
      ['report', 'content', { general: {}, entries: { a: {}, b: {} } }],
      ['report', 'taskComments', { a: 'Bổ sung minh chứng' }],
      ['reminder', 'outcome', { reason: 'Đơn vị đã nộp' }],
      ['system', 'whatever', { year: 2026, nested: { a: 1 } }],
    ];
    for (const [t, k, v] of values) {
      const s = show(t, k, v);
      expect(s, `${t}.${k}`).not.toMatch(/[{}"]/);
      expect(s, `${t}.${k}`).not.toBe('');
    }
    expect(show('import', 'op', { op: 'merge', nodeId: 'n5' })).toBe('Gộp vào mục trước n5');
    expect(
      show('period', 'schedule', { before: [7, 3], onDay: true, everyDaysLate: 3, escalateAfterDaysLate: 7 }),
    ).toBe(
      'trước hạn 7, 3 ngày; nhắc đúng hạn; quá hạn nhắc mỗi 3 ngày; đôn đốc lãnh đạo sau 7 ngày quá hạn',
    );
  });

  it('lists the fields an edit changed, before → after, hiding a task’s derived due date only', () => {
    const heading = changedFields(
      { version: 1, title: 'CỦA CHÍNH PHỦ' },
      { version: 2, title: 'Kế hoạch' },
      'import',
    );
    expect(heading).toEqual([{ key: 'title', before: 'CỦA CHÍNH PHỦ', after: 'Kế hoạch' }]);
    expect(
      changedFields({ dueDate: '2026-12-16' }, { dueDate: '2026-12-20' }, 'period').map((c) => c.key),
    ).toEqual(['dueDate']);
    expect(changedFields({ dueDate: '2026-12-16' }, { dueDate: '2026-12-20' }, 'task')).toEqual([]);
  });
});
