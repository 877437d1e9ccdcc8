import { describe, expect, it } from 'vitest';
import { findReferences } from '../importer/references.js';
import { findTimes, pickDeadline } from '../importer/times.js';
import { firstDueAfter, pastDeadlines } from './assignment.js';
import { suggestAssignments, type TaskInput } from './suggest.js';

/** The deadline the importer picks in a sentence, cited documents excluded as the parser does. */
const deadlineOf = (s: string) => {
  const t = pickDeadline(
    findTimes(
      s,
      0,
      findReferences(s).flatMap((r) => r.citations),
    ),
  );
  return t ? { kind: t.kind, value: t.value } : null;
};

/** A task as an older import stored it: `deadline` is whatever that import read. */
const task = (text: string, deadline: NonNullable<TaskInput['extracted']>['deadline']): TaskInput => ({
  nodeId: 'n1',
  label: 'II.1.1',
  text,
  extracted: { lead: null, leads: [], cooperating: [], deadline },
});

const suggest = (t: TaskInput, programDate: string | null, implementationDate: string | null) =>
  suggestAssignments([t], [], programDate, implementationDate).tasks[0]!.deadline;

describe('deadlines read from a task’s words', () => {
  it('does not take a cited document’s date for a deadline', () => {
    const s =
      'Triển khai thực hiện Nghị quyết số 115/2020/QH14 ngày 19/6/2020 của Quốc hội về thí điểm cơ chế, chính sách đặc thù.';
    expect(deadlineOf(s)).toBeNull();
    expect(findReferences(s)[0]!.number).toBe('115/2020/QH14');
    // The same sentence as an older import stored it, with the cited date as its deadline.
    expect(
      suggest(task(s, { text: 'ngày 19/6/2020', kind: 'date', value: '2020-06-19' }), '2026-01-15', null),
    ).toBeNull();
    // A real deadline in the same sentence is still found.
    const both = `${s.slice(0, -1)}, hoàn thành trước ngày 30/9/2026.`;
    expect(deadlineOf(both)).toEqual({ kind: 'date', value: '2026-09-30' });
    expect(
      suggest(task(both, { text: 'ngày 19/6/2020', kind: 'date', value: '2020-06-19' }), '2026-01-15', null),
    ).toMatchObject({ deadline: { kind: 'date', date: '2026-09-30' }, source: 'ngày 30/9/2026' });
  });

  it('does not take a vision year for a deadline', () => {
    expect(deadlineOf('Xây dựng đề án phát triển giao thông, tầm nhìn đến năm 2050.')).toBeNull();
    // The period of a name that ends with its horizon is part of the name (corpus 13's golden reading).
    expect(deadlineOf('Quy hoạch Thủ đô thời kỳ 2021-2030, tầm nhìn đến năm 2050.')).toBeNull();
    expect(
      deadlineOf('Lập Quy hoạch Thủ đô thời kỳ 2021-2030, tầm nhìn đến năm 2050, trong năm 2026.'),
    ).toEqual({ kind: 'year', value: '2026' });
    const s = 'Xây dựng đề án phát triển giao thông, tầm nhìn đến năm 2050.';
    expect(
      suggest(task(s, { text: 'đến năm 2050', kind: 'year', value: '2050' }), '2026-01-15', null),
    ).toBeNull();
  });

  it('gives a recurrence a first due date after the implementation date', () => {
    expect(deadlineOf('Thường xuyên kiểm tra, đôn đốc việc thực hiện.')).toEqual({
      kind: 'recurrence',
      value: 'continuous',
    });
    expect(deadlineOf('Hằng năm tổ chức sơ kết, báo cáo kết quả.')).toEqual({
      kind: 'recurrence',
      value: 'yearly',
    });
    const yearly = task('Hằng năm tổ chức sơ kết, báo cáo kết quả.', {
      text: 'Hằng năm',
      kind: 'recurrence',
      value: 'yearly',
    });
    // Program dated January 2026, put into implementation on 20/12/2026: the first report is 15/12/2027.
    expect(suggest(yearly, '2026-01-15', '2026-12-20')).toMatchObject({
      deadline: { kind: 'recurrence', recurrence: 'yearly', firstDue: '2027-12-15' },
    });
    // Not yet implemented, today 01/03/2026: 15/12/2026.
    expect(suggest(yearly, '2026-01-15', '2026-03-01')!.deadline).toMatchObject({ firstDue: '2026-12-15' });
    const continuous = task('Thường xuyên kiểm tra, đôn đốc.', {
      text: 'Thường xuyên',
      kind: 'recurrence',
      value: 'continuous',
    });
    expect(suggest(continuous, '2026-01-15', '2026-07-30')!.deadline).toMatchObject({
      firstDue: '2026-08-25',
    });
    expect(firstDueAfter('quarterly', '2026-06-15')).toBe('2026-09-15');
    expect(firstDueAfter('half-yearly', '2026-12-16')).toBe('2027-06-15');
    expect(firstDueAfter('monthly', '2026-12-25')).toBe('2027-01-25');
  });

  it('keeps the deadline wording a task does state', () => {
    expect(deadlineOf('Sở Tư pháp rà soát văn bản, hoàn thành trước ngày 30/6/2026.')).toEqual({
      kind: 'date',
      value: '2026-06-30',
    });
    expect(deadlineOf('Tổ chức hội nghị tập huấn trong Quý II/2026.')).toEqual({
      kind: 'quarter',
      value: '2026-Q2',
    });
    expect(deadlineOf('Hoàn thành trong năm 2026.')).toEqual({ kind: 'year', value: '2026' });
    const s = 'Sở Tư pháp rà soát văn bản, hoàn thành trước ngày 30/6/2026.';
    expect(
      suggest(task(s, { text: 'ngày 30/6/2026', kind: 'date', value: '2026-06-30' }), '2026-01-15', null),
    ).toEqual({ deadline: { kind: 'date', date: '2026-06-30' }, source: 'ngày 30/6/2026' });
    // A deadline from a table's own column is not in the task's words: kept as read.
    expect(
      suggest(
        task('Rà soát văn bản', { text: 'Quý III/2026', kind: 'quarter', value: '2026-Q3' }),
        null,
        null,
      ),
    ).toMatchObject({ deadline: { end: '2026-09-30' } });
  });

  it('lists the deadlines already past for Triển khai', () => {
    const tasks = [
      { label: 'II.1', dueDate: '2026-03-31' },
      { label: 'II.2', dueDate: '2026-04-01' },
      { label: 'II.3', dueDate: null },
    ];
    expect(pastDeadlines(tasks, '2026-04-01').map((t) => t.label)).toEqual(['II.1']);
    expect(pastDeadlines(tasks, '2026-03-31')).toEqual([]);
  });
});
