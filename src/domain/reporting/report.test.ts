import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  REPORT_STATUSES,
  checkEntry,
  completeContent,
  diffEntries,
  emptyContent,
  emptyEntry,
  oneOf,
} from './report.js';
import type { ReportingRules } from './periods.js';

const rules = JSON.parse(
  fs.readFileSync(new URL('../../../config/reporting-rules.json', import.meta.url), 'utf8'),
) as ReportingRules;

describe('report content', () => {
  it('fills what a draft leaves out, down to a product’s number, date and link', () => {
    const c = completeContent({
      general: { summary: 'Tóm tắt' },
      entries: {
        a: { status: 'in_progress', percent: 0, products: [{ description: 'Kế hoạch 45/KH-STP' }] },
      },
    });
    expect(c.general).toEqual({ ...emptyContent().general, summary: 'Tóm tắt' });
    expect(c.entries.a).toEqual({
      ...emptyEntry(),
      status: 'in_progress',
      percent: 0,
      products: [{ description: 'Kế hoạch 45/KH-STP', number: null, date: null, link: null }],
    });
    expect(completeContent(null)).toEqual(emptyContent());
    // A complete report comes back the same.
    expect(completeContent(c)).toEqual(c);
  });

  it('lists the changed fields of an entry in a fixed order', () => {
    const a = completeContent({ entries: { x: { percent: 40, results: 'Một' } } }).entries.x;
    const b = completeContent({ entries: { x: { results: 'Hai', percent: 60 } } }).entries.x;
    expect(diffEntries(a, b)).toEqual(['percent', 'results']);
    expect(diffEntries(undefined, a)).toEqual(['percent', 'results']);
  });

  it('reads a stored status back as one of its list, and refuses any other', () => {
    expect(oneOf(REPORT_STATUSES, 'returned')).toBe('returned');
    expect(() => oneOf(REPORT_STATUSES, 'lost')).toThrow(/lost/);
  });

  it('lets a draft be unfinished; only a submission asks for the result and the reason', () => {
    const codes = (e: Partial<ReturnType<typeof emptyEntry>>, mode?: 'draft' | 'submission') =>
      checkEntry(rules, 'x', { ...emptyEntry(), ...e }, mode).map((p) => p.code);
    expect(codes({ status: 'done' }, 'draft')).toEqual([]);
    expect(codes({ status: 'paused' }, 'draft')).toEqual([]);
    expect(codes({ status: 'done' })).toEqual(['REPORT_DONE_NEEDS_RESULT']);
    expect(codes({ status: 'paused' }, 'submission')).toEqual(['REPORT_REASON_REQUIRED']);
    // What is invalid stays invalid in a draft.
    expect(codes({ status: 'finished' }, 'draft')).toEqual(['REPORT_STATUS_UNKNOWN']);
    expect(codes({ status: 'in_progress', percent: 150 }, 'draft')).toEqual(['REPORT_PERCENT_OUT_OF_RANGE']);
  });
});
