import { describe, expect, it } from 'vitest';
import {
  checkAssignment,
  deadlineFromTime,
  dueDate,
  isIsoDate,
  missing,
  summarize,
  taskMeter,
  type AssignmentState,
} from './assignment.js';
import { suggestAssignments } from './suggest.js';

const base: AssignmentState = {
  text: 'Rà soát văn bản quy phạm pháp luật của Thành phố',
  leadUnitId: null,
  cooperatingUnitIds: [],
  focal: null,
  deadline: null,
  products: [],
};

describe('the "5 rõ" meter', () => {
  it('says what each task is missing', () => {
    expect(missing(taskMeter(base))).toEqual(['nguoi', 'dauMoi', 'tienDo', 'hieuQua']);
    const full: AssignmentState = {
      ...base,
      leadUnitId: 'u1',
      focal: { userId: null, name: 'Nguyễn Văn A', position: 'Chuyên viên', phone: null },
      deadline: { kind: 'date', date: '2026-06-30' },
      products: [{ kind: 'report', description: 'Báo cáo', dueDate: null }],
    };
    expect(missing(taskMeter(full))).toEqual([]);
    expect(
      taskMeter({ ...full, focal: { userId: null, name: 'A', position: null, phone: null } }).dauMoi,
    ).toBe(false);
    expect(taskMeter({ ...full, text: 'Ngắn' }).viec).toBe(false);
  });
  it('summarises tasks into a score', () => {
    const s = summarize([taskMeter(base), taskMeter({ ...base, leadUnitId: 'x' })]);
    expect(s).toMatchObject({
      tasks: 2,
      complete: 0,
      clear: { nguoi: 1, viec: 2, dauMoi: 0, tienDo: 0, hieuQua: 0 },
    });
    expect(s.score).toBeCloseTo(3 / 10);
    expect(summarize([]).score).toBe(0);
  });
});

describe('assignment rules', () => {
  it('refuses a lead that also cooperates, a bad or early deadline, an empty product', () => {
    expect(
      checkAssignment({ ...base, leadUnitId: 'u1', cooperatingUnitIds: ['u1', 'u2', 'u2'] }, null).map(
        (p) => p.code,
      ),
    ).toEqual(['ASSIGN_LEAD_IS_COOPERATING', 'ASSIGN_DUPLICATE_COOPERATING']);
    expect(
      checkAssignment({ ...base, deadline: { kind: 'date', date: '2022-01-01' } }, '2023-02-07')[0]?.code,
    ).toBe('ASSIGN_DEADLINE_BEFORE_PROGRAM');
    expect(
      checkAssignment(
        { ...base, deadline: { kind: 'period', label: 'x', start: '2026-12-01', end: '2026-01-01' } },
        null,
      )[0]?.code,
    ).toBe('ASSIGN_DEADLINE_INVALID');
    expect(
      checkAssignment({ ...base, products: [{ kind: 'plan', description: ' ', dueDate: null }] }, null)[0]
        ?.code,
    ).toBe('ASSIGN_PRODUCT_INVALID');
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    for (const d of ['0000-01-01', '9999-12-31', '9999-99-99', '2025-02-29', '2026-13-01', '2026-04-31'])
      expect(isIsoDate(d), d).toBe(false);
  });
  it('turns the times the importer read into deadlines', () => {
    expect(deadlineFromTime({ kind: 'quarter', value: '2023-Q2' }, null)).toEqual({
      kind: 'period',
      label: 'Quý II/2023',
      start: '2023-04-01',
      end: '2023-06-30',
    });
    expect(deadlineFromTime({ kind: 'year', value: '2025' }, null)).toMatchObject({ end: '2025-12-31' });
    expect(deadlineFromTime({ kind: 'range', value: '2022/2030' }, null)).toMatchObject({
      label: 'Giai đoạn 2022-2030',
      end: '2030-12-31',
    });
    expect(deadlineFromTime({ kind: 'month', value: '2024-02' }, null)).toMatchObject({ end: '2024-02-29' });
    const r = deadlineFromTime({ kind: 'recurrence', value: 'yearly' }, '2026-12-20')!;
    expect(r).toEqual({ kind: 'recurrence', recurrence: 'yearly', firstDue: '2027-12-15' });
    expect(dueDate(r)).toBe('2027-12-15');
    // "trước ngày 31/01 năm liền kề", "trước ngày 30 tháng 11 hằng năm": every year on the day written.
    const on = (value: string, from: string) =>
      deadlineFromTime({ kind: 'recurrence', value }, from) as { firstDue: string };
    expect(on('yearly:11-30', '2026-04-29')).toEqual({
      kind: 'recurrence',
      recurrence: 'yearly',
      firstDue: '2026-11-30',
    });
    expect(on('yearly:11-30', '2026-11-30').firstDue).toBe('2027-11-30');
    expect(on('yearly:01-31', '2026-03-10').firstDue).toBe('2027-01-31');
    expect(on('yearly:02-29', '2026-03-01').firstDue).toBe('2027-02-28');
  });
});

describe('suggestions', () => {
  it('takes the lead from the text, or from the section III duties that share the most words', () => {
    const s = suggestAssignments(
      [
        {
          nodeId: 'a',
          label: 'II.1.1',
          text: 'Sở Tư pháp chủ trì rà soát văn bản',
          extracted: {
            lead: { text: 'Sở Tư pháp', unitIds: ['stp'], match: 'exact' },
            leads: [],
            cooperating: [{ text: 'Sở Nội vụ', unitIds: ['snv'], match: 'exact' }],
            deadline: { text: 'năm 2026', kind: 'year', value: '2026' },
          },
        },
        {
          nodeId: 'b',
          label: 'II.1.2',
          text: 'Tăng cường tuyên truyền, phổ biến, giáo dục pháp luật trong Nhân dân',
          extracted: null,
        },
        { nodeId: 'c', label: 'II.1.3', text: 'Việc không ai nhắc tới', extracted: null },
      ],
      [
        {
          label: 'III.5.3',
          bodies: [{ text: 'Ban Tuyên giáo Thành ủy', unitIds: ['btg'], match: 'exact' }],
          leadUnitId: 'btg',
          duties: 'chủ trì tham mưu tuyên truyền, phổ biến, giáo dục pháp luật',
        },
        {
          label: 'III.5.2',
          bodies: [{ text: 'Ban Nội chính Thành ủy', unitIds: ['bnc'], match: 'exact' }],
          leadUnitId: 'bnc',
          duties: 'theo dõi, hướng dẫn, kiểm tra, đôn đốc, tổng hợp kết quả',
        },
      ],
      null,
    );
    expect(s.tasks[0]).toMatchObject({
      lead: { unitId: 'stp', how: 'text' },
      cooperating: [{ unitId: 'snv' }],
      deadline: { deadline: { end: '2026-12-31' } },
    });
    expect(s.tasks[1]!.lead).toMatchObject({ unitId: 'btg', how: 'responsibility' });
    expect(s.tasks[1]!.lead!.source).toMatch(/^III\.5\.3: ….*tuyên truyền.*…$/);
    expect(s.tasks[2]!.lead).toBeNull();
    expect(s.monitoring).toMatchObject({ unitId: 'bnc' });
    expect(s.bodies.map((b) => b.text)).toEqual(['Ban Tuyên giáo Thành ủy', 'Ban Nội chính Thành ủy']);
  });
});
