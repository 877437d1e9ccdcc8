/**
 * Every statement the consolidated report writes, checked against a fixture whose expected figures are
 * counted here by hand-written filters (not by the code under test): counts by status; finished on
 * time / late; unfinished overdue / not yet due; obstacles and proposals raised, closed, open and
 * carried over; placeholders never exported; sections within their limits.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReportingRules } from './periods.js';
import type { NarrativeSection } from './narrative.js';
import {
  countsSentence,
  dueState,
  exportableSections,
  fitSection,
  fitText,
  hasPlaceholder,
  placeholder,
  placeholdersIn,
  raisedFacts,
  raisedSentence,
  taskFacts,
  timelinessSentence,
  type JudgedTask,
  type RaisedItem,
} from './statements.js';
import { prng } from '../../../test/support/prng.js';

const rules = JSON.parse(
  fs.readFileSync(new URL('../../../config/reporting-rules.json', import.meta.url), 'utf8'),
) as ReportingRules;

const AS_OF = '2026-06-14';

/** 60 tasks of every status, with deadlines before, on and after AS_OF, and none. */
function fixture(): JudgedTask[] {
  const rnd = prng(20260614);
  const statuses = Object.keys(rules.statuses);
  const dues = ['2026-03-31', '2026-06-14', '2026-06-30', '2026-12-31', null];
  const out: JudgedTask[] = [];
  for (let i = 0; i < 60; i++) {
    const status = statuses[Math.floor(rnd() * statuses.length)]!;
    const baselineDue = dues[Math.floor(rnd() * dues.length)]!;
    const completedOn = status === 'done' ? ['2026-02-01', '2026-05-01', '2026-07-01'][i % 3]! : null;
    out.push({ status, baselineDue, completedOn });
  }
  // The case of the issue: not started, due after the period's end.
  out.push({ status: 'not_started', baselineDue: '2026-09-30', completedOn: null });
  return out;
}

const tasks = fixture();
const counted = tasks.filter((t) => t.status !== 'obsolete');
const facts = taskFacts(rules, tasks, AS_OF);

describe('task counts', () => {
  it('counts each status from the data, "no longer appropriate" apart', () => {
    const s = countsSentence(rules, facts);
    expect(s).toContain(`Trong tổng số ${counted.length} nhiệm vụ:`);
    for (const [status, r] of Object.entries(rules.statuses)) {
      const k = tasks.filter((t) => t.status === status).length;
      if (r.excludedFromRollup) {
        if (k) expect(s).toContain(`ngoài ra, ${k} nhiệm vụ không còn phù hợp`);
      } else if (k) expect(s).toContain(`${k} nhiệm vụ ${r.label.toLowerCase()}`);
      else expect(s).not.toContain(`nhiệm vụ ${r.label.toLowerCase()}`);
    }
  });
  it('says so when there is no task', () => {
    expect(countsSentence(rules, taskFacts(rules, [], AS_OF))).toBe(
      'Chương trình chưa có nhiệm vụ nào được giao.',
    );
  });
});

describe('on time, late, not yet due', () => {
  it('never calls a not-started task due after the period "Đúng hạn"', () => {
    expect(dueState({ status: 'not_started', baselineDue: '2026-09-30', completedOn: null }, AS_OF)).toBe(
      'not_due',
    );
    expect(dueState({ status: 'in_progress', baselineDue: AS_OF, completedOn: null }, AS_OF)).toBe('not_due');
    expect(dueState({ status: 'not_started', baselineDue: '2026-06-13', completedOn: null }, AS_OF)).toBe(
      'overdue',
    );
    expect(dueState({ status: 'done', baselineDue: '2026-06-30', completedOn: '2026-07-01' }, AS_OF)).toBe(
      'done_late',
    );
    // Done with no day given: certainly on time before the deadline, counted late after it.
    expect(dueState({ status: 'done', baselineDue: '2026-06-30', completedOn: null }, AS_OF)).toBe(
      'done_on_time',
    );
    expect(dueState({ status: 'done', baselineDue: '2026-06-13', completedOn: null }, AS_OF)).toBe(
      'done_late',
    );
  });
  it('counts finished on time / late and unfinished overdue / not due from the data', () => {
    const withDue = counted.filter((t) => t.baselineDue);
    const doneOnTime = withDue.filter((t) => t.status === 'done' && t.completedOn! <= t.baselineDue!).length;
    const doneLate = withDue.filter((t) => t.status === 'done' && t.completedOn! > t.baselineDue!).length;
    const overdue = withDue.filter((t) => t.status !== 'done' && t.baselineDue! < AS_OF).length;
    const notDue = withDue.filter((t) => t.status !== 'done' && t.baselineDue! >= AS_OF).length;
    const noDeadline = counted.filter((t) => !t.baselineDue).length;
    expect(doneOnTime + doneLate + overdue + notDue + noDeadline).toBe(counted.length);
    expect([doneOnTime, doneLate, overdue, notDue, noDeadline].every((k) => k > 0)).toBe(true);
    const s = timelinessSentence(facts);
    expect(s).toContain(
      `${doneOnTime} nhiệm vụ hoàn thành đúng hạn, ${doneLate} nhiệm vụ hoàn thành quá hạn`,
    );
    expect(s).toContain(`${overdue} nhiệm vụ đã quá hạn, ${notDue} nhiệm vụ chưa đến hạn`);
    expect(s).toContain(`${noDeadline} nhiệm vụ không có thời hạn`);
  });
  it('writes only the parts the data has', () => {
    const f = taskFacts(
      rules,
      [{ status: 'not_started', baselineDue: '2026-09-30', completedOn: null }],
      AS_OF,
    );
    expect(timelinessSentence(f)).toBe(
      'Trong số nhiệm vụ chưa hoàn thành có thời hạn: 0 nhiệm vụ đã quá hạn, 1 nhiệm vụ chưa đến hạn.',
    );
  });
});

describe('obstacles and proposals raised, closed, open', () => {
  const STATUSES = ['open', 'assigned', 'answered', 'closed'];
  const rnd = prng(7);
  const items: RaisedItem[] = Array.from({ length: 40 }, () => ({
    kind: rnd() < 0.6 ? 'obstacle' : 'proposal',
    status: STATUSES[Math.floor(rnd() * 4)]!,
    inPeriod: rnd() < 0.7,
  }));
  it.each(['obstacle', 'proposal'] as const)(
    'counts %s raised in the period (any status), closed, open, carried over',
    (kind) => {
      const mine = items.filter((o) => o.kind === kind);
      const raised = mine.filter((o) => o.inPeriod);
      const closed = raised.filter((o) => o.status === 'closed').length;
      const carried = mine.filter((o) => !o.inPeriod && o.status !== 'closed').length;
      expect([raised.length, closed, carried].every((k) => k > 0)).toBe(true);
      const s = raisedSentence(kind, raisedFacts(items, kind));
      const what = kind === 'obstacle' ? 'khó khăn, vướng mắc' : 'đề xuất, kiến nghị';
      expect(s).toBe(
        `Trong kỳ, các cơ quan, đơn vị nêu ${raised.length} ${what}; đã giải quyết xong ${closed}, còn ${
          raised.length - closed
        } đang xử lý; ngoài ra, còn ${carried} ${what} nêu từ các kỳ trước chưa giải quyết xong.`,
      );
    },
  );
  it('a closed obstacle of the period is still one raised: never "không nêu"', () => {
    const s = raisedSentence(
      'obstacle',
      raisedFacts([{ kind: 'obstacle', status: 'closed', inPeriod: true }], 'obstacle'),
    );
    expect(s).toBe(
      'Trong kỳ, các cơ quan, đơn vị nêu 1 khó khăn, vướng mắc; đã giải quyết xong 1, còn 0 đang xử lý.',
    );
    expect(raisedSentence('obstacle', raisedFacts([], 'obstacle'))).toBe(
      'Trong kỳ, các cơ quan, đơn vị không nêu khó khăn, vướng mắc.',
    );
    // A closed one of an earlier period is not this period's.
    expect(
      raisedSentence(
        'obstacle',
        raisedFacts([{ kind: 'obstacle', status: 'closed', inPeriod: false }], 'obstacle'),
      ),
    ).toBe('Trong kỳ, các cơ quan, đơn vị không nêu khó khăn, vướng mắc.');
  });
});

describe('placeholders', () => {
  const P = placeholder('nguyên nhân khách quan, chủ quan');
  const sections: NarrativeSection[] = [
    {
      heading: 'II. HẠN CHẾ',
      blocks: [
        { kind: 'subheading', text: '1. Hạn chế' },
        { kind: 'paragraph', text: 'Còn 2 nhiệm vụ quá hạn.' },
        { kind: 'subheading', text: '3. Nguyên nhân' },
        { kind: 'paragraph', text: P },
      ],
    },
    { heading: 'IV. ĐỀ XUẤT', blocks: [{ kind: 'paragraph', text: placeholder('đề xuất, kiến nghị') }] },
    {
      heading: 'V. KHÁC',
      blocks: [{ kind: 'paragraph', text: `Đã sửa một phần ${P} và giữ câu này.` }],
    },
  ];
  it('are found for the editor and removed, with what they leave empty, from the export', () => {
    expect(placeholdersIn(sections)).toHaveLength(3);
    const out = exportableSections(sections);
    expect(JSON.stringify(out)).not.toMatch(/Cơ quan theo dõi bổ sung/);
    expect(out.map((s) => s.heading)).toEqual(['II. HẠN CHẾ', 'V. KHÁC']);
    expect(out[0]!.blocks.map((b) => b.text)).toEqual(['1. Hạn chế', 'Còn 2 nhiệm vụ quá hạn.']);
    expect(out[1]!.blocks[0]!.text).toBe('Đã sửa một phần và giữ câu này.');
    expect(hasPlaceholder(P)).toBe(true);
  });
  it('leave sections without any unchanged', () => {
    const plain: NarrativeSection[] = [
      { heading: 'III', blocks: [] },
      { heading: 'I', blocks: sections[0]!.blocks.slice(0, 2) },
    ];
    expect(exportableSections(plain)).toEqual(plain);
  });
});

describe('section limits', () => {
  it('cuts a block over the limit at a word, and sums up bullets beyond the block count', () => {
    const long = 'Đã rà soát văn bản. '.repeat(2000);
    expect(long.length).toBeGreaterThan(20000);
    const cut = fitText(long, 20000);
    expect(cut.length).toBeLessThanOrEqual(20000);
    expect(cut.endsWith('…')).toBe(true);
    const s = fitSection(
      {
        heading: 'I',
        blocks: [
          { kind: 'paragraph', text: long },
          ...Array.from({ length: 2500 }, (_, i) => ({
            kind: 'bullet' as const,
            text: `Nhiệm vụ ${i + 1}.`,
          })),
        ],
      },
      2000,
      20000,
    );
    expect(s.blocks).toHaveLength(2000);
    expect(s.blocks.every((b) => b.text.length <= 20000)).toBe(true);
    // 1 paragraph + 1998 bullets kept: 2500 − 1998 = 502 tasks summed up.
    expect(s.blocks.at(-1)!.text).toBe('… và 502 nhiệm vụ khác (chi tiết tại Phụ lục kèm theo).');
  });
});
